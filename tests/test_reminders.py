"""The reminder rule and the Linux autostart entry."""

from __future__ import annotations

import configparser
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from carecompanion import autostart
from carecompanion.reminders import ReminderState, checkin_reminder_due, meeting_reminder_due

EVENING = ReminderState(enabled=True, at=time(20, 0))


def test_due_at_and_after_the_chosen_time() -> None:
    assert not checkin_reminder_due(EVENING, datetime(2026, 3, 3, 19, 59), False)
    assert checkin_reminder_due(EVENING, datetime(2026, 3, 3, 20, 0), False)
    assert checkin_reminder_due(EVENING, datetime(2026, 3, 3, 23, 30), False)


def test_not_due_when_checked_in_disabled_or_already_reminded() -> None:
    late = datetime(2026, 3, 3, 21, 0)
    assert not checkin_reminder_due(EVENING, late, checked_in_today=True)
    assert not checkin_reminder_due(ReminderState(False, time(20, 0)), late, False)
    reminded = ReminderState(True, time(20, 0), last_reminded=date(2026, 3, 3))
    assert not checkin_reminder_due(reminded, late, False)
    assert checkin_reminder_due(reminded, datetime(2026, 3, 4, 20, 5), False), "next day"


def test_autostart_entry_round_trip(tmp_path: Path) -> None:
    folder = autostart.autostart_dir({"XDG_CONFIG_HOME": str(tmp_path)})
    assert folder == tmp_path / "autostart"
    assert not autostart.is_enabled(folder)
    path = autostart.enable(folder, ["/opt/Care Companion/carecompanion", "--minimized"])
    assert autostart.is_enabled(folder)
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(path)
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "'/opt/Care Companion/carecompanion' --minimized"
    autostart.disable(folder)
    assert not autostart.is_enabled(folder)


def test_autostart_dir_defaults_to_home_config(tmp_path: Path) -> None:
    assert autostart.autostart_dir({}, home=tmp_path) == tmp_path / ".config" / "autostart"


def test_meeting_reminder_within_the_lead_time_once() -> None:
    start = datetime(2026, 3, 5, 18, 30, tzinfo=UTC)
    hour = timedelta(hours=1)
    assert not meeting_reminder_due(start, start - timedelta(hours=2), hour, set())
    assert meeting_reminder_due(start, start - timedelta(minutes=59), hour, set())
    assert not meeting_reminder_due(start, start - timedelta(minutes=59), hour, {start})
    assert not meeting_reminder_due(start, start + timedelta(minutes=1), hour, set()), "begun"
    assert not meeting_reminder_due(start, start - timedelta(minutes=5), timedelta(0), set())
    assert not meeting_reminder_due(None, start, hour, set())
