"""Light and dark themes: a Fusion palette plus one stylesheet filled from a colour file."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from carecompanion.ui.resources import resource_path

THEMES = ("system", "light", "dark")
_TOKEN = re.compile(r"\{(\w+)\}")
_ICON_STROKE = "#5F6B68"


@dataclass(frozen=True)
class Theme:
    name: str  # "light" or "dark"
    colors: dict[str, str]

    def color(self, token: str) -> QColor:
        return QColor(self.colors[token])


@cache
def load_theme(name: str) -> Theme:
    colors = json.loads(resource_path("styles", f"{name}.json").read_text(encoding="utf-8"))
    return Theme(name, colors)


def resolve(preference: str) -> str:
    """'system' follows the desktop's colour scheme; anything unknown falls back to light."""
    if preference in ("light", "dark"):
        return preference
    hints = QGuiApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def stylesheet(theme: Theme) -> str:
    template = resource_path("styles", "app.qss").read_text(encoding="utf-8")
    tokens = {**theme.colors, "icons": resource_path("icons").as_posix()}
    return _TOKEN.sub(lambda m: tokens.get(m.group(1), m.group(0)), template)


def palette(theme: Theme) -> QPalette:
    pal = QPalette()
    role = QPalette.ColorRole
    for qt_role, token in (
        (role.Window, "window"),
        (role.Base, "surface"),
        (role.AlternateBase, "surface_alt"),
        (role.Button, "surface"),
        (role.Text, "text"),
        (role.WindowText, "text"),
        (role.ButtonText, "text"),
        (role.ToolTipBase, "surface"),
        (role.ToolTipText, "text"),
        (role.PlaceholderText, "muted"),
        (role.Highlight, "selection"),
        (role.HighlightedText, "text"),
        (role.Link, "accent"),
    ):
        pal.setColor(qt_role, theme.color(token))
    pal.setColor(QPalette.ColorGroup.Disabled, role.Text, theme.color("muted"))
    pal.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, theme.color("muted"))
    return pal


_current: Theme | None = None


def apply(app: QApplication, preference: str) -> Theme:
    global _current
    theme = load_theme(resolve(preference))
    app.setStyle("Fusion")
    app.setPalette(palette(theme))
    app.setStyleSheet(stylesheet(theme))
    _current = theme
    return theme


def current() -> Theme:
    return _current or load_theme("light")


def use(chosen: Theme) -> None:
    """Draw with ``chosen`` without restyling the app (the PDF report prints in light)."""
    global _current
    _current = chosen


def icon(name: str, size: int = 48) -> QIcon:
    """A UI icon recoloured for the current theme (the SVGs are drawn in one neutral grey)."""
    theme = current()
    svg = resource_path("icons", f"{name}.svg").read_text(encoding="utf-8")
    svg = svg.replace(_ICON_STROKE, theme.colors["icon"])
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter)
    painter.end()
    return QIcon(pixmap)


def app_icon() -> QIcon:
    return QIcon(str(resource_path("icons", "carecompanion.svg")))
