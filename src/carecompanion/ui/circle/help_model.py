"""The Help tab's rows and words: the circle's help calendar (``helping.HelpBoard``) as a list
model, grouped the way a tired person reads it (issue 18): open requests first, then what is
covered and by whom, then what I said I would do; requests that are over or cancelled fold
away unless asked for.

Every rule about state (who covers a slot, when it is open) is the core's (``circle.help``);
this module only sorts the core's answers into sections and says them in words. Times are
shown on the reader's clock, with the slot's own clock noted when it differs ("15:00–18:00
(14:00–17:00 London time)"), the way journal entries note theirs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any, Final

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from carecompanion.circle.help import HelpOffer, HelpRequest
from carecompanion.circle.help_news import HelpNews
from carecompanion.circle.helping import HelpBoard
from carecompanion.localtime import zone_place
from carecompanion.ui.circle.models import author_words
from carecompanion.ui.common.i18n import format_when
from carecompanion.ui.common.rows_model import RowsModel

translate = QCoreApplication.translate  # lupdate reads translate("Context", "...")

HELP_ROW_ROLE = Qt.ItemDataRole.UserRole + 60
OFFER_ROLE = Qt.ItemDataRole.UserRole + 61

#: The sections, in the order the tab shows them.
SECTIONS: Final = ("open", "covered", "promised", "past")


@dataclass(frozen=True)
class HelpView:
    """What the tab shows for one circle, read in the background: the board, and what this
    member may do in it (ask: owner, admins, members; offer: those and helpers)."""

    board: HelpBoard
    can_ask: bool
    can_offer: bool


def section_of(request: HelpRequest, me: str) -> str:
    """Which section a request is listed under, for ``me``: each request shows once."""
    if request.state in ("cancelled", "closed"):
        return "past"
    if me in request.covered_by:
        return "promised"
    return "open" if request.state == "open" else "covered"


def section_title(section: str) -> str:
    return {
        "open": translate("HelpWords", "Open requests"),
        "covered": translate("HelpWords", "Covered"),
        "promised": translate("HelpWords", "What I said I would do"),
        "past": translate("HelpWords", "Past and cancelled"),
    }[section]


@dataclass(frozen=True)
class HelpRow:
    """One request in the list; the first of each section carries the section's heading."""

    request: HelpRequest
    section: str
    heading: str = ""


def help_rows(board: HelpBoard, show_past: bool) -> list[HelpRow]:
    """The board's requests in sections, each soonest first (past ones: latest first)."""
    grouped: dict[str, list[HelpRequest]] = {section: [] for section in SECTIONS}
    for request in board.requests:
        grouped[section_of(request, board.me)].append(request)
    grouped["past"].reverse()
    rows: list[HelpRow] = []
    for section in SECTIONS:
        if section == "past" and not show_past:
            continue
        for number, request in enumerate(grouped[section]):
            heading = section_title(section) if number == 0 else ""
            rows.append(HelpRow(request, section, heading))
    return rows


def past_count(board: HelpBoard) -> int:
    return sum(1 for request in board.requests if section_of(request, board.me) == "past")


# -- words ---------------------------------------------------------------------------------
def _on_clock(at: datetime, reader: tzinfo | None) -> datetime:
    """``at`` on the reader's clock (None: this computer's), as a naive wall time."""
    local = at.astimezone(reader) if reader is not None else at.astimezone()
    return local.replace(tzinfo=None)


def _span(start: datetime, end: datetime, with_day: bool) -> str:
    """ "Thu 3 Dec, 14:00–17:00"; an overnight slot names both days."""
    if start.date() != end.date():
        return translate("HelpWords", "{start} – {end}").format(
            start=format_when(start, "short_day_time"), end=format_when(end, "short_day_time")
        )
    times = "{}–{}".format(format_when(start, "time"), format_when(end, "time"))
    if not with_day:
        return times
    return translate("HelpWords", "{day}, {times}").format(
        day=format_when(start, "short_day"), times=times
    )


def slot_when(request: HelpRequest, reader: tzinfo | None = None) -> str:
    """When the slot is, on the reader's clock; its own clock noted when that differs."""
    start, end = _on_clock(request.start, reader), _on_clock(request.end, reader)
    here = _span(start, end, True)
    if not request.zone_known:
        return translate("HelpWords", "{when} (read as UTC: {zone} is not known here)").format(
            when=here, zone=request.zone
        )
    there_start = request.start.replace(tzinfo=None)
    there_end = request.end.replace(tzinfo=None)
    if (there_start, there_end) == (start, end):
        return here
    there = _span(there_start, there_end, there_start.date() != start.date())
    return translate("HelpWords", "{here} ({there} {place} time)").format(
        here=here, there=there, place=zone_place(request.zone)
    )


def short_when(request: HelpRequest, reader: tzinfo | None = None) -> str:
    """The slot's day on the reader's clock, for a notice: "Thu 3 Dec"."""
    return format_when(_on_clock(request.start, reader), "short_day")


def person(board: HelpBoard, fingerprint: str, former: bool = False, first: bool = True) -> str:
    """A member as the circle shows them ("Ana (former member)"); "You" for this member
    ("you" when not ``first`` in a sentence)."""
    if fingerprint == board.me:
        return translate("HelpWords", "You") if first else translate("HelpWords", "you")
    return author_words(fingerprint, board.name(fingerprint), former, board.names)


def needed_words(count: int) -> str:
    return (
        translate("HelpWords", "1 person needed")
        if count == 1
        else translate("HelpWords", "{count} people needed").format(count=count)
    )


def state_words(board: HelpBoard, request: HelpRequest) -> str:
    """Where the request stands, from this member's side."""
    if request.state == "cancelled":
        return translate("HelpWords", "Cancelled")
    if request.state == "closed":
        return translate("HelpWords", "Over")
    covering = ", ".join(person(board, fp, first=False) for fp in request.covered_by)
    if request.state == "covered":
        return translate("HelpWords", "Covered by {names}").format(names=covering)
    left = request.places_left
    words = (
        translate("HelpWords", "Needs 1 more person")
        if left == 1
        else translate("HelpWords", "Needs {count} more people").format(count=left)
    )
    if covering:
        words += " · " + translate("HelpWords", "Covered by {names}").format(names=covering)
    waiting = [o for o in request.offers if o.state == "offered"]
    mine = next((o for o in waiting if o.by == board.me), None)
    if mine is not None:
        words += " · " + translate("HelpWords", "You offered")
    elif waiting and request.by == board.me:
        words += " · " + (
            translate("HelpWords", "1 offer to confirm")
            if len(waiting) == 1
            else translate("HelpWords", "{count} offers to confirm").format(count=len(waiting))
        )
    elif waiting:
        words += " · " + (
            translate("HelpWords", "1 person offered")
            if len(waiting) == 1
            else translate("HelpWords", "{count} people offered").format(count=len(waiting))
        )
    return words


def asked_words(board: HelpBoard, request: HelpRequest) -> str:
    """Who asked, where, and how many people: "Asked by Maya · at home · 1 person needed"."""
    parts = [
        translate("HelpWords", "Asked by {name}").format(
            name=person(board, request.by, request.former_member, first=False)
        )
    ]
    if request.where:
        parts.append(request.where)
    parts.append(needed_words(request.needed))
    return " · ".join(parts)


def offer_state_words(offer: HelpOffer) -> str:
    return {
        "offered": translate("HelpWords", "offered"),
        "confirmed": translate("HelpWords", "confirmed"),
        "withdrawn": translate("HelpWords", "withdrew"),
        "released": translate("HelpWords", "thanked, not needed"),
    }.get(offer.state, offer.state)


def offer_words(board: HelpBoard, offer: HelpOffer) -> str:
    """ "Jordan · offered\n“I can bring soup”": who, where it stands, what they said."""
    line = f"{person(board, offer.by, offer.former_member)} · {offer_state_words(offer)}"
    said = offer.reason if offer.state == "withdrawn" else offer.note
    return f"{line}\n“{said}”" if said else line


# -- models ----------------------------------------------------------------------------------
class HelpListModel(RowsModel[HelpRow]):
    """The requests, in sections (see :func:`help_rows`); the delegate paints each."""

    def __init__(self) -> None:
        super().__init__()
        self.board: HelpBoard | None = None
        #: The reader's clock (None: this computer's); tests and screenshots fix it.
        self.reader: tzinfo | None = None

    def show_board(self, board: HelpBoard | None, show_past: bool) -> None:
        self.board = board
        self.set_rows(help_rows(board, show_past) if board is not None else [])

    def row_of(self, request_id: str) -> int:
        return self.row_where(lambda row: row.request.id == request_id)

    def request_at(self, index: QModelIndex | QPersistentModelIndex) -> HelpRequest | None:
        row = self.value_at(index)
        return row.request if row is not None else None

    def lines(self, row: HelpRow) -> tuple[str, str, str, str]:
        """What the delegate draws: what, when, who asked, where it stands."""
        board = self.board
        assert board is not None
        request = row.request
        return (
            request.what,
            slot_when(request, self.reader),
            asked_words(board, request),
            state_words(board, request),
        )

    def row_data(self, row: HelpRow, role: int) -> Any:
        if self.board is None:
            return None
        if role == HELP_ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return row.request.what
        if role == Qt.ItemDataRole.AccessibleTextRole:
            parts = list(self.lines(row))
            if row.heading:
                parts.insert(0, row.heading)
            return ", ".join(parts)
        return None


class OfferListModel(RowsModel[HelpOffer]):
    """The offers on one request, as the request's panel lists them."""

    def __init__(self) -> None:
        super().__init__()
        self.board: HelpBoard | None = None

    def show_offers(self, board: HelpBoard | None, request: HelpRequest | None) -> None:
        self.board = board
        self.set_rows(request.offers if request is not None else ())

    def row_data(self, offer: HelpOffer, role: int) -> Any:
        if self.board is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return offer_words(self.board, offer)
        if role == OFFER_ROLE:
            return offer
        return None


# -- notices ---------------------------------------------------------------------------------
def notice_line(news: HelpNews, reader: tzinfo | None = None) -> str:
    """One change for a tray notice: who did what and which day, never what the help is for
    nor who (a notice can be read by anyone near the screen)."""
    day = format_when(_on_clock(news.start, reader), "short_day")
    return {
        "offered": translate("HelpWords", "Someone offered to help on {day}."),
        "withdrawn": translate("HelpWords", "Someone who was coming on {day} can no longer come."),
        "confirmed": translate("HelpWords", "Your offer to help on {day} was confirmed."),
        "cancelled": translate(
            "HelpWords", "A request you offered to help with on {day} was cancelled."
        ),
    }[news.kind].format(day=day)


def notice_text(news: list[HelpNews], reader: tzinfo | None = None, most: int = 3) -> str:
    """Several changes in one notice: the first few, then how many more."""
    lines = [notice_line(item, reader) for item in news[:most]]
    if len(news) > most:
        lines.append(
            translate(
                "HelpWords", "And {count} more changes in the circle's help calendar."
            ).format(count=len(news) - most)
        )
    return "\n".join(lines)


# -- the sidebar -----------------------------------------------------------------------------
SIDEBAR_WHAT_CHARS = 60


def _short(text: str, most: int = SIDEBAR_WHAT_CHARS) -> str:
    """A request's words cut to fit a few lines of the narrow sidebar."""
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def coming_words(board: HelpBoard, request: HelpRequest, reader: tzinfo | None = None) -> str:
    """The next thing someone is doing for me: "Help coming:\nThu 5 Mar, 14:00\nBea: Sit with
    Mum" (the sidebar is inside the unlocked app)."""
    names = ", ".join(board.name(fp) for fp in request.covered_by)
    return translate("HelpWords", "Help coming:\n{when}\n{names}: {what}").format(
        when=format_when(_on_clock(request.start, reader), "short_day_time"),
        names=names,
        what=_short(request.what),
    )


def promised_words(request: HelpRequest, reader: tzinfo | None = None) -> str:
    """The next thing I promised: "You said you would help:\nThu 5 Mar, 14:00\nSit with Mum"."""
    return translate("HelpWords", "You said you would help:\n{when}\n{what}").format(
        when=format_when(_on_clock(request.start, reader), "short_day_time"),
        what=_short(request.what),
    )
