"""A crowd of idle processes for the benchmark: ``python sleepers.py N [CHURN_PER_S]``.

Forks N children that sleep in ``pause()``, prints ``ready N``, and with a churn
rate keeps replacing that many children per second (one exits, a new one starts),
so a process manager sees constant arrivals and departures. SIGTERM ends and
reaps every child before it exits.
"""

import os
import random
import signal
import sys
import time


def fork_sleeper() -> int:
    pid = os.fork()
    if pid == 0:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        while True:
            signal.pause()
    return pid


def main() -> None:
    count = int(sys.argv[1])
    churn_per_s = float(sys.argv[2]) if len(sys.argv) > 2 else 0.0
    children = [fork_sleeper() for _ in range(count)]

    def end_all(*_: object) -> None:
        """Kill and reap every child, so no orphan waits for PID 1 to collect it."""
        for child in children:
            os.kill(child, signal.SIGKILL)
        for child in children:
            os.waitpid(child, 0)
        os._exit(0)

    signal.signal(signal.SIGTERM, end_all)
    print(f"ready {len(children)}", flush=True)
    if churn_per_s <= 0:
        while True:
            signal.pause()
    period = 1.0 / churn_per_s
    while True:
        time.sleep(period)
        index = random.randrange(len(children))
        os.kill(children[index], signal.SIGKILL)
        os.waitpid(children[index], 0)
        children[index] = fork_sleeper()


if __name__ == "__main__":
    main()
