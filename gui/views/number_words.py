"""Numbers in sentences and menus, written as the user's locale writes them."""

from PySide6.QtCore import QCoreApplication, QLocale

from gui.core.formatting import NumberStyle
from gui.views.message_args import with_args


def number_text(value: float) -> str:
    """``1.5`` in English, ``1,5`` in German; whole numbers without decimals (``10``)."""
    return QLocale().toString(float(value), "g", 6)


def seconds_text(seconds: float) -> str:
    """A duration for a menu: ``1.5 s`` (``1.5 秒`` in Chinese)."""
    return with_args(QCoreApplication.translate("Units", "%1 s"), number_text(seconds))


def locale_number_style(locale: QLocale) -> NumberStyle:
    """The locale's decimal point and thousands separator, for the table's cells."""
    grouped = not (locale.numberOptions() & QLocale.NumberOption.OmitGroupSeparator)
    return NumberStyle(locale.decimalPoint(), locale.groupSeparator() if grouped else "")
