"""A toolbar button for one view: looks like its neighbours, and is one of three exclusive choices.

A checkable ``QToolButton`` is a "check box" to a screen reader, whatever its group: Qt's
accessibility names a tool button's role from ``isCheckable()`` alone. A checkable push
button that is auto-exclusive is a "radio button", which is what the view switch is: one
choice among three. This push button paints itself as the tool button it stands in for.
"""

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction, QPaintEvent
from PySide6.QtWidgets import QPushButton, QStyle, QStyleOptionToolButton, QStylePainter, QWidget


class ViewSwitchButton(QPushButton):
    """Shows ``action`` (checkable, in an exclusive group) and triggers it when clicked."""

    def __init__(self, action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._action = action
        self.setObjectName(f"{action.objectName()}_button")
        self.setCheckable(True)
        self.setAutoExclusive(True)  # with its two siblings: a radio button to a screen reader
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)  # raised under the mouse, as tool buttons are
        #: Measured once per text, font and style: the window's layout asks at every refresh
        #: (the status line's text changes), and measuring costs more than the answer.
        self._size_hint: QSize | None = None
        self.clicked.connect(self._choose)
        action.changed.connect(self._follow_action)
        action.toggled.connect(self._follow_action)
        self._follow_action()

    def _choose(self) -> None:
        self._action.trigger()
        self._follow_action()  # the action decides: a click on the chosen view keeps it chosen

    def _follow_action(self) -> None:
        if self.text() != self._action.iconText():
            self._size_hint = None
        self.setText(self._action.iconText())
        self.setToolTip(self._action.toolTip())
        self.setEnabled(self._action.isEnabled())
        self.setVisible(self._action.isVisible())
        if self._action.isChecked() != self.isChecked():
            self.setChecked(self._action.isChecked())
        # As in any radio group, Tab stops at the chosen view; the arrow keys choose another.
        chosen = self._action.isChecked()
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus if chosen else Qt.FocusPolicy.NoFocus)

    def _tool_button_option(self) -> QStyleOptionToolButton:
        """What ``QToolButton.initStyleOption`` gives an auto-raised, text-only tool button."""
        option = QStyleOptionToolButton()
        option.initFrom(self)
        option.text = self.text()
        option.font = self.font()
        option.toolButtonStyle = Qt.ToolButtonStyle.ToolButtonTextOnly
        option.subControls = QStyle.SubControl.SC_ToolButton
        option.activeSubControls = QStyle.SubControl.SC_None
        option.features = QStyleOptionToolButton.ToolButtonFeature.None_
        option.state |= QStyle.StateFlag.State_AutoRaise
        if self.isDown():
            option.state |= QStyle.StateFlag.State_Sunken
        if self.isChecked():
            option.state |= QStyle.StateFlag.State_On
        if not self.isChecked() and not self.isDown():
            option.state |= QStyle.StateFlag.State_Raised
        return option

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() in {QEvent.Type.FontChange, QEvent.Type.StyleChange}:
            self._size_hint = None
        super().changeEvent(event)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        if self._size_hint is None:
            option = self._tool_button_option()
            metrics = self.fontMetrics()
            text = metrics.size(Qt.TextFlag.TextShowMnemonic, self.text())
            contents = QSize(text.width() + metrics.horizontalAdvance(" ") * 2, text.height())
            option.rect.setSize(contents)
            self._size_hint = self.style().sizeFromContents(
                QStyle.ContentsType.CT_ToolButton, option, contents, self
            )
        return QSize(self._size_hint)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.sizeHint()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QStylePainter(self)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ToolButton, self._tool_button_option())
