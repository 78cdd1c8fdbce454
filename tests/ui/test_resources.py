"""Every resource the UI asks for while every page is shown exists (the static check of the
names in the code is tests/packaging/test_packaging.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import VaultFactory
from tests.ui.conftest import ControllerFactory

ROOT = Path(__file__).parents[2]


def test_every_resource_used_while_visiting_every_page_exists(
    monkeypatch: pytest.MonkeyPatch, make_controller: ControllerFactory, vault_factory: VaultFactory
) -> None:
    from carecompanion.ui.common import resources, theme

    asked: list[tuple[str, ...]] = []
    real = resources.resource_path

    def recording(*parts: str) -> Path:
        asked.append(parts)
        return real(*parts)

    monkeypatch.setattr(theme, "resource_path", recording)
    unlocked, _key = vault_factory()
    controller = make_controller()
    controller.start_unlocked(unlocked)
    shell = controller.shell
    assert shell is not None
    for row in range(shell.navigation_model.rowCount()):
        shell.show_section(row)
    assert ("styles", "app.qss") in asked or any(p[0] == "icons" for p in asked)
    assert all((ROOT / "resources").joinpath(*parts).exists() for parts in asked)
