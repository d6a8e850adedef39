"""Every process's result of one request, for batches and failures."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.core.display_text import display_text
from gui.core.formatting import UNKNOWN
from gui.core.outcomes import BatchReport
from gui.views.result_wording import sentence, summary


class ResultsDialog(QDialog):
    """A non-modal list: process, PID, user and what happened, in words."""

    def __init__(self, report: BatchReport, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("results_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        heading = QLabel(summary(report), self)
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTreeWidget(self)
        self.table.setHeaderLabels([self.tr("Name"), self.tr("PID"), self.tr("User"), self.tr("Result")])
        self.table.setRootIsDecorated(False)
        for result in report.results:
            target = result.target
            item = QTreeWidgetItem(
                [
                    display_text(target.name) if target.name else UNKNOWN,
                    str(target.key.pid),
                    display_text(target.user) if target.user else UNKNOWN,
                    sentence(result, report.action),
                ]
            )
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.addTopLevelItem(item)
        for column, width in enumerate((180, 70, 100)):
            self.table.setColumnWidth(column, width)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(720, 360)
