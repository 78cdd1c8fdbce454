"""Moving mood data in and out: Daylio import (with preview), CSV export, the PDF report."""

from __future__ import annotations

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
from carecompanion.session import VaultSession
from carecompanion.ui import core_messages
from carecompanion.ui.i18n import date_pattern
from carecompanion.ui.widgets import label, save_cancel_buttons

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
    session: VaultSession, path: Path, parent: QWidget, interactive: bool = True
) -> str | None:
    """Read, preview, confirm, import. Returns the summary, or None if nothing was done.

    ``interactive`` False (tests, scripted use) asks nothing and shows nothing: unknown mood
    names raise, and the import goes ahead without a confirmation."""
    mapping: dict[str, int] = {}
    while True:
        try:
            parsed = read_daylio(path, session.clock.now(), mood_map=mapping)
            break
        except UnknownMoods as unknown:
            if not interactive:
                raise
            dialog = MoodMapDialog(unknown.moods, parent)
            if not dialog.exec():
                return None
            mapping.update(dialog.mapping())
        except MoodError as exc:
            if not interactive:
                raise
            QMessageBox.warning(
                parent,
                translate("MoodFiles", "Cannot import"),
                core_messages.message(exc) + " " + translate("MoodFiles", "Nothing was imported."),
            )
            return None
    drafts = parsed.drafts
    preview = session.mood.preview_import(drafts)
    if preview.new == 0:
        message = translate("MoodFiles", "All {n} check-ins in this file are already here.").format(
            n=preview.total
        )
        if interactive:
            QMessageBox.information(parent, translate("MoodFiles", "Nothing new"), message)
        return message
    question = translate(
        "MoodFiles",
        "Import {new} check-ins from {first} to {last}? {dups} are already here and will be "
        "skipped.",
    ).format(
        new=preview.new, first=preview.first_day, last=preview.last_day, dups=preview.duplicates
    )
    if (
        interactive
        and QMessageBox.question(parent, translate("MoodFiles", "Import from Daylio"), question)
        != QMessageBox.StandardButton.Yes
    ):
        return None
    result = session.mood.import_drafts(drafts)
    return translate("MoodFiles", "Imported {added} check-ins ({dups} duplicates skipped).").format(
        added=result.added, dups=result.duplicates
    )


class ReportDialog(QDialog):
    """The period of a PDF mood report for an appointment."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mood report for an appointment"))
        self.since = QDateEdit(QDate(today.year, today.month, today.day).addMonths(-3))
        self.since.setDisplayFormat(date_pattern("date"))
        self.since.setCalendarPopup(True)
        self.since.setAccessibleName(self.tr("From date"))
        self.until = QDateEdit(QDate(today.year, today.month, today.day))
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
        layout.addLayout(form)
        buttons = save_cancel_buttons(self)
        layout.addWidget(buttons)

    def period(self) -> tuple[date, date]:
        since: date = self.since.date().toPython()  # type: ignore[assignment]
        until: date = self.until.date().toPython()  # type: ignore[assignment]
        return since, until


def save_report(session: VaultSession, parent: QWidget) -> Path | None:
    dialog = ReportDialog(session.mood.today(), parent)
    if not dialog.exec():
        return None
    since, until = dialog.period()
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        translate("MoodFiles", "Save the mood report"),
        str(Path.home() / "Mood report.pdf"),
        translate("MoodFiles", "PDF files (*.pdf)"),
    )
    if not chosen:
        return None
    from carecompanion.ui.mood_report import write_mood_report

    return write_mood_report(session, Path(chosen), since, until)


def save_csv(session: VaultSession, parent: QWidget) -> Path | None:
    from carecompanion.mood.csv_export import write_csv

    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        translate("MoodFiles", "Export check-ins as CSV"),
        str(Path.home() / "check-ins.csv"),
        translate("MoodFiles", "CSV files (*.csv)"),
    )
    if not chosen:
        return None
    write_csv(Path(chosen), session.mood.list())
    return Path(chosen)
