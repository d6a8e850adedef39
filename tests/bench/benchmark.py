"""ProcPilot's performance benchmark (issue: lighter than htop). Run: ``make bench``.

For each crowd size it starts that many idle processes of its own, then measures
in one run, side by side where a ratio is reported:

- sampling cost per process and refresh: the floor (Python reading every
  ``/proc/<pid>/stat``), ProcPilot's Linux fast path, its portable psutil path,
  and the whole sampler pass (identity, rows and diff included), as CPU time;
- the app's own CPU over ``--seconds`` at a 1 s interval, next to ``htop -d 10``
  running in tmux at the same time (when both are installed), and its memory;
- the event loop's delay (10 ms heartbeat) at rest and while 200 processes are ended;
- start to first populated list (``--smoke``), refreshes while minimized, and the
  CPU % shown for a child kept busy at 100 % of a core.

Then, once: a burst (``--burst`` sleepers appear within one refresh: the longest
event-loop stall while they are listed, and the time until all are), and churn
(``--churn-rate`` short-lived processes per second for ``--churn-seconds``:
event-loop delay p50/p99/max and the app's memory at the start and end).

Then, with X11 tools installed (Xvfb, openbox, xlogo), window tracking at rest: the app's
CPU with ``--windows`` windows open vs none on the same private display
(``windows_at_rest.py``).

Then the administrator helper's start-up, as installed (its modules and ``python3 -I``
wrapper laid out as ``packaging/install_polkit_policy.py`` does): start to first answer
(``helper_start.py``).

``--soak SECONDS`` adds a run with constant churn that samples the app's memory.
Prints one Markdown table; figures, not assertions: the machine is shared and noisy.
"""

import argparse
import compileall
import contextlib
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from gui.core.delta import diff_snapshots  # noqa: E402
from gui.core.snapshot_builder import SnapshotBuilder  # noqa: E402
from gui.platforms import current  # noqa: E402
from gui.platforms.linux_proc_reader import LinuxProcReader  # noqa: E402
from gui.platforms.psutil_reader import PsutilProcessReader  # noqa: E402
from tests.bench.helper_start import helper_start  # noqa: E402
from tests.bench.windows_at_rest import windows_at_rest  # noqa: E402

HERE = Path(__file__).resolve().parent
APP_ENV = {
    "QT_QPA_PLATFORM": "offscreen",
    "DBUS_SESSION_BUS_ADDRESS": "unix:path=/dev/null",
    "PYTHONPATH": str(ROOT),
}


# Crowds of idle processes -------------------------------------------------------


@contextmanager
def crowd(total: int, churn_per_s: float = 0.0) -> Iterator[int]:
    """About ``total`` processes on the machine, the extra ones ours; yields how many we added."""
    extra = max(0, total - len(psutil.pids()))
    helper = subprocess.Popen(
        [sys.executable, str(HERE / "sleepers.py"), str(extra), str(churn_per_s)],
        stdout=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        assert helper.stdout is not None
        line = helper.stdout.readline().decode().strip()
        if not line.startswith("ready"):
            raise RuntimeError(f"sleepers did not start: {line!r}")
        yield extra
    finally:
        helper.terminate()  # it kills and reaps its own children
        try:
            helper.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(helper.pid, signal.SIGKILL)  # only our own helper's group
            helper.wait()


# Sampling cost ------------------------------------------------------------------


def cpu_us_per_process(read: Callable[[], int], passes: int = 5) -> float:
    read()  # warm: caches filled, as in a running app
    processes = 0
    started = time.process_time()
    for _ in range(passes):
        processes += read()
    return (time.process_time() - started) / processes * 1e6


def floor_pass() -> int:
    count = 0
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as stat:
                    stat.read()
                count += 1
            except OSError:
                pass
    return count


def sampling_costs() -> dict[str, float]:
    adapter = current()
    fast = LinuxProcReader()
    portable = PsutilProcessReader(adapter.is_kernel_thread)
    builder = SnapshotBuilder(adapter.core_count())
    previous: dict[Any, Any] = {}

    def pipeline() -> int:
        nonlocal previous
        samples = fast.read()
        wall_now = time.time()
        identities = adapter.identify_processes(samples, wall_now)
        rows = builder.build(samples, time.monotonic(), wall_now, identities)
        diff_snapshots(previous, rows)
        previous = rows
        return len(rows)

    return {
        "floor": cpu_us_per_process(floor_pass),
        "fast": cpu_us_per_process(lambda: len(fast.read())),
        "fast_first": cpu_us_per_process(lambda: len(LinuxProcReader().read()), 2),
        "portable": cpu_us_per_process(lambda: len(portable.read()), 2),
        "pipeline": cpu_us_per_process(pipeline),
    }


# The app and htop, side by side ---------------------------------------------------


def cpu_seconds(process: psutil.Process) -> float:
    times = process.cpu_times()
    return times.user + times.system


@contextmanager
def htop_in_tmux(home: Path) -> Iterator[psutil.Process | None]:
    if not (shutil.which("htop") and shutil.which("tmux")):
        yield None
        return
    socket = f"procpilot-bench-{os.getpid()}"
    env = {**os.environ, "HOME": str(home), "TERM": "xterm-256color"}
    subprocess.run(
        ["tmux", "-L", socket, "new-session", "-d", "-x", "200", "-y", "60", "htop", "-d", "10"],
        env=env,
        check=True,
    )
    try:
        pane = subprocess.run(
            ["tmux", "-L", socket, "list-panes", "-F", "#{pane_pid}"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        yield psutil.Process(int(pane.stdout.split()[0]))
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], env=env, check=False)


def wake_ups(pid: int) -> int:
    """Voluntary context switches of all of a process's threads so far: each is a sleep
    that ended in a wake-up."""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError):
            for line in (task / "status").read_text().splitlines():
                if line.startswith("voluntary_ctxt_switches:"):
                    total += int(line.split()[1])
    return total


def sleep_measuring_wake_charge(seconds: float) -> float:
    """Sleep ``seconds`` in 1 s naps; the median CPU ms the kernel charged this thread per
    nap, in which it did nothing. Near zero on bare metal; on some virtual machines a thread
    waking from a 1 s sleep is charged milliseconds (the app has two threads that wake at
    each refresh, htop one), and how many moves with the machine's state."""
    charged: list[float] = []
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        before = time.thread_time()
        time.sleep(min(1.0, left))
        charged.append((time.thread_time() - before) * 1e3)
    return sorted(charged)[len(charged) // 2] if charged else 0.0


def app_and_htop(seconds: float, workdir: Path, view: str = "processes") -> dict[str, float | None]:
    """The app's CPU and memory, and htop's CPU, over the same ``seconds``; ``view`` is the
    list shown ("processes": All processes, "applications": the Applications view). Also the
    wake-ups per second of each, and what this machine charges a thread for an idle second."""
    config = workdir / f"config-{view}"
    settings_file = config / "ProcPilot" / "ProcPilot.conf"
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text(f"[table]\nview={view}\n", encoding="utf-8")
    env = {**os.environ, **APP_ENV, "XDG_CONFIG_HOME": str(config)}
    app = subprocess.Popen([sys.executable, "-m", "gui", "--interval", "1"], env=env, cwd=ROOT)
    try:
        with htop_in_tmux(workdir) as htop:
            time.sleep(5.0)  # past start-up and the first full list
            watched = [psutil.Process(app.pid)] + ([htop] if htop else [])
            before = [cpu_seconds(p) for p in watched]
            wakes_before = [wake_ups(p.pid) for p in watched]
            started = time.monotonic()
            charge_ms = sleep_measuring_wake_charge(seconds)
            elapsed = time.monotonic() - started
            after = [cpu_seconds(p) for p in watched]
            wakes = [(wake_ups(p.pid) - b) / elapsed for p, b in zip(watched, wakes_before, strict=True)]
            rss = psutil.Process(app.pid).memory_info().rss
    finally:
        app.terminate()
        app.wait(timeout=30)
    percents = [(a - b) / elapsed * 100 for a, b in zip(after, before, strict=True)]
    return {
        "app_cpu": percents[0],
        "htop_cpu": percents[1] if len(percents) > 1 else None,
        "rss_mb": rss / 1e6,
        "app_wakes": wakes[0],
        "htop_wakes": wakes[1] if len(wakes) > 1 else None,
        "idle_second_charge_ms": charge_ms,
    }


def first_list_seconds(workdir: Path) -> float:
    env = {**os.environ, **APP_ENV, "XDG_CONFIG_HOME": str(workdir / "smoke")}
    result = subprocess.run(
        [sys.executable, "-m", "gui", "--smoke"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    match = re.search(r"first list in ([\d.]+) s", result.stdout)
    if match is None:
        raise RuntimeError(f"unexpected smoke output: {result.stdout!r}")
    return float(match.group(1))


def probe(seconds: float, workdir: Path) -> dict[str, Any]:
    env = {**os.environ, **APP_ENV, "XDG_CONFIG_HOME": str(workdir / "probe")}
    (workdir / "probe").mkdir(exist_ok=True)
    result = subprocess.run(
        [sys.executable, str(HERE / "ui_probe.py"), str(seconds)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 120,
    )
    report: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


def burst_probe(workdir: Path, *args: str) -> dict[str, Any]:
    """The burst or churn scenario of ``burst_probe.py``, in its own offscreen app."""
    env = {**os.environ, **APP_ENV, "XDG_CONFIG_HOME": str(workdir / "burst")}
    (workdir / "burst").mkdir(exist_ok=True)
    result = subprocess.run(
        [sys.executable, str(HERE / "burst_probe.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    report: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


def details_probe(seconds: float, workdir: Path) -> dict[str, Any]:
    """The app's CPU with and without an open details window (``details_cost.py``)."""
    env = {**os.environ, **APP_ENV, "XDG_CONFIG_HOME": str(workdir / "details")}
    (workdir / "details").mkdir(exist_ok=True)
    result = subprocess.run(
        [sys.executable, str(HERE / "details_cost.py"), str(seconds)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds * 2 + 120,
    )
    report: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


def soak(seconds: float, total: int, churn: float, workdir: Path) -> dict[str, float]:
    env = {**os.environ, **APP_ENV, "XDG_CONFIG_HOME": str(workdir / "soak")}
    with crowd(total, churn):
        app = subprocess.Popen([sys.executable, "-m", "gui", "--interval", "1"], env=env, cwd=ROOT)
        try:
            time.sleep(30.0)
            process = psutil.Process(app.pid)
            readings = []
            started = time.monotonic()
            while time.monotonic() - started < seconds:
                readings.append(process.memory_info().rss / 1e6)
                time.sleep(min(30.0, seconds / 10))
            readings.append(process.memory_info().rss / 1e6)
        finally:
            app.terminate()
            app.wait(timeout=30)
    return {"first_mb": readings[0], "last_mb": readings[-1], "max_mb": max(readings)}


# Report ------------------------------------------------------------------------


def machine_line() -> str:
    model = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")),
        platform.processor(),
    )  # fmt: skip
    memory = psutil.virtual_memory().total / 2**30
    return (
        f"{date.today().isoformat()}, {os.cpu_count()} cores ({model}), {memory:.0f} GiB, "
        f"Linux {platform.release()}, Python {platform.python_version()}"
    )


def verdict(ok: bool) -> str:
    return "yes" if ok else "**no**"


def report(
    results: dict[int, dict[str, Any]],
    soak_result: dict[str, float] | None,
    once: dict[str, dict[str, Any]] | None = None,
) -> str:
    sizes = sorted(results)
    head = (
        "| goal | target | " + " | ".join(f"{results[n]['processes']} processes" for n in sizes) + " | met |"
    )
    rows = [head, "|---|---|" + "---|" * len(sizes) + "---|"]

    def add(
        goal: str, target: str, cell: Callable[[dict[str, Any]], str], ok: Callable[[dict[str, Any]], bool]
    ) -> None:
        try:
            met = all(ok(results[n]) for n in sizes)
        except KeyError:
            return  # not measured in this run (--only)
        rows.append(
            f"| {goal} | {target} | " + " | ".join(cell(results[n]) for n in sizes) + f" | {verdict(met)} |"
        )

    add(
        "1. sampling, CPU µs per process per refresh (fast path, steady)",
        "≤ 2x floor",
        lambda r: (
            f"{r['sampling']['fast']:.1f} (floor {r['sampling']['floor']:.1f}, "
            f"{r['sampling']['fast'] / r['sampling']['floor']:.2f}x; "
            f"whole pass {r['sampling']['pipeline']:.1f}; "
            f"first pass {r['sampling']['fast_first']:.1f}; psutil path {r['sampling']['portable']:.1f})"
        ),
        lambda r: r["sampling"]["fast"] <= 2 * r["sampling"]["floor"],
    )
    add(
        "2. app CPU, % of one core, 1 s refresh",
        "< htop in the same run",
        lambda r: (
            f"{r['cpu']['app_cpu']:.1f} % (htop {r['cpu']['htop_cpu']:.1f} %, "
            f"ratio {r['cpu']['app_cpu'] / r['cpu']['htop_cpu']:.2f})"
            if r["cpu"]["htop_cpu"]
            else f"{r['cpu']['app_cpu']:.1f} % (htop not installed)"
        ),
        lambda r: r["cpu"]["htop_cpu"] is not None and r["cpu"]["app_cpu"] < r["cpu"]["htop_cpu"],
    )
    add(
        "2. the same with the Applications view shown",
        "≤ 0.5x htop",
        lambda r: (
            f"{r['cpu_apps']['app_cpu']:.1f} % (htop {r['cpu_apps']['htop_cpu']:.1f} %, "
            f"ratio {r['cpu_apps']['app_cpu'] / r['cpu_apps']['htop_cpu']:.2f}; "
            f"{r['cpu_apps']['rss_mb']:.0f} MB)"
            if r["cpu_apps"]["htop_cpu"]
            else f"{r['cpu_apps']['app_cpu']:.1f} % (htop not installed)"
        ),
        lambda r: (
            r["cpu_apps"]["htop_cpu"] is not None
            and r["cpu_apps"]["app_cpu"] <= 0.5 * r["cpu_apps"]["htop_cpu"]
        ),
    )
    with contextlib.suppress(KeyError):  # not measured in this run
        rows.append(
            "| 2. Applications view: wake-ups per second, app (all threads) / htop; CPU this machine "
            "charged an idle thread for each 1 s sleep meanwhile (median) | for information | "
            + " | ".join(
                f"{results[n]['cpu_apps']['app_wakes']:.2f} / "
                + (
                    f"{results[n]['cpu_apps']['htop_wakes']:.2f}"
                    if results[n]["cpu_apps"]["htop_wakes"] is not None
                    else "—"
                )
                + f"; {results[n]['cpu_apps']['idle_second_charge_ms']:.1f} ms"
                for n in sizes
            )
            + " | — |"
        )
    add(
        "3. event loop delay at rest, max / p99",
        "≤ 50 / ≤ 20 ms",
        lambda r: f"{r['probe']['steady']['max_ms']:.0f} / {r['probe']['steady']['p99_ms']:.0f} ms",
        lambda r: r["probe"]["steady"]["max_ms"] <= 50 and r["probe"]["steady"]["p99_ms"] <= 20,
    )
    add(
        "3. event loop delay while 200 processes are ended, max / p99",
        "≤ 50 / ≤ 20 ms",
        lambda r: f"{r['probe']['batch']['max_ms']:.0f} / {r['probe']['batch']['p99_ms']:.0f} ms",
        lambda r: r["probe"]["batch"]["max_ms"] <= 50 and r["probe"]["batch"]["p99_ms"] <= 20,
    )
    add(
        "4. resident memory of the app",
        "≤ 100 MB",
        lambda r: f"{r['cpu']['rss_mb']:.0f} MB",
        lambda r: r["cpu"]["rss_mb"] <= 100,
    )
    add(
        "5. start to first populated list (--smoke)",
        "≤ 1.0 s",
        lambda r: f"{r['first_list_s']:.2f} s",
        lambda r: r["first_list_s"] <= 1.0,
    )
    add(
        "6. refreshes while minimized (5 s), then after restore (1.5 s)",
        "0, then ≥ 1",
        lambda r: f"{r['probe']['minimized_refreshes']}, then {r['probe']['restored_refreshes']}",
        lambda r: r["probe"]["minimized_refreshes"] == 0 and r["probe"]["restored_refreshes"] >= 1,
    )
    add(
        "7. CPU % shown for a child busy at 100 % of a core",
        "90-100",
        lambda r: f"{r['probe']['busy_cpu_percent']:.1f}",
        lambda r: 90 <= r["probe"]["busy_cpu_percent"] <= 100,
    )

    add(
        "12. disk columns: sampler pass, CPU ms (median, alternating), hidden → shown",
        "shown ≤ 1.5x hidden",
        lambda r: (
            f"{r['disk']['hidden_ms']:.1f} → {r['disk']['shown_ms']:.1f} ms ({r['disk']['ratio']:.2f}x)"
        ),
        lambda r: r["disk"]["ratio"] <= 1.5,
    )
    with contextlib.suppress(KeyError):  # not measured in this run (--only)
        rows.append(
            "| 12. disk columns while a process writes with fsync every 50 ms (each pass then reads "
            "every process's counters): hidden → shown | for information | "
            + " | ".join(
                f"{results[n]['disk']['busy_hidden_ms']:.1f} → {results[n]['disk']['busy_shown_ms']:.1f} ms "
                f"({results[n]['disk']['busy_ratio']:.2f}x)"
                for n in sizes
            )
            + " | — |"
        )
    add(
        "12. disk columns hidden again after being shown: sampler pass vs never shown",
        "the same (≤ 1.1x)",
        lambda r: (
            f"{r['disk']['hidden_ms']:.1f} → {r['disk']['hidden_after_shown_ms']:.1f} ms "
            f"({r['disk']['hidden_after_shown_ratio']:.2f}x)"
        ),
        lambda r: r["disk"]["hidden_after_shown_ratio"] <= 1.1,
    )

    def add_once(goal: str, target: str, cell: str, ok: bool) -> None:
        cells = " | ".join([cell] + [""] * (len(sizes) - 1))
        rows.append(f"| {goal} | {target} | {cells} | {verdict(ok)} |")

    burst = (once or {}).get("burst")
    if burst is not None:
        listed = f"{burst['listed_s']:.2f} s" if burst["listed_s"] >= 0 else "**not all listed**"
        add_once(
            f"8. {burst['processes']:,} processes appear in one refresh: longest event-loop stall, "
            "time until all are listed",
            "≤ 50 ms",
            f"{burst['max_ms']:.0f} ms (p99 {burst['p99_ms']:.0f} ms), all listed after {listed}",
            burst["max_ms"] <= 50 and burst["listed_s"] >= 0,
        )
    churn = (once or {}).get("churn")
    if churn is not None:
        growth = churn["rss_end_mb"] - churn["rss_start_mb"]
        add_once(
            f"9. {churn['rate_per_s']:g} processes started and ended per second for "
            f"{churn['seconds']:g} s: event-loop delay p50 / p99 / max",
            "p99 ≤ 20, max ≤ 100 ms",
            f"{churn['p50_ms']:.0f} / {churn['p99_ms']:.0f} / {churn['max_ms']:.0f} ms",
            churn["p99_ms"] <= 20 and churn["max_ms"] <= 100,
        )
        add_once(
            "9. memory of the app over that churn, start → end",
            "flat (< 5 MB growth)",
            f"{churn['rss_start_mb']:.0f} → {churn['rss_end_mb']:.0f} MB (max {churn['rss_max_mb']:.0f})",
            growth < 5,
        )
    windows = (once or {}).get("windows")
    if windows is not None:
        add_once(*windows_row(windows))
    details = (once or {}).get("details")
    if details is not None:
        add_once(
            "11. an open details window (live fields and graph): CPU it adds, % of one core",
            "< 1 %",
            f"{details['added_pct']:.2f} % "
            f"({details['without_pct']:.1f} → {details['with_details_pct']:.1f} %)",
            details["added_pct"] < 1.0,
        )
    helper = (once or {}).get("helper")
    if helper is not None:
        as_whom = "" if helper["root"] else " (not root: its refusal)"
        add_once(
            "13. administrator helper: start to first answer (installed copy, python3 -I), median of 5",
            "< 0.5 s",
            f"{helper['median_s']:.3f} s{as_whom}",
            helper["median_s"] < 0.5,
        )
    if soak_result is not None:
        growth = soak_result["last_mb"] - soak_result["first_mb"]
        first, last, peak = soak_result["first_mb"], soak_result["last_mb"], soak_result["max_mb"]
        cells = " | ".join([f"{first:.0f} → {last:.0f} MB (max {peak:.0f})"] + [""] * (len(sizes) - 1))
        rows.append(f"| 4. memory over the soak with churn | no growth | {cells} | {verdict(growth < 5)} |")
    return "\n".join(rows)


def windows_row(found: dict[str, Any]) -> tuple[str, str, str, bool]:
    """Row 10: the app's CPU at rest with X11 windows open and with none (``windows_at_rest``)."""
    extra = found["with"] - found["without"]
    cell = f"{found['with']:.1f} % with, {found['without']:.1f} % without ({extra:+.1f} points)"
    if not found["tracking"]:
        cell += "; **the app was not following the display**"
    return (
        f"10. window tracking at rest: app CPU (Applications view) with {found['windows']} X11 windows "
        "open vs none (same Xvfb, openbox)",
        "no measurable difference (≤ +0.5 points)",
        cell,
        found["tracking"] and extra <= 0.5,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description="ProcPilot performance benchmark")
    parser.add_argument(
        "--sizes", default="1000,3000", help="total processes on the machine, comma-separated"
    )
    parser.add_argument(
        "--seconds", type=float, default=30.0, help="length of each CPU and event-loop measurement"
    )
    parser.add_argument(
        "--soak", type=float, default=0.0, help="also run a churn soak this long (600 = 10 min)"
    )
    parser.add_argument("--churn", type=float, default=20.0, help="processes replaced per second in the soak")
    parser.add_argument(
        "--burst", type=int, default=5000, help="processes appearing in one refresh (0 = skip)"
    )
    parser.add_argument(
        "--churn-rate", type=float, default=200.0, help="short-lived processes started per second"
    )
    parser.add_argument(
        "--churn-seconds", type=float, default=120.0, help="length of the churn run (0 = skip)"
    )
    parser.add_argument(
        "--only",
        choices=["cpu"],
        help="measure only some rows: cpu = row 2 (the app's CPU next to htop, both views)",
    )
    parser.add_argument(
        "--windows", type=int, default=20, help="X11 windows for the window-tracking row (0 = skip)"
    )
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    options = parser.parse_args()
    if options.only is not None:  # the rows that run once belong to the whole benchmark
        options.burst, options.churn_seconds, options.soak, options.windows = 0, 0.0, 0.0, 0
    if not sys.platform.startswith("linux"):
        print("The benchmark measures the Linux fast path; see README for other systems.")
        return 1
    from tests.bench import disk_columns_cost  # noqa: PLC0415 - it imports crowd() from here

    # As installed: pip (and the packaged binary) bring the bytecode; a checkout run with
    # PYTHONDONTWRITEBYTECODE would compile every module at each start instead.
    compileall.compile_dir(ROOT / "gui", quiet=1)
    results: dict[int, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="procpilot-bench-") as temp:
        workdir = Path(temp)
        for size in (int(s) for s in options.sizes.split(",")):
            with crowd(size):
                print(f"measuring with {len(psutil.pids())} processes...", file=sys.stderr, flush=True)
                if options.only == "cpu":
                    results[size] = {
                        "processes": len(psutil.pids()),
                        "cpu": app_and_htop(options.seconds, workdir),
                        "cpu_apps": app_and_htop(options.seconds, workdir, "applications"),
                    }
                    continue
                results[size] = {
                    "processes": len(psutil.pids()),
                    "sampling": sampling_costs(),
                    "first_list_s": first_list_seconds(workdir),
                    "cpu": app_and_htop(options.seconds, workdir),
                    "cpu_apps": app_and_htop(options.seconds, workdir, "applications"),
                    "probe": probe(options.seconds, workdir),
                    "disk": disk_columns_cost.disk_pass_costs(),
                }
        once: dict[str, dict[str, Any]] = {}
        if options.burst > 0:
            print(f"burst: {options.burst} processes in one refresh...", file=sys.stderr, flush=True)
            once["burst"] = burst_probe(workdir, "burst", str(options.burst))
        if options.churn_seconds > 0:
            print(
                f"churn: {options.churn_rate:g} processes/s for {options.churn_seconds:g} s...",
                file=sys.stderr,
                flush=True,
            )
            once["churn"] = burst_probe(workdir, "churn", str(options.churn_rate), str(options.churn_seconds))
        if options.windows > 0:
            print(f"window tracking: {options.windows} X11 windows vs none...", file=sys.stderr, flush=True)
            at_rest = windows_at_rest(options.seconds, workdir, APP_ENV, options.windows)
            if at_rest is not None:  # None: Xvfb, openbox or xlogo is not installed
                once["windows"] = at_rest
        if options.only is None:
            print("details window: CPU with and without it...", file=sys.stderr, flush=True)
            once["details"] = details_probe(options.seconds, workdir)
            print("administrator helper: start to first answer...", file=sys.stderr, flush=True)
            started = helper_start()
            if started is not None:  # None: no system python3 to run the installed copy
                once["helper"] = started
        soak_result = None
        if options.soak > 0:
            total = max(int(s) for s in options.sizes.split(","))
            print(
                f"soak: {options.soak:g} s, {options.churn:g} processes replaced per second...",
                file=sys.stderr,
            )
            soak_result = soak(options.soak, total, options.churn, workdir)
    print(f"Machine: {machine_line()}\n")
    print(report(results, soak_result, once))
    if options.json:
        options.json.write_text(json.dumps({"results": results, "soak": soak_result, **once}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
