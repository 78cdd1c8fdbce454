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
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
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
from carecompanion.ui.common import error_words
from carecompanion.ui.common.i18n import date_pattern
from carecompanion.ui.common.progress import ProgressFn, run_with_progress
from carecompanion.ui.common.widgets import label, save_cancel_buttons
from carecompanion.ui.common.workers import workers_for

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
    ``finished(summary)``, or ``finished(None)`` if nothing was done (cancelled, refused).

    ``interactive`` False (tests, scripted use) asks nothing and shows nothing: unknown mood
    names and unreadable files are raised on the GUI thread, and the import goes ahead
    without a confirmation."""
    _DaylioImport(session, path, parent, finished, interactive).read({})


class _DaylioImport:
    """The steps of one Daylio import; the slow ones (reading, writing) run on workers."""

    def __init__(
        self,
        session: VaultSession,
        path: Path,
        parent: QWidget,
        finished: Callable[[str | None], None],
        interactive: bool,
    ) -> None:
        self.session = session
        self.path = path
        self.parent = parent
        self.finished = finished
        self.interactive = interactive

    def read(self, mapping: dict[str, int]) -> None:
        session, path, now = self.session, self.path, self.session.clock.now()

        def work(progress: ProgressFn) -> tuple[list[CheckInDraft], ImportPreview]:
            parsed = read_daylio(path, now, mood_map=mapping)
            if not progress(1, 2):
                raise Cancelled("cancelled")
            drafts = list(parsed.drafts)
            return drafts, session.mood.preview_import(drafts)

        def failed(exc: Exception) -> None:
            if isinstance(exc, Cancelled):
                self.finished(None)
            elif not self.interactive:
                raise exc
            elif isinstance(exc, UnknownMoods):
                dialog = MoodMapDialog(exc.moods, self.parent)
                if not dialog.exec():
                    self.finished(None)
                    return
                self.read({**mapping, **dialog.mapping()})
            elif isinstance(exc, MoodError):
                QMessageBox.warning(
                    self.parent,
                    translate("MoodFiles", "Cannot import"),
                    error_words.message(exc)
                    + " "
                    + translate("MoodFiles", "Nothing was imported."),
                )
                self.finished(None)
            else:
                raise exc  # a surprise: the app's one place for those says it

        run_with_progress(
            self.parent,
            workers_for(session),
            translate("MoodFiles", "Reading"),
            translate("MoodFiles", "Reading {name}…").format(name=path.name),
            work,
            lambda result: self.confirm(*result),
            failed,
        )

    def confirm(self, drafts: list[CheckInDraft], preview: ImportPreview) -> None:
        if preview.new == 0:
            message = translate(
                "MoodFiles", "All {n} check-ins in this file are already here."
            ).format(n=preview.total)
            if self.interactive:
                QMessageBox.information(self.parent, translate("MoodFiles", "Nothing new"), message)
            self.finished(message)
            return
        question = translate(
            "MoodFiles",
            "Import {new} check-ins from {first} to {last}? {dups} are already here and will be "
            "skipped.",
        ).format(
            new=preview.new,
            first=preview.first_day,
            last=preview.last_day,
            dups=preview.duplicates,
        )
        if (
            self.interactive
            and QMessageBox.question(
                self.parent, translate("MoodFiles", "Import from Daylio"), question
            )
            != QMessageBox.StandardButton.Yes
        ):
            self.finished(None)
            return
        self.write(drafts)

    def write(self, drafts: list[CheckInDraft]) -> None:
        mood = self.session.mood

        def work(progress: ProgressFn) -> MoodImportResult:
            if not progress(0, 1):  # the last moment to stop: the write is one transaction
                raise Cancelled("cancelled")
            result = mood.import_drafts(drafts)
            progress(1, 1)
            return result

        def done(result: MoodImportResult) -> None:
            self.finished(
                translate(
                    "MoodFiles", "Imported {added} check-ins ({dups} duplicates skipped)."
                ).format(added=result.added, dups=result.duplicates)
            )

        def failed(exc: Exception) -> None:
            if not isinstance(exc, Cancelled):
                raise exc  # a surprise: the app's one place for those says it
            self.finished(None)

        run_with_progress(
            self.parent,
            workers_for(self.session),
            translate("MoodFiles", "Importing"),
            translate("MoodFiles", "Importing your check-ins…"),
            work,
            done,
            failed,
        )


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
        self.since = QDateEdit(QDate(chosen.first.year, chosen.first.month, chosen.first.day))
        self.since.setDisplayFormat(date_pattern("date"))
        self.since.setCalendarPopup(True)
        self.since.setAccessibleName(self.tr("From date"))
        self.until = QDateEdit(QDate(chosen.last.year, chosen.last.month, chosen.last.day))
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

    def failed(exc: Exception) -> None:
        if isinstance(exc, Cancelled):
            finished(None)
        elif isinstance(exc, OSError):
            QMessageBox.warning(
                parent,
                translate("MoodFiles", "Save the mood report"),
                error_words.message(exc),
            )
            finished(None)
        else:
            raise exc  # a surprise: the app's one place for those says it

    run_with_progress(
        parent,
        workers_for(session),
        translate("MoodFiles", "Mood report"),
        translate("MoodFiles", "Drawing your mood report…"),
        work,
        finished,
        failed,
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

    def failed(exc: Exception) -> None:
        if isinstance(exc, Cancelled):
            finished(None)
        elif isinstance(exc, OSError):
            QMessageBox.warning(
                parent,
                translate("MoodFiles", "Export check-ins as CSV"),
                error_words.message(exc),
            )
            finished(None)
        else:
            raise exc  # a surprise: the app's one place for those says it

    run_with_progress(
        parent,
        workers_for(session),
        translate("MoodFiles", "Exporting"),
        translate("MoodFiles", "Writing your check-ins…"),
        work,
        finished,
        failed,
    )
