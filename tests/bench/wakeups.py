"""Wake-ups and CPU per thread of the app at rest, next to htop: ``python -m tests.bench.wakeups``.

Starts ProcPilot offscreen at a 1 s refresh (``--view`` applications or processes) and
``htop -d 10`` in tmux, waits past start-up, then counts over ``--seconds`` each
thread's context switches (voluntary ones are wake-ups after a sleep) and CPU time,
from ``/proc/<pid>/task/<tid>/{status,stat}``. ``--total`` adds idle processes of the
benchmark's own until the machine has about that many. Prints one line per thread.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from tests.bench.benchmark import APP_ENV, ROOT, cpu_seconds, crowd, htop_in_tmux

TICKS = os.sysconf("SC_CLK_TCK")


def thread_counters(pid: int) -> dict[int, tuple[str, int, int, float]]:
    """Per thread: name, voluntary and involuntary context switches, CPU seconds."""
    counters: dict[int, tuple[str, int, int, float]] = {}
    for entry in os.listdir(f"/proc/{pid}/task"):
        base = f"/proc/{pid}/task/{entry}"
        try:
            status = Path(f"{base}/status").read_text()
            stat = Path(f"{base}/stat").read_text()
        except OSError:
            continue
        fields = dict(line.split(":\t", 1) for line in status.splitlines() if ":\t" in line)
        after_name = stat.rsplit(")", 1)[1].split()
        cpu = (int(after_name[11]) + int(after_name[12])) / TICKS
        counters[int(entry)] = (
            fields["Name"].strip(),
            int(fields["voluntary_ctxt_switches"]),
            int(fields["nonvoluntary_ctxt_switches"]),
            cpu,
        )
    return counters


def measure(pid: int, htop: psutil.Process | None, seconds: float) -> str:
    before = thread_counters(pid)
    app_before = cpu_seconds(psutil.Process(pid))
    htop_before = cpu_seconds(htop) if htop else 0.0
    htop_switches_before = htop.num_ctx_switches().voluntary if htop else 0
    started = time.monotonic()
    time.sleep(seconds)
    elapsed = time.monotonic() - started
    after = thread_counters(pid)
    app_cpu = (cpu_seconds(psutil.Process(pid)) - app_before) / elapsed * 100
    lines = [f"over {elapsed:.0f} s: app CPU {app_cpu:.2f} % of a core"]
    if htop:
        htop_cpu = (cpu_seconds(htop) - htop_before) / elapsed * 100
        htop_wakes = (htop.num_ctx_switches().voluntary - htop_switches_before) / elapsed
        lines.append(
            f"htop CPU {htop_cpu:.2f} % ({htop_wakes:.2f} wake-ups/s), ratio {app_cpu / htop_cpu:.2f}"
        )
    total = 0.0
    for tid, (name, voluntary, involuntary, cpu) in sorted(after.items()):
        if tid not in before:
            continue
        _, voluntary0, involuntary0, cpu0 = before[tid]
        rate = (voluntary - voluntary0) / elapsed
        total += rate
        preempted = (involuntary - involuntary0) / elapsed
        if rate or cpu - cpu0:
            lines.append(
                f"  {name:<18} wake-ups {rate:5.2f}/s  preempted {preempted:5.2f}/s"
                f"  CPU {(cpu - cpu0) / elapsed * 100:5.2f} %"
            )
    lines.append(f"  all threads        wake-ups {total:5.2f}/s")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--total", type=int, default=0, help="processes on the machine (0 = as is)")
    parser.add_argument("--view", default="applications", choices=["applications", "processes", "tree"])
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="procpilot-wakeups-") as temp:
        workdir = Path(temp)
        settings_file = workdir / "config" / "ProcPilot" / "ProcPilot.conf"
        settings_file.parent.mkdir(parents=True)
        settings_file.write_text(f"[table]\nview={options.view}\n", encoding="utf-8")
        env = {**os.environ, **APP_ENV, "XDG_CONFIG_HOME": str(workdir / "config")}
        with crowd(options.total):
            app = subprocess.Popen([sys.executable, "-m", "gui", "--interval", "1"], env=env, cwd=ROOT)
            try:
                with htop_in_tmux(workdir) as htop:
                    time.sleep(5.0)
                    print(f"{len(psutil.pids())} processes, view {options.view}")
                    print(measure(app.pid, htop, options.seconds))
            finally:
                app.terminate()
                app.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
