"""Qt renderers the app and the command line share: the journal as a PDF, the mood report.

They draw with QtGui only (QPainter, QPdfWriter, QTextDocument, QImage), never with widgets,
so they need no QApplication's widgets, run on a worker thread in the app, and run offscreen
from the command line. The layers, checked by ruff (render/ruff.toml, the project's banned
imports) and by tests/render/test_render_layers.py:

- the core (journal, mood, people, circle, vault, storage) never imports render;
- render never imports the UI or the CLI, nor QtWidgets or QtCharts;
- the UI and the CLI import render where they write a PDF.
"""
