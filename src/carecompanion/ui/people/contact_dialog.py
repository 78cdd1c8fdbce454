"""Adding or changing a contact, and logging a call, message or visit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from carecompanion.people.errors import PeopleError
from carecompanion.people.records import (
    LOG_KINDS,
    RELATIONS,
    ContactDraft,
    Email,
    Phone,
)
from carecompanion.ui.common.core_words import kind_code, kind_word, relation_label
from carecompanion.ui.common.discard import AsOpened, close_or_ask
from carecompanion.ui.common.screen_fit import scrolling
from carecompanion.ui.common.widgets import label, save_cancel_buttons


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def parse_phones(text: str) -> tuple[Phone, ...]:
    """One per line, "mobile: 07700 900123" or just the number."""
    phones = []
    for line in _lines(text):
        kind, sep, number = line.partition(":")
        phones.append(
            Phone(number.strip(), kind_code(kind)) if sep and number.strip() else Phone(line)
        )
    return tuple(phones)


def parse_emails(text: str) -> tuple[Email, ...]:
    emails = []
    for line in _lines(text):
        kind, sep, address = line.partition(":")
        emails.append(
            Email(address.strip(), kind_code(kind)) if sep and "@" in address else Email(line)
        )
    return tuple(emails)


class ContactDialog(QDialog):
    def __init__(self, draft: ContactDraft | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a person") if draft is None else self.tr("Edit"))
        self.setMinimumWidth(560)
        draft = draft or ContactDraft(name="")
        self._build_who(draft)
        self._build_ways_to_reach(draft)
        self._build_how_they_help(draft)
        self.photo_data: bytes | None = None  # a newly chosen photo, kept encrypted on save
        self.photo_button = QPushButton(self.tr("Choose a photo…"))
        self.photo_button.setAccessibleName(self.tr("Choose a photo"))
        self.photo_button.clicked.connect(self._choose_photo)
        self.error = label("", "error")
        self.error.hide()
        buttons = save_cancel_buttons(self, self._check)
        layout = QVBoxLayout(self)
        # The fields scroll: Save and Cancel stay in sight on a small screen.
        layout.addWidget(scrolling(self._form()), 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._as_opened = AsOpened(self.draft)  # what Escape may close on without asking

    # -- the fields -----------------------------------------------------------------------------
    def _build_who(self, draft: ContactDraft) -> None:
        self.name = QLineEdit(draft.name)
        self.name.setAccessibleName(self.tr("Name"))
        self.relation = QComboBox()
        self.relation.setAccessibleName(self.tr("How they relate to you"))
        for relation in RELATIONS:
            self.relation.addItem(relation_label(relation), relation)
        self.relation.setCurrentIndex(self.relation.findData(draft.relation))
        self.role = QLineEdit(draft.role)
        self.role.setAccessibleName(self.tr("Role"))
        self.role.setPlaceholderText(self.tr("e.g. social worker, Mum's nurse"))

    def _build_ways_to_reach(self, draft: ContactDraft) -> None:
        self.phones = QPlainTextEdit(
            "\n".join(f"{kind_word(p.kind)}: {p.number}" for p in draft.phones)
        )
        self.phones.setAccessibleName(self.tr("Phone numbers, one per line"))
        self.phones.setPlaceholderText(self.tr("mobile: 07700 900123"))
        self.phones.setFixedHeight(70)
        self.phones.setTabChangesFocus(True)  # Tab goes on to the next field, as in a form
        self.emails = QPlainTextEdit(
            "\n".join(f"{kind_word(e.kind)}: {e.address}" for e in draft.emails)
        )
        self.emails.setAccessibleName(self.tr("E-mail addresses, one per line"))
        self.emails.setFixedHeight(60)
        self.emails.setTabChangesFocus(True)
        self.address = QLineEdit(draft.address)
        self.address.setAccessibleName(self.tr("Address"))

    def _build_how_they_help(self, draft: ContactDraft) -> None:
        self.helps = QLineEdit(", ".join(draft.helps))
        self.helps.setAccessibleName(self.tr("How they help"))
        self.helps.setPlaceholderText(self.tr("good listener, can take a night shift"))
        self.best_times = QLineEdit(draft.best_times)
        self.best_times.setAccessibleName(self.tr("Best times to call"))
        self.every = QSpinBox()
        self.every.setRange(0, 365)
        self.every.setSpecialValueText(self.tr("no reminder"))
        self.every.setSuffix(self.tr(" days"))
        self.every.setValue(draft.check_in_days or 0)
        self.every.setAccessibleName(self.tr("Check in every so many days"))
        self.emergency = QCheckBox(self.tr("Someone to call first in an emergency"))
        self.emergency.setChecked(draft.is_emergency)
        self.emergency.setAccessibleName(self.tr("Emergency contact"))
        self.notes = QPlainTextEdit(draft.notes)
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setFixedHeight(70)
        self.notes.setTabChangesFocus(True)

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        for text, widget in (
            (self.tr("Name"), self.name),
            (self.tr("Who they are"), self.relation),
            (self.tr("Role"), self.role),
            (self.tr("Phones"), self.phones),
            (self.tr("E-mail"), self.emails),
            (self.tr("Address"), self.address),
            (self.tr("How they help"), self.helps),
            (self.tr("Best times"), self.best_times),
            (self.tr("Check in every"), self.every),
            ("", self.emergency),
            (self.tr("Notes"), self.notes),
            (self.tr("Photo"), self.photo_button),
        ):
            form.addRow(text, widget)
        return form

    # -- the answers ----------------------------------------------------------------------------
    def draft(self) -> ContactDraft:
        return ContactDraft(
            name=self.name.text().strip(),
            relation=self.relation.currentData(),
            role=self.role.text().strip(),
            phones=parse_phones(self.phones.toPlainText()),
            emails=parse_emails(self.emails.toPlainText()),
            address=self.address.text().strip(),
            notes=self.notes.toPlainText().strip(),
            helps=tuple(h.strip() for h in self.helps.text().split(",") if h.strip()),
            best_times=self.best_times.text().strip(),
            is_emergency=self.emergency.isChecked(),
            check_in_days=self.every.value() or None,
        )

    def _choose_photo(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a photo"), "", self.tr("Images (*.jpg *.jpeg *.png)")
        )
        if chosen:
            self.set_photo(Path(chosen).read_bytes())

    def set_photo(self, data: bytes) -> None:
        self.photo_data = data
        self.photo_button.setText(self.tr("Photo chosen"))

    def _check(self) -> None:
        if not self.name.text().strip():
            self.error.setText(self.tr("A contact needs a name."))
            self.error.show()
            return
        self.accept()

    def changed(self) -> bool:
        return self.photo_data is not None or self._as_opened.changed()

    def reject(self) -> None:
        # Escape, Cancel and the window's close button all come here: what was typed is only
        # thrown away when the person says so.
        close_or_ask(self, self.changed())


class LogDialog(QDialog):
    """ "I called Maria": logging a contact resets the stay-in-touch reminder."""

    def __init__(self, name: str, kind: str = "call", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Log contact with {name}").format(name=name))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("How you were in touch"))
        for value, text in zip(
            LOG_KINDS,
            (self.tr("A call"), self.tr("A message"), self.tr("A visit"), self.tr("A meeting")),
            strict=True,
        ):
            self.kind.addItem(text, value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("A short note"))
        self.note.setPlaceholderText(self.tr("A few words, if you like"))
        buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.kind)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self._as_opened = AsOpened(lambda: (self.kind.currentData(), self.note.text().strip()))

    def reject(self) -> None:
        close_or_ask(self, self._as_opened.changed())


__all__ = ["ContactDialog", "LogDialog", "PeopleError", "parse_emails", "parse_phones"]
