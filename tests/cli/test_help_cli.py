"""carecompanion circle ask / help / offer / confirm / withdraw-offer / cancel-request /
edit-request / export-ics: the help calendar end to end, two people with their own vaults and
one shared file, syncing both ways (the real clock: the dates are years ahead)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
import vobject

from carecompanion.cli.io import clock
from carecompanion.paths import AppPaths
from carecompanion.session import create_vault
from carecompanion.vault.kdf import KdfParams
from tests.cli.conftest import Result
from tests.helpers import GOOD_PASSPHRASE

Run = Callable[..., Result]
PASS = {"CARECOMPANION_PASSPHRASE": GOOD_PASSPHRASE}


def ok(result: Result) -> str:
    assert result.code == 0, result.err
    return result.out


def one_line_error(result: Result, *fragments: str) -> None:
    assert result.code == 1, result.out
    assert "Traceback" not in result.err and len(result.err_lines) == 1, result.err
    for fragment in fragments:
        assert fragment in result.err, result.err


@pytest.fixture
def circle(cli: Run, tmp_path: Path, fast_kdf: KdfParams) -> tuple[Run, Run, str]:
    """Ana's circle in a shared file, Bea a member; both have joined."""

    def person(name: str) -> Run:
        home = tmp_path / name

        def run(*args: str, **env: str) -> Result:
            return cli("--data-dir", str(home), *args, **{**PASS, **env})

        unlocked, _key = create_vault(AppPaths(home), GOOD_PASSPHRASE, kdf=fast_kdf, clock=clock())
        unlocked.lock()
        ok(run("identity", "set-name", name))
        return run

    ana, bea = person("Ana"), person("Bea")
    file = str(tmp_path / "Family.carecircle")
    card = str(tmp_path / "bea.carecard")
    ok(bea("identity", "export-card", "--out", card))
    ok(ana("circle", "create", "--name", "Family", "--file", file))
    ok(ana("circle", "add-member", file, "--card", card))
    ok(bea("circle", "join", file))
    return ana, bea, file


def rows(out: str) -> list[list[str]]:
    return [line.split("\t") for line in out.splitlines()]


def test_ask_offer_confirm_and_both_see_the_same(circle: tuple[Run, Run, str]) -> None:
    ana, bea, file = circle
    asked = rows(
        ok(
            ana(
                "circle",
                "ask",
                file,
                "--what",
                "Sit with Mum",
                "--at",
                "2031-03-20T14:00",
                "--until",
                "17:00",
                "--tz",
                "Europe/London",
                "--people",
                "1",
                "--where",
                "at home",
                "--note",
                "she likes the radio on",
            )
        )
    )
    [[rid, start, end]] = asked
    assert (start, end) == ("2031-03-20T14:00+00:00", "2031-03-20T17:00+00:00")

    ok(bea("circle", "sync", file))
    assert rows(ok(bea("circle", "help", file))) == [[rid, start, end, "Sit with Mum", "1", ""]]
    offer = ok(bea("circle", "offer", file, "--request", rid, "--note", "I can do it")).strip()
    assert len(offer) == 24
    ok(ana("circle", "sync", file))
    [request] = json.loads(ok(ana("circle", "help", file, "--json")))
    assert {k: request[k] for k in ("id", "start", "end", "what", "needed")} == {
        "id": rid,
        "start": start,
        "end": end,
        "what": "Sit with Mum",
        "needed": 1,
    }
    assert [{k: o[k] for k in ("id", "by", "state")} for o in request["offers"]] == [
        {"id": offer, "by": "Bea", "state": "offered"}
    ]
    one_line_error(bea("circle", "confirm", file, "--offer", offer), "person who asked")
    assert "Confirmed Bea" in ok(ana("circle", "confirm", file, "--offer", offer))
    ok(bea("circle", "sync", file))
    ok(ana("circle", "sync", file))
    seen = [json.loads(ok(run("circle", "help", file, "--json"))) for run in (ana, bea)]
    assert seen[0] == seen[1]
    assert "OK" in ok(bea("circle", "verify", file))  # every help record checks out
    shown = [r.split("\t") for r in ok(bea("circle", "show", file)).splitlines()]
    assert {(r[2], r[-1]) for r in shown if r[0] == "record"} >= {("request", "Sit with Mum")}
    assert seen[0][0]["offers"][0]["state"] == "confirmed"
    for run in (ana, bea):
        assert rows(ok(run("circle", "help", file))) == [
            [rid, start, end, "Sit with Mum", "1", "Bea"]
        ]

    # Bea withdraws after the confirmation: the slot opens again, for both.
    ok(bea("circle", "withdraw-offer", file, "--offer", offer, "--reason", "I have a cold"))
    ok(ana("circle", "sync", file))
    [request] = json.loads(ok(ana("circle", "help", file, "--json")))
    assert request["state"] == "open" and request["covered_by"] == []
    assert request["offers"][0]["state"] == "withdrawn"
    assert request["offers"][0]["reason"] == "I have a cold"

    # She offers again and is confirmed; her calendar gets what she promised.
    again = ok(bea("circle", "offer", file, "--request", rid)).strip()
    ok(ana("circle", "sync", file))
    ok(ana("circle", "confirm", file, "--offer", again))
    ok(bea("circle", "sync", file))
    ics = Path(file).with_name("bea.ics")
    assert "Wrote 1 event" in ok(bea("circle", "export-ics", file, "--out", str(ics), "--mine"))
    [event] = vobject.readOne(ics.read_text()).vevent_list
    assert event.summary.value == "Sit with Mum" and event.location.value == "at home"
    assert event.dtstart.value.astimezone(UTC) == datetime(2031, 3, 20, 14, tzinfo=UTC)
    assert "DTSTART;TZID=Europe/London:20310320T140000" in ics.read_text()
    assert event.valarm_list[0].action.value == "DISPLAY"
    one_line_error(bea("circle", "export-ics", file, "--out", str(ics)), "already exists")

    # Ana cancels: the offer is released, and Bea sees it after her sync.
    assert "Cancelled" in ok(ana("circle", "cancel-request", file, "--request", rid))
    ok(bea("circle", "sync", file))
    assert ok(bea("circle", "help", file)) == ""  # nothing left to do
    [cancelled] = json.loads(ok(bea("circle", "help", file, "--json", "--all")))
    assert cancelled["state"] == "cancelled"
    # Both of Bea's offers, made within one second: their order is by id, which is random.
    assert sorted(o["state"] for o in cancelled["offers"]) == ["released", "withdrawn"]
    assert rows(ok(bea("circle", "help", file, "--all")))[0][-1] == "cancelled"


def test_a_weekly_series_and_an_edit(circle: tuple[Run, Run, str]) -> None:
    ana, bea, file = circle
    # British Summer Time starts on Sunday 30 March 2031.
    asked = json.loads(
        ok(
            ana(
                "circle",
                "ask",
                file,
                "--what",
                "Meals",
                "--at",
                "2031-03-18T18:00",
                "--until",
                "2031-03-18T19:00",
                "--tz",
                "Europe/London",
                "--weekly",
                "TU,FR",
                "--count",
                "4",
                "--json",
            )
        )
    )
    assert [a["end"] for a in asked][-1] == "2031-03-28T19:00+00:00"
    slots = json.loads(ok(ana("circle", "help", file, "--json")))
    assert [s["id"] for s in slots] == [a["id"] for a in asked]
    assert [s["start"] for s in slots] == [
        "2031-03-18T18:00+00:00",
        "2031-03-21T18:00+00:00",
        "2031-03-25T18:00+00:00",
        "2031-03-28T18:00+00:00",
    ]
    assert len({s["series"] for s in slots}) == 1
    ok(
        ana(
            "circle",
            "ask",
            file,
            "--what",
            "A lift",
            "--at",
            "2031-04-01T09:00",
            "--until",
            "10:00",
            "--tz",
            "Europe/London",
        )
    )
    lift = json.loads(ok(ana("circle", "help", file, "--json")))[-1]
    assert lift["start"] == "2031-04-01T09:00+01:00"  # summer time, said as it is there
    ok(
        ana(
            "circle",
            "edit-request",
            file,
            "--request",
            lift["id"],
            "--at",
            "2031-04-02T10:00",
            "--people",
            "2",
        )
    )
    ok(bea("circle", "sync", file))
    edited = json.loads(ok(bea("circle", "help", file, "--json")))[-1]
    assert (edited["id"], edited["start"], edited["end"], edited["needed"]) == (
        lift["id"],
        "2031-04-02T10:00+01:00",
        "2031-04-02T11:00+01:00",  # the length is kept
        2,
    )


def test_mistakes_are_one_line(circle: tuple[Run, Run, str]) -> None:
    ana, bea, file = circle
    base = ("circle", "ask", file, "--what", "x", "--tz", "Europe/London")
    one_line_error(ana(*base, "--at", "soon", "--until", "17:00"), "--at needs a date")
    one_line_error(
        ana(*base, "--at", "2031-03-20T14:00", "--until", "2031-03-20T13:00"),
        "end must come after",
    )
    # A bare time earlier than the start is the next morning: an overnight slot.
    [[_rid, start, end]] = rows(ok(ana(*base, "--at", "2031-03-20T22:00", "--until", "07:00")))
    assert (start, end) == ("2031-03-20T22:00+00:00", "2031-03-21T07:00+00:00")
    one_line_error(
        ana(*base, "--at", "2031-03-20T14:00", "--until", "17:00", "--weekly", "TU"),
        "--count",
    )
    one_line_error(
        ana(
            *base, "--at", "2031-03-20T14:00", "--until", "17:00", "--weekly", "XX", "--count", "2"
        ),
        "--weekly needs weekdays",
    )
    one_line_error(
        ana(
            "circle",
            "ask",
            file,
            "--what",
            "x",
            "--at",
            "2031-03-20T14:00",
            "--until",
            "17:00",
            "--tz",
            "Nowhere/Land",
        ),
        "not a time zone",
    )
    one_line_error(bea("circle", "offer", file, "--request", "0" * 24), "no request")
