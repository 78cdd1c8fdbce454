"""The journal's search box in a small window (1366x768 at 150 %: 911x512): its hint was cut
to "Buscar en tu di…", and the "(Ctrl+F)" at its end was never seen. The hint is one word
now; the shortcut is in the tooltip and told to screen readers."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QStyle, QStyleOptionFrame, QToolButton
from pytestqt.qtbot import QtBot

from tests.conftest import VaultFactory
from tests.ui.conftest import ControllerFactory, activate


def _room_for_text(box: QLineEdit) -> int:
    """The width QLineEdit draws its text and hint in (the hint is cut to it)."""
    option = QStyleOptionFrame()
    box.initStyleOption(option)
    inside = box.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, box)
    margins = box.textMargins()
    side_buttons = sum(b.width() for b in box.findChildren(QToolButton) if b.isVisibleTo(box))
    return inside.width() - margins.left() - margins.right() - side_buttons - 4


def test_the_search_hint_fits_a_small_window_and_the_shortcut_is_still_told(
    qtbot: QtBot, make_controller: ControllerFactory, vault_factory: VaultFactory
) -> None:
    unlocked, _ = vault_factory()
    controller = make_controller()
    controller.start_unlocked(unlocked)
    controller.window.resize(911, 512)
    activate(qtbot, controller.window)
    assert controller.shell is not None
    search = controller.shell.journal_page.filters.search
    qtbot.waitUntil(lambda: search.width() < 400, timeout=2_000)
    hint = search.placeholderText()
    assert search.fontMetrics().horizontalAdvance(hint) <= _room_for_text(search), hint
    assert "Ctrl+F" in search.toolTip()
    assert "Ctrl+F" in search.accessibleDescription()
