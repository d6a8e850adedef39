"""CI checks of the Linux one-file binary, run after `make package`.

    python packaging/check_binary.py dist/procpilot

1. ``--smoke`` on the offscreen platform;
2. ``--smoke`` in a real X11 session (xcb) under Xvfb (``xvfb-run``);
3. End and Force quit through the real window of the frozen app, driven by keyboard
   and mouse (xdotool) under Xvfb, on ``sleep`` processes this script starts;
4. ``--smoke`` with ``LANG=zh_CN.UTF-8``: the log says ProcPilot's and Qt's Chinese were loaded,
   and which system font shows Chinese text (the binary brings none); ``--help`` is Chinese;
5. ``--smoke`` as an unprivileged user created for the check (and removed after it), with a home of its own:
   it must list processes, exit 0, and leave its settings and its log in that home;
6. ``--elevated-helper`` once, fed a request that is not one: it must refuse it with the
   protocol's ``ERROR`` answer and exit status (nothing is signalled), and its time from
   start to that answer is printed (the installed helper aims at under 0.5 s; the one-file
   binary unpacks itself first);
7. the one-folder build next to the binary (``dist/procpilot-folder``) holds what a Chinese
   desktop needs (:data:`NEEDED_IN_FOLDER`: input methods, platform themes, the SVG icon engine
   and library, Qt's Chinese) and no fonts.
Root is needed for the fifth check (useradd, setpriv).
"""

import os
import pwd
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from xvfb import click_only_row, confirm_dialog, start_xvfb, wait_window, xdotool

USER = "procpilot-smoke"

#: What the one-folder build must hold, by what it is for: a path pattern under the folder.
NEEDED_IN_FOLDER = {
    "the ibus input method (typing Chinese; fcitx5 through its IBus frontend)": (
        r"plugins/platforminputcontexts/libibusplatforminputcontextplugin\.so$"
    ),
    "the compose input method (dead keys, compose sequences)": (
        r"plugins/platforminputcontexts/libcomposeplatforminputcontextplugin\.so$"
    ),
    "the GTK 3 platform theme (GNOME's colours and dark mode)": r"plugins/platformthemes/libqgtk3\.so$",
    "the XDG desktop portal platform theme (KDE's and the portal's colour scheme)": (
        r"plugins/platformthemes/libqxdgdesktopportal\.so$"
    ),
    "the SVG icon engine (SVG-only theme icons)": r"plugins/iconengines/libqsvgicon\.so$",
    "the Qt SVG library": r"/libQt6Svg\.so(\.\d+)*$",
    "Qt's Chinese translation (dialog buttons, text-field menus)": r"translations/qtbase_zh_CN\.qm$",
    "ProcPilot's Chinese translation": r"gui/_translations/procpilot_zh_CN\.qm$",
}
#: Fonts come from the system (CJK ones are large, and every Chinese desktop has them).
FONT_FILE = re.compile(r"\.(ttf|otf|ttc|otc|pfa|pfb|pcf|bdf|woff2?)(\.gz)?$", re.IGNORECASE)


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


def end_through_the_window(
    env: dict[str, str], screen_dir: Path, target: subprocess.Popen[bytes], marker: str, keys: str
) -> None:
    """Search for the target, click its row where it is drawn, press ``keys`` (Delete or
    shift+Delete) and confirm the dialog's destructive button."""
    window = wait_window(env, "^ProcPilot$")
    click_only_row(env, screen_dir, window, marker)
    xdotool(env, "key", keys)
    confirm_dialog(env, "^Force quit$" if keys.startswith("shift") else "^End$")
    try:
        target.wait(timeout=15)
    except subprocess.TimeoutExpired:
        if shutil.which("import"):
            subprocess.run(
                ["import", "-window", "root", f"/tmp/procpilot-actions-{marker}.png"], env=env, check=False
            )
        target.kill()
        target.wait()
        raise SystemExit(f"FAIL actions: {keys} did not end {marker}") from None


def check_actions(binary: Path, home: Path) -> None:
    if shutil.which("xdotool") is None:
        raise SystemExit("FAIL actions: xdotool is not installed (apt-get install xdotool)")
    home.mkdir()
    screen_dir = home / "screen"
    screen_dir.mkdir()
    server, display = start_xvfb(screen_dir=screen_dir)
    env = clean_env(HOME=str(home), DISPLAY=display, QT_QPA_PLATFORM="xcb")
    app = subprocess.Popen([str(binary), "--interval", "0.5"], env=env, stderr=subprocess.DEVNULL)
    polite = subprocess.Popen(["sleep", "4321.25"])
    stubborn = subprocess.Popen(
        [sys.executable, "-c", "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
         "time.sleep(600)", "4321.75"]
    )  # fmt: skip
    try:
        end_through_the_window(env, screen_dir, polite, "4321.25", "Delete")
        if polite.returncode != -signal.SIGTERM:
            raise SystemExit(f"FAIL actions: End gave exit status {polite.returncode}")
        print("ok   End through the window of the frozen app (SIGTERM)")
        end_through_the_window(env, screen_dir, stubborn, "4321.75", "shift+Delete")
        if stubborn.returncode != -signal.SIGKILL:
            raise SystemExit(f"FAIL actions: Force quit gave exit status {stubborn.returncode}")
        print("ok   Force quit through the window of the frozen app (SIGKILL)")
    finally:
        for process in (polite, stubborn):
            if process.poll() is None:
                process.kill()
            process.wait()
        # SIGTERM, not SIGKILL: the one-file bootloader passes it on to the app process it
        # started, which a SIGKILL would leave running (and writing to the home we remove).
        app.terminate()
        try:
            app.wait(timeout=15)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()
        server.terminate()
        server.wait()


#: Not a request: the helper answers ERROR 4 (bad header) at line 1 and exits 2 as root; as
#: anyone else ERROR 20 (not root) and exits 3, before reading anything.
NOT_A_REQUEST = b"not a request\n"
HELPER_REFUSAL = {True: (b"ERROR 4 1\n", 2), False: (b"ERROR 20 0\n", 3)}


def check_helper_mode(binary: Path) -> float:
    """The packaged binary's administrator helper mode answers a bad request with a refusal;
    how long that took (seconds), printed."""
    started = time.perf_counter()
    result = subprocess.run(
        [str(binary), "--elevated-helper"],
        input=NOT_A_REQUEST,
        capture_output=True,
        env=clean_env(),
        timeout=60,
        check=False,
    )
    took = time.perf_counter() - started
    expected = HELPER_REFUSAL[os.geteuid() == 0]
    if (result.stdout, result.returncode) != expected:
        raise SystemExit(
            f"FAIL helper mode: answered {result.stdout!r} with exit {result.returncode}, expected "
            f"{expected[0]!r} and {expected[1]}\n{result.stderr.decode(errors='replace')}"
        )
    print(f"ok   --elevated-helper refused a bad request ({expected[0].decode().strip()}) in {took:.2f} s")
    return took


def ensure_user() -> tuple[pwd.struct_passwd, bool]:
    """The check's user, and whether this run created it (then it is removed afterwards)."""
    try:
        return pwd.getpwnam(USER), False
    except KeyError:
        subprocess.run(["useradd", "--create-home", "--shell", "/usr/sbin/nologin", USER], check=True)
        return pwd.getpwnam(USER), True


def check_chinese(binary: Path, home: Path) -> None:
    """The bundled translations load: ProcPilot's own and Qt's (qtbase_zh_CN); Chinese text
    finds a system font; the terminal's help is Chinese too."""
    home.mkdir(parents=True, exist_ok=True)
    chinese = clean_env(HOME=str(home), QT_QPA_PLATFORM="offscreen", LANG="zh_CN.UTF-8")
    run_smoke("Chinese (LANG=zh_CN.UTF-8)", [str(binary), "--smoke"], chinese)
    log = (home / ".local" / "share" / "ProcPilot" / "ProcPilot" / "logs" / "procpilot.log").read_text(
        encoding="utf-8"
    )
    if "Translations: ProcPilot zh_CN, Qt zh_CN" not in log:
        raise SystemExit("FAIL Chinese: the log does not show both translations loaded")
    print("ok   Chinese: ProcPilot's and Qt's translations loaded")
    font = re.search(r"Font for Chinese text: (.+)", log)
    if font is None:
        raise SystemExit("FAIL Chinese: no system font has Chinese glyphs (install fonts-noto-cjk)")
    print(f"ok   Chinese text is drawn with the system's {font[1]}")
    result = subprocess.run(
        [str(binary), "--help"], env=chinese, capture_output=True, text=True, timeout=60, check=False
    )
    usage = "\u7528\u6cd5\uff1aprocpilot"  # "usage: procpilot" in Chinese
    if result.returncode != 0 or not result.stdout.startswith(usage):
        raise SystemExit(f"FAIL Chinese: --help is not Chinese\n{result.stdout}{result.stderr}")
    print("ok   Chinese: --help")


def folder_problems(folder: Path) -> list[str]:
    """What the one-folder build lacks of :data:`NEEDED_IN_FOLDER`, and the fonts it should not carry."""
    if not folder.is_dir():
        return [f"{folder} is missing (make package builds it next to the one-file binary)"]
    files = [path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()]
    problems = [
        f"{what} is missing: nothing matches {pattern}"
        for what, pattern in NEEDED_IN_FOLDER.items()
        if not any(re.search(pattern, f"/{name}") for name in files)
    ]
    problems += [f"a font is bundled: {name}" for name in files if FONT_FILE.search(name)]
    return problems


def check_folder(folder: Path) -> None:
    problems = folder_problems(folder)
    if problems:
        raise SystemExit("FAIL one-folder build:\n  " + "\n  ".join(problems))
    print(f"ok   one-folder build: input methods, platform themes, SVG, Qt's Chinese; no fonts ({folder})")


def check_unprivileged(binary: Path) -> None:
    if os.geteuid() != 0:
        raise SystemExit("FAIL unprivileged user: this check needs root to create the user")
    user, created = ensure_user()
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
        settings = Path(user.pw_dir) / ".config" / "ProcPilot" / "ProcPilot.conf"
        log = Path(user.pw_dir) / ".local" / "share" / "ProcPilot" / "ProcPilot" / "logs" / "procpilot.log"
        for path in (settings, log):
            if not path.exists() or path.stat().st_uid != user.pw_uid:
                raise SystemExit(f"FAIL unprivileged user: {path} is missing or not owned by {USER}")
        if "smoke ok" not in log.read_text():
            raise SystemExit(f"FAIL unprivileged user: {log} does not record the run")
        print(f"ok   settings and log written under {user.pw_dir}")
    finally:
        shutil.rmtree(shelf)
        if created:  # the user and its home go again; one that was there before stays
            subprocess.run(["userdel", "--remove", USER], check=True, capture_output=True)


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
            [
                "xvfb-run",
                "--auto-servernum",
                "--server-args=-screen 0 1280x800x24 -noreset",
                "env",
                "QT_QPA_PLATFORM=xcb",
                str(binary),
                "--smoke",
            ],
            clean_env(HOME=str(home)),
        )
        check_actions(binary, home / "actions")  # a fresh home: default window layout
        check_chinese(binary, home / "chinese")
        check_helper_mode(binary)
    check_folder(binary.parent / f"{binary.name}-folder")

    check_unprivileged(binary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
