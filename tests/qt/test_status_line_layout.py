"""The status line's new text at each refresh repaints it, without laying out the window again;
the view buttons keep their measured size until their text, font or style changes."""

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from gui.core.view_mode import ViewMode
from tests.qt.conftest import WindowFactory, wait_refreshes
from tests.qt.event_counter import EventCounter


def test_a_new_status_text_does_not_lay_out_the_window_again(qtbot, make_window: WindowFactory) -> None:
    window = make_window()
    wait_refreshes(qtbot, window, 2)
    requests = EventCounter(QEvent.Type.LayoutRequest)
    window.installEventFilter(requests)
    for text in ("12 of 300 processes shown", "1,234 of 5,678 processes shown    CPU 99.9 %", "x"):
        window.status_label.setText(text)
        QApplication.processEvents()
    assert requests.count == 0
    # The line still has the status bar's whole room, and follows the window's width.
    holder = window.status_label.parentWidget()
    assert holder is not None
    assert window.status_label.geometry() == holder.rect()
    window.resize(window.width() - 100, window.height())
    qtbot.waitUntil(lambda: window.status_label.width() == holder.width())


def test_a_bigger_font_makes_the_status_line_taller(qtbot, make_window: WindowFactory) -> None:
    window = make_window()
    holder = window.status_label.parentWidget()
    assert holder is not None
    before = holder.sizeHint().height()
    font = QFont(window.status_label.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    window.status_label.setFont(font)
    qtbot.waitUntil(lambda: window.status_label.height() > before)


def test_view_buttons_are_measured_again_when_their_text_or_font_changes(make_window: WindowFactory) -> None:
    window = make_window()
    button = window.view_switch.buttons[ViewMode.APPLICATIONS]
    action = window.view_switch.actions[ViewMode.APPLICATIONS]
    width = button.sizeHint().width()
    assert button.sizeHint().width() == width
    action.setIconText(action.iconText() + " and their windows")
    wider = button.sizeHint().width()
    assert wider > width
    font = QFont(button.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    button.setFont(font)
    assert button.sizeHint().width() > wider
