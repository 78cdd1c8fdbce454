"""Export to a folder of Markdown files, one per entry, with the attachments beside them.

::

    journal/
      2026-03-03-2130-a-hard-night.md
      attachments/2026-03-03-2130-a-hard-night/prescription.pdf

Each file starts with front matter (title, date with the offset of the zone the entry was
written in, tags, favourite) and then the entry's Markdown; attachments are linked at the
end, after a marker comment, so this folder imports back (``--from markdown``) as the same
entries. The whole folder is built beside the destination and renamed into place, so an
error or a cancel leaves nothing.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import tzinfo
from pathlib import Path
from urllib.parse import quote

from carecompanion.journal.exchange.dates import entry_clock
from carecompanion.journal.exchange.files import (
    atomic_folder,
    safe_file_name,
    unique_name,
    write_file,
)
from carecompanion.journal.exchange.markdown_import import (
    ATTACHMENTS_FOLDER,
    ATTACHMENTS_MARKER,
    tag_written,
)
from carecompanion.journal.exchange.result import ExportResult
from carecompanion.journal.exchange.selection import ExportSelection
from carecompanion.journal.service import AttachmentInfo, Entry, JournalService
from carecompanion.progress import ProgressCallback, report

_SLUG_LENGTH = 48


def slug(title: str) -> str:
    """``A hard night!`` -> ``a-hard-night``; ``entry`` when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return words[:_SLUG_LENGTH].rstrip("-") or "entry"


def _quoted(text: str) -> str:
    # JSON strings are valid YAML double-quoted scalars, and our reader understands them.
    return json.dumps(text, ensure_ascii=False)


def entry_markdown(entry: Entry, tz: tzinfo | None, links: list[tuple[str, str, bool]]) -> str:
    """The file's text; ``links`` are (label, relative path, is_image) for the attachments."""
    lines = [
        "---",
        f"title: {_quoted(entry.title)}",
        f"date: {entry_clock(entry.entry_at, entry.time_zone, tz).isoformat(timespec='seconds')}",
    ]
    # A tag named "#urgent" is written "##urgent": one leading "#" is a notes app's marker.
    lines.append(f"tags: [{', '.join(_quoted(tag_written(tag)) for tag in entry.tags)}]")
    lines.append(f"favourite: {'true' if entry.is_favourite else 'false'}")
    lines.append("---")
    text = "\n".join(lines) + "\n\n" + entry.body.strip("\n") + "\n"
    if links:
        items = [
            f"- {'!' if is_image else ''}[{label.replace(']', '')}]({quote(path)})"
            for label, path, is_image in links
        ]
        text += f"\n{ATTACHMENTS_MARKER}\n## Attachments\n\n" + "\n".join(items) + "\n"
    return text


def _write_attachments(
    journal: JournalService, infos: tuple[AttachmentInfo, ...], folder: Path, stem: str
) -> list[tuple[str, str, bool]]:
    if not infos:
        return []
    target = folder / ATTACHMENTS_FOLDER / stem
    target.mkdir(parents=True, mode=0o700)
    taken: set[str] = set()
    links = []
    for info in infos:
        name = unique_name(safe_file_name(info.filename), taken)
        write_file(target / name, journal.attachment_data(info.id))
        links.append(
            (
                info.filename,
                f"{ATTACHMENTS_FOLDER}/{stem}/{name}",
                info.mime_type.startswith("image/"),
            )
        )
    return links


def export_markdown(
    journal: JournalService,
    selection: ExportSelection,
    out: Path,
    *,
    progress: ProgressCallback | None = None,
    tz: tzinfo | None = None,
) -> ExportResult:
    out = Path(out)
    ids = selection.resolve(journal)
    total = len(ids)
    attachments = 0
    with atomic_folder(out) as folder:
        taken: set[str] = {ATTACHMENTS_FOLDER}
        # Read a batch at a time (journal.entries): two queries per batch, not per entry.
        for index, entry in enumerate(journal.entries(ids)):
            report(progress, index, total)
            local = entry_clock(entry.entry_at, entry.time_zone, tz)
            stem = unique_name(f"{local:%Y-%m-%d-%H%M}-{slug(entry.title)}", taken)
            links = _write_attachments(journal, entry.attachments, folder, stem)
            attachments += len(links)
            write_file(folder / f"{stem}.md", entry_markdown(entry, tz, links).encode())
        report(progress, total, total)
    return ExportResult(out, total, attachments)
