"""A circle's posts are built once per change to the circle, then served from a cache: the
Circle page reads them after every sync, and building 20,000 records' posts takes ~0.3 s."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.conftest import VaultFactory

from carecompanion.circle import posts as posts_module
from carecompanion.circle.service import CircleService
from carecompanion.circle.view import build_posts
from carecompanion.clock import FixedClock
from carecompanion.paths import AppPaths
from carecompanion.session import VaultSession


@pytest.fixture
def ana(vault_factory: VaultFactory, clock: FixedClock, tmp_path: Path) -> VaultSession:
    unlocked, _ = vault_factory(paths=AppPaths(tmp_path / "ana"))
    session = VaultSession(unlocked, clock)
    session.circles.set_name("Ana")
    return session


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times the posts were built from the circle's items."""
    counted: list[int] = []

    def counting(*args: Any) -> Any:
        counted.append(1)
        return build_posts(*args)

    monkeypatch.setattr(posts_module, "build_posts", counting)
    return counted


def shared_circle(ana: VaultSession, folder: Path) -> tuple[str, str]:
    circle_id = ana.circles.create("Tuesday group", folder / "t.carecircle").id
    entry = ana.journal.add("A long day", "We walked to the river.")
    return circle_id, ana.circles.share_entry(circle_id, entry.id)


def test_state_of_an_unchanged_circle_is_not_built_again(
    ana: VaultSession, tmp_path: Path, builds: list[int]
) -> None:
    circle_id, rid = shared_circle(ana, tmp_path)
    ana.circles.sync(circle_id)  # the share written to the file
    first = ana.circles.state(circle_id)
    assert len(builds) == 1
    again = ana.circles.state(circle_id)
    assert ana.circles.unread_count(circle_id) == 0
    ana.circles.sync(circle_id)  # nothing new in the file: the vault's copy stands
    ana.circles.state(circle_id)
    assert len(builds) == 1, "served from the cache"
    assert [p.record_id for p in again.posts] == [p.record_id for p in first.posts] == [rid]
    again.posts.clear()  # a caller's list is its own: the cache is not changed through it
    assert len(ana.circles.state(circle_id).posts) == 1


def test_a_change_builds_the_posts_again(
    ana: VaultSession, tmp_path: Path, builds: list[int]
) -> None:
    circle_id, rid = shared_circle(ana, tmp_path)
    ana.circles.state(circle_id)
    ana.circles.comment(circle_id, rid, "And the heron was there.")
    [post] = ana.circles.state(circle_id).posts
    assert [c.text for c in post.comments] == ["And the heron was there."]
    ana.circles.react(circle_id, rid, "heart")
    [post] = ana.circles.state(circle_id).posts
    assert [r.text for r in post.reactions] == ["heart"]
    ana.circles.withdraw(circle_id, rid)
    assert ana.circles.state(circle_id).posts == []
    assert len(builds) == 4


def test_a_new_name_shows_on_cached_posts(
    ana: VaultSession, tmp_path: Path, clock: FixedClock
) -> None:
    """set_name once changed the cached circle in place, which a cache keyed by the circle's
    copy would not notice."""
    circle_id, _rid = shared_circle(ana, tmp_path)
    assert ana.circles.state(circle_id).posts[0].author_name == "Ana"
    clock.advance(60)  # a newer card
    ana.circles.set_name("Ana M.")
    assert ana.circles.state(circle_id).posts[0].author_name == "Ana M."


def test_reading_a_post_updates_the_cached_posts(
    ana: VaultSession,
    vault_factory: VaultFactory,
    clock: FixedClock,
    tmp_path: Path,
    builds: list[int],
) -> None:
    unlocked, _ = vault_factory(paths=AppPaths(tmp_path / "bea"))
    bea = VaultSession(unlocked, clock)
    bea.circles.set_name("Bea")
    file = tmp_path / "t.carecircle"
    circle_id = ana.circles.create("Tuesday group", file).id
    ana.circles.add_member(circle_id, bea.circles.card())
    ana.circles.sync(circle_id)
    bea.circles.join(file)
    bea.circles.share_entry(circle_id, bea.journal.add("Respite", "A whole week.").id)
    bea.circles.sync(circle_id)
    ana.circles.sync(circle_id)
    [post] = ana.circles.state(circle_id).posts
    assert post.unread and ana.circles.unread_count(circle_id) == 1
    built = len(builds)
    ana.circles.mark_read(circle_id, [post])
    assert not ana.circles.state(circle_id).posts[0].unread
    assert ana.circles.unread_count(circle_id) == 0
    assert len(builds) == built, "marked in the cache, not built again"
    fresh = CircleService(ana.unlocked.database, clock)
    assert not fresh.state(circle_id).posts[0].unread, "and written to the vault"


def test_leaving_a_circle_drops_its_cached_posts(ana: VaultSession, tmp_path: Path) -> None:
    circle_id, _rid = shared_circle(ana, tmp_path)
    ana.circles.state(circle_id)
    ana.circles.forget(circle_id)
    assert ana.circles.circles() == []
    assert circle_id not in ana.circles._posts._views


def test_a_sync_that_only_signs_a_new_head_keeps_the_posts(
    ana: VaultSession, tmp_path: Path, builds: list[int]
) -> None:
    circle_id, rid = shared_circle(ana, tmp_path)
    ana.circles.comment(circle_id, rid, "And the heron was there.")
    [post] = ana.circles.state(circle_id).posts
    built = len(builds)
    report = ana.circles.sync(circle_id)  # writes the file with Ana's new head
    assert report.wrote
    assert ana.circles.state(circle_id).posts == [post]
    assert len(builds) == built, "the head changed, the posts did not"
    fresh = CircleService(ana.unlocked.database, ana.clock)
    assert fresh.state(circle_id).posts == [post], "what a build from the vault shows"
