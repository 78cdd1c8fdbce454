"""What goes wrong when moving entries in or out, each as one exception type."""

from __future__ import annotations

from pathlib import PurePath


class ImportFormatError(Exception):
    """Bad input to an import: names the file (and the line, when there is one).

    ``str()`` is one line such as ``journal.json, line 12: entry 3 has no date``. Nothing
    has been written to the vault when this is raised.
    """

    def __init__(self, path: str | PurePath, line: int | None, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        where = self.path if line is None else f"{self.path}, line {line}"
        super().__init__(f"{where}: {message}")


class ExportError(Exception):
    """An export could not be written (the destination exists, a disk error, ...)."""


class Cancelled(Exception):
    """The person cancelled an export or import; everything it started is undone."""
