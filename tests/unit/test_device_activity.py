"""The system-wide sign that some process may have read from or written to a device."""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from gui.platforms.device_activity import DeviceActivity, counters_of, has_network_filesystem
from tests.block_device import on_block_device

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="Linux's /proc/vmstat and mount table (poll)"
)

VMSTAT = b"nr_free_pages 1\nnr_dirtied %d\nnr_written 5\npgpgin %d\npgpgout %d\npswpin 0\n"
LOCAL_MOUNTS = b"/dev/vda / ext4 rw,relatime 0 0\nproc /proc proc rw 0 0\ntmpfs /tmp tmpfs rw 0 0\n"


def _fake_proc(folder: Path, dirtied: int, read: int, written: int, mounts: bytes = LOCAL_MOUNTS) -> None:
    (folder / "self").mkdir(exist_ok=True)
    (folder / "vmstat").write_bytes(VMSTAT % (dirtied, read, written))
    (folder / "self" / "mounts").write_bytes(mounts)


def test_the_three_counters_are_found_in_the_real_vmstat() -> None:
    found = counters_of(Path("/proc/vmstat").read_bytes())
    assert len(found) == 3
    assert all(value.isdigit() for value in found)


def test_a_text_without_one_of_them_gives_nothing() -> None:
    assert counters_of(b"nr_dirtied 4\npgpgin 3\n") == ()


@pytest.mark.parametrize(
    ("line", "network"),
    [
        (b"server:/export /mnt/share nfs4 rw,vers=4.2 0 0", True),
        (b"//nas/music /mnt/music cifs rw 0 0", True),
        (b"hostshare /mnt/host 9p rw,trans=virtio 0 0", True),
        (b"sshfs#me@host: /mnt/ssh fuse.sshfs rw 0 0", False),
        (b"/dev/nvme0n1p2 /home btrfs rw 0 0", False),
        (b"overlay /var/lib/docker/x overlay rw 0 0", False),
    ],
)
def test_network_filesystems_are_told_from_local_ones(line: bytes, network: bool) -> None:
    assert has_network_filesystem(LOCAL_MOUNTS + line + b"\n") is network


def test_it_says_moved_until_it_has_seen_the_counters_stand_still(tmp_path: Path) -> None:
    _fake_proc(tmp_path, 10, 20, 30)
    activity = DeviceActivity(str(tmp_path))
    try:
        assert activity.moved()  # nothing to compare with yet
        assert not activity.moved()
        _fake_proc(tmp_path, 11, 20, 30)  # a page dirtied
        assert activity.moved()
        assert not activity.moved()
        _fake_proc(tmp_path, 11, 28, 30)  # a read from a device
        assert activity.moved()
        _fake_proc(tmp_path, 11, 28, 31)  # a direct write
        assert activity.moved()
        assert not activity.moved()
    finally:
        activity.close()


def test_a_network_filesystem_means_always_maybe(tmp_path: Path) -> None:
    _fake_proc(tmp_path, 10, 20, 30, LOCAL_MOUNTS + b"srv:/x /mnt nfs rw 0 0\n")
    activity = DeviceActivity(str(tmp_path))
    try:
        assert activity.moved()
        assert activity.moved()  # NFS reads add to a task's counters, not to vmstat's
    finally:
        activity.close()


def test_no_vmstat_means_always_maybe(tmp_path: Path) -> None:
    activity = DeviceActivity(str(tmp_path))
    assert activity.moved()
    assert activity.moved()
    activity.close()


def test_a_write_that_reaches_the_disk_moves_the_real_counters() -> None:
    folder = "/var/tmp"
    if not os.path.isdir(folder) or not on_block_device(Path(folder)):
        pytest.skip("/var/tmp is not on a block device (tmpfs, an overlay): its writes reach no disk")
    activity = DeviceActivity()
    try:
        activity.moved()
        with tempfile.NamedTemporaryFile(dir=folder) as target:
            target.write(os.urandom(1 << 16))
            target.flush()
            os.fsync(target.fileno())
            assert activity.moved()
    finally:
        activity.close()


def test_the_mount_table_is_read_again_only_when_the_kernel_says_it_changed() -> None:
    activity = DeviceActivity()
    try:
        first = activity._network_filesystem_mounted()
        fd = activity._mounts_fd
        assert fd is not None
        assert activity._mounts_changed.poll(0) == []  # unchanged: the kept answer stands
        assert activity._network_filesystem_mounted() is first
    finally:
        activity.close()
    assert activity._mounts_fd is None


MOUNT_CHANGE = """\
import subprocess, sys, tempfile
import gui.platforms.device_activity as device_activity
reads = []
parse = device_activity.has_network_filesystem
device_activity.has_network_filesystem = lambda mounts: reads.append(mounts) or parse(mounts)
activity = device_activity.DeviceActivity()
activity._network_filesystem_mounted()
activity._network_filesystem_mounted()
assert len(reads) == 1, reads
with tempfile.TemporaryDirectory() as folder:
    subprocess.run(["mount", "-t", "tmpfs", "procpilot-test", folder], check=True)
    activity._network_filesystem_mounted()
    subprocess.run(["umount", folder], check=True)
assert len(reads) == 2 and b"procpilot-test" in reads[1], reads
print("ok")
"""


def test_a_new_mount_is_noticed_through_the_kernels_poll() -> None:
    """In a mount namespace of its own (the machine's mounts are untouched)."""
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("needs root and unshare(1) for a private mount namespace")
    done = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", sys.executable, "-c", MOUNT_CHANGE],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.stdout.strip() == "ok", done.stderr
