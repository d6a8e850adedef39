"""Reading text contrast off rendered pixels: the commonest colour of an area is its
background, the pixel that differs most from it is the text (glyph stems reach the full colour)."""

from collections import Counter

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from gui.core.contrast import RGB, contrast_ratio


def rendered(widget: QWidget) -> QImage:
    """What ``widget`` (and its children) paint now, in physical pixels."""
    return widget.grab().toImage()


def area_in(top: QWidget, widget: QWidget, rect: QRect | None = None, inset: int = 2) -> QRect:
    """``rect`` of ``widget`` (all of it by default), in ``top``'s coordinates, shrunk by ``inset``."""
    rect = widget.rect() if rect is None else rect
    origin = widget.mapTo(top, QPoint(0, 0)) if widget is not top else QPoint(0, 0)
    return rect.translated(origin).adjusted(inset, inset, -inset, -inset)


def text_contrast(image: QImage, area: QRect) -> tuple[float, RGB, RGB]:
    """The contrast of the text in ``area`` against its background, with both colours."""
    ratio = image.devicePixelRatio()
    pixels: Counter[RGB] = Counter()
    for y in range(int(area.top() * ratio), int((area.bottom() + 1) * ratio)):
        for x in range(int(area.left() * ratio), int((area.right() + 1) * ratio)):
            colour = image.pixelColor(x, y)
            pixels[(colour.red(), colour.green(), colour.blue())] += 1
    assert pixels, f"nothing rendered in {area}"
    background = pixels.most_common(1)[0][0]
    text = max(pixels, key=lambda colour: contrast_ratio(colour, background))
    return contrast_ratio(text, background), text, background
