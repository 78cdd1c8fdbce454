"""What the help calendar tells a person, worked out from two states of it: after a sync, what
changed for them (for a tray notice), and what is next (for the sidebar and reminders).

Pure functions of ``help.HelpRequest`` lists, so the app's tray, sidebar and reminders are thin
views over them. A notice names no health detail: only who did what, and when ("Someone
offered to help on Thursday"), never what the help is for; the app words it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Final

from carecompanion.circle.help import HelpRequest

#: What a notice says happened, for this member:
#: ``offered``: someone offered to cover a request of mine;
#: ``withdrawn``: someone I had confirmed withdrew (my request is open again);
#: ``confirmed``: the asker confirmed my offer;
#: ``cancelled``: a request I had offered on was cancelled.
NEWS_KINDS: Final = ("offered", "withdrawn", "confirmed", "cancelled")


@dataclass(frozen=True)
class HelpNews:
    kind: str  # one of NEWS_KINDS
    request_id: str
    by: str  # who did it (fingerprint): the offerer, or the asker
    start: datetime  # when the slot is, aware in its own zone


def help_news(
    before: Sequence[HelpRequest], after: Sequence[HelpRequest], me: str
) -> list[HelpNews]:
    """What changed for ``me`` from ``before`` to ``after`` (one sync), soonest slot first."""
    old = {r.id: r for r in before}
    news: list[HelpNews] = []
    for request in after:
        was = old.get(request.id)
        was_offers = {o.id: o for o in was.offers} if was is not None else {}
        if request.by == me:
            for offer in request.offers:
                prior = was_offers.get(offer.id)
                if prior is None and offer.state != "withdrawn":
                    news.append(HelpNews("offered", request.id, offer.by, request.start))
                elif (
                    prior is not None and prior.state == "confirmed" and offer.state == "withdrawn"
                ):
                    news.append(HelpNews("withdrawn", request.id, offer.by, request.start))
            continue
        mine = [o for o in request.offers if o.by == me]
        for offer in mine:
            prior = was_offers.get(offer.id)
            if offer.state == "confirmed" and (prior is None or prior.state != "confirmed"):
                news.append(HelpNews("confirmed", request.id, request.by, request.start))
        cancelled_now = request.state == "cancelled" and (was is None or was.state != "cancelled")
        if cancelled_now and any(o.state != "withdrawn" for o in mine):
            news.append(HelpNews("cancelled", request.id, request.by, request.start))
    news.sort(key=lambda n: (n.start.timestamp(), n.request_id, n.kind))
    return news


def next_promised(requests: Iterable[HelpRequest], me: str, now: datetime) -> HelpRequest | None:
    """The next slot ``me`` promised (their offer confirmed) that has not ended."""
    mine = [r for r in requests if me in r.covered_by and r.state != "closed" and r.end > now]
    return min(mine, key=lambda r: r.start.timestamp(), default=None)


def next_for_me(requests: Iterable[HelpRequest], me: str, now: datetime) -> HelpRequest | None:
    """The next slot of ``me``'s own requests that someone is covering, not ended."""
    covered = [
        r for r in requests if r.by == me and r.covered_by and r.state != "closed" and r.end > now
    ]
    return min(covered, key=lambda r: r.start.timestamp(), default=None)


def reminders_due(
    requests: Iterable[HelpRequest],
    me: str,
    lead: timedelta,
    since: datetime,
    now: datetime,
) -> list[HelpRequest]:
    """The slots ``me`` promised whose reminder (``lead`` before the start) fell in
    (``since``, ``now``]: each is reminded once, by whoever asks with consecutive windows."""
    due = [
        r
        for r in requests
        # In UTC: Python subtracts from a zoned time on the wall clock, off by an hour across
        # a clock change.
        if me in r.covered_by and since < r.start.astimezone(UTC) - lead <= now
    ]
    return sorted(due, key=lambda r: (r.start.timestamp(), r.id))
