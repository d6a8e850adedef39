"""Which POSIX processes are critical, decided by the program they run, not by their name.

Any user can name a process "Xorg" (a copy of any program, ``exec -a``, ``prctl``),
and a real display server may run as the user: neither the name, argv[0] nor the
owner alone decides. A process is critical when its executable is a root-owned file
in a system directory whose file name is listed (plus PID 1, always).

When the executable cannot be read (another user's process while ProcPilot runs
unprivileged), the kernel's short name (``comm``) is trusted only for a process
whose real user is a system account: a user cannot start a process as root or as
a system account, so a root-owned "Xorg" there is not a user's disguise.
"""

import os
from collections.abc import Mapping

import psutil

from gui.core.critical import CriticalKind
from gui.core.process_key import ProcessKey

_DISPLAY_SERVERS = ("Xorg", "X", "Xwayland", "kwin_wayland", "sway", "weston", "Hyprland", "WindowServer")
_LOGIN = ("login", "gdm", "gdm3", "gdm-session-worker", "sddm", "lightdm", "systemd-logind", "loginwindow")
_DESKTOP_SHELLS = (
    "gnome-shell",
    "gnome-session-binary",
    "plasmashell",
    "kwin_x11",
    "ksmserver",
    "xfce4-session",
    "xfwm4",
    "cinnamon",
    "mate-session",
    "lxsession",
    "Dock",
)
#: Executable file names of critical programs.
CRITICAL_PROGRAMS: Mapping[str, CriticalKind] = {
    **dict.fromkeys(_DISPLAY_SERVERS, CriticalKind.DISPLAY_SERVER),
    **dict.fromkeys(_LOGIN, CriticalKind.LOGIN),
    **dict.fromkeys(_DESKTOP_SHELLS, CriticalKind.DESKTOP),
}
#: Where the system's programs live (Linux, and macOS's sealed system volume);
#: only root can put files there.
SYSTEM_DIRECTORIES = (
    "/usr/bin/",
    "/usr/sbin/",
    "/bin/",
    "/sbin/",
    "/usr/libexec/",
    "/usr/lib/",
    "/usr/lib32/",
    "/usr/lib64/",
    "/lib/",
    "/lib32/",
    "/lib64/",
    "/System/Library/",
)
#: Real user ids below this are system accounts (login.defs' UID_MIN on Linux;
#: macOS gives people 501 and up).
_FIRST_PERSON_UID_LINUX = 1000
_FIRST_PERSON_UID_OTHER = 500
#: The kernel's short name is cut to 15 bytes.
_COMM_LIMIT = 15
_START_TIME_TOLERANCE_S = 0.01


def kind_of_executable(
    path: str, owner_uid: int, programs: Mapping[str, CriticalKind] = CRITICAL_PROGRAMS
) -> CriticalKind | None:
    """The kind of a listed program, only for a root-owned file in a system directory."""
    if owner_uid != 0 or not path.startswith(SYSTEM_DIRECTORIES):
        return None
    return programs.get(os.path.basename(path))


def critical_kind(
    key: ProcessKey, *, linux: bool, programs: Mapping[str, CriticalKind] = CRITICAL_PROGRAMS
) -> CriticalKind | None:
    """Whether ending the process ``key`` would hurt the system or the session, and how."""
    if key.pid == 1:
        return CriticalKind.PID_ONE
    try:
        process = psutil.Process(key.pid)
        if key.create_time and abs(process.create_time() - key.create_time) > _START_TIME_TOLERANCE_S:
            return None  # the PID is another process's now; the action will refuse it anyway
        try:
            path, owner = _linux_executable(key.pid) if linux else _executable(process)
        except (PermissionError, psutil.AccessDenied):
            return _by_name_of_system_process(process, linux, programs)
        return kind_of_executable(path, owner, programs)
    except (psutil.Error, OSError):  # gone, a zombie, or a kernel thread (no executable)
        return None


def _linux_executable(pid: int) -> tuple[str, int]:
    """The program a process runs and its file's owner (the file itself, even if deleted)."""
    link = f"/proc/{pid}/exe"
    path = os.readlink(link).removesuffix(" (deleted)")
    return path, os.stat(link).st_uid


def _executable(process: psutil.Process) -> tuple[str, int]:
    path = os.path.realpath(process.exe())
    return path, os.stat(path).st_uid


def _by_name_of_system_process(
    process: psutil.Process, linux: bool, programs: Mapping[str, CriticalKind]
) -> CriticalKind | None:
    """The fallback when the executable is hidden from us: see the module's docstring."""
    first_person_uid = _FIRST_PERSON_UID_LINUX if linux else _FIRST_PERSON_UID_OTHER
    if process.uids().real >= first_person_uid:
        return None
    if not linux:
        return programs.get(process.name())
    with open(f"/proc/{process.pid}/stat", "rb") as stat:
        line = stat.read()
    # comm, as the kernel set it from the executable's file name (argv[0] cannot change it).
    comm = line[line.find(b"(") + 1 : line.rfind(b")")].decode("utf-8", "replace")
    for name, kind in programs.items():
        if name[:_COMM_LIMIT] == comm:
            return kind
    return None
