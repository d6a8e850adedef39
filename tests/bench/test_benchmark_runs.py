"""The benchmark itself runs end to end (tiny sizes; its figures are not judged here)."""

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARK = Path(__file__).with_name("benchmark.py")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the benchmark measures the Linux fast path")
def test_benchmark_prints_every_goal(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(BENCHMARK),
            "--sizes",
            "150",
            "--seconds",
            "2",
            "--json",
            str(tmp_path / "b.json"),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    table = result.stdout
    for goal in (
        "1. sampling",
        "2. app CPU",
        "3. event loop delay",
        "4. resident memory",
        "5. start",
        "6.",
        "7.",
    ):
        assert goal in table
    assert (tmp_path / "b.json").stat().st_size > 0
