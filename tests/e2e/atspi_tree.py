"""Reads an application's accessibility tree over AT-SPI and prints it as JSON lines.

Run with Debian's python3 (``python3-pyatspi``), not the venv: the venv has no GObject
bindings. ``python3 atspi_tree.py APP_NAME`` prints one JSON object per accessible:
``{"depth", "role", "name", "description", "states", "children"}``, and for lists, tables
and trees ``selected_rows``. Those are not entered when large (thousands of cells): a
dialog's small process list is.
Exits 3 when the application is not on the bus.
"""

import json
import sys

import pyatspi

_NOT_ENTERED = {"table", "tree table", "tree", "list"}
_MAX_ENTERED_CHILDREN = 64


def _states(node: "pyatspi.Accessible") -> list[str]:
    return sorted(pyatspi.stateToString(state) for state in node.getState().getStates())


def _selected_rows(node: "pyatspi.Accessible") -> int | None:
    try:
        return int(node.queryTable().nSelectedRows)
    except NotImplementedError:
        return None


def _walk(node: "pyatspi.Accessible", depth: int) -> None:
    role = node.getRoleName()
    count = node.childCount
    entry = {
        "depth": depth,
        "role": role,
        "name": node.name,
        "description": node.description,
        "states": _states(node),
        "children": count,
    }
    if role in _NOT_ENTERED:
        entry["selected_rows"] = _selected_rows(node)
    print(json.dumps(entry), flush=True)
    if role in _NOT_ENTERED and count > _MAX_ENTERED_CHILDREN:
        return
    for index in range(count):
        child = node.getChildAtIndex(index)
        if child is not None:
            _walk(child, depth + 1)


def main() -> int:
    wanted = sys.argv[1]
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        app = desktop.getChildAtIndex(index)
        if app is not None and app.name == wanted:
            _walk(app, 0)
            return 0
    return 3


if __name__ == "__main__":
    sys.exit(main())
