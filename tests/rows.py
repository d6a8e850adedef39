"""Building rows and snapshots for tests without reading the OS."""

from gui.core.app_identity import NO_IDENTITY, ProcessIdentity
from gui.core.disk_rates import DiskRate
from gui.core.process_key import ProcessKey
from gui.core.process_row import ProcessRow, make_row
from gui.core.process_sample import ProcessSample


def make_test_row(
    pid: int,
    name: str = "proc",
    *,
    create_time: float = 1_700_000_000.0,
    user: str | None = "alice",
    status: str = "sleeping",
    cpu: float | None = 0.0,
    rss: int | None = 1024,
    threads: int | None = 1,
    command: str | None = None,
    mine: bool = True,
    parent_pid: int | None = None,
    identity: ProcessIdentity = NO_IDENTITY,
    disk: DiskRate | None = None,
) -> ProcessRow:
    sample = ProcessSample(
        key=ProcessKey(pid, create_time),
        name=name,
        user=user,
        status=status,
        cpu_seconds=0.0,
        memory_rss=rss,
        threads=threads,
        command_line=command if command is not None else f"/usr/bin/{name}",
        owned_by_me=mine,
        is_kernel_thread=False,
        parent_pid=parent_pid,
    )
    return make_row(sample, cpu, identity, disk=disk)
