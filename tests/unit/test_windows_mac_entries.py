"""The app's side on Windows and macOS: the start time it sends is the one the helper compares.

Real child processes (identified by psutil as usual), with the OS's own clock for them
faked: kernel32's creation time (a FILETIME integer) and sysctl's ``p_starttime``.
"""

import psutil
import pytest

from gui.actions.elevation_client import HELPER_FLAG
from gui.actions.osascript_channel import OsascriptChannel
from gui.actions.system_launcher import system_launcher
from gui.actions.uac_channel import UacChannel
from gui.core.actions import Action, SignalSpec
from gui.core.elevation_protocol import Operation, Status
from gui.core.process_key import ProcessKey
from gui.helper.mac_process import start_microseconds
from gui.helper.mac_targets import MacTargets
from gui.helper.windows_targets import WindowsTargets
from gui.platforms.adapter import NotSupportedHere
from gui.platforms.posix import PosixAdapter
from gui.platforms.process_handle import PidReused
from gui.platforms.windows import WindowsAdapter
from tests.children import Spawn
from tests.fakes.kernel32 import FakeKernel32
from tests.fakes.sysctl import FakeProcess, FakeSysctl

CREATED = 133_000_000_000_000_123


def key_of(pid: int) -> ProcessKey:
    return ProcessKey(pid, psutil.Process(pid).create_time())


def test_windows_entries_carry_the_creation_time_the_helper_compares(spawn: Spawn):
    child = spawn()
    kernel32 = FakeKernel32(created={child.pid: CREATED})
    adapter = WindowsAdapter(helper_kernel32=kernel32)

    end = adapter.helper_entry(key_of(child.pid), Action.END)
    force = adapter.helper_entry(key_of(child.pid), Action.FORCE_QUIT)

    assert (end.op, end.pid, end.start, end.value) == (Operation.SIGNAL, child.pid, CREATED, 15)
    assert force.value == 9
    assert kernel32.open_handles == {}
    helper = WindowsTargets([end], kernel32, own_pid=1, parent_pid=2)
    assert helper.act(0).status is Status.SENT
    assert [pid for _handle, pid, _code in kernel32.terminated] == [child.pid]


def test_windows_offers_the_helper_only_where_it_can_read_creation_times(spawn: Spawn):
    child = spawn()
    assert WindowsAdapter(helper_kernel32=FakeKernel32()).can_elevate()
    assert not WindowsAdapter().can_elevate()  # no kernel32 off Windows
    # Its helper terminates but sets no priority class: Try as administrator is not offered.
    assert WindowsAdapter(helper_kernel32=FakeKernel32()).can_elevate_action(Action.END)
    assert not WindowsAdapter(helper_kernel32=FakeKernel32()).can_elevate_action(Action.SET_PRIORITY)
    adapter = WindowsAdapter(helper_kernel32=FakeKernel32(created={child.pid: CREATED}))
    with pytest.raises(NotSupportedHere):
        adapter.helper_entry(key_of(child.pid), Action.STOP)
    with pytest.raises(PidReused):
        adapter.helper_entry(ProcessKey(child.pid, key_of(child.pid).create_time - 100), Action.END)


def test_windows_knows_before_sending_which_processes_need_the_helper(spawn: Spawn):
    child, other = spawn(), spawn()
    kernel32 = FakeKernel32(created={child.pid: CREATED, other.pid: CREATED}, denied={other.pid})
    adapter = WindowsAdapter(helper_kernel32=kernel32)

    assert adapter.may_signal_key(key_of(child.pid))
    assert not adapter.may_signal_key(key_of(other.pid))
    assert kernel32.open_handles == {} and kernel32.terminated == []


def test_mac_entries_carry_sysctls_start_in_microseconds(spawn: Spawn):
    child = spawn()
    sysctl = FakeSysctl({child.pid: FakeProcess(1_764_000_000, 42)})
    adapter = PosixAdapter(
        linux=False,
        needs_display_server=False,
        macos=True,
        mac_start=lambda pid: start_microseconds(pid, sysctl),
    )

    entry = adapter.helper_entry(key_of(child.pid), Action.SEND_SIGNAL, SignalSpec("SIGUSR1", 10))

    assert adapter.can_elevate()
    assert (entry.pid, entry.start, entry.value) == (child.pid, 1_764_000_000_000_042, 10)
    killed: list[tuple[int, int]] = []
    helper = MacTargets([entry], 1, 2, sysctl, lambda pid, number: killed.append((pid, number)))
    assert helper.act(0).status is Status.SENT and killed == [(child.pid, 10)]


def test_each_system_starts_the_helper_its_own_way():
    windows = system_launcher("win32")
    mac = system_launcher("darwin")
    assert isinstance(windows, UacChannel)
    assert isinstance(mac, OsascriptChannel)
    assert HELPER_FLAG in mac.argv("/tmp/request") and mac.argv("/tmp/request")[-1] == "/tmp/request"
