"""List models for circles, posts, comments, members and circles to tick (model/view; never a
widget per row).

Words shown for the core's codes (reactions, roles) live here, so the page, the delegate and
the dialogs say the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from carecompanion.circle.names import MemberName
from carecompanion.circle.registry import CircleInfo
from carecompanion.circle.roster import RosterMember
from carecompanion.circle.view import Post, Reply
from carecompanion.ui.common.i18n import QT_TRANSLATE_NOOP, format_when
from carecompanion.ui.common.rows_model import RowsModel

POST_ROLE = Qt.ItemDataRole.UserRole + 40
CIRCLE_ID_ROLE = Qt.ItemDataRole.UserRole + 41
AUTHOR_ROLE = Qt.ItemDataRole.UserRole + 42  # who wrote a post, as ``author_words`` says it

translate = QCoreApplication.translate  # lupdate reads translate("Context", "...")

#: Reaction code -> (symbol, words). The symbols are in DejaVu Sans, so they draw everywhere.
REACTIONS: dict[str, tuple[str, str]] = {
    "heart": ("♥", QT_TRANSLATE_NOOP("CircleWords", "Heart")),
    "thinking_of_you": ("☁", QT_TRANSLATE_NOOP("CircleWords", "Thinking of you")),
    "hug": ("☺", QT_TRANSLATE_NOOP("CircleWords", "Hug")),
    "strength": ("⚓", QT_TRANSLATE_NOOP("CircleWords", "Strength")),
    "thanks": ("✿", QT_TRANSLATE_NOOP("CircleWords", "Thanks")),
}

ROLES = {
    "owner": QT_TRANSLATE_NOOP("CircleWords", "organiser"),
    "admin": QT_TRANSLATE_NOOP("CircleWords", "admin"),
    "member": QT_TRANSLATE_NOOP("CircleWords", "member"),
    "helper": QT_TRANSLATE_NOOP("CircleWords", "helper"),
    "reader": QT_TRANSLATE_NOOP("CircleWords", "reader"),
    "removed": QT_TRANSLATE_NOOP("CircleWords", "removed"),
}
_NOT_A_MEMBER = QT_TRANSLATE_NOOP("CircleWords", "not a member")

#: Record ids of comments still on their way to the circle (see ``sending_comment``).
SENDING = "sending:"


def _tr(text: str) -> str:
    return QCoreApplication.translate("CircleWords", text)


def reaction_words(code: str) -> str:
    return _tr(REACTIONS[code][1]) if code in REACTIONS else code


def role_words(role: str | None) -> str:
    return _tr(ROLES.get(role or "", _NOT_A_MEMBER))


def author_words(author: str, name: str, former: bool, names: Mapping[str, MemberName]) -> str:
    """Who wrote a post or comment: ``name`` as the core shows it (with the start of their
    safety number when another member has the same name), "(former member)" when they were
    removed since, and "(was Ana)" while their changed name has not been seen."""
    if former:
        name = translate("CircleWords", "{name} (former member)").format(name=name)
    member = names.get(author)
    if member is not None and member.renamed_from is not None:
        name = translate("CircleWords", "{name} (was {old})").format(
            name=name, old=member.renamed_from
        )
    return name


def friendly_day(iso_day: str) -> str:
    try:
        return format_when(date.fromisoformat(iso_day), "day")
    except ValueError:
        return iso_day


def friendly_time(stamp: str) -> str:
    """A record's ``created`` timestamp, in the person's own time zone."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone()
        return format_when(moment, "short_day_time")
    except ValueError:
        return stamp


def _counts(reactions: Iterable[Reply]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for reply in reactions:
        counts[reply.text] = counts.get(reply.text, 0) + 1
    return counts


def reaction_summary(reactions: Iterable[Reply]) -> str:
    """ "♥ 2   ⚓ 1": one symbol per kind of reaction, with how many."""
    counts = _counts(reactions)
    return "   ".join(
        f"{REACTIONS[code][0]} {counts[code]}" for code in REACTIONS if code in counts
    )


def reaction_words_summary(reactions: Iterable[Reply]) -> str:
    """ "Heart 2, Strength 1": the same in words, for tooltips and screen readers."""
    counts = _counts(reactions)
    return ", ".join(
        f"{reaction_words(code)} {counts[code]}" for code in REACTIONS if code in counts
    )


def sending_comment(text: str, me: str, number: int) -> Reply:
    """A comment being added in the background: shown at once, marked "sending…", until the
    circle has it (then the real one takes its place) or it fails (then it goes)."""
    return Reply(f"{SENDING}{number}", "comment", me, "", text, "", True)


def is_sending(reply: Reply) -> bool:
    return reply.record_id.startswith(SENDING)


@dataclass(frozen=True)
class CircleRow:
    info: CircleInfo
    unread: int


def _replace_row(model: RowsModel[Any], row: int, value: Any) -> None:
    """One row changed in place: the view draws it again, nothing else moves."""
    model.rows[row] = value
    index = model.index(row, 0)
    model.dataChanged.emit(index, index)


class CircleListModel(RowsModel[CircleRow]):
    def row_of(self, circle_id: str) -> int:
        return next((n for n, row in enumerate(self.rows) if row.info.id == circle_id), -1)

    def circle_at(self, index: QModelIndex | QPersistentModelIndex) -> CircleInfo | None:
        """The circle behind a view's index; None for none."""
        row = self.value_at(index)
        return row.info if row is not None else None

    def one_read(self, circle_id: str) -> None:
        """A post of ``circle_id`` was read: one fewer new, shown before the vault has it."""
        row = self.row_of(circle_id)
        if row >= 0:
            old = self.rows[row]
            _replace_row(self, row, CircleRow(old.info, max(0, old.unread - 1)))

    def row_data(self, row: CircleRow, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if row.unread:
                detail = (
                    self.tr("1 new")
                    if row.unread == 1
                    else self.tr("{count} new").format(count=row.unread)
                )
            else:
                detail = self.tr("nothing new")
            if row.info.dirty:
                detail += " · " + self.tr("waiting to sync")
            return f"{row.info.name}\n{detail}"
        if role == CIRCLE_ID_ROLE:
            return row.info.id
        return None


class PostListModel(RowsModel[Post]):
    def __init__(self) -> None:
        super().__init__()
        #: How the circle shows each member (``CircleState.names``): renamed members.
        self.names: Mapping[str, MemberName] = {}

    def author(self, post: Post) -> str:
        return author_words(post.author, post.author_name, post.former_member, self.names)

    def row_of(self, record_id: str) -> int:
        return next((n for n, post in enumerate(self.rows) if post.record_id == record_id), -1)

    def mark_read(self, record_id: str) -> None:
        """Shown as read at once, before the vault has the read mark."""
        row = self.row_of(record_id)
        if row >= 0:
            _replace_row(self, row, replace(self.rows[row], unread=False))

    def update_rows(self, posts: list[Post]) -> None:
        """The same posts in the same order (a comment or a reaction added, a post read): the
        rows change in place, so the list keeps its scroll place and selection and nothing is
        laid out again. Anything else: a reset."""
        same = len(posts) == len(self.rows) and all(
            new.record_id == old.record_id for new, old in zip(posts, self.rows, strict=True)
        )
        if not same:
            self.set_rows(posts)
            return
        self.rows = list(posts)
        if posts:
            self.dataChanged.emit(self.index(0, 0), self.index(len(posts) - 1, 0))

    def row_data(self, post: Post, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return post.title
        if role == POST_ROLE:
            return post
        if role == AUTHOR_ROLE:
            return self.author(post)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            parts = [
                post.title,
                self.tr("by {name}").format(name=self.author(post)),
                friendly_day(post.day),
            ]
            if post.unread:
                parts.insert(0, self.tr("New"))
            if post.comments:
                parts.append(
                    self.tr("one comment")
                    if len(post.comments) == 1
                    else self.tr("{count} comments").format(count=len(post.comments))
                )
            if post.reactions:
                parts.append(reaction_words_summary(post.reactions))
            return ", ".join(parts)
        if role == Qt.ItemDataRole.ToolTipRole:
            return reaction_words_summary(post.reactions) or None
        return None


class CommentListModel(RowsModel[Reply]):
    def __init__(self) -> None:
        super().__init__()
        self.names: Mapping[str, MemberName] = {}  # as ``PostListModel.names``

    def row_data(self, reply: Reply, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            name = (
                self.tr("You")
                if reply.mine
                else author_words(reply.author, reply.author_name, reply.former_member, self.names)
            )
            when = self.tr("sending…") if is_sending(reply) else friendly_time(reply.created)
            return f"{name} · {when}\n{reply.text}"
        return None


class MemberListModel(RowsModel[RosterMember]):
    def __init__(self, me: str = "") -> None:
        super().__init__()
        self.me = me
        #: How the circle shows each member: two with one name told apart, a changed name.
        self.names: Mapping[str, MemberName] = {}

    def row_data(self, member: RosterMember, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            shown = self.names.get(member.fingerprint)
            name = author_words(
                member.fingerprint, shown.display if shown else member.name, False, self.names
            )
            name += " " + self.tr("(you)") if member.fingerprint == self.me else ""
            return f"{name} · {role_words(member.role)}\n" + self.tr(
                "Safety number: {number}"
            ).format(number=member.card.safety_number)
        return None


class CircleChoiceModel(QStandardItemModel):
    """Circles to tick (to share an entry with). Each shows its words, is read out by its
    name, and keeps its id under ``CIRCLE_ID_ROLE``; dialogs add, read and find circles
    through the named methods here, never by walking the items."""

    def add_circle(self, circle_id: str, text: str, name: str, checked: bool) -> None:
        item = QStandardItem(text)
        item.setData(circle_id, CIRCLE_ID_ROLE)
        item.setData(name, Qt.ItemDataRole.AccessibleTextRole)
        item.setEditable(False)
        item.setCheckable(True)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.appendRow(item)

    def circle_id(self, index: QModelIndex | QPersistentModelIndex) -> str | None:
        value: Any = index.data(CIRCLE_ID_ROLE) if index.isValid() else None
        return str(value) if value else None

    def checked_ids(self) -> list[str]:
        """The ticked circles, in the order they are listed."""
        return [
            str(self.item(row).data(CIRCLE_ID_ROLE))
            for row in range(self.rowCount())
            if self.item(row).checkState() == Qt.CheckState.Checked
        ]

    def row_of(self, circle_id: str) -> int:
        return next(
            (
                row
                for row in range(self.rowCount())
                if self.item(row).data(CIRCLE_ID_ROLE) == circle_id
            ),
            -1,
        )
