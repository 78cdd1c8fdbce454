"""Three people, three vaults, one circle file in a shared folder: create, invite, share,
comment, react, sync in every order, remove a member, survive conflict copies, rollbacks and
tampering."""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.canary import assert_no_plaintext, new_marker
from tests.conftest import VaultFactory
from tests.helpers import hash_tree

from carecompanion.circle.errors import CircleError, CircleFileError, NotAllowed
from carecompanion.circle.service import CircleService
from carecompanion.clock import FixedClock
from carecompanion.paths import AppPaths
from carecompanion.session import VaultSession


class Person:
    def __init__(self, name: str, session: VaultSession, home: Path) -> None:
        self.name = name
        self.session = session
        self.home = home
        self.circles: CircleService = session.circles
        self.circles.set_name(name)

    @property
    def fingerprint(self) -> str:
        return self.circles.identity().fingerprint

    def titles(self, circle_id: str) -> list[str]:
        return sorted(post.title for post in self.circles.state(circle_id).posts)


@pytest.fixture
def people(
    tmp_path: Path, vault_factory: VaultFactory, clock: FixedClock
) -> Iterator[dict[str, Person]]:
    result = {}
    for name in ("Ana", "Bea", "Cal"):
        home = tmp_path / name
        unlocked, _key = vault_factory(paths=AppPaths(home))
        result[name] = Person(name, VaultSession(unlocked, clock), home)
    yield result


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    folder = tmp_path / "Shared"
    folder.mkdir()
    return folder / "Tuesday group.carecircle"


def make_circle(people: dict[str, Person], file: Path) -> str:
    ana, bea, cal = people["Ana"], people["Bea"], people["Cal"]
    circle_id = ana.circles.create("Tuesday group", file).id
    ana.circles.add_member(circle_id, bea.circles.card())
    ana.circles.add_member(circle_id, cal.circles.card(), "member")
    ana.circles.sync(circle_id)
    assert bea.circles.join(file).my_role == "member"
    assert cal.circles.join(file).my_role == "member"
    return circle_id


def share(person: Person, circle_id: str, title: str, body: str = "a hard week") -> str:
    entry = person.session.journal.add(title, body)
    return person.circles.share_entry(circle_id, entry.id)


def test_share_comment_react_and_everyone_converges(
    people: dict[str, Person], shared: Path
) -> None:
    circle_id = make_circle(people, shared)
    ana, bea, cal = people["Ana"], people["Bea"], people["Cal"]
    record = share(ana, circle_id, "Mum didn't know me today")
    ana.circles.sync(circle_id)
    bea.circles.sync(circle_id)
    post = bea.circles.state(circle_id).posts[0]
    assert (post.title, post.author_name, post.unread) == ("Mum didn't know me today", "Ana", True)
    bea.circles.comment(circle_id, record, "Thinking of you, same here last spring.")
    cal.circles.sync(circle_id)
    cal.circles.react(circle_id, record, "heart")
    share(cal, circle_id, "Respite week booked")
    for person in (bea, cal, ana, bea, cal):
        person.circles.sync(circle_id)
    states = [p.circles.state(circle_id) for p in (ana, bea, cal)]
    for state in states:
        assert sorted(p.title for p in state.posts) == [
            "Mum didn't know me today",
            "Respite week booked",
        ]
        ana_post = next(p for p in state.posts if p.record_id == record)
        assert [c.text for c in ana_post.comments] == ["Thinking of you, same here last spring."]
        assert [(r.author_name, r.text) for r in ana_post.reactions] == [("Cal", "heart")]
    bea.circles.mark_read(circle_id, states[1].posts)
    assert not any(p.unread for p in bea.circles.state(circle_id).posts)


@pytest.mark.parametrize("order", list(itertools.permutations("ABC")))
def test_any_sync_order_loses_nothing(
    people: dict[str, Person], shared: Path, order: tuple[str, ...]
) -> None:
    circle_id = make_circle(people, shared)
    by_letter = {name[0]: person for name, person in people.items()}
    for person in by_letter.values():
        share(person, circle_id, f"From {person.name}")  # all offline, nothing synced yet
    for letter in order:
        by_letter[letter].circles.sync(circle_id)
    for letter in order:
        by_letter[letter].circles.sync(circle_id)
    for person in by_letter.values():
        assert person.titles(circle_id) == ["From Ana", "From Bea", "From Cal"]


def test_removed_member_cannot_read_the_next_version(
    people: dict[str, Person], shared: Path
) -> None:
    circle_id = make_circle(people, shared)
    ana, cal = people["Ana"], people["Cal"]
    share(ana, circle_id, "Before")
    ana.circles.sync(circle_id)
    cal.circles.sync(circle_id)
    ana.circles.remove_member(circle_id, cal.fingerprint)
    share(ana, circle_id, "After")
    ana.circles.sync(circle_id)
    with pytest.raises(CircleFileError, match="not a member"):
        cal.circles.sync(circle_id)
    assert cal.titles(circle_id) == ["Before"]  # what they could already read stays
    assert ana.circles.roster(circle_id).role_of(cal.fingerprint) == "removed"


def test_roles_limit_what_members_do(people: dict[str, Person], shared: Path) -> None:
    ana, bea, cal = people["Ana"], people["Bea"], people["Cal"]
    circle_id = ana.circles.create("Readers", shared).id
    ana.circles.add_member(circle_id, bea.circles.card(), "reader")
    ana.circles.sync(circle_id)
    bea.circles.join(shared)
    with pytest.raises(NotAllowed):
        share(bea, circle_id, "I should not")
    with pytest.raises(NotAllowed):
        bea.circles.add_member(circle_id, cal.circles.card())


def test_a_non_member_cannot_join_or_read(people: dict[str, Person], shared: Path) -> None:
    ana, cal = people["Ana"], people["Cal"]
    ana.circles.create("Private", shared)
    with pytest.raises(CircleFileError, match="not a member"):
        cal.circles.join(shared)
    assert cal.circles.circles() == []


def test_conflict_copies_are_merged_and_removed(people: dict[str, Person], shared: Path) -> None:
    circle_id = make_circle(people, shared)
    ana, bea, cal = people["Ana"], people["Bea"], people["Cal"]
    before = shared.read_bytes()
    share(bea, circle_id, "Bea's news")
    bea.circles.sync(circle_id)
    conflict = shared.with_name("Tuesday group.sync-conflict-20261125-101500-ABCDEFG.carecircle")
    shutil.move(shared, conflict)
    shared.write_bytes(before)  # the sync tool kept the other side's version as the main file
    share(cal, circle_id, "Cal's news")
    report = cal.circles.sync(circle_id)
    assert report.merged_copies == (conflict,)
    assert not conflict.exists()
    ana.circles.sync(circle_id)
    assert ana.titles(circle_id) == ["Bea's news", "Cal's news"]


def test_a_rolled_back_file_loses_nothing(people: dict[str, Person], shared: Path) -> None:
    circle_id = make_circle(people, shared)
    ana, bea = people["Ana"], people["Bea"]
    old = shared.read_bytes()
    share(ana, circle_id, "Ana's entry")
    ana.circles.sync(circle_id)
    bea.circles.sync(circle_id)
    shared.write_bytes(old)  # restored from an old backup of the shared folder
    report = ana.circles.sync(circle_id)  # it lacks what Ana's vault wrote: Ana is told
    assert any("older" in warning for warning in report.warnings)
    assert report.wrote
    shared.write_bytes(old)
    report = bea.circles.sync(circle_id)  # not Bea's writing: nothing to warn her of
    assert report.warnings == () and report.wrote
    people["Cal"].circles.sync(circle_id)
    assert people["Cal"].titles(circle_id) == ["Ana's entry"]


def test_tampering_any_byte_changes_nothing(people: dict[str, Person], shared: Path) -> None:
    circle_id = make_circle(people, shared)
    ana, bea = people["Ana"], people["Bea"]
    share(ana, circle_id, "Real")
    ana.circles.sync(circle_id)
    good = shared.read_bytes()
    before = hash_tree(bea.home)
    for position in (0, 30, len(good) // 2, len(good) - 1):
        damaged = bytearray(good)
        damaged[position] ^= 0x01
        shared.write_bytes(bytes(damaged))
        with pytest.raises(CircleFileError):
            bea.circles.sync(circle_id)
    assert hash_tree(bea.home) == before
    assert bea.titles(circle_id) == []


def test_missing_folder_keeps_the_change_for_later(people: dict[str, Person], shared: Path) -> None:
    circle_id = make_circle(people, shared)
    ana = people["Ana"]
    moved = shared.parent.with_name("Unplugged")
    shared.parent.rename(moved)
    share(ana, circle_id, "Written offline")
    with pytest.raises(CircleError, match="cannot be reached"):
        ana.circles.sync(circle_id)
    moved.rename(shared.parent)
    assert ana.circles.sync(circle_id).wrote
    people["Bea"].circles.sync(circle_id)
    assert people["Bea"].titles(circle_id) == ["Written offline"]


def test_nothing_shared_is_in_clear_anywhere(people: dict[str, Person], shared: Path) -> None:
    circle_id = make_circle(people, shared)
    ana, bea = people["Ana"], people["Bea"]
    title, body, comment = new_marker(), new_marker(), new_marker()
    record = share(ana, circle_id, title, body)
    ana.circles.sync(circle_id)
    bea.circles.sync(circle_id)
    bea.circles.comment(circle_id, record, comment)
    bea.circles.sync(circle_id)
    ana.circles.sync(circle_id)
    for person in people.values():
        person.session.lock()
    assert_no_plaintext(shared.parent, [title, body, comment])
    for person in people.values():
        assert_no_plaintext(person.home, [title, body, comment])


def test_redactions_apply_to_the_preview_and_the_share(
    people: dict[str, Person], shared: Path
) -> None:
    circle_id = make_circle(people, shared)
    ana, bea = people["Ana"], people["Bea"]
    ana.circles.set_redactions(circle_id, [("Margaret", ""), ("St Mary's", "the hospital")])
    entry = ana.session.journal.add("Margaret at St Mary's", "margaret slept; MARGARET's tea")
    preview = ana.circles.preview_entry(circle_id, entry.id)
    assert preview["title"] == "M. at the hospital"
    assert preview["body"] == "M. slept; M.'s tea"
    ana.circles.share_entry(circle_id, entry.id)
    ana.circles.sync(circle_id)
    bea.circles.sync(circle_id)
    (post,) = bea.circles.state(circle_id).posts
    assert (post.title, post.text) == (preview["title"], preview["body"])


def test_edit_and_withdraw_a_shared_entry(
    people: dict[str, Person], shared: Path, clock: FixedClock
) -> None:
    circle_id = make_circle(people, shared)
    ana, bea = people["Ana"], people["Bea"]
    entry = ana.session.journal.add("First", "v1")
    record = ana.circles.share_entry(circle_id, entry.id)
    assert ana.circles.shares_of_entry(entry.id)[0][2] is False
    clock.advance(60)
    ana.session.journal.update(entry.id, body="v2")
    ((_info, shared_record, outdated),) = ana.circles.shares_of_entry(entry.id)
    assert (shared_record, outdated) == (record, True)
    assert ana.circles.share_entry(circle_id, entry.id) == record  # a new version, same id
    ana.circles.sync(circle_id)
    bea.circles.sync(circle_id)
    (post,) = bea.circles.state(circle_id).posts
    assert (post.text, post.version) == ("v2", 2)
    ana.circles.withdraw_entry(circle_id, entry.id)
    ana.circles.sync(circle_id)
    bea.circles.sync(circle_id)
    assert bea.circles.state(circle_id).posts == []


def test_a_comment_made_during_a_sync_is_not_lost(
    people: dict[str, Person], shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from carecompanion.circle import files

    circle_id = make_circle(people, shared)
    ana = people["Ana"]
    record = share(ana, circle_id, "Shared")
    ana.circles.sync(circle_id)
    share(ana, circle_id, "Another")  # so the next sync writes
    writing, release = threading.Event(), threading.Event()
    real_write = files.write_circle_file

    def slow_write(path: Path, data: bytes) -> None:
        writing.set()
        release.wait(10)
        real_write(path, data)

    monkeypatch.setattr(files, "write_circle_file", slow_write)
    syncing = threading.Thread(target=ana.circles.sync, args=(circle_id,))
    syncing.start()
    assert writing.wait(10)
    commenting = threading.Thread(
        target=ana.circles.comment, args=(circle_id, record, "Written while syncing")
    )
    commenting.start()
    commenting.join(0.3)
    release.set()
    syncing.join(10)
    commenting.join(10)
    monkeypatch.setattr(files, "write_circle_file", real_write)
    post = next(p for p in ana.circles.state(circle_id).posts if p.record_id == record)
    assert [c.text for c in post.comments] == ["Written while syncing"]
    assert ana.circles.circle(circle_id).dirty
    ana.circles.sync(circle_id)
    people["Bea"].circles.sync(circle_id)
    post = next(p for p in people["Bea"].circles.state(circle_id).posts if p.record_id == record)
    assert [c.text for c in post.comments] == ["Written while syncing"]


def test_a_rewritten_file_with_nothing_new_is_taken_as_seen(
    people: dict[str, Person], shared: Path
) -> None:
    """Another member's app rewrote the file (new ciphertext, same items): the sync writes
    nothing, reports nothing new, and the next sync knows the file without opening it."""
    from carecompanion.circle.engine import open_file_bytes, roster_of, seal

    circle_id = make_circle(people, shared)
    ana, bea = people["Ana"], people["Bea"]
    share(ana, circle_id, "Ana's entry")
    ana.circles.sync(circle_id)
    bea.circles.sync(circle_id)
    before = bea.circles.state(circle_id)
    current = open_file_bytes(shared.read_bytes(), identity=ana.circles.identity()).content
    rewritten, _payload = seal(current, roster_of(current), None)
    shared.write_bytes(rewritten)

    report = bea.circles.sync(circle_id)
    # The same document as Bea's copy: nothing new, so the Circle page rebuilds nothing.
    assert (report.wrote, report.new_records, report.nothing_new) == (False, 0, True)
    assert shared.read_bytes() == rewritten
    assert bea.circles.state(circle_id) == before
    assert bea.circles.sync(circle_id).nothing_new, "the rewritten file is now the known one"
    share(ana, circle_id, "Ana's second entry")
    ana.circles.sync(circle_id)
    bea.circles.sync(circle_id)
    assert bea.titles(circle_id) == ["Ana's entry", "Ana's second entry"]
