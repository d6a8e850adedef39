"""The search field and the "All users / Only me" choice."""

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QSizePolicy, QWidget

#: The search field's width in average characters: room for a few words, not the whole toolbar.
SEARCH_CHARS = (14, 56)


class FilterBar(QWidget):
    """Emits the search text as it is typed and whether only the user's own processes show."""

    search_changed = Signal(str)
    only_mine_changed = Signal(bool)
    #: Down in the search field: the user moves on to the list.
    down_pressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search by name, command line, user or PID  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.search_changed)
        clear = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search)
        clear.setContext(Qt.ShortcutContext.WidgetShortcut)
        clear.activated.connect(self.search.clear)
        self.search.setAccessibleName(self.tr("Search processes"))
        self.search.setAccessibleDescription(
            self.tr("Shows only the processes whose name, command line, user or PID contains the text")
        )
        self.search.installEventFilter(self)  # Down: on to the list
        clear_action = self.search.findChild(QAction, "_q_qlineeditclearaction")
        if clear_action is not None:  # Qt's clear button, named for screen readers
            clear_action.setText(self.tr("Clear search"))
            clear_action.setToolTip(self.tr("Clear search"))

        self.scope = QComboBox(self)
        self.scope.setObjectName("scope")
        self.scope.addItems([self.tr("All users"), self.tr("Only me")])
        self.scope.setToolTip(self.tr("Show the processes of every user, or only yours"))
        self.scope.currentIndexChanged.connect(self._scope_changed)
        self.scope.setAccessibleName(self.tr("Whose processes"))
        self.scope.setAccessibleDescription(self.tr("Show the processes of every user, or only yours"))

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 1)
        layout.addWidget(self.scope)
        # Takes the toolbar's spare room, and gives it back before the buttons next to it.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.scope.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._size_search()

    def _size_search(self) -> None:
        """Minimum and maximum widths in the font in use (the bar grows no wider than both)."""
        average = self.search.fontMetrics().averageCharWidth()
        self.search.setMinimumWidth(SEARCH_CHARS[0] * average)
        self.search.setMaximumWidth(SEARCH_CHARS[1] * average)
        layout = self.layout()
        spacing = layout.spacing() if layout is not None else 0
        self.setMaximumWidth(self.search.maximumWidth() + spacing + self.scope.sizeHint().width())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.down_pressed.emit()
            return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.FontChange:
            self._size_search()
        super().changeEvent(event)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _scope_changed(self, index: int) -> None:
        self.only_mine_changed.emit(index == 1)

    def set_only_mine(self, only_mine: bool) -> None:
        self.scope.setCurrentIndex(1 if only_mine else 0)
