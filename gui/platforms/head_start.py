"""The first pass's slow part, done while the window's modules are still being imported.

The first time a process is seen it is read in full: its command line, owner, cgroup and
executable (a few files each). Later passes read only its stat line. With thousands of
processes that first reading is most of the start-up's work (about 0.3 s of CPU at 3,000
processes), and importing Qt and the window takes about as long: a thread reads the
processes meanwhile, and the sampler's first pass then finds every process already known
(the adapter's readers keep what they read). The two overlap on a second core; most of
the head start is system calls, which let the main thread's imports run.
"""

import logging
import threading
import time
from collections.abc import Callable, Mapping, Sequence

from gui.core.app_identity import ProcessIdentity
from gui.core.process_key import ProcessKey
from gui.core.process_sample import ProcessSample

logger = logging.getLogger(__name__)

ReadProcesses = Callable[[], list[ProcessSample]]
IdentifyProcesses = Callable[[Sequence[ProcessSample], float], Mapping[ProcessKey, ProcessIdentity]]


class HeadStart:
    """Reads and identifies every process once, on a thread of its own, from creation.

    :meth:`wait` before the first real pass: the readers are not shared between threads,
    the thread hands them over when it ends.
    """

    def __init__(self, read: ReadProcesses, identify: IdentifyProcesses) -> None:
        self._read = read
        self._identify = identify
        self._thread: threading.Thread | None = threading.Thread(
            target=self._run, name="procpilot-head-start", daemon=True
        )
        self._thread.start()

    def _run(self) -> None:
        try:
            self._identify(self._read(), time.time())
        except Exception:  # the sampler's own first pass meets it again and reports it
            logger.debug("The head start's reading failed", exc_info=True)

    def wait(self) -> None:
        """Return once the head start is over (at once after the first call)."""
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join()
