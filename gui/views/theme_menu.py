"""View → Theme: System, Light or Dark (applied at once)."""

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from gui.core.theme_choice import ThemeChoice


def theme_titles() -> dict[ThemeChoice, str]:
    return {
        ThemeChoice.SYSTEM: QCoreApplication.translate("Theme", "&System"),
        ThemeChoice.LIGHT: QCoreApplication.translate("Theme", "&Light"),
        ThemeChoice.DARK: QCoreApplication.translate("Theme", "&Dark"),
    }


def theme_tooltips() -> dict[ThemeChoice, str]:
    return {
        ThemeChoice.SYSTEM: QCoreApplication.translate(
            "Theme", "Light or dark as the desktop is, following it when it changes"
        ),
        ThemeChoice.LIGHT: QCoreApplication.translate("Theme", "Always light"),
        ThemeChoice.DARK: QCoreApplication.translate("Theme", "Always dark"),
    }


class ThemeMenu(QObject):
    """The Theme submenu; ``chosen`` carries the :class:`ThemeChoice` the user picked."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget, current: ThemeChoice) -> None:
        super().__init__(parent)
        self.menu = QMenu(QCoreApplication.translate("Theme", "T&heme"), parent)
        self.menu.setObjectName("menu_theme")
        self.menu.setToolTipsVisible(True)
        group = QActionGroup(self.menu)
        tooltips = theme_tooltips()
        self.actions: dict[ThemeChoice, QAction] = {}
        for choice, title in theme_titles().items():
            action = self.menu.addAction(title)
            action.setObjectName(f"theme_{choice.value}")
            action.setCheckable(True)
            action.setChecked(choice is current)
            action.setToolTip(tooltips[choice])
            action.setData(choice.value)
            group.addAction(action)
            self.actions[choice] = action
        group.triggered.connect(self._triggered)

    def _triggered(self, action: QAction) -> None:
        self.chosen.emit(ThemeChoice(action.data()))
