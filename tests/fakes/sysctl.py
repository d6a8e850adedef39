"""A stand-in for macOS's ``sysctl(KERN_PROC_PID)``, on Linux: a ``struct kinfo_proc`` per PID.

Each process is laid out as macOS fills it (648 bytes): ``p_starttime`` (timeval) at
offset 0, ``p_flag`` at 32, ``p_stat`` at 36, ``kp_eproc.e_pcred.p_ruid`` at 392; a PID nobody holds is
answered with success and no bytes, as macOS does.
"""

import struct
from dataclasses import dataclass, field

from gui.helper.mac_process import CTL_KERN, KERN_PROC, KERN_PROC_PID, KINFO_PROC_SIZE


@dataclass(frozen=True)
class FakeProcess:
    seconds: int
    microseconds: int
    flags: int = 0
    ruid: int = 501
    stat: int = 2  # SRUN; 5 is SZOMB

    def kinfo_proc(self) -> bytes:
        data = bytearray(KINFO_PROC_SIZE)
        struct.pack_into("=qi", data, 0, self.seconds, self.microseconds)
        struct.pack_into("=i", data, 32, self.flags)
        data[36] = self.stat
        struct.pack_into("=I", data, 392, self.ruid)
        return bytes(data)


@dataclass
class FakeSysctl:
    processes: dict[int, FakeProcess] = field(default_factory=dict)
    asked: list[list[int]] = field(default_factory=list)

    def __call__(self, name: list[int], size: int) -> bytes:
        self.asked.append(list(name))
        assert name[:3] == [CTL_KERN, KERN_PROC, KERN_PROC_PID] and size == KINFO_PROC_SIZE
        process = self.processes.get(name[3])
        return b"" if process is None else process.kinfo_proc()
