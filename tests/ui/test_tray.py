"""The tray's daily check-in reminder and the reminder settings."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from carecompanion.clock import FixedClock
from carecompanion.paths import AppPaths
from carecompanion.ui.app.settings import UiSettings
from carecompanion.ui.app.tray import Tray
from tests.conftest import VaultFactory
from tests.ui.conftest import ControllerFactory


def test_reminder_once_a_day_after_the_chosen_time(qtbot: QtBot, paths: AppPaths) -> None:
    paths.ensure()
    settings = UiSettings(paths)
    settings.reminder_enabled = True
    settings.reminder_time = time(20, 0)
    evening = datetime(2026, 3, 3, 19, 30).astimezone()
    clock = FixedClock(evening.astimezone(UTC))
    tray = Tray(settings, clock, checked_in_today=lambda: False)
    tray.tick()
    assert tray.reminders_shown == 0, "not yet eight o'clock"
    clock.advance(45 * 60)
    tray.tick()
    tray.tick()
    assert tray.reminders_shown == 1, "once, not every minute"
    clock.advance(24 * 3600)
    tray.tick()
    assert tray.reminders_shown == 2, "again the next evening"


def test_no_reminder_after_a_check_in(qtbot: QtBot, paths: AppPaths) -> None:
    paths.ensure()
    settings = UiSettings(paths)
    settings.reminder_enabled = True
    settings.reminder_time = time(8, 0)
    clock = FixedClock(datetime(2026, 3, 3, 12, 0).astimezone().astimezone(UTC))
    tray = Tray(settings, clock, checked_in_today=lambda: True)
    tray.tick()
    assert tray.reminders_shown == 0


def test_controller_knows_about_todays_check_in(
    qtbot: QtBot, make_controller: ControllerFactory, vault_factory: VaultFactory, clock: FixedClock
) -> None:
    from carecompanion.mood.records import CheckInDraft

    unlocked, _ = vault_factory()
    controller = make_controller()
    assert not controller.checked_in_today(), "unknown while locked: remind"
    controller.start_unlocked(unlocked)
    assert not controller.checked_in_today()
    assert controller.session is not None
    controller.session.mood.add(CheckInDraft(mood=3, at=clock.now() - timedelta(minutes=1)))
    assert controller.checked_in_today()


@pytest.mark.skipif(not __import__("sys").platform.startswith("linux"), reason="XDG autostart")
def test_start_at_login_writes_the_autostart_entry(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    unlocked, _ = vault_factory()
    controller = make_controller()
    controller.start_unlocked(unlocked)
    controller.apply_settings("light", 10, False, reminder=(True, time(21, 0)), start_at_login=True)
    entry = tmp_path / "config" / "autostart" / "carecompanion.desktop"
    assert "--minimized" in entry.read_text()
    assert controller.settings.reminder_time == time(21, 0)
    controller.apply_settings("light", 10, False, start_at_login=False)
    assert not entry.exists()


def test_meeting_reminder_before_a_group_meets(qtbot: QtBot, paths: AppPaths) -> None:
    paths.ensure()
    settings = UiSettings(paths)
    settings.meeting_lead_minutes = 60
    clock = FixedClock(datetime(2026, 3, 5, 17, 0, tzinfo=UTC))
    start = datetime(2026, 3, 5, 18, 30, tzinfo=UTC)
    tray = Tray(settings, clock, checked_in_today=lambda: True, next_meeting=lambda: start)
    tray.tick()
    assert tray.reminders_shown == 0, "ninety minutes ahead: not yet"
    clock.advance(40 * 60)
    tray.tick()
    tray.tick()
    assert tray.reminders_shown == 1


def test_controller_knows_the_next_meeting(
    qtbot: QtBot, make_controller: ControllerFactory, vault_factory: VaultFactory, clock: FixedClock
) -> None:
    from carecompanion.people.meetings import GroupDraft, Schedule

    unlocked, _ = vault_factory()
    controller = make_controller()
    assert controller.next_meeting_start() is None
    controller.start_unlocked(unlocked)
    assert controller.session is not None
    controller.session.groups.add(
        GroupDraft(
            name="Carers' circle",
            schedule=Schedule.weekly(clock.now().date(), time(18, 30), "Europe/London"),
        )
    )
    start = controller.next_meeting_start()
    assert start is not None and start > clock.now()
