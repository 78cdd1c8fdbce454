"""The mood page, driven through real widgets: check in, see the charts, the nudge, the report."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from carecompanion.clock import FixedClock
from carecompanion.mood.records import CheckInDraft
from carecompanion.mood.service import MoodService
from carecompanion.session import VaultSession
from carecompanion.ui.mood.checkin_dialog import CheckInDialog
from carecompanion.ui.mood.page import MoodPage
from tests.conftest import VaultFactory


def _session(vault_factory: VaultFactory, clock: FixedClock) -> VaultSession:
    unlocked, _ = vault_factory()
    return VaultSession(unlocked, clock)


def _fill(
    mood: MoodService,
    clock: FixedClock,
    days: int,
    value: int = 4,
    activity: str | None = "A walk",
    start: int = 0,
) -> None:
    for offset in range(start, start + days):
        mood.add(
            CheckInDraft(
                mood=value,
                stress=3,
                sleep_hours=7.0,
                activities=(activity,) if activity and offset % 2 == 0 else (),
                at=clock.now() - timedelta(days=offset, hours=1),
            )
        )


def test_check_in_with_the_keyboard(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock
) -> None:
    session = _session(vault_factory, clock)
    page = MoodPage(session)
    qtbot.addWidget(page)
    assert page.body.currentWidget() is page.empty
    dialog = CheckInDialog(session.mood, parent=page, now=clock.now())
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled(), "the mood is the one required answer"
    qtbot.keyClick(dialog, Qt.Key.Key_4)
    assert dialog.mood_group.checkedId() == 4
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = session.mood.list()
    assert len(saved) == 1
    assert saved[0].mood == 4
    assert saved[0].stress is None and saved[0].sleep_hours is None, "— means not answered"
    page.refresh()
    assert page.body.currentWidget() is page.content


def test_check_in_records_every_field(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock
) -> None:
    session = _session(vault_factory, clock)
    dialog = CheckInDialog(session.mood, now=clock.now())
    qtbot.addWidget(dialog)
    dialog.mood_group.button(2).click()
    dialog.stress.setValue(8)
    dialog.energy.setValue(3)
    dialog.sleep.setValue(5.5)
    dialog.care.setValue(9)
    activities = dialog.activities.model()
    activities.item(0).setCheckState(Qt.CheckState.Checked)  # type: ignore[attr-defined]
    emotions = dialog.emotions.model()
    emotions.item(0).setCheckState(Qt.CheckState.Checked)  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.note, "long night")
    dialog.save()
    saved = session.mood.list()[0]
    assert (saved.mood, saved.stress, saved.energy, saved.sleep_hours, saved.care_hours) == (
        2,
        8,
        3,
        5.5,
        9.0,
    )
    assert saved.activities == (activities.item(0).text(),)  # type: ignore[attr-defined]
    assert saved.emotions == (emotions.item(0).text(),)  # type: ignore[attr-defined]
    assert saved.note == "long night"


def test_charts_and_tables_show_the_same_days(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock
) -> None:
    session = _session(vault_factory, clock)
    _fill(session.mood, clock, 20)
    page = MoodPage(session)
    qtbot.addWidget(page)
    page.period.setCurrentIndex(1)  # last month
    chart = page.trend.view.chart()
    assert len(chart.series()) == 3
    assert page.trend.table_model.rowCount() == 20
    qtbot.mouseClick(page.as_table, Qt.MouseButton.LeftButton)
    assert page.trend.stack.currentWidget() is page.trend.table
    assert page.year_stack.currentIndex() == 1
    assert page.year_table.rowCount() >= 1
    lift_rows = [
        page.lifts.table_model.index(r, 0).data() for r in range(page.lifts.table_model.rowCount())
    ]
    assert "A walk" in lift_rows
    assert page.history_model.rowCount() == 20


def test_nudge_appears_after_a_low_fortnight_and_can_be_set_aside(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock
) -> None:
    session = _session(vault_factory, clock)
    _fill(session.mood, clock, 14, value=2, activity=None)  # the last two weeks: low
    _fill(session.mood, clock, 60, value=4, activity=None, start=14)  # the usual before
    page = MoodPage(session)
    qtbot.addWidget(page)
    assert not page.nudge.isHidden()
    assert "lower than usual" in page.nudge_text.text()
    assert "emergency" in page.nudge_contacts.text()
    button = next(
        b
        for b in page.nudge.findChildren(type(page.checkin_button))
        if b.accessibleName() == "Hide this note for a while"
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert page.nudge.isHidden()
    page.refresh()
    assert page.nudge.isHidden(), "set aside stays set aside"


def test_mood_report_pdf_reads_back(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    from carecompanion.render.mood_report import write_mood_report

    session = _session(vault_factory, clock)
    _fill(session.mood, clock, 30)
    out = write_mood_report(session, tmp_path / "report.pdf", None, None)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)
    assert "Mood report" in text
    assert "A walk" in text
    assert "not a diagnosis" in text
    assert not list(tmp_path.glob(".*.tmp")), "no temp file left behind"


def test_mood_report_is_written_in_the_chosen_language(
    qtbot: QtBot,
    vault_factory: VaultFactory,
    clock: FixedClock,
    tmp_path: Path,
    qapp: QApplication,
) -> None:
    """A Spanish-speaking caregiver takes a Spanish report to the doctor (the validated
    self-check wording aside)."""
    from pypdf import PdfReader
    from PySide6.QtCore import QLocale

    from carecompanion.render.mood_report import write_mood_report
    from carecompanion.ui.common import i18n

    session = _session(vault_factory, clock)
    _fill(session.mood, clock, 30)
    installed = i18n.install("es", qapp, QLocale("es_ES"))
    try:
        out = write_mood_report(session, tmp_path / "informe.pdf", None, None)
    finally:
        installed.uninstall()
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)
    assert "Informe de ánimo" in text and "Días con registro" in text
    assert "Mood report" not in text and "Days with a check-in" not in text
    assert re.search(r"Ánimo medio \d,\d de 5", text), text[:400]


def test_lock_clears_the_mood_page(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock
) -> None:
    session = _session(vault_factory, clock)
    _fill(session.mood, clock, 10)
    page = MoodPage(session)
    qtbot.addWidget(page)
    page.clear()
    assert page.history_model.rowCount() == 0
    assert page.trend.table_model.rowCount() == 0
    assert page.summary.text() == ""


def test_daylio_import_from_the_page_adds_once(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock
) -> None:
    from carecompanion.ui.mood.mood_files import import_daylio

    session = _session(vault_factory, clock)
    page = MoodPage(session)
    qtbot.addWidget(page)
    fixture = (
        Path(__file__).parent.parent / "fixtures" / "daylio" / "v7_default_moods_mixed_times.csv"
    )
    summaries: list[str | None] = []
    import_daylio(session, fixture, page, summaries.append, interactive=False)
    qtbot.waitUntil(lambda: len(summaries) == 1, timeout=15_000)  # read and written on workers
    summary = summaries[0]
    assert summary is not None and summary.startswith("Imported")
    count = session.mood.count()
    assert count > 0
    import_daylio(session, fixture, page, summaries.append, interactive=False)
    qtbot.waitUntil(lambda: len(summaries) == 2, timeout=15_000)
    again = summaries[1]
    assert again is not None and "already here" in again
    assert session.mood.count() == count


def test_csv_export_reads_back(
    qtbot: QtBot,
    vault_factory: VaultFactory,
    clock: FixedClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import csv

    from PySide6.QtWidgets import QFileDialog

    from carecompanion.ui.mood.mood_files import save_csv

    session = _session(vault_factory, clock)
    _fill(session.mood, clock, 5)
    out = tmp_path / "checkins.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    page = MoodPage(session)
    qtbot.addWidget(page)
    saved: list[Path | None] = []
    save_csv(session, page, saved.append)
    qtbot.waitUntil(lambda: saved == [out], timeout=15_000)  # written on a worker
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 5
    assert {row["mood"] for row in rows} == {"4"}


def test_nudge_points_to_the_people_page_contacts(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock
) -> None:
    from carecompanion.people.records import ContactDraft, Phone

    session = _session(vault_factory, clock)
    session.people.add(
        ContactDraft(name="Maria Okafor", is_emergency=True, phones=(Phone("07700 900123"),))
    )
    _fill(session.mood, clock, 14, value=2, activity=None)
    _fill(session.mood, clock, 60, value=4, activity=None, start=14)
    page = MoodPage(session)
    qtbot.addWidget(page)
    assert "Maria Okafor" in page.nudge_contacts.text()
    assert "07700 900123" in page.nudge_contacts.text()


def test_check_in_adds_an_own_activity_and_links_an_entry(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock
) -> None:
    session = _session(vault_factory, clock)
    entry = session.journal.add("A long day", "Words.", entry_at=clock.now())
    dialog = CheckInDialog(
        session.mood, now=clock.now(), recent_entries=session.journal.list_summaries(limit=20)
    )
    qtbot.addWidget(dialog)
    dialog.mood_group.button(3).click()
    dialog.add_activity("Gardening")
    dialog.entry.setCurrentIndex(dialog.entry.findData(entry.id))
    dialog.save()
    saved = session.mood.list()[0]
    assert "Gardening" in saved.activities
    assert saved.entry_id == entry.id
    assert "Gardening" in [a.name for a in session.mood.activities.list()], "kept for next time"


def test_daylio_import_from_the_menu_says_what_it_did_both_times(
    qtbot: QtBot, vault_factory: VaultFactory, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    fixture = (
        Path(__file__).parent.parent / "fixtures" / "daylio" / "v7_default_moods_mixed_times.csv"
    )
    session = _session(vault_factory, clock)
    page = MoodPage(session)
    qtbot.addWidget(page)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(fixture), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(str(a[2])))
    page._import_daylio()
    qtbot.waitUntil(lambda: len(told) == 1, timeout=30_000)  # read and written on workers
    assert told[0].startswith("Imported") and session.mood.count() > 0
    page._import_daylio()
    qtbot.waitUntil(lambda: len(told) == 2, timeout=30_000)
    assert told[1].endswith("are already here."), "a file with nothing new is said once, too"
