"""CI checks of the Linux one-file binary, run after `make package`.

    python packaging/check_binary.py dist/procpilot

1. ``--smoke`` on the offscreen platform;
2. ``--smoke`` in a real X11 session (xcb) under Xvfb (``xvfb-run``);
3. ``--smoke`` as an unprivileged user created for the check, with a home of its own:
   it must list processes, exit 0, and leave its settings and its log in that home.
Root is needed for the third check (useradd, setpriv).
"""

import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

USER = "procpilot-smoke"


def run_smoke(label: str, command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)
    line = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    if result.returncode != 0 or not line.startswith("smoke ok:"):
        raise SystemExit(f"FAIL {label}: exit {result.returncode}\n{result.stdout}\n{result.stderr}")
    print(f"ok   {label}: {line}")


def clean_env(**extra: str) -> dict[str, str]:
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": os.environ.get("LANG", "C.UTF-8")}
    env.update(extra)
    return env


def ensure_user() -> pwd.struct_passwd:
    try:
        return pwd.getpwnam(USER)
    except KeyError:
        subprocess.run(["useradd", "--create-home", "--shell", "/usr/sbin/nologin", USER], check=True)
        return pwd.getpwnam(USER)


def main() -> int:
    binary = Path(sys.argv[1] if len(sys.argv) > 1 else "dist/procpilot").resolve()
    with tempfile.TemporaryDirectory(prefix="procpilot-check-") as scratch:
        home = Path(scratch)
        run_smoke(
            "offscreen", [str(binary), "--smoke"], clean_env(HOME=str(home), QT_QPA_PLATFORM="offscreen")
        )

        if shutil.which("xvfb-run") is None:
            raise SystemExit("FAIL xcb: xvfb-run is not installed (apt-get install xvfb)")
        run_smoke(
            "X11 (xcb) under Xvfb",
            ["xvfb-run", "--auto-servernum", "env", "QT_QPA_PLATFORM=xcb", str(binary), "--smoke"],
            clean_env(HOME=str(home)),
        )

    if os.geteuid() != 0:
        raise SystemExit("FAIL unprivileged user: this check needs root to create the user")
    user = ensure_user()
    shelf = Path(tempfile.mkdtemp(prefix="procpilot-bin-"))
    try:
        shelf.chmod(0o755)  # the user must reach the binary: our checkout may be private
        copy = shelf / binary.name
        shutil.copy2(binary, copy)
        copy.chmod(0o755)
        run_smoke(
            f"as unprivileged user {USER}",
            ["setpriv", f"--reuid={USER}", f"--regid={USER}", "--init-groups", str(copy), "--smoke"],
            clean_env(HOME=user.pw_dir, USER=USER, QT_QPA_PLATFORM="offscreen"),
        )
    finally:
        shutil.rmtree(shelf)
    settings = Path(user.pw_dir) / ".config" / "ProcPilot" / "ProcPilot.conf"
    log = Path(user.pw_dir) / ".local" / "share" / "ProcPilot" / "ProcPilot" / "logs" / "procpilot.log"
    for path in (settings, log):
        if not path.exists() or path.stat().st_uid != user.pw_uid:
            raise SystemExit(f"FAIL unprivileged user: {path} is missing or not owned by {USER}")
    if "smoke ok" not in log.read_text():
        raise SystemExit(f"FAIL unprivileged user: {log} does not record the run")
    print(f"ok   settings and log written under {user.pw_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
