"""A read-only home or a full disk: ProcPilot starts, works, and says once what it cannot store."""

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from gui import platforms
from gui.core.storage_problem import StorageProblem, StorageProblems
from gui.settings import Settings
from gui.views.main_window import MainWindow
from tests.qt.conftest import wait_refreshes

SETTINGS_SENTENCE = "Settings cannot be saved"
LOG_SENTENCE = "The log cannot be written"

Mount = Callable[[str], Path]


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Mount]:
    """Mounts small tmpfs file systems (``mount -o OPTIONS``); all are unmounted afterwards.

    A read-only mount is read-only for root too, unlike a folder with mode 0o500.
    """
    if not sys.platform.startswith("linux") or shutil.which("mount") is None:
        pytest.skip("needs Linux and mount(8)")
    mounted: list[Path] = []

    def mount(options: str) -> Path:
        target = tmp_path / f"tmpfs{len(mounted)}"
        target.mkdir()
        result = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            pytest.skip(f"mounting a tmpfs is not permitted here (needs root): {result.stderr.strip()}")
        mounted.append(target)
        return target

    yield mount
    for target in reversed(mounted):
        subprocess.run(["umount", str(target)], check=True)


def run_smoke(**env: str) -> subprocess.CompletedProcess[str]:
    """The real ``procpilot --smoke``, with ``env`` on top of this environment."""
    return subprocess.run(
        [sys.executable, "-m", "gui", "--smoke"],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def assert_clean_start(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 0, result.stderr
    assert "smoke ok" in result.stdout
    assert "Traceback" not in result.stderr
    assert "Logging error" not in result.stderr


def test_a_read_only_home_still_starts(tmpfs: Mount) -> None:
    home = tmpfs("ro,size=64k")
    result = run_smoke(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
    )
    assert_clean_start(result)
    assert result.stderr.count("Cannot open the log file") == 1


def test_a_full_disk_still_starts_and_the_log_says_so_once(tmpfs: Mount) -> None:
    disk = tmpfs("size=64k")
    (disk / "data" / "ProcPilot" / "ProcPilot" / "logs").mkdir(parents=True)
    (disk / "config").mkdir()
    with (disk / "filler").open("wb", buffering=0) as filler, pytest.raises(OSError):
        while True:
            filler.write(b"\0" * 4096)  # until the disk is full
    result = run_smoke(XDG_CONFIG_HOME=str(disk / "config"), XDG_DATA_HOME=str(disk / "data"))
    assert_clean_start(result)
    assert result.stderr.count("Cannot write the log file") == 1


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_log_on_a_full_device_still_starts(tmp_path: Path) -> None:
    logs = tmp_path / "data" / "ProcPilot" / "ProcPilot" / "logs"
    logs.mkdir(parents=True)
    (logs / "procpilot.log").symlink_to("/dev/full")
    result = run_smoke(XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    assert_clean_start(result)
    assert result.stderr.count("Cannot write the log file") == 1


def unwritable_settings(tmp_path: Path, problems: StorageProblems) -> Settings:
    """Settings in a folder that cannot be made, even by root: its parent is a file."""
    blocker = tmp_path / "config"
    blocker.write_text("a file where the config folder should be\n")
    return Settings(QSettings(str(blocker / "ProcPilot.conf"), QSettings.Format.IniFormat), problems)


def test_settings_that_cannot_be_saved_are_reported_once(tmp_path: Path) -> None:
    problems = StorageProblems()
    heard: list[StorageProblem] = []
    problems.subscribe(heard.append)
    settings = unwritable_settings(tmp_path, problems)
    settings.only_my_processes = True
    settings.interval_seconds = 3.0
    assert not settings.sync()
    assert settings.only_my_processes  # still in effect while ProcPilot runs
    assert heard == [StorageProblem.SETTINGS_NOT_SAVED]

    writable = Settings(QSettings(str(tmp_path / "ok.conf"), QSettings.Format.IniFormat))
    writable.only_my_processes = True
    assert writable.sync()
    assert writable.problems.seen == ()


def test_the_window_says_once_what_cannot_be_stored_and_keeps_working(qtbot, tmp_path: Path) -> None:
    problems = StorageProblems()
    window = MainWindow(platforms.current(), unwritable_settings(tmp_path, problems), 0.5)
    qtbot.addWidget(window)
    window.show()
    label = window.storage_label
    assert label.isVisible()
    assert label.text().count(SETTINGS_SENTENCE) == 1

    def log_fails() -> None:
        problems.report(StorageProblem.LOG_NOT_WRITTEN)

    for _ in range(3):  # the log handler reports from whichever thread was logging
        worker = threading.Thread(target=log_fails)
        worker.start()
        worker.join()
    qtbot.waitUntil(lambda: LOG_SENTENCE in label.text(), timeout=5000)
    window.filter_bar.set_only_mine(True)  # a choice the user makes: saved at once, or tried
    wait_refreshes(qtbot, window, 2)
    assert label.text().count(SETTINGS_SENTENCE) == 1
    assert label.text().count(LOG_SENTENCE) == 1
    window.close()
