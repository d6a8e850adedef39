"""Check that the desktop entry and the AppStream metainfo speak every language ProcPilot does.

    python packaging/check_metadata_languages.py    (run by validate_metadata.sh)

A launcher or a software store shows these texts before ProcPilot ever starts, so a language
the window speaks must be there too: every translatable key of the desktop entry
(``Name``, ``GenericName``, ``Comment``, ``Keywords``) has a ``[zh_CN]`` version, and the
metainfo's name, summary, each description paragraph and list item, keyword and screenshot
caption has an ``xml:lang="zh-CN"`` twin. A translation is written in the language's script
(the product's own name excepted). Prints one line per problem; exit status 1 if any.
"""

import configparser
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DESKTOP_FILE = ROOT / "resources" / "org.procpilot.ProcPilot.desktop"
METAINFO_FILE = ROOT / "resources" / "org.procpilot.ProcPilot.metainfo.xml"
#: Desktop-entry language code → AppStream (BCP 47) code.
LANGUAGES = {"zh_CN": "zh-CN"}
DESKTOP_KEYS = ("Name", "GenericName", "Comment", "Keywords")
#: Elements whose text a store shows, at the places it looks for them.
METAINFO_TEXTS = (
    "name",
    "summary",
    "description/p",
    "description/ul/li",
    "keywords/keyword",
    "screenshots/screenshot/caption",
)
PRODUCT_NAME = "ProcPilot"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _written_in_han(text: str) -> bool:
    return any("\u4e00" <= character <= "\u9fff" for character in text)


def desktop_problems(path: Path = DESKTOP_FILE) -> list[str]:
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(path, encoding="utf-8")
    section = entry["Desktop Entry"]
    problems = []
    for language in LANGUAGES:
        for key in DESKTOP_KEYS:
            translated = section.get(f"{key}[{language}]")
            if not translated:
                problems.append(f"{path.name}: {key}[{language}] is missing")
            elif translated != PRODUCT_NAME and not _written_in_han(translated):
                problems.append(f"{path.name}: {key}[{language}] is not translated: {translated!r}")
    return problems


def metainfo_problems(path: Path = METAINFO_FILE) -> list[str]:
    component = ET.parse(path).getroot()
    problems = []
    for language in LANGUAGES.values():
        for where in METAINFO_TEXTS:
            elements = component.findall(where)
            languages = Counter(element.get(_XML_LANG) for element in elements)
            source_count, translated_count = languages[None], languages[language]
            if source_count != translated_count:
                problems.append(
                    f"{path.name}: {source_count} <{where}> in English, {translated_count} in {language}"
                )
            for element in elements:
                text = "".join(element.itertext()).strip()
                if element.get(_XML_LANG) == language and text != PRODUCT_NAME and not _written_in_han(text):
                    problems.append(f"{path.name}: <{where} xml:lang={language}> is not translated: {text!r}")
    return problems


def main() -> int:
    problems = desktop_problems() + metainfo_problems()
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
