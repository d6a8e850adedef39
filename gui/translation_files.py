"""Where the compiled translations (``.qm``) are, and building them from the sources (``.ts``).

The sources are ``resources/translations/procpilot_<language>.ts``; ``pyside6-lrelease`` turns
them into ``gui/_translations/procpilot_<language>.qm``, which the wheel and the PyInstaller
build carry. The ``.qm`` files are not kept in git: ``make``, ``packaging/build.py`` and the
tests build them, and a run from a source checkout rebuilds any that is missing or older than
its source (a fresh clone, or a ``.ts`` just edited), so every way of starting ProcPilot
finds them current.
"""

import logging
import subprocess
import sys
from pathlib import Path

logger = logging.getLogger(__name__)

#: Inside the package: installed with it, and where the frozen build unpacks it.
COMPILED_DIR = Path(__file__).resolve().parent / "_translations"
#: The sources, present only in a source checkout.
SOURCE_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"
PREFIX = "procpilot_"

#: Runs PySide6's lrelease (the wheel's own binary) on any OS, without relying on PATH.
_LRELEASE = "import sys; from PySide6.scripts.pyside_tool import lrelease; sys.exit(lrelease())"


def sources(source_dir: Path = SOURCE_DIR) -> list[Path]:
    return sorted(source_dir.glob(f"{PREFIX}*.ts"))


def compiled_path(source: Path, compiled_dir: Path = COMPILED_DIR) -> Path:
    return compiled_dir / source.with_suffix(".qm").name


def stale(source_dir: Path = SOURCE_DIR, compiled_dir: Path = COMPILED_DIR) -> list[Path]:
    """The sources whose ``.qm`` is missing or older than they are."""
    found = []
    for source in sources(source_dir):
        target = compiled_path(source, compiled_dir)
        if not target.exists() or target.stat().st_mtime < source.stat().st_mtime:
            found.append(source)
    return found


def compile_translations(
    source_dir: Path = SOURCE_DIR, compiled_dir: Path = COMPILED_DIR, *, only_stale: bool = True
) -> list[Path]:
    """Build the ``.qm`` files with ``pyside6-lrelease``; returns the ones written.

    Raises ``RuntimeError`` with lrelease's words when it fails (a broken ``.ts``).
    """
    todo = stale(source_dir, compiled_dir) if only_stale else sources(source_dir)
    written = []
    for source in todo:
        target = compiled_path(source, compiled_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        run = subprocess.run(
            [sys.executable, "-c", _LRELEASE, "-silent", str(source), "-qm", str(target)],
            capture_output=True,
            text=True,
            check=False,
        )
        if run.returncode != 0 or not target.exists():
            raise RuntimeError(
                f"lrelease could not compile {source.name}: {run.stderr or run.stdout}".strip()
            )
        written.append(target)
    return written


def current_translations_dir() -> Path:
    """The directory to load ``.qm`` files from, rebuilt first when running from a source checkout.

    Never raises: without lrelease or a writable package, ProcPilot starts with what it has
    (English at worst) and the log says why.
    """
    if getattr(sys, "frozen", False) or not SOURCE_DIR.is_dir():
        return COMPILED_DIR
    try:
        for written in compile_translations():
            logger.info("Compiled translation %s", written)
    except (OSError, RuntimeError) as error:
        logger.warning("Cannot compile the translations (%s); using what is there", error)
    return COMPILED_DIR
