"""Moving entries in and out of the journal: exports (JSON, Markdown; PDF is in
carecompanion.render because it needs Qt) and imports (jrnl, Day One, Markdown folders,
our own JSON).

Everything long takes a ``progress(done, total)`` callback that can cancel by returning
False. Imports are two steps, a preview that writes nothing and an all-or-nothing commit;
every problem with the input is one :class:`ImportFormatError` naming the file and line.
"""

from carecompanion.journal.exchange.errors import Cancelled, ExportError, ImportFormatError
from carecompanion.journal.exchange.importing import (
    ImportPreview,
    ImportResult,
    ImportSource,
    PreviewItem,
    commit_import,
    preview_entries,
    preview_import,
    read_import,
)
from carecompanion.journal.exchange.json_export import export_json
from carecompanion.journal.exchange.markdown_export import export_markdown
from carecompanion.journal.exchange.result import ExportResult
from carecompanion.journal.exchange.selection import ExportSelection
from carecompanion.progress import ProgressCallback

__all__ = [
    "Cancelled",
    "ExportError",
    "ExportResult",
    "ExportSelection",
    "ImportFormatError",
    "ImportPreview",
    "ImportResult",
    "ImportSource",
    "PreviewItem",
    "ProgressCallback",
    "commit_import",
    "export_json",
    "export_markdown",
    "preview_entries",
    "preview_import",
    "read_import",
]
