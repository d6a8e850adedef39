"""Right to left (Qt's ``-reverse``, or an Arabic or Hebrew desktop): the window mirrors and
nothing overlaps: toolbar controls, a message bar's text and buttons, the list's columns."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget

from gui.views.main_toolbar import toolbar_buttons
from gui.views.message_bar import BarKind


@pytest.fixture
def right_to_left(qapp: QApplication) -> Iterator[None]:
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    yield
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def _rects(parent: QWidget, widgets: list[QWidget]) -> list[tuple[str, QRect]]:
    return [
        (
            widget.accessibleName() or widget.objectName() or type(widget).__name__,
            QRect(widget.mapTo(parent, widget.rect().topLeft()), widget.size()),
        )
        for widget in widgets
        if widget.isVisible()
    ]


def _assert_apart(rects: list[tuple[str, QRect]]) -> None:
    for position, (name, rect) in enumerate(rects):
        for other_name, other in rects[position + 1 :]:
            assert not rect.intersects(other), f"{name} {rect} overlaps {other_name} {other}"


@pytest.mark.usefixtures("right_to_left")
def test_nothing_overlaps_right_to_left(qtbot, make_window) -> None:
    window = make_window()
    assert window.isRightToLeft()
    window.results_bar.show_message(
        "A process could not be ended: it belongs to another user",
        BarKind.ERROR,
        (("Details\u2026", lambda: None),),
    )
    qtbot.waitUntil(lambda: window.proxy.rowCount() > 0, timeout=10_000)
    qtbot.waitUntil(window.results_bar.isVisible)
    toolbar = [window.filter_bar.search, window.filter_bar.scope, *toolbar_buttons(window.toolbar)]
    _assert_apart(_rects(window, toolbar))
    # Mirrored: the search field is at the right, End to its left.
    search = window.filter_bar.search.mapTo(window, window.filter_bar.search.rect().center())
    end = window.toolbar.widgetForAction(window.process_actions.end_action)
    assert end is not None and end.mapTo(window, end.rect().center()).x() < search.x()
    bar = window.results_bar
    _assert_apart(_rects(window, [bar.label, *bar.buttons(), bar.close_button]))
    assert (
        bar.close_button.mapTo(window, bar.close_button.rect().center()).x()
        < bar.label.mapTo(window, bar.label.rect().center()).x()
    )
    header = window.view.header()
    sections = [
        (
            str(logical),
            QRect(header.sectionViewportPosition(logical), 0, header.sectionSize(logical), header.height()),
        )
        for logical in range(header.count())
        if not header.isSectionHidden(logical)
    ]
    _assert_apart(sections)
    assert all(rect.left() >= 0 and rect.right() < header.viewport().width() + 1 for _, rect in sections)
