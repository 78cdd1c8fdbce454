"""Export entries as a printed journal: a PDF made by Qt (QTextDocument + QPdfWriter).

A title page, then the entries oldest first under month headings, each with its date, tags
and favourite mark, its text rendered from Markdown, and its photos embedded (attachments
that are not images are listed by name). Qt numbers the pages at the foot of each one.

The one exporter that needs Qt, so it lives with the renderers: QtGui only, so the app runs
it on a worker thread and the CLI (which imports it only for ``--format pdf``) without any
widgets. ``ensure_application`` makes the QGuiApplication Qt's fonts and images need when
none is running, offscreen without a display.
"""

from __future__ import annotations

import contextlib
import html
import re
from datetime import UTC, datetime, tzinfo
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QMarginsF, QSize, Qt, QUrl
from PySide6.QtGui import (
    QImage,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

from carecompanion.journal.attachments import describe_size
from carecompanion.journal.exchange import errors as said
from carecompanion.journal.exchange.dates import entry_clock, in_zone
from carecompanion.journal.exchange.errors import ExportError
from carecompanion.journal.exchange.files import publish_file, temp_path_beside
from carecompanion.journal.exchange.result import ExportResult
from carecompanion.journal.exchange.selection import ExportSelection
from carecompanion.journal.service import AttachmentInfo, Entry, JournalService
from carecompanion.progress import ProgressCallback, report
from carecompanion.render.application import ensure_application
from carecompanion.render.formats import format_entry_when, format_when

translate = QCoreApplication.translate  # lupdate reads translate("Context", "...")

IMAGE_SCHEME = "cc-attachment"
# Layout units are 1/96 inch: an A4 page less Qt's 2 cm print margins is about 640 wide.
_MAX_IMAGE_WIDTH = 460
_MAX_IMAGE_HEIGHT = 520
_MAX_IMAGE_PIXELS = 1600  # longest edge kept in the PDF: sharp in print, not huge
_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.DOTALL | re.IGNORECASE)
_MARKDOWN = QTextDocument.MarkdownFeature.MarkdownDialectGitHub
_ATX = re.compile(r"^( {0,3})(#{1,6})(?=[ \t]|$)")
_MUTED = "color:#555555;"


def _wall(moment: datetime) -> datetime:
    """The clock time in the export's zone, as format_when takes it (naive: as it is)."""
    return moment.replace(tzinfo=None)


def _long_date(entry: Entry, tz: tzinfo | None) -> str:
    """The entry's day and time where it was written (in ``tz`` if it has no zone of its
    own), its place named when that clock was not ``tz``'s; an all-day entry's day alone."""
    day = format_entry_when(entry.entry_at, entry.time_zone, "long_day", reader=tz)
    if entry.is_all_day:
        return day
    time = format_entry_when(entry.entry_at, entry.time_zone, "time", reader=tz)
    return translate("JournalPdf", "{day}, {time}").format(day=day, time=time)


def _day(moment: datetime) -> str:
    return format_when(_wall(moment), "long_date")


def demote_headings(markdown: str, levels: int = 2) -> str:
    """``# x`` becomes ``### x`` (outside code blocks): an entry's own headings sit below the
    month (h1) and entry (h2) headings of the printed journal."""
    lines = []
    fence = ""
    for line in markdown.split("\n"):
        stripped = line.lstrip()
        if stripped.startswith(("```", "~~~")):
            marker = stripped[:3]
            fence = "" if fence == marker else (fence or marker)
        elif not fence and (match := _ATX.match(line)):
            depth = min(6, len(match.group(2)) + levels)
            line = match.group(1) + "#" * depth + line[match.end(2) :]
        lines.append(line)
    return "\n".join(lines)


def markdown_to_html(markdown: str) -> str:
    """The inner HTML of a Markdown text, as Qt renders it (headings demoted)."""
    document = QTextDocument()
    document.setMarkdown(demote_headings(markdown), _MARKDOWN)
    match = _BODY.search(document.toHtml())
    return match.group(1) if match else html.escape(markdown)


class _Book:
    """The HTML of the printed journal and the images it shows."""

    def __init__(self, journal: JournalService, tz: tzinfo | None) -> None:
        self.journal = journal
        self.tz = tz
        self.parts: list[str] = []
        self.images: dict[str, QImage] = {}
        self.month = ""
        self.attachments = 0

    def title_page(self, title: str, entries: list[Entry], now: datetime) -> None:
        if entries:
            first = _day(entry_clock(entries[0].entry_at, entries[0].time_zone, self.tz))
            last = _day(entry_clock(entries[-1].entry_at, entries[-1].time_zone, self.tz))
            span = first if first == last else f"{first} – {last}"
        else:
            span = translate("JournalPdf", "No entries")
        count = (
            translate("JournalPdf", "1 entry")
            if len(entries) == 1
            else translate("JournalPdf", "{n} entries").format(n=len(entries))
        )
        printed = translate("JournalPdf", "{count} · printed {day} from CareCompanion").format(
            count=count, day=_day(in_zone(now, self.tz))
        )
        self.parts.append(
            '<table width="100%" style="margin-top:260px;"><tr><td align="center">'
            f'<p style="font-size:30pt; font-weight:bold;">{html.escape(title)}</p>'
            "</td></tr></table>"
            f'<p align="center" style="font-size:15pt;">{html.escape(span)}</p>'
            f'<p align="center" style="{_MUTED} page-break-after:always;">'
            f"{html.escape(printed)}</p>"
        )

    def _image(self, info: AttachmentInfo) -> str | None:
        image = QImage()
        if not image.loadFromData(QByteArray(self.journal.attachment_data(info.id))):
            return None
        if max(image.width(), image.height()) > _MAX_IMAGE_PIXELS:
            image = image.scaled(
                QSize(_MAX_IMAGE_PIXELS, _MAX_IMAGE_PIXELS),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        scale = min(1.0, _MAX_IMAGE_WIDTH / image.width(), _MAX_IMAGE_HEIGHT / image.height())
        url = f"{IMAGE_SCHEME}:{info.id}"
        self.images[url] = image
        return (
            f'<p><img src="{url}" width="{round(image.width() * scale)}" '
            f'height="{round(image.height() * scale)}" alt="{html.escape(info.filename)}"/>'
            f'<br/><span style="{_MUTED} font-size:9pt;">{html.escape(info.filename)}</span></p>'
        )

    def entry(self, entry: Entry) -> None:
        local = entry_clock(entry.entry_at, entry.time_zone, self.tz)
        month = format_when(_wall(local), "month")
        if month != self.month:
            self.month = month
            self.parts.append(f"<h1>{html.escape(month)}</h1>")
        heading = entry.title or _long_date(entry, self.tz)
        details = [_long_date(entry, self.tz)] if entry.title else []
        if entry.is_favourite:
            details.append(translate("JournalPdf", "★ Favourite"))
        self.parts.append(f"<h2>{html.escape(heading)}</h2>")
        if details:
            self.parts.append(f'<p style="{_MUTED}">{html.escape(" · ".join(details))}</p>')
        if entry.tags:
            tags = ", ".join(entry.tags)
            tags = translate("JournalPdf", "Tags: {tags}").format(tags=tags)
            self.parts.append(f'<p style="{_MUTED}">{html.escape(tags)}</p>')
        if entry.body.strip():
            self.parts.append(markdown_to_html(entry.body))
        others: list[str] = []
        for info in entry.attachments:
            self.attachments += 1
            shown = self._image(info) if info.mime_type.startswith("image/") else None
            if shown is None:
                others.append(f"{info.filename} ({describe_size(info.size)})")
            else:
                self.parts.append(shown)
        if others:
            listed = translate("JournalPdf", "Attached: {files}").format(files=", ".join(others))
            self.parts.append(f'<p style="{_MUTED}">{html.escape(listed)}</p>')
        self.parts.append("<hr/>")

    def document(self) -> QTextDocument:
        document = QTextDocument()
        font = document.defaultFont()
        font.setPointSizeF(11)
        document.setDefaultFont(font)
        document.setHtml("".join(self.parts))
        for url, image in self.images.items():  # after setHtml, which clears resources
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), image)
        return document


def export_pdf(
    journal: JournalService,
    selection: ExportSelection,
    out: Path,
    *,
    progress: ProgressCallback | None = None,
    tz: tzinfo | None = None,
    title: str | None = None,
    now: datetime | None = None,
    overwrite: bool = False,
) -> ExportResult:
    """Write the selected entries to ``out`` as a PDF (temp file, fsync, rename)."""
    out = Path(out)
    if out.exists() and not overwrite:
        raise ExportError(said.EXISTS, path=str(out))
    ensure_application()
    ids = selection.resolve(journal)
    total = len(ids) + 1  # the last step is laying out and writing the pages
    entries: list[Entry] = []
    for index, entry in enumerate(journal.entries(ids)):  # a batch per query
        report(progress, index, total)
        entries.append(entry)
    title = title or translate("JournalPdf", "My journal")
    book = _Book(journal, tz)
    book.title_page(title, entries, now or datetime.now(UTC))
    for entry in entries:
        book.entry(entry)
    report(progress, len(ids), total)
    document = book.document()
    tmp = temp_path_beside(out)
    try:
        writer = QPdfWriter(str(tmp))
        writer.setTitle(title)
        writer.setCreator("CareCompanion")
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
        document.print_(writer)
        del writer  # closes the file
        if tmp.stat().st_size == 0:
            raise ExportError(said.PDF_NOT_WRITTEN, folder=str(out.parent))
        publish_file(tmp, out, overwrite=overwrite)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    report(progress, total, total)
    return ExportResult(out, len(entries), book.attachments)
