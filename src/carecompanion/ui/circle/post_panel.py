"""One shared post in full: its text (Markdown, read-only), reactions, comments oldest first,
a box to add a comment, and Withdraw for the person's own posts.

A comment half written stays with its post when another is chosen, and is back in the box
when the person returns to it. The drafts are plaintext, so they live in this panel's memory
only, never in the vault or on disk, and ``clear()`` (the app locking) drops them all.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from carecompanion.circle.names import MemberName
from carecompanion.circle.view import Post, Reply
from carecompanion.ui.circle.models import (
    REACTIONS,
    CommentListModel,
    author_words,
    friendly_day,
    reaction_words,
)
from carecompanion.ui.common.flow import FlowLayout
from carecompanion.ui.common.page_layout import wrap_rows
from carecompanion.ui.common.widgets import button, label

#: GitHub-flavoured Markdown with raw HTML dropped: a post is someone else's text.
SAFE_MARKDOWN = QTextDocument.MarkdownFeature(
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub.value
    | QTextDocument.MarkdownFeature.MarkdownNoHTML.value
)


def _body_text(post: Post) -> str:
    """The post's text; a week's mood summary adds its figures as a list."""
    text = post.text
    if post.kind == "mood":
        figures = post.content.get("figures") or {}
        text += "\n\n" + "\n".join(f"- {name}: {value}" for name, value in figures.items())
    return text


class SafeBrowser(QTextBrowser):
    """Shows Markdown from other members: no HTML, no images or files loaded, no links
    followed (an image link could otherwise make this computer read a local file)."""

    def __init__(self, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName(accessible)

    def loadResource(self, _type: int, _name: QUrl | str) -> Any:
        return None

    def show_markdown(self, text: str) -> None:
        self.document().setMarkdown(text, SAFE_MARKDOWN)


class PostPanel(QWidget):
    comment_requested = Signal(str)
    react_requested = Signal(str)
    withdraw_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.post: Post | None = None
        self.names: Mapping[str, MemberName] = {}  # see ``set_names``
        self._drafts: dict[str, str] = {}  # post record id -> a comment not sent yet
        self.title = label("", "sectionTitle")
        self.meta = label("", "hint")
        self.body = SafeBrowser(self.tr("Shared text"))
        self.body.setMinimumHeight(140)
        reaction_row = self._build_reactions()
        self._build_comments()
        self._build_comment_box()
        self.withdraw_button = button(
            self.tr("Withdraw…"), self.tr("Withdraw this post from the circle")
        )
        self.withdraw_button.clicked.connect(self.withdraw_requested)
        self.read_only = label("", "hint")
        self.read_only.hide()
        self._lay_out(reaction_row)
        self.show_post(None)

    # -- building ---------------------------------------------------------------------------
    def _build_reactions(self) -> QWidget:
        """One button per reaction, wrapping onto more lines in a narrow pane."""
        self.reaction_buttons: dict[str, QPushButton] = {}
        reaction_row = QWidget()
        reactions = FlowLayout(reaction_row)
        for code, (symbol, _english) in REACTIONS.items():
            words = reaction_words(code)
            widget = button(f"{symbol} {words}", words)
            widget.setObjectName("reaction")
            widget.setToolTip(self.tr("Send “{words}”").format(words=words))
            widget.clicked.connect(lambda _checked=False, c=code: self.react_requested.emit(c))
            self.reaction_buttons[code] = widget
            reactions.addWidget(widget)
        return reaction_row

    def _build_comments(self) -> None:
        self.comments_model = CommentListModel()
        self.comments = QListView()
        self.comments.setObjectName("entries")
        self.comments.setModel(self.comments_model)
        self.comments.setAccessibleName(self.tr("Comments"))
        wrap_rows(self.comments)  # a comment goes on to more lines, never cut or scrolled
        self.comments.setSpacing(4)
        self.comments.setMinimumHeight(100)
        self.no_comments = label(self.tr("No comments yet. A few words can mean a lot."), "hint")

    def _build_comment_box(self) -> None:
        """The box to write a comment in, and Add comment (or Ctrl+Enter) to send it."""
        self.comment_box = QPlainTextEdit()
        self.comment_box.setAccessibleName(self.tr("Your comment"))
        self.comment_box.setPlaceholderText(self.tr("Write a comment (Ctrl+Enter sends it)"))
        self.comment_box.setTabChangesFocus(True)
        self.comment_box.setFixedHeight(72)
        self.comment_box.textChanged.connect(self._comment_changed)
        self.send_button = button(self.tr("Add comment"), self.tr("Add comment"))
        self.send_button.clicked.connect(self._send)
        self.send_button.setEnabled(False)
        send = QShortcut(QKeySequence("Ctrl+Return"), self.comment_box)
        send.activated.connect(self._send)

    def _lay_out(self, reaction_row: QWidget) -> None:
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.withdraw_button)
        # The button under the box, not beside it: the pane stays narrow enough for three
        # panes side by side in a small window, and the box keeps its whole width.
        comment_row = QVBoxLayout()
        comment_row.addWidget(self.comment_box)
        comment_row.addWidget(self.send_button, alignment=Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addWidget(self.meta)
        layout.addWidget(self.body, 3)
        layout.addWidget(reaction_row)
        layout.addWidget(label(self.tr("Comments"), "sectionTitle", wrap=False))
        layout.addWidget(self.no_comments)
        layout.addWidget(self.comments, 2)
        layout.addWidget(self.read_only)
        layout.addLayout(comment_row)

    # -- showing ----------------------------------------------------------------------------
    def set_names(self, names: Mapping[str, MemberName]) -> None:
        """How the circle shows its members (``CircleState.names``: a changed name), for the
        posts and comments shown from now on."""
        self.names = names
        self.comments_model.names = names

    def show_post(
        self,
        post: Post | None,
        can_write: bool = True,
        sending_comments: Sequence[Reply] = (),
        sending_reactions: Collection[str] = (),
    ) -> None:
        """Show ``post``, with what this member is still sending to it (comments shown as
        "sending…", reactions waiting) while that work runs in the background."""
        previous = self.post
        changed = post is None or previous is None or post.record_id != previous.record_id
        same_text = (
            post is not None
            and previous is not None
            and (post.record_id, post.version) == (previous.record_id, previous.version)
        )
        if changed:
            self._swap_drafts(previous, post)
        self.post = post
        self.setEnabled(post is not None)
        if post is None:
            self.title.setText("")
            self.meta.setText("")
            self.body.clear()
            self.comments_model.clear()
            self.withdraw_button.hide()
            return
        self.title.setText(post.title)
        self.meta.setText(self._meta_words(post))
        if not same_text:  # a long post is laid out again only when it changed
            self.body.show_markdown(_body_text(post))
        self._show_comments((*post.comments, *sending_comments))
        self._show_reactions(post, can_write, sending_reactions)
        self._show_writing(post, can_write)

    def _meta_words(self, post: Post) -> str:
        """Who shared it and when, whether it was updated, and its tags."""
        day = friendly_day(post.day)
        meta = (
            self.tr("Shared by you · {day}").format(day=day)
            if post.mine  # "by you", not
            else self.tr("Shared by {name} · {day}").format(  # "by You": a sentence each
                name=author_words(post.author, post.author_name, post.former_member, self.names),
                day=day,
            )
        )
        if post.version > 1:
            meta += " · " + self.tr("updated")
        tags = post.content.get("tags") if post.kind == "entry" else None
        if tags:
            meta += " · " + ", ".join(str(tag) for tag in tags)
        return meta

    def _show_comments(self, comments: Sequence[Reply]) -> None:
        self.comments_model.set_rows(comments)
        self.comments.setVisible(bool(comments))
        self.no_comments.setVisible(not comments)
        if comments:
            self.comments.scrollToBottom()

    def _show_reactions(
        self, post: Post, can_write: bool, sending_reactions: Collection[str]
    ) -> None:
        """Each reaction's count; the ones this member sent (or is sending) marked and off."""
        mine = {reply.text for reply in post.reactions if reply.mine}
        for code, widget in self.reaction_buttons.items():
            count = sum(1 for reply in post.reactions if reply.text == code)
            symbol = REACTIONS[code][0]
            words = reaction_words(code)
            widget.setText(f"{symbol} {words}" + (f"  {count}" if count else ""))
            sent = code in mine
            sending = code in sending_reactions and not sent
            widget.setProperty("sent", sent or sending)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
            widget.setEnabled(can_write and not sent and not sending)
            widget.setAccessibleName(self._reaction_accessible(words, count, sent, sending))

    def _reaction_accessible(self, words: str, count: int, sent: bool, sending: bool) -> str:
        if sent:
            return self.tr("{words}: you sent this").format(words=words)
        if sending:
            return self.tr("{words}: sending…").format(words=words)
        return words + (self.tr(", {count} so far").format(count=count) if count else "")

    def _show_writing(self, post: Post, can_write: bool) -> None:
        """Withdraw, the comment box, or why this member cannot write here."""
        self.withdraw_button.setVisible(post.mine and can_write)
        self.comment_box.setVisible(can_write)
        self.send_button.setVisible(can_write)
        self.read_only.setText(self.tr("You can read this circle but not write in it."))
        self.read_only.setVisible(not can_write)
        self._comment_changed()

    def _swap_drafts(self, leaving: Post | None, coming: Post | None) -> None:
        """The box's words stay with the post they were written to; the next post's own
        draft, if any, comes back. ``setPlainText`` also empties the box's undo history, so
        one post's words cannot be undone into another's box."""
        if leaving is not None:
            self._keep_draft(leaving.record_id, self.comment_box.toPlainText())
        self.comment_box.setPlainText(
            self._drafts.pop(coming.record_id, "") if coming is not None else ""
        )
        self.comment_box.moveCursor(QTextCursor.MoveOperation.End)  # go on where it was left

    def _keep_draft(self, record_id: str, text: str) -> None:
        if text.strip():
            self._drafts[record_id] = text
        else:
            self._drafts.pop(record_id, None)

    def draft(self, record_id: str) -> str:
        """The comment half written to a post (in the box if that post is shown)."""
        if self.post is not None and self.post.record_id == record_id:
            return self.comment_box.toPlainText()
        return self._drafts.get(record_id, "")

    def comment_not_sent(self, record_id: str, text: str) -> None:
        """A comment that could not be sent goes back where it was written; one the person
        started there meanwhile is kept after it (neither is lost)."""
        newer = self.draft(record_id)
        words = f"{text.rstrip()}\n\n{newer}" if newer.strip() else text
        if self.post is not None and self.post.record_id == record_id:
            self.comment_box.setPlainText(words)
            self.comment_box.moveCursor(QTextCursor.MoveOperation.End)
        else:
            self._keep_draft(record_id, words)

    def _comment_changed(self) -> None:
        self.send_button.setEnabled(bool(self.comment_box.toPlainText().strip()))

    def _send(self) -> None:
        text = self.comment_box.toPlainText().strip()
        if text and self.post is not None:
            self.comment_requested.emit(text)

    def comment_sent(self) -> None:
        self.comment_box.clear()

    def clear(self) -> None:
        """The app is locking: no post, and no draft left, not even in the undo history."""
        self.show_post(None)
        self._drafts.clear()
        self.comment_box.clear()
