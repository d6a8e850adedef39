"""packaging/check_binary.py's check of the one-folder build: what a Chinese desktop needs, no fonts."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
from check_binary import folder_problems  # noqa: E402

#: As PyInstaller 6 lays a one-folder build out on Linux.
COMPLETE = (
    "procpilot",
    "_internal/PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
    "_internal/PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
    "_internal/PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "_internal/PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
    "_internal/PySide6/Qt/plugins/iconengines/libqsvgicon.so",
    "_internal/PySide6/Qt/lib/libQt6Svg.so.6",
    "_internal/PySide6/Qt/translations/qtbase_zh_CN.qm",
    "_internal/gui/_translations/procpilot_zh_CN.qm",
)


def folder_with(tmp_path: Path, names: tuple[str, ...]) -> Path:
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"")
    return tmp_path


def test_a_complete_folder_passes(tmp_path: Path) -> None:
    assert folder_problems(folder_with(tmp_path, COMPLETE)) == []


def test_a_missing_input_method_and_a_bundled_font_are_named(tmp_path: Path) -> None:
    names = tuple(name for name in COMPLETE if "ibus" not in name and "qgtk3" not in name)
    folder = folder_with(tmp_path, (*names, "_internal/fonts/NotoSansCJK-Regular.ttc"))
    problems = folder_problems(folder)
    assert len(problems) == 3, problems
    assert problems[0].startswith("the ibus input method")
    assert problems[1].startswith("the GTK 3 platform theme")
    assert problems[2] == "a font is bundled: _internal/fonts/NotoSansCJK-Regular.ttc"


def test_no_folder_is_said(tmp_path: Path) -> None:
    assert folder_problems(tmp_path / "procpilot-folder") == [
        f"{tmp_path / 'procpilot-folder'} is missing (make package builds it next to the one-file binary)"
    ]
