"""The languages ProcPilot speaks, and the user's choice among them."""

from enum import Enum


class Language(Enum):
    """The choice in *View → Language*; the value is what the settings file stores."""

    SYSTEM = "system"
    ENGLISH = "en"
    CHINESE_SIMPLIFIED = "zh_CN"


#: Each language's name in itself, as the menu shows it whatever the current language.
NATIVE_NAMES = {
    Language.ENGLISH: "English",
    Language.CHINESE_SIMPLIFIED: "\u7b80\u4f53\u4e2d\u6587",
}
