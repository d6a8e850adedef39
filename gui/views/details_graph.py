"""The details window's history graph: CPU % and memory, drawn with QPainter in palette colours."""

import math
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui.core.details_history import History, HistoryPoint, cpu_scale_top, memory_scale_top
from gui.core.formatting import format_bytes
from gui.views.message_args import with_args
from gui.views.translation_contexts import DetailsCounts

_PAD = 6
_LABEL_GAP = 4
#: The second hairline's offset: the two read as one line about 1.6 px thick.
_LINE_SHIFT = 0.6
#: How a series takes its value from a point (``None``: unknown, drawn as a gap).
ValueOf = Callable[[HistoryPoint], float | None]


def _texts() -> dict[str, str]:
    return {
        "cpu": QCoreApplication.translate("DetailsWindow", "CPU %1 %"),
        "memory": QCoreApplication.translate("DetailsWindow", "Memory %1"),
        "now": QCoreApplication.translate("DetailsWindow", "now"),
        "cpu_top": QCoreApplication.translate("DetailsWindow", "%1 %"),
        "name": QCoreApplication.translate("DetailsWindow", "CPU and memory history"),
        "waiting": QCoreApplication.translate("DetailsWindow", "Collecting readings\u2026"),
        "none": QCoreApplication.translate(
            "DetailsWindow", "No readings: the process ended before any were taken."
        ),
    }


class HistoryGraph(QWidget):
    """Two stacked charts over the same time axis: CPU % on top, memory below.

    The right edge is the newest reading and the width spans :attr:`History.seconds`
    (two minutes, growing to all that is kept as the window stays open; the graph fills
    from the right while the window is young, as Task Manager's does).
    Each chart's top value is written in its top right corner (``100 %``, ``50.0 MB``).
    Colours come from the palette (highlight for CPU, link for memory, mid for the grid),
    so light and dark themes both read well; a disabled graph (the process exited) is
    drawn in the palette's disabled colours.
    """

    def __init__(self, history: History, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._history = history
        self._texts = _texts()
        self.setObjectName("details_history_graph")
        self.setAccessibleName(self._texts["name"])
        self.setMinimumSize(QSize(220, 150))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAutoFillBackground(False)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # it fills its whole rectangle
        # The values written at the charts' top corners as last drawn (CPU, memory).
        self.scale_texts = ("", "")

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, 200)

    def history_changed(self) -> None:
        """Repaint, and tell assistive technology the newest values."""
        points = self._history.points()
        if points:
            self.setAccessibleDescription(self._latest_text(points[-1]))
        self.update()

    def empty_text(self) -> str:
        """What the graph says while it has no reading: still collecting, or never will."""
        return self._texts["waiting"] if self.isEnabled() else self._texts["none"]

    def _latest_text(self, point: HistoryPoint) -> str:
        cpu = "\u2014" if point.cpu_percent is None else f"{point.cpu_percent:.1f}"
        memory = with_args(self._texts["memory"], format_bytes(point.memory))
        return f"{with_args(self._texts['cpu'], cpu)}, {memory}"

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        group = QPalette.ColorGroup.Active if self.isEnabled() else QPalette.ColorGroup.Disabled
        base = palette.color(group, QPalette.ColorRole.Base)
        text = palette.color(group, QPalette.ColorRole.Text)
        grid = _blend(text, base, 0.25)  # Mid can vanish on a dark Base
        painter.fillRect(self.rect(), base)
        painter.setPen(QPen(grid, 1))
        painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))

        metrics = self.fontMetrics()
        line = metrics.height()
        inner = QRectF(self.rect()).adjusted(_PAD, _PAD, -_PAD, -_PAD - line)
        half = (inner.height() - _LABEL_GAP) / 2
        cpu_box = QRectF(inner.left(), inner.top() + line, inner.width(), half - line)
        memory_box = QRectF(inner.left(), inner.top() + half + _LABEL_GAP + line, inner.width(), half - line)
        points = self._history.points()
        cpu_colour = _legible(palette.color(group, QPalette.ColorRole.Highlight), base)
        memory_colour = _legible(palette.color(group, QPalette.ColorRole.Link), base)
        if not self.isEnabled():
            cpu_colour = memory_colour = palette.color(group, QPalette.ColorRole.WindowText)

        newest = points[-1] if points else None
        cpu_top = cpu_scale_top(self._history.peak_cpu())
        memory_top = memory_scale_top(self._history.peak_memory())
        self.scale_texts = (
            ("", "")
            if newest is None
            else (with_args(self._texts["cpu_top"], round(cpu_top)), format_bytes(memory_top))
        )
        scale_colour = _blend(text, base, 0.8)
        cpu_label = with_args(
            self._texts["cpu"],
            "\u2014" if newest is None or newest.cpu_percent is None else f"{newest.cpu_percent:.1f}",
        )
        memory_label = with_args(
            self._texts["memory"], format_bytes(None if newest is None else newest.memory)
        )
        charts = ((cpu_box, cpu_label, self.scale_texts[0]), (memory_box, memory_label, self.scale_texts[1]))
        for box, label, scale in charts:
            self._draw_frame(painter, box, label, scale, colours=(text, scale_colour, grid))
        if newest is not None:
            now, span = newest.monotonic, self._history.span()
            self._draw_series(
                painter, cpu_box, points=points, now=now, span=span, colour=cpu_colour,
                value_of=lambda p: p.cpu_percent, top=cpu_top,
            )  # fmt: skip
            self._draw_series(
                painter, memory_box, points=points, now=now, span=span, colour=memory_colour,
                value_of=lambda p: None if p.memory is None else float(p.memory), top=float(memory_top),
            )  # fmt: skip
        else:
            painter.setPen(text)
            painter.drawText(
                inner,
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.empty_text(),
            )
        bottom = self.rect().bottom() - _PAD
        minutes = math.ceil(self._history.span() / 60)
        span_text = DetailsCounts.tr("%n minutes ago", "", minutes)
        painter.setPen(text)
        painter.drawText(QPointF(inner.left(), bottom - metrics.descent()), span_text)
        now_text = self._texts["now"]
        painter.drawText(
            QPointF(inner.right() - metrics.horizontalAdvance(now_text), bottom - metrics.descent()), now_text
        )
        painter.end()

    def _draw_frame(
        self,
        painter: QPainter,
        box: QRectF,
        label: str,
        scale: str,
        *,
        colours: tuple[QColor, QColor, QColor],
    ) -> None:
        """A chart's title (left), its top value (right corner), its grid and its baseline."""
        text, scale_colour, grid = colours
        metrics = self.fontMetrics()
        baseline = box.top() - metrics.descent() - 1
        painter.setPen(text)
        painter.drawText(QPointF(box.left(), baseline), label)
        painter.setPen(scale_colour)
        painter.drawText(QPointF(box.right() - metrics.horizontalAdvance(scale), baseline), scale)
        painter.setPen(QPen(grid, 1, Qt.PenStyle.DotLine))
        for fraction in (0.25, 0.5, 0.75):
            y = box.top() + box.height() * fraction
            painter.drawLine(QPointF(box.left(), y), QPointF(box.right(), y))
        painter.setPen(QPen(grid, 1))
        painter.drawLine(box.bottomLeft(), box.bottomRight())

    @staticmethod
    def _draw_series(
        painter: QPainter,
        box: QRectF,
        *,
        points: tuple[HistoryPoint, ...],
        now: float,
        span: float,
        colour: QColor,
        value_of: ValueOf,
        top: float,
    ) -> None:
        """One line with a light fill below it; gaps where a value is unknown.

        Cheap to draw every second with five minutes of points: the fill without
        antialiasing (the line on top hides its edge), and the line as two hairlines half
        a pixel apart, which Qt draws with its fast one-pixel path (a 1.6 px antialiased
        pen costs about 60 times as much: several milliseconds per repaint).
        """
        segments: list[QPolygonF] = [QPolygonF()]
        right, bottom, width, height = box.right(), box.bottom(), box.width(), box.height()
        left, scale = box.left(), width / span
        for point in points:
            value = value_of(point)
            if value is None:
                if not segments[-1].isEmpty():
                    segments.append(QPolygonF())
                continue
            x = max(left, right - (now - point.monotonic) * scale)
            y = bottom - min(1.0, max(0.0, value / top)) * height
            segments[-1].append(QPointF(x, y))
        fill = QColor(colour)
        fill.setAlpha(60)
        line_pen = QPen(colour, 1.0)
        line_pen.setCosmetic(True)
        for line in segments:
            if line.isEmpty():
                continue
            first, last = line.first(), line.last()
            if line.size() == 1:
                line.prepend(QPointF(first.x() - 1, first.y()))
                first = line.first()
            area = QPolygonF(line)
            area.prepend(QPointF(first.x(), bottom))
            area.append(QPointF(last.x(), bottom))
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawPolygon(area)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(line_pen)
            painter.drawPolyline(line)
            painter.drawPolyline(line.translated(0.0, _LINE_SHIFT))


def _blend(front: QColor, back: QColor, share: float) -> QColor:
    """``share`` of ``front`` over ``back``."""
    return QColor(
        round(front.red() * share + back.red() * (1 - share)),
        round(front.green() * share + back.green() * (1 - share)),
        round(front.blue() * share + back.blue() * (1 - share)),
    )


def _legible(colour: QColor, base: QColor) -> QColor:
    """``colour``, lightened on a dark base where it would be too dark to follow."""
    if base.lightnessF() < 0.5 and colour.lightnessF() < 0.6:
        return colour.lighter(160)
    return colour
