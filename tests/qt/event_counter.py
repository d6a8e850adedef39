"""Counts the events of one type that reach the objects it is installed on."""

from PySide6.QtCore import QEvent, QObject


class EventCounter(QObject):
    def __init__(self, kind: QEvent.Type) -> None:
        super().__init__()
        self._kind = kind
        self.count = 0

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == self._kind:
            self.count += 1
        return False
