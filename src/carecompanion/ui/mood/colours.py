"""Mood colours: a calm scale (no alarm red) that reads in both themes, plus its legend."""

from __future__ import annotations

from PySide6.QtGui import QColor

from carecompanion.ui.common import theme
from carecompanion.ui.common.core_words import mood_word as mood_word  # in the chosen language

# Worst to best: dusk plum, clay, sand, sage, teal. Distinct in lightness too, so the scale
# survives colour blindness and greyscale printing.
_LIGHT = {1: "#7A5C8E", 2: "#C98B5E", 3: "#D9C88F", 4: "#8DB88F", 5: "#2F8A80"}
_DARK = {1: "#A78BBE", 2: "#D79A6C", 3: "#C9B77C", 4: "#7FAE82", 5: "#5FBDB1"}
# The faces themselves are SVG icons: see carecompanion.ui.mood.faces.


def mood_colour(value: float) -> QColor:
    """The colour of a mood from 1 to 5, blending between the five steps."""
    table = _DARK if theme.current().name == "dark" else _LIGHT
    value = max(1.0, min(5.0, value))
    low = int(value)
    high = min(5, low + 1)
    fraction = value - low
    a, b = QColor(table[low]), QColor(table[high])
    return QColor(
        round(a.red() + (b.red() - a.red()) * fraction),
        round(a.green() + (b.green() - a.green()) * fraction),
        round(a.blue() + (b.blue() - a.blue()) * fraction),
    )
