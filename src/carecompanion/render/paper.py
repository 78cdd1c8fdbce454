"""The colours of paper: the light theme's, whatever the screen's theme is.

Render runs without the UI (the command line, a worker thread), so it does not read the
theme the UI has applied; these are the light theme's values (resources/styles/light.json),
and tests/render/test_paper.py keeps them equal.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

TEXT = QColor("#24302D")
MUTED = QColor("#56625F")  # 6.4:1 on white: figures and labels
BORDER = QColor("#D5DCD9")  # grid lines: seen, not read
CONTROL = QColor("#6F7C78")  # 4.9:1: the second bar of a pair
ACCENT = QColor("#2F6E67")  # the average line, the main bars
#: The daily moods' dots: the light mood scale at 1.6 (ui/mood/colours.py), a calm plum that
#: stands apart from the accent line, 3.6:1 on white as a graphic needs.
DAILY_MOOD = QColor("#A97871")
