"""Moving mood data in and out: Daylio import (with preview), CSV export, the PDF report.

Reading, importing, exporting and the PDF report run in the background behind a progress
dialog (see ui/common/progress.py): the report is drawn by carecompanion.render with QPainter, no
widgets, so it may be drawn on a worker.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from carecompanion.mood.daylio import UnknownMoods, read_daylio
from carecompanion.mood.errors import MoodError
from carecompanion.mood.records import CheckInDraft, ImportPreview
from carecompanion.mood.records import ImportResult as MoodImportResult
from carecompanion.progress import Cancelled
from carecompanion.render.mood_report import DEFAULT_DAYS, report_period, write_mood_report
from carecompanion.session import VaultSession
from carecompanion.ui.common.date_time_field import DateField
from carecompanion.ui.common.file_flows import ImportFlow, ImportWords, write_file
from carecompanion.ui.common.i18n import date_pattern
from carecompanion.ui.common.progress import ProgressFn
from carecompanion.ui.common.widgets import label, save_cancel_buttons

translate = QCoreApplication.translate  # lupdate reads translate("Context", "...")


class MoodMapDialog(QDialog):
    """Daylio lets people rename their moods: ask which level each unknown name means."""

    def __init__(self, names: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Which mood is which?"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                self.tr(
                    "These moods are not Daylio's usual five. For each, choose a level from 1 "
                    "(awful) to 5 (great)."
                )
            )
        )
        form = QFormLayout()
        self.levels: dict[str, QSpinBox] = {}
        for name in names:
            box = QSpinBox()
            box.setRange(1, 5)
            box.setValue(3)
            box.setAccessibleName(self.tr("Level for {name}").format(name=name))
            form.addRow(name, box)
            self.levels[name] = box
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def mapping(self) -> dict[str, int]:
        return {name: box.value() for name, box in self.levels.items()}


def import_daylio(
    session: VaultSession,
    path: Path,
    parent: QWidget,
    finished: Callable[[str | None], None],
    interactive: bool = True,
) -> None:
    """Read and preview in the background, confirm, import in the background; then
    ``finished(summary)`` (also when every check-in was already here), or ``finished(None)``
    if nothing was done (cancelled, declined, refused and said).

    ``interactive`` False (tests, scripted use) asks nothing and shows nothing: unknown mood
    names and unreadable files are raised on the GUI thread, and the import goes ahead
    without a confirmation."""
    _DaylioImport(session, path, parent, finished, interactive, {}).read()


class _DaylioImport(ImportFlow[list[CheckInDraft], ImportPreview, MoodImportResult]):
    """One Daylio import, with the mood names the person has told us so far."""

    refused = MoodError

    def __init__(
        self,
        session: VaultSession,
        path: Path,
        parent: QWidget,
        finished: Callable[[str | None], None],
        interactive: bool,
        mapping: dict[str, int],
    ) -> None:
        words = ImportWords(
            reading_title=translate("MoodFiles", "Reading"),
            reading_label=translate("MoodFiles", "Reading {name}…").format(name=path.name),
            question_title=translate("MoodFiles", "Import from Daylio"),
            importing_title=translate("MoodFiles", "Importing"),
            importing_label=translate("MoodFiles", "Importing your check-ins…"),
        )
        super().__init__(session, parent, finished, interactive, words)
        self.path = path
        self.mapping = mapping
        self.now = session.clock.now()

    def read_work(self, progress: ProgressFn) -> tuple[list[CheckInDraft], ImportPreview]:
        parsed = read_daylio(self.path, self.now, mood_map=self.mapping)
        if not progress(1, 2):
            raise Cancelled("cancelled")
        drafts = list(parsed.drafts)
        return drafts, self.session.mood.preview_import(drafts)

    def read_refused_specially(self, exc: Exception) -> bool:
        if not isinstance(exc, UnknownMoods):
            return False
        dialog = MoodMapDialog(exc.moods, self.parent)
        if not dialog.exec():
            self.finished(None)
        else:
            mapping = {**self.mapping, **dialog.mapping()}
            _DaylioImport(
                self.session, self.path, self.parent, self.finished, self.interactive, mapping
            ).read()
        return True

    def nothing_new(self, preview: ImportPreview) -> str | None:
        if preview.new:
            return None
        return translate("MoodFiles", "All {n} check-ins in this file are already here.").format(
            n=preview.total
        )

    def question(self, items: list[CheckInDraft], preview: ImportPreview) -> str:
        return translate(
            "MoodFiles",
            "Import {new} check-ins from {first} to {last}? {dups} are already here and will be "
            "skipped.",
        ).format(
            new=preview.new,
            first=preview.first_day,
            last=preview.last_day,
            dups=preview.duplicates,
        )

    def write_work(self, items: list[CheckInDraft]) -> MoodImportResult:
        return self.session.mood.import_drafts(items)

    def summary(self, result: MoodImportResult) -> str:
        return translate(
            "MoodFiles", "Imported {added} check-ins ({dups} duplicates skipped)."
        ).format(added=result.added, dups=result.duplicates)


class ReportDialog(QDialog):
    """The period of a PDF mood report for an appointment: by default the 90 days to today,
    or, when every check-in is older (``newest``: the last day with one), the 90 days to the
    last check-in, and the dialog says so."""

    def __init__(
        self, today: date, parent: QWidget | None = None, newest: date | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mood report for an appointment"))
        chosen = report_period([] if newest is None else [newest], today)
        self.since = DateField(QDate(chosen.first.year, chosen.first.month, chosen.first.day))
        self.since.setDisplayFormat(date_pattern("date"))
        self.since.setCalendarPopup(True)
        self.since.setAccessibleName(self.tr("From date"))
        self.until = DateField(QDate(chosen.last.year, chosen.last.month, chosen.last.day))
        self.until.setDisplayFormat(date_pattern("date"))
        self.until.setCalendarPopup(True)
        self.until.setAccessibleName(self.tr("Until date"))
        form = QFormLayout()
        form.addRow(self.tr("From"), self.since)
        form.addRow(self.tr("Until"), self.until)
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                self.tr(
                    "A PDF with your charts and figures for the chosen weeks, to take to a doctor "
                    "or "
                    "counsellor. It is not encrypted: keep it somewhere safe."
                )
            )
        )
        if chosen.moved:
            layout.addWidget(
                label(
                    self.tr(
                        "There are no check-ins in the last {days} days, so the dates are set "
                        "to the {days} days up to your last check-in."
                    ).format(days=DEFAULT_DAYS)
                )
            )
        layout.addLayout(form)
        buttons = save_cancel_buttons(self)
        layout.addWidget(buttons)

    def period(self) -> tuple[date, date]:
        since: date = self.since.date().toPython()  # type: ignore[assignment]
        until: date = self.until.date().toPython()  # type: ignore[assignment]
        return since, until


def save_report(
    session: VaultSession,
    parent: QWidget,
    finished: Callable[[Path | None], None],
    newest: date | None = None,
) -> None:
    """Ask for the period and where, then draw the report in the background; ``finished(path)``,
    or ``finished(None)`` if nothing was written (not asked for, cancelled, failed).
    ``newest``: the last day with a check-in, as the caller already knows it (no reading on
    the GUI thread), for the default period."""
    dialog = ReportDialog(session.mood.today(), parent, newest)
    if not dialog.exec():
        finished(None)
        return
    since, until = dialog.period()
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        translate("MoodFiles", "Save the mood report"),
        str(Path.home() / "Mood report.pdf"),
        translate("MoodFiles", "PDF files (*.pdf)"),
    )
    if not chosen:
        finished(None)
        return
    write_report(session, Path(chosen), since, until, parent, finished)


def write_report(
    session: VaultSession,
    path: Path,
    since: date | None,
    until: date | None,
    parent: QWidget,
    finished: Callable[[Path | None], None],
) -> None:
    """Draw the report into ``path`` on a worker, behind a progress dialog with Cancel."""

    def work(progress: ProgressFn) -> Path:
        return write_mood_report(session, path, since, until, progress=progress)

    write_file(
        session,
        parent,
        finished,
        work,
        translate("MoodFiles", "Mood report"),
        translate("MoodFiles", "Drawing your mood report…"),
        translate("MoodFiles", "Save the mood report"),
    )


def save_csv(
    session: VaultSession, parent: QWidget, finished: Callable[[Path | None], None]
) -> None:
    """Ask where, then write every check-in there in the background; ``finished(path)``, or
    ``finished(None)`` if nothing was written."""
    from carecompanion.mood.csv_export import write_csv

    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        translate("MoodFiles", "Export check-ins as CSV"),
        str(Path.home() / "check-ins.csv"),
        translate("MoodFiles", "CSV files (*.csv)"),
    )
    if not chosen:
        finished(None)
        return
    path, mood = Path(chosen), session.mood

    def work(progress: ProgressFn) -> Path:
        checkins = mood.list()
        if not progress(1, 2):  # before anything is written: the write itself is atomic
            raise Cancelled("cancelled")
        write_csv(path, checkins)
        return path

    write_file(
        session,
        parent,
        finished,
        work,
        translate("MoodFiles", "Exporting"),
        translate("MoodFiles", "Writing your check-ins…"),
        translate("MoodFiles", "Export check-ins as CSV"),
    )
