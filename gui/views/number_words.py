"""Numbers in sentences and menus, written as the user's locale writes them."""

import re

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
    """The locale's decimal point, thousands separator and date-time pattern, for the table's cells.

    Times keep their seconds (processes started in the same minute differ); the C locale
    (no language set) keeps ISO dates.
    """
    grouped = not (locale.numberOptions() & QLocale.NumberOption.OmitGroupSeparator)
    style = NumberStyle(locale.decimalPoint(), locale.groupSeparator() if grouped else "")
    if locale.language() == QLocale.Language.C:
        return style
    day = locale.dateFormat(QLocale.FormatType.ShortFormat)
    clock = re.sub(r"\s*t+\s*", " ", locale.timeFormat(QLocale.FormatType.LongFormat)).strip()  # no time zone
    return NumberStyle(
        style.decimal_point, style.group_separator, f"{day} {clock}", (locale.amText(), locale.pmText())
    )
