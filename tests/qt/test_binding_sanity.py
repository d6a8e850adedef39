"""Guards against a Qt binding that corrupts Python's reference counts.

PySide6 6.12.0 drops one reference to ``None`` every time C++ receives ``None``
from a Python override such as ``data()``. On Python 3.11 ``None`` is not
immortal, so a live table crashes the interpreter ("deallocating None") within
minutes. pyproject.toml excludes that release; this test catches any other.
"""

import sys

from gui.core.delta import diff_snapshots
from gui.models.process_filter_proxy import ProcessFilterProxy
from gui.models.process_table_model import ProcessTableModel
from gui.models.roles import SORT_ROLE
from tests.rows import make_test_row


def test_returning_none_to_qt_keeps_none_alive() -> None:
    model = ProcessTableModel()
    proxy = ProcessFilterProxy(model)
    row = make_test_row(1)
    model.apply_delta(diff_snapshots({}, {row.key: row}))
    unused_role = SORT_ROLE + 100  # our data() answers None for it, through C++
    index = proxy.index(0, 0)

    before = sys.getrefcount(None)
    for _ in range(2000):
        index.data(unused_role)
    after = sys.getrefcount(None)

    assert after >= before - 50, f"None lost {before - after} references in 2000 calls"
