"""What the Circle page's tests share: a person with a vault of their own, and the page built
and left idle (its first sync runs on a worker). The ``person`` and ``shared`` fixtures live in
tests/ui/conftest.py."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from carecompanion.session import VaultSession
from carecompanion.ui.circle.page import CirclePage

WAIT = 15_000

#: ``person("Ana")``: a new vault for Ana, her name set for circles.
Person = Callable[[str], VaultSession]


def wait_idle(qtbot: QtBot, page: CirclePage) -> None:
    qtbot.wait(10)  # the first sync is queued after the page is built
    qtbot.waitUntil(lambda: not page.work.busy, timeout=WAIT)


def make_page(qtbot: QtBot, session: VaultSession, show: bool = False) -> CirclePage:
    page = CirclePage(session)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    if show:
        page.show()
    wait_idle(qtbot, page)
    return page
