"""Logging: events only, never content. Messages are fixed strings about what the app did."""

from __future__ import annotations

import logging
import logging.handlers

from carecompanion.paths import AppPaths


def configure(paths: AppPaths) -> None:
    paths.ensure()
    handler = logging.handlers.RotatingFileHandler(
        paths.log_file, maxBytes=256 * 1024, backupCount=2, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("carecompanion")
    root.setLevel(logging.INFO)
    root.addHandler(handler)
