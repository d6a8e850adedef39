"""Asking before anything is ended: names every process, and Cancel is the default."""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.core.display_text import COMMAND_LINE_LIMIT, display_text
from gui.core.formatting import UNKNOWN
from gui.core.process_sample import ProcessSample
from gui.models.plain_tooltip import plain_tooltip
from gui.views.action_icons import cancel_icon

_LIST_ROWS_SHOWN = 8
_NAME, _PID, _USER, _COMMAND = range(4)


class ConfirmDialog(QDialog):
    """A question about named processes with a destructive button that is not the default.

    ``icon`` replaces the question icon (an app's own icon when an app is ended); ``note``
    is a warning line above the list, and marks the processes that are someone else's.
    ``confirm_icon`` is the action's own (End, Force quit), never the same as Cancel's.
    """

    def __init__(
        self,
        parent: QWidget | None,
        *,
        title: str,
        heading: str,
        message: str,
        processes: tuple[ProcessSample, ...],
        confirm_text: str,
        skip_text: str | None = None,
        warning: bool = False,
        icon: QIcon | None = None,
        note: str | None = None,
        confirm_icon: QIcon | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("confirm_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        pixmap = (
            QStyle.StandardPixmap.SP_MessageBoxWarning
            if warning
            else QStyle.StandardPixmap.SP_MessageBoxQuestion
        )
        self.icon_label = QLabel(self)
        shown = icon if icon is not None and not icon.isNull() else self.style().standardIcon(pixmap)
        self.icon_label.setPixmap(shown.pixmap(48, 48))
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        # Plain text in a bold font, not <b> markup: rich text would also merge the runs
        # of spaces that tell two names apart.
        self.heading_label = QLabel(heading, self)
        self.heading_label.setTextFormat(Qt.TextFormat.PlainText)
        heading_font = self.heading_label.font()
        heading_font.setBold(True)
        self.heading_label.setFont(heading_font)
        self.heading_label.setWordWrap(True)
        self.message_label = QLabel(message, self)
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)

        self.note_label: QLabel | None = None
        note_row = self._note_row(note) if note else None
        self.process_list = self._process_list(processes, mark_others=note is not None)

        self.skip_box: QCheckBox | None = None
        if skip_text is not None:
            self.skip_box = QCheckBox(skip_text, self)

        buttons = self._buttons(confirm_text, confirm_icon)

        text_column = QVBoxLayout()
        text_column.addWidget(self.heading_label)
        text_column.addWidget(self.message_label)
        top = QHBoxLayout()
        top.addWidget(self.icon_label)
        top.addLayout(text_column, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        if note_row is not None:
            layout.addLayout(note_row)
        layout.addWidget(self.process_list)
        if self.skip_box is not None:
            layout.addWidget(self.skip_box)
        layout.addWidget(buttons)
        self.setMinimumWidth(640)
        self.cancel_button.setFocus()

    def _buttons(self, confirm_text: str, confirm_icon: QIcon | None) -> QDialogButtonBox:
        """Cancel (the default) and the action's button, each with its own icon."""
        buttons = QDialogButtonBox(self)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setIcon(cancel_icon())
        self.confirm_button = QPushButton(confirm_text, self)
        self.confirm_button.setObjectName("confirm")
        if confirm_icon is not None:
            self.confirm_button.setIcon(confirm_icon)
        buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm_button.setAutoDefault(False)
        self.confirm_button.setDefault(False)
        self.cancel_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    def _note_row(self, note: str) -> QHBoxLayout:
        """The warning line: a small warning icon and the note, as plain text."""
        sign = QLabel(self)
        sign.setPixmap(self._warning_icon().pixmap(16, 16))
        sign.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.note_label = QLabel(note, self)
        self.note_label.setObjectName("confirm_note")
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)
        self.note_label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(sign)
        row.addWidget(self.note_label, 1)
        return row

    def _warning_icon(self) -> QIcon:
        return self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)

    def _process_list(self, processes: tuple[ProcessSample, ...], *, mark_others: bool) -> QTreeWidget:
        """Name, PID, user and command line of each process, enough to tell look-alikes
        apart; tall enough for up to eight, then it scrolls. With ``mark_others``, the user
        of each process that is someone else's carries the note's warning icon."""
        listing = QTreeWidget(self)
        listing.setObjectName("process_list")
        listing.setHeaderLabels(
            [
                QCoreApplication.translate("ConfirmDialog", "Name"),
                QCoreApplication.translate("ConfirmDialog", "PID"),
                QCoreApplication.translate("ConfirmDialog", "User"),
                QCoreApplication.translate("ConfirmDialog", "Command line"),
            ]
        )
        listing.setRootIsDecorated(False)
        listing.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        listing.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a screen reader user can go through it
        listing.setAccessibleName(QCoreApplication.translate("ConfirmDialog", "Processes"))
        listing.setAccessibleDescription(
            QCoreApplication.translate("ConfirmDialog", "Name, PID, user and command line of each process")
        )
        # A long command line keeps its start and its end (where a look-alike differs).
        listing.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        for process in processes:
            item = _process_item(process)
            if mark_others and not process.owned_by_me:
                item.setIcon(_USER, self._warning_icon())
            listing.addTopLevelItem(item)
        listing.setColumnWidth(_NAME, 160)
        listing.setColumnWidth(_PID, 70)
        listing.setColumnWidth(_USER, 90)
        row_height = listing.sizeHintForRow(0) if processes else 20
        visible = min(len(processes), _LIST_ROWS_SHOWN)
        height = listing.header().sizeHint().height() + row_height * visible + 2 * listing.frameWidth() + 2
        listing.setFixedHeight(height)
        return listing

    @property
    def dont_ask_again(self) -> bool:
        return self.skip_box is not None and self.skip_box.isChecked()


def _process_item(process: ProcessSample) -> QTreeWidgetItem:
    """One row of the list: everything the process chose is shown as the table shows it."""
    name = display_text(process.name) if process.name else UNKNOWN
    user = display_text(process.user) if process.user else UNKNOWN
    command = display_text(process.command_line, COMMAND_LINE_LIMIT) if process.command_line else UNKNOWN
    item = QTreeWidgetItem([name, str(process.key.pid), user, command])
    item.setTextAlignment(_PID, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    item.setToolTip(_NAME, plain_tooltip(name))
    item.setToolTip(_COMMAND, plain_tooltip(command if process.command_line else ""))
    return item
