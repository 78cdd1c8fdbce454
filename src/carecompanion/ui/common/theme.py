"""Light and dark themes: a Fusion palette plus one stylesheet filled from a colour file."""

from __future__ import annotations

import atexit
import json
import re
import shutil
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from carecompanion.ui.common.resources import resource_path

THEMES = ("system", "light", "dark")
_TOKEN = re.compile(r"\{(\w+)\}")
# url({icons}/check.svg) in app.qss: the icon in the theme's icon colour, as theme.icon() draws
# it; url({icons}/check.svg:accent_text) in another of the theme's colours.
_ICON_URL = re.compile(r"\{icons\}/([\w.-]+\.svg)(?::(\w+))?")
_ICON_STROKE = "#5F6B68"  # the one neutral grey every SVG in resources/icons is drawn in


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
    template = _ICON_URL.sub(
        lambda m: _recoloured_file(m.group(1), theme.colors[m.group(2) or "icon"]), template
    )
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
        (role.LinkVisited, "accent"),  # not Qt's purple, which fails contrast in dark
    ):
        pal.setColor(qt_role, theme.color(token))
    # Disabled words are exempt from WCAG's ratios but must look disabled: clearly dimmer.
    for disabled_role in (role.Text, role.ButtonText, role.WindowText):
        pal.setColor(QPalette.ColorGroup.Disabled, disabled_role, theme.color("disabled"))
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


def _recoloured(file_name: str, colour: str) -> str:
    svg = resource_path("icons", file_name).read_text(encoding="utf-8")
    return svg.replace(_ICON_STROKE, colour)


@cache
def _icon_folder() -> Path:
    """Where the stylesheet's recoloured icons are written: a stylesheet can only point at
    files. One private folder per run, removed at exit."""
    folder = Path(tempfile.mkdtemp(prefix="carecompanion-icons-"))
    atexit.register(shutil.rmtree, folder, True)
    return folder


def _recoloured_file(file_name: str, colour: str) -> str:
    target = _icon_folder() / f"{Path(file_name).stem}-{colour.lstrip('#').lower()}.svg"
    if not target.exists():
        target.write_text(_recoloured(file_name, colour), encoding="utf-8")
    return target.as_posix()


def icon(name: str, size: int = 48) -> QIcon:
    """A UI icon recoloured for the current theme (the SVGs are drawn in one neutral grey)."""
    svg = _recoloured(f"{name}.svg", current().colors["icon"])
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter)
    painter.end()
    return QIcon(pixmap)


def app_icon() -> QIcon:
    return QIcon(str(resource_path("icons", "carecompanion.svg")))
