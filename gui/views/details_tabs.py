"""The details window's tabs read on demand: open files, network connections, environment."""

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.core.display_text import display_text
from gui.core.process_details import Connection, EnvironmentVariable, OpenFile, Tab, TabProblem, TabReading
from gui.views.message_args import with_args
from gui.views.translation_contexts import DetailsCounts

#: A value from the process (a path, an environment value) as a cell shows it.
_CELL_LIMIT = 4000


def tab_title(tab: Tab) -> str:
    if tab is Tab.OPEN_FILES:
        return QCoreApplication.translate("DetailsWindow", "Open &files")
    if tab is Tab.CONNECTIONS:
        return QCoreApplication.translate("DetailsWindow", "&Network")
    return QCoreApplication.translate("DetailsWindow", "En&vironment")


def _headers(tab: Tab) -> list[str]:
    if tab is Tab.OPEN_FILES:
        return [
            QCoreApplication.translate("DetailsWindow", "Path"),
            QCoreApplication.translate("DetailsWindow", "Descriptor"),
        ]
    if tab is Tab.CONNECTIONS:
        return [
            QCoreApplication.translate("DetailsWindow", "Protocol"),
            QCoreApplication.translate("DetailsWindow", "Local address"),
            QCoreApplication.translate("DetailsWindow", "Remote address"),
            QCoreApplication.translate("DetailsWindow", "State"),
        ]
    return [
        QCoreApplication.translate("DetailsWindow", "Name"),
        QCoreApplication.translate("DetailsWindow", "Value"),
    ]


def _problem_text(problem: TabProblem) -> str:
    if problem is TabProblem.REFUSED:
        return QCoreApplication.translate(
            "DetailsWindow",
            "Needs administrator rights to read: the system shows this only to the process's owner.",
        )
    if problem is TabProblem.NOT_HERE:
        return QCoreApplication.translate("DetailsWindow", "This system does not tell.")
    return QCoreApplication.translate("DetailsWindow", "The process has exited.")


def _count_text(tab: Tab, count: int) -> str:
    if tab is Tab.OPEN_FILES:
        return DetailsCounts.tr("%n open files", "", count)
    if tab is Tab.CONNECTIONS:
        return DetailsCounts.tr("%n connections", "", count)
    return DetailsCounts.tr("%n variables", "", count)


def _state_text(state: str) -> str:
    words = {
        "LISTEN": QCoreApplication.translate("DetailsWindow", "Listening"),
        "ESTABLISHED": QCoreApplication.translate("DetailsWindow", "Connected"),
        "NONE": "",
    }
    return words.get(state, state.replace("_", " ").capitalize())


def _cells(row: OpenFile | Connection | EnvironmentVariable) -> list[str]:
    if isinstance(row, OpenFile):
        return [display_text(row.path, _CELL_LIMIT), "" if row.fd is None else str(row.fd)]
    if isinstance(row, Connection):
        return [
            row.protocol,
            display_text(row.local, _CELL_LIMIT),
            display_text(row.remote, _CELL_LIMIT),
            _state_text(row.state),
        ]
    return [display_text(row.name, _CELL_LIMIT), display_text(row.value, _CELL_LIMIT)]


class DetailsTabPage(QWidget):
    """One tab: a Refresh button, a list, and a sentence when there is nothing to list.

    It is read when first shown and when Refresh is pressed, never on the window's timer.
    The Environment tab has a search field that filters names and values.
    """

    refresh_requested = Signal(object)  # Tab

    def __init__(self, tab: Tab, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tab = tab
        self.loaded = False
        self.setObjectName(f"details_tab_{tab.value}")
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search: QLineEdit | None = None
        if tab is Tab.ENVIRONMENT:
            self.search = QLineEdit(self)
            self.search.setObjectName("details_environment_search")
            self.search.setPlaceholderText(QCoreApplication.translate("DetailsWindow", "Search variables"))
            self.search.setAccessibleName(QCoreApplication.translate("DetailsWindow", "Search variables"))
            self.search.setClearButtonEnabled(True)
            self.search.textChanged.connect(self._filter)
            bar.addWidget(self.search, 1)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("details_tab_count")
        bar.addWidget(self.count_label, 0 if self.search else 1)
        self.refresh_button = QPushButton(QCoreApplication.translate("DetailsWindow", "&Refresh"), self)
        self.refresh_button.setObjectName("details_tab_refresh")
        self.refresh_button.setAccessibleName(
            with_args(
                QCoreApplication.translate("DetailsWindow", "Refresh %1"), tab_title(tab).replace("&", "")
            )
        )
        self.refresh_button.clicked.connect(self._refresh_clicked)
        bar.addWidget(self.refresh_button)
        layout.addLayout(bar)
        self.list = QTreeWidget(self)
        self.list.setObjectName("details_tab_list")
        self.list.setAccessibleName(tab_title(tab).replace("&", ""))
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setHeaderLabels(_headers(tab))
        self.list.setSortingEnabled(True)
        self.list.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        layout.addWidget(self.list, 1)
        self.message = QLabel(self)
        self.message.setObjectName("details_tab_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.message.hide()
        layout.addWidget(self.message)

    def _refresh_clicked(self) -> None:
        self.refresh_requested.emit(self.tab)

    def reading_started(self) -> None:
        self.count_label.setText(QCoreApplication.translate("DetailsWindow", "Reading\u2026"))

    def show_reading(self, reading: TabReading) -> None:
        """Show the rows read, or the sentence saying why there are none."""
        self.loaded = True
        self.list.setSortingEnabled(False)
        self.list.clear()
        if reading.problem is not None:
            self.list.hide()
            self.message.setText(_problem_text(reading.problem))
            self.message.show()
            self.count_label.setText("")
            return
        self.message.hide()
        self.list.show()
        items = []
        for row in reading.rows:
            item = QTreeWidgetItem(_cells(row))
            if isinstance(row, OpenFile) and row.fd is not None:
                item.setData(1, Qt.ItemDataRole.DisplayRole, row.fd)  # sorts as a number
            items.append(item)
        self.list.addTopLevelItems(items)
        self.list.setSortingEnabled(True)
        for column in range(self.list.columnCount() - 1):
            self.list.resizeColumnToContents(column)
        self.count_label.setText(_count_text(self.tab, len(items)))
        if self.search is not None:
            self._filter(self.search.text())

    def _filter(self, text: str) -> None:
        needle = text.casefold()
        for item in self._items():
            shown = not needle or any(needle in item.text(c).casefold() for c in range(item.columnCount()))
            item.setHidden(not shown)

    def rows(self) -> list[list[str]]:
        """The rows listed now (shown or filtered out), as their cells read."""
        return [[item.text(c) for c in range(self.list.columnCount())] for item in self._items()]

    def _items(self) -> list[QTreeWidgetItem]:
        items = (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount()))
        return [item for item in items if item is not None]
