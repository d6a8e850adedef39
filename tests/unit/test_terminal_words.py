# ruff: noqa: RUF001  # Chinese text uses full-width colons
"""The terminal's language, and ProcPilot's compiled translations read without Qt."""

import pytest

from gui.qm_reader import QmCatalog, QmFileError
from gui.terminal_words import find_catalog, terminal_languages
from gui.translation_files import COMPILED_DIR, compile_translations


@pytest.fixture(scope="module")
def compiled() -> None:
    compile_translations()  # those missing or older than their .ts


@pytest.mark.parametrize(
    ("environ", "languages"),
    [
        ({"LANG": "zh_CN.UTF-8"}, ["zh_CN"]),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, ["zh_CN"]),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": "de_DE@euro"}, ["de_DE"]),
        ({"LANG": "zh_CN.UTF-8", "LANGUAGE": "fr:en"}, ["fr", "en", "zh_CN"]),
        ({"LANG": "C.UTF-8", "LANGUAGE": "zh_CN"}, []),  # the C locale: English, as gettext has it
        ({"LANG": "POSIX"}, []),
        ({}, []),
    ],
)
def test_the_terminal_language_comes_from_the_environment(
    environ: dict[str, str], languages: list[str]
) -> None:
    assert terminal_languages(environ) == languages


@pytest.mark.usefixtures("compiled")
@pytest.mark.parametrize(
    ("languages", "chinese"),
    [
        (["zh_CN"], True),
        (["zh"], True),
        (["fr", "zh_CN"], True),
        (["en", "zh_CN"], False),
        (["zh_TW"], False),
    ],
)
def test_the_first_language_with_a_translation_is_used(languages: list[str], chinese: bool) -> None:
    catalog = find_catalog(languages, COMPILED_DIR)
    found = catalog.translate("Terminal", "options") if catalog is not None else None
    assert (found == "选项") is chinese


@pytest.mark.usefixtures("compiled")
def test_a_message_is_found_by_its_context_source_and_comment() -> None:
    catalog = QmCatalog.load(COMPILED_DIR / "procpilot_zh_CN.qm")
    assert catalog.translate("Terminal", "usage: ") == "用法："
    assert catalog.translate("Actions", "&End") == "结束(&E)"
    assert catalog.translate("Views", "&End") is None  # another context
    assert catalog.translate("Terminal", "no such text") is None


def test_a_file_that_is_no_translation_is_refused(tmp_path) -> None:
    broken = tmp_path / "procpilot_zh_CN.qm"
    broken.write_bytes(b"<TS>not compiled</TS>")
    with pytest.raises(QmFileError):
        QmCatalog.load(broken)
    assert find_catalog(["zh_CN"], tmp_path) is None  # logged, and English is said instead
