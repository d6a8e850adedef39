"""Result bars: successes go by themselves, failures and offers stay until dismissed."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QVBoxLayout, QWidget

from gui.views.message_bar import BarKind, MessageBar

SHORT_MS = 200


@pytest.fixture
def bar(qtbot) -> Iterator[MessageBar]:
    """A bar in a shown window, with a short countdown (the default is tested through the window)."""
    window = QWidget()
    qtbot.addWidget(window)
    bar = MessageBar(window, auto_dismiss_ms=SHORT_MS)
    layout = QVBoxLayout(window)
    layout.addWidget(bar)
    layout.addStretch(1)
    window.resize(400, 200)
    window.show()
    qtbot.waitExposed(window)
    yield bar  # the window lives as long as the test


def _nothing() -> None:
    pass


def test_the_default_countdown_is_five_seconds(qtbot) -> None:
    assert MessageBar.AUTO_DISMISS_MS == 5000
    bar = MessageBar()
    qtbot.addWidget(bar)
    assert bar.auto_dismiss_ms == 5000


def test_a_transient_message_goes_by_itself(qtbot, bar: MessageBar) -> None:
    bar.show_message("2 processes: 2 ended", BarKind.SUCCESS, (("Details\u2026", _nothing),), transient=True)
    assert bar.isVisible() and bar.transient
    qtbot.waitUntil(bar.isHidden, timeout=SHORT_MS * 10)
    assert bar.label.text() == ""


def test_other_messages_stay(qtbot, bar: MessageBar) -> None:
    bar.show_message("1 not allowed", BarKind.ERROR, (("Details\u2026", _nothing),))
    qtbot.wait(SHORT_MS * 3)
    assert bar.isVisible()
    bar.dismiss_transient()
    assert bar.isVisible()


def test_a_lasting_message_replacing_a_transient_one_stays(qtbot, bar: MessageBar) -> None:
    bar.show_message("sleep ended.", BarKind.SUCCESS, transient=True)
    bar.show_message("sleep is still running 5 s after End.", BarKind.WARNING, (("Force quit", _nothing),))
    qtbot.wait(SHORT_MS * 3)
    assert bar.isVisible()
    assert bar.label.text() == "sleep is still running 5 s after End."


def test_dismiss_transient_ends_it_at_once(qtbot, bar: MessageBar) -> None:
    bar.show_message("sleep ended.", BarKind.SUCCESS, transient=True)
    bar.dismiss_transient()
    assert bar.isHidden()


def test_the_countdown_waits_while_the_pointer_is_over_the_bar(qtbot, bar: MessageBar) -> None:
    bar.show_message("sleep ended.", BarKind.SUCCESS, transient=True)
    qtbot.mouseMove(bar, bar.rect().center())
    qtbot.waitUntil(bar.underMouse, timeout=2000)
    qtbot.wait(SHORT_MS * 3)
    assert bar.isVisible()
    qtbot.mouseMove(bar.window(), QPoint(bar.window().width() - 5, bar.window().height() - 5))
    qtbot.waitUntil(lambda: not bar.underMouse(), timeout=2000)
    qtbot.waitUntil(bar.isHidden, timeout=MessageBar.AFTER_HOVER_MS + SHORT_MS * 10)
