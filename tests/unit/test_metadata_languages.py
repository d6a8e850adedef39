"""The launcher and the software store speak Chinese too (packaging/check_metadata_languages.py)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
from check_metadata_languages import (  # noqa: E402
    DESKTOP_FILE,
    METAINFO_FILE,
    desktop_problems,
    metainfo_problems,
)


def test_the_shipped_desktop_entry_and_metainfo_have_every_chinese_text() -> None:
    assert desktop_problems() == []
    assert metainfo_problems() == []
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "check_metadata_languages.py")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")


def test_the_chinese_launcher_texts_are_the_desktop_terms() -> None:
    entry = DESKTOP_FILE.read_text(encoding="utf-8").splitlines()
    assert "GenericName[zh_CN]=进程管理器" in entry
    keywords = next(line for line in entry if line.startswith("Keywords[zh_CN]="))
    assert {"进程", "任务管理器", "结束"} <= set(keywords.partition("=")[2].split(";"))


def test_a_missing_or_english_desktop_translation_is_found(tmp_path: Path) -> None:
    lines = DESKTOP_FILE.read_text(encoding="utf-8").splitlines()
    broken = [line for line in lines if not line.startswith("Comment[zh_CN]=")]
    broken = [
        "GenericName[zh_CN]=Process Manager" if line.startswith("GenericName[zh_CN]=") else line
        for line in broken
    ]
    copy = tmp_path / DESKTOP_FILE.name
    copy.write_text("\n".join(broken) + "\n", encoding="utf-8")
    assert desktop_problems(copy) == [
        f"{copy.name}: GenericName[zh_CN] is not translated: 'Process Manager'",
        f"{copy.name}: Comment[zh_CN] is missing",
    ]


def test_a_description_item_without_its_chinese_twin_is_found(tmp_path: Path) -> None:
    text = METAINFO_FILE.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    first_chinese_item = next(i for i, line in enumerate(lines) if '<li xml:lang="zh-CN">' in line)
    del lines[first_chinese_item]
    copy = tmp_path / METAINFO_FILE.name
    copy.write_text(
        "".join(lines).replace('<summary xml:lang="zh-CN">', '<summary xml:lang="de">'), encoding="utf-8"
    )
    assert metainfo_problems(copy) == [
        f"{copy.name}: 1 <summary> in English, 0 in zh-CN",
        f"{copy.name}: 4 <description/ul/li> in English, 3 in zh-CN",
    ]
