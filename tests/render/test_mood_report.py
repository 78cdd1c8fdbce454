"""The mood report as a reader gets it: the figures behind each chart as tables, by week or
by month; progress reported, and a cancelled report leaves nothing behind."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from carecompanion.clock import FixedClock
from carecompanion.mood.records import CheckInDraft
from carecompanion.progress import Cancelled
from carecompanion.render.mood_report import write_mood_report
from carecompanion.session import VaultSession
from tests.conftest import VaultFactory

pytestmark = pytest.mark.usefixtures("qapp")  # a QApplication, before anything makes a lesser one


@pytest.fixture
def session(vault_factory: VaultFactory, clock: FixedClock) -> VaultSession:
    unlocked, _ = vault_factory()
    return VaultSession(unlocked, clock)


def _text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def _check_in(session: VaultSession, day: date, mood: int, stress: int, sleep: float) -> None:
    at = datetime(day.year, day.month, day.day, 21).astimezone()
    session.mood.add(CheckInDraft(mood=mood, stress=stress, sleep_hours=sleep, at=at))


def test_each_chart_is_followed_by_its_figures(session: VaultSession, tmp_path: Path) -> None:
    monday = date(2026, 2, 2)
    for offset, (mood, stress, sleep) in enumerate([(2, 8, 4.5), (4, 2, 7.5), (3, 5, 7.0)]):
        _check_in(session, monday + timedelta(days=offset), mood, stress, sleep)
    _check_in(session, monday + timedelta(days=7), 5, 1, 8.0)
    out = write_mood_report(session, tmp_path / "r.pdf", date(2026, 2, 1), date(2026, 2, 28))
    text = _text(out)
    assert "Week starting Mood (1–5) Stress (0–10) Days" in text
    assert "2 Feb 2026 3.0 5.0 3" in text and "9 Feb 2026 5.0 1.0 1" in text
    assert "Hours slept Average mood (1–5) Days" in text
    for row in ("Under 5 hours 2.0 1", "5 to 6 hours — 0", "7 to 8 hours 3.5 2"):
        assert row in text
    assert "8 hours or more 5.0 1" in text


def test_a_long_period_is_told_by_month(session: VaultSession, tmp_path: Path) -> None:
    _check_in(session, date(2025, 3, 10), 2, 6, 6.0)
    _check_in(session, date(2025, 3, 20), 4, 4, 6.0)
    _check_in(session, date(2025, 9, 1), 5, 1, 6.0)
    out = write_mood_report(session, tmp_path / "r.pdf", date(2025, 1, 1), date(2025, 12, 31))
    text = _text(out)
    assert "Month Mood (1–5) Stress (0–10) Days" in text
    assert "March 2025 3.0 5.0 2" in text and "September 2025 5.0 1.0 1" in text
    assert "14-day average" in text


def test_progress_is_reported_and_cancel_leaves_nothing(
    session: VaultSession, tmp_path: Path
) -> None:
    _check_in(session, date(2026, 2, 2), 3, 3, 7.0)
    seen: list[tuple[int, int]] = []

    def going_on(done: int, total: int) -> bool:
        seen.append((done, total))
        return True

    write_mood_report(session, tmp_path / "r.pdf", None, None, progress=going_on)
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3)]

    folder = tmp_path / "cancelled"
    folder.mkdir()
    with pytest.raises(Cancelled):
        write_mood_report(
            session, folder / "r.pdf", None, None, progress=lambda done, _total: done < 2
        )
    assert list(folder.iterdir()) == [], "no report, no temp file"
