"""Guards against a Qt binding that corrupts Python's reference counts.

PySide6 6.12.0 drops one reference to ``None`` every time C++ receives ``None``
from a Python override such as a model's ``data()``. On Python 3.11 ``None`` is
not immortal, so an app with such overrides crashes ("deallocating None") after
a few thousand calls. pyproject.toml excludes that release; this test catches
any other with the same bug.
"""

import sys
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

Index = QModelIndex | QPersistentModelIndex


class NoneModel(QAbstractTableModel):
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return None


def test_returning_none_to_qt_keeps_none_alive() -> None:
    model = NoneModel()
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    index = proxy.index(0, 0)  # proxy.data() is C++, calling our data() override

    before = sys.getrefcount(None)
    for _ in range(2000):
        index.data(Qt.ItemDataRole.UserRole)
    after = sys.getrefcount(None)

    assert after >= before - 50, f"None lost {before - after} references in 2000 calls"
