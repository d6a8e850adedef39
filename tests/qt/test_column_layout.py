"""The window keeps the user's columns across runs, across versions with other columns,
and migrates the layout that versions before 0.2 saved as Qt header bytes."""

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QHeaderView

from gui.core.column_layout import ColumnLayout, ColumnState
from gui.core.columns import Column
from gui.settings import Settings
from gui.views.main_window import MainWindow
from tests.qt.conftest import WindowFactory


def order(header: QHeaderView) -> list[Column]:
    return [Column(header.logicalIndex(visual)) for visual in range(header.count())]


def customize(window: MainWindow) -> None:
    """What a user might do: move Memory next to Name, widen User, hide Command, sort by PID."""
    header = window.view.header()
    header.moveSection(header.visualIndex(Column.MEMORY), 1)
    header.resizeSection(Column.USER, 163)
    header.resizeSection(Column.COMMAND, 333)
    menu = window.view.column_menu()
    next(a for a in menu.actions() if a.data() == int(Column.COMMAND)).setChecked(False)
    menu.deleteLater()
    window.view.sortByColumn(Column.PID, Qt.SortOrder.AscendingOrder)


def store(settings_file: Path) -> Settings:
    return Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))


def test_the_layout_survives_a_restart(make_window: WindowFactory) -> None:
    first = make_window(as_restored=True)
    customize(first)
    expected = order(first.view.header())
    first.close()

    view = make_window(as_restored=True).view
    header = view.header()
    assert order(header) == expected
    assert view.column_fitter.preferred_width(Column.USER) == 163
    assert header.isSectionHidden(Column.COMMAND)
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        Column.PID,
        Qt.SortOrder.AscendingOrder,
    )


def test_a_hidden_column_comes_back_with_its_width(make_window: WindowFactory) -> None:
    first = make_window(as_restored=True)
    customize(first)
    first.close()
    second = make_window(as_restored=True)
    menu = second.view.column_menu()
    next(a for a in menu.actions() if a.data() == int(Column.COMMAND)).setChecked(True)
    menu.deleteLater()
    assert second.view.column_layout().columns[-1] == ColumnState("COMMAND", 333)


def test_a_layout_from_a_version_with_other_columns_keeps_what_still_exists(
    make_window: WindowFactory, settings_file: Path
) -> None:
    # Saved by a version that had a GPU column and no Threads column.
    saved_ids = ["NAME", "MEMORY", "GPU", "PID", "USER", "STATUS", "CPU", "STARTED", "COMMAND"]
    columns = tuple(ColumnState(i, 90 + n, visible=i != "STATUS") for n, i in enumerate(saved_ids))
    settings = store(settings_file)
    settings.column_layout = ColumnLayout(columns, sort_id="USER", sort_descending=True)
    settings.sync()

    view = make_window(as_restored=True).view
    header = view.header()
    # Threads comes back where it is by default: after Memory (here, Memory's new place);
    # Window title (newer than that version) after Started, before the command line; the disk
    # columns (newer too) after Memory, hidden as in a new window.
    assert order(header) == [
        Column.NAME, Column.MEMORY, Column.DISK_READ, Column.DISK_WRITE, Column.THREADS, Column.PID,
        Column.USER, Column.STATUS, Column.CPU, Column.STARTED, Column.WINDOW_TITLE, Column.COMMAND,
    ]  # fmt: skip
    assert header.isSectionHidden(Column.DISK_READ) and header.isSectionHidden(Column.DISK_WRITE)
    assert not view.column_fitter.is_shown(Column.DISK_READ)
    fitter = view.column_fitter
    assert fitter.preferred_width(Column.THREADS) == fitter.default_width(Column.THREADS)
    assert fitter.preferred_width(Column.MEMORY) == 91
    assert fitter.preferred_width(Column.PID) == 93
    assert header.isSectionHidden(Column.STATUS)
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        Column.USER,
        Qt.SortOrder.DescendingOrder,
    )


def test_the_old_header_state_is_read_once_and_replaced(
    qtbot, make_window: WindowFactory, settings_file: Path
) -> None:
    old = make_window(as_restored=True)
    customize(old)
    expected = order(old.view.header())
    legacy = old.view.header().saveState()
    old.close()
    raw = QSettings(str(settings_file), QSettings.Format.IniFormat)
    raw.remove("table")
    raw.setValue("table/header_state", legacy)
    raw.sync()

    window = make_window(as_restored=True)
    header = window.view.header()
    assert order(header) == expected
    assert window.view.column_fitter.preferred_width(Column.USER) == 163
    assert header.isSectionHidden(Column.COMMAND)
    window.close()
    text = settings_file.read_text()
    assert "header_state" not in text
    assert store(settings_file).column_layout == window.view.column_layout()
