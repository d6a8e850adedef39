"""The Edit menu's actions for the process table: Copy and Select all.

Their keys (Ctrl+C, Ctrl+A) work while the table has focus, so in the search
field they keep copying and selecting its text.
"""

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu

from gui.views.copy_rows import selected_rows_text
from gui.views.process_view import ProcessView


class EditActions(QObject):
    """Copy the selected rows as text; select every listed process."""

    def __init__(self, view: ProcessView, parent: QObject) -> None:
        super().__init__(parent)
        self._view = view
        self.copy_action = QAction(self.tr("&Copy"), parent)
        self.copy_action.setObjectName("action_copy")
        self.copy_action.setToolTip(self.tr("Copies the selected rows as text, one line per process"))
        self.copy_action.triggered.connect(self.copy)
        self.select_all_action = QAction(self.tr("Select &all"), parent)
        self.select_all_action.setObjectName("action_select_all")
        self.select_all_action.triggered.connect(view.selectAll)
        for action, key in (
            (self.copy_action, QKeySequence.StandardKey.Copy),
            (self.select_all_action, QKeySequence.StandardKey.SelectAll),
        ):
            action.setShortcut(key)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            view.addAction(action)
        view.selection_changed.connect(self._selection_changed)
        self._selection_changed()

    def fill_menu(self, menu: QMenu) -> None:
        """The menu bar's Edit menu."""
        menu.addAction(self.copy_action)
        menu.addAction(self.select_all_action)

    def copy(self) -> None:
        """Put the selected rows on the clipboard, one tab-separated line each."""
        text = selected_rows_text(self._view)
        if text:
            QGuiApplication.clipboard().setText(text)

    def _selection_changed(self, *_: object) -> None:
        self.copy_action.setEnabled(self._view.selectionModel().hasSelection())
