"""Running a test in another language: ProcPilot's and Qt's translators, then back to none."""

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from gui.core.formatting import number_style, use_number_style
from gui.core.language import Language
from gui.translators import install_translators, remove_translators


@contextmanager
def translated(language: Language) -> Iterator[None]:
    """Windows made inside speak ``language``; the locale and number style are restored after."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    locale, style = QLocale(), number_style()
    translators = install_translators(app, language)
    assert translators, "no translation was loaded"
    try:
        yield
    finally:
        remove_translators(app, translators)
        QLocale.setDefault(locale)
        use_number_style(style)
