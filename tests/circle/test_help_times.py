"""Help calendar times: wall-clock times kept with their IANA zone, series expanded in the
slot's zone across clock changes (Europe/London and America/New_York), skipped and repeated
times read as RFC 5545 says, and the iCalendar export read back by an independent parser."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import vobject
from tests.circle.helpers import NOW, content, member, roster_item

from carecompanion.circle.help import help_requests
from carecompanion.circle.help_ics import calendar_bytes
from carecompanion.circle.items import MalformedItem
from carecompanion.circle.keeping import combine
from carecompanion.circle.slots import moment, wall, weekdays, weekly, zone_known
from carecompanion.circle.writing import sign_record

ANA, BEA, CAL = member("Ana"), member("Bea"), member("Cal")


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def test_a_weekly_series_stays_at_local_time_across_londons_spring_change() -> None:
    # The clocks go forward on Sunday 28 March 2027: GMT (UTC+0) to BST (UTC+1).
    slots = weekly("2027-03-16T14:00", "2027-03-16T17:00", weekdays("TU"), 3)
    assert slots == [
        ("2027-03-16T14:00", "2027-03-16T17:00"),
        ("2027-03-23T14:00", "2027-03-23T17:00"),
        ("2027-03-30T14:00", "2027-03-30T17:00"),
    ]
    starts = [moment(start, "Europe/London").astimezone(UTC) for start, _end in slots]
    assert starts == [utc("2027-03-16T14:00"), utc("2027-03-23T14:00"), utc("2027-03-30T13:00")]


def test_a_weekly_series_stays_at_local_time_across_new_yorks_autumn_change() -> None:
    # The clocks go back on Sunday 1 November 2026: EDT (UTC-4) to EST (UTC-5).
    slots = weekly("2026-10-26T09:00", "2026-10-26T10:30", weekdays("MO,TH"), 4)
    assert [start for start, _end in slots] == [
        "2026-10-26T09:00",
        "2026-10-29T09:00",
        "2026-11-02T09:00",
        "2026-11-05T09:00",
    ]
    starts = [moment(start, "America/New_York").astimezone(UTC) for start, _end in slots]
    assert starts == [
        utc("2026-10-26T13:00"),
        utc("2026-10-29T13:00"),
        utc("2026-11-02T14:00"),
        utc("2026-11-05T14:00"),
    ]
    # Each slot lasts its 90 minutes of real time on both sides of the change.
    for start, end in slots:
        span = moment(end, "America/New_York").astimezone(UTC) - moment(
            start, "America/New_York"
        ).astimezone(UTC)
        assert span == timedelta(minutes=90)


def test_a_slot_over_the_change_night_lasts_its_real_hours() -> None:
    start, end = (
        moment("2027-03-27T22:00", "Europe/London"),
        moment("2027-03-28T07:00", "Europe/London"),
    )
    # An hour of that night never happened. (In UTC: Python subtracts two datetimes of one
    # zone by their wall times.)
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=8)


def test_a_series_starts_on_the_first_listed_weekday_and_keeps_overnight_slots() -> None:
    # 2026-03-03 is a Tuesday: the first Thursday and Saturday after it.
    slots = weekly("2026-03-03T22:00", "2026-03-04T07:00", weekdays("sa,TH"), 3)
    assert slots == [
        ("2026-03-05T22:00", "2026-03-06T07:00"),
        ("2026-03-07T22:00", "2026-03-08T07:00"),
        ("2026-03-12T22:00", "2026-03-13T07:00"),
    ]


def test_skipped_and_repeated_times_are_read_as_rfc_5545_says() -> None:
    # 02:30 did not happen in New York on 14 March 2027: read with the offset before the gap.
    skipped = moment("2027-03-14T02:30", "America/New_York")
    assert skipped.astimezone(UTC) == utc("2027-03-14T07:30")
    assert wall(skipped, "America/New_York") == "2027-03-14T03:30"
    # 01:30 happened twice on 1 November 2026: the first (EDT).
    repeated = moment("2026-11-01T01:30", "America/New_York")
    assert repeated.astimezone(UTC) == utc("2026-11-01T05:30")


def test_weekday_codes_and_unknown_zones() -> None:
    assert weekdays("MO, we,SU") == (0, 2, 6)
    for bad in ("", "MON", "MO,XX"):
        with pytest.raises(ValueError):
            weekdays(bad)
    assert zone_known("Europe/London") and zone_known("UTC")
    assert not zone_known("Mars/Olympus_Mons")
    # A zone this computer does not know is read as UTC, never refused.
    assert moment("2026-12-03T14:00", "Mars/Olympus_Mons") == utc("2026-12-03T14:00")


def _request(zone: str, start: str, end: str, n: int) -> dict[str, Any]:
    return {
        "what": f"Sit with Mum {n}",
        "start": start,
        "end": end,
        "zone": zone,
        "needed": 1,
        "where": "Mum's flat",
        "note": "She likes the radio on",
        "series": None,
    }


def test_the_ics_has_each_slot_in_its_own_zone_with_an_alarm() -> None:
    circle = content(ANA, BEA, CAL)
    circle.add([roster_item(ANA, BEA.fingerprint, "member")])
    circle.add([roster_item(ANA, CAL.fingerprint, "member")])
    slots = [
        ("Europe/London", s, e) for s, e in weekly("2027-03-23T14:00", "2027-03-23T17:00", (1,), 2)
    ]
    slots.append(("America/New_York", "2026-11-02T09:00", "2026-11-02T10:30"))
    offers = {}
    for n, (zone, start, end) in enumerate(slots):
        request = sign_record(circle, ANA, NOW, "request", _request(zone, start, end, n))
        offer = sign_record(circle, BEA, NOW, "offer", {"note": ""}, target=request.fields["id"])
        sign_record(circle, ANA, NOW, "confirmation", {"note": ""}, target=offer.fields["id"])
        offers[n] = (request, offer)
    # Cal's offer on the last one is not confirmed: not in the calendar.
    sign_record(circle, CAL, NOW, "offer", {"note": ""}, target=offers[2][0].fields["id"])
    # A request nobody covers is not in it either.
    sign_record(
        circle, ANA, NOW, "request", _request("UTC", "2027-01-01T10:00", "2027-01-01T11:00", 9)
    )
    kept = combine(circle, ())
    requests = help_requests(kept.content, kept.roster, NOW)
    names = {ANA.fingerprint: "Ana", BEA.fingerprint: "Bea", CAL.fingerprint: "Cal"}
    data = calendar_bytes(requests, names.__getitem__, NOW, me=BEA.fingerprint, alarm_minutes=30)

    calendar = vobject.readOne(data.decode("utf-8"))  # an independent parser
    events = sorted(calendar.vevent_list, key=lambda e: e.dtstart.value)
    assert len(events) == 3
    assert {tz.tzid.value for tz in calendar.vtimezone_list} == {
        "Europe/London",
        "America/New_York",
    }
    new_york, london_gmt, london_bst = events
    for event, zone, local in (
        (new_york, "America/New_York", datetime(2026, 11, 2, 9, 0)),
        (london_gmt, "Europe/London", datetime(2027, 3, 23, 14, 0)),
        (london_bst, "Europe/London", datetime(2027, 3, 30, 14, 0)),
    ):
        # vobject keeps the TZID it resolved under its own name.
        assert event.dtstart.params["X-VOBJ-ORIGINAL-TZID"] == [zone]
        assert event.dtstart.value.replace(tzinfo=None) == local  # the wall time, in its zone
        assert f"DTSTART;TZID={zone}:{local:%Y%m%dT%H%M%S}" in data.decode()
        assert event.status.value == "CONFIRMED"
        assert event.location.value == "Mum's flat"
        assert "Covered by Bea" in event.description.value
        [alarm] = event.valarm_list
        assert alarm.action.value == "DISPLAY"
        assert alarm.trigger.value == timedelta(minutes=-30)
    assert new_york.dtstart.value.astimezone(UTC) == utc("2026-11-02T14:00")
    assert london_gmt.dtstart.value.astimezone(UTC) == utc("2027-03-23T14:00")
    assert london_bst.dtstart.value.astimezone(UTC) == utc("2027-03-30T13:00")
    assert london_bst.dtend.value.astimezone(UTC) == utc("2027-03-30T16:00")
    uid = {e.uid.value for e in events}
    assert uid == {f"{offers[n][0].fields['id']}@help.carecompanion" for n in range(3)}

    # Cancelled since: the same event comes back cancelled, with a higher SEQUENCE.
    sign_record(circle, ANA, NOW, "cancellation", {"reason": ""}, target=offers[2][0].fields["id"])
    kept = combine(circle, ())
    again = calendar_bytes(help_requests(kept.content, kept.roster, NOW), names.__getitem__, NOW)
    by_uid = {e.uid.value: e for e in vobject.readOne(again.decode("utf-8")).vevent_list}
    cancelled = by_uid[f"{offers[2][0].fields['id']}@help.carecompanion"]
    assert cancelled.status.value == "CANCELLED" and int(cancelled.sequence.value) == 2
    assert not cancelled.contents.get("valarm")


@pytest.mark.parametrize("name", ["Europe", "America", "posixrules/x", "Etc"])
def test_a_zone_name_that_is_a_folder_of_the_zone_database_is_an_unknown_zone(name: str) -> None:
    """A request's zone is any name of the right shape (a hostile member chooses it): one that
    names a folder of the zone database ("Europe") once raised IsADirectoryError from every
    member's calendar."""
    assert not zone_known(name)
    circle = content(ANA, BEA)
    sign_record(
        circle, ANA, NOW, "request", _request(name, "2027-01-01T10:00", "2027-01-01T11:00", 1)
    )
    kept = combine(circle, ())
    [request] = help_requests(kept.content, kept.roster, NOW)
    assert not request.zone_known and request.start == utc("2027-01-01T10:00")


@pytest.mark.parametrize(
    ("start", "end"),
    [("0001-01-01T00:00", "0001-01-01T01:00"), ("9999-12-31T22:00", "9999-12-31T23:59")],
)
def test_times_at_the_ends_of_the_calendar_are_malformed(start: str, end: str) -> None:
    """Moved to UTC by a zone's offset they fall off the calendar (OverflowError): such a
    request would break every member's calendar, so it is no request at all."""
    circle = content(ANA)
    with pytest.raises(MalformedItem):  # make_item checks as strictly as a reader
        sign_record(circle, ANA, NOW, "request", _request("Asia/Tokyo", start, end, 1))


def test_times_just_inside_the_calendar_the_format_allows_are_read_in_every_zone() -> None:
    circle = content(ANA)
    for n, (zone, start, end) in enumerate(
        [
            ("Pacific/Kiritimati", "1970-01-01T00:00", "1970-01-01T01:00"),  # UTC+14
            ("Etc/GMT+12", "9998-12-31T22:00", "9998-12-31T23:59"),  # UTC-12
        ]
    ):
        sign_record(circle, ANA, NOW, "request", _request(zone, start, end, n))
    kept = combine(circle, ())
    requests = help_requests(kept.content, kept.roster, NOW)
    assert [r.state for r in requests] == ["closed", "open"]


def test_the_ics_of_slots_at_both_ends_the_format_allows_is_written() -> None:
    """A hostile asker can date confirmed slots in 1970 and 9998 (the format's range): the
    export's VTIMEZONE range then ran past 9999 (OverflowError), and must stay small."""

    circle = content(ANA, BEA)
    circle.add([roster_item(ANA, BEA.fingerprint, "member")])
    slots = [
        ("Europe/London", "1970-01-01T10:00", "1970-01-01T11:00"),
        ("Europe/London", "9998-12-31T22:00", "9998-12-31T23:59"),
        ("Etc/GMT+12", "9998-12-31T22:00", "9998-12-31T23:59"),
    ]
    for n, (zone, start, end) in enumerate(slots):
        request = sign_record(circle, ANA, NOW, "request", _request(zone, start, end, n))
        offer = sign_record(circle, BEA, NOW, "offer", {"note": ""}, target=request.fields["id"])
        sign_record(circle, ANA, NOW, "confirmation", {"note": ""}, target=offer.fields["id"])
    kept = combine(circle, ())
    requests = help_requests(kept.content, kept.roster, NOW)
    data = calendar_bytes(requests, lambda _fp: "Ana", NOW)
    assert len(data) < 1_000_000  # the zone data stays bounded whatever the slots' years
    calendar = vobject.readOne(data.decode("utf-8"))
    assert len(calendar.vevent_list) == 3


def test_a_zone_name_is_looked_up_once_however_many_requests_use_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A hostile member may date thousands of requests in a zone this computer does not
    know: each failed lookup searched the zone database again (three per request), most of
    the calendar's time. A name is looked up once."""
    from carecompanion.circle import slots
    from carecompanion.people.zones import zone

    slots.clear_zone_cache()
    looked_up: list[str] = []
    real = zone

    def counting(name: str) -> Any:
        looked_up.append(name)
        return real(name)

    monkeypatch.setattr(slots, "zone", counting)
    circle = content(ANA)
    for n in range(30):
        sign_record(
            circle,
            ANA,
            NOW,
            "request",
            _request("Nowhere/Zone", "2027-01-01T10:00", "2027-01-01T11:00", n),
        )
    kept = combine(circle, ())
    requests = help_requests(kept.content, kept.roster, NOW)
    assert len(requests) == 30 and not any(r.zone_known for r in requests)
    assert looked_up.count("Nowhere/Zone") == 1
    slots.clear_zone_cache()
