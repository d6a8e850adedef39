"""The benchmark itself runs end to end (tiny sizes; its figures are not judged here)."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.bench.helper_start import SYSTEM_PYTHON
from tests.bench.windows_at_rest import NEEDED as X11_NEEDED
from tests.e2e.x11_desktop import missing

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
            "--burst",
            "200",
            "--churn-rate",
            "50",
            "--churn-seconds",
            "3",
            "--windows",
            "3",
            "--json",
            str(tmp_path / "b.json"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
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
        "8. 200 processes appear in one refresh",
        "9. 50 processes started and ended per second",
        "9. memory of the app over that churn",
        "11. an open details window",
        "12. disk columns",
        "12. disk columns hidden again after being shown",
        "12. disk columns while a process writes",
    ):
        assert goal in table
    if not missing(*X11_NEEDED):
        assert "10. window tracking at rest: app CPU (Applications view) with 3 X11 windows" in table
        assert "not following the display" not in table
    if Path(SYSTEM_PYTHON).exists():
        assert "13. administrator helper: start to first answer" in table
    assert "not all listed" not in table
    assert (tmp_path / "b.json").stat().st_size > 0
