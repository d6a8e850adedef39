"""Windows: processes grouped into apps by their shown windows and classified as Task Manager
does (apps, background processes, Windows processes), with fakes of user32, kernel32 and
version.dll (tests/unit/win32_fakes.py) and the real snapshot rows."""

import struct
import sys

import pytest

from gui.core.app_identity import IconSource, IdentitySource
from gui.core.process_key import ProcessKey
from gui.core.process_kind import ProcessKind
from gui.core.process_row import make_row
from gui.core.process_sample import ProcessSample
from gui.platforms.windows import WindowsAdapter
from tests.unit.win32_fakes import FakeWindow, fake_win32

NOTEPAD = "C:\\Windows\\System32\\notepad.exe"
CHROME = "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe"
EXPLORER = "C:\\Windows\\explorer.exe"
TOOL = "C:\\Tools\\sync-agent.exe"
USER_SESSION = 1
EN_US_UNICODE = "\\StringFileInfo\\040904b0\\FileDescription"


def sample(
    pid: int, name: str, *, parent: int | None = None, started: float = 100.0, mine: bool = True
) -> ProcessSample:
    return ProcessSample(
        key=ProcessKey(pid, started + pid / 1000),
        name=name,
        user="PC\\alice" if mine else "NT AUTHORITY\\SYSTEM",
        status="running",
        cpu_seconds=0.0,
        memory_rss=1 << 20,
        threads=4,
        command_line=name,
        owned_by_me=mine,
        is_kernel_thread=False,
        parent_pid=parent,
    )


def desktop_session() -> tuple[WindowsAdapter, list[ProcessSample], list[FakeWindow]]:
    """A desktop: two Notepads, Chrome with a renderer, Explorer with a folder window and a
    program it started, a tray agent, and Windows' own processes."""
    samples = [
        sample(4, "System", mine=False),
        sample(600, "csrss.exe", mine=False),
        sample(700, "svchost.exe"),  # session 0: a service, even running as the user
        sample(1000, "explorer.exe"),
        sample(1100, "notepad.exe", parent=1000),
        sample(1200, "notepad.exe", parent=1000),
        sample(1300, "chrome.exe", parent=1000),
        sample(1310, "chrome.exe", parent=1300),  # a renderer: no window of its own
        sample(1400, "sync-agent.exe", parent=1000),  # no window: background
        sample(1410, "helper.exe", parent=1400),
    ]
    executables = {
        1000: EXPLORER,
        1100: NOTEPAD,
        1200: NOTEPAD,
        1300: CHROME,
        1310: CHROME,
        1400: TOOL,
        1410: "C:\\Tools\\helper.exe",
        700: "C:\\Windows\\System32\\svchost.exe",
    }
    sessions = {pid: USER_SESSION for pid in executables} | {4: 0, 600: 1, 700: 0}
    windows = [
        FakeWindow(0x101, 1100, "notes.txt - Notepad"),
        FakeWindow(0x102, 1200, "todo.txt - Notepad"),
        FakeWindow(0x103, 1300, "Inbox - Google Chrome"),
        FakeWindow(0x104, 1000, "Downloads"),
        FakeWindow(0x105, 1400, "tray", visible=False),
    ]
    resources: dict[str, dict[str, str | bytes]] = {
        NOTEPAD: {EN_US_UNICODE: "Notepad"},
        CHROME: {
            "\\VarFileInfo\\Translation": struct.pack("<HH", 0x0407, 0x04B0),
            "\\StringFileInfo\\040704b0\\FileDescription": "Google Chrome",
        },
        EXPLORER: {EN_US_UNICODE: "Windows Explorer"},
    }
    win32, user32 = fake_win32(windows, sessions, resources)
    return WindowsAdapter(win32, executable_of=executables.get), samples, user32.windows


def kinds(adapter: WindowsAdapter, samples: list[ProcessSample]) -> dict[int, tuple[ProcessKind, str | None]]:
    identities = adapter.identify_processes(samples, 200.0)
    rows = [
        make_row(each, 0.0, identities[each.key]) if each.key in identities else make_row(each, 0.0)
        for each in samples
    ]
    return {row.key.pid: (row.kind, row.identity.app.name if row.identity.app else None) for row in rows}


def test_processes_are_grouped_and_classified_as_task_manager_does() -> None:
    adapter, samples, _windows = desktop_session()
    assert kinds(adapter, samples) == {
        4: (ProcessKind.SYSTEM, None),
        600: (ProcessKind.SYSTEM, None),
        700: (ProcessKind.SYSTEM, None),
        1000: (ProcessKind.APPLICATION, "Windows Explorer"),
        1100: (ProcessKind.APPLICATION, "Notepad"),
        1200: (ProcessKind.APPLICATION, "Notepad"),
        1300: (ProcessKind.APPLICATION, "Google Chrome"),
        1310: (ProcessKind.APPLICATION, "Google Chrome"),
        1400: (ProcessKind.BACKGROUND, None),
        1410: (ProcessKind.BACKGROUND, None),
    }


def test_one_app_object_per_executable_with_its_icon_and_how_it_was_found() -> None:
    adapter, samples, _windows = desktop_session()
    identities = {key.pid: identity for key, identity in adapter.identify_processes(samples, 200.0).items()}
    assert identities[1100].app is identities[1200].app
    assert identities[1100] is identities[1200]  # rows compare identities by `is`
    notepad = identities[1100].app
    assert notepad is not None
    assert (notepad.icon_name, notepad.icon_source) == (NOTEPAD, IconSource.FILE)
    assert notepad.app_id == "exe:" + NOTEPAD.casefold()
    assert identities[1100].source is IdentitySource.WINDOW
    assert identities[1310].source is IdentitySource.PARENT
    assert identities[1310].app is identities[1300].app
    assert identities[700].system_process and identities[600].system_process


def test_the_shell_is_an_app_by_its_window_but_what_it_starts_is_not_part_of_it() -> None:
    adapter, samples, _windows = desktop_session()
    found = kinds(adapter, samples)
    assert found[1000] == (ProcessKind.APPLICATION, "Windows Explorer")
    assert found[1400] == (ProcessKind.BACKGROUND, None)  # started by Explorer, no window


def test_an_executable_without_a_description_is_named_by_its_file() -> None:
    adapter, samples, windows = desktop_session()
    windows[4].visible = True  # the tray agent shows its window
    assert kinds(adapter, samples)[1400] == (ProcessKind.APPLICATION, "sync-agent")
    assert kinds(adapter, samples)[1410] == (ProcessKind.APPLICATION, "sync-agent")


def test_an_app_that_closes_its_last_window_becomes_a_background_process() -> None:
    adapter, samples, windows = desktop_session()
    before = adapter.identify_processes(samples, 200.0)
    assert adapter.identify_processes(samples, 201.0) is before  # nothing changed: the same mapping
    windows[:] = [window for window in windows if window.pid != 1300]
    after = adapter.identify_processes(samples, 202.0)
    assert after is not before
    assert kinds(adapter, samples)[1300] == (ProcessKind.BACKGROUND, None)
    assert kinds(adapter, samples)[1310] == (ProcessKind.BACKGROUND, None)


def test_a_parent_pid_that_names_a_younger_process_passes_nothing_on() -> None:
    adapter, samples, _windows = desktop_session()
    orphan = sample(1500, "orphan.exe", parent=1300, started=50.0)  # older than "its parent"
    identities = adapter.identify_processes([*samples, orphan], 200.0)
    assert orphan.key not in identities


def test_a_process_whose_executable_windows_refuses_is_named_by_its_image() -> None:
    adapter, samples, windows = desktop_session()
    elevated = sample(1600, "regedit.exe")
    windows.append(FakeWindow(0x106, 1600, "Registry Editor"))
    app = adapter.identify_processes([*samples, elevated], 200.0)[elevated.key].app
    assert app is not None
    assert (app.name, app.icon_name, app.icon_source) == ("regedit", None, IconSource.ENTRY)


def test_critical_processes_by_name_and_pid() -> None:
    adapter, _samples, _windows = desktop_session()
    assert adapter.critical_reason(sample(4, "System")) is not None
    assert adapter.critical_reason(sample(888, "LSASS.EXE")) is not None
    assert adapter.critical_reason(sample(889, "notepad.exe")) is None


@pytest.mark.skipif(sys.platform == "win32", reason="on Windows the adapter loads the real DLLs")
def test_off_windows_the_adapter_knows_no_apps() -> None:
    _adapter, samples, _windows = desktop_session()
    assert WindowsAdapter().identify_processes(samples, 200.0) == {}
