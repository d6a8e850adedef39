"""Who is whose child right now: one pass over the process table, walked level by level."""

from collections.abc import Iterable

import psutil

from gui.core.process_key import ProcessKey


class ProcessTable:
    """Parent-child links of every process at one moment (PIDs, and start times to check identity)."""

    def __init__(self) -> None:
        self._children: dict[int, list[psutil.Process]] = {}
        self._started: dict[int, float] = {}
        for process in psutil.process_iter(["ppid", "create_time"]):
            info = process.info
            if info["ppid"] is None or info["create_time"] is None:
                continue
            self._children.setdefault(info["ppid"], []).append(process)
            self._started[process.pid] = info["create_time"]

    def still_there(self, roots: Iterable[ProcessKey]) -> list[ProcessKey]:
        """The roots whose PID still belongs to the same process."""
        return [root for root in roots if abs(self._started.get(root.pid, -1.0) - root.create_time) <= 0.01]

    def below(
        self, roots: Iterable[ProcessKey], seen: set[int] | None = None, limit: int | None = None
    ) -> list[psutil.Process]:
        """The descendants of ``roots``, nearest first, at most ``limit`` of them.

        PIDs in ``seen`` are skipped, and every PID reached is added to it, so several
        calls sharing one set list each process once.
        """
        seen = set() if seen is None else seen
        level = [root.pid for root in roots]
        seen.update(level)
        found: list[psutil.Process] = []
        while level and (limit is None or len(found) < limit):
            below = [child for pid in level for child in self._children.get(pid, ()) if child.pid not in seen]
            seen.update(child.pid for child in below)
            found.extend(below)
            level = [child.pid for child in below]
        return found if limit is None else found[:limit]
