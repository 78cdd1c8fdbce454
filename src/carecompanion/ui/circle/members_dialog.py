"""Who is in a circle: names, roles and safety numbers; adding someone from their card
(after comparing safety numbers) and removing someone, saying truthfully what removing does.

In a passphrase circle a removed member still knows the passphrase, so the organiser is
offered to change it here, and a member types the new one they were given here too
(passphrase_dialog.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from carecompanion.circle.errors import CARD_UNREADABLE, CircleError
from carecompanion.circle.identity import MemberCard, card_from_bytes
from carecompanion.circle.limits import MAX_CARD_BYTES
from carecompanion.circle.roster import RosterMember
from carecompanion.circle.service import CircleService
from carecompanion.errors import Notice
from carecompanion.ui.circle.models import MemberListModel, role_words
from carecompanion.ui.circle.work import CircleWork, message_for
from carecompanion.ui.common import error_words
from carecompanion.ui.common.widgets import button, label, save_cancel_buttons


def read_card(path: Path) -> MemberCard:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_CARD_BYTES + 1)
    except OSError as exc:
        raise CircleError(CARD_UNREADABLE, file=path.name) from exc
    return card_from_bytes(data)


class AddMemberDialog(QDialog):
    """Shows whose card this is and its safety number; adding waits until they match."""

    def __init__(
        self, card: MemberCard, can_make_admin: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.card = card
        self.setWindowTitle(self.tr("Add {name}").format(name=card.name))
        self.setMinimumWidth(540)
        number = label(card.safety_number, "safetyNumber")
        number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        number.setAccessibleName(self.tr("Safety number on this card"))
        self.matches = QCheckBox(self.tr("{name} read me the same number").format(name=card.name))
        self.matches.setAccessibleName(self.matches.text())
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Role in the circle"))
        self.role.addItem(self.tr("Member: reads, shares and comments"), "member")
        self.role.addItem(self.tr("Helper: reads, and offers help"), "helper")
        self.role.addItem(self.tr("Reader: reads only"), "reader")
        if can_make_admin:
            self.role.addItem(self.tr("Admin: can also add and remove members"), "admin")
        self.role.setMinimumHeight(40)
        # A helper is new to most people: say what it means, truthfully (docs/circle-format.md,
        # "Who may do what, and why there is a helper").
        self.role_note = label(
            self.tr(
                "A helper reads everything shared in the circle, as every member does, and can "
                "offer to help when someone asks; they cannot post, comment or ask for help."
            ),
            "hint",
        )
        self.role_note.setAccessibleName(self.tr("About this role"))
        self.role.currentIndexChanged.connect(
            lambda _i: self.role_note.setVisible(self.chosen_role() == "helper")
        )
        self.role_note.hide()
        self.buttons = save_cancel_buttons(self, self.accept, self.tr("Add to the circle"))
        self.add_button = self.buttons.buttons()[0]
        self.add_button.setEnabled(False)
        self.matches.toggled.connect(self.add_button.setEnabled)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(
            label(self.tr("Add {name} to the circle?").format(name=card.name), "pageTitle")
        )
        layout.addWidget(
            label(
                self.tr(
                    "Before adding them, compare this safety number with {name}, by phone or in "
                    "person: ask them to read the number on their own member card. If every digit "
                    "matches, this card really is theirs."
                ).format(name=card.name),
                "subtitle",
            )
        )
        layout.addWidget(number)
        layout.addWidget(self.matches)
        layout.addWidget(label(self.tr("Role"), "sectionTitle", wrap=False))
        layout.addWidget(self.role)
        layout.addWidget(self.role_note)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def chosen_role(self) -> str:
        return str(self.role.currentData())


class MembersDialog(QDialog):
    def __init__(
        self,
        service: CircleService,
        work: CircleWork,
        circle_id: str,
        changed: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._work = work
        self._circle_id = circle_id
        self._changed = changed
        info = service.circle(circle_id)
        self.setWindowTitle(self.tr("Members of {name}").format(name=info.name))
        self.resize(620, 540)  # made smaller on a smaller screen
        me = service.identity().fingerprint
        self.model = MemberListModel(me)
        self.list = QListView()
        self.list.setObjectName("entries")
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Members"))
        self.list.setSpacing(4)
        self.list.setWordWrap(True)
        self.list.selectionModel().currentChanged.connect(lambda *_a: self._selection_changed())
        self.passphrase_button = self._build_passphrase_button(info.mode == "passphrase")
        self.hint = label("", "hint")
        self.status = label("", "hint")
        actions = self._build_actions()
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(label(self.tr("Members of {name}").format(name=info.name), "pageTitle"))
        layout.addWidget(
            label(
                self.tr(
                    "Each member's safety number is on their own member card; compare them by "
                    "phone "
                    "or in person if you ever doubt a card."
                ),
                "subtitle",
            )
        )
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.status)
        layout.addWidget(self.passphrase_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(actions)
        self.refresh()

    def _build_actions(self) -> QHBoxLayout:
        """Add and Remove on the left, Close on the right."""
        self.add_button = button(
            self.tr("Add a member from their card…"),
            self.tr("Add a member from their member card file"),
            primary=True,
        )
        self.add_button.clicked.connect(self.add_from_file)
        self.remove_button = button(self.tr("Remove…"), self.tr("Remove the chosen member"))
        self.remove_button.clicked.connect(self.remove_selected)
        close = button(self.tr("Close"), self.tr("Close"))
        close.clicked.connect(self.accept)
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addWidget(self.remove_button)
        actions.addStretch(1)
        actions.addWidget(close)
        return actions

    def _build_passphrase_button(self, passphrase_circle: bool) -> QPushButton:
        """In a passphrase circle: the organiser changes the passphrase, a member types the
        new one the organiser gave them. Not shown in a circle of member cards."""
        if self._is_owner():
            widget = button(
                self.tr("Change the passphrase…"), self.tr("Change the circle passphrase")
            )
        else:
            widget = button(
                self.tr("Type the new passphrase…"),
                self.tr("Type the new circle passphrase the organiser gave you"),
            )
        widget.clicked.connect(self.change_passphrase)
        widget.setVisible(passphrase_circle)
        return widget

    def _is_admin(self) -> bool:
        me = self._service.roster(self._circle_id).members.get(self._service.identity().fingerprint)
        return me is not None and me.is_admin

    def _is_owner(self) -> bool:
        roster = self._service.roster(self._circle_id)
        return roster.owner == self._service.identity().fingerprint

    def refresh(self) -> None:
        roster = self._service.roster(self._circle_id)
        order = {"owner": 0, "admin": 1, "member": 2, "helper": 3, "reader": 4}
        members = sorted(roster.current(), key=lambda m: (order.get(m.role, 9), m.name.casefold()))
        # Two members with one name told apart (the start of each one's safety number).
        self.model.names = self._service.state(self._circle_id).names
        self.model.set_rows(members)
        admin = self._is_admin()
        self.add_button.setVisible(admin)
        self.remove_button.setVisible(admin)
        self.hint.setText(
            ""
            if admin
            else self.tr("Only the circle's organiser or an admin can change who is in it.")
        )
        self.hint.setVisible(not admin)
        self._selection_changed()

    def _selected(self) -> RosterMember | None:
        return self.model.value_at(self.list.currentIndex())

    def _selection_changed(self) -> None:
        member = self._selected()
        me = self._service.identity().fingerprint
        self.remove_button.setEnabled(
            member is not None and member.role != "owner" and member.fingerprint != me
        )

    def add_from_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose their member card"),
            str(Path.home()),
            self.tr("Member cards (*.carecard);;All files (*)"),
        )
        if not chosen:
            return
        try:
            card = read_card(Path(chosen))
        except CircleError as exc:
            self.status.setText(error_words.message(exc))
            return
        self.add_card(card)

    def add_card(self, card: MemberCard) -> None:
        if card.fingerprint == self._service.identity().fingerprint:
            self.status.setText(self.tr("That is your own card."))
            return
        current = self._service.roster(self._circle_id).members.get(card.fingerprint)
        if current is not None and current.can_read:
            self.status.setText(
                self.tr("{name} is already in this circle, as {role}.").format(
                    name=current.name, role=role_words(current.role)
                )
            )
        dialog = AddMemberDialog(card, self._is_owner(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        role = dialog.chosen_role()
        self._apply(
            lambda: self._service.add_member(self._circle_id, card, role),
            self.tr("{name} was added. They can join once the circle has synced.").format(
                name=card.name
            ),
        )

    def remove_selected(self) -> None:
        member = self._selected()
        if member is None:
            return
        if self._service.circle(self._circle_id).mode == "passphrase":
            text = self.tr(
                "Nothing {name} writes will count any more. But they still know the circle "
                "passphrase, so they can still read what is shared until the passphrase is "
                "changed (only the circle's organiser can change it). What they could already "
                "read stays with them: it cannot be taken back."
            ).format(name=member.name)
        else:
            text = self.tr(
                "{name} will not be able to read anything shared from now on. What they could "
                "already read stays with them: it cannot be taken back."
            ).format(name=member.name)
        if (
            QMessageBox.question(self, self.tr("Remove {name}?").format(name=member.name), text)
            != QMessageBox.StandardButton.Yes
        ):
            return
        fingerprint = member.fingerprint
        self._apply(
            lambda: self._service.remove_member(self._circle_id, fingerprint),
            self.tr("{name} was removed.").format(name=member.name),
        )

    def change_passphrase(self) -> None:
        """The organiser's new passphrase, or the new one a member was given."""
        from carecompanion.ui.circle.passphrase_dialog import CirclePassphraseDialog

        owner = self._is_owner()
        dialog = CirclePassphraseDialog(self._service, self._work, self._circle_id, not owner, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.status.setText(
            self.tr(
                "The circle passphrase is changed. Give the new one to each member who stays; "
                "they type it once, under Members."
            )
            if owner
            else self.tr("This computer opens the circle with the new passphrase from now on.")
        )
        if self._changed is not None:
            self._changed(self._circle_id)

    def _apply(self, change: Callable[[], object], success: str) -> None:
        """Run ``change`` in the background; then say ``success``, or what the core answered
        instead (``remove_member`` says what removing means in this circle)."""

        def done(result: object) -> None:
            self.status.setText(error_words.say(result) if isinstance(result, Notice) else success)
            self.refresh()
            if self._changed is not None:
                self._changed(self._circle_id)

        def failed(exc: Exception) -> None:
            self.status.setText(message_for(exc))

        self._work.run(change, done, failed, owner=self)
