"""Install ProcPilot's polkit action and a root-owned helper for it (for packagers).

    sudo python3 packaging/install_polkit_policy.py                  # /usr, Debian's python3
    sudo python3 packaging/install_polkit_policy.py --frozen /opt/procpilot/procpilot
    python3 packaging/install_polkit_policy.py --destdir "$pkgdir"   # staged, for a package
    sudo python3 packaging/install_polkit_policy.py --uninstall

Writes ``<prefix>/libexec/procpilot/procpilot-elevated-helper``, a small script run by
``<python> -I`` (isolated: no environment, no user site) that starts the helper from
its own copy of the helper's modules in ``<prefix>/lib/procpilot/`` (the helper and the
protocol, nothing else: no Qt, no psutil), and ``org.procpilot.ProcPilot.policy`` in
polkit's actions folder with ``exec.path`` naming that script. With ``--frozen``, the
action names an installed ProcPilot binary instead (with ``exec.argv1`` set to
``--elevated-helper``, so the kept authorisation never covers starting the window as
root).

The action allows ``auth_admin_keep``, which is safe only for a program no user can
change: after a real install the script checks that the helper, its interpreter, its
modules and every folder above them belong to root and are closed to writing by group
and others, runs the helper once, and removes everything again if any of it fails.
ProcPilot itself runs the installed helper only when the same check passes; otherwise
it falls back to pkexec's generic action (one prompt per batch).
"""

import argparse
import compileall
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from gui.actions.installed_helper import ACTION_ID, POLICY_NAME, POLKIT_ACTIONS, path_problem  # noqa: E402

POLICY_SOURCE = ROOT / "resources" / POLICY_NAME
HELPER_NAME = "procpilot-elevated-helper"
#: The helper's modules: all it imports (``tests/unit/test_polkit_install.py`` runs the copy).
HELPER_MODULES = (
    "gui/__init__.py",
    "gui/core/__init__.py",
    "gui/core/elevation_protocol.py",
    "gui/helper/__init__.py",
    "gui/helper/answer_file.py",
    "gui/helper/follow_ups.py",
    "gui/helper/linux_process.py",
    "gui/helper/main.py",
    "gui/helper/platform.py",
    "gui/helper/request_file.py",
    "gui/helper/targets.py",
    "gui/helper/thread_nice.py",
)
_EXEC_PATH_NOTE = '<annotate key="org.freedesktop.policykit.exec.path">'
_HELPER_FLAG = "--elevated-helper"
_WRAPPER = '''#!{python} -I
"""ProcPilot's privileged helper, run by pkexec through {action}.

Installed by packaging/install_polkit_policy.py. Only the standard library and the
modules in {lib} are loaded; the request comes on standard input.
"""

import sys

sys.path.insert(0, {lib!r})

from gui.helper.main import serve

sys.exit(serve(sys.argv[1:]))
'''


class InstallError(Exception):
    """The install would not be safe or did not work; nothing of it is left."""


def _layout(prefix: Path, policy_dir: Path) -> tuple[Path, Path, Path]:
    """Where the helper script, its modules and the policy go (as installed, not staged)."""
    return (
        prefix / "libexec" / "procpilot" / HELPER_NAME,
        prefix / "lib" / "procpilot",
        policy_dir / POLICY_NAME,
    )


def _staged(path: Path, destdir: Path) -> Path:
    return destdir / path.relative_to("/") if destdir != Path("/") else path


def policy_text(exec_path: str, argv1: str | None = None) -> str:
    """The shipped policy with ``exec.path`` (and ``exec.argv1``) for this install."""
    text = POLICY_SOURCE.read_text(encoding="utf-8")
    start = text.index(_EXEC_PATH_NOTE) + len(_EXEC_PATH_NOTE)
    end = text.index("</annotate>", start)
    note = exec_path
    if argv1 is not None:
        note += f'</annotate>\n    <annotate key="org.freedesktop.policykit.exec.argv1">{argv1}'
    return text[:start] + note + text[end:]


def _write(path: Path, data: str, mode: int) -> None:
    path.parent.mkdir(mode=0o755, parents=True, exist_ok=True)
    path.write_text(data, encoding="utf-8")
    path.chmod(mode)


def _own_by_root(paths: list[Path]) -> None:
    if os.geteuid() == 0:
        for path in paths:
            os.chown(path, 0, 0, follow_symlinks=False)


def install(prefix: Path, policy_dir: Path, destdir: Path, python: str, frozen: str | None) -> list[Path]:
    """Install; returns what was written (staged paths). Raises :class:`InstallError`."""
    helper, lib, policy = _layout(prefix, policy_dir)
    written: list[Path] = []
    if frozen is not None:
        _write(_staged(policy, destdir), policy_text(frozen, _HELPER_FLAG), 0o644)
        written.append(_staged(policy, destdir))
    else:
        for module in HELPER_MODULES:
            target = _staged(lib / module, destdir)
            target.parent.mkdir(mode=0o755, parents=True, exist_ok=True)
            shutil.copyfile(ROOT / module, target)
            target.chmod(0o644)
            written.append(target)
        staged_lib = _staged(lib, destdir)
        compileall.compile_dir(staged_lib, quiet=1, stripdir=str(staged_lib), prependdir=str(lib))
        written.extend(staged_lib.rglob("*.pyc"))
        written.extend(p for p in staged_lib.rglob("*") if p.is_dir())
        wrapper = _WRAPPER.format(python=python, action=ACTION_ID, lib=str(lib))
        _write(_staged(helper, destdir), wrapper, 0o755)
        _write(_staged(policy, destdir), policy_text(str(helper)), 0o644)
        written += [_staged(helper, destdir), _staged(helper.parent, destdir), _staged(policy, destdir)]
    _own_by_root(written)
    if destdir == Path("/"):
        try:
            if frozen is not None:  # a one-folder build loads everything beside it
                _check(frozen, None, Path(frozen).parent / "_internal")
            else:
                _check(str(helper), python, lib)
        except InstallError:
            uninstall(prefix, policy_dir, destdir)
            raise
    return written


def _check(program: str, python: str | None, lib: Path | None) -> None:
    """Refuse a helper a user could change (program, interpreter, what it loads from
    ``lib``), and one that does not run."""
    problems = [path_problem(program)]
    if python is not None:
        problems.append(path_problem(python))
    if lib is not None and lib.is_dir():  # what the program loads: as safe as the program
        loaded = sorted(path for path in lib.rglob("*") if not path.is_dir())
        problems += [path_problem(str(path), runnable=False) for path in loaded]
    for reason in problems:
        if reason is not None:
            raise InstallError(f"not safe to run as root with a kept authorisation: {reason}")
    command = [program, _HELPER_FLAG] if python is None else [program]
    answer = subprocess.run(command, input=b"check\n", capture_output=True, timeout=30, check=False)
    if not answer.stdout.startswith(b"ERROR "):  # a working helper refuses this request
        raise InstallError(f"the installed helper did not answer: {answer.stderr.decode(errors='replace')}")


def uninstall(prefix: Path, policy_dir: Path, destdir: Path) -> None:
    helper, lib, policy = _layout(prefix, policy_dir)
    _staged(policy, destdir).unlink(missing_ok=True)
    _staged(helper, destdir).unlink(missing_ok=True)
    shutil.rmtree(_staged(lib, destdir), ignore_errors=True)
    for folder in (_staged(helper.parent, destdir),):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--prefix", type=Path, default=Path("/usr"), help="install prefix (default /usr)")
    parser.add_argument("--destdir", type=Path, default=Path("/"), help="staging root for packages")
    parser.add_argument("--policy-dir", type=Path, default=POLKIT_ACTIONS, help="polkit's actions folder")
    parser.add_argument("--python", default="/usr/bin/python3", help="the helper's interpreter")
    parser.add_argument("--frozen", metavar="BINARY", help="name an installed ProcPilot binary instead")
    parser.add_argument("--uninstall", action="store_true", help="remove what an install wrote")
    args = parser.parse_args(argv)
    for option in ("prefix", "policy_dir"):
        if not getattr(args, option).is_absolute():
            parser.error(f"--{option.replace('_', '-')} must be an absolute path")
    if args.uninstall:
        uninstall(args.prefix, args.policy_dir, args.destdir)
        return 0
    try:
        written = install(args.prefix, args.policy_dir, args.destdir, args.python, args.frozen)
    except InstallError as error:
        print(f"install_polkit_policy: {error}", file=sys.stderr)
        return 1
    for path in written:
        if path.is_file() and path.suffix != ".pyc":
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
