"""Issue 14 through the circle service, three people and one shared file: copies people make
are kept (7), a broken file can be repaired (8), warnings are honest (9), names are told apart
(10), retries write once (11), passphrase circles (12) and one redaction list (13)."""

from __future__ import annotations

import json
import shutil
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.circle.test_three_members import Person, make_circle, share
from tests.conftest import VaultFactory

from carecompanion.circle import agefile
from carecompanion.circle.errors import CircleFileError, NotAllowed, RepairableFile
from carecompanion.circle.limits import MAX_FILE_BYTES
from carecompanion.clock import FixedClock
from carecompanion.paths import AppPaths
from carecompanion.session import VaultSession


@pytest.fixture
def people(tmp_path: Path, vault_factory: VaultFactory, clock: FixedClock) -> dict[str, Person]:
    """Ana, Bea and Cal, each with a vault (as in test_three_members)."""
    result = {}
    for name in ("Ana", "Bea", "Cal"):
        home = tmp_path / name
        unlocked, _key = vault_factory(paths=AppPaths(home))
        result[name] = Person(name, VaultSession(unlocked, clock), home)
    return result


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    folder = tmp_path / "Shared"
    folder.mkdir()
    return folder / "Tuesday group.carecircle"


def recipients(person: Person, circle_id: str) -> list[str]:
    return sorted(m.card.age_recipient for m in person.circles.roster(circle_id).current())


def rewrite(file: Path, reader: Person, to: list[str], change: Callable[[Any], None]) -> None:
    """What a member can do: open the file with their key, change the document as they like,
    and encrypt it again with age to the recipients they know."""
    payload = agefile.decrypt_with_identity(
        file.read_bytes(), reader.circles.identity().age_identity
    )
    magic, packed = payload.split(b"\n", 1)
    document = json.loads(zlib.decompress(packed))
    change(document)
    again = magic + b"\n" + zlib.compress(json.dumps(document).encode())
    file.write_bytes(agefile.encrypt_to_recipients(again, to))


# -- 7: files people made are never deleted ---------------------------------------------------
def test_a_persons_own_copy_is_merged_and_kept(people: dict[str, Person], shared: Path) -> None:
    circle_id = make_circle(people, shared)
    ana, cal = people["Ana"], people["Cal"]
    old = shared.read_bytes()
    share(ana, circle_id, "Only in the backup")
    ana.circles.sync(circle_id)
    backup = shared.with_name("Tuesday group-backup.carecircle")
    shutil.copyfile(shared, backup)  # a person's own copy, named like a OneDrive conflict
    shared.write_bytes(old)
    report = cal.circles.sync(circle_id)
    assert backup.exists()
    assert report.kept_copies == (backup,) and report.merged_copies == ()
    assert cal.titles(circle_id) == ["Only in the backup"]
    assert cal.circles.sync(circle_id).nothing_new  # a kept copy is not read again


def test_a_conflict_named_copy_of_another_circle_is_left_alone(
    people: dict[str, Person], shared: Path
) -> None:
    circle_id = make_circle(people, shared)
    ana = people["Ana"]
    other = shared.with_name("Tuesday group (Bea's conflicted copy 2026-11-25).carecircle")
    ana.circles.create("Another circle", other)
    report = ana.circles.sync(ana.circles.find_by_file(shared).id)
    assert report.merged_copies == () and other.exists()
    assert ana.circles.circle(circle_id).name == "Tuesday group"


# -- 8: a file refused for everyone can be repaired ------------------------------------------
def test_one_malformed_item_is_repaired_from_the_vault(
    people: dict[str, Person], shared: Path
) -> None:
    circle_id = make_circle(people, shared)
    ana, bea, cal = people["Ana"], people["Bea"], people["Cal"]
    share(ana, circle_id, "Before the damage")
    ana.circles.sync(circle_id)
    cal.circles.sync(circle_id)
    rewrite(
        shared,
        bea,
        recipients(bea, circle_id),
        lambda doc: doc["records"].append(["{}", "AAAA"]),
    )
    for person in (ana, cal):
        with pytest.raises(RepairableFile, match="It can be repaired") as raised:
            person.circles.sync(circle_id)
        assert raised.value.code == "circle.repairable"
    report = cal.circles.repair(circle_id)  # any member, for their own copy of the circle
    assert report.repaired and report.problem is not None
    for person in (ana, bea, cal):
        person.circles.sync(circle_id)
        assert person.titles(circle_id) == ["Before the damage"]


def test_an_oversized_file_is_repaired(people: dict[str, Person], shared: Path) -> None:
    circle_id = make_circle(people, shared)
    ana, bea = people["Ana"], people["Bea"]
    share(ana, circle_id, "Kept")
    ana.circles.sync(circle_id)
    with shared.open("r+b") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(RepairableFile, match="too large"):
        bea.circles.sync(circle_id)
    assert bea.circles.repair(circle_id).repaired
    assert shared.stat().st_size < 100_000
    ana.circles.sync(circle_id)
    assert ana.titles(circle_id) == ["Kept"]


def test_only_the_owner_replaces_a_file_they_cannot_open(
    people: dict[str, Person], shared: Path
) -> None:
    circle_id = make_circle(people, shared)
    ana, bea, cal = people["Ana"], people["Bea"], people["Cal"]
    good = shared.read_bytes()
    rewrite(shared, bea, [bea.circles.identity().age_recipient], lambda doc: None)
    with pytest.raises(CircleFileError, match="not a member") as raised:
        cal.circles.sync(circle_id)
    assert not isinstance(raised.value, RepairableFile)  # maybe Cal was removed: no repair
    with pytest.raises(CircleFileError, match="not a member"):
        cal.circles.repair(circle_id)
    with pytest.raises(RepairableFile):  # the owner is never removed: this file is hostile
        ana.circles.sync(circle_id)
    assert ana.circles.repair(circle_id).repaired
    assert shared.read_bytes() != good
    cal.circles.sync(circle_id)


def test_a_removed_member_cannot_repair(people: dict[str, Person], shared: Path) -> None:
    circle_id = make_circle(people, shared)
    ana, cal = people["Ana"], people["Cal"]
    ana.circles.remove_member(circle_id, cal.fingerprint)
    ana.circles.sync(circle_id)
    cal.circles._registry.store(  # Cal's vault learns it
        circle_id,
        ana.circles._registry.content(circle_id),
        dirty=False,
    )
    with pytest.raises(NotAllowed):
        cal.circles.repair(circle_id)


def test_repairing_a_good_file_syncs_it(people: dict[str, Person], shared: Path) -> None:
    circle_id = make_circle(people, shared)
    report = people["Bea"].circles.repair(circle_id)
    assert not report.repaired and report.synced is not None


# -- 9: honest warnings ------------------------------------------------------------------------
def test_a_sync_tools_conflict_is_not_called_a_rollback(
    people: dict[str, Person], shared: Path
) -> None:
    circle_id = make_circle(people, shared)
    ana, bea, cal = people["Ana"], people["Bea"], people["Cal"]
    before = shared.read_bytes()
    share(cal, circle_id, "Cal's news")
    cal.circles.sync(circle_id)
    cals = shared.read_bytes()
    shared.write_bytes(before)  # Bea wrote at the same time, from the same version...
    share(bea, circle_id, "Bea's news")
    bea.circles.sync(circle_id)
    # ...and Syncthing kept Bea's as the file, Cal's as a conflict copy.
    shared.with_name("Tuesday group.sync-conflict-20261125-101500-ABCDEF7.carecircle").write_bytes(
        cals
    )
    report = cal.circles.sync(circle_id)
    assert report.warnings == ()
    assert len(report.merged_copies) == 1
    ana.circles.sync(circle_id)
    assert ana.titles(circle_id) == ["Bea's news", "Cal's news"]


def test_verify_says_the_file_is_stale(people: dict[str, Person], shared: Path) -> None:
    circle_id = make_circle(people, shared)
    ana, bea = people["Ana"], people["Bea"]
    old = shared.read_bytes()
    share(ana, circle_id, "Newer")
    ana.circles.sync(circle_id)
    bea.circles.sync(circle_id)
    assert bea.circles.verify(shared.read_bytes(), None, circle_id).ok
    shared.write_bytes(old)
    report = bea.circles.verify(shared.read_bytes(), None, circle_id)
    assert not report.ok
    assert [notice.code for notice in report.stale] == ["circle.stale"]
    assert "Ana" in report.stale[0]
    assert bea.circles.verify(shared.read_bytes(), None).stale == []  # no vault copy: unknown


# -- 10: names -------------------------------------------------------------------------------
def test_two_members_with_one_name_are_told_apart(
    people: dict[str, Person], shared: Path, clock: FixedClock
) -> None:
    circle_id = make_circle(people, shared)
    ana, bea, cal = people["Ana"], people["Bea"], people["Cal"]
    clock.advance(60)  # a later card wins
    cal.circles.set_name("Ana")
    share(cal, circle_id, "From the other Ana")
    cal.circles.sync(circle_id)
    share(ana, circle_id, "From Ana")
    ana.circles.sync(circle_id)
    bea.circles.sync(circle_id)
    state = bea.circles.state(circle_id)
    real, other = state.names[ana.fingerprint], state.names[cal.fingerprint]
    assert real.same_name and other.same_name
    assert real.display != other.display
    assert real.display.startswith("Ana (") and other.display.startswith("Ana (")
    assert [w.code for w in state.warnings] == ["circle.same_name"]
    authors = {post.title: post.author_name for post in state.posts}
    assert authors == {"From Ana": real.display, "From the other Ana": other.display}
    assert not state.names[bea.fingerprint].same_name


def test_a_changed_name_shows_as_changed(
    people: dict[str, Person], shared: Path, clock: FixedClock
) -> None:
    circle_id = make_circle(people, shared)
    bea, cal = people["Bea"], people["Cal"]
    bea.circles.sync(circle_id)
    clock.advance(60)
    cal.circles.set_name("Dr Smith")
    cal.circles.sync(circle_id)
    bea.circles.sync(circle_id)
    name = bea.circles.state(circle_id).names[cal.fingerprint]
    assert (name.name, name.renamed_from) == ("Dr Smith", "Cal")
    assert cal.circles.state(circle_id).names[cal.fingerprint].renamed_from is None  # one's own
    bea.circles.acknowledge_names(circle_id)
    assert bea.circles.state(circle_id).names[cal.fingerprint].renamed_from is None


# -- 11: a retry writes once -------------------------------------------------------------------
def test_a_retried_comment_reaction_and_share_are_written_once(
    people: dict[str, Person], shared: Path, clock: FixedClock
) -> None:
    circle_id = make_circle(people, shared)
    ana, bea = people["Ana"], people["Bea"]
    entry = ana.session.journal.add("Hard night", "up at 3")
    record = ana.circles.share_entry(circle_id, entry.id)
    assert ana.circles.share_entry(circle_id, entry.id) == record
    ana.circles.sync(circle_id)
    bea.circles.sync(circle_id)
    first = bea.circles.comment(circle_id, record, "Thinking of you")
    assert bea.circles.comment(circle_id, record, " Thinking of you ") == first
    assert bea.circles.react(circle_id, record, "hug") == bea.circles.react(
        circle_id, record, "hug"
    )
    bea.circles.sync(circle_id)
    ana.circles.sync(circle_id)
    (post,) = ana.circles.state(circle_id).posts
    assert post.version == 1
    assert [c.text for c in post.comments] == ["Thinking of you"]
    assert len(post.reactions) == 1
    clock.advance(3600)  # the same words an hour later are a new comment
    assert bea.circles.comment(circle_id, record, "Thinking of you") != first


# -- 12: passphrase circles --------------------------------------------------------------------
SECRET = "our tuesday kettle"


@pytest.fixture
def open_circle(people: dict[str, Person], shared: Path) -> str:
    ana, bea, cal = people["Ana"], people["Bea"], people["Cal"]
    circle_id = ana.circles.create("Open", shared, SECRET).id
    bea.circles.join(shared, SECRET)
    cal.circles.join(shared, SECRET)
    ana.circles.sync(circle_id)
    return circle_id


def test_removing_from_a_passphrase_circle_says_they_still_know_it(
    people: dict[str, Person], shared: Path, open_circle: str
) -> None:
    said = people["Ana"].circles.remove_member(open_circle, people["Bea"].fingerprint)
    assert said.code == "circle.removed_passphrase" and "still know" in said


def test_removing_from_a_keys_circle_says_nothing_new_reaches_them(
    people: dict[str, Person], shared: Path
) -> None:
    circle_id = make_circle(people, shared)
    said = people["Ana"].circles.remove_member(circle_id, people["Bea"].fingerprint)
    assert said.code == "circle.removed_keys"


def test_the_owner_changes_the_passphrase(
    people: dict[str, Person], shared: Path, open_circle: str
) -> None:
    ana, bea, cal = people["Ana"], people["Bea"], people["Cal"]
    ana.circles.remove_member(open_circle, bea.fingerprint)
    with pytest.raises(NotAllowed):
        cal.circles.change_passphrase(open_circle, "a new kettle for us")
    ana.circles.change_passphrase(open_circle, "a new kettle for us")
    share(ana, open_circle, "After the change")
    ana.circles.sync(open_circle)
    for person in (bea, cal):
        with pytest.raises(CircleFileError, match="does not open") as raised:
            person.circles.sync(open_circle)
        assert not isinstance(raised.value, RepairableFile)  # only the owner may replace it
    with pytest.raises(CircleFileError, match="does not open"):
        cal.circles.use_passphrase(open_circle, SECRET)
    cal.circles.use_passphrase(open_circle, "a new kettle for us")
    assert cal.titles(open_circle) == ["After the change"]
    assert cal.circles.passphrase(open_circle) == "a new kettle for us"


def test_joining_and_taking_a_passphrase_derive_the_key_once(
    people: dict[str, Person], shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana, bea = people["Ana"], people["Bea"]
    circle_id = ana.circles.create("Open", shared, SECRET).id
    opened: list[int] = []
    real = agefile.decrypt_with_passphrase

    def counting(data: bytes, passphrase: str) -> bytes:
        opened.append(1)
        return real(data, passphrase)

    monkeypatch.setattr(agefile, "decrypt_with_passphrase", counting)
    bea.circles.join(shared, SECRET)
    assert len(opened) == 1  # not once more by the sync that writes the enrolment
    ana.circles.change_passphrase(circle_id, "a new kettle for us")
    opened.clear()
    bea.circles.use_passphrase(circle_id, "a new kettle for us")
    assert len(opened) == 1


# -- 13: one redaction list --------------------------------------------------------------------
def test_a_word_redacted_for_one_circle_is_redacted_in_every_circle(
    people: dict[str, Person], shared: Path
) -> None:
    first = make_circle(people, shared)
    ana = people["Ana"]
    second = ana.circles.create("Family", shared.with_name("Family.carecircle")).id
    ana.circles.set_redactions(first, [("Margaret", "")])
    assert ana.circles.redactions(second) == [("Margaret", "M.")]
    assert ana.circles.redaction_list() == [("Margaret", "M.")]
    entry = ana.session.journal.add("Margaret slept", "Margaret's tea")
    assert ana.circles.preview_entry(second, entry.id)["title"] == "M. slept"
    preview = ana.circles.preview_entry(second, entry.id, [("tea", "drink")])
    assert preview["body"] == "M.'s drink"
    assert ana.circles.redaction_list() == [("Margaret", "M.")]  # a preview keeps nothing
    ana.circles.share_entry(second, entry.id, [("tea", "drink")])
    assert ana.circles.redaction_list() == [("Margaret", "M."), ("tea", "drink")]


def test_a_retried_withdrawal_is_one_withdrawal(people: dict[str, Person], shared: Path) -> None:
    circle_id = make_circle(people, shared)
    ana = people["Ana"]
    record = share(ana, circle_id, "Taken back")
    ana.circles.withdraw(circle_id, record)
    ana.circles.withdraw(circle_id, record)
    item = ana.circles._registry.content(circle_id).items[("record", record)]
    assert (item.fields["kind"], item.fields["version"]) == ("withdrawal", 2)
