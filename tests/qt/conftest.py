"""A real main window on the offscreen platform, sampling this machine's processes."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from gui import platforms
from gui.actions.elevation_client import Launcher, pkexec_launcher
from gui.core.columns import Column
from gui.core.process_key import ProcessKey
from gui.core.view_mode import ViewMode
from gui.settings import Settings
from gui.views.main_window import MainWindow

WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "procpilot.conf"


@pytest.fixture
def make_window(qtbot, settings_file: Path) -> Iterator[WindowFactory]:
    """Opens main windows on a private settings file; all are closed afterwards."""
    windows: list[MainWindow] = []

    def make(
        interval_s: float | None = 0.5,
        *,
        as_restored: bool = False,
        view: ViewMode = ViewMode.ALL_PROCESSES,
        launcher: Launcher = pkexec_launcher,
    ) -> MainWindow:
        """A shown window; unless ``as_restored``, showing ``view`` (the flat list unless
        asked), sorted by PID and sized to the screen."""
        settings = Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))
        window = MainWindow(platforms.current(), settings, interval_s, launcher=launcher)
        qtbot.addWidget(window)
        if not as_restored:
            window.show_view(view)
            # Rows keep their places while tests aim clicks at them (CPU % re-sorts
            # constantly), and the window fits the offscreen screen (800 x 600).
            window.view.sortByColumn(Column.PID, Qt.SortOrder.AscendingOrder)
            window.resize(780, 560)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


def wait_refreshes(qtbot, window: MainWindow, count: int) -> None:
    for _ in range(count):
        with qtbot.waitSignal(window.refreshed, timeout=10_000):
            pass


def status_of(window: MainWindow, key: ProcessKey) -> str | None:
    """The Status cell of a process as the shown view has it, or None when it is not listed."""
    index = window.view.index_for(key).siblingAtColumn(Column.STATUS)
    return index.data() if index.isValid() else None
