"""The five mood faces: SVG icons (resources/icons/mood-1.svg … mood-5.svg), one per mood.

Drawn in the same single stroke as every other icon, so the theme recolours them; a chosen
face is drawn in the accent's text colour, to stay readable on the accent background.
Emoji would depend on a font most Linux installs lack, and text emoticons (":(") read as
punctuation to a screen reader.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from carecompanion.ui.common import theme
from carecompanion.ui.common.resources import resource_path

ICON_STROKE = "#5F6B68"  # the grey every SVG in resources/icons is drawn in


def face_name(value: int) -> str:
    return f"mood-{value}"


def _pixmap(value: int, colour: str, size: int) -> QPixmap:
    svg = resource_path("icons", f"{face_name(value)}.svg").read_text(encoding="utf-8")
    renderer = QSvgRenderer(QByteArray(svg.replace(ICON_STROKE, colour).encode("utf-8")))
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter)
    painter.end()
    return pixmap


def face_icon(value: int, size: int = 96) -> QIcon:
    """The face for mood ``value`` (1 awful … 5 great): the theme's icon grey, and the accent's
    text colour when its button is checked. ``size`` is in device pixels: large enough for a
    40 px icon at 200 % scaling. Drawn once per theme (a list asks for it on every paint)."""
    return _face_icon(value, theme.current().name, size)


@cache
def _face_icon(value: int, _theme_name: str, size: int) -> QIcon:
    colours = theme.current().colors
    icon = QIcon()
    icon.addPixmap(_pixmap(value, colours["icon"], size), QIcon.Mode.Normal, QIcon.State.Off)
    icon.addPixmap(_pixmap(value, colours["accent_text"], size), QIcon.Mode.Normal, QIcon.State.On)
    return icon
