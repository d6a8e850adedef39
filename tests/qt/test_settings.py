"""Settings survive a hand-edited or damaged file with their defaults."""

from pathlib import Path

from PySide6.QtCore import QSettings

from gui.core.actions import Action
from gui.settings import DEFAULT_GRACE_S, DEFAULT_INTERVAL_S, Settings


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


def test_dont_ask_again_is_per_action_and_can_be_undone(tmp_path: Path) -> None:
    settings = Settings(QSettings(str(tmp_path / "s.conf"), QSettings.Format.IniFormat))
    settings.skip_confirmation(Action.END)
    assert settings.skips_confirmation(Action.END)
    assert not settings.skips_confirmation(Action.FORCE_QUIT)
    settings.ask_all_confirmations_again()
    assert not settings.skips_confirmation(Action.END)
