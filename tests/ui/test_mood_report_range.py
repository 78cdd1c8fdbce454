"""The mood report's default period (issue 16): the 90 days to today, or, when every check-in
is older, the 90 days to the last one; the command line and the app say which days they chose.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from carecompanion.clock import FixedClock, SystemClock
from carecompanion.mood.records import CheckInDraft
from carecompanion.paths import AppPaths
from carecompanion.render.mood_report import ReportFigures, ReportPeriod, report_period
from carecompanion.session import VaultSession
from carecompanion.ui.mood.mood_files import ReportDialog
from tests.conftest import VaultFactory
from tests.helpers import GOOD_PASSPHRASE

pytestmark = pytest.mark.usefixtures("qapp")  # a QApplication, before anything makes a lesser one

TODAY = date(2026, 3, 3)


@pytest.mark.parametrize(
    ("days", "since", "until", "expected"),
    [
        ([], None, None, ReportPeriod(date(2025, 12, 4), TODAY)),
        ([date(2026, 3, 1)], None, None, ReportPeriod(date(2025, 12, 4), TODAY)),
        ([date(2025, 12, 4)], None, None, ReportPeriod(date(2025, 12, 4), TODAY)),  # just in
        (
            [date(2024, 5, 1), date(2025, 12, 3)],
            None,
            None,
            ReportPeriod(date(2025, 9, 5), date(2025, 12, 3), moved=True),
        ),
        ([date(2024, 5, 1)], date(2024, 1, 1), None, ReportPeriod(date(2024, 1, 1), TODAY)),
        (
            [date(2024, 5, 1)],
            None,
            date(2024, 6, 1),
            ReportPeriod(date(2024, 3, 4), date(2024, 6, 1)),
        ),
    ],
)
def test_the_default_period(
    days: list[date], since: date | None, until: date | None, expected: ReportPeriod
) -> None:
    assert report_period(days, TODAY, since, until) == expected


@pytest.fixture
def old_session(vault_factory: VaultFactory, clock: FixedClock) -> VaultSession:
    """Check-ins only from a year ago: none in the 90 days to today."""
    unlocked, _ = vault_factory()
    session = VaultSession(unlocked, clock)
    for day in (date(2025, 1, 10), date(2025, 2, 20), date(2025, 3, 1)):
        at = datetime(day.year, day.month, day.day, 21).astimezone()
        session.mood.add(CheckInDraft(mood=4, stress=2, at=at))
    return session


def test_the_report_of_old_check_ins_covers_them(old_session: VaultSession) -> None:
    figures = ReportFigures.read(old_session, None, None)
    assert (figures.first, figures.last) == (date(2024, 12, 2), date(2025, 3, 1))
    assert len(figures.shown) == 3  # was 0: the 90 days to today, all empty


def test_the_dialog_starts_at_the_last_check_ins_and_says_so(qtbot: QtBot) -> None:
    dialog = ReportDialog(TODAY, newest=date(2025, 3, 1))
    qtbot.addWidget(dialog)
    assert dialog.period() == (date(2024, 12, 2), date(2025, 3, 1))
    texts = [child.text() for child in dialog.findChildren(QLabel)]
    assert any("no check-ins in the last 90 days" in text for text in texts)


def test_the_dialog_with_recent_check_ins_is_the_last_90_days(qtbot: QtBot) -> None:
    dialog = ReportDialog(TODAY, newest=date(2026, 3, 1))
    qtbot.addWidget(dialog)
    assert dialog.period() == (date(2025, 12, 4), TODAY)
    texts = [child.text() for child in dialog.findChildren(QLabel)]
    assert not any("no check-ins" in text for text in texts)


def test_the_cli_says_which_days_it_chose(
    cli_home: AppPaths,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from carecompanion.__main__ import main

    monkeypatch.setenv("CARECOMPANION_PASSPHRASE", GOOD_PASSPHRASE)
    for day in ("2025-01-10", "2025-03-01"):
        assert main(["mood", "add", "--mood", "4", "--at", f"{day}T21:00"]) == 0
    out = tmp_path / "report.pdf"
    capsys.readouterr()
    assert main(["mood", "report", "--out", str(out)]) == 0
    today = SystemClock().now().astimezone().date()  # the CLI's own clock, in this zone
    printed = capsys.readouterr().out.splitlines()
    assert printed == [
        f"There are no check-ins in the 90 days to {today}, so the report covers the 90 days "
        "to the last one (2025-03-01).",
        f"Wrote the mood report for 2024-12-02 to 2025-03-01 to {out}. "
        "It is not encrypted: keep it somewhere safe.",
    ]
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    assert "2 December 2024 to 1 March 2025" in text
    assert "Days with a check-in: 2 (of 90)" in text
