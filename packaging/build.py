"""Build ProcPilot's packaged binaries and report their size and start-up time.

    python packaging/build.py          (or: make package)

Runs PyInstaller with packaging/procpilot.spec, which makes, for the OS it runs on,
the one-file binary dist/procpilot (procpilot.exe on Windows) and the one-folder build
dist/procpilot-folder/ (and dist/ProcPilot.app on macOS). Then starts each with
``--smoke`` and prints sizes and times: wall time from launch to exit after the first
populated list (what a user waits, unpacking included) and the app's own figure.
``--max-one-file-mb`` makes the build fail when the one-file binary is larger.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
EXE = ".exe" if sys.platform == "win32" else ""
ONE_FILE = DIST / f"procpilot{EXE}"
ONE_FOLDER = DIST / "procpilot-folder" / f"procpilot{EXE}"


def build() -> None:
    sys.path.insert(0, str(ROOT))
    from gui.translation_files import compile_translations

    compile_translations()  # the .qm files the spec bundles, current with their .ts
    spec = ROOT / "packaging" / "procpilot.spec"
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(DIST), "--workpath", str(ROOT / "build"), str(spec)],
        cwd=ROOT,
        check=True,
    )  # fmt: skip


def size_mb(path: Path) -> float:
    if path.is_dir():
        return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink()) / 1e6
    return path.stat().st_size / 1e6


def smoke(binary: Path) -> tuple[float, str]:
    """Wall seconds from launch to exit, and the app's own line."""
    env = dict(os.environ)
    if sys.platform.startswith("linux") and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="procpilot-smoke-") as home:
        env["XDG_CONFIG_HOME"] = str(Path(home) / "config")
        env["XDG_DATA_HOME"] = str(Path(home) / "data")
        started = time.perf_counter()
        result = subprocess.run(
            [str(binary), "--smoke"], env=env, capture_output=True, text=True, timeout=60, check=False
        )
        elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{binary} --smoke failed ({result.returncode}): {result.stderr.strip()}")
    return elapsed, result.stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description="Build ProcPilot's binaries (PyInstaller).")
    parser.add_argument("--max-one-file-mb", type=float, help="fail when the one-file binary is larger")
    parser.add_argument("--no-build", action="store_true", help="only measure what dist/ holds")
    options = parser.parse_args()
    if not options.no_build:
        build()
    rows = []
    for label, binary, measured in (
        ("one-file", ONE_FILE, ONE_FILE),
        ("one-folder", ONE_FOLDER, ONE_FOLDER.parent),
    ):
        wall, line = smoke(binary)
        found = re.search(r"first list in ([\d.]+) s", line)
        app_figure = found.group(1) if found else "?"  # a windowed Windows build prints nothing
        rows.append((label, str(binary.relative_to(ROOT)), size_mb(measured), wall, app_figure))
    print(f"{'build':<11} {'path':<32} {'size':>9} {'launch to first list':>21} {'(app figure)':>13}")
    for label, path, size, wall, first in rows:
        print(f"{label:<11} {path:<32} {size:>6.1f} MB {wall:>19.2f} s {first:>11} s")
    if options.max_one_file_mb is not None and rows[0][2] > options.max_one_file_mb:
        print(f"one-file binary is {rows[0][2]:.1f} MB, over the {options.max_one_file_mb:g} MB target")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
