"""What eliding the Command column in the middle costs a repaint:
``python -m tests.bench.command_elide_cost [ROUNDS]``.

The process view with 1,000 rows (long command lines, so every Command cell is elided),
scrolled screen by screen and repainted at each step: once with a plain
``QStyledItemDelegate`` on the Command column (elided at the right by the view), once
with :class:`MiddleElideDelegate` (a Python ``initStyleOption`` per Command cell),
interleaved. Prints CPU milliseconds per sweep and their ratio.
"""

import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DBUS_SESSION_BUS_ADDRESS", "unix:path=/dev/null")

from PySide6.QtWidgets import QApplication, QStyledItemDelegate

from gui.core.columns import Column
from gui.core.delta import Delta
from gui.models.process_filter_proxy import ProcessFilterProxy
from gui.models.process_table_model import ProcessTableModel
from gui.views.middle_elide_delegate import MiddleElideDelegate
from gui.views.process_view import ProcessView
from tests.rows import make_test_row

ROWS = 1000
LONG_PATH = "/home/alice/projects/tool-{pid}/src/" + "deeper/" * 20 + "frozen_editor_{pid}.py"


def sweep(view: ProcessView, delegate: QStyledItemDelegate) -> float:
    """CPU ms to paint every row once, a screenful at a time."""
    view.setItemDelegateForColumn(Column.COMMAND, delegate)
    bar = view.verticalScrollBar()
    started = time.process_time()
    for value in range(0, bar.maximum() + 1, max(1, view.viewport().height())):
        bar.setValue(value)
        view.viewport().repaint()
    return (time.process_time() - started) * 1e3


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    app = QApplication([sys.argv[0]])
    model = ProcessTableModel()
    rows = (
        make_test_row(pid, f"proc{pid}", command=f"/usr/bin/python3 -u {LONG_PATH.format(pid=pid)} --flag")
        for pid in range(1, ROWS + 1)
    )
    model.apply_delta(Delta(added=tuple(rows)))
    view = ProcessView(ProcessFilterProxy(model))
    view.resize(1400, 1000)
    view.show()
    app.processEvents()
    plain, middle = QStyledItemDelegate(view), MiddleElideDelegate(view)
    sweep(view, plain), sweep(view, middle)  # warm: fonts, glyph caches
    timings = [(sweep(view, plain), sweep(view, middle)) for _ in range(rounds)]
    right = statistics.median(t[0] for t in timings)
    centre = statistics.median(t[1] for t in timings)
    print(
        f"{ROWS} rows: elide right {right:.1f} ms, elide middle {centre:.1f} ms per full repaint, "
        f"ratio {centre / right:.3f}"
    )
    view.close()


if __name__ == "__main__":
    main()
