"""Settings survive a hand-edited or damaged file with their defaults."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from gui.core.actions import Action
from gui.settings import DEFAULT_GRACE_S, DEFAULT_INTERVAL_S, Settings
from tests.qt.conftest import WindowFactory, wait_refreshes


def test_bad_numbers_fall_back_to_defaults_and_good_ones_are_bounded(tmp_path: Path) -> None:
    store = QSettings(str(tmp_path / "s.conf"), QSettings.Format.IniFormat)
    store.setValue("refresh/interval_seconds", "fast")
    store.setValue("ending/grace_seconds", "soon")
    settings = Settings(store)
    assert settings.interval_seconds == DEFAULT_INTERVAL_S
    assert settings.grace_seconds == DEFAULT_GRACE_S
    store.setValue("refresh/interval_seconds", "0.01")
    store.setValue("ending/grace_seconds", "9999")
    assert settings.interval_seconds == 0.5
    assert settings.grace_seconds == 120.0


@pytest.mark.parametrize("text", ["nan", "NaN", "inf", "-inf", "1e999", "-1e999", "infinity"])
def test_a_non_finite_number_in_the_file_falls_back_to_the_default(tmp_path: Path, text: str) -> None:
    path = tmp_path / "ProcPilot.conf"
    path.write_text(f"[refresh]\ninterval_seconds={text}\n\n[ending]\ngrace_seconds={text}\n")
    settings = Settings(QSettings(str(path), QSettings.Format.IniFormat))
    assert settings.interval_seconds == DEFAULT_INTERVAL_S
    assert settings.grace_seconds == DEFAULT_GRACE_S


def test_a_non_finite_number_is_not_stored(tmp_path: Path) -> None:
    path = tmp_path / "ProcPilot.conf"
    settings = Settings(QSettings(str(path), QSettings.Format.IniFormat))
    settings.interval_seconds = float("nan")
    settings.grace_seconds = float("inf")
    settings.sync()
    again = Settings(QSettings(str(path), QSettings.Format.IniFormat))
    assert again.interval_seconds == DEFAULT_INTERVAL_S
    assert again.grace_seconds == DEFAULT_GRACE_S


def test_the_window_keeps_refreshing_with_nan_as_interval_in_the_file(
    qtbot, make_window: WindowFactory, settings_file: Path
) -> None:
    settings_file.write_text("[refresh]\ninterval_seconds=nan\n\n[ending]\ngrace_seconds=nan\n")
    window = make_window(None)
    assert window.loop.interval_s == DEFAULT_INTERVAL_S
    assert window.settings.grace_seconds == DEFAULT_GRACE_S
    wait_refreshes(qtbot, window, 3)


def test_dont_ask_again_is_per_action_and_can_be_undone(tmp_path: Path) -> None:
    settings = Settings(QSettings(str(tmp_path / "s.conf"), QSettings.Format.IniFormat))
    settings.skip_confirmation(Action.END)
    assert settings.skips_confirmation(Action.END)
    assert not settings.skips_confirmation(Action.FORCE_QUIT)
    settings.ask_all_confirmations_again()
    assert not settings.skips_confirmation(Action.END)
