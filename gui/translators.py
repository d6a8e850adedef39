"""Installing the translators for the user's language: ProcPilot's own and Qt's."""

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from gui.core.formatting import use_number_style
from gui.core.language import Language
from gui.models.status_words import forget_status_words
from gui.translation_files import PREFIX, current_translations_dir
from gui.views.number_words import locale_number_style

logger = logging.getLogger(__name__)

#: The language the source strings are written in; its translation only adds plural forms.
_SOURCE_LANGUAGE = "en"


def chosen_locale(language: Language) -> QLocale:
    """The locale for a choice in View → Language: the system's, or the chosen language's."""
    if language is Language.SYSTEM:
        return QLocale.system()
    return QLocale(language.value)


def install_translators(
    app: QCoreApplication, language: Language, directory: Path | None = None
) -> list[QTranslator]:
    """Translate ProcPilot and Qt's own dialogs into ``language``; returns the translators installed.

    A language ProcPilot has no translation for gets English (with its plural forms); Qt's
    strings come from ``qtbase_<language>.qm`` where Qt ships one.
    Numbers and ``QLocale()`` follow the chosen locale from now on.
    """
    locale = chosen_locale(language)
    QLocale.setDefault(locale)
    use_number_style(locale_number_style(locale))
    folder = directory if directory is not None else current_translations_dir()
    installed: list[QTranslator] = []
    own = QTranslator(app)
    if own.load(locale, PREFIX.rstrip("_"), "_", str(folder)) or own.load(
        f"{PREFIX}{_SOURCE_LANGUAGE}", str(folder)
    ):
        app.installTranslator(own)
        installed.append(own)
    else:
        logger.warning("No ProcPilot translation found in %s", folder)
    qt_language = "none"
    if own.language() != _SOURCE_LANGUAGE and not own.isEmpty():
        qt = QTranslator(app)
        if any(qt.load(locale, "qtbase", "_", str(place)) for place in _qt_translation_dirs()):
            app.installTranslator(qt)
            installed.append(qt)
            qt_language = qt.language()
        else:
            qt.deleteLater()
            logger.warning("Qt has no translation for %s: its own buttons stay English", locale.name())
    forget_status_words()  # words cached in the previous language
    # One line the packaging check looks for: which translations a run really uses.
    logger.info("Translations: ProcPilot %s, Qt %s", own.language() or "none", qt_language)
    return installed


def _qt_translation_dirs() -> list[Path]:
    """Where Qt's own ``.qm`` files are: Qt's configured place, else next to the PySide6 package
    (where the frozen build unpacks them)."""
    import PySide6  # noqa: PLC0415 - only to find the package's folder

    return [
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        Path(PySide6.__file__).parent / "Qt" / "translations",
    ]


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
        translator.deleteLater()
    forget_status_words()
