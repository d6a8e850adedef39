"""Keep the translations' sources in step with the code, and compile them.

    python packaging/translations.py update    (or: make translations)
    python packaging/translations.py compile

``update`` runs ``pyside6-lupdate`` on every Python file of the package and merges what it
finds into ``resources/translations/procpilot_<language>.ts``: new strings arrive unfinished,
strings gone from the code are dropped. Translate them with Qt Linguist (``pyside6-linguist``)
or any editor. ``compile`` builds the ``.qm`` files (``pyside6-lrelease``) into
``gui/_translations``; ``make``, the packaging build and the tests run it, and so does a start
from a source checkout when a ``.qm`` is older than its ``.ts``.
"""

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from gui.translation_files import SOURCE_DIR, compile_translations, sources  # noqa: E402

PACKAGE = ROOT / "gui"
#: The language the code is written in.
SOURCE_LANGUAGE = "en"
_LUPDATE = "import sys; from PySide6.scripts.pyside_tool import lupdate; sys.exit(lupdate())"


def code_files() -> list[Path]:
    """The Python files lupdate reads: the whole package (tests and tools hold no UI text)."""
    return sorted(path for path in PACKAGE.rglob("*.py") if "__pycache__" not in path.parts)


def target_language(ts_file: Path) -> str:
    return ts_file.stem.removeprefix("procpilot_")


def lupdate(ts_file: Path) -> None:
    """Merge the strings of the code into ``ts_file`` (created when missing), dropping vanished ones."""
    arguments = ["-silent", "-no-obsolete", "-locations", "none", "-source-language", "en"]
    language = target_language(ts_file)
    arguments += ["-target-language", language]
    if language == SOURCE_LANGUAGE:
        arguments.append("-pluralonly")  # English needs only its plural forms: "1 process", "2 processes"
    subprocess.run(
        [sys.executable, "-c", _LUPDATE, *arguments, *map(str, code_files()), "-ts", str(ts_file)],
        check=True,
        cwd=ROOT,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description="Update or compile ProcPilot's translations.")
    parser.add_argument("command", choices=("update", "compile"))
    options = parser.parse_args()
    if options.command == "update":
        for ts_file in sources(SOURCE_DIR):
            lupdate(ts_file)
            print(f"updated {ts_file.relative_to(ROOT)}")
    for qm_file in compile_translations():  # those missing or older than their .ts
        print(f"compiled {qm_file.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
