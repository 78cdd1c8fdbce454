"""The help calendar's state: who asked for what, who offered, who covers it. A pure function
of the circle's records and the moment ``now`` (docs/circle-format.md, "The help calendar").

There is no server to say who came first, so nothing here depends on the order records
arrived in: every member who holds the same records computes the same state for the same
``now``, whatever order they synced in (tested with hypothesis over random interleavings).
Each record belongs to its author alone (its id is bound to them), so the rules only ever ask
"what did the author of this record say":

- a **request** is its author's latest version; only its author's **cancellation** cancels it;
- an **offer** is its author's; their **withdrawal** (a new version of the offer) withdraws it,
  before or after it was confirmed. Two people who offer at once are two offers: both stay;
- only the requester's **confirmation** of an offer counts. The confirmed offers that are not
  withdrawn cover the slot, up to ``needed`` of them in the order the requester confirmed them
  (their ``created``, then record id); any beyond that wait, and move up if a confirmed one
  is withdrawn. A withdrawal after confirmation so reopens the slot;
- while a slot is covered, cancelled, or past its end, the offers nobody confirmed are
  **released** (thanked, and not needed); a request whose end has passed is closed.

Offer states: ``offered``, ``confirmed``, ``withdrawn``, ``released``. Request states:
``open``, ``covered``, ``cancelled``, ``closed``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final

from carecompanion.circle.content import CircleContent
from carecompanion.circle.items import SignedItem, is_offer_record
from carecompanion.circle.roster import Roster
from carecompanion.circle.slots import moment, zone_known

OFFER_STATES: Final = ("offered", "confirmed", "withdrawn", "released")
REQUEST_STATES: Final = ("open", "covered", "cancelled", "closed")


@dataclass(frozen=True)
class HelpOffer:
    """One person's offer to cover a request."""

    id: str
    by: str  # the offerer's fingerprint
    state: str  # one of OFFER_STATES
    note: str  # what they said when they offered ("" once withdrawn)
    reason: str  # why they withdrew ("" unless withdrawn)
    created: str
    #: The requester confirmed it: still true once the request is cancelled or the offer
    #: withdrawn, so a notice can say that someone who had promised cannot come.
    was_confirmed: bool
    former_member: bool = False


@dataclass(frozen=True)
class HelpRequest:
    """A request for help and everything said about it."""

    id: str
    by: str  # the requester's fingerprint
    what: str
    where: str
    note: str
    zone: str
    start_wall: str  # as asked: YYYY-MM-DDTHH:MM in ``zone``
    end_wall: str
    start: datetime  # the real moments, aware, in ``zone`` (UTC when the zone is unknown)
    end: datetime
    needed: int
    series: str | None
    version: int
    created: str
    state: str  # one of REQUEST_STATES
    cancel_reason: str
    offers: tuple[HelpOffer, ...]
    zone_known: bool = True
    former_member: bool = False

    @property
    def covered_by(self) -> tuple[str, ...]:
        """The fingerprints of those confirmed, in the order they were confirmed."""
        return tuple(offer.by for offer in self.offers if offer.state == "confirmed")

    @property
    def places_left(self) -> int:
        """How many more people the requester can confirm (0 unless open)."""
        return self.needed - len(self.covered_by) if self.state == "open" else 0

    @property
    def past(self) -> bool:
        return self.state == "closed"

    def offer(self, offer_id: str) -> HelpOffer | None:
        return next((o for o in self.offers if o.id == offer_id), None)


def help_requests(content: CircleContent, roster: Roster, now: datetime) -> list[HelpRequest]:
    """Every request in the circle with its offers, soonest first (then by id)."""
    return build_requests(
        (r for r in content.records() if roster.may_keep(r)), now, _former(roster)
    )


def _former(roster: Roster) -> frozenset[str]:
    return frozenset(fp for fp, member in roster.members.items() if member.former)


def build_requests(
    records: Iterable[SignedItem], now: datetime, former: frozenset[str] = frozenset()
) -> list[HelpRequest]:
    """The state from records that count (``Roster.may_keep``), one per id (merged)."""
    requests: dict[str, SignedItem] = {}
    offers: dict[str, list[SignedItem]] = defaultdict(list)  # by request id
    confirmations: dict[str, list[SignedItem]] = defaultdict(list)  # by offer id
    cancellations: dict[str, list[SignedItem]] = defaultdict(list)  # by request id
    for record in records:
        fields = record.fields
        kind = fields["kind"]
        if kind == "request":
            requests[fields["id"]] = record
        elif is_offer_record(fields):
            offers[fields["target"]].append(record)
        elif kind == "confirmation":
            confirmations[fields["target"]].append(record)
        elif kind == "cancellation":
            cancellations[fields["target"]].append(record)
    result = [
        _request(
            request,
            offers.get(rid, []),
            confirmations,
            [c for c in cancellations.get(rid, ()) if c.signer == request.signer],
            now,
            former,
        )
        for rid, request in requests.items()
    ]
    result.sort(key=lambda r: (r.start.timestamp(), r.id))
    return result


def _request(
    request: SignedItem,
    offered: list[SignedItem],
    confirmations: dict[str, list[SignedItem]],
    cancellations: list[SignedItem],
    now: datetime,
    former: frozenset[str],
) -> HelpRequest:
    f, c = request.fields, request.fields["content"]
    requester = request.signer
    start = moment(c["start"], c["zone"])
    end = moment(c["end"], c["zone"])
    # Compared as real moments (aware datetimes of one zone compare by wall time): a slot
    # inside a spring gap could end before it starts, and then ends when it starts.
    if end.astimezone(UTC) < start.astimezone(UTC):
        end = start
    # An offer by the requester themself covers nothing; confirmations count only from them.
    offered = [o for o in offered if o.signer != requester]
    confirmed_at: dict[str, tuple[str, str]] = {}
    for offer in offered:
        by_requester = [
            (x.fields["created"], x.fields["id"])
            for x in confirmations.get(offer.fields["id"], ())
            if x.signer == requester
        ]
        if by_requester:
            confirmed_at[offer.fields["id"]] = min(by_requester)
    standing = sorted(
        (o for o in offered if o.fields["kind"] == "offer" and o.fields["id"] in confirmed_at),
        key=lambda o: confirmed_at[o.fields["id"]],
    )
    covering = {o.fields["id"] for o in standing[: c["needed"]]}
    if cancellations:
        state = "cancelled"
    elif now >= end:
        state = "closed"
    elif len(covering) >= c["needed"]:
        state = "covered"
    else:
        state = "open"
    offers = tuple(
        _offer(o, state, covering, o.fields["id"] in confirmed_at, former)
        for o in sorted(offered, key=lambda o: (o.fields["created"], o.fields["id"]))
    )
    return HelpRequest(
        id=f["id"],
        by=requester,
        what=c["what"],
        where=c["where"],
        note=c["note"],
        zone=c["zone"],
        start_wall=c["start"],
        end_wall=c["end"],
        start=start,
        end=end,
        needed=c["needed"],
        series=c["series"],
        version=f["version"],
        created=f["created"],
        state=state,
        cancel_reason=_first_reason(cancellations),
        offers=offers,
        zone_known=zone_known(c["zone"]),
        former_member=requester in former,
    )


def _first_reason(cancellations: list[SignedItem]) -> str:
    """The reason of the first cancellation (the requester may have sent two)."""
    if not cancellations:
        return ""
    first = min(cancellations, key=lambda x: (x.fields["created"], x.fields["id"]))
    return str(first.fields["content"]["reason"])


def _offer(
    offer: SignedItem,
    request_state: str,
    covering: set[str],
    confirmed: bool,
    former: frozenset[str],
) -> HelpOffer:
    f = offer.fields
    withdrawn = f["kind"] == "withdrawal"
    if withdrawn:
        state = "withdrawn"
    elif request_state == "cancelled":
        state = "released"
    elif f["id"] in covering:
        state = "confirmed"
    elif request_state in ("covered", "closed"):
        state = "released"
    else:
        state = "offered"
    return HelpOffer(
        id=f["id"],
        by=offer.signer,
        state=state,
        note="" if withdrawn else f["content"]["note"],
        reason=f["content"]["reason"] if withdrawn else "",
        created=f["created"],
        was_confirmed=confirmed,
        former_member=offer.signer in former,
    )
