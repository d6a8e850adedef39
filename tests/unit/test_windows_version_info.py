"""An executable's FileDescription from its version resource, through a fake version.dll whose
VerQueryValueW points into the caller's block as the real one does."""

import struct

from gui.platforms.win32.version_info import file_description
from tests.unit.win32_fakes import FakeVersion

APP = "C:\\Program Files\\App\\app.exe"


def test_the_first_listed_translation_is_read() -> None:
    version = FakeVersion(
        {
            APP: {
                "\\VarFileInfo\\Translation": struct.pack("<HHHH", 0x0804, 0x04B0, 0x0409, 0x04B0),
                "\\StringFileInfo\\080404b0\\FileDescription": "记事本",
                "\\StringFileInfo\\040904b0\\FileDescription": "Notepad",
            }
        }
    )
    assert file_description(version, APP) == "记事本"


def test_without_a_translation_table_us_english_is_tried() -> None:
    version = FakeVersion({APP: {"\\StringFileInfo\\040904e4\\FileDescription": "Legacy App  "}})
    assert file_description(version, APP) == "Legacy App"


def test_no_resource_an_empty_description_or_an_unknown_file_gives_none() -> None:
    assert file_description(FakeVersion({APP: {}}), APP) is None
    assert (
        file_description(FakeVersion({APP: {"\\StringFileInfo\\040904b0\\FileDescription": "  "}}), APP)
        is None
    )
    assert file_description(FakeVersion({}), APP) is None


def test_a_long_description_is_bounded() -> None:
    version = FakeVersion({APP: {"\\StringFileInfo\\040904b0\\FileDescription": "x" * 2000}})
    assert file_description(version, APP) == "x" * 256
