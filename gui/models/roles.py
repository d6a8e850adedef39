"""Custom item data roles shared by the model, the proxy and the views."""

from PySide6.QtCore import Qt

#: Raw value to sort by (a number, or case-folded text).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: The row's :class:`~gui.core.process_key.ProcessKey`.
KEY_ROLE = Qt.ItemDataRole.UserRole + 2
#: A group row's id (an application, a section) in the Applications view.
GROUP_ROLE = Qt.ItemDataRole.UserRole + 3
