"""Import and export dialogs: choose, preview, then do it with a progress bar."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from carecompanion.journal.exchange.errors import Cancelled, ExportError, ImportFormatError
from carecompanion.journal.exchange.importing import (
    ImportPreview,
    ImportResult,
    ImportSource,
    commit_import,
    preview_import,
)
from carecompanion.journal.exchange.json_export import export_json
from carecompanion.journal.exchange.large_import import (
    LargePlan,
    LargeResult,
    NotStreamable,
    PlanRow,
    commit_large_import,
    preview_large,
)
from carecompanion.journal.exchange.markdown_export import export_markdown
from carecompanion.journal.exchange.result import ExportResult
from carecompanion.journal.exchange.selection import ExportSelection
from carecompanion.journal.service import JournalService
from carecompanion.session import VaultSession
from carecompanion.ui.common import error_words
from carecompanion.ui.common.core_words import import_source_label
from carecompanion.ui.common.date_time_field import DateField
from carecompanion.ui.common.i18n import QT_TRANSLATE_NOOP, date_pattern
from carecompanion.ui.common.progress import ProgressFn, run_with_progress
from carecompanion.ui.common.widgets import button, label
from carecompanion.ui.common.workers import Task, workers_for
from carecompanion.ui.journal.delegate import friendly_date

_FOLDER_SOURCES = {ImportSource.MARKDOWN}

# What a preview holds: every entry read (ImportPreview), or for a large input only a row
# each, the entries to be read again as they are written (large_import.LargePlan).
Preview = ImportPreview | LargePlan


def _read_preview(
    journal: JournalService, source: ImportSource, path: Path, progress: ProgressFn
) -> Preview:
    """A large input read an entry at a time (large_import), anything else read whole."""
    plan = preview_large(journal, source, path, progress=progress)
    return plan if plan is not None else preview_import(journal, source, path, progress=progress)


def _write_preview(
    journal: JournalService, preview: Preview, progress: ProgressFn
) -> ImportResult | LargeResult:
    if isinstance(preview, LargePlan):
        return commit_large_import(journal, preview, progress=progress)
    return commit_import(journal, preview, progress=progress)


class PreviewModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self.preview: Preview | None = None

    def set_preview(self, preview: Preview | None) -> None:
        self.beginResetModel()
        self.preview = preview
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.preview is None:
            return 0
        if isinstance(self.preview, LargePlan):
            return len(self.preview.rows)
        return len(self.preview.items)

    def _row(self, row: int) -> tuple[PlanRow, bool]:
        """The row's entry as the list shows it, and whether it is a duplicate."""
        assert self.preview is not None
        if isinstance(self.preview, LargePlan):
            return self.preview.rows[row], self.preview.duplicates[row]
        item = self.preview.items[row]
        draft = item.draft
        shown = PlanRow(
            draft.entry_at, draft.time_zone, draft.is_all_day, draft.title, len(draft.attachments)
        )
        return shown, item.duplicate

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if self.preview is None or not index.isValid():
            return None
        entry, duplicate = self._row(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            title = entry.title or self.tr("Untitled entry")
            note = self.tr("  (already in your journal: skipped)") if duplicate else ""
            extra = (
                self.tr("  · {n} attachment(s)").format(n=entry.attachments)
                if entry.attachments
                else ""
            )
            when = friendly_date(entry.entry_at, entry.time_zone, entry.is_all_day)
            return f"{when} — {title}{extra}{note}"
        if role == Qt.ItemDataRole.ForegroundRole and duplicate:
            from carecompanion.ui.common import theme

            return theme.current().color("muted")
        return None


translate = QCoreApplication.translate


def _counted(count: int, one: str, many: str) -> str:
    """``one`` (already translated) for 1, else ``many`` with ``{n}`` filled in."""
    return one if count == 1 else many.format(n=count)


def import_words(preview: Preview, *, done: bool) -> str:
    """What an import would do (``done=False``) or did, in the person's language: the UI's
    own words for the core's counts (ImportPreview.summary() is the CLI's English)."""
    count = preview.new_count
    details = [
        _counted(
            preview.duplicate_count,
            translate("ImportWords", "1 duplicate skipped"),
            translate("ImportWords", "{n} duplicates skipped"),
        )
    ]
    if preview.empty_skipped:
        details.append(
            _counted(
                preview.empty_skipped,
                translate("ImportWords", "1 empty entry skipped"),
                translate("ImportWords", "{n} empty entries skipped"),
            )
        )
    details.append(
        _counted(
            preview.attachment_count,
            translate("ImportWords", "1 attachment"),
            translate("ImportWords", "{n} attachments"),
        )
    )
    entries = _counted(
        count, translate("ImportWords", "1 entry"), translate("ImportWords", "{n} entries")
    )
    sentence = (
        translate("ImportWords", "Imported {entries} ({details}).")
        if done
        else translate("ImportWords", "Would import {entries} ({details}).")
    )
    return sentence.format(entries=entries, details=", ".join(details))


def export_words(result: ExportResult) -> str:
    entries = _counted(
        result.entries, translate("ImportWords", "1 entry"), translate("ImportWords", "{n} entries")
    )
    attachments = _counted(
        result.attachments,
        translate("ImportWords", "1 attachment"),
        translate("ImportWords", "{n} attachments"),
    )
    return translate("ImportWords", "Exported {entries} ({attachments}) to {path}.").format(
        entries=entries, attachments=attachments, path=result.path
    )


class ImportDialog(QDialog):
    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setWindowTitle(self.tr("Import entries"))
        self.resize(760, 560)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Where the entries come from"))
        for source in ImportSource:
            self.kind.addItem(import_source_label(source), source)
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("File or folder to import"))
        self.path.setPlaceholderText(self.tr("Choose a file or folder…"))
        browse = button(self.tr("Choose…"), self.tr("Choose the file or folder"))
        browse.clicked.connect(self._browse)
        self.preview_button = button(self.tr("Preview"), self.tr("Preview the import"))
        self.preview_button.clicked.connect(self.make_preview)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Import from"), self.kind)
        form.addRow(self.tr("File or folder"), row)
        self.summary = label(self.tr("Nothing is written until you press Import."), "hint")
        self.error = label("", "error")
        self.error.hide()
        self.model = PreviewModel()
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Entries that would be imported"))
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setAccessibleName(self.tr("Import the new entries"))
        self.import_button.setEnabled(False)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.do_import)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self._forget_preview())
        self.path.textChanged.connect(lambda _t: self._forget_preview())
        self.result_summary = ""
        self._task: Task | None = None  # the reading or importing under way

    @property
    def busy(self) -> bool:
        """Reading or importing in the background (the progress dialog is up)."""
        return self._task is not None

    def reject(self) -> None:
        """Closing the dialog stops what it started (a read at once; an import before it
        writes, or after its one transaction)."""
        if self._task is not None:
            self._task.cancel()
        super().reject()

    @property
    def source(self) -> ImportSource:
        return ImportSource(self.kind.currentData())

    def _browse(self) -> None:
        if self.source in _FOLDER_SOURCES:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose the folder"))
        else:
            chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the file"))
        if chosen:
            self.path.setText(chosen)
            self.make_preview()

    def _forget_preview(self) -> None:
        self.model.set_preview(None)
        self.import_button.setEnabled(False)
        self.error.hide()

    def make_preview(self) -> None:
        """Read the chosen file in the background; the preview shows when it is read."""
        if self._task is not None:
            return
        self._forget_preview()
        if not self.path.text().strip():
            self._show_error(self.tr("Choose a file or folder first."))
            return
        source, path, session = self.source, Path(self.path.text().strip()), self._session
        journal = session.journal  # taken here, on the GUI thread, while the vault is open

        def previewed(preview: Preview) -> None:
            self._set_busy(False)
            self.model.set_preview(preview)
            self.summary.setText(import_words(preview, done=False))
            self.import_button.setEnabled(preview.new_count > 0)

        def failed(exc: Exception) -> None:
            self._set_busy(False)
            if isinstance(exc, ImportFormatError):
                self._show_error(error_words.message(exc) + " " + self.tr("Nothing was imported."))
            elif not isinstance(exc, Cancelled):
                raise exc  # a surprise: the app's one place for those says it

        self._set_busy(True)
        self._task = run_with_progress(
            self,
            workers_for(session),
            self.tr("Reading"),
            self.tr("Reading {name}…").format(name=path.name),
            lambda progress: _read_preview(journal, source, path, progress),
            previewed,
            failed,
        )

    def _set_busy(self, busy: bool) -> None:
        if not busy:
            self._task = None
        self.preview_button.setEnabled(not busy)
        self.import_button.setEnabled(not busy and self.model.preview is not None)

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def do_import(self) -> None:
        """Write the previewed entries in the background, in one transaction: all or none."""
        preview = self.model.preview
        if self._task is not None or preview is None or not preview.new_count:
            return
        session = self._session
        journal = session.journal  # taken here, on the GUI thread, while the vault is open

        def imported(result: ImportResult | LargeResult) -> None:
            self._set_busy(False)
            read = result.plan if isinstance(result, LargeResult) else result.preview
            self.result_summary = import_words(read, done=True)
            self.accept()

        def failed(exc: Exception) -> None:
            self._set_busy(False)
            if isinstance(exc, Cancelled):
                self._show_error(self.tr("Cancelled: nothing was imported."))
            elif isinstance(exc, NotStreamable):  # a large input read again, not as it was
                self._forget_preview()
                self._show_error(
                    self.tr(
                        "The file or folder changed after the preview, so nothing was "
                        "imported. Press Preview to read it again."
                    )
                )
            else:
                raise exc  # a surprise: the app's one place for those says it

        self._set_busy(True)
        self._task = run_with_progress(
            self,
            workers_for(session),
            self.tr("Importing"),
            self.tr("Importing your entries…"),
            lambda progress: _write_preview(journal, preview, progress),
            imported,
            failed,
        )


class ExportDialog(QDialog):
    """What to export (selection, a date range or everything), in which format, and where."""

    FORMATS = (
        ("pdf", QT_TRANSLATE_NOOP("ExportDialog", "A printable PDF")),
        ("markdown", QT_TRANSLATE_NOOP("ExportDialog", "A folder of text files (Markdown)")),
        ("json", QT_TRANSLATE_NOOP("ExportDialog", "A CareCompanion file (.json) to import again")),
    )

    def __init__(
        self, session: VaultSession, selected_ids: list[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._selected = list(selected_ids)
        self.setWindowTitle(self.tr("Export entries"))
        self.setMinimumWidth(560)
        form = self._build_choices()
        self.warning = label(
            self.tr(
                "An export is not encrypted: anyone who opens the file can read it. Keep it "
                "somewhere safe, and delete it when you no longer need it."
            ),
            "notice",
        )
        self.status = label("", "hint")
        self.status.hide()
        buttons = self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self._task: Task | None = None  # the export under way

    def _build_choices(self) -> QFormLayout:
        """The format, and which entries: everything, the selected one, or a date range."""
        self.format = QComboBox()
        self.format.setAccessibleName(self.tr("Export format"))
        for key, text in self.FORMATS:
            self.format.addItem(self.tr(text), key)
        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("Which entries"))
        self.scope.addItem(self.tr("Everything"), "all")
        if self._selected:
            self.scope.addItem(self.tr("The selected entry"), "selected")
        self.scope.addItem(self.tr("A date range"), "range")
        self.range_box = self._build_range()
        self.scope.currentIndexChanged.connect(
            lambda _i: self.range_box.setVisible(self.scope.currentData() == "range")
        )
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Entries"), self.scope)
        form.addRow("", self.range_box)
        return form

    def _build_range(self) -> QWidget:
        self.since = DateField(QDate.currentDate().addMonths(-1))
        self.since.setDisplayFormat(date_pattern("date"))
        self.since.setCalendarPopup(True)
        self.since.setAccessibleName(self.tr("From date"))
        self.until = DateField(QDate.currentDate())
        self.until.setDisplayFormat(date_pattern("date"))
        self.until.setCalendarPopup(True)
        self.until.setAccessibleName(self.tr("Until date"))
        range_row = QHBoxLayout()
        range_row.addWidget(self.since)
        range_row.addWidget(label(self.tr("to"), wrap=False))
        range_row.addWidget(self.until)
        range_box = QWidget()
        range_box.setLayout(range_row)
        range_box.hide()
        return range_box

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton(
            self.tr("Export…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setAccessibleName(self.tr("Choose where and export"))
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        cancel.setAccessibleName(self.tr("Close"))
        buttons.accepted.connect(self.choose_and_export)
        buttons.rejected.connect(self.reject)
        return buttons

    def selection(self) -> ExportSelection:
        scope = self.scope.currentData()
        if scope == "selected":
            return ExportSelection.of(self._selected)
        if scope == "range":
            since: date = self.since.date().toPython()  # type: ignore[assignment]
            until: date = self.until.date().toPython()  # type: ignore[assignment]
            return ExportSelection.between(since, until)
        return ExportSelection.everything()

    def choose_and_export(self) -> None:
        kind = str(self.format.currentData())
        if kind == "markdown":
            folder = QFileDialog.getExistingDirectory(self, self.tr("Choose an empty folder"))
            if not folder:
                return
            target = Path(folder) / "CareCompanion journal"
        else:
            suffix = ".pdf" if kind == "pdf" else ".json"
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export to"), str(Path.home() / f"CareCompanion journal{suffix}")
            )
            if not chosen:
                return
            target = Path(chosen)
        self.export_to(kind, target, overwrite=kind != "markdown")

    @property
    def busy(self) -> bool:
        """Exporting in the background (the progress dialog is up)."""
        return self._task is not None

    def reject(self) -> None:
        """Closing the dialog stops an export under way; its half-written file goes."""
        if self._task is not None:
            self._task.cancel()
        super().reject()

    def export_to(self, kind: str, target: Path, overwrite: bool = False) -> Task | None:
        """Export in the background; the status line says how it went when it is done."""
        if self._task is not None:
            return None
        journal = self._session.journal
        selection = self.selection()
        # Imported here, on the GUI thread: the PDF writer is the one exporter that needs Qt.
        from carecompanion.render.journal_pdf import export_pdf

        def work(progress: Callable[[int, int], bool]) -> ExportResult:
            if kind == "json":
                return export_json(
                    journal, selection, target, progress=progress, overwrite=overwrite
                )
            if kind == "markdown":
                return export_markdown(journal, selection, target, progress=progress)
            return export_pdf(journal, selection, target, progress=progress, overwrite=overwrite)

        def exported(result: ExportResult) -> None:
            self._set_busy(False)
            self._status(export_words(result))

        def failed(exc: Exception) -> None:
            self._set_busy(False)
            if isinstance(exc, Cancelled):
                self._status(self.tr("Cancelled: nothing was written."))
            elif isinstance(exc, ExportError | OSError):
                self._status(error_words.message(exc))
            else:
                raise exc  # a surprise: the app's one place for those says it

        self._set_busy(True)
        self._task = run_with_progress(
            self,
            workers_for(self._session),
            self.tr("Exporting"),
            self.tr("Writing your entries…"),
            work,
            exported,
            failed,
        )
        return self._task

    def _set_busy(self, busy: bool) -> None:
        if not busy:
            self._task = None
        self.export_button.setEnabled(not busy)

    def _status(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()
