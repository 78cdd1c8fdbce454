"""A Qt application for work that draws without a window: PDF reports and exports from the CLI.

A QApplication (not only a QGuiApplication) because charts are widgets-module objects.
Offscreen when there is no display, so `carecompanion mood report` works over SSH too.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

_app: QApplication | None = None  # kept alive when this module had to create it


def has_display() -> bool:
    if not sys.platform.startswith("linux"):
        return True  # Windows and macOS always have a window system
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def ensure_application() -> QApplication:
    global _app
    existing = QCoreApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if existing is not None:
        raise RuntimeError("drawing needs a QApplication, and another kind is running")
    if not has_display():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QApplication(["carecompanion"])
    return _app
