"""The helper role (format version 3): reads the circle and offers help, posts nothing. Set by
the owner or an admin like any role; a member made a helper keeps what they shared before."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from tests.circle.helpers import content, member, record, roster_item
from tests.circle.hostile import Person, make_circle, people, shared

from carecompanion.circle.errors import NotAllowed
from carecompanion.circle.helping import Ask
from carecompanion.circle.keeping import combine
from carecompanion.circle.roster import evaluate_roster

__all__ = ["people", "shared"]  # fixtures

ANA, BEA, CAL = member("Ana"), member("Bea"), member("Cal")


def test_a_helper_reads_offers_and_posts_nothing(people: dict[str, Person], shared: Path) -> None:
    circle_id = make_circle(people, shared, {"Bea": "admin", "Dee": "helper"})
    ana, bea, dee = people["Ana"], people["Bea"], people["Dee"]
    assert dee.circles.circle(circle_id).my_role == "helper"
    ana.share(circle_id, "News for everyone")
    [rid] = ana.circles.ask_for_help(
        circle_id,
        Ask("Sit with Mum", datetime(2026, 3, 5, 14), datetime(2026, 3, 5, 17), "Europe/London"),
    )
    ana.circles.sync(circle_id)
    dee.circles.sync(circle_id)
    assert dee.titles(circle_id) == ["News for everyone"]  # a helper reads everything
    [post] = dee.circles.state(circle_id).posts
    with pytest.raises(NotAllowed):
        dee.share(circle_id, "mine")
    with pytest.raises(NotAllowed):
        dee.circles.comment(circle_id, post.record_id, "hello")
    with pytest.raises(NotAllowed):
        dee.circles.react(circle_id, post.record_id, "heart")
    offer = dee.circles.offer_help(circle_id, rid)
    assert dee.circles.sync(circle_id).wrote
    ana.circles.sync(circle_id)
    assert [o.id for o in ana.circles.help_board(circle_id).request(rid).offers] == [offer]
    # Her head is kept too (she writes offers), so the file is checked against it.
    assert ("head", dee.fingerprint) in ana.content(circle_id).items
    # An admin can make someone a helper.
    bea.circles.sync(circle_id)
    bea.circles.add_member(circle_id, people["Cal"].circles.card(), "helper")
    bea.circles.sync(circle_id)
    ana.circles.sync(circle_id)
    assert ana.circles.roster(circle_id).role_of(people["Cal"].fingerprint) == "helper"


def test_a_member_made_a_helper_keeps_their_posts_and_their_later_posts_do_not_count() -> None:
    circle = content(ANA, BEA)
    as_member = roster_item(ANA, BEA.fingerprint, "member")
    before = record(BEA, 1)
    circle.add([as_member, before])
    circle.add([roster_item(ANA, BEA.fingerprint, "helper", replaces=as_member, keeps=[before])])
    after = record(BEA, 2)
    circle.add([after])
    kept = combine(circle, ())
    assert kept.roster.role_of(BEA.fingerprint) == "helper"
    assert kept.roster.can_read(BEA.fingerprint) and kept.roster.can_offer(BEA.fingerprint)
    assert not kept.roster.can_write(BEA.fingerprint)
    assert before.key in kept.content.items and after.key not in kept.content.items
    assert kept.dropped.records == 1


def test_an_admin_may_make_someone_a_helper_but_not_with_keeps_for_a_member() -> None:
    grant = roster_item(ANA, BEA.fingerprint, "admin")
    cal_member = roster_item(ANA, CAL.fingerprint, "member")
    helper = roster_item(BEA, CAL.fingerprint, "helper", replaces=cal_member, under=grant)
    circle = content(ANA, BEA, CAL)
    circle.add([grant, cal_member, helper])
    roster = evaluate_roster(circle.genesis, circle.cards, circle.items.values())
    assert roster.role_of(CAL.fingerprint) == "helper"
    # Back to member: an item that lets someone write carries no keeps.
    back = roster_item(
        BEA, CAL.fingerprint, "member", replaces=helper, under=grant, keeps=[record(CAL, 1)]
    )
    circle.add([back])
    roster = evaluate_roster(circle.genesis, circle.cards, circle.items.values())
    assert roster.role_of(CAL.fingerprint) == "helper" and back.digest not in roster.valid
