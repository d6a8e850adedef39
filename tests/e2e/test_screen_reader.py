"""ProcPilot as a screen reader meets it: the real window under Xvfb with the AT-SPI bus,
its accessibility tree read with pyatspi, and a whole End done with the keyboard alone."""

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.children import SLEEPER
from tests.e2e.screen_reader import Node, ScreenReaderDesktop, missing_tools

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="AT-SPI is the Linux accessibility bus")

MARKER = "procpilot-screen-reader-target"


@pytest.fixture
def desktop(tmp_path: Path) -> Iterator[ScreenReaderDesktop]:
    lacking = missing_tools()
    if lacking:
        pytest.skip(f"needs {', '.join(lacking)} (Debian: at-spi2-core python3-pyatspi xvfb xdotool)")
    session = ScreenReaderDesktop(tmp_path)
    try:
        yield session
    finally:
        session.close()


@pytest.fixture
def target() -> Iterator[subprocess.Popen[bytes]]:
    """The process the keyboard ends (the only one the test signals)."""
    child = subprocess.Popen([sys.executable, "-c", SLEEPER, MARKER])
    yield child
    if child.poll() is None:
        child.kill()
    child.wait(timeout=10)


def _find(tree: list[Node], role: str, name: str) -> Node | None:
    return next((node for node in tree if node.role == role and node.name == name), None)


def _within(tree: list[Node], role: str) -> list[Node]:
    """The first ``role`` node and everything under it."""
    start = next((position for position, node in enumerate(tree) if node.role == role), None)
    if start is None:
        return []
    depth = tree[start].depth
    end = next((p for p in range(start + 1, len(tree)) if tree[p].depth <= depth), len(tree))
    return tree[start:end]


def _focused(tree: list[Node]) -> Node | None:
    """The control with the keyboard focus (a list's current cell keeps saying "focused" after
    the focus has left the list: cells and items are not counted)."""
    controls = [
        node for node in tree if "focused" in node.states and node.role not in ("table cell", "list item")
    ]
    return controls[-1] if controls else None


def test_tree_names_every_control(desktop: ScreenReaderDesktop) -> None:
    desktop.start_procpilot()
    tree = desktop.wait(
        lambda: [n for n in desktop.tree() if n.role == "tool bar"] and desktop.tree(), what="ProcPilot"
    )
    expected = {
        ("text", "Search processes"),
        ("tree", "Processes"),
        ("tool bar", "Toolbar"),
        ("push button", "End"),
        ("push button", "Force quit"),
        ("radio button", "Applications"),
        ("radio button", "All processes"),
        ("radio button", "Process tree"),
        ("check box", "Pause updates"),
        ("push button", "Refresh now"),
        ("push button", "Dismiss"),
        ("menu item", "View"),
        ("menu item", "Theme"),
    }
    found = {(node.role, node.name) for node in tree}
    assert expected <= found, sorted(expected - found)
    views = [node for node in tree if node.role == "radio button"]
    assert len([node for node in views if "checked" in node.states]) == 1, views  # one view is shown
    combo = next(node for node in tree if node.role == "combo box")
    assert combo.name == "All users" and combo.description  # named by its value on Linux, and said
    search = _find(tree, "text", "Search processes")
    assert search is not None and search.description
    # No control that can take the focus (or be clicked) goes unnamed, nor is named by a glyph.
    controls = ("push button", "check box", "radio button", "text", "combo box", "menu item", "tree", "table")
    for node in tree:
        if node.role in controls and (node.showing or node.role == "push button"):
            assert node.name.strip(), node
        assert "\u2715" not in node.name, node


def test_end_a_process_with_the_keyboard_alone(
    desktop: ScreenReaderDesktop, target: subprocess.Popen[bytes]
) -> None:
    desktop.start_procpilot("--interval", "1")
    desktop.wait(lambda: _find(desktop.tree(), "tree", "Processes"), what="the process list")
    desktop.focus_window("ProcPilot")
    desktop.keys("ctrl+2", "ctrl+f")  # All processes; the search field
    desktop.type(MARKER)

    def one_shown() -> list[Node] | None:
        tree = desktop.tree()
        status = [node for node in tree if node.role == "label" and node.name.startswith("1 of ")]
        return tree if status else None

    desktop.wait(one_shown, what="the search to leave one process")
    desktop.keys("Down")  # into the list, on its only row
    tree = desktop.wait(
        lambda: (
            (t := desktop.tree())
            and (node := _find(t, "tree", "Processes"))
            and node.selected_rows == 1
            and t
        ),
        what="the row to be selected",
    )
    focused = _focused(tree)
    assert focused is not None and focused.role in ("tree", "tree item", "table cell"), focused

    desktop.keys("Delete")
    dialog_tree = desktop.wait(
        lambda: (t := desktop.tree()) and any(node.role == "dialog" for node in t) and t,
        what="the confirmation",
    )
    listing = _find(dialog_tree, "tree", "Processes")
    assert listing is not None, "the confirmation's list has a name"
    assert _find(dialog_tree, "push button", "Cancel") is not None
    assert _find(dialog_tree, "push button", "End") is not None
    focused = _focused(_within(dialog_tree, "dialog"))
    assert focused is not None and focused.name == "Cancel", "Cancel has the focus: Enter alone ends nothing"

    visited = []
    for _ in range(6):  # Tab goes round the dialog: its list, "Don't ask again", End, Cancel
        desktop.keys("Tab")
        focused = desktop.wait(lambda: _focused(_within(desktop.tree(), "dialog")), what="a focused control")
        visited.append((focused.role, focused.name))
        if focused.name == "End":
            break
    assert visited[-1] == ("push button", "End"), visited
    desktop.keys("space")
    assert target.wait(timeout=30) == -15, "ended by SIGTERM"
    # The result is said in the status bar.
    said = desktop.wait(
        lambda: next((node for node in desktop.tree() if node.role == "status bar" and node.name), None),
        what="the result in the status bar",
    )
    assert "ended" in said.name, said
