"""Short-lived processes for the churn benchmark: ``python spawner.py RATE_PER_S``.

Forks RATE_PER_S children per second (in batches every 50 ms); each sleeps
0.5-1 s and exits. Prints ``ready`` once running. The parent reaps every child
as it exits; SIGTERM kills and reaps the ones still alive, then exits.
"""

import contextlib
import os
import random
import signal
import sys
import time

BATCH_PERIOD_S = 0.05


def fork_short_lived(rng: random.Random) -> int:
    lifetime = rng.uniform(0.5, 1.0)
    pid = os.fork()
    if pid == 0:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        time.sleep(lifetime)
        os._exit(0)
    return pid


def reap(alive: set[int]) -> None:
    while alive:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            alive.clear()
            return
        if pid == 0:
            return
        alive.discard(pid)


def main() -> None:
    rate = float(sys.argv[1])
    rng = random.Random(1)
    alive: set[int] = set()

    def end_all(*_: object) -> None:
        for child in alive:
            with contextlib.suppress(ProcessLookupError):
                os.kill(child, signal.SIGKILL)
        for child in alive:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(child, 0)
        os._exit(0)

    signal.signal(signal.SIGTERM, end_all)
    print("ready", flush=True)
    started = time.monotonic()
    forked = 0
    while True:
        due = int((time.monotonic() - started) * rate)
        while forked < due:
            alive.add(fork_short_lived(rng))
            forked += 1
        reap(alive)
        time.sleep(BATCH_PERIOD_S)


if __name__ == "__main__":
    main()
