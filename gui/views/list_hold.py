"""Holds the list's order still while the user aims at it."""

from enum import Enum, auto

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QWidget

#: A pointer resting this long on the list lets the order catch up beneath it.
STILL_RELEASE_MS = 5000


class HoldReason(Enum):
    """Why the order is held; it is released when none is left."""

    POINTER = auto()  # moved over the rows within the last 5 s
    PRESS = auto()  # a button is down on the rows (a click or a drag under way)
    MENU = auto()  # a menu for the selected rows is open
    DIALOG = auto()  # a confirmation for the selected rows is open


class ListHold(QObject):
    """Tells when the order of the rows must not change.

    While held, values keep updating in place, new processes are appended at the
    end and exited ones stay, greyed (the window does that on ``changed``). A
    release takes effect one event-loop turn later, so a menu that closes to open
    a confirmation does not let the rows jump in between.
    """

    #: Whether the order is held now.
    changed = Signal(bool)

    def __init__(self, rows_area: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reasons: set[HoldReason] = set()
        self._held = False
        rows_area.setMouseTracking(True)  # moves without a button restart the stillness timer
        rows_area.installEventFilter(self)
        self._still = QTimer(self)
        self._still.setSingleShot(True)
        self._still.setInterval(STILL_RELEASE_MS)
        self._still.timeout.connect(self._pointer_rested)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(0)
        self._settle.timeout.connect(self._announce)

    @property
    def held(self) -> bool:
        return self._held

    @property
    def reasons(self) -> frozenset[HoldReason]:
        return frozenset(self._reasons)

    def hold(self, reason: HoldReason) -> None:
        if reason is HoldReason.MENU:
            self._reasons.discard(HoldReason.PRESS)  # the menu takes the button's release
        self._reasons.add(reason)
        if not self._held:
            self._settle.stop()
            self._held = True
            self.changed.emit(True)

    def release(self, reason: HoldReason) -> None:
        self._reasons.discard(reason)
        if self._held and not self._reasons:
            self._settle.start()

    def set_held(self, reason: HoldReason, held: bool) -> None:
        if held:
            self.hold(reason)
        else:
            self.release(reason)

    def _announce(self) -> None:
        if self._held and not self._reasons:
            self._held = False
            self.changed.emit(False)

    def _pointer_rested(self) -> None:
        if QGuiApplication.mouseButtons() == Qt.MouseButton.NoButton:
            self.release(HoldReason.PRESS)  # its release went elsewhere (a menu that opened)
        self.release(HoldReason.POINTER)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.MouseMove:  # aiming; a window that opens under a resting pointer is not held
            self.hold(HoldReason.POINTER)
            self._still.start()
            if isinstance(event, QMouseEvent) and event.buttons() == Qt.MouseButton.NoButton:
                self.release(HoldReason.PRESS)  # its release went elsewhere (a menu that opened)
        elif kind == QEvent.Type.Leave:
            self._still.stop()
            if QGuiApplication.mouseButtons() == Qt.MouseButton.NoButton:
                self.release(HoldReason.PRESS)
            self.release(HoldReason.POINTER)
        elif kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            self.hold(HoldReason.PRESS)
            self.hold(HoldReason.POINTER)
            self._still.start()
        elif kind == QEvent.Type.MouseButtonRelease:
            still_down = isinstance(event, QMouseEvent) and event.buttons() != Qt.MouseButton.NoButton
            if not still_down:
                self.release(HoldReason.PRESS)
        return False
