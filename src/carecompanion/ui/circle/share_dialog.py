"""Share a journal entry with one or more circles: exactly what will leave the vault, after
the list of words to replace, and Withdraw for what was shared before.

The list of words to replace is one list for every circle (the core keeps one: a name
replaced in one circle must never go out in another), so the editor shows and saves that
list whichever circle is chosen, and says so."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from carecompanion.circle.errors import CircleError
from carecompanion.circle.registry import CircleInfo
from carecompanion.circle.service import CircleService
from carecompanion.ui.circle.models import CircleChoiceModel, friendly_day
from carecompanion.ui.circle.post_panel import SafeBrowser
from carecompanion.ui.circle.work import CircleWork, message_for
from carecompanion.ui.common import error_words
from carecompanion.ui.common.widgets import button, label

ARROWS = ("→", "->", "=>", "=")


def parse_redactions(text: str) -> list[tuple[str, str]]:
    """One pair a line: "Margaret → M." (or ->, =); a word alone becomes its initials."""
    pairs = []
    for line in text.splitlines():
        if not line.strip():
            continue
        for arrow in ARROWS:
            if arrow in line:
                word, replacement = line.split(arrow, 1)
                break
        else:
            word, replacement = line, ""
        pairs.append((word.strip(), replacement.strip()))
    return pairs


def format_redactions(pairs: list[tuple[str, str]]) -> str:
    return "\n".join(f"{word} → {replacement}" for word, replacement in pairs)


class ShareDialog(QDialog):
    def __init__(
        self,
        service: CircleService,
        work: CircleWork,
        entry_id: int,
        synced: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._work = work
        self._entry_id = entry_id
        self._synced = synced
        self._shares: dict[str, tuple[str, bool]] = {}  # circle id -> (record id, changed since)
        self.setWindowTitle(self.tr("Share with circle"))
        self.resize(940, 660)  # made smaller on a smaller screen

        left = self._build_choices_pane()
        right = self._build_preview_pane()
        actions = self._build_actions()
        self._lay_out(left, right, actions)
        self._fill_circles()
        self._connect()
        if self.circles_model.rowCount():
            self.circles.selectionModel().setCurrentIndex(
                self.circles_model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self._show_current()

    # -- building ---------------------------------------------------------------------------
    def _build_choices_pane(self) -> QWidget:
        """The circles to tick, and the chosen one's words to replace."""
        self.circles_model = CircleChoiceModel(self)
        self.circles = QListView()
        self.circles.setObjectName("choices")
        self.circles.setModel(self.circles_model)
        self.circles.setAccessibleName(self.tr("Circles to share with"))
        self.circles.setMaximumHeight(150)
        self.state = label("", "notice")
        self.state.hide()
        self._build_redactions()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(label(self.tr("Share with"), "sectionTitle", wrap=False))
        left_layout.addWidget(self.circles)
        left_layout.addWidget(self.state)
        left_layout.addWidget(label(self.tr("Words to replace"), "sectionTitle", wrap=False))
        left_layout.addWidget(
            label(
                self.tr(
                    "One a line, e.g. your mum's name → her initials. Used for every circle: "
                    "applied to everything you share, in any circle."
                ),
                "hint",
            )
        )
        left_layout.addWidget(self.redactions)
        left_layout.addWidget(self.redaction_error)
        left_layout.addStretch(1)
        return left

    def _build_redactions(self) -> None:
        """The list of words to replace, saved a moment after the person stops typing."""
        self.redactions = QPlainTextEdit()
        self.redactions.setAccessibleName(self.tr("Words to replace"))
        self.redactions.setPlaceholderText(self.tr("Margaret → M.\nSt Anne's clinic → the clinic"))
        self.redactions.setTabChangesFocus(True)
        self.redactions.setFixedHeight(130)
        self._redaction_timer = QTimer(self)
        self._redaction_timer.setSingleShot(True)
        self._redaction_timer.setInterval(400)
        self._redaction_timer.timeout.connect(self.save_redactions)
        self.redactions.setPlainText(format_redactions(self._service.redaction_list()))
        self.redactions.textChanged.connect(self._redaction_timer.start)
        self.redaction_error = label("", "error")
        self.redaction_error.hide()

    def _build_preview_pane(self) -> QWidget:
        """Exactly what the chosen circle will see."""
        self.preview_title = label("", "sectionTitle")
        self.preview_title.setAccessibleName(self.tr("Title that will be shared"))
        self.preview_meta = label("", "hint")
        self.preview = SafeBrowser(self.tr("Text that will be shared"))
        self.preview_heading = label("", "sectionTitle", wrap=False)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.preview_heading)
        right_layout.addWidget(self.preview_title)
        right_layout.addWidget(self.preview_meta)
        right_layout.addWidget(self.preview, 1)
        return right

    def _build_actions(self) -> QHBoxLayout:
        """Withdraw and what happened on the left; Close and Share on the right."""
        self.withdraw_button = button(
            self.tr("Withdraw from this circle"),
            self.tr("Withdraw this entry from the chosen circle"),
        )
        self.withdraw_button.clicked.connect(self.withdraw)
        self.share_button = button(self.tr("Share"), self.tr("Share"), primary=True)
        self.share_button.clicked.connect(self.share)
        cancel = button(self.tr("Close"), self.tr("Close"))
        cancel.clicked.connect(self.reject)
        self.status = label("", "hint")
        actions = QHBoxLayout()
        actions.addWidget(self.withdraw_button)
        actions.addWidget(self.status, 1)
        actions.addWidget(cancel)
        actions.addWidget(self.share_button)
        return actions

    def _lay_out(self, left: QWidget, right: QWidget, actions: QHBoxLayout) -> None:
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([330, 470])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(label(self.tr("Share with circle"), "pageTitle"))
        layout.addWidget(
            label(
                self.tr(
                    "Only what you see on the right leaves your journal: the title, the text, the "
                    "tags and the day. Attachments and the time of day stay private."
                ),
                "subtitle",
            )
        )
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)

    def _connect(self) -> None:
        """A tick changes the buttons; another circle shows its own words and preview."""
        self.circles_model.itemChanged.connect(lambda _item: self._update_buttons())
        self.circles.selectionModel().currentChanged.connect(lambda *_a: self._show_current())

    # -- circles ----------------------------------------------------------------------------
    def _fill_circles(self) -> None:
        self._shares = {
            info.id: (rid, changed)
            for info, rid, changed in self._service.shares_of_entry(self._entry_id)
        }
        self.circles_model.clear()
        writable = [
            info for info in self._service.circles() if info.my_role in ("owner", "admin", "member")
        ]
        for info in writable:
            shared = info.id in self._shares
            want = (len(writable) == 1 and not shared) or (shared and self._to_send(info.id))
            self.circles_model.add_circle(info.id, self._circle_text(info), info.name, want)

    def _circle_text(self, info: CircleInfo) -> str:
        if info.id not in self._shares:
            return info.name
        if self._to_send(info.id):
            return self.tr("{name} (an earlier version is shared)").format(name=info.name)
        return self.tr("{name} (shared)").format(name=info.name)

    def _to_send(self, circle_id: str) -> bool:
        """Not shared with ``circle_id`` yet, or changed since it was."""
        return circle_id not in self._shares or self._shares[circle_id][1]

    def current_circle(self) -> str | None:
        return self.circles_model.circle_id(self.circles.currentIndex())

    def checked_circles(self) -> list[str]:
        return self.circles_model.checked_ids()

    # -- preview ----------------------------------------------------------------------------
    def _show_current(self) -> None:
        if self._redaction_timer.isActive():
            self.save_redactions()  # what was typed counts for the preview of every circle
        circle_id = self.current_circle()
        if circle_id is None:
            self.preview_heading.setText(self.tr("You are in no circle you can share with yet."))
            self.preview_title.clear()
            self.preview_meta.clear()
            self.preview.clear()
            self.redactions.setEnabled(False)
            self.state.hide()
            self._update_buttons()
            return
        info = self._service.circle(circle_id)
        self.redactions.setEnabled(True)
        self.preview_heading.setText(self.tr("What “{name}” will see").format(name=info.name))
        share = self._shares.get(circle_id)
        if share is None:
            self.state.hide()
        elif self._to_send(circle_id):
            self.state.setText(
                self.tr(
                    "You shared this entry with {name} before, and it has changed since. Share "
                    "again to send the new version in place of the old one."
                ).format(name=info.name)
            )
            self.state.show()
        else:
            self.state.setText(
                self.tr("This entry is shared with {name} as it is now.").format(name=info.name)
            )
            self.state.show()
        self.refresh_preview()
        self._update_buttons()

    def refresh_preview(self) -> None:
        circle_id = self.current_circle()
        if circle_id is None:
            return
        content = self._service.preview_entry(circle_id, self._entry_id)
        self.preview_title.setText(str(content["title"]) or self.tr("Untitled"))
        meta = friendly_day(str(content["day"]))
        if content["tags"]:
            meta += " · " + self.tr("Tags: {tags}").format(tags=", ".join(content["tags"]))
        self.preview_meta.setText(meta)
        self.preview.show_markdown(str(content["body"]))

    def save_redactions(self) -> None:
        """Keep the list as typed: the one list, for every circle."""
        self._redaction_timer.stop()
        if not self.redactions.isEnabled():
            return  # no circle to share with: nothing typed here
        try:
            self._service.set_redaction_list(parse_redactions(self.redactions.toPlainText()))
        except CircleError as exc:
            self.redaction_error.setText(error_words.message(exc))
            self.redaction_error.show()
            return
        self.redaction_error.hide()
        self.refresh_preview()

    def _update_buttons(self) -> None:
        checked = self.checked_circles()
        changed = any(self._to_send(c) for c in checked)
        all_shared = bool(checked) and all(c in self._shares for c in checked)
        self.share_button.setText(
            self.tr("Share the new version") if all_shared and changed else self.tr("Share")
        )
        self.share_button.setAccessibleName(self.share_button.text())
        self.share_button.setEnabled(bool(checked) and changed)
        self.withdraw_button.setVisible(self.current_circle() in self._shares)

    # -- actions ----------------------------------------------------------------------------
    def share(self) -> None:
        self.save_redactions()
        targets = [c for c in self.checked_circles() if self._to_send(c)]
        if not targets:
            return
        self.share_button.setEnabled(False)

        service, entry_id = self._service, self._entry_id

        def share_all() -> list[str]:  # on a worker: touches no widget
            for circle_id in targets:
                service.share_entry(circle_id, entry_id)
            return targets

        def done(shared: list[str]) -> None:
            for circle_id in shared:
                if self._synced is not None:
                    self._synced(circle_id)
            self.accept()

        def failed(exc: Exception) -> None:
            self.status.setText(message_for(exc))
            self._update_buttons()

        self._work.run(share_all, done, failed, owner=self)

    def withdraw(self) -> None:
        circle_id = self.current_circle()
        if circle_id is None or circle_id not in self._shares:
            return
        name = self._service.circle(circle_id).name
        if (
            QMessageBox.question(
                self,
                self.tr("Withdraw from {name}?").format(name=name),
                self.tr(
                    "The entry disappears from the circle at everyone's next sync. Anyone who has "
                    "already read it may remember it, or keep a copy."
                ),
            )
            != QMessageBox.StandardButton.Yes
        ):
            return

        def done(_rid: object) -> None:
            if self._synced is not None:
                self._synced(circle_id)
            self.status.setText(self.tr("Withdrawn from {name}.").format(name=name))
            self._fill_circles()
            self._select(circle_id)

        def failed(exc: Exception) -> None:
            self.status.setText(message_for(exc))

        service, entry_id = self._service, self._entry_id
        self._work.run(
            lambda: service.withdraw_entry(circle_id, entry_id), done, failed, owner=self
        )

    def _select(self, circle_id: str) -> None:
        row = self.circles_model.row_of(circle_id)
        if row >= 0:
            self.circles.setCurrentIndex(self.circles_model.index(row, 0))
        self._show_current()
