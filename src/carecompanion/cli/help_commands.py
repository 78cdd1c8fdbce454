"""circle ask, help, offer, withdraw-offer, confirm, cancel-request, edit-request, export-ics:
the help calendar's handlers (the grammar is in ``help_parser``).

Each change is saved in the journal, then synced, as ``circle comment`` is: when the circle
file is busy or out of reach, what was saved stays saved and goes out at the next sync.
``circle help`` shows the calendar as the journal last synced it.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from carecompanion.cli.circle_commands import _registered, sync_after_saving
from carecompanion.cli.io import CliError, new_file, print_rows, write_new_file
from carecompanion.cli.vault_commands import vault_session

if TYPE_CHECKING:
    from carecompanion.circle.help import HelpRequest
    from carecompanion.circle.helping import Ask, HelpBoard
    from carecompanion.circle.service import CircleService

_CLOCK_ONLY = re.compile(r"\d{1,2}:\d{2}")


@contextmanager
def _circle(args: argparse.Namespace) -> Iterator[tuple[CircleService, str]]:
    """The unlocked vault's circles and the id of the circle in ``args.file``."""
    with vault_session(args) as session:
        circles = session.circles
        yield circles, _registered(circles, args.file)


def _id(value: str) -> str:
    """A request's or an offer's id as typed (ids are lowercase hex)."""
    return value.strip().lower()


def _zone(value: str | None) -> str:
    from carecompanion.people.zones import system_zone_name

    if value:
        return value.strip()
    found = system_zone_name()
    if found is None:
        raise CliError("This computer's time zone is not known: say it, e.g. --tz Europe/London.")
    return found


def _when(option: str, value: str, zone: str, after: datetime | None = None) -> datetime:
    """A wall-clock time in ``zone`` (naive) from ``--at``/``--until``; with ``after`` (the
    start), a bare ``17:00`` is that day, or the next when it is not later (07:00 after a
    22:00 start is the next morning)."""
    from carecompanion.circle.slots import zone_of

    text = value.strip()
    if after is not None and _CLOCK_ONLY.fullmatch(text):
        hours, minutes = text.split(":")
        try:
            end = datetime.combine(after.date(), time(int(hours), int(minutes)))
        except ValueError:
            pass
        else:
            return end if end > after else end + timedelta(days=1)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise CliError(
            f"{option} needs a date and time like 2026-03-05T14:00, not {value!r}."
        ) from None
    if moment.tzinfo is not None:
        try:
            moment = moment.astimezone(zone_of(zone)).replace(tzinfo=None)
        except OverflowError:
            raise CliError(f"{option}: {value!r} is too far from today.") from None
    return moment.replace(second=0, microsecond=0)


def _ask(args: argparse.Namespace, base: HelpRequest | None = None) -> Ask:
    """The request ``args`` describe; for an edit, what they do not say is ``base``'s."""
    from carecompanion.circle.helping import Ask
    from carecompanion.circle.slots import weekdays

    zone = _zone(args.tz if args.tz or base is None else base.zone)
    if base is None or args.at:
        start = _when("--at", args.at, zone)
    else:
        start = datetime.fromisoformat(base.start_wall)
    if base is None or args.until:
        end = _when("--until", args.until, zone, start)
    else:  # an edit that moves the start keeps the length
        was = datetime.fromisoformat(base.start_wall)
        end = datetime.fromisoformat(base.end_wall) + (start - was)
    days: tuple[int, ...] = ()
    count = 1
    weekly = getattr(args, "weekly", None)
    series_count = getattr(args, "count", None)
    if weekly is not None or series_count is not None:
        if weekly is None or series_count is None:
            raise CliError("A series needs both --weekly (e.g. MO,TH) and --count N.")
        try:
            days = weekdays(weekly)
        except ValueError:
            raise CliError(
                f"--weekly needs weekdays like MO,TH (MO TU WE TH FR SA SU), not {weekly!r}."
            ) from None
        count = series_count

    def given(value: str | None, before: str) -> str:
        return value if value is not None else before

    return Ask(
        what=given(args.what, base.what if base else ""),
        start=start,
        end=end,
        zone=zone,
        needed=args.people if args.people is not None else (base.needed if base else 1),
        where=given(args.where, base.where if base else ""),
        note=given(args.note, base.note if base else ""),
        weekdays=days,
        count=count,
    )


def _iso(at: datetime) -> str:
    return at.isoformat(timespec="minutes")


def cmd_ask(args: argparse.Namespace) -> int:
    ask = _ask(args)
    with _circle(args) as (circles, circle_id):
        ids = circles.ask_for_help(circle_id, ask)
        sync_after_saving(circles, circle_id, args.file, "request")
        board = circles.help_board(circle_id)
    rows = [
        {"id": r.id, "start": _iso(r.start), "end": _iso(r.end)}
        for r in sorted((board.request(i) for i in ids), key=lambda r: r.start)
    ]
    print_rows(rows, args.json)
    return 0


def _offer_json(board: HelpBoard, request: HelpRequest) -> list[dict[str, Any]]:
    return [
        {
            "id": offer.id,
            "by": board.name(offer.by),
            "by_fingerprint": offer.by,
            "state": offer.state,
            "note": offer.note,
            "reason": offer.reason,
            "former_member": offer.former_member,
        }
        for offer in request.offers
    ]


def cmd_help(args: argparse.Namespace) -> int:
    with _circle(args) as (circles, circle_id):
        board = circles.help_board(circle_id)
    shown = [r for r in board.requests if args.all or r.state in ("open", "covered")]
    if args.json:
        print_rows(
            [
                {
                    "id": r.id,
                    "start": _iso(r.start),
                    "end": _iso(r.end),
                    "what": r.what,
                    "needed": r.needed,
                    "offers": _offer_json(board, r),
                    "state": r.state,
                    "covered_by": [board.name(fp) for fp in r.covered_by],
                    "zone": r.zone,
                    "where": r.where,
                    "note": r.note,
                    "by": board.name(r.by),
                    "by_fingerprint": r.by,
                    "series": r.series,
                    "cancel_reason": r.cancel_reason,
                }
                for r in shown
            ],
            True,
        )
        return 0
    rows = []
    for r in shown:
        row: dict[str, object] = {
            "id": r.id,
            "start": _iso(r.start),
            "end": _iso(r.end),
            "what": r.what,
            "needed": r.needed,
            "covered_by": ", ".join(board.name(fp) for fp in r.covered_by),
        }
        if args.all:
            row["state"] = r.state
        rows.append(row)
    print_rows(rows, False)
    return 0


def _slot(request: HelpRequest) -> str:
    return f"“{request.what}” on {_iso(request.start)}"


def cmd_offer(args: argparse.Namespace) -> int:
    with _circle(args) as (circles, circle_id):
        offer = circles.offer_help(circle_id, _id(args.request), args.note or "")
        sync_after_saving(circles, circle_id, args.file, "offer")
    print(offer)
    return 0


def cmd_withdraw_offer(args: argparse.Namespace) -> int:
    with _circle(args) as (circles, circle_id):
        request = circles.withdraw_offer(circle_id, _id(args.offer), args.reason or "")
        sync_after_saving(circles, circle_id, args.file, "withdrawal")
    print(f"Withdrew your offer for {_slot(request)}.")
    return 0


def cmd_confirm(args: argparse.Namespace) -> int:
    with _circle(args) as (circles, circle_id):
        offer_id = _id(args.offer)
        circles.confirm_offer(circle_id, offer_id, args.note or "")
        sync_after_saving(circles, circle_id, args.file, "confirmation")
        board = circles.help_board(circle_id)
    request, offer = board.offer(offer_id)
    print(f"Confirmed {board.name(offer.by)} for {_slot(request)}.")
    return 0


def cmd_cancel_request(args: argparse.Namespace) -> int:
    with _circle(args) as (circles, circle_id):
        request = circles.cancel_request(circle_id, _id(args.request), args.reason or "")
        sync_after_saving(circles, circle_id, args.file, "cancellation")
    print(f"Cancelled {_slot(request)}: whoever offered sees it at their next sync.")
    return 0


def cmd_edit_request(args: argparse.Namespace) -> int:
    with _circle(args) as (circles, circle_id):
        request_id = _id(args.request)
        current = circles.help_board(circle_id).request(request_id)
        circles.edit_request(circle_id, request_id, _ask(args, current))
        sync_after_saving(circles, circle_id, args.file, "change")
        changed = circles.help_board(circle_id).request(request_id)
    print(f"Changed {changed.id}: {_slot(changed)} until {_iso(changed.end)}.")
    return 0


def cmd_export_ics(args: argparse.Namespace) -> int:
    from carecompanion.circle.help_ics import calendar_bytes, exported

    out = new_file(args.out)
    if args.alarm < 0:
        raise CliError("--alarm needs a number of minutes, 0 or more.")
    with _circle(args) as (circles, circle_id):
        board = circles.help_board(circle_id)
        me = board.me if args.mine else None
        data = calendar_bytes(
            board.requests, board.name, board.now, me=me, alarm_minutes=args.alarm
        )
    write_new_file(Path(out), data)
    count = len(exported(board.requests, me))
    print(f"Wrote {count} event{'s' if count != 1 else ''} to {out}.")
    return 0
