"""One process's details window: what it is, where it lives, what it holds, how it behaves."""

import os
import shlex

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QSize, Qt, QTime, QUrl, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDesktopServices,
    QFont,
    QGuiApplication,
    QKeySequence,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.core.details_history import History, HistoryPoint
from gui.core.display_text import display_text
from gui.core.formatting import UNKNOWN
from gui.core.process_details import (
    Missing,
    ProcessFacts,
    Reading,
    ResourceReading,
    Tab,
    TabProblem,
    TabReading,
)
from gui.core.process_key import ProcessKey
from gui.core.window_info import WindowInfo
from gui.models.plain_tooltip import escape_markup
from gui.models.status_words import status_text, status_words
from gui.views.details_context import DetailsContext
from gui.views.details_fields import FieldRows, value_label
from gui.views.details_graph import HistoryGraph
from gui.views.details_resources import ResourcesBox
from gui.views.details_tabs import DetailsTabPage, tab_title
from gui.views.details_words import (
    exited_text,
    field_titles,
    missing_text,
    started_text,
    window_title,
)
from gui.views.message_args import with_args
from gui.views.message_bar import BarKind, MessageBar

#: Paths and names as a field shows them (they come from the process: hostile data).
_FIELD_LIMIT = 2000
_IDENTITY_FIELDS = (
    "name", "pid", "parent", "user", "started", "status", "application", "windows",
    "executable", "working_directory", "command_line", "cgroup", "container", "flatpak",
)  # fmt: skip


class DetailsWindow(QWidget):
    """Non-modal, live while open, tied to one :class:`ProcessKey`.

    The window never reads anything itself: the feed reads facts once, resources every
    second and a tab when it is shown or refreshed, and hands the readings in. When the
    process ends (or its PID was reused) the window is marked exited: greyed, its actions
    disabled, showing how the process was last seen.
    """

    #: A tab should be read (ProcessKey, Tab).
    tab_requested = Signal(object, object)
    #: The window was closed (ProcessKey).
    closed = Signal(object)

    def __init__(self, key: ProcessKey, context: DetailsContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.key = key
        self._context = context
        self.exited = False
        self.facts: ProcessFacts | None = None
        #: The windows the Windows field links to, in its order.
        self.windows: tuple[WindowInfo, ...] = ()
        self._status: str | None = None
        self.history = History()
        self._titles = field_titles()
        self._name = str(key.pid)
        self.setObjectName("details_window")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(QSize(780, 660))
        self._rows = FieldRows()
        #: Every field's value label, by field id.
        self.fields = self._rows.labels

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_header())
        # A tinted bar like the main window's warnings: it stands out in light and dark alike.
        self.exited_banner = MessageBar(self)
        self.exited_banner.setObjectName("details_exited_banner")
        layout.addWidget(self.exited_banner)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("details_tabs")
        self.tabs.addTab(self._build_general(), QCoreApplication.translate("DetailsWindow", "&General"))
        self.pages: dict[Tab, DetailsTabPage] = {}
        for tab in Tab:
            page = DetailsTabPage(tab, self)
            page.refresh_requested.connect(self._read_tab)
            self.pages[tab] = page
            self.tabs.addTab(page, tab_title(tab))
        self.tabs.currentChanged.connect(self._tab_shown)
        layout.addWidget(self.tabs, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.close_button = QPushButton(QCoreApplication.translate("DetailsWindow", "&Close"), self)
        self.close_button.setObjectName("details_close")
        self.close_button.clicked.connect(self.close)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        self._show_known(context.name_of(key))

    # Building ------------------------------------------------------------------------

    def _build_header(self) -> QHBoxLayout:
        header = QHBoxLayout()
        self.icon_label = QLabel(self)
        self.icon_label.setObjectName("details_icon")
        self.icon_label.setPixmap(self._context.icon_for(None).pixmap(32, 32))
        header.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        self.heading = QLabel(self)
        self.heading.setObjectName("details_heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.subheading = QLabel(self)
        self.subheading.setObjectName("details_subheading")
        self.subheading.setTextFormat(Qt.TextFormat.PlainText)
        titles.addWidget(self.heading)
        titles.addWidget(self.subheading)
        header.addLayout(titles, 1)
        # The menu pops up without a nested event loop (a button's own menu would run one).
        self.actions_button = QPushButton(
            QCoreApplication.translate("DetailsWindow", "&Actions \u25be"), self
        )
        self.actions_button.setObjectName("details_actions")
        self.actions_button.setAccessibleName(QCoreApplication.translate("DetailsWindow", "Actions"))
        self.actions_button.setToolTip(
            QCoreApplication.translate("DetailsWindow", "End, suspend or signal this process")
        )
        self.actions_button.clicked.connect(self.show_actions)
        self.actions_menu = QMenu(self.actions_button)
        self.actions_menu.setObjectName("details_actions_menu")
        self.actions_menu.setToolTipsVisible(True)
        header.addWidget(self.actions_button, 0, Qt.AlignmentFlag.AlignTop)
        return header

    def _build_general(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("details_general")
        layout = QVBoxLayout(page)
        identity = QGroupBox(QCoreApplication.translate("DetailsWindow", "Process"), page)
        self.identity_form = QFormLayout(identity)
        self.identity_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in _IDENTITY_FIELDS:
            label = value_label(identity, self._titles[field])
            row = self._field_row(field, label, identity)
            self._rows.add(self.identity_form, field, self._titles[field], label, row)
        layout.addWidget(identity)
        lower = QHBoxLayout()
        self.resources_box = ResourcesBox(self._rows, self._context.priority_scheme, page)
        lower.addWidget(self.resources_box, 0)
        self.graph = HistoryGraph(self.history, page)
        lower.addWidget(self.graph, 1)
        layout.addLayout(lower, 1)
        for name in ("cgroup", "container", "flatpak", "application", "windows"):
            self._set_row_visible(name, False)
        self._fix_status_size()
        return page

    def _fix_status_size(self) -> None:
        """The Status value changes every few seconds for a busy process: at a fixed size
        (the longest word) it repaints itself only, not the whole tab around it."""
        label = self.fields["status"]
        label.setWordWrap(False)
        metrics = label.fontMetrics()
        widest = max(metrics.horizontalAdvance(word) for word in status_words().values())
        label.setFixedSize(widest + metrics.averageCharWidth() * 2, metrics.height())

    def _field_row(self, field: str, label: QLabel, parent: QWidget) -> QWidget | None:
        """The row of a field with more than its value (a link, an icon, buttons), else ``None``."""
        title = self._titles[field]
        if field == "parent":
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(
                Qt.TextInteractionFlag.LinksAccessibleByMouse
                | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            )
            label.linkActivated.connect(self._open_parent)
            return None
        if field == "windows":
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(
                Qt.TextInteractionFlag.LinksAccessibleByMouse
                | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            )
            switch_hint = QCoreApplication.translate("DetailsWindow", "Click a title to switch to its window")
            label.setToolTip(switch_hint)
            label.linkActivated.connect(self._switch_to_window)
            return None
        if field == "application":
            row = QWidget(parent)
            box = QHBoxLayout(row)
            box.setContentsMargins(0, 0, 0, 0)
            self.app_icon = QLabel(row)
            box.addWidget(self.app_icon)
            box.addWidget(label, 1)
            return row
        if field == "executable":
            row = QWidget(parent)
            box = QHBoxLayout(row)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(label, 1)
            self.open_location_button = QPushButton(
                QCoreApplication.translate("DetailsWindow", "&Open file location"), row
            )
            self.open_location_button.setObjectName("details_open_location")
            self.open_location_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DirOpenIcon))
            self.open_location_button.clicked.connect(self.open_file_location)
            self.open_location_button.setEnabled(False)
            box.addWidget(self.open_location_button, 0, Qt.AlignmentFlag.AlignTop)
            return row
        if field == "command_line":
            row = QWidget(parent)
            box = QHBoxLayout(row)
            box.setContentsMargins(0, 0, 0, 0)
            self.command_text = QPlainTextEdit(row)
            self.command_text.setObjectName("details_command_text")
            self.command_text.setAccessibleName(title)
            self.command_text.setReadOnly(True)
            self.command_text.setTabChangesFocus(True)
            lines = self.command_text.fontMetrics().lineSpacing()
            self.command_text.setFixedHeight(lines * 3 + 12)
            box.addWidget(self.command_text, 1)
            self.copy_button = QPushButton(QCoreApplication.translate("DetailsWindow", "Cop&y"), row)
            self.copy_button.setObjectName("details_copy_command")
            self.copy_button.setAccessibleName(
                QCoreApplication.translate("DetailsWindow", "Copy the command line")
            )
            self.copy_button.clicked.connect(self.copy_command_line)
            self.copy_button.setEnabled(False)
            box.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
            label.hide()
            return row
        return None

    def _set_row_visible(self, field: str, visible: bool) -> None:
        self._rows.set_visible(field, visible)

    def _set_reading(self, field: str, value: Reading[str]) -> None:
        self._rows.set_reading(field, value)

    # Readings -------------------------------------------------------------------------

    def _show_known(self, listed_name: str | None) -> None:
        """What the key and the list already tell, before anything is read: PID, start and
        the name the list showed (a process may end before its facts are read)."""
        self.fields["pid"].setText(str(self.key.pid))
        self.fields["started"].setText(started_text(self.key.create_time))
        if listed_name:
            self._name = listed_name
            self.fields["name"].setText(display_text(listed_name, _FIELD_LIMIT))
            self.heading.setText(display_text(listed_name, _FIELD_LIMIT))
        self._show_subheading()
        self._show_title()

    def show_facts(self, facts: ProcessFacts) -> None:
        self.facts = facts
        identity = self._context.identity_of(self.key)
        self._name = (identity.script_label if identity is not None else None) or facts.name
        self.heading.setText(display_text(self._name, _FIELD_LIMIT))
        self.fields["name"].setText(display_text(facts.name, _FIELD_LIMIT))
        self.fields["pid"].setText(str(self.key.pid))
        self.fields["started"].setText(started_text(self.key.create_time))
        self._set_reading("user", facts.user if isinstance(facts.user, Missing) else display_text(facts.user))
        self._show_parent(facts)
        self._set_reading(
            "executable",
            facts.executable
            if isinstance(facts.executable, Missing)
            else display_text(facts.executable, _FIELD_LIMIT),
        )
        self.open_location_button.setEnabled(isinstance(facts.executable, str) and not self.exited)
        self._set_reading(
            "working_directory",
            facts.working_directory
            if isinstance(facts.working_directory, Missing)
            else display_text(facts.working_directory, _FIELD_LIMIT),
        )
        if isinstance(facts.command_line, Missing):
            self.command_text.setPlainText(missing_text(facts.command_line))
            self.copy_button.setEnabled(False)
        else:
            self.command_text.setPlainText(display_text(self.command_line_text(), 20 * _FIELD_LIMIT))
            self.copy_button.setEnabled(bool(facts.command_line))
        self._set_reading(
            "cgroup",
            facts.cgroup if isinstance(facts.cgroup, Missing) else display_text(facts.cgroup, _FIELD_LIMIT),
        )
        for field, value in (("container", facts.container), ("flatpak", facts.flatpak_id)):
            self._set_row_visible(field, value is not None)
            if value is not None:
                self.fields[field].setText(display_text(value, _FIELD_LIMIT))
        app = identity.app if identity is not None else None
        self._set_row_visible("application", app is not None)
        icon = self._context.icon_for(app)
        self.icon_label.setPixmap(icon.pixmap(32, 32))
        if app is not None:
            self.fields["application"].setText(
                display_text(app.name_in(QLocale().name()) or app.app_id, _FIELD_LIMIT)
            )
            self.app_icon.setPixmap(icon.pixmap(16, 16))
        self.show_windows()
        self._show_subheading()
        self._show_title()

    def show_windows(self) -> None:
        """The process's window titles, each a link that switches to its window."""
        windows = () if self.exited else self._context.windows_of(self.key)
        if windows == self.windows and self.fields["windows"].text():
            return
        self.windows = windows
        self._set_row_visible("windows", bool(windows))
        untitled = QCoreApplication.translate("DetailsWindow", "(untitled)")
        links = [
            f'<a href="{number}">{escape_markup(display_text(window.title, 200) or untitled)}</a>'
            for number, window in enumerate(windows)
        ]
        self.fields["windows"].setText("<br>".join(links))

    def _switch_to_window(self, link: str) -> None:
        if self._context.switch_to is not None and link.isdigit() and int(link) < len(self.windows):
            self._context.switch_to(self.windows[int(link)])

    def _show_parent(self, facts: ProcessFacts) -> None:
        label = self.fields["parent"]
        if facts.parent is None:
            label.setText(escape_markup(UNKNOWN))
            return
        text = with_args(
            QCoreApplication.translate("DetailsWindow", "%1 (PID %2)"),
            display_text(facts.parent_name or "", 200),
            facts.parent.pid,
        )
        label.setText(f'<a href="parent">{escape_markup(text)}</a>')
        label.setToolTip(QCoreApplication.translate("DetailsWindow", "Open the parent's details"))

    def _open_parent(self, _link: str) -> None:
        if self.facts is not None and self.facts.parent is not None:
            self._context.open_details(self.facts.parent)

    def command_line_text(self) -> str:
        """The command line as a shell would take it back (what Copy puts on the clipboard)."""
        if self.facts is None or isinstance(self.facts.command_line, Missing):
            return ""
        return shlex.join(self.facts.command_line)

    def copy_command_line(self) -> None:
        QGuiApplication.clipboard().setText(self.command_line_text())

    def open_file_location(self) -> None:
        """The executable's folder in the file manager."""
        if self.facts is not None and isinstance(self.facts.executable, str):
            QDesktopServices.openUrl(QUrl.fromLocalFile(os.path.dirname(self.facts.executable)))

    def show_resources(self, reading: ResourceReading) -> None:
        """Take a reading into the history; draw it only where it can be seen (a minimized
        window or another tab costs nothing but the bookkeeping)."""
        if self.exited:
            return
        rates = self.resources_box.take(reading)
        self._status = reading.status
        memory = None if isinstance(reading.memory_resident, Missing) else reading.memory_resident
        self.history.add(HistoryPoint(reading.monotonic, rates.cpu_percent, memory))
        if self.isVisible() and not self.isMinimized():
            self._show_live()

    def _show_live(self) -> None:
        """The live parts as of the newest reading: the subheading, and the General tab's
        fields and graph when that tab is the one shown."""
        if self.tabs.currentIndex() == 0 and self._status is not None:
            self.resources_box.show_latest()
            self.fields["status"].setText(status_text("exited" if self.exited else self._status))
            self.graph.history_changed()
            self.show_windows()
        self._show_subheading()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._show_live()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange and not self.isMinimized():
            self._show_live()

    def _show_subheading(self) -> None:
        parts = [with_args(QCoreApplication.translate("DetailsWindow", "PID %1"), self.key.pid)]
        if self.facts is not None and isinstance(self.facts.user, str):
            parts.append(display_text(self.facts.user, 200))
        status = "exited" if self.exited else self._status
        if status:
            parts.append(status_text(status))
        self.subheading.setText(" \u00b7 ".join(parts))

    def _show_title(self) -> None:
        self.setWindowTitle(window_title(display_text(self._name, 200), self.key.pid, exited=self.exited))

    def mark_exited(self) -> None:
        """The process has ended (or its PID now names another): keep what was seen, greyed."""
        if self.exited:
            return
        self.exited = True
        self.exited_banner.show_message(exited_text(QTime.currentTime().toString()), BarKind.WARNING)
        self.fields["status"].setText(status_text("exited"))
        self.resources_box.setEnabled(False)
        self.graph.setEnabled(False)
        self.actions_button.setEnabled(False)
        self.open_location_button.setEnabled(False)
        for page in self.pages.values():
            page.refresh_button.setEnabled(False)
            if not page.loaded:
                page.show_reading(TabReading(self.key, page.tab, (), TabProblem.GONE))
        if not len(self.history):
            self.graph.setAccessibleDescription(self.graph.empty_text())
        self.graph.update()
        self._show_subheading()
        self._show_title()

    # Tabs -------------------------------------------------------------------------------

    def _tab_shown(self, index: int) -> None:
        if index == 0:
            self._show_live()
        page = self.tabs.widget(index)
        if isinstance(page, DetailsTabPage) and not page.loaded:
            self._read_tab(page.tab)

    def _read_tab(self, tab: Tab) -> None:
        if self.exited:
            return
        self.pages[tab].reading_started()
        self.tab_requested.emit(self.key, tab)

    def show_tab(self, reading: TabReading) -> None:
        self.pages[reading.tab].show_reading(reading)

    # Actions ----------------------------------------------------------------------------

    def show_actions(self) -> None:
        """The right-click menu's entries for this process, below the Actions button."""
        self.actions_menu.clear()
        if self.exited:
            return
        self._context.fill_actions(self.actions_menu, self.key)
        if not self.actions_menu.isEmpty():
            button = self.actions_button
            self.actions_menu.popup(button.mapToGlobal(button.rect().bottomLeft()))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.closed.emit(self.key)
        super().closeEvent(event)
