#!/usr/bin/env python3
"""Render each main view with demo data into docs/screenshots/, in light and dark.

Usage: .venv/bin/python scripts/screenshots.py [--out docs/screenshots]
Runs offscreen; needs no display.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")

from PySide6.QtWidgets import QApplication, QWidget

from carecompanion.clock import SystemClock
from carecompanion.demo import create_demo_vault
from carecompanion.paths import AppPaths
from carecompanion.ui import theme
from carecompanion.ui.controller import AppController
from carecompanion.ui.launch import create_application
from carecompanion.ui.main_window import dispose
from carecompanion.ui.setup_wizard import PASSPHRASE

SIZE = (1240, 800)


def _save(widget: QWidget, out: Path, name: str) -> None:
    QApplication.processEvents()
    widget.grab().save(str(out / f"{name}.png"))
    print(out / f"{name}.png")


def render(out: Path, theme_name: str) -> None:
    app = create_application()
    theme.apply(app, theme_name)
    clock = SystemClock()
    with tempfile.TemporaryDirectory() as fresh_dir, tempfile.TemporaryDirectory() as demo_dir:
        # First run: the wizard.
        controller = AppController(AppPaths(Path(fresh_dir)), clock)
        controller.window.resize(*SIZE)
        controller.start()
        wizard = controller.wizard
        assert wizard is not None
        _save(controller.window, out, f"wizard-welcome-{theme_name}")
        wizard.steps.setCurrentIndex(PASSPHRASE)
        wizard.passphrase.setText("blue kettle morning garden")
        wizard.repeat.setText("blue kettle morning garden")
        _save(controller.window, out, f"wizard-passphrase-{theme_name}")
        wizard.show_recovery_key("7KQ2-M9XD-4RTA-PW3E-HN8C-ZB6F-1JVS-Q0GY-5M2K")
        _save(controller.window, out, f"wizard-recovery-{theme_name}")
        dispose(controller.window)

        # The app with demo data, then locked.
        paths = AppPaths(Path(demo_dir))
        controller = AppController(paths, clock)
        controller.window.resize(*SIZE)
        controller.start_unlocked(create_demo_vault(paths, clock))
        shell = controller.shell
        assert shell is not None
        page = shell.journal_page
        page.list.setCurrentIndex(page.timeline_model.index(1, 0))
        _save(controller.window, out, f"main-{theme_name}")
        page.filters.search.setText("fall")
        page.refresh_list()
        page.list.setCurrentIndex(page.search_model.index(0, 0))
        _save(controller.window, out, f"journal-search-{theme_name}")
        page.filters.search.clear()
        page.refresh_list()
        page.tabs.setCurrentIndex(1)
        _save(controller.window, out, f"journal-calendar-{theme_name}")
        page.tabs.setCurrentIndex(0)
        page.new_entry(controller.session.templates.list_templates()[1])  # type: ignore[union-attr]
        _save(controller.window, out, f"journal-template-{theme_name}")
        shell.show_section(1)
        mood_page = shell.pages.currentWidget()
        _save(controller.window, out, f"mood-trend-{theme_name}")
        for tab, name in ((1, "year"), (2, "lifts"), (3, "sleep")):
            mood_page.tabs.setCurrentIndex(tab)  # type: ignore[attr-defined]
            _save(controller.window, out, f"mood-{name}-{theme_name}")
        from carecompanion.ui.mood.checkin_dialog import CheckInDialog

        dialog = CheckInDialog(controller.session.mood, parent=controller.window,
                               now=clock.now())  # type: ignore[union-attr]
        dialog.mood_group.button(4).setChecked(True)
        dialog.resize(700, 640)
        _save(dialog, out, f"mood-checkin-{theme_name}")
        dialog.deleteLater()
        shell.show_section(2)
        _save(controller.window, out, f"people-{theme_name}")
        from carecompanion.ui.people.help_dialog import HelpDialog

        help_dialog = HelpDialog(controller.session.people, controller.window)  # type: ignore[union-attr]
        help_dialog.resize(560, 640)
        _save(help_dialog, out, f"help-{theme_name}")
        help_dialog.deleteLater()
        controller.lock()
        _save(controller.window, out, f"unlock-{theme_name}")
        dispose(controller.window)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="docs/screenshots", type=Path)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for theme_name in ("light", "dark"):
        render(args.out, theme_name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
