"""A private desktop with the AT-SPI accessibility bus, as a screen reader sees it.

Xvfb, a session bus, ``at-spi-bus-launcher`` (which starts the registry), and a reader
that runs Debian's ``python3`` with ``pyatspi`` (the venv has no GObject bindings).
Keys are typed with ``xdotool`` into the focused window, as a keyboard would.
"""

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.e2e.x11 import start_xvfb
from tests.e2e.x11_desktop import wait_until

ROOT = Path(__file__).resolve().parents[2]
READER = Path(__file__).with_name("atspi_tree.py")
SYSTEM_PYTHON = "/usr/bin/python3"
_LAUNCHERS = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")


def bus_launcher() -> str | None:
    return next(
        (path for path in _LAUNCHERS if os.access(path, os.X_OK)), shutil.which("at-spi-bus-launcher")
    )


def missing_tools() -> list[str]:
    """What this machine lacks for a screen reader test (empty when it can run)."""
    lacking = [tool for tool in ("Xvfb", "xdotool", "dbus-daemon") if shutil.which(tool) is None]
    if bus_launcher() is None:
        lacking.append("at-spi2-core")
    reader = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False)
    if reader.returncode != 0:
        lacking.append("python3-pyatspi")
    return lacking


@dataclass(frozen=True, slots=True)
class Node:
    """One accessible as the reader printed it."""

    depth: int
    role: str
    name: str
    description: str
    states: tuple[str, ...]
    children: int
    selected_rows: int | None = None

    @property
    def showing(self) -> bool:
        return "showing" in self.states


class ScreenReaderDesktop:
    """Everything is stopped and reaped by :meth:`close`, clients first."""

    def __init__(self, home: Path) -> None:
        self._processes: list[subprocess.Popen[bytes]] = []
        self.server, display = start_xvfb()
        self.env = {
            **{k: v for k, v in os.environ.items() if k not in {"QT_QPA_PLATFORM", "WAYLAND_DISPLAY"}},
            "DISPLAY": display,
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_RUNTIME_DIR": str(home),
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            "QT_ACCESSIBILITY": "1",
        }
        try:
            bus = self._start(
                ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"], pipe=True
            )
            assert bus.stdout is not None
            self.env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().decode().strip()
            launcher = bus_launcher()
            assert launcher is not None
            self._start([launcher, "--launch-immediately"])
        except BaseException:
            self.close()
            raise

    def _start(self, argv: Sequence[str], *, pipe: bool = False) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(
            argv,
            env=self.env,
            stdout=subprocess.PIPE if pipe else subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._processes.append(process)
        return process

    def start_procpilot(self, *arguments: str) -> subprocess.Popen[bytes]:
        env = {**self.env, "PYTHONPATH": str(ROOT)}
        process = subprocess.Popen(
            [sys.executable, "-m", "gui", *arguments],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._processes.append(process)
        return process

    def tree(self, app: str = "ProcPilot") -> list[Node]:
        """The application's accessibility tree now; empty while it is not on the bus."""
        result = subprocess.run(
            [SYSTEM_PYTHON, str(READER), app],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        if result.returncode != 0:
            return []
        return [
            Node(**{**entry, "states": tuple(entry["states"])})
            for entry in map(json.loads, result.stdout.splitlines())
        ]

    def keys(self, *keys: str) -> None:
        """Key presses (xdotool names: ``ctrl+f``, ``Down``, ``Delete``) into the focused window."""
        for key in keys:
            subprocess.run(["xdotool", "key", "--clearmodifiers", key], env=self.env, check=True, timeout=30)
            time.sleep(0.15)

    def type(self, text: str) -> None:
        subprocess.run(["xdotool", "type", "--delay", "20", text], env=self.env, check=True, timeout=60)

    def focus_window(self, title: str) -> None:
        """Give the window the keyboard, as a click on it would (there is no window manager)."""
        window = self.wait(lambda: self._window(title), what=f"a window named {title}")
        subprocess.run(["xdotool", "windowfocus", "--sync", window], env=self.env, check=True, timeout=30)

    def _window(self, title: str) -> str | None:
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", f"^{title}$"],
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
        )
        windows = found.stdout.split()
        return windows[0] if windows else None

    @staticmethod
    def wait(condition: Callable[[], Any], timeout_s: float = 30.0, what: str = "it") -> Any:
        return wait_until(condition, timeout_s, what)

    def close(self) -> None:
        for process in reversed(self._processes):
            if process.poll() is None:
                process.terminate()
        for process in reversed(self._processes):
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
            if process.stdout is not None:
                process.stdout.close()
        self.server.terminate()
        self.server.wait(timeout=10)
