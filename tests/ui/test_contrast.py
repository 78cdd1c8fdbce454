"""WCAG 2.2 AA in both themes, computed from what the app really draws with.

Text needs 4.5:1 against every background it sits on (1.4.3). The borders that show where a
control is, check-box and radio indicators, the images inside controls and the keyboard focus
ring need 3:1 against their neighbours (1.4.11), and every control that takes focus shows a 2px
ring (2.4.7). The pairs come from the stylesheet ``theme.stylesheet()`` fills from app.qss, read
through a small cascade (tests/ui/contrast_audit.py) so that a ``#name`` rule overriding the
focus ring is caught, and from ``theme.palette()``. Then the same is checked on real widgets.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, QRect, QStringListModel, Qt
from PySide6.QtGui import QColor, QImage, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from carecompanion.ui.common import theme
from tests.ui.conftest import activate
from tests.ui.contrast_audit import (
    Rule,
    Selector,
    computed,
    contrast,
    image_colours,
    is_colour,
    is_kind_of,
    mix,
    parse,
    parse_selector,
    visible_borders,
    widget_class,
)

TEXT = 4.5  # WCAG 1.4.3, normal-size text
NON_TEXT = 3.0  # WCAG 1.4.11: control boundaries, indicators, icons, the focus ring
THEMES = ("light", "dark")
UI = Path(__file__).parents[2] / "src" / "carecompanion" / "ui"

# Where a widget that paints no background of its own may sit: the window, a card or list, the
# calendar's navigation bar and hovered rows, the sidebar, a notice. Items may also be selected.
PAGES = ("window", "surface", "surface_alt", "sidebar", "warning_bg")
ITEM_PAGES = (*PAGES, "selection")
TEXT_PARTS = ("", "item", "tab", "section")  # sub-controls that carry words
TEXT_ENTRIES = ("QLineEdit", "QTextEdit", "QPlainTextEdit", "QAbstractSpinBox", "QComboBox")
INDICATOR_PARTS = ("indicator",)
# Sub-controls drawn with an image inside their widget (their image needs 3:1 against it).
IMAGE_PARTS = ("indicator", "down-arrow", "up-arrow")
# States a focused control can be in at the same time, each of which must keep the ring.
RING_STATES = frozenset({"hover", "checked", "selected", "pressed"})
# The sidebar's list shows focus on its current item, not around the whole list.
FOCUS_ON_ITEMS = ("navigation",)
# Focus lands on a part of these compound widgets; that part is what must show the ring.
FOCUS_PART = {
    "QTabWidget": "QTabBar::tab",
    "QTabBar": "QTabBar::tab",
    "QCalendarWidget": "QCalendarWidget QAbstractItemView",
}


def _is_control(selector: Selector) -> bool:
    """A widget whose border is what shows where it is (text fields, buttons, indicators);
    frames around lists, cards and read-only text are decoration and may stay subtle."""
    kind = selector.last.type
    if selector.last.sub:
        return selector.last.sub in INDICATOR_PARTS
    if is_kind_of(kind, "QTextBrowser"):
        return False
    return (
        any(
            is_kind_of(kind, base)
            for base in (
                "QAbstractButton",
                "QLineEdit",
                "QTextEdit",
                "QPlainTextEdit",
                "QAbstractSpinBox",
                "QComboBox",
            )
        )
        and not is_kind_of(kind, "QCheckBox")
        and not is_kind_of(kind, "QRadioButton")
    )


@cache
def takes_focus(type_name: str) -> bool:
    cls = widget_class(type_name)
    if cls is None or not issubclass(cls, QWidget):
        return False
    assert QApplication.instance() is not None
    try:
        widget = cls()
    except NotImplementedError:  # QAbstractButton, QAbstractSpinBox, QAbstractItemView...
        return True  # the abstract bases of Qt's controls, all of which take focus
    except TypeError:  # QHeaderView needs arguments; it never takes focus by itself
        return False
    policy = widget.focusPolicy()
    widget.deleteLater()
    return bool(policy.value & Qt.FocusPolicy.TabFocus.value)


def _focusable(selector: Selector) -> bool:
    return takes_focus(selector.last.type) or selector.last.sub in ("item", "tab")


# --- The audit ---------------------------------------------------------------------------------


class Audit:
    """Every pair one stylesheet uses, checked against one theme's colours."""

    def __init__(self, stylesheet: str, colours: dict[str, str]) -> None:
        self.rules: list[Rule] = parse(stylesheet)
        self.colours = {k: v.upper() for k, v in colours.items()}
        self.found: dict[str, list[str]] = {}

    def pages(self, selector: Selector) -> list[str]:
        in_a_list = selector.last.sub == "item" or (
            selector.last.sub in INDICATOR_PARTS
            and is_kind_of(selector.last.type, "QAbstractItemView")
        )
        return [self.colours[t] for t in (ITEM_PAGES if in_a_list else PAGES)]

    def background(self, selector: Selector) -> list[str]:
        """What ``selector`` is painted on: its own background, else its widget's (for a
        sub-control), else any page it may sit on."""
        for candidate in (selector, selector.without_sub()):
            own = computed(self.rules, candidate).get("background-color", "")
            if is_colour(own):
                return [own.upper()]
            if not selector.last.sub:
                break
        return self.pages(selector)

    def need(self, what: str, selector: Selector, first: str, second: str, minimum: float) -> None:
        ratio = contrast(first, second)
        if ratio < minimum:
            key = f"{what} {first} on {second} is {ratio:.2f}:1, needs {minimum}:1"
            self.found.setdefault(key, []).append(selector.text)

    @property
    def failures(self) -> list[str]:
        """One line per failing pair, naming the first few selectors that use it."""
        return [
            f"{key}: {', '.join(where[:3])}"
            + (f" and {len(where) - 3} more" if len(where) > 3 else "")
            for key, where in sorted(self.found.items())
        ]

    def variants(self) -> Iterator[Selector]:
        """Each selector the stylesheet declares, and the states it can be in besides."""
        seen: set[str] = set()
        for rule in self.rules:
            base = rule.selector
            if base.last.states & {"disabled", "!enabled"} or any(
                s.startswith("!") for s in base.last.states
            ):
                continue
            extra: list[tuple[str, ...]] = [(), ("hover",)]
            if _focusable(base):
                extra += [("focus",), ("focus", "hover")]
            if is_kind_of(base.last.type, "QAbstractButton") or base.last.sub in (INDICATOR_PARTS):
                extra += [("checked",), ("checked", "focus")]
            if base.last.sub == "item":
                extra += [("selected",), ("selected", "focus")]
            for states in extra:
                variant = base.with_states(*states)
                if variant.text not in seen:
                    seen.add(variant.text)
                    yield variant

    def check_text(self, selector: Selector) -> None:
        if selector.last.sub not in TEXT_PARTS:
            return
        style = computed(self.rules, selector)
        colour = style.get("color") or computed(self.rules, selector.without_sub()).get("color", "")
        if is_colour(colour):
            for background in self.background(selector):
                self.need("text", selector, colour.upper(), background, TEXT)
        own = style.get("background-color", "")
        if not is_colour(own):
            return
        if not selector.last.sub and any(is_kind_of(selector.last.type, t) for t in TEXT_ENTRIES):
            # Without placeholder-text-color Qt draws the hint in the text colour at half
            # strength, whatever the palette says.
            hint = style.get("placeholder-text-color") or (
                mix(colour, own) if is_colour(colour) else ""
            )
            if is_colour(hint):
                self.need("placeholder", selector, hint.upper(), own.upper(), TEXT)
        chosen = style.get("selection-color", "")
        behind = style.get("selection-background-color", "")
        if is_colour(chosen) and is_colour(behind):
            self.need("selected text", selector, chosen.upper(), behind.upper(), TEXT)

    def check_borders(self, selector: Selector) -> None:
        style = computed(self.rules, selector)
        if not _is_control(selector):
            return
        for colour in {e.colour for e in visible_borders(style)}:
            if "focus" in selector.last.states and colour == self.colours["focus"]:
                continue  # the ring itself: ring_problems
            for outside in self.pages(selector):
                self.need("border", selector, colour, outside, NON_TEXT)

    def check_images(self, selector: Selector) -> None:
        if selector.last.sub and selector.last.sub not in IMAGE_PARTS:
            return
        style = computed(self.rules, selector)
        for colour in image_colours(style):
            for background in self.background(selector):
                self.need("image", selector, colour, background, NON_TEXT)

    def ring_problems(self, selector: Selector) -> list[str]:
        """What is wrong with the focus ring ``selector`` shows when it has focus."""
        focused = selector.with_states("focus")
        edges = visible_borders(computed(self.rules, focused))
        unfocused = {e.side: e.colour for e in visible_borders(computed(self.rules, selector))}
        problems = []
        if {e.side for e in edges} != {"top", "right", "bottom", "left"}:
            problems.append(
                f"{focused.text}: no ring all round (only {sorted(e.side for e in edges)})"
            )
        if any(e.width < 2 for e in edges):
            problems.append(f"{focused.text}: a ring thinner than 2px")
        if any(unfocused.get(e.side) == e.colour for e in edges):
            problems.append(f"{focused.text}: looks the same unfocused")
        neighbours = dict.fromkeys(self.background(focused) + self.pages(focused))
        for colour in {e.colour for e in edges}:
            ratio, neighbour = min((contrast(colour, n), n) for n in neighbours)
            if ratio < NON_TEXT:
                problems.append(
                    f"{focused.text}: ring {colour} next to {neighbour} is {ratio:.2f}:1"
                )
        return problems

    def run(self) -> list[str]:
        for selector in self.variants():
            self.check_text(selector)
            self.check_borders(selector)
            self.check_images(selector)
        return self.failures


def _stylesheet(name: str) -> tuple[str, dict[str, str]]:
    chosen = theme.load_theme(name)
    return theme.stylesheet(chosen), chosen.colors


# --- The checker itself ------------------------------------------------------------------------


def test_the_contrast_formula_matches_wcag() -> None:
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)  # the known edge
    assert contrast("#777777", "#FFFFFF") < TEXT  # one step lighter fails


def test_the_audit_catches_a_faint_label_and_a_ring_hidden_by_a_named_rule(
    qapp: QApplication,
) -> None:
    colours = theme.load_theme("light").colors
    grey_icon = (Path(__file__).parents[2] / "resources" / "icons" / "check.svg").as_posix()
    bad = """
    QWidget { color: #24302D; }
    QLabel#faint { color: #999999; background: #FFFFFF; }
    QLineEdit { border: 1px solid #D5DCD9; background: #FFFFFF; }
    QPushButton:focus { border: 2px solid #111111; }
    QPushButton#quiet { border: 1px solid #6F7C78; }
    QCheckBox::indicator:checked { image: url(GREY_ICON); }
    """.replace("GREY_ICON", grey_icon)
    audit = Audit(bad, colours)
    failures = audit.run()
    assert any(f.startswith("text #999999 on #FFFFFF") and "QLabel#faint" in f for f in failures)
    assert any(f.startswith("border #D5DCD9") and "QLineEdit" in f for f in failures)
    assert audit.ring_problems(parse_selector("QPushButton#quiet"))
    assert not audit.ring_problems(parse_selector("QPushButton"))
    # An indicator's image drawn in the neutral grey on a dark fill would not show.
    dark_fill = Audit(bad.replace("checked {", "checked { background: #2F2F2F;"), colours)
    assert any("image #5F6B68" in f for f in dark_fill.run())


def test_the_cascade_resolves_like_qt() -> None:
    rules = parse("""
    QPushButton { border: 1px solid #111111; color: #222222; }
    QPushButton:focus { border: 2px solid #333333; }
    QPushButton#primary { border: 1px solid #444444; }
    QPushButton#primary:focus { border-color: #555555; }
    QWidget:disabled { color: #666666; }
    """)
    focused = computed(rules, parse_selector("QPushButton#primary:focus"))
    assert focused["border-top-color"] == "#555555" and focused["border-top-width"] == "1"
    assert computed(rules, parse_selector("QPushButton:focus"))["border-left-width"] == "2"
    assert computed(rules, parse_selector("QPushButton:disabled"))["color"] == "#666666"
    assert "color" not in computed(rules, parse_selector("QLabel"))


# --- The themes --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", THEMES)
def test_every_pair_the_stylesheet_uses_meets_wcag_aa(qapp: QApplication, name: str) -> None:
    stylesheet, colours = _stylesheet(name)
    unfilled = re.findall(r"\{\w+\}", re.sub(r"/\*.*?\*/", "", stylesheet, flags=re.S))
    assert unfilled == [], "tokens the theme does not fill"
    failures = Audit(stylesheet, colours).run()
    assert failures == [], "\n".join(failures)


@pytest.mark.parametrize("name", THEMES)
def test_the_palette_meets_wcag_aa(qapp: QApplication, name: str) -> None:
    chosen = theme.load_theme(name)
    palette = theme.palette(chosen)
    role = QPalette.ColorRole
    pairs = [
        (role.Text, role.Base),
        (role.Text, role.AlternateBase),
        (role.WindowText, role.Window),
        (role.PlaceholderText, role.Base),
        (role.ButtonText, role.Button),
        (role.HighlightedText, role.Highlight),
        (role.Link, role.Base),
        (role.Link, role.Window),
        (role.ToolTipText, role.ToolTipBase),
    ]
    failures = []
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for fore, back in pairs:
            first, second = (palette.color(group, r).name().upper() for r in (fore, back))
            ratio = contrast(first, second)
            if ratio < TEXT:
                failures.append(
                    f"{group.name} {fore.name} {first} on {back.name} {second}: {ratio:.2f}"
                )
    assert failures == [], "\n".join(failures)
    # Disabled text is exempt, but it must look dimmer than the text it stands for.
    base = palette.color(QPalette.ColorGroup.Active, role.Base).name()
    for fore in (role.Text, role.ButtonText, role.WindowText):
        assert contrast(palette.color(QPalette.ColorGroup.Disabled, fore).name(), base) < (
            contrast(palette.color(QPalette.ColorGroup.Active, fore).name(), base) * 0.75
        )


@pytest.mark.parametrize("name", THEMES)
def test_the_colours_painting_code_draws_with_meet_wcag_aa(name: str) -> None:
    """The journal and circle lists and the mood charts paint with these tokens themselves."""
    colours = theme.load_theme(name).colors
    text_pairs = [
        ("text", "surface"),
        ("text", "selection"),
        ("text", "surface_alt"),
        ("muted", "surface"),
        ("muted", "selection"),
        ("muted", "surface_alt"),
        ("muted", "window"),
        ("text", "window"),
    ]
    graphic_pairs = [
        ("focus", "surface"),
        ("focus", "selection"),
        ("focus", "surface_alt"),
        ("accent", "surface"),
        ("accent", "selection"),
        ("icon", "surface"),
        ("icon", "window"),
        ("icon", "sidebar"),
        ("danger", "surface_alt"),
        ("accent", "surface_alt"),
        ("control", "surface"),
    ]
    failures = [
        f"{fore} on {back}: {contrast(colours[fore], colours[back]):.2f}"
        for pairs, minimum in ((text_pairs, TEXT), (graphic_pairs, NON_TEXT))
        for fore, back in pairs
        if contrast(colours[fore], colours[back]) < minimum
    ]
    assert failures == [], "\n".join(failures)


def test_html_the_ui_writes_takes_its_colours_from_the_theme() -> None:
    """Rich text (the help panel, a person's details) is not styled by app.qss: a colour
    written into it by name ("gray": 3.9:1 on white, 2.5:1 on the dark surface) escapes every
    check above, so none may be. Fixed hex colours are for the printed documents (the
    recovery kit, the journal PDF), always on white paper: there they must meet AA."""
    ui = Path(theme.__file__).parent
    written = re.compile(r"color\s*:\s*([a-z]+|#[0-9a-f]{6})\b", re.IGNORECASE)
    found = []
    for path in sorted(ui.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in written.finditer(line):
                colour = match.group(1)
                if not colour.startswith("#") or contrast(colour, "#FFFFFF") < TEXT:
                    found.append(f"{path.relative_to(ui)}:{number}: {colour}")
    assert found == []


@pytest.mark.parametrize("name", THEMES)
def test_the_help_panels_detail_text_meets_wcag_aa(qapp: QApplication, name: str) -> None:
    from carecompanion.ui.people.help_dialog import _gray

    chosen = theme.load_theme(name)
    theme.use(chosen)
    try:
        colour = re.search(r"color:(#[0-9A-Fa-f]{6})", _gray("24/7"))
    finally:
        theme.use(theme.load_theme("light"))
    assert colour is not None
    assert contrast(colour.group(1), chosen.colors["surface"]) >= TEXT


def test_item_view_check_boxes_fit_the_rows_qt_sizes_for_them(qapp: QApplication) -> None:
    """Item views size a row for a 14px box; a bigger styled box cut the check-in's words to
    "A w…". The box stays at 14px with its border."""
    rules = parse(theme.stylesheet(theme.load_theme("light")))
    for state in ((), ("checked",)):
        style = computed(rules, parse_selector("QListView#choices::indicator").with_states(*state))
        border = sum(int(style.get(f"border-{s}-width", "0")) for s in ("left", "right"))
        assert int(style["width"].removesuffix("px")) + border <= 14


# --- Focus on every control the app uses -------------------------------------------------------


def ui_widget_classes() -> set[str]:
    """The Qt widget classes src/carecompanion/ui makes or derives from."""
    names: set[str] = set()
    for path in UI.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        names |= set(re.findall(r"\b(Q[A-Z]\w+)\(", text))  # made: QLineEdit(...)
        names |= set(re.findall(r"^class \w+\((Q[A-Z]\w+)", text, re.M))  # derived from
    return {n for n in names if (cls := widget_class(n)) is not None and issubclass(cls, QWidget)}


def test_the_list_of_controls_is_derived_from_the_ui(qapp: QApplication) -> None:
    used = {n for n in ui_widget_classes() if takes_focus(n)}
    assert {"QPushButton", "QLineEdit", "QDateTimeEdit", "QCheckBox", "QListView"} <= used


@pytest.mark.parametrize("name", THEMES)
def test_every_focusable_control_the_ui_uses_shows_a_focus_ring(
    qapp: QApplication, name: str
) -> None:
    audit = Audit(*_stylesheet(name))
    targets = {FOCUS_PART.get(n, n) for n in ui_widget_classes() if takes_focus(n)}
    # Every #name, [property], "inside X" or :checked rule for a focusable widget could hide
    # the ring: each must still show it when focused.
    for rule in audit.rules:
        chosen = rule.selector
        if chosen.last.states <= RING_STATES and (
            (takes_focus(chosen.last.type) and not chosen.last.sub) or chosen.last.sub == "tab"
        ):
            targets.add(chosen.text)
    problems = []
    for target in sorted(targets):
        selector = parse_selector(target)
        if selector.last.id in FOCUS_ON_ITEMS and not selector.last.sub:
            selector = parse_selector(f"{target}::item")
            problems += audit.ring_problems(selector.with_states("selected"))
        problems += audit.ring_problems(selector)
    assert problems == [], "\n".join(problems)


# --- On real widgets ---------------------------------------------------------------------------


@pytest.fixture(params=THEMES)
def themed(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[theme.Theme]:
    chosen = theme.apply(qapp, request.param)
    yield chosen
    theme.apply(qapp, "light")


def _items_view(view: QAbstractItemView, checkable: bool = False) -> QAbstractItemView:
    model = QStandardItemModel(view)
    for word in ("Walk", "Music", "Friends"):
        item = QStandardItem(word)
        item.setCheckable(checkable)
        model.appendRow(item)
    view.setModel(model)
    view.setCurrentIndex(model.index(0, 0))
    return view


def _named(widget: QWidget, name: str) -> QWidget:
    widget.setObjectName(name)
    return widget


def _tool(text: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    return button


def _checked(button: QToolButton | QPushButton) -> QWidget:
    button.setCheckable(True)
    button.setChecked(True)
    return button


def _date_time_edit() -> QWidget:
    edit = QDateTimeEdit(QDateTime(QDate(2024, 5, 3).startOfDay()))
    edit.setCalendarPopup(True)
    return edit


def _navigation() -> QWidget:
    view = QListView()
    view.setObjectName("navigation")
    model = QStringListModel(["Journal", "Mood", "People"], view)
    view.setModel(model)
    view.setCurrentIndex(model.index(1, 0))
    return view


FOCUS_CASES: dict[str, Callable[[], QWidget]] = {
    "QPushButton": lambda: QPushButton("Save"),
    "QPushButton#primary": lambda: _named(QPushButton("Continue"), "primary"),
    "QPushButton#link": lambda: _named(QPushButton("Use the recovery key"), "link"),
    "QPushButton#sidebarButton": lambda: _named(QPushButton("Settings"), "sidebarButton"),
    "QPushButton#helpButton": lambda: _named(QPushButton("Need help now"), "helpButton"),
    "QPushButton#moodChoice": lambda: _named(QPushButton("Good"), "moodChoice"),
    "QToolButton#moodChoice:checked": lambda: _named(_checked(_tool("good")), "moodChoice"),
    "QPushButton:checked": lambda: _checked(QPushButton("Show as a table")),
    "QPushButton#reaction": lambda: _named(QPushButton("Thank you"), "reaction"),
    "QToolButton": lambda: _tool("Filters"),
    "QToolButton#primaryTool": lambda: _named(_tool("New entry"), "primaryTool"),
    "QToolButton#favourite": lambda: _named(_tool("☆"), "favourite"),
    "QLineEdit": lambda: QLineEdit("Anna"),
    "QLineEdit#entryTitle": lambda: _named(QLineEdit("A good day"), "entryTitle"),
    "QTextEdit#entryBody": lambda: _named(QTextEdit("We walked."), "entryBody"),
    "QTextBrowser": lambda: QTextBrowser(),
    "QPlainTextEdit": lambda: QPlainTextEdit("A note"),
    "QSpinBox": lambda: QSpinBox(),
    "QDoubleSpinBox": lambda: QDoubleSpinBox(),
    "QDateEdit": lambda: QDateEdit(QDate(2024, 5, 3)),
    "QTimeEdit": lambda: QTimeEdit(),
    "QDateTimeEdit": _date_time_edit,
    "QComboBox": lambda: _combo(),
    "QCheckBox": lambda: QCheckBox("I have printed my recovery key"),
    "QRadioButton": lambda: QRadioButton("Member cards"),
    "QListView": lambda: _items_view(QListView()),
    "QListView#entries": lambda: _named(_items_view(QListView()), "entries"),
    "QListView#choices": lambda: _named(_items_view(QListView(), checkable=True), "choices"),
    "QListView#circles": lambda: _named(_items_view(QListView()), "circles"),
    "QListView#attachments": lambda: _named(_items_view(QListView()), "attachments"),
    "QListView#navigation": _navigation,
    "QTableView": lambda: _items_view(QTableView()),
    "QTabWidget": lambda: _tabs(),
    "QCalendarWidget": lambda: QCalendarWidget(),
    "QScrollArea": lambda: QScrollArea(),
}


def _combo() -> QWidget:
    combo = QComboBox()
    combo.addItems(["Light", "Dark"])
    return combo


def _tabs() -> QWidget:
    tabs = QTabWidget()
    tabs.addTab(QWidget(), "Trend")
    tabs.addTab(QWidget(), "Year")
    return tabs


def _count(image: QImage, colour: QColor, area: QRect) -> int:
    wanted = colour.rgb()
    return sum(
        1
        for x in range(area.left(), area.right() + 1)
        for y in range(area.top(), area.bottom() + 1)
        if image.pixel(x, y) == wanted
    )


def _focus_within(control: QWidget) -> bool:
    focused = QApplication.focusWidget()
    return focused is not None and (focused is control or control.isAncestorOf(focused))


def _ring_area(widget: QWidget) -> tuple[QWidget, QRect]:
    """The widget that draws the ring and where: a tab, a sidebar item, or the whole control."""
    if isinstance(widget, QTabWidget):
        bar = widget.tabBar()
        return bar, bar.tabRect(bar.currentIndex())
    if widget.objectName() in FOCUS_ON_ITEMS and isinstance(widget, QAbstractItemView):
        return widget.viewport(), widget.visualRect(widget.currentIndex())
    return widget, widget.rect()


@pytest.mark.parametrize("case", sorted(FOCUS_CASES))
def test_each_control_draws_a_visible_ring_when_focused(
    qtbot: QtBot, themed: theme.Theme, case: str
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    before = QPushButton("Before")
    control = FOCUS_CASES[case]()
    control.setFixedWidth(320)
    layout.addWidget(before)
    layout.addWidget(control)
    activate(qtbot, window)
    before.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(before.hasFocus)
    painter, area = _ring_area(control)
    unfocused = painter.grab().toImage()
    control.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: _focus_within(control))
    focused = painter.grab().toImage()
    ring = themed.color("focus")
    drawn = _count(focused, ring, area) - _count(unfocused, ring, area)
    perimeter = 2 * (area.width() + area.height())
    assert focused != unfocused, f"{case} looks the same with and without focus"
    assert drawn >= perimeter, (
        f"{case}: {drawn} ring pixels for a perimeter of {perimeter}: less than a 2px ring"
    )


@pytest.mark.parametrize("name", ["", "primary", "link", "helpButton"])
def test_a_disabled_button_looks_disabled(qtbot: QtBot, themed: theme.Theme, name: str) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    enabled, disabled = QPushButton("Continue"), QPushButton("Continue")
    for button in (enabled, disabled):
        button.setObjectName(name)
        button.setFixedSize(200, 44)
        layout.addWidget(button)
    disabled.setEnabled(False)
    activate(qtbot, window)
    page = window.grab().toImage()
    on, off = (page.copy(b.geometry()) for b in (enabled, disabled))
    assert on != off

    def strongest(image: QImage, against: str) -> float:
        colours = {
            image.pixelColor(x, y).name()
            for x in range(image.width())
            for y in range(image.height())
        }
        return max(contrast(c, against) for c in colours)

    window_colour = themed.colors["window"]
    # No fill: the middle of the disabled button, away from its words, is the window itself.
    assert off.pixelColor(6, off.height() // 2).name().upper() == window_colour.upper()
    # Dimmer, and without the enabled border's strength.
    assert strongest(off, window_colour) < 0.6 * strongest(on, window_colour)
    assert strongest(off, window_colour) >= 2.5  # still legible


@pytest.mark.parametrize("name", THEMES)
def test_a_focused_list_row_has_a_two_pixel_ring(qapp: QApplication, name: str) -> None:
    """The journal's and the circle's rows paint their own card: its focus ring must be as
    thick as every other control's (it was 1 px)."""
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    from carecompanion.ui.common.row_card import paint_row_card

    chosen = theme.load_theme(name)
    theme.use(chosen)
    try:
        image = QImage(200, 60, QImage.Format.Format_ARGB32)
        image.fill(QColor(chosen.colors["surface"]))
        option = QStyleOptionViewItem()
        option.rect = QRect(0, 0, 200, 60)
        option.state = QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_Selected
        painter = QPainter(image)
        paint_row_card(painter, option)
        painter.end()
    finally:
        theme.use(theme.load_theme("light"))
    focus = QColor(chosen.colors["focus"])
    ring = [x for x in range(30) if _close(image.pixelColor(x, 30), focus)]
    assert len(ring) >= 2, ring


def _close(a: QColor, b: QColor, tolerance: int = 40) -> bool:
    return all(
        abs(x - y) <= tolerance
        for x, y in ((a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue()))
    )
