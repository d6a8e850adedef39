"""Whether a folder's files reach a block device (page-cache writes there count as disk I/O)."""

import os
import stat
from pathlib import Path


def _mount_of(path: Path) -> tuple[str, str]:
    """The device and filesystem type holding ``path``, from ``/proc/mounts`` (longest mount point)."""
    best, device, kind = "", "", ""
    for line in Path("/proc/mounts").read_text().splitlines():
        source, mount_point, fs_type, *_ = line.split()
        if str(path).startswith(mount_point) and len(mount_point) > len(best):
            best, device, kind = mount_point, source, fs_type
    return device, kind


def on_block_device(folder: Path) -> bool:
    """Whether ``folder``'s filesystem lives on a block device (ext4 on /dev/vda: yes;
    tmpfs, an overlay or a network share: no, their writes never reach a device we count)."""
    device, kind = _mount_of(folder)
    if kind in {"tmpfs", "ramfs", "overlay", "nfs", "nfs4", ""}:
        return False
    try:
        return stat.S_ISBLK(os.stat(device).st_mode)
    except OSError:
        return False
