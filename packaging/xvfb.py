"""A private Xvfb server for real-window checks (the e2e test, the README screenshots, CI).

Used as a plain module from scripts that put this folder on ``sys.path``.
"""

import os
import select
import shutil
import socket
import subprocess
import time

SCREEN = (1280, 800)


def start_xvfb(attempts: int = 3) -> tuple[subprocess.Popen[bytes], str]:
    """Start Xvfb on a free display; returns the server and ``":N"`` once it takes connections.

    Retried: a server that reported a display but takes no connection is replaced.
    """
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        raise SystemExit("Xvfb is not installed (Debian/Ubuntu: apt-get install xvfb)")
    for _ in range(attempts):
        read_end, write_end = os.pipe()
        server = subprocess.Popen(
            # -noreset: else it resets when a client disconnects, refusing connections meanwhile.
            [xvfb, "-displayfd", str(write_end), "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24",
             "-nolisten", "tcp", "-noreset"],
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
