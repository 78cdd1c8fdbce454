"""Paper's colours are the light theme's, whatever the screen shows (render cannot ask the UI)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtGui import QColor

from carecompanion.render import paper

LIGHT = Path(__file__).resolve().parents[2] / "resources" / "styles" / "light.json"


@pytest.mark.parametrize(
    ("colour", "token"),
    [
        (paper.TEXT, "text"),
        (paper.MUTED, "muted"),
        (paper.BORDER, "border"),
        (paper.CONTROL, "control"),
        (paper.ACCENT, "accent"),
    ],
)
def test_paper_uses_the_light_themes_colours(colour: QColor, token: str) -> None:
    light = json.loads(LIGHT.read_text(encoding="utf-8"))
    assert colour.name().upper() == light[token].upper()


def test_daily_moods_have_the_mood_scales_colour() -> None:
    from carecompanion.ui.common import theme
    from carecompanion.ui.mood.colours import mood_colour

    previous = theme.current()
    theme.use(theme.load_theme("light"))
    try:
        assert mood_colour(1.6) == paper.DAILY_MOOD
    finally:
        theme.use(previous)
