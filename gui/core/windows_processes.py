"""Windows: which processes are part of the OS, and which ones start unrelated programs.

Names are compared case-insensitively (Windows file names are). A name decides only how a
process is shown (its section), never whether it may be ended.
"""

#: Processes Windows cannot run without (lower-case image names).
WINDOWS_CORE = frozenset(
    {
        "system",
        "system idle process",
        "registry",
        "memory compression",
        "secure system",
        "csrss.exe",
        "wininit.exe",
        "winlogon.exe",
        "services.exe",
        "lsass.exe",
        "lsaiso.exe",
        "smss.exe",
    }
)
#: PID 0 is the idle process, PID 4 the kernel ("System").
KERNEL_PIDS = frozenset({0, 4})

#: Programs whose children are not part of their application: the shell that starts
#: whatever the user opens, consoles and terminals, and the hosts that start services,
#: brokers and tasks for everyone.
LAUNCHERS = frozenset(
    {
        "explorer.exe",
        "cmd.exe",
        "powershell.exe",
        "pwsh.exe",
        "windowsterminal.exe",
        "openconsole.exe",
        "conhost.exe",
        "wsl.exe",
        "wslhost.exe",
        "bash.exe",
        "services.exe",
        "svchost.exe",
        "sihost.exe",
        "userinit.exe",
        "winlogon.exe",
        "wininit.exe",
        "taskhostw.exe",
        "runtimebroker.exe",
        "dllhost.exe",
        "startmenuexperiencehost.exe",
        "searchhost.exe",
        "shellexperiencehost.exe",
    }
)

#: Windows runs services, and nothing a user sees, in session 0.
SERVICES_SESSION = 0


def is_windows_core(pid: int, name: str) -> bool:
    """Whether the process is one Windows cannot run without (by PID, else by image name)."""
    return pid in KERNEL_PIDS or name.casefold() in WINDOWS_CORE


def is_launcher(name: str) -> bool:
    """Whether a process by this image name starts programs that are not part of it."""
    return name.casefold() in LAUNCHERS
