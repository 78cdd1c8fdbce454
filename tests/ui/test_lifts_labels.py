"""What lifts your mood, in a small window (1366x768 at 150 %: 911x512): each activity's name
was cut to "…", or left out, beside its bars. The chart now takes the height its names need
and the tab scrolls, so every name is whole; driven from the keyboard, as a person would."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QGraphicsTextItem
from pytestqt.qtbot import QtBot

from carecompanion.clock import FixedClock
from carecompanion.mood.records import CheckInDraft
from carecompanion.mood.service import MoodService
from tests.conftest import VaultFactory
from tests.ui.conftest import ControllerFactory, activate

ACTIVITIES = ("A walk", "Time with friends", "Music", "Reading", "A bath", "Gardening")


def _shown_labels(texts: list[QGraphicsTextItem]) -> list[str]:
    return [item.toPlainText() for item in texts if item.isVisible()]


def test_every_activity_is_named_whole_beside_its_bars_in_a_small_window(
    qtbot: QtBot, make_controller: ControllerFactory, vault_factory: VaultFactory, clock: FixedClock
) -> None:
    unlocked, _ = vault_factory()
    mood = MoodService(unlocked.database, clock)
    for day in range(24):  # each activity on half the days: enough on each side
        mood.add(
            CheckInDraft(
                mood=3 + day % 2,
                activities=tuple(a for n, a in enumerate(ACTIVITIES) if (day + n) % 2 == 0),
                at=clock.now() - timedelta(days=day, hours=1),
            )
        )
    controller = make_controller()
    controller.start_unlocked(unlocked)
    controller.window.resize(911, 512)
    activate(qtbot, controller.window)
    shell = controller.shell
    assert shell is not None
    shell.navigation.setFocus()
    qtbot.keyClick(shell.navigation, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = shell.mood_page
    strip = page.tab_strip
    strip.buttons[0].setFocus()
    for _ in range(2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    assert page.tabs.currentIndex() == 2  # What lifts your mood
    view = page.lifts.view
    qtbot.waitUntil(view.isVisible, timeout=2_000)
    QApplication.processEvents()
    texts = [
        item
        for scene_item in view.scene().items()
        if isinstance(item := scene_item.toGraphicsObject(), QGraphicsTextItem)
    ]
    named = [text for text in _shown_labels(texts) if "/" in text]  # "A walk (12/12)"
    assert sorted(name.rsplit(" (", 1)[0] for name in named) == sorted(ACTIVITIES), named
    assert controller.window.height() <= 512, "the window still fits the screen"
