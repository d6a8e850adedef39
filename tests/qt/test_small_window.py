"""A small window (800 x 500, or a 2x font): titles readable, no sideways scrolling,
Command line takes the rest, the user's widths kept as preferences, End and Force quit on view."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QHeaderView, QToolBar

from gui.core.columns import COLUMNS, DEFAULT_ORDER, Column
from gui.settings import Settings
from gui.views.main_window import MainWindow
from tests.qt.conftest import WindowFactory

SMALL = (800, 500)


@pytest.fixture(params=[1.0, 2.0], ids=["font-1x", "font-2x"])
def font_scale(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[float]:
    """The application font at its size, and at twice its size (200 % text)."""
    original = qapp.font()
    if request.param != 1.0:
        font = qapp.font()
        font.setPointSizeF(font.pointSizeF() * request.param)
        qapp.setFont(font)
    yield request.param
    qapp.setFont(original)


def small_window(qtbot, make_window: WindowFactory) -> MainWindow:
    window = make_window()
    window.resize(*SMALL)
    qtbot.waitUntil(lambda: window.width() == SMALL[0])
    return window


def shown(header: QHeaderView) -> list[int]:
    return [
        header.logicalIndex(v)
        for v in range(header.count())
        if not header.isSectionHidden(header.logicalIndex(v))
    ]


def assert_fits(window: MainWindow) -> None:
    view = window.view
    header = view.header()
    metrics = header.fontMetrics()
    titles = {c: window.model.headerData(c, Qt.Orientation.Horizontal) for c in Column}
    for logical in shown(header):
        assert header.sectionSize(logical) >= metrics.horizontalAdvance(titles[Column(logical)]), titles[
            Column(logical)
        ]
        assert header.sectionSize(logical) >= view.column_fitter.minimum_width(logical)
        if not COLUMNS[logical].elidable:  # numbers and times in full
            assert header.sectionSize(logical) >= view.column_fitter.readable_width(logical)
    widths = [header.sectionSize(logical) for logical in shown(header)]
    assert sum(widths) == view.viewport().width()
    assert view.horizontalScrollBar().maximum() == 0
    assert not view.horizontalScrollBar().isVisible()
    assert Column.COMMAND in shown(header) and Column.NAME in shown(header)
    others = sum(header.sectionSize(logical) for logical in shown(header) if logical != Column.COMMAND)
    assert header.sectionSize(Column.COMMAND) == view.viewport().width() - others


def test_every_title_is_readable_and_nothing_scrolls_sideways(
    qtbot, make_window: WindowFactory, font_scale: float
) -> None:
    window = small_window(qtbot, make_window)
    assert_fits(window)
    if font_scale == 1.0:  # at 800 px and the usual font, every column is there, readable...
        assert shown(window.view.header()) == [
            c for c in DEFAULT_ORDER if c != Column.WINDOW_TITLE and COLUMNS[c].shown_by_default
        ]
        # ...but the optional Window title, which steps aside first (still the user's choice).
        assert window.view.column_fitter.is_stepped_aside(Column.WINDOW_TITLE)
        assert all(
            state.visible == COLUMNS[Column[state.id]].shown_by_default
            for state in window.view.column_layout().columns
        )
    else:  # some step aside for lack of room, but stay the user's choice
        header = window.view.header()
        aside = [c for c in Column if header.isSectionHidden(c) and COLUMNS[c].shown_by_default]
        assert aside and all(window.view.column_fitter.is_stepped_aside(c) for c in aside)
        assert all(
            state.visible == COLUMNS[Column[state.id]].shown_by_default
            for state in window.view.column_layout().columns
        )
        menu = window.view.column_menu()
        assert all(
            action.isChecked() == COLUMNS[action.data()].shown_by_default
            for action in menu.actions()
            if action.isCheckable()
        )
        menu.deleteLater()


def test_command_line_takes_the_rest_wherever_the_user_moved_it(
    qtbot, make_window: WindowFactory, font_scale: float
) -> None:
    window = small_window(qtbot, make_window)
    header = window.view.header()
    header.moveSection(header.visualIndex(Column.COMMAND), 1)
    assert_fits(window)
    window.resize(1100, 500)
    qtbot.waitUntil(lambda: window.width() == 1100)
    assert_fits(window)


def test_growing_back_shows_the_preferred_widths_again(qtbot, make_window: WindowFactory) -> None:
    window = make_window()
    window.resize(1400, 600)
    qtbot.waitUntil(lambda: window.width() == 1400)
    header = window.view.header()
    wide = {c: header.sectionSize(c) for c in Column}
    assert all(
        wide[c] == window.view.column_fitter.preferred_width(c)
        for c in Column
        if c != Column.COMMAND and COLUMNS[c].shown_by_default
    )

    window.resize(*SMALL)
    qtbot.waitUntil(lambda: window.width() == SMALL[0])
    assert any(
        header.sectionSize(c) < wide[c] for c in Column if c != Column.COMMAND and COLUMNS[c].shown_by_default
    )
    # What would be saved now is still the preferred layout, not the squeezed one.
    assert {
        s.id: s.width for s in window.view.column_layout().columns if s.visible and s.id != "COMMAND"
    } == {c.name: wide[c] for c in Column if c != Column.COMMAND and COLUMNS[c].shown_by_default}

    window.resize(1400, 600)
    qtbot.waitUntil(lambda: window.width() == 1400)
    assert {c: header.sectionSize(c) for c in Column} == wide


def test_a_width_the_user_chose_is_what_gets_saved(
    qtbot, make_window: WindowFactory, settings_file: Path
) -> None:
    window = small_window(qtbot, make_window)
    header = window.view.header()
    header.resizeSection(Column.USER, 190)  # as a drag does
    assert_fits(window)
    window.close()
    saved = Settings(QSettings(str(settings_file), QSettings.Format.IniFormat)).column_layout
    assert saved is not None
    assert next(s.width for s in saved.columns if s.id == "USER") == 190
    # Every other column is saved at its preferred width, not squeezed.
    for state in saved.columns:
        if state.id not in {"USER", "COMMAND"}:
            assert state.width == window.view.column_fitter.default_width(Column[state.id])


def test_a_mouse_drag_on_the_header_is_a_preference(qtbot, make_window: WindowFactory) -> None:
    window = small_window(qtbot, make_window)
    header = window.view.header()
    before = header.sectionSize(Column.NAME)
    edge = header.sectionViewportPosition(Column.NAME) + before - 1
    y = header.height() // 2
    target = header.viewport()
    qtbot.mousePress(target, Qt.MouseButton.LeftButton, pos=QPoint(edge, y))
    for step in range(1, 7):
        qtbot.mouseMove(target, QPoint(edge + 10 * step, y))
    qtbot.mouseRelease(target, Qt.MouseButton.LeftButton, pos=QPoint(edge + 60, y))
    preferred = window.view.column_fitter.preferred_width(Column.NAME)
    assert preferred == before + 60
    assert header.sectionSize(Column.NAME) == preferred  # room was taken from Command line
    assert_fits(window)
    assert next(s.width for s in window.view.column_layout().columns if s.id == "NAME") == preferred


def test_end_and_force_quit_stay_on_the_toolbar(qtbot, make_window: WindowFactory, font_scale: float) -> None:
    window = small_window(qtbot, make_window)
    toolbar = window.findChild(QToolBar, "main_toolbar")
    assert toolbar is not None
    for action in window.process_actions.toolbar_actions():
        assert toolbar.widgetForAction(action).isVisible(), action.text()
    search = window.filter_bar.search
    assert search.isVisible() and search.width() >= search.minimumWidth() > 0
    assert search.maximumWidth() < window.width()
