"""The help calendar through real vaults and one shared file: ask, offer (a member and a
helper), confirm, withdraw after confirmation, cancel; who may do what; retries that write
nothing twice; a series across a clock change; the document's version."""

from __future__ import annotations

import json
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from tests.circle.hostile import Person, make_circle, people, shared

from carecompanion.circle import agefile
from carecompanion.circle.errors import CircleError, InvalidInput, NotAllowed
from carecompanion.circle.help import HelpRequest
from carecompanion.circle.helping import Ask
from carecompanion.circle.slots import weekdays
from carecompanion.clock import FixedClock

__all__ = ["people", "shared"]  # fixtures

ROLES = {"Bea": "member", "Cal": "reader", "Dee": "helper"}


def thursday(hour: int = 14) -> datetime:
    return datetime(2026, 3, 5, hour, 0)  # a wall time (the clock is 3 March, 12:00 UTC)


def sit(what: str = "Sit with Mum", **changes: object) -> Ask:
    fields: dict[str, object] = {
        "what": what,
        "start": thursday(14),
        "end": thursday(17),
        "zone": "Europe/London",
        "where": "at home",
        "note": "she likes the radio on",
    }
    fields.update(changes)
    return Ask(**fields)  # type: ignore[arg-type]


def sync_all(people: dict[str, Person], circle_id: str) -> None:
    for _round in range(2):
        for person in people.values():
            person.circles.sync(circle_id)


def board(person: Person, circle_id: str) -> list[HelpRequest]:
    return person.circles.help_board(circle_id).requests


def states(person: Person, circle_id: str, request_id: str) -> dict[str, str]:
    help_board = person.circles.help_board(circle_id)
    request = help_board.request(request_id)
    return {help_board.name(offer.by): offer.state for offer in request.offers}


def test_ask_offer_confirm_withdraw_and_cancel_across_four_vaults(
    people: dict[str, Person], shared: Path
) -> None:
    circle_id = make_circle(people, shared, ROLES)
    ana, bea, cal, dee = (people[n] for n in ("Ana", "Bea", "Cal", "Dee"))
    [rid] = ana.circles.ask_for_help(circle_id, sit())
    ana.circles.sync(circle_id)
    for person in (bea, cal, dee):
        person.circles.sync(circle_id)
        assert [r.what for r in board(person, circle_id)] == ["Sit with Mum"]  # readers see it
    with pytest.raises(NotAllowed, match="not offer help"):
        cal.circles.offer_help(circle_id, rid)  # a reader
    bea_offer = bea.circles.offer_help(circle_id, rid, "I can do it")
    dee_offer = dee.circles.offer_help(circle_id, rid)  # a helper, at the same time
    bea.circles.sync(circle_id)
    dee.circles.sync(circle_id)
    ana.circles.sync(circle_id)
    assert states(ana, circle_id, rid) == {"Bea": "offered", "Dee": "offered"}
    bea.circles.sync(circle_id)
    with pytest.raises(NotAllowed, match="person who asked"):
        bea.circles.confirm_offer(circle_id, dee_offer)
    ana.circles.confirm_offer(circle_id, bea_offer)
    sync_all(people, circle_id)
    for person in people.values():
        assert states(person, circle_id, rid) == {"Bea": "confirmed", "Dee": "released"}
        assert person.circles.help_board(circle_id).request(rid).state == "covered"
    assert [r.id for r in bea.circles.help_board(circle_id).promised()] == [rid]

    bea.circles.withdraw_offer(circle_id, bea_offer, "I have a cold")
    sync_all(people, circle_id)
    request = ana.circles.help_board(circle_id).request(rid)
    assert request.state == "open" and request.places_left == 1  # the slot reopened
    withdrawn = request.offer(bea_offer)
    assert withdrawn is not None and withdrawn.reason == "I have a cold" and withdrawn.was_confirmed
    ana.circles.confirm_offer(circle_id, dee_offer)
    ana.circles.cancel_request(circle_id, rid, "Mum is in hospital")
    sync_all(people, circle_id)
    boards = [board(person, circle_id) for person in people.values()]
    assert all(b == boards[0] for b in boards)  # everyone computes the same state
    [cancelled] = boards[0]
    assert cancelled.state == "cancelled" and cancelled.cancel_reason == "Mum is in hospital"
    assert states(dee, circle_id, rid) == {"Bea": "withdrawn", "Dee": "released"}
    with pytest.raises(CircleError, match="cancelled"):
        dee.circles.offer_help(circle_id, rid)


def test_who_may_do_what(people: dict[str, Person], shared: Path) -> None:
    circle_id = make_circle(people, shared, ROLES)
    ana, bea, cal, dee = (people[n] for n in ("Ana", "Bea", "Cal", "Dee"))
    with pytest.raises(NotAllowed):
        dee.circles.ask_for_help(circle_id, sit())  # a helper offers, and asks for nothing
    with pytest.raises(NotAllowed):
        cal.circles.ask_for_help(circle_id, sit())
    with pytest.raises(NotAllowed):
        dee.share(circle_id, "A helper's post")
    [rid] = bea.circles.ask_for_help(circle_id, sit("A lift to the clinic"))  # members ask
    bea.circles.sync(circle_id)
    ana.circles.sync(circle_id)
    with pytest.raises(CircleError, match="your own request"):
        bea.circles.offer_help(circle_id, rid)
    with pytest.raises(NotAllowed, match="person who asked"):
        ana.circles.cancel_request(circle_id, rid)  # not even the organiser cancels it
    with pytest.raises(NotAllowed, match="person who asked"):
        ana.circles.edit_request(circle_id, rid, sit("Changed"))
    offer = ana.circles.offer_help(circle_id, rid)
    ana.circles.sync(circle_id)
    bea.circles.sync(circle_id)
    with pytest.raises(NotAllowed, match="someone else's"):
        bea.circles.withdraw_offer(circle_id, offer)
    with pytest.raises(CircleError, match="no offer"):
        bea.circles.confirm_offer(circle_id, "0" * 24)
    with pytest.raises(CircleError, match="no request"):
        ana.circles.offer_help(circle_id, "0" * 24)


def test_a_full_slot_and_retries_write_nothing_twice(
    people: dict[str, Person], shared: Path
) -> None:
    circle_id = make_circle(people, shared, ROLES)
    ana, bea, dee = people["Ana"], people["Bea"], people["Dee"]
    ids = ana.circles.ask_for_help(circle_id, sit())
    assert ana.circles.ask_for_help(circle_id, sit()) == ids  # a retry: the one saved
    series = ana.circles.ask_for_help(circle_id, sit("Meals", weekdays=(0, 3), count=3))
    assert ana.circles.ask_for_help(circle_id, sit("Meals", weekdays=(0, 3), count=3)) == series
    assert len(board(ana, circle_id)) == 4
    [rid] = ids
    ana.circles.sync(circle_id)
    bea.circles.sync(circle_id)
    dee.circles.sync(circle_id)
    offer = bea.circles.offer_help(circle_id, rid)
    assert bea.circles.offer_help(circle_id, rid) == offer
    late = dee.circles.offer_help(circle_id, rid)
    sync_all(people, circle_id)
    ana.circles.confirm_offer(circle_id, offer)
    ana.circles.confirm_offer(circle_id, offer)  # a retry
    with pytest.raises(CircleError, match="already has all the people"):
        ana.circles.confirm_offer(circle_id, late)
    ana.circles.cancel_request(circle_id, rid)
    ana.circles.cancel_request(circle_id, rid)
    records = [r for r in ana.content(circle_id).records() if r.signer == ana.fingerprint]
    kinds = sorted(r.fields["kind"] for r in records)
    assert kinds == ["cancellation", "confirmation", *["request"] * 4]


def test_what_is_asked_is_checked(people: dict[str, Person], shared: Path) -> None:
    circle_id = make_circle(people, shared, ROLES)
    ana = people["Ana"]
    for ask, words in (
        (sit(" "), "what help is needed"),
        (sit(end=thursday(13)), "end must come after"),
        (sit(start=datetime(2026, 3, 2, 9), end=datetime(2026, 3, 2, 10)), "passed"),
        (sit(end=thursday(14) + timedelta(days=40)), "at most 31 days"),
        (sit(zone="Mars/Olympus_Mons"), "not a time zone"),
        (sit(start=datetime(1, 1, 1, 9), end=datetime(1, 1, 1, 10), zone="Asia/Tokyo"), "passed"),
        (sit(start=datetime(9999, 12, 31, 9), end=datetime(9999, 12, 31, 10)), "too far"),
        (sit(needed=0), "from 1 to 50"),
        (sit(weekdays=(1,), count=101), "from 1 to 100"),
        (sit(note="x" * 2001), "too long"),
    ):
        with pytest.raises(InvalidInput, match=words):
            ana.circles.ask_for_help(circle_id, ask)
    assert board(ana, circle_id) == []
    # An aware time is taken as the moment it is, said in the request's zone.
    [rid] = ana.circles.ask_for_help(
        circle_id,
        sit(
            start=datetime(2026, 3, 5, 14, 0, tzinfo=UTC),
            end=datetime(2026, 3, 5, 17, 0, tzinfo=UTC),  # 12:00 in New York (EST)
            zone="America/New_York",
        ),
    )
    request = ana.circles.help_board(circle_id).request(rid)
    assert (request.start_wall, request.end_wall) == ("2026-03-05T09:00", "2026-03-05T12:00")


def test_a_weekly_series_across_the_spring_change(
    people: dict[str, Person], shared: Path, clock: FixedClock
) -> None:
    circle_id = make_circle(people, shared, ROLES)
    ana = people["Ana"]
    ask = sit(
        "Sit with Mum",
        start=datetime(2026, 3, 17, 14, 0),
        end=datetime(2026, 3, 17, 17, 0),
        weekdays=weekdays("TU"),
        count=3,
    )
    ids = ana.circles.ask_for_help(circle_id, ask)
    requests = [ana.circles.help_board(circle_id).request(i) for i in ids]
    assert [r.start_wall for r in requests] == [
        "2026-03-17T14:00",
        "2026-03-24T14:00",
        "2026-03-31T14:00",  # after 29 March: British Summer Time
    ]
    assert [r.start.astimezone(UTC).hour for r in requests] == [14, 14, 13]
    assert len({r.series for r in requests}) == 1 and requests[0].series == ids[0]
    clock.advance(timedelta(days=22).total_seconds())  # 25 March: the first two are over
    assert [r.state for r in board(ana, circle_id)] == ["closed", "closed", "open"]


def test_an_edit_keeps_the_offers(people: dict[str, Person], shared: Path) -> None:
    circle_id = make_circle(people, shared, ROLES)
    ana, bea = people["Ana"], people["Bea"]
    [rid] = ana.circles.ask_for_help(circle_id, sit())
    sync_all(people, circle_id)
    offer = bea.circles.offer_help(circle_id, rid)
    sync_all(people, circle_id)
    ana.circles.edit_request(circle_id, rid, sit("Sit with Mum and Dad", needed=2))
    sync_all(people, circle_id)
    request = bea.circles.help_board(circle_id).request(rid)
    assert (request.what, request.needed, request.version) == ("Sit with Mum and Dad", 2, 2)
    assert [o.id for o in request.offers] == [offer]


def test_the_file_is_version_3_only_when_it_holds_help(
    people: dict[str, Person], shared: Path, tmp_path: Path
) -> None:
    ana, bea = people["Ana"], people["Bea"]
    circle_id = make_circle(people, shared, {"Bea": "member"})

    def version() -> int:
        key = bea.me.age_identity
        payload = agefile.decrypt_with_identity(shared.read_bytes(), key)
        return int(json.loads(zlib.decompress(payload[23:]))["version"])

    ana.share(circle_id, "News")
    ana.circles.sync(circle_id)
    assert version() == 2  # readers of version 2 still open a circle that does not use help
    ana.circles.ask_for_help(circle_id, sit())
    ana.circles.sync(circle_id)
    assert version() == 3
    bea.circles.sync(circle_id)
    assert [r.what for r in board(bea, circle_id)] == ["Sit with Mum"]


def test_a_series_that_runs_past_the_calendar_the_format_allows_is_refused(
    people: dict[str, Person], shared: Path
) -> None:
    """Only the first date was checked: a series running into 9999 failed with an error
    that had no code (MalformedItem), and one running past 9999 with an OverflowError."""
    circle_id = make_circle(people, shared, ROLES)
    ana = people["Ana"]
    for start, days, count in (
        (datetime(9998, 12, 20, 9), (0, 1, 2, 3, 4, 5, 6), 30),
        (datetime(9998, 12, 31, 9), (0,), 100),
    ):
        with pytest.raises(InvalidInput, match="too far"):
            ana.circles.ask_for_help(
                circle_id, sit(start=start, end=start.replace(hour=10), weekdays=days, count=count)
            )
    assert board(ana, circle_id) == []
