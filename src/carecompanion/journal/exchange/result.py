"""What an export reports back."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ExportResult:
    path: Path
    entries: int
    attachments: int

    def summary(self) -> str:
        entries = "1 entry" if self.entries == 1 else f"{self.entries} entries"
        attachments = "1 attachment" if self.attachments == 1 else f"{self.attachments} attachments"
        return f"Exported {entries} ({attachments}) to {self.path}."
