"""The Qt application drawing needs when none is running (the command line): a QGuiApplication.

Fonts, images and PDF writing need a QGuiApplication, not widgets. Offscreen when there is no
display, so `carecompanion mood report` works over SSH too. In the app the QApplication that
is already running serves (it is a QGuiApplication), from any thread.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

_app: QGuiApplication | None = None  # kept alive when this module had to create it


def has_display() -> bool:
    if not sys.platform.startswith("linux"):
        return True  # Windows and macOS always have a window system
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def ensure_application() -> QGuiApplication:
    global _app
    existing = QCoreApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if existing is not None:
        raise RuntimeError("drawing needs a QGuiApplication, and a QCoreApplication is running")
    if not has_display():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(["carecompanion"])
    return _app
