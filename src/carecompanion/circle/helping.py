"""Asking for help, offering it, confirming: what this member writes in the help calendar.

Each action signs a record into the vault's copy of the circle at once and marks it "dirty";
the next sync writes it (docs/circle-format.md, "The help calendar"). What the calendar then
shows is worked out from the records by ``help.help_requests``, the same for every member, so
the checks here only keep a person from writing what would count for nothing or surprise
them (offering twice, confirming more people than the slot needs). A retry (the sync after
saving had to wait) finds what was saved and writes nothing twice.

Who may do what: asking, confirming and cancelling are writing (owner, admins, members), and
only the person who asked confirms and cancels; offering is open to helpers too (a role that
offers help and posts nothing else); readers read.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from carecompanion.circle.content import CircleContent
from carecompanion.circle.errors import CircleError, InvalidInput, NotAllowed, RecordNotFound
from carecompanion.circle.help import HelpOffer, HelpRequest, help_requests
from carecompanion.circle.identity_service import IdentityService
from carecompanion.circle.items import new_nonce, record_id
from carecompanion.circle.limits import (
    MAX_HELP_NOTE_CHARS,
    MAX_HELP_PEOPLE,
    MAX_HELP_WHAT_CHARS,
    MAX_HELP_WHERE_CHARS,
    MAX_SERIES_SLOTS,
    MAX_SLOT_DAYS,
)
from carecompanion.circle.names import MemberName, NameBook, display_names
from carecompanion.circle.registry import CircleRegistry
from carecompanion.circle.serial import one_at_a_time
from carecompanion.circle.slots import moment, wall, weekly, zone_known
from carecompanion.circle.writing import RETRY_WINDOW, RecordWriter, sign_record
from carecompanion.clock import Clock
from carecompanion.errors import Sentence

# -- what the help calendar says ------------------------------------------------------------
NO_SUCH_REQUEST = Sentence(
    "circle.help.no_such_request", "There is no request for help with that id in this circle."
)
NO_SUCH_OFFER = Sentence(
    "circle.help.no_such_offer", "There is no offer with that id in this circle."
)
NOT_YOUR_REQUEST = Sentence(
    "circle.help.not_your_request",
    "Only the person who asked for this help can confirm offers, change or cancel it.",
)
NOT_YOUR_OFFER = Sentence("circle.help.not_your_offer", "That offer is someone else's.")
OWN_REQUEST = Sentence(
    "circle.help.own_request", "This is your own request: someone else can offer to cover it."
)
CANNOT_OFFER = Sentence(
    "circle.help.cannot_offer", "You can read this circle but not offer help in it."
)
SLOT_FULL = Sentence(
    "circle.help.slot_full", "This request already has all the people it asked for."
)
NOT_OPEN = Sentence("circle.help.not_open", "This request is over or was cancelled.")
OFFER_WITHDRAWN = Sentence("circle.help.offer_withdrawn", "That offer was withdrawn.")
WHAT_NEEDED = Sentence("circle.help.what_needed", "Say in a few words what help is needed.")
ENDS_BEFORE = Sentence("circle.help.ends_before", "The end must come after the start.")
TOO_LONG_SLOT = Sentence(
    "circle.help.too_long_slot", "One request can last at most {count} days; ask for a series."
)
IN_THE_PAST = Sentence("circle.help.in_the_past", "That time has already passed.")
FAR_AWAY = Sentence("circle.help.far_away", "That date is too far in the future.")
UNKNOWN_ZONE = Sentence(
    "circle.help.unknown_zone", "{zone} is not a time zone this computer knows."
)
PEOPLE_RANGE = Sentence(
    "circle.help.people_range", "The number of people needed is from 1 to {count}."
)
SERIES_RANGE = Sentence(
    "circle.help.series_range", "A series has from 1 to {count} dates, on chosen weekdays."
)
HELP_TOO_LONG = Sentence(
    "circle.help.too_long",
    "That is too long: what is needed has at most {what} characters, where at most {where}, "
    "a note at most {note}.",
)


@dataclass(frozen=True)
class Ask:
    """A request for help as the person gives it: wall-clock times in ``zone`` (a naive
    datetime is a wall time there; an aware one is converted to it)."""

    what: str
    start: datetime
    end: datetime
    zone: str
    needed: int = 1
    where: str = ""
    note: str = ""
    #: Weekday numbers (Monday 0) for a weekly series of ``count`` dates; () for one date.
    weekdays: tuple[int, ...] = ()
    count: int = 1


@dataclass(frozen=True)
class HelpBoard:
    """The circle's help calendar for this member, as ``circle help`` and the Help tab show it."""

    circle_id: str
    me: str
    now: datetime
    requests: list[HelpRequest]
    names: Mapping[str, MemberName] = field(default_factory=dict)

    def name(self, fingerprint: str) -> str:
        member = self.names.get(fingerprint)
        return member.display if member is not None else fingerprint[:8]

    def request(self, request_id: str) -> HelpRequest:
        for request in self.requests:
            if request.id == request_id:
                return request
        raise RecordNotFound(NO_SUCH_REQUEST)

    def offer(self, offer_id: str) -> tuple[HelpRequest, HelpOffer]:
        for request in self.requests:
            found = request.offer(offer_id)
            if found is not None:
                return request, found
        raise RecordNotFound(NO_SUCH_OFFER)

    def promised(self) -> list[HelpRequest]:
        """What I said I would do: requests where my offer is confirmed."""
        return [r for r in self.requests if self.me in r.covered_by]


class CircleHelp:
    def __init__(
        self,
        registry: CircleRegistry,
        writer: RecordWriter,
        identity: IdentityService,
        names: NameBook,
        clock: Clock,
        changes: threading.RLock,
    ) -> None:
        self._registry = registry
        self._writer = writer
        self._identity = identity
        self._names = names
        self._clock = clock
        self.changes = changes

    def board(self, circle_id: str) -> HelpBoard:
        content = self._registry.content(circle_id)
        roster = self._registry.roster(circle_id)
        me = self._identity.identity().fingerprint
        now = self._clock.now()
        names, _warnings = display_names(roster, self._names.known(circle_id), me)
        return HelpBoard(circle_id, me, now, help_requests(content, roster, now), names)

    @one_at_a_time
    def ask(self, circle_id: str, ask: Ask) -> list[str]:
        """Ask for help on one date or a weekly series; the new requests' ids, soonest
        first. The same ask again moments later (a retry) returns the ids already saved."""
        slots = self._slots(ask)
        content = self._writer.writable_copy(circle_id)
        bodies = [_body(ask, start, end) for start, end in slots]
        saved = self._just_asked(content, bodies)
        if saved:
            return saved
        me = self._identity.identity()
        now = self._clock.now()
        first = new_nonce()
        series = record_id(me.fingerprint, first) if len(slots) > 1 else None
        ids = []
        for index, body in enumerate(bodies):
            item = sign_record(
                content,
                me,
                now,
                "request",
                {**body, "series": series},
                nonce=first if index == 0 else None,
            )
            ids.append(str(item.fields["id"]))
        self._registry.store(circle_id, content, dirty=True)
        return ids

    def _just_asked(self, content: CircleContent, bodies: list[dict[str, Any]]) -> list[str]:
        """The ids of the same requests this member saved moments ago (issue 14, finding 11:
        a retry must not ask twice), or []."""
        me = self._identity.identity().fingerprint
        since = self._clock.now() - RETRY_WINDOW
        mine: dict[str | None, list[tuple[str, str]]] = {}
        for item in content.records():
            f = item.fields
            if item.signer != me or f["kind"] != "request" or f["version"] != 1:
                continue
            if datetime.fromisoformat(f["created"].replace("Z", "+00:00")) < since:
                continue
            body = dict(f["content"])
            series = body.pop("series")
            if body in bodies:
                mine.setdefault(series, []).append((body["start"], str(f["id"])))
        for series, found in mine.items():
            if series is None and len(bodies) > 1:
                continue
            if len(found) == len(bodies):
                return [rid for _start, rid in sorted(found)]
        return []

    def _slots(self, ask: Ask) -> list[tuple[str, str]]:
        """The request's slots as wall times, checked: one, or a weekly series."""
        what, where, note = ask.what.strip(), ask.where.strip(), ask.note.strip()
        if not what:
            raise InvalidInput(WHAT_NEEDED)
        if (
            len(what) > MAX_HELP_WHAT_CHARS
            or len(where) > MAX_HELP_WHERE_CHARS
            or len(note) > MAX_HELP_NOTE_CHARS
        ):
            _too_long()
        if not zone_known(ask.zone):
            raise InvalidInput(UNKNOWN_ZONE, zone=ask.zone)
        if not 1 <= ask.needed <= MAX_HELP_PEOPLE:
            raise InvalidInput(PEOPLE_RANGE, count=MAX_HELP_PEOPLE)
        start, end = wall(ask.start, ask.zone), wall(ask.end, ask.zone)
        check_times(start, end, ask.zone, self._clock.now())
        if not ask.weekdays:
            if ask.count != 1:
                raise InvalidInput(SERIES_RANGE, count=MAX_SERIES_SLOTS)
            return [(start, end)]
        if not 1 <= ask.count <= MAX_SERIES_SLOTS:
            raise InvalidInput(SERIES_RANGE, count=MAX_SERIES_SLOTS)
        try:
            slots = weekly(start, end, ask.weekdays, ask.count)
        except OverflowError:  # past 9999-12-31
            raise InvalidInput(FAR_AWAY) from None
        check_times(*slots[-1], ask.zone, self._clock.now())  # the first was checked above
        return slots

    @one_at_a_time
    def edit_request(self, circle_id: str, request_id: str, ask: Ask) -> None:
        """A new version of this member's request, as ``ask`` says (its weekdays and count are
        not used: each date of a series is its own request)."""
        board = self.board(circle_id)
        if self._my_request(board, request_id).state == "cancelled":
            raise CircleError(NOT_OPEN)
        start, end = self._slots(dataclasses.replace(ask, weekdays=(), count=1))[0]
        content = self._writer.writable_copy(circle_id)
        current = content.items[("record", request_id)].fields["content"]
        body = {**_body(ask, start, end), "series": current["series"]}
        if body == current:
            return  # nothing changed (or a retry)
        sign_record(
            content,
            self._identity.identity(),
            self._clock.now(),
            "request",
            body,
            existing=request_id,
        )
        self._registry.store(circle_id, content, dirty=True)

    @one_at_a_time
    def offer(self, circle_id: str, request_id: str, note: str = "") -> str:
        """Offer to cover a request; returns the offer's id (the one already made, if this
        member's offer stands)."""
        board = self.board(circle_id)
        request = board.request(request_id)
        me = board.me
        if request.by == me:
            raise CircleError(OWN_REQUEST)
        if request.state in ("cancelled", "closed"):
            raise CircleError(NOT_OPEN)
        standing = next((o for o in request.offers if o.by == me and o.state != "withdrawn"), None)
        if standing is not None:
            return standing.id
        if request.state == "covered":
            raise CircleError(SLOT_FULL)
        note = _short(note)
        try:
            content = self._writer.writable_copy(circle_id, offer=True)
        except NotAllowed as exc:
            raise NotAllowed(CANNOT_OFFER) from exc
        item = self._writer.new_record(content, "offer", {"note": note}, target=request_id)
        self._registry.store(circle_id, content, dirty=True)
        return str(item.fields["id"])

    @one_at_a_time
    def withdraw_offer(self, circle_id: str, offer_id: str, reason: str = "") -> HelpRequest:
        """Withdraw this member's offer (before or after it was confirmed; after, the slot
        opens again). Returns the request it was for."""
        board = self.board(circle_id)
        request, offer = board.offer(offer_id)
        if offer.by != board.me:
            raise NotAllowed(NOT_YOUR_OFFER)
        if offer.state == "withdrawn":
            return request  # withdrawn already (a retry)
        reason = _short(reason)
        content = self._writer.writable_copy(circle_id, offer=True)
        self._writer.new_record(
            content, "withdrawal", {"reason": reason}, target=request.id, existing=offer_id
        )
        self._registry.store(circle_id, content, dirty=True)
        return request

    @one_at_a_time
    def confirm(self, circle_id: str, offer_id: str, note: str = "") -> HelpRequest:
        """The requester confirms an offer; returns the request. Confirming one already
        confirmed writes nothing."""
        board = self.board(circle_id)
        request, offer = board.offer(offer_id)
        if request.by != board.me:
            raise NotAllowed(NOT_YOUR_REQUEST)
        if offer.state == "withdrawn":
            raise CircleError(OFFER_WITHDRAWN)
        if request.state in ("cancelled", "closed"):
            raise CircleError(NOT_OPEN)
        if offer.state == "confirmed":
            return request
        if request.places_left <= 0:
            raise CircleError(SLOT_FULL)
        note = _short(note)
        content = self._writer.writable_copy(circle_id)
        self._writer.new_record(content, "confirmation", {"note": note}, target=offer_id)
        self._registry.store(circle_id, content, dirty=True)
        return request

    @one_at_a_time
    def cancel_request(self, circle_id: str, request_id: str, reason: str = "") -> HelpRequest:
        """Cancel this member's request: its offers are released, and whoever offered sees
        it at their next sync."""
        board = self.board(circle_id)
        request = self._my_request(board, request_id)
        if request.state == "cancelled":
            return request  # cancelled already (a retry)
        reason = _short(reason)
        content = self._writer.writable_copy(circle_id)
        self._writer.new_record(content, "cancellation", {"reason": reason}, target=request_id)
        self._registry.store(circle_id, content, dirty=True)
        return request

    @staticmethod
    def _my_request(board: HelpBoard, request_id: str) -> HelpRequest:
        request = board.request(request_id)
        if request.by != board.me:
            raise NotAllowed(NOT_YOUR_REQUEST)
        return request


def _body(ask: Ask, start: str, end: str) -> dict[str, Any]:
    """A request's content, but for its ``series``."""
    return {
        "what": ask.what.strip(),
        "start": start,
        "end": end,
        "zone": ask.zone,
        "needed": ask.needed,
        "where": ask.where.strip(),
        "note": ask.note.strip(),
    }


def check_times(start: str, end: str, zone: str, now: datetime) -> None:
    """A slot's wall times: the end after the start (as real moments), not longer than
    MAX_SLOT_DAYS, not over already."""
    if start[:4] < "1970":
        raise InvalidInput(IN_THE_PAST)
    if end[:4] > "9998":  # the format's range (items._check_request)
        raise InvalidInput(FAR_AWAY)
    # In UTC: aware datetimes of one zone subtract and compare by wall time.
    first, last = moment(start, zone).astimezone(UTC), moment(end, zone).astimezone(UTC)
    if last <= first:
        raise InvalidInput(ENDS_BEFORE)
    if last - first > timedelta(days=MAX_SLOT_DAYS):
        raise InvalidInput(TOO_LONG_SLOT, count=MAX_SLOT_DAYS)
    if last <= now:
        raise InvalidInput(IN_THE_PAST)


def _too_long() -> None:
    raise InvalidInput(
        HELP_TOO_LONG,
        what=MAX_HELP_WHAT_CHARS,
        where=MAX_HELP_WHERE_CHARS,
        note=MAX_HELP_NOTE_CHARS,
    )


def _short(text: str) -> str:
    """A note or a reason, stripped, within the limit."""
    text = text.strip()
    if len(text) > MAX_HELP_NOTE_CHARS:
        _too_long()
    return text
