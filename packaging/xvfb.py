"""A private Xvfb server for real-window checks (the e2e test, the README screenshots, CI),
and what it takes to drive a window on it: xdotool, and reading the screen back.

Used as a plain module from scripts that put this folder on ``sys.path``.
"""

import os
import select
import shutil
import socket
import struct
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

SCREEN = (1280, 800)


def start_xvfb(
    attempts: int = 3,
    screen_dir: Path | None = None,
    screen: tuple[int, int] = SCREEN,
    extra_args: Sequence[str] = (),
) -> tuple[subprocess.Popen[bytes], str]:
    """Start Xvfb on a free display; returns the server and ``":N"`` once it takes connections.

    ``screen`` is the screen's size in pixels (larger for a window at 200 % scaling);
    ``extra_args`` more server options (``-extension X-Resource`` turns XRes off).

    With ``screen_dir``, the server keeps its screen in ``screen_dir / "Xvfb_screen0"``
    (an XWD file it updates in place: read it with ``read_screen``).
    Retried: a server that reported a display but takes no connection is replaced.
    """
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        raise SystemExit("Xvfb is not installed (Debian/Ubuntu: apt-get install xvfb)")
    for _ in range(attempts):
        read_end, write_end = os.pipe()
        server = subprocess.Popen(
            # -noreset: else it resets when a client disconnects, refusing connections meanwhile.
            [xvfb, "-displayfd", str(write_end), "-screen", "0", f"{screen[0]}x{screen[1]}x24",
             "-nolisten", "tcp", "-noreset",
             *(["-fbdir", str(screen_dir)] if screen_dir is not None else []), *extra_args],
            pass_fds=(write_end,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        os.close(write_end)
        number = _read_display_number(read_end)
        os.close(read_end)
        if number and _accepts_connections(f":{number}", server):
            return server, f":{number}"
        server.terminate()  # not kill: on SIGTERM Xvfb removes its lock and socket files
        server.wait(timeout=10)
    raise SystemExit(f"Xvfb did not accept connections in {attempts} attempts")


def _read_display_number(read_end: int, timeout_s: float = 20.0) -> str:
    """The number Xvfb writes to ``-displayfd``, read up to its newline.

    Xvfb writes the number and the newline in two writes and dies ("Cannot write
    display number") if the pipe was closed in between: never stop at a partial read.
    """
    data = b""
    deadline = time.monotonic() + timeout_s
    while b"\n" not in data:
        ready, _, _ = select.select([read_end], [], [], max(0.0, deadline - time.monotonic()))
        chunk = os.read(read_end, 64) if ready else b""
        if not chunk:
            break
        data += chunk
    return data.decode().strip() if b"\n" in data else ""


def _accepts_connections(display: str, server: subprocess.Popen[bytes], timeout_s: float = 5.0) -> bool:
    """Whether the X server's socket (file or Linux abstract) takes a connection."""
    path = f"/tmp/.X11-unix/X{display[1:]}"
    deadline = time.monotonic() + timeout_s
    while server.poll() is None and time.monotonic() < deadline:
        for address in (path, "\0" + path):
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
                try:
                    probe.connect(address)
                except OSError:
                    continue
                return True
        time.sleep(0.1)
    return False


def wait_for(condition: Callable[[], T | None], timeout_s: float, what: str, poll_s: float = 0.1) -> T:
    """The first true answer of ``condition``, asked every ``poll_s``; SystemExit after ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    while True:
        answer = condition()
        if answer:
            return answer
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out after {timeout_s:g} s waiting for {what}")
        time.sleep(poll_s)


def xdotool(env: dict[str, str], *args: str) -> str:
    """Run xdotool on ``env``'s DISPLAY; its output."""
    return subprocess.run(
        ["xdotool", *args], env=env, check=True, timeout=60, capture_output=True, text=True
    ).stdout


def find_windows(env: dict[str, str], title_regex: str) -> list[str]:
    """The ids of the visible windows whose title matches, now (maybe none).

    xdotool walks the whole window tree and exits 1 with "BadWindow" when any window in it
    vanishes mid-walk (a dialog closing as the next one opens); that is "look again", not
    "none". Any other complaint (no display, a bad pattern) is raised with its own words.
    """
    for _ in range(20):
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", title_regex],
            check=False, env=env, timeout=60, capture_output=True, text=True,
        )  # fmt: skip
        if "X Error" not in found.stderr:
            if found.stderr.strip():
                raise RuntimeError(f"xdotool search failed: {found.stderr.strip()}")
            return found.stdout.split()
        time.sleep(0.05)
    return []  # windows kept vanishing under the search: none found this time


def wait_window(env: dict[str, str], title_regex: str, timeout_s: float = 60) -> str:
    """The id of the first visible window whose title matches, once it is mapped."""
    found = wait_for(lambda: find_windows(env, title_regex), timeout_s, f"a window titled {title_regex!r}")
    return found[0]


@dataclass(frozen=True)
class Rect:
    x: int
    y: int
    width: int
    height: int


def window_rect(env: dict[str, str], window: str) -> Rect:
    """Where a window is on the screen (with no window manager: its client area)."""
    values = dict(line.split("=", 1) for line in xdotool(env, "getwindowgeometry", "--shell", window).split())
    return Rect(int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"]))


@dataclass(frozen=True)
class Screen:
    """A frame of the X screen: ``bytes_per_pixel`` bytes a pixel, ``stride`` bytes a line."""

    width: int
    height: int
    stride: int
    bytes_per_pixel: int
    pixels: bytes

    def line(self, y: int, x0: int, x1: int) -> bytes:
        start = y * self.stride
        return self.pixels[start + x0 * self.bytes_per_pixel : start + x1 * self.bytes_per_pixel]


def read_screen(screen_dir: Path) -> Screen:
    """The current screen of an Xvfb started with ``screen_dir`` (an XWD file, ZPixmap)."""
    data = (screen_dir / "Xvfb_screen0").read_bytes()
    header = struct.unpack(">25I", data[:100])
    header_size, width, height, bits_per_pixel, stride, colours = (
        header[0], header[4], header[5], header[11], header[12], header[19],
    )  # fmt: skip
    start = header_size + colours * 12  # each XWDColor is 12 bytes
    return Screen(width, height, stride, bits_per_pixel // 8, data[start : start + stride * height])


def _blank(screen: Screen, rect: Rect, y: int, margin: int = 8) -> bool:
    """Whether line ``y`` of ``rect`` has one colour across (a margin for frames aside)."""
    line = screen.line(y, rect.x + margin, rect.x + rect.width - margin)
    return line == line[: screen.bytes_per_pixel] * (rect.width - 2 * margin)


def empty_area_top(screen: Screen, rect: Rect, min_lines: int = 60) -> int | None:
    """The first line of the tallest run of blank lines in ``rect`` (one colour across,
    a margin for frames aside), if that run has at least ``min_lines``: in a list view
    showing few rows, the empty part of the list below the last row."""
    best: tuple[int, int] = (0, -1)  # (length, top)
    run_top, run = 0, 0
    for y in range(rect.y, min(rect.y + rect.height, screen.height)):
        if _blank(screen, rect, y):
            run_top, run = (run_top, run + 1) if run else (y, 1)
            best = max(best, (run, run_top))
        else:
            run = 0
    return best[1] if best[0] >= min_lines else None


def band_above(screen: Screen, rect: Rect, y: int) -> tuple[int, int]:
    """The run of non-blank lines that ends just above line ``y``: (first, last)."""
    last = first = y - 1
    while first > rect.y and not _blank(screen, rect, first - 1):
        first -= 1
    return first, last


def _steady(read: Callable[[], int | None], polls: int = 3) -> int | None:
    """``read()`` once it gave the same answer ``polls`` times in a row, 0.1 s apart."""
    first = read()
    for _ in range(polls - 1):
        time.sleep(0.1)
        if read() != first:
            return None
    return first


def click_only_row(env: dict[str, str], screen_dir: Path, window: str, marker: str) -> tuple[int, int]:
    """Filter ProcPilot's list down to the one process whose command line holds ``marker``,
    then click that row where it is drawn; returns the point clicked (window coordinates).

    The row is found on the screen, not at a fixed place: first the filter is made to
    match nothing (``marker`` and one more character), so the empty list starts right
    under the column header; then the extra character is removed, and the row is the
    band of text that appears between the header and the (now lower) empty list.
    Fonts, styles, toolbars or a header of another height move it; this follows.
    """
    rect = window_rect(env, window)
    # Xvfb draws the pointer into the screen it keeps: park it in the screen's corner.
    xdotool(env, "mousemove", str(SCREEN[0] - 1), str(SCREEN[1] - 1))
    xdotool(env, "windowfocus", "--sync", window)
    xdotool(env, "key", "ctrl+2")  # All processes: one row per process, no application or section rows
    xdotool(env, "key", "ctrl+f", "ctrl+a", "BackSpace")
    # From stdin: an xdotool with the marker in its own command line would be listed too.
    subprocess.run(
        ["xdotool", "type", "--delay", "20", "--file", "-"],
        input=marker + "~", env=env, check=True, timeout=60, text=True,
    )  # fmt: skip
    list_top = wait_for(
        lambda: _steady(lambda: empty_area_top(read_screen(screen_dir), rect)),
        30,
        "the filtered list to be empty",
    )
    xdotool(env, "key", "BackSpace")

    def row_centre() -> int | None:
        screen = read_screen(screen_dir)
        top = empty_area_top(screen, rect)
        if top is None or top <= list_top:
            return None
        first, last = band_above(screen, rect, top)
        if first < list_top or not all(_blank(screen, rect, y) for y in range(list_top, first)):
            return None  # more than one row: the others match too, or were not refreshed away yet
        return (first + last) // 2

    y = wait_for(row_centre, 30, f"the row of {marker!r} to be drawn") - rect.y
    x = rect.width // 4  # a row spans the whole width: any x inside the window is on it
    xdotool(env, "mousemove", "--window", window, str(x), str(y), "click", "1")
    return x, y


def confirm_dialog(env: dict[str, str], title_regex: str) -> str:
    """Wait for a ProcPilot confirmation and press its destructive button.

    Cancel is the default button: Shift+Tab moves to the confirm button, Space presses it.
    """
    dialog = wait_window(env, title_regex)
    xdotool(env, "windowfocus", "--sync", dialog)
    xdotool(env, "key", "shift+Tab", "space")
    return dialog
