"""Every window and dialog fits the screen it opens on, keeps its buttons in sight and cuts
no word: at 1024×600 (100 %) and at 1366×768 at 150 % (911×512 logical pixels), in English
and in Spanish.

A screen's size and scale are fixed when Qt starts, so tests/ui/fit_walk.py opens every
window in a subprocess per screen and reports what does not fit; the tests here read its
report. The checks themselves are tested here too, on windows made to fail them, and so is
the fitting: a window taller than its screen, the main window's first size, its place
remembered from a larger screen, and the parts of the pages that give way in a small window.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import pkgutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from PySide6.QtCore import QMargins, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

import carecompanion.ui
from carecompanion.ui.common import screen_fit
from carecompanion.ui.common.page_layout import PageHeader
from carecompanion.ui.common.tab_strip import TabStrip
from tests.conftest import VaultFactory
from tests.ui.conftest import ControllerFactory, activate
from tests.ui.fit_walk import window_problems

ROOT = Path(__file__).resolve().parents[2]
#: name: (width, height, scale) of the one screen the walk runs on.
SCREENS = {"1024x600 at 100 %": (1024, 600, "1"), "1366x768 at 150 %": (1366, 768, "1.5")}
LANGUAGES = ("en", "es")


@cache
def walk(screen: str, folder: Path) -> dict[str, object]:
    """The walk's report for ``screen`` (run once per screen, whichever test asks first)."""
    width, height, scale = SCREENS[screen]
    config = folder / f"screen-{width}x{height}.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "laptop",
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height,
                        "logicalDpi": 96,
                        "logicalDpiBase": 96,
                        "dpr": 1,
                    }
                ]
            }
        )
    )
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("QT_", "CARECOMPANION_"))
    }
    env.update(
        QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR=scale, LANG="C.UTF-8"
    )
    languages = [arg for code in LANGUAGES for arg in ("--language", code)]
    result = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-m", "tests.ui.fit_walk", *languages],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    report: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


@pytest.fixture(scope="module")
def walk_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fit-walk")


@pytest.mark.parametrize("screen", SCREENS)
def test_every_window_fits_its_screen_and_cuts_no_word(screen: str, walk_folder: Path) -> None:
    report = walk(screen, walk_folder)
    width, height, scale = SCREENS[screen]
    logical = [0, 0, round(width / float(scale)), round(height / float(scale))]
    assert report["available"] == logical  # the screen asked for is the one walked
    results = report["results"]
    assert isinstance(results, list)
    windows = {(r["language"], r["window"]) for r in results}
    assert {language for language, _name in windows} == set(LANGUAGES)
    assert len(windows) > 100  # every page and tab, every dialog, in both languages
    problems = [
        f"{r['language']} {r['window']} {r['size'][0]}×{r['size'][1]}: {problem}"
        for r in results
        for problem in r["problems"]
    ]
    assert problems == [], "\n".join(problems)


def _dialog_classes() -> set[str]:
    """Every QDialog subclass the app defines."""
    found = set()
    for module_info in pkgutil.walk_packages(carecompanion.ui.__path__, "carecompanion.ui."):
        module = importlib.import_module(module_info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, QDialog) and cls.__module__ == module.__name__:
                found.add(f"{cls.__module__}.{cls.__qualname__}")
    return found


def test_the_walk_opens_every_dialog_the_app_has(walk_folder: Path) -> None:
    walked = walk(next(iter(SCREENS)), walk_folder)["dialog_classes"]
    assert isinstance(walked, list)
    missing = sorted(_dialog_classes() - set(walked))
    assert missing == [], f"open these in tests/ui/fit_walk.py too: {missing}"


# -- the checks fail when they should ------------------------------------------------------

LAPTOP = QRect(0, 0, 1024, 600)


def _dialog(qtbot: QtBot, *widgets: QWidget, buttons: bool = True) -> QDialog:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    for widget in widgets:
        layout.addWidget(widget)
    if buttons:
        layout.addWidget(
            QDialogButtonBox(
                QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
            )
        )
    return dialog


def test_the_check_finds_a_dialog_taller_than_the_screen(qtbot: QtBot) -> None:
    tall = QWidget()
    tall.setMinimumHeight(700)
    dialog = _dialog(qtbot, tall)
    dialog.show()
    problems = window_problems(dialog, LAPTOP)
    assert any(
        "minimum size" in p and "larger than the screen's 1024×600" in p for p in problems
    ), problems
    assert any("is not inside the screen's 1024×600" in p for p in problems), problems


def test_the_check_finds_cut_words(qtbot: QtBot) -> None:
    squeezed = QLabel("Remember on this computer (open without a passphrase)")
    squeezed.setFixedWidth(120)
    wrapped = QLabel(
        "Keeps a key in your system's keyring. Anyone who can log in to this "
        "computer as you could then open your journal."
    )
    wrapped.setWordWrap(True)
    wrapped.setFixedSize(200, 20)
    narrow = QPushButton("Change passphrase…")
    narrow.setFixedWidth(60)
    dialog = _dialog(qtbot, squeezed, wrapped, narrow)
    dialog.show()
    problems = window_problems(dialog, LAPTOP)
    for text in ("Remember on this computer", "Keeps a key", "Change passphrase…"):
        assert any(text in p and "is cut" in p for p in problems), (text, problems)


def test_the_check_finds_buttons_that_scroll_away_or_are_missing(qtbot: QtBot) -> None:
    inner = QWidget()
    column = QVBoxLayout(inner)
    column.addWidget(QLineEdit())
    column.addWidget(QDialogButtonBox(QDialogButtonBox.StandardButton.Ok))
    area = QScrollArea()
    area.setWidget(inner)
    area.setWidgetResizable(True)
    dialog = _dialog(qtbot, area, buttons=False)
    dialog.show()
    problems = window_problems(dialog, LAPTOP)
    assert any("'OK' scrolls with the content" in p for p in problems), problems
    bare = _dialog(qtbot, QLineEdit(), buttons=False)
    bare.show()
    assert "it has no default button and no button box" in window_problems(bare, LAPTOP)


def test_the_check_passes_a_dialog_that_fits(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, QLabel("Name"), QLineEdit())
    dialog.show()
    assert window_problems(dialog, LAPTOP) == []


# -- fitting ---------------------------------------------------------------------------------


@pytest.fixture
def fitting(qapp: QApplication) -> QRect:
    """The app's own filter is in place; the offscreen screen's room is returned."""
    screen_fit.install(qapp)
    screen = qapp.primaryScreen()
    assert screen is not None
    return screen.availableGeometry()


def test_a_dialog_taller_than_its_screen_scrolls_and_keeps_its_buttons(
    qtbot: QtBot,
    fitting: QRect,
) -> None:
    form = QVBoxLayout()
    fields = [QLineEdit(f"field {n}") for n in range(60)]  # far taller than any screen
    for field in fields:
        form.addWidget(field)
    body = screen_fit.scrolling(form)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    dialog = _dialog(qtbot, body, buttons=False)
    layout = dialog.layout()
    assert layout is not None
    layout.addWidget(buttons)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert fitting.contains(dialog.frameGeometry())
    assert body.verticalScrollBar().isVisible()
    for button in buttons.buttons():  # below the scrolling part, whole
        assert dialog.rect().contains(
            QRect(button.mapTo(dialog, button.rect().topLeft()), button.size())
        )
    assert window_problems(dialog, fitting) == []
    activate(qtbot, dialog)
    fields[-2].setFocus()  # Tab reaches the last field, and scrolls it into view
    qtbot.keyClick(fields[-2], Qt.Key.Key_Tab)
    assert fields[-1].hasFocus()
    viewport = body.viewport()
    assert viewport.rect().contains(
        QRect(fields[-1].mapTo(viewport, fields[-1].rect().topLeft()), fields[-1].size())
    )


def test_a_dialog_the_code_made_too_big_is_made_to_fit(qtbot: QtBot, fitting: QRect) -> None:
    dialog = _dialog(qtbot, QLineEdit())
    dialog.resize(3000, 2000)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert fitting.contains(dialog.frameGeometry())


def test_a_dialog_grows_to_the_part_shown_while_it_is_open(
    qtbot: QtBot,
    fitting: QRect,
) -> None:
    extra = QWidget()
    extra_layout = QVBoxLayout(extra)
    for _ in range(6):
        extra_layout.addWidget(QLineEdit())
    extra.hide()
    form = QVBoxLayout()
    form.addWidget(QLineEdit())
    form.addWidget(extra)
    body = screen_fit.scrolling(form)
    dialog = _dialog(qtbot, body)
    dialog.show()
    qtbot.waitExposed(dialog)
    before = dialog.height()
    extra.show()
    screen_fit.refit(dialog)
    QApplication.processEvents()
    assert dialog.height() > before
    assert not body.verticalScrollBar().isVisible()  # the screen has room: nothing scrolls
    assert fitting.contains(dialog.frameGeometry())


def test_the_main_window_first_size_comes_from_the_screen() -> None:
    assert screen_fit.first_size(QRect(0, 0, 1920, 1080)) == QSize(1240, 800)
    frame = QMargins(1, 30, 1, 1)
    assert screen_fit.first_size(QRect(0, 0, 911, 512), frame) == QSize(909, 481)
    assert screen_fit.first_size(QRect(0, 27, 1366, 741), frame) == QSize(1240, 710)


def test_the_main_window_remembers_its_place(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
    fitting: QRect,
) -> None:
    """(Its first size, and a place remembered from a larger screen, are walked on a laptop
    screen: see fit_walk.py, "main-journal" and "unlock-restored-from-a-larger-screen".)"""
    vault_factory()
    first = make_controller()
    first.start()
    qtbot.waitExposed(first.window)
    first.window.resize(first.window.minimumSizeHint().expandedTo(QSize(700, 480)))
    chosen = first.window.size()
    first.shutdown()
    second = make_controller()
    second.start()
    qtbot.waitExposed(second.window)
    assert second.window.size() == chosen


# -- the parts of the pages that give way in a small window ---------------------------------


def test_a_page_title_steps_aside_for_its_actions_in_a_narrow_window(qtbot: QtBot) -> None:
    actions = [QPushButton("Import and export"), QPushButton("New entry")]
    header = PageHeader("Journal", actions)
    qtbot.addWidget(header)
    header.resize(800, 60)
    header.show()
    qtbot.waitExposed(header)
    assert header.title.isVisible()
    assert header.title.width() >= header.title.sizeHint().width()
    header.resize(header.minimumSizeHint().width(), 60)
    QApplication.processEvents()
    assert not header.title.isVisible()
    for action in actions:
        assert action.isVisible() and action.width() >= action.sizeHint().width()


def test_tabs_wrap_and_keep_one_tab_stop(qtbot: QtBot) -> None:
    tabs = QTabWidget()
    names = ["Mood and stress", "Year in colour", "What lifts your mood", "Sleep and mood"]
    for name in names:
        tabs.addTab(QLineEdit(name), name)
    holder = QWidget()
    qtbot.addWidget(holder)
    strip = TabStrip(tabs)
    layout = QVBoxLayout(holder)
    layout.addWidget(strip)
    layout.addWidget(tabs)
    holder.resize(260, 300)  # narrower than the tabs side by side
    activate(qtbot, holder)
    rows = {button.y() for button in strip.buttons}
    assert len(rows) > 1  # wrapped onto more lines
    for button in strip.buttons:
        assert button.width() >= button.sizeHint().width()  # every tab whole
    stops = [b for b in strip.buttons if b.focusPolicy() & Qt.FocusPolicy.TabFocus]
    assert stops == [strip.buttons[0]]
    strip.buttons[0].setFocus()
    qtbot.keyClick(strip.buttons[0], Qt.Key.Key_Right)
    assert tabs.currentIndex() == 1 and strip.buttons[1].hasFocus()
    assert [b for b in strip.buttons if b.focusPolicy() & Qt.FocusPolicy.TabFocus] == [
        strip.buttons[1]
    ]
    qtbot.mouseClick(strip.buttons[3], Qt.MouseButton.LeftButton)
    assert tabs.currentIndex() == 3 and strip.buttons[3].isChecked()


def test_a_short_window_keeps_every_section_help_settings_and_lock(
    qtbot: QtBot,
    make_controller: ControllerFactory,
    vault_factory: VaultFactory,
) -> None:
    from carecompanion.people.meetings import GroupDraft, Schedule

    unlocked, _key = vault_factory()
    controller = make_controller()
    controller.start_unlocked(unlocked)
    shell = controller.shell
    assert shell is not None and controller.session is not None
    start = controller.session.clock.now()
    controller.session.groups.add(
        GroupDraft(
            name="Carers' circle",
            schedule=Schedule.weekly(
                start.date(), start.time().replace(second=0, microsecond=0), "UTC", 60
            ),
        )
    )
    shell.refresh_next_meeting()
    window = controller.window
    qtbot.waitExposed(window)
    window.resize(window.width(), 800)
    QApplication.processEvents()
    assert shell.next_meeting.isVisible()  # room for the next meeting
    window.resize(window.minimumSizeHint())
    QApplication.processEvents()
    sidebar = shell.sidebar
    for keep in (shell.navigation, shell.help_button, shell.settings_button, shell.lock_button):
        assert keep.isVisible()
        assert sidebar.rect().contains(
            QRect(keep.mapTo(sidebar, keep.rect().topLeft()), keep.size())
        )
    assert not shell.navigation.verticalScrollBar().isVisible()  # all four sections
    assert not shell.next_meeting.isVisible()  # it gave way; the People page shows it too
    qtbot.mouseClick(shell.lock_button, Qt.MouseButton.LeftButton)
    assert controller.session is None
