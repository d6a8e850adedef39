"""A private X11 desktop for tests: Xvfb, optionally a real window manager, and clients.

Everything started here is stopped and reaped by :meth:`Desktop.close`, clients first,
the server last. xfwm4 reads its settings over D-Bus (xfconf): it gets its own session
bus, which ends with the desktop.
"""

import os
import shutil
import subprocess
import time
from collections.abc import Callable, Sequence
from typing import TypeVar

from tests.e2e.x11 import start_xvfb

T = TypeVar("T")

WINDOW_MANAGERS: dict[str, list[str]] = {
    "xfwm4": ["xfwm4", "--compositor=off", "--sm-client-disable"],
    "openbox": ["openbox", "--sm-disable"],
}


def missing(*programs: str) -> list[str]:
    return [program for program in programs if shutil.which(program) is None]


def wait_until(condition: Callable[[], T | None], timeout_s: float = 15.0, what: str = "it") -> T:
    deadline = time.monotonic() + timeout_s
    while True:
        answer = condition()
        if answer:
            return answer
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout_s:g} s waiting for {what}")
        time.sleep(0.05)


class Desktop:
    """An Xvfb display (of ``screen`` pixels, else the default size); ``window_manager`` names
    one of :data:`WINDOW_MANAGERS` (or ``None``)."""

    def __init__(
        self,
        window_manager: str | None = None,
        server_args: Sequence[str] = (),
        screen: tuple[int, int] | None = None,
    ) -> None:
        self._started: list[subprocess.Popen[bytes]] = []
        self._services: list[subprocess.Popen[bytes]] = []
        self.server, self.display = (
            start_xvfb(extra_args=server_args)
            if screen is None
            else start_xvfb(screen=screen, extra_args=server_args)
        )
        self.env = {
            **{k: v for k, v in os.environ.items() if k not in {"QT_QPA_PLATFORM", "WAYLAND_DISPLAY"}},
            "DISPLAY": self.display,
            "NO_AT_BRIDGE": "1",  # no accessibility bus started by GTK
        }
        try:
            if window_manager is not None:
                self._start_window_manager(WINDOW_MANAGERS[window_manager])
        except BaseException:
            self.close()
            raise

    def _start_window_manager(self, argv: list[str]) -> None:
        bus = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._services.append(bus)
        assert bus.stdout is not None
        self.env["DBUS_SESSION_BUS_ADDRESS"] = bus.stdout.readline().decode().strip()
        self._services.append(
            subprocess.Popen(argv, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        )
        wait_until(lambda: "window id" in self.root_property("_NET_SUPPORTING_WM_CHECK"), what=argv[0])

    def start(self, *argv: str) -> subprocess.Popen[bytes]:
        """A client on this display; ended with the desktop (or earlier by the test)."""
        client = subprocess.Popen(argv, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self._started.append(client)
        return client

    def run(self, *argv: str) -> str:
        """A tool (xprop, xdotool) on this display; its output."""
        found = subprocess.run(argv, env=self.env, check=True, capture_output=True, text=True, timeout=30)
        return found.stdout

    def root_property(self, name: str) -> str:
        return self.run("xprop", "-root", name)

    def window_property(self, window: int, name: str) -> str:
        return self.run("xprop", "-id", str(window), name)

    def active_window(self) -> int | None:
        """``_NET_ACTIVE_WINDOW`` as the window manager last set it."""
        found = self.root_property("_NET_ACTIVE_WINDOW").partition("#")[2].split(",")[0].strip()
        return int(found, 16) if found.startswith("0x") else None

    def close(self) -> None:
        for process in [*self._started, *reversed(self._services)]:
            if process.poll() is None:
                process.terminate()
        for process in [*self._started, *reversed(self._services)]:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            if process.stdout is not None:
                process.stdout.close()
        self.server.terminate()  # not kill: on SIGTERM Xvfb removes its lock and socket files
        self.server.wait(timeout=10)
