"""Light and dark: View → Theme switches at once, and rendered text reads at WCAG AA (4.5:1)
against its background in both schemes: the list, its header and selected row, the status
bar, every kind of message bar with its Dismiss button, and the End confirmation."""

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QRect, QSettings, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QImage, QPalette

from gui.core.actions import Action, ActionRequest
from gui.core.columns import Column
from gui.core.contrast import AA_TEXT
from gui.core.theme_choice import ThemeChoice
from gui.settings import Settings
from gui.views.action_icons import cancel_icon, end_icon, force_quit_icon
from gui.views.appearance import Appearance, is_dark
from gui.views.message_bar import BarKind, MessageBar
from tests.children import key_of
from tests.qt.rendered_contrast import area_in, rendered, text_contrast
from tests.qt.ui_driving import open_dialog, wait_listed

SCHEMES = (ThemeChoice.LIGHT, ThemeChoice.DARK)
_BARS = (
    ("results_bar", BarKind.SUCCESS),
    ("escalation_bar", BarKind.WARNING),
    ("suspended_bar", BarKind.ERROR),
)


@pytest.fixture(autouse=True)
def system_scheme_afterwards():
    """Other tests get the system's palette back."""
    yield
    Appearance(ThemeChoice.SYSTEM).deleteLater()


def _save(image: QImage, name: str) -> None:
    """With PROCPILOT_SAVE_RENDERS set to a folder, keep the pictures to look at."""
    folder = os.environ.get("PROCPILOT_SAVE_RENDERS")
    if folder:
        image.save(str(Path(folder) / f"{name}.png"))


def _assert_legible(image: QImage, area, what: str) -> None:
    ratio, text, background = text_contrast(image, area)
    assert ratio >= AA_TEXT, f"{what}: text {text} on {background} is {ratio:.2f}:1"


@pytest.mark.parametrize("choice", SCHEMES, ids=lambda choice: choice.value)
def test_window_and_bars_read_at_aa(qtbot, make_window, spawn, choice: ThemeChoice) -> None:
    window = make_window()
    window.set_theme(choice)
    assert window.appearance.dark is (choice is ThemeChoice.DARK)
    child = spawn()
    key = key_of(child)
    wait_listed(qtbot, window, key)
    for name, kind in _BARS:
        bar = window.findChild(MessageBar, name)
        assert bar is not None
        bar.show_message(
            f"A {kind.name.lower()} message for the {choice.value} scheme", kind, (("Details", bar.dismiss),)
        )
    index = window.view.index_for(key)
    window.view.scrollTo(index)
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    window.view.selectionModel().setCurrentIndex(index, flags)
    qtbot.waitUntil(lambda: all(window.findChild(MessageBar, name).isVisible() for name, _ in _BARS))
    image = rendered(window)
    _save(image, f"window-{choice.value}")

    view = window.view
    base = image.pixelColor(area_in(window, view.viewport()).center())
    assert (base.lightness() < 128) is (choice is ThemeChoice.DARK), f"the list's background is {base.name()}"
    other = index.sibling(index.row() - 1 if index.row() else 1, Column.NAME)
    _assert_legible(image, area_in(window, view.viewport(), view.visualRect(other)), "a row")
    selected = view.visualRect(index.siblingAtColumn(Column.NAME))
    _assert_legible(image, area_in(window, view.viewport(), selected), "the selected row")
    header = view.header()
    name_section = header.sectionViewportPosition(Column.NAME)
    header_rect = header.rect().adjusted(name_section, 0, 0, 0)
    header_rect.setWidth(header.sectionSize(Column.NAME))
    _assert_legible(image, area_in(window, header, header_rect, inset=3), "the Name header")
    _assert_legible(image, area_in(window, window.status_label), "the status bar")
    for name, kind in _BARS:
        bar = window.findChild(MessageBar, name)
        _assert_legible(image, area_in(window, bar.label, inset=0), f"the {kind.name} bar's message")
        _assert_legible(image, area_in(window, bar.close_button), f"the {kind.name} bar's Dismiss")
        background, _, _ = bar.colours()
        assert (background.lightness() < 128) is (choice is ThemeChoice.DARK)


@pytest.mark.parametrize("choice", SCHEMES, ids=lambda choice: choice.value)
def test_confirmation_reads_at_aa(qtbot, make_window, spawn, choice: ThemeChoice) -> None:
    window = make_window()
    window.set_theme(choice)
    child = spawn()
    key = key_of(child)
    wait_listed(qtbot, window, key)
    target = window.model.row_at(window.model.index_of(key).row()).named_sample
    window.process_actions.flow.request(ActionRequest(Action.END, (target,)))
    dialog = open_dialog(qtbot, window)
    qtbot.waitExposed(dialog)
    image = rendered(dialog)
    _save(image, f"confirm-{choice.value}")
    _assert_legible(image, area_in(dialog, dialog.heading_label, inset=0), "the heading")
    _assert_legible(image, area_in(dialog, dialog.message_label, inset=0), "the message")
    listing = dialog.process_list
    item = listing.topLevelItem(0)
    assert item is not None
    rect = listing.visualItemRect(item)
    rect.setWidth(listing.columnWidth(0))
    _assert_legible(image, area_in(dialog, listing.viewport(), rect), "the process list")
    dialog.reject()


@pytest.mark.parametrize("choice", SCHEMES, ids=lambda choice: choice.value)
def test_end_force_quit_and_cancel_look_different(qtbot, make_window, choice: ThemeChoice) -> None:
    window = make_window()
    window.set_theme(choice)
    images = [icon.pixmap(22, 22).toImage() for icon in (end_icon(), force_quit_icon(), cancel_icon())]
    assert all(not image.isNull() for image in images)
    assert images[0] != images[1] and images[1] != images[2] and images[0] != images[2]
    toolbar = [action.icon().pixmap(22, 22).toImage() for action in window.process_actions.toolbar_actions()]
    assert toolbar == images[:2]


def test_theme_choice_is_kept_and_system_comes_back(qtbot, make_window, settings_file) -> None:
    window = make_window()
    system_dark = is_dark(QGuiApplication.palette())
    window.theme_menu.actions[ThemeChoice.DARK].trigger()
    assert window.appearance.dark
    assert Settings(QSettings(str(settings_file), QSettings.Format.IniFormat)).theme is ThemeChoice.DARK
    window.theme_menu.actions[ThemeChoice.LIGHT].trigger()
    assert not window.appearance.dark
    window.theme_menu.actions[ThemeChoice.SYSTEM].trigger()
    assert window.appearance.dark is system_dark
    assert Settings(QSettings(str(settings_file), QSettings.Format.IniFormat)).theme is ThemeChoice.SYSTEM


def test_greyed_exited_rows_follow_the_scheme(qtbot, make_window, spawn) -> None:
    window = make_window()
    child = spawn()
    key = key_of(child)
    wait_listed(qtbot, window, key)
    window.set_theme(ThemeChoice.LIGHT)
    window.pause_action.trigger()  # exits are kept, greyed, while paused
    window.model.mark_exited([key])
    disabled = (QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)

    def grey() -> QColor:
        colour = window.model.index_of(key, Column.NAME).data(Qt.ItemDataRole.ForegroundRole)
        assert isinstance(colour, QColor | QBrush)
        return colour if isinstance(colour, QColor) else colour.color()

    assert grey() == QGuiApplication.palette().color(*disabled)
    light_grey = grey()
    window.set_theme(ThemeChoice.DARK)
    assert grey() == QGuiApplication.palette().color(*disabled) != light_grey
    window.pause_action.trigger()


@pytest.mark.parametrize("choice", SCHEMES, ids=lambda choice: choice.value)
def test_details_window_exited_banner_and_graph_scale_read_at_aa(
    qtbot, make_window, spawn, choice: ThemeChoice
) -> None:
    """The exited banner stands out from the window (a tinted bar) and reads at AA; the
    graph's scale, written in its corners, reads at AA too."""
    window = make_window()
    window.set_theme(choice)
    child = spawn()
    key = key_of(child)
    wait_listed(qtbot, window, key)
    details = window.details.open(key)
    qtbot.waitUntil(lambda: len(details.history) >= 2, timeout=10_000)
    image = rendered(details)
    graph = details.graph
    assert graph.scale_texts[0] == "100 %"
    assert graph.scale_texts[1].endswith("MB")
    metrics = graph.fontMetrics()
    scale_width = metrics.horizontalAdvance(graph.scale_texts[0])
    corner = QRect(graph.width() - 6 - scale_width - 2, 6, scale_width + 4, metrics.height())
    _assert_legible(image, area_in(details, graph, corner, inset=0), "the CPU chart's scale")

    child.kill()
    child.wait(timeout=10)
    qtbot.waitUntil(lambda: details.exited, timeout=10_000)
    banner = details.exited_banner
    qtbot.waitUntil(banner.isVisible)
    image = rendered(details)
    _save(image, f"details-exited-{choice.value}")
    _assert_legible(image, area_in(details, banner.label, inset=0), "the exited banner")
    background, _, _ = banner.colours()
    window_colour = details.palette().color(QPalette.ColorRole.Window)
    assert background != window_colour
    assert (background.lightness() < 128) is (choice is ThemeChoice.DARK)
    details.close()
