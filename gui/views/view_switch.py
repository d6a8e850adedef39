"""The view switch: Applications, All processes, Process tree (toolbar and View menu)."""

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from gui.core.view_mode import ViewMode
from gui.views.action_labels import show_plain_on_buttons
from gui.views.message_args import with_args
from gui.views.view_switch_button import ViewSwitchButton


def view_titles() -> dict[ViewMode, str]:
    return {
        ViewMode.APPLICATIONS: QCoreApplication.translate("Views", "&Applications"),
        ViewMode.ALL_PROCESSES: QCoreApplication.translate("Views", "All &processes"),
        ViewMode.PROCESS_TREE: QCoreApplication.translate("Views", "Process &tree"),
    }


def view_tooltips() -> dict[ViewMode, str]:
    return {
        ViewMode.APPLICATIONS: QCoreApplication.translate(
            "Views", "One row per application, then background and system processes"
        ),
        ViewMode.ALL_PROCESSES: QCoreApplication.translate("Views", "Every process in one list"),
        ViewMode.PROCESS_TREE: QCoreApplication.translate(
            "Views", "Each process under the one that started it"
        ),
    }


class ViewSwitch(QObject):
    """Three exclusive choices; ``chosen`` is emitted when the user picks one."""

    chosen = Signal(object)  # ViewMode

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        self.actions: dict[ViewMode, QAction] = {}
        # The toolbar's buttons (add_to); the actions serve the View menu and the shortcuts.
        self.buttons: dict[ViewMode, ViewSwitchButton] = {}
        tooltips = view_tooltips()
        for number, (mode, title) in enumerate(view_titles().items(), start=1):
            action = QAction(title, parent)
            action.setObjectName(f"view_{mode.value}")
            show_plain_on_buttons(action)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.setToolTip(
                with_args(
                    QCoreApplication.translate("Views", "%1 (%2)"),
                    tooltips[mode],
                    action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                )
            )
            action.setData(mode.value)
            self._group.addAction(action)
            self.actions[mode] = action
        self._group.triggered.connect(self._triggered)

    def set_mode(self, mode: ViewMode) -> None:
        """Show ``mode`` as chosen (without emitting ``chosen``)."""
        self.actions[mode].setChecked(True)

    @property
    def mode(self) -> ViewMode:
        checked = self._group.checkedAction()
        return ViewMode(checked.data()) if checked is not None else ViewMode.APPLICATIONS

    def add_to(self, toolbar: QToolBar) -> None:
        """The three buttons, which a screen reader calls radio buttons (see ViewSwitchButton)."""
        for mode, action in self.actions.items():
            self.buttons[mode] = ViewSwitchButton(action, toolbar)
            toolbar.addWidget(self.buttons[mode])

    def fill_menu(self, menu: QMenu) -> None:
        for action in self.actions.values():
            menu.addAction(action)

    def _triggered(self, action: QAction) -> None:
        self.chosen.emit(ViewMode(action.data()))
