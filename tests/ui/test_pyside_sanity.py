"""Guards against a known PySide6 defect that aborts the interpreter (see pyproject.toml)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal(bool)


def test_bool_signals_keep_their_references() -> None:
    emitter = _Emitter()
    received: list[bool] = []
    emitter.changed.connect(received.append)
    before = sys.getrefcount(True)
    for _ in range(200):
        emitter.changed.emit(True)
    received.clear()
    # On CPython 3.11 a leaked decref shows as a falling count (and later an abort);
    # from 3.12 True is immortal and the count does not move either way.
    assert sys.getrefcount(True) >= before
