"""The translations' sources match the code: no string missing, unfinished or obsolete.

Runs ``pyside6-lupdate`` on the package into a scratch file (as ``make translations``
would) and compares what it finds with the committed ``resources/translations/*.ts``.
When this fails after a change to user-visible text: ``make translations``, then translate
the new strings (Qt Linguist: ``pyside6-linguist resources/translations/procpilot_zh_CN.ts``).
"""

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
from translations import lupdate, target_language  # noqa: E402

from gui.translation_files import SOURCE_DIR, sources  # noqa: E402

#: Plural forms per language: Chinese has one, English two ("1 process", "2 processes").
NUMERUS_FORMS = {"zh_CN": 1, "en": 2}
PLACEHOLDER = re.compile(r"%[1-9]")
MNEMONIC = re.compile(r"&[^&\s]")

Key = tuple[str, str, str, bool]  # context, source, disambiguation, plural


def messages(ts_file: Path) -> dict[Key, ET.Element]:
    found = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (
                name,
                message.findtext("source") or "",
                message.findtext("comment") or "",
                message.get("numerus") == "yes",
            )
            found[key] = message
    return found


def translated_forms(translation: ET.Element, plural: bool) -> list[str]:
    if plural:
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


def ts_files() -> list[Path]:
    return sources(SOURCE_DIR)


def test_every_language_has_a_source() -> None:
    assert {target_language(path) for path in ts_files()} == {"en", "zh_CN"}


@pytest.mark.parametrize("ts_file", ts_files(), ids=lambda path: path.name)
def test_ts_matches_the_code(ts_file: Path, tmp_path: Path) -> None:
    """Every string lupdate finds is in the .ts, and the .ts holds nothing else."""
    fresh = tmp_path / ts_file.name
    fresh.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        f'<TS version="2.1" language="{target_language(ts_file)}" sourcelanguage="en">\n</TS>\n',
        encoding="utf-8",
    )
    lupdate(fresh)
    in_code, committed = set(messages(fresh)), set(messages(ts_file))
    assert in_code, "lupdate found no strings at all"
    missing = sorted(in_code - committed)
    obsolete = sorted(committed - in_code)
    assert not missing, f"not in {ts_file.name} (run make translations, then translate): {missing}"
    assert not obsolete, f"in {ts_file.name} but no longer in the code (run make translations): {obsolete}"


@pytest.mark.parametrize("ts_file", ts_files(), ids=lambda path: path.name)
def test_every_translation_is_finished(ts_file: Path) -> None:
    language = target_language(ts_file)
    problems = []
    for (context, source, _comment, plural), message in messages(ts_file).items():
        translation = message.find("translation")
        assert translation is not None
        state = translation.get("type")
        forms = translated_forms(translation, plural)
        if state in {"unfinished", "obsolete", "vanished"} or not all(form.strip() for form in forms):
            problems.append(f"{context}: {source!r} is {state or 'empty'}")
        elif plural and len(forms) != NUMERUS_FORMS[language]:
            problems.append(f"{context}: {source!r} has {len(forms)} plural forms")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("ts_file", ts_files(), ids=lambda path: path.name)
def test_translations_keep_placeholders_and_mnemonics(ts_file: Path) -> None:
    """``%1``, ``%2``... survive translation (each form), and a menu text keeps one mnemonic."""
    problems = []
    for (context, source, _comment, plural), message in messages(ts_file).items():
        translation = message.find("translation")
        assert translation is not None
        forms = translated_forms(translation, plural)
        for form in forms:
            if sorted(set(PLACEHOLDER.findall(form))) != sorted(set(PLACEHOLDER.findall(source))):
                problems.append(f"{context}: {source!r} -> {form!r}: placeholders differ")
            if bool(MNEMONIC.search(source)) != (len(MNEMONIC.findall(form)) == 1):
                problems.append(f"{context}: {source!r} -> {form!r}: mnemonic lost or doubled")
    assert not problems, "\n".join(problems)


def test_contexts_are_class_names() -> None:
    """At run time a context is a class name; lupdate sometimes glues a qualifier onto it
    (``QCoreApplication.Results``), which no translation lookup would ever match."""
    for ts_file in ts_files():
        contexts = {context for context, _source, _comment, _plural in messages(ts_file)}
        assert all(context.isidentifier() for context in contexts), sorted(contexts)


def test_chinese_uses_the_desktop_terms() -> None:
    """The words Chinese users know from GNOME and KDE, for the actions and views."""
    found = messages(SOURCE_DIR / "procpilot_zh_CN.ts")
    chinese = {
        (context, source): message.findtext("translation")
        for (context, source, _comment, plural), message in found.items()
        if not plural
    }
    assert chinese[("Actions", "&End")] == "结束(&E)"
    assert chinese[("Actions", "&Force quit")] == "强制结束(&F)"
    assert chinese[("Actions", "&Suspend")] == "暂停(&S)"
    assert chinese[("Actions", "&Resume")] == "继续(&R)"
    assert chinese[("Actions", "End process &group")] == "结束进程组(&G)"
    assert chinese[("Views", "Process &tree")] == "进程树(&T)"
    assert chinese[("Applications", "Background processes")] == "后台进程"
    assert chinese[("Applications", "System processes")] == "系统进程"


def test_every_count_is_a_plural() -> None:
    """A ``%n`` message that lupdate did not see as plural gets no plural forms: it was written
    ``QCoreApplication.translate(context, text, None, n)``, whose count lupdate ignores. Write
    ``Results.tr(text, None, n)`` (``gui/views/translation_contexts.py``) or ``self.tr``."""
    found = messages(SOURCE_DIR / "procpilot_zh_CN.ts")
    singular = sorted(
        source for (_context, source, _comment, plural) in found if "%n" in source and not plural
    )
    assert not singular, singular
