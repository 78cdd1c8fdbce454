"""Logging: events only, never content. Messages are fixed strings about what the app did."""

from __future__ import annotations

import logging
import logging.handlers
import traceback
from pathlib import PurePath

from carecompanion.paths import AppPaths

# Records of ours go to the log file once it is configured, and nowhere before (not to
# stderr through logging's last resort: the CLI prints its own one line).
logging.getLogger("carecompanion").addHandler(logging.NullHandler())


def configure(paths: AppPaths) -> None:
    paths.ensure()
    handler = logging.handlers.RotatingFileHandler(
        paths.log_file, maxBytes=256 * 1024, backupCount=2, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("carecompanion")
    root.setLevel(logging.INFO)
    root.addHandler(handler)


def _frame(filename: str, line: int | None, function: str) -> str:
    """``carecompanion/circle/service.py:412:comment``: our files from the package down,
    others by name only (a full path would name the person's home folder)."""
    parts = PurePath(filename).parts
    where = (
        "/".join(parts[len(parts) - parts[::-1].index("carecompanion") - 1 :])
        if "carecompanion" in parts
        else parts[-1]
        if parts
        else "?"
    )
    return f"{where}:{line}:{function}"


def unexpected(exc: BaseException, where: str) -> None:
    """Log a surprise (a bug): its type, the types it was raised from, and where, frame by
    frame (file, line, function). Never its message or any value: they may hold what the
    person wrote."""
    frames = traceback.extract_tb(exc.__traceback__)
    stack = " < ".join(_frame(f.filename, f.lineno, f.name) for f in reversed(frames))
    causes: list[str] = []
    seen = exc.__cause__ or exc.__context__
    while seen is not None and len(causes) < 5:
        causes.append(type(seen).__name__)
        seen = seen.__cause__ or seen.__context__
    logging.getLogger("carecompanion").error(
        "unexpected %s in %s%s at %s",
        type(exc).__name__,
        where,
        f" (from {' < '.join(causes)})" if causes else "",
        stack or "?",
    )
