"""The help calendar's state is a pure function of the records (and ``now``): every member who
holds the same records computes the same state, whatever order they arrived in.

Each member keeps a replica (a ``CircleContent``) and acts on what their replica shows; they
sync pairwise at random. Hypothesis draws the interleavings: asks, offers from several people
at once, confirmations (by the requester, and by others, which count for nothing),
withdrawals before and after confirmation, cancellations, edits, and a reader who writes
what she may not. After everyone has synced with everyone, all compute the same state, which
is the state of the union of everything signed, for every ``now``."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.circle.helpers import CIRCLE_ID, NOW, content, member, roster_item

from carecompanion.circle.content import CircleContent
from carecompanion.circle.help import HelpRequest, help_requests
from carecompanion.circle.help_news import (
    HelpNews,
    help_news,
    next_for_me,
    next_promised,
    reminders_due,
)
from carecompanion.circle.identity import MemberIdentity
from carecompanion.circle.items import SignedItem, make_item
from carecompanion.circle.keeping import combine
from carecompanion.circle.roster import Roster
from carecompanion.circle.writing import sign_record

ANA, BEA, CAL, DEE, EVE = (member(n) for n in ("Ana", "Bea", "Cal", "Dee", "Eve"))
PEOPLE = (ANA, BEA, CAL, DEE, EVE)
ASKERS = (ANA, BEA, CAL)
#: Wall-clock slots in London: one over before NOW's tests end, one soon, one later.
SLOTS = (
    ("2026-11-25T08:00", "2026-11-25T09:00"),
    ("2026-11-26T14:00", "2026-11-26T17:00"),
    ("2026-12-03T14:00", "2026-12-03T17:00"),
)
NOWS = (NOW, NOW + timedelta(days=1, hours=6), NOW + timedelta(days=30))


def base() -> CircleContent:
    """Ana's circle: Bea and Cal members, Dee a helper, Eve a reader."""
    result = content(ANA, BEA, CAL, DEE, EVE)
    result.add(
        [
            roster_item(ANA, BEA.fingerprint, "member"),
            roster_item(ANA, CAL.fingerprint, "member"),
            roster_item(ANA, DEE.fingerprint, "helper"),
            roster_item(ANA, EVE.fingerprint, "reader"),
        ]
    )
    return result


BASE = base()


def request_body(slot: int, needed: int, what: str = "Sit with Mum") -> dict[str, Any]:
    start, end = SLOTS[slot]
    return {
        "what": what,
        "start": start,
        "end": end,
        "zone": "Europe/London",
        "needed": needed,
        "where": "",
        "note": "",
        "series": None,
    }


def state(items: CircleContent) -> tuple[list[HelpRequest], Roster]:
    kept = combine(items, ())
    return help_requests(kept.content, kept.roster, NOW), kept.roster


def board(items: CircleContent, now: datetime = NOW) -> list[HelpRequest]:
    kept = combine(items, ())
    return help_requests(kept.content, kept.roster, now)


@dataclass
class World:
    """Each person's replica, and everything anyone signed."""

    replicas: dict[str, CircleContent] = field(default_factory=dict)
    file: CircleContent = field(default_factory=BASE.copy)
    signed: list[SignedItem] = field(default_factory=list)
    tick: int = 0

    def __post_init__(self) -> None:
        for person in PEOPLE:
            self.replicas[person.name] = BASE.copy()

    def sign(
        self,
        who: MemberIdentity,
        kind: str,
        body: dict[str, Any],
        target: str | None = None,
        existing: str | None = None,
    ) -> None:
        self.tick += 1
        at = NOW + timedelta(seconds=self.tick)
        # A nonce from the tick: the same script signs the same records (hypothesis replays).
        nonce = self.tick.to_bytes(16, "big")
        replica = self.replicas[who.name]
        item = sign_record(replica, who, at, kind, body, target, existing, nonce=nonce)
        self.signed.append(item)

    def records(self, who: MemberIdentity, kind: str) -> list[SignedItem]:
        found = [r for r in self.replicas[who.name].records() if r.fields["kind"] == kind]
        return sorted(found, key=lambda r: r.fields["id"])

    def sync(self, source: MemberIdentity, target: MemberIdentity) -> None:
        """``target`` merges ``source``'s copy (a conflict copy, a file passed on)."""
        merged = combine(self.replicas[target.name], [self.replicas[source.name]])
        self.replicas[target.name] = merged.content.copy()

    def sync_file(self, who: MemberIdentity) -> None:
        """``who`` syncs with the shared file: both end with the union."""
        merged = combine(self.file, [self.replicas[who.name]]).content
        self.file = merged
        self.replicas[who.name] = merged.copy()


people = st.sampled_from(PEOPLE)
#: Before acting, a person has often just synced: with the shared file ("file"), or with one
#: other person's copy; None: they act on what they have.
pulls = st.one_of(st.none(), st.just("file"), st.just("file"), people)
asks = st.tuples(st.just("ask"), st.sampled_from(ASKERS), st.integers(0, 2), st.integers(1, 2))
actions = st.one_of(
    asks,
    st.tuples(st.just("offer"), people, pulls, st.integers(0, 9)),
    st.tuples(st.just("offer"), people, pulls, st.integers(0, 9)),
    st.tuples(st.just("withdraw"), people, pulls, st.integers(0, 9)),
    st.tuples(st.just("confirm"), st.sampled_from(ASKERS), pulls, st.integers(0, 9)),
    st.tuples(st.just("confirm"), st.sampled_from(ASKERS), pulls, st.integers(0, 9)),
    st.tuples(st.just("confirm"), st.sampled_from(ASKERS), pulls, st.integers(0, 9)),
    st.tuples(st.just("confirm"), st.sampled_from(ASKERS), pulls, st.integers(0, 9)),
    # A requester's app that confirms every offer it sees (more than the request needs).
    st.tuples(st.just("confirm_all"), st.sampled_from(ASKERS), pulls, st.integers(0, 9)),
    st.tuples(st.just("confirm_all"), st.sampled_from(ASKERS), pulls, st.integers(0, 9)),
    st.tuples(st.just("cancel"), people, pulls, st.integers(0, 9)),
    st.tuples(
        st.just("edit"), st.sampled_from(ASKERS), pulls, st.integers(0, 9), st.integers(1, 3)
    ),
    st.tuples(st.just("sync"), people, people),
)
#: A few requests first, then everything interleaved.
operations = st.tuples(
    st.lists(asks, min_size=1, max_size=4), st.lists(actions, min_size=15, max_size=40)
).map(lambda parts: parts[0] + parts[1])


def play(world: World, operation: tuple[Any, ...]) -> None:
    """One person's action on what their replica shows (anything they can sign, allowed or
    not: the rules decide what counts); with "file", synced before and after, as the app
    does."""
    act(world, operation)
    if operation[0] not in ("ask", "sync") and operation[2] == "file":
        world.sync_file(operation[1])


def act(world: World, operation: tuple[Any, ...]) -> None:
    name, who, *args = operation
    if name == "ask":
        world.sign(who, "request", request_body(args[0], args[1]))
        return
    if name == "sync":
        world.sync(who, args[0])
        return
    pull, pick, *more = args
    if pull == "file":
        world.sync_file(who)
    elif pull is not None and pull != who:
        world.sync(pull, who)
    if name == "confirm_all":
        mine = [r for r in world.records(who, "request") if r.signer == who.fingerprint]
        if mine:
            rid = mine[pick % len(mine)].fields["id"]
            for offer in world.records(who, "offer"):
                if offer.fields["target"] == rid:
                    world.sign(who, "confirmation", {"note": ""}, target=offer.fields["id"])
        return
    if name in ("offer", "cancel", "edit"):
        requests = world.records(who, "request")
        if not requests:
            return
        if name == "offer" and pick % 4:  # mostly, on someone else's request
            requests = [r for r in requests if r.signer != who.fingerprint] or requests
        request = requests[pick % len(requests)]
        rid = request.fields["id"]
        if name == "offer":
            world.sign(who, "offer", {"note": ""}, target=rid)
        elif name == "cancel":
            world.sign(who, "cancellation", {"reason": ""}, target=rid)
        elif request.signer == who.fingerprint:
            body = {**request.fields["content"], "needed": more[0]}
            world.sign(who, "request", body, existing=rid)
        return
    offers = world.records(who, "offer")
    if name == "withdraw":
        offers = [o for o in offers if o.signer == who.fingerprint]
    elif pick % 4:  # mostly, an offer on one's own request (else anyone's: counts for nothing)
        asked = {
            r.fields["id"] for r in world.records(who, "request") if r.signer == who.fingerprint
        }
        offers = [o for o in offers if o.fields["target"] in asked]
    if not offers:
        return
    offer = offers[pick % len(offers)]
    if name == "withdraw":
        world.sign(
            who,
            "withdrawal",
            {"reason": "sorry"},
            target=offer.fields["target"],
            existing=offer.fields["id"],
        )
    else:
        world.sign(who, "confirmation", {"note": ""}, target=offer.fields["id"])


def union(world: World) -> CircleContent:
    everything = BASE.copy()
    everything.add(world.signed)
    return everything


def check_rules(requests: list[HelpRequest], everything: CircleContent, now: datetime) -> None:
    records = {r.fields["id"]: r for r in everything.records()}
    for request in requests:
        confirmed = [o for o in request.offers if o.state == "confirmed"]
        assert len(confirmed) <= request.needed
        for offer in request.offers:
            assert offer.by != request.by  # a self-offer covers nothing
            assert offer.by != EVE.fingerprint  # a reader's offer counts for nothing
            assert records[offer.id].fields["target"] == request.id
        for offer in confirmed:
            # Only the requester's confirmation decides who covers it.
            assert any(
                r.fields["kind"] == "confirmation"
                and r.fields["target"] == offer.id
                and r.signer == request.by
                for r in records.values()
            )
            assert records[offer.id].fields["kind"] == "offer"  # not withdrawn
        if request.state == "cancelled":
            assert not [o for o in request.offers if o.state in ("offered", "confirmed")]
        if request.end <= now:
            assert request.state in ("closed", "cancelled")
            assert not [o for o in request.offers if o.state == "offered"]
        if request.state == "open":
            assert len(confirmed) < request.needed
        if request.state == "covered":
            assert len(confirmed) == request.needed
        # Every offer that stands is there: two offers at once both survive.
        standing = {
            r.fields["id"]
            for r in records.values()
            if r.fields["kind"] == "offer"
            and r.fields["target"] == request.id
            and r.signer not in (request.by, EVE.fingerprint)
        }
        assert standing == {o.id for o in request.offers if o.state != "withdrawn"}


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(operations, st.randoms(use_true_random=False))
def test_every_member_computes_the_same_state(script: list[tuple[Any, ...]], random: Any) -> None:
    world = World()
    for operation in script:
        play(world, operation)
    # Everyone syncs with everyone, in a random order, until nobody has anything new.
    order = list(PEOPLE)
    for _round in range(2):
        random.shuffle(order)
        for source, target in itertools.permutations(order, 2):
            world.sync(source, target)
    everything = union(world)
    for now in NOWS:
        expected = board(everything, now)
        for person in PEOPLE:
            assert board(world.replicas[person.name], now) == expected
        check_rules(expected, everything, now)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(operations, st.randoms(use_true_random=False))
def test_the_state_does_not_depend_on_the_order_records_arrive_in(
    script: list[tuple[Any, ...]], random: Any
) -> None:
    world = World()
    for operation in script:
        play(world, operation)
    expected = {now: board(union(world), now) for now in NOWS}
    for _shuffle in range(3):
        items = list(world.signed)
        random.shuffle(items)
        # Into one copy in a random order, and in random parts merged in a random order.
        one = BASE.copy()
        one.add(items)
        parts = [BASE.copy() for _ in range(4)]
        for item in items:
            random.choice(parts).add([item])
        merged = combine(parts[0], parts[1:]).content
        for now in NOWS:
            assert board(one, now) == expected[now]
            assert board(merged, now) == expected[now]


# -- the rules, one by one -----------------------------------------------------------------------


def ask(world: World, who: MemberIdentity = ANA, slot: int = 2, needed: int = 1) -> str:
    world.sign(who, "request", request_body(slot, needed))
    return _last(world)


def _last(world: World) -> str:
    return str(world.signed[-1].fields["id"])


def offer(world: World, who: MemberIdentity, rid: str) -> str:
    world.sign(who, "offer", {"note": ""}, target=rid)
    return _last(world)


def confirm(world: World, oid: str, who: MemberIdentity = ANA) -> None:
    world.sign(who, "confirmation", {"note": ""}, target=oid)


def withdraw(world: World, who: MemberIdentity, rid: str, oid: str) -> None:
    world.sign(who, "withdrawal", {"reason": "a cold"}, target=rid, existing=oid)


def only(world: World) -> HelpRequest:
    [request] = board(union(world))
    return request


def states(request: HelpRequest) -> dict[str, str]:
    names = {p.fingerprint: p.name for p in PEOPLE}
    return {names[o.by]: o.state for o in request.offers}


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_two_offers_at_once_both_survive_every_merge_order(order: tuple[int, ...]) -> None:
    world = World()
    rid = ask(world)
    for person in (BEA, CAL):
        world.sync(ANA, person)
    offer(world, BEA, rid)  # at the same time, neither has seen the other's
    offer(world, CAL, rid)
    replicas = [world.replicas[p.name] for p in (ANA, BEA, CAL)]
    merged = replicas[order[0]]
    for index in order[1:]:
        merged = combine(merged, [replicas[index]]).content
    [request] = board(merged)
    assert states(request) == {"Bea": "offered", "Cal": "offered"}


def test_only_the_requesters_confirmation_decides() -> None:
    world = World()
    rid = ask(world)
    bea = offer(world, BEA, rid)
    confirm(world, bea, who=CAL)  # Cal is a member, but did not ask
    confirm(world, bea, who=BEA)
    assert only(world).state == "open" and states(only(world)) == {"Bea": "offered"}
    confirm(world, bea)
    assert only(world).state == "covered" and states(only(world)) == {"Bea": "confirmed"}


def test_confirmed_others_are_released_and_a_withdrawal_after_confirmation_reopens() -> None:
    world = World()
    rid = ask(world)
    bea, _cal = offer(world, BEA, rid), offer(world, CAL, rid)
    dee = offer(world, DEE, rid)  # a helper may offer
    confirm(world, bea)
    assert states(only(world)) == {"Bea": "confirmed", "Cal": "released", "Dee": "released"}
    withdraw(world, BEA, rid, bea)
    request = only(world)
    assert request.state == "open" and request.places_left == 1
    assert states(request) == {"Bea": "withdrawn", "Cal": "offered", "Dee": "offered"}
    withdrawn = request.offer(bea)
    assert withdrawn is not None and withdrawn.was_confirmed and withdrawn.reason == "a cold"
    confirm(world, dee)
    assert states(only(world)) == {"Bea": "withdrawn", "Cal": "released", "Dee": "confirmed"}
    assert only(world).covered_by == (DEE.fingerprint,)


def test_extra_confirmations_wait_in_the_order_the_requester_made_them() -> None:
    world = World()
    rid = ask(world, needed=2)
    bea, cal, dee = (offer(world, p, rid) for p in (BEA, CAL, DEE))
    for oid in (cal, bea, dee):  # a hostile or buggy requester's app confirms three
        confirm(world, oid)
    assert states(only(world)) == {"Bea": "confirmed", "Cal": "confirmed", "Dee": "released"}
    withdraw(world, CAL, rid, cal)  # the one who waits moves up
    assert states(only(world)) == {"Bea": "confirmed", "Cal": "withdrawn", "Dee": "confirmed"}
    # The requester lowers what is needed: the first confirmed stays.
    request = next(r for r in union(world).records() if r.fields["id"] == rid)
    world.sign(ANA, "request", {**request.fields["content"], "needed": 1}, existing=rid)
    assert states(only(world)) == {"Bea": "confirmed", "Cal": "withdrawn", "Dee": "released"}


def test_a_withdrawal_that_crosses_the_confirmation_wins() -> None:
    world = World()
    rid = ask(world)
    world.sync(ANA, BEA)
    bea = offer(world, BEA, rid)
    world.sync(BEA, ANA)
    withdraw(world, BEA, rid, bea)  # Bea withdraws before she sees Ana's confirmation
    confirm(world, bea)
    for merged in (
        combine(world.replicas["Ana"], [world.replicas["Bea"]]).content,
        combine(world.replicas["Bea"], [world.replicas["Ana"]]).content,
    ):
        [request] = board(merged)
        assert request.state == "open" and states(request) == {"Bea": "withdrawn"}


def test_a_cancelled_request_releases_its_offers_and_only_the_requester_cancels() -> None:
    world = World()
    rid = ask(world)
    bea, _cal = offer(world, BEA, rid), offer(world, CAL, rid)
    confirm(world, bea)
    world.sign(CAL, "cancellation", {"reason": ""}, target=rid)  # not hers to cancel
    assert only(world).state == "covered"
    world.sign(ANA, "cancellation", {"reason": "Mum is in hospital"}, target=rid)
    request = only(world)
    assert request.state == "cancelled" and request.cancel_reason == "Mum is in hospital"
    assert states(request) == {"Bea": "released", "Cal": "released"}
    assert request.offer(bea).was_confirmed  # type: ignore[union-attr]


def test_a_request_past_its_end_is_closed_for_everyone_the_same_way() -> None:
    world = World()
    rid = ask(world, slot=1)  # 26 Nov 14:00-17:00 London (GMT: 14:00-17:00 UTC)
    bea, _cal = offer(world, BEA, rid), offer(world, CAL, rid)
    confirm(world, bea)
    everything = union(world)
    during = datetime(2026, 11, 26, 16, 59, tzinfo=UTC)
    after = datetime(2026, 11, 26, 17, 0, tzinfo=UTC)
    [open_] = board(everything, during)
    [closed] = board(everything, after)
    assert open_.state == "covered" and closed.state == "closed"
    assert states(closed) == {"Bea": "confirmed", "Cal": "released"}


def test_a_readers_help_records_and_a_helpers_posts_count_for_nothing() -> None:
    world = World()
    rid = ask(world)
    offer(world, EVE, rid)  # a reader
    world.sign(DEE, "request", request_body(2, 1, "Dee asks"))  # a helper does not ask
    world.sign(DEE, "entry", {"title": "t", "body": "b", "tags": [], "day": "2026-11-25"})
    kept = combine(union(world), ())
    assert kept.dropped.records == 3
    [request] = help_requests(kept.content, kept.roster, NOW)
    assert request.offers == ()


def test_a_helpers_offer_cannot_replace_a_post_kept_from_before() -> None:
    """Dee wrote a post as a member, was made a helper (the change keeps it), then signs an
    "offer" under that post's id: the kept post wins, in every merge."""
    circle = content(ANA, DEE)
    as_member = roster_item(ANA, DEE.fingerprint, "member")
    circle.add([as_member])
    post = sign_record(
        circle, DEE, NOW, "entry", {"title": "news", "body": "b", "tags": [], "day": "2026-11-25"}
    )
    circle.add([roster_item(ANA, DEE.fingerprint, "helper", replaces=as_member, keeps=[post])])
    request = sign_record(circle, ANA, NOW, "request", request_body(2, 1))
    fields = {
        **post.fields,
        "kind": "offer",
        "version": 2,
        "target": request.fields["id"],
        "content": {"note": ""},
    }
    takeover = make_item("record", CIRCLE_ID, fields, DEE.sign)
    hers = circle.copy()
    hers.items[post.key] = takeover  # her own copy, as her app would keep it
    for merged in (combine(circle, [hers]).content, combine(hers, [circle]).content):
        assert merged.items[post.key] == post
    assert combine(hers, ()).content.items[post.key] == takeover  # alone, it is an offer


# -- what a person is told ------------------------------------------------------------------------


def kinds(news: list[HelpNews]) -> list[tuple[str, str]]:
    names = {p.fingerprint: p.name for p in PEOPLE}
    return [(n.kind, names[n.by]) for n in news]


def test_the_news_after_a_sync_names_who_and_when_only() -> None:
    world = World()
    rid = ask(world)
    empty: list[HelpRequest] = []
    assert help_news(empty, board(union(world)), ANA.fingerprint) == []
    before = board(union(world))
    bea = offer(world, BEA, rid)
    after = board(union(world))
    assert kinds(help_news(before, after, ANA.fingerprint)) == [("offered", "Bea")]
    assert help_news(before, after, BEA.fingerprint) == []  # her own offer is no news to her
    confirm(world, bea)
    before, after = after, board(union(world))
    assert kinds(help_news(before, after, BEA.fingerprint)) == [("confirmed", "Ana")]
    withdraw(world, BEA, rid, bea)
    before, after = after, board(union(world))
    assert kinds(help_news(before, after, ANA.fingerprint)) == [("withdrawn", "Bea")]
    cal = offer(world, CAL, rid)
    confirm(world, cal)
    world.sign(ANA, "cancellation", {"reason": ""}, target=rid)
    before, after = after, board(union(world))
    assert kinds(help_news(before, after, CAL.fingerprint)) == [("cancelled", "Ana")]
    assert kinds(help_news(before, after, BEA.fingerprint)) == []  # she had withdrawn
    [news] = help_news(before, after, CAL.fingerprint)
    assert news.start == after[0].start and news.request_id == rid


def test_next_promised_next_for_me_and_reminders() -> None:
    world = World()
    soon, later = ask(world, slot=1), ask(world, slot=2)
    for rid in (soon, later):
        confirm(world, offer(world, BEA, rid))
    requests = board(union(world))
    assert next_promised(requests, BEA.fingerprint, NOW).id == soon  # type: ignore[union-attr]
    assert next_for_me(requests, ANA.fingerprint, NOW).id == soon  # type: ignore[union-attr]
    assert next_promised(requests, CAL.fingerprint, NOW) is None
    after_first = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)
    later_board = board(union(world), after_first)
    assert next_promised(later_board, BEA.fingerprint, after_first).id == later  # type: ignore[union-attr]
    # 26 Nov 14:00 London is 14:00 UTC: an hour's lead falls due at 13:00 UTC, once.
    lead = timedelta(hours=1)
    at = datetime(2026, 11, 26, 13, 0, tzinfo=UTC)
    due = reminders_due(requests, BEA.fingerprint, lead, at - timedelta(minutes=5), at)
    assert [r.id for r in due] == [soon]
    assert reminders_due(requests, BEA.fingerprint, lead, at, at + timedelta(minutes=5)) == []
    assert reminders_due(requests, CAL.fingerprint, lead, at - timedelta(minutes=5), at) == []
