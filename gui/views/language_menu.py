"""View → Language: System, English or 简体中文, applied when ProcPilot next starts."""

from PySide6.QtCore import QLocale
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from gui.core.language import NATIVE_NAMES, Language
from gui.settings import Settings
from gui.views.message_args import with_args

#: Mnemonics for the languages' own names (a CJK name takes its letter in parentheses).
_MENU_TEXTS = {
    Language.ENGLISH: "&English",
    Language.CHINESE_SIMPLIFIED: NATIVE_NAMES[Language.CHINESE_SIMPLIFIED] + "(&C)",
}


class LanguageMenu(QMenu):
    """The choice is stored at once; the window keeps its language until ProcPilot restarts."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setTitle(self.tr("&Language"))
        self.setObjectName("menu_language")
        self.setToolTipsVisible(True)
        restart = self.tr("Takes effect when ProcPilot restarts")
        note = self.addAction(restart)
        note.setObjectName("language_restart_note")
        note.setEnabled(False)
        self.addSeparator()
        system_name = _native_name(QLocale.system())
        texts = {Language.SYSTEM: with_args(self.tr("&System language (%1)"), system_name), **_MENU_TEXTS}
        self._group = QActionGroup(self)
        chosen = settings.language
        for language, text in texts.items():
            action = QAction(text, self)
            action.setObjectName(f"language_{language.value}")
            action.setCheckable(True)
            action.setChecked(language is chosen)
            action.setData(language.value)
            action.setToolTip(restart)
            self._group.addAction(action)
            self.addAction(action)
        self._group.triggered.connect(self._chosen)

    def _chosen(self, action: QAction) -> None:
        self._settings.language = Language(action.data())


def _native_name(locale: QLocale) -> str:
    """The language's name in itself (``简体中文``, ``Deutsch``); the C locale is English to Qt."""
    if locale.language() == QLocale.Language.C:
        return NATIVE_NAMES[Language.ENGLISH]
    return locale.nativeLanguageName() or locale.name()
