"""What the Circle page and ``circle show`` present: shared posts with their comments and
reactions, only those the roster counts (from members who may write, and what a removed
member wrote before and the circle kept, marked ``former_member``), withdrawn records gone."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from carecompanion.circle.content import CircleContent
from carecompanion.circle.items import SignedItem
from carecompanion.circle.roster import Roster


@dataclass(frozen=True)
class Reply:
    """A comment or a reaction on a post."""

    record_id: str
    kind: str  # comment or reaction
    author: str
    author_name: str
    text: str  # the comment, or the reaction's code
    created: str
    mine: bool
    former_member: bool = False  # the author was removed since (kept from before)


@dataclass(frozen=True)
class Post:
    """A shared journal entry or mood summary."""

    record_id: str
    kind: str  # entry or mood
    author: str
    author_name: str
    version: int
    created: str
    updated: str
    content: Mapping[str, Any]
    comments: tuple[Reply, ...]
    reactions: tuple[Reply, ...]
    unread: bool
    mine: bool
    former_member: bool = False  # the author was removed since (kept from before)

    @property
    def title(self) -> str:
        if self.kind == "entry":
            return str(self.content["title"]) or "Untitled"
        return f"Mood summary {self.content['from']} – {self.content['to']}"

    @property
    def day(self) -> str:
        return str(self.content["day"] if self.kind == "entry" else self.content["to"])

    @property
    def text(self) -> str:
        return str(self.content["body"] if self.kind == "entry" else self.content["text"])


def visible_records(content: CircleContent, roster: Roster) -> dict[str, SignedItem]:
    return {
        item.fields["id"]: item
        for item in content.records()
        if roster.may_keep(item) and item.fields["kind"] != "withdrawal"
    }


def build_posts(
    content: CircleContent, roster: Roster, me: str, read_marks: Mapping[str, int]
) -> list[Post]:
    """Newest first; every post with its comments (oldest first) and reactions."""
    records = visible_records(content, roster)
    replies: dict[str, list[Reply]] = defaultdict(list)
    for item in records.values():
        f = item.fields
        if f["kind"] in ("comment", "reaction"):
            text = f["content"]["text"] if f["kind"] == "comment" else f["content"]["reaction"]
            replies[f["target"]].append(
                Reply(
                    f["id"],
                    f["kind"],
                    item.signer,
                    roster.members[item.signer].name,
                    text,
                    f["created"],
                    item.signer == me,
                    roster.members[item.signer].former,
                )
            )
    posts = []
    for item in records.values():
        f = item.fields
        if f["kind"] not in ("entry", "mood"):
            continue
        own = replies.get(f["id"], [])
        comments = tuple(
            sorted((r for r in own if r.kind == "comment"), key=lambda r: (r.created, r.record_id))
        )
        reactions = tuple(r for r in own if r.kind == "reaction")
        mine = item.signer == me
        unread = not mine and read_marks.get(f["id"], 0) < f["version"]
        posts.append(
            Post(
                f["id"],
                f["kind"],
                item.signer,
                roster.members[item.signer].name,
                f["version"],
                f["created"],
                f["updated"],
                f["content"],
                comments,
                reactions,
                unread,
                mine,
                roster.members[item.signer].former,
            )
        )
    posts.sort(key=lambda p: (p.day, p.updated, p.record_id), reverse=True)
    return posts
