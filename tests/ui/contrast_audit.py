"""WCAG contrast arithmetic and a small Qt-stylesheet cascade, for tests/ui/test_contrast.py.

The cascade answers "what does this widget, in this state, get from the stylesheet?" the way Qt
does: every rule whose selector matches (same sub-control, a type the widget is or inherits from,
the same #name or none, a subset of its states and attributes, a subset of its ancestors) counts,
the most specific last and, at equal specificity, the later one. That is enough to catch a
``QPushButton#name`` rule quietly winning over ``QPushButton:focus``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PySide6 import QtCharts, QtWidgets

SIDES = ("top", "right", "bottom", "left")
_COMPOUND = re.compile(
    r"^(?P<type>\*|[A-Za-z_]\w*)?(?P<id>#[\w-]+)?(?P<attrs>(?:\[[^\]]+\])*)"
    r"(?P<states>(?::!?[\w-]+)*)(?P<sub>::[\w-]+)?(?P<substates>(?::!?[\w-]+)*)$"
)
_HEX = re.compile(r"#[0-9A-Fa-f]{6}\b|#[0-9A-Fa-f]{3}\b")
_URL = re.compile(r"url\(([^)]+)\)")


# --- WCAG 2.2 relative luminance and contrast ratio ------------------------------------------


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """Relative luminance of an opaque ``#RRGGBB`` (or ``#RGB``) colour."""
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    red, green, blue = (int(digits[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def mix(colour: str | None, background: str | None, alpha: float = 128 / 255) -> str:
    """``colour`` drawn at ``alpha`` over ``background``, as the opaque colour one sees."""
    assert colour is not None and background is not None

    def channels(value: str) -> list[int]:
        digits = value.lstrip("#")
        return [int(digits[i : i + 2], 16) for i in (0, 2, 4)]

    blended = [
        round(a * alpha + b * (1 - alpha))
        for a, b in zip(channels(colour), channels(background), strict=True)
    ]
    return "#" + "".join(f"{c:02X}" for c in blended)


def is_colour(value: str | None) -> bool:
    return value is not None and _HEX.fullmatch(value.strip()) is not None


# --- Selectors ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Compound:
    type: str  # "" for any
    id: str  # "" for any
    attrs: frozenset[str]
    states: frozenset[str]  # pseudo-states, of the widget or of its sub-control
    sub: str  # "" for the widget itself

    @property
    def specificity(self) -> tuple[int, int, int]:
        return (
            1 if self.id else 0,
            len(self.attrs) + len(self.states),
            (1 if self.type and self.type != "*" else 0) + (1 if self.sub else 0),
        )


@dataclass(frozen=True)
class Selector:
    ancestors: tuple[Compound, ...]
    last: Compound
    text: str

    @property
    def specificity(self) -> tuple[int, int, int]:
        parts = [c.specificity for c in (*self.ancestors, self.last)]
        return (sum(p[0] for p in parts), sum(p[1] for p in parts), sum(p[2] for p in parts))

    def with_states(self, *states: str) -> Selector:
        last = Compound(
            self.last.type,
            self.last.id,
            self.last.attrs,
            self.last.states | set(states),
            self.last.sub,
        )
        return Selector(self.ancestors, last, describe(self.ancestors, last))

    def without_sub(self) -> Selector:
        last = Compound(self.last.type, self.last.id, self.last.attrs, frozenset(), "")
        return Selector(self.ancestors, last, describe(self.ancestors, last))


def describe(ancestors: tuple[Compound, ...], last: Compound) -> str:
    def one(c: Compound) -> str:
        states = "".join(f":{s}" for s in sorted(c.states))
        return (
            c.type
            + (f"#{c.id}" if c.id else "")
            + "".join(sorted(c.attrs))
            + (f"::{c.sub}{states}" if c.sub else states)
        )

    return " ".join(one(c) for c in (*ancestors, last))


def parse_compound(text: str) -> Compound:
    match = _COMPOUND.match(text)
    if match is None:
        raise ValueError(f"a selector this audit does not understand: {text!r}")
    states = {s for s in match["states"].split(":") if s}
    states |= {s for s in match["substates"].split(":") if s}
    return Compound(
        match["type"] or "",
        (match["id"] or "").lstrip("#"),
        frozenset(re.findall(r"\[[^\]]+\]", match["attrs"])),
        frozenset(states),
        (match["sub"] or "").lstrip(":"),
    )


def parse_selector(text: str) -> Selector:
    parts = text.replace(">", " ").split()
    compounds = tuple(parse_compound(p) for p in parts)
    return Selector(compounds[:-1], compounds[-1], " ".join(parts))


@dataclass(frozen=True)
class Rule:
    selector: Selector
    declarations: tuple[tuple[str, str], ...]
    order: int


def parse(stylesheet: str) -> list[Rule]:
    text = re.sub(r"/\*.*?\*/", "", stylesheet, flags=re.S)
    rules: list[Rule] = []
    for match in re.finditer(r"([^{}]+)\{([^{}]*)\}", text):
        declarations = tuple(
            (name.strip().lower(), value.strip())
            for name, _, value in (d.partition(":") for d in match[2].split(";") if d.strip())
        )
        for selector in match[1].split(","):
            if selector.strip():
                rules.append(Rule(parse_selector(selector.strip()), declarations, len(rules)))
    return rules


# --- Widget classes ----------------------------------------------------------------------------


@cache
def widget_class(name: str) -> type | None:
    found = getattr(QtWidgets, name, None) or getattr(QtCharts, name, None)
    return found if isinstance(found, type) else None


def is_kind_of(name: str, base: str) -> bool:
    """``name`` is ``base`` or inherits from it (Qt's type selectors match subclasses)."""
    if not base or base == "*" or name == base:
        return True
    cls, parent = widget_class(name), widget_class(base)
    return cls is not None and parent is not None and issubclass(cls, parent)


def _compound_matches(rule: Compound, target: Compound) -> bool:
    return (
        is_kind_of(target.type, rule.type)
        and (not rule.id or rule.id == target.id)
        and rule.attrs <= target.attrs
        and rule.states <= target.states
        and rule.sub == target.sub
    )


def _ancestors_match(rule: tuple[Compound, ...], target: tuple[Compound, ...]) -> bool:
    return all(any(_compound_matches(r, t) for t in target) for r in rule)


def applies(rule: Selector, target: Selector) -> bool:
    return _compound_matches(rule.last, target.last) and _ancestors_match(
        rule.ancestors, target.ancestors
    )


# --- Computed style ----------------------------------------------------------------------------


def _expand(name: str, value: str) -> list[tuple[str, str]]:
    """Shorthands into the long-hand properties the audit reads."""
    if name == "background":
        colour = next((w for w in value.split() if is_colour(w) or w == "transparent"), None)
        return [("background-color", colour)] if colour else []
    side = next((s for s in SIDES if name == f"border-{s}"), None)
    if name == "border" or side:
        sides = (side,) if side else SIDES
        words = value.split()
        if value.strip() == "none":
            return [(f"border-{s}-style", "none") for s in sides]
        width = next((w for w in words if re.fullmatch(r"\d+(px)?", w)), None)
        style = next(
            (w for w in words if w in ("solid", "dashed", "dotted", "double", "none")), None
        )
        colour = next((w for w in words if is_colour(w) or w == "transparent"), None)
        out = []
        for s in sides:
            if width is not None:
                out.append((f"border-{s}-width", width.removesuffix("px")))
            if style is not None:
                out.append((f"border-{s}-style", style))
            if colour is not None:
                out.append((f"border-{s}-color", colour))
        return out
    if name == "border-color":
        return [(f"border-{s}-color", value) for s in SIDES]
    if name == "border-width":
        return [(f"border-{s}-width", value.removesuffix("px")) for s in SIDES]
    if name == "border-style":
        return [(f"border-{s}-style", value) for s in SIDES]
    return [(name, value)]


def computed(rules: list[Rule], target: Selector) -> dict[str, str]:
    """Every property ``target`` ends up with, from the rules that match it."""
    matching = sorted(
        (r for r in rules if applies(r.selector, target)),
        key=lambda r: (r.selector.specificity, r.order),
    )
    style: dict[str, str] = {}
    for rule in matching:
        for name, value in rule.declarations:
            style.update(_expand(name, value))
    return style


@dataclass(frozen=True)
class Edge:
    side: str
    width: int
    style: str
    colour: str


def visible_borders(style: dict[str, str]) -> list[Edge]:
    edges = []
    for side in SIDES:
        border_style = style.get(f"border-{side}-style", "none")
        colour = style.get(f"border-{side}-color", "")
        width = int(style.get(f"border-{side}-width", "0") or 0)
        if border_style not in ("none", "hidden") and width > 0 and is_colour(colour):
            edges.append(Edge(side, width, border_style, colour.upper()))
    return edges


def image_colours(style: dict[str, str]) -> list[str]:
    """The colours an ``image`` or ``qproperty-icon: url(...svg)`` is drawn with (none for a
    raster)."""
    colours: set[str] = set()
    for value in (style.get("image", ""), style.get("qproperty-icon", "")):
        match = _URL.search(value)
        if match is None or not match[1].strip("'\"").endswith(".svg"):
            continue
        svg = Path(match[1].strip("'\"")).read_text(encoding="utf-8")
        colours |= {c.upper() for c in re.findall(r'(?:stroke|fill)="(#[0-9A-Fa-f]{6})"', svg)}
    return sorted(colours)
