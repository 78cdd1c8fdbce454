"""Managing templates: the built-in prompts (read-only, can be copied) and the user's own.

Changes are kept by Save. Until then, anything that would refill the form (another row, a
new template or a copy, closing) asks first; Keep editing leaves the form, and the list, on
the template being edited.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from carecompanion.journal.templates import Template, TemplateService
from carecompanion.ui.common.discard import AsOpened, ask_to_discard, close_or_ask
from carecompanion.ui.common.page_layout import wrap_rows
from carecompanion.ui.common.rows_model import RowsModel
from carecompanion.ui.common.widgets import button, label
from carecompanion.ui.journal.template_words import shown


class TemplateListModel(RowsModel[Template]):
    def row_data(self, template: Template, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            suffix = self.tr(" (built in)") if template.built_in else ""
            return template.name + suffix
        return None


class TemplatesDialog(QDialog):
    def __init__(self, templates: TemplateService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = templates
        self.setWindowTitle(self.tr("Templates"))
        self.resize(860, 560)
        self.model = TemplateListModel()
        self.list = self._build_list()
        form = self._build_form()
        actions = self._build_actions()
        right = QVBoxLayout()
        right.addWidget(self.note)
        right.addLayout(form, 1)
        right.addLayout(actions)
        columns = QHBoxLayout()
        columns.addWidget(self.list)
        columns.addLayout(right, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(close)
        self._connect()
        self._editing: Template | None = None
        self._reloading = False  # the list moved by the dialog itself, not by the person
        self._as_shown = AsOpened(self._form)  # the chosen template as shown, before changes
        self._reload()

    # -- building -------------------------------------------------------------------------------
    def _build_list(self) -> QListView:
        templates = QListView()
        templates.setModel(self.model)
        templates.setAccessibleName(self.tr("Templates"))
        wrap_rows(templates)
        templates.setMinimumWidth(260)
        return templates

    def _build_form(self) -> QFormLayout:
        """The chosen template: its name, the title and tags it gives, and its text."""
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Template name"))
        self.title = QLineEdit()
        self.title.setAccessibleName(self.tr("Title of new entries"))
        self.tags = QLineEdit()
        self.tags.setAccessibleName(self.tr("Tags of new entries"))
        self.body = QPlainTextEdit()
        self.body.setAccessibleName(self.tr("Template text"))
        self.body.setToolTip(self.tr("Start a line with ## to make it a heading in the entry."))
        self.body.setTabChangesFocus(True)  # Tab goes on to the buttons, as in the editor
        # A built-in template is shown as the entry it makes (headings as headings), not as
        # the Markdown behind it.
        self.preview = QTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setTabChangesFocus(True)
        self.preview.setAccessibleName(self.tr("What a new entry from this template says"))
        self.text = QStackedWidget()
        self.text.addWidget(self.body)
        self.text.addWidget(self.preview)
        self.note = label("", "hint")
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Entry title"), self.title)
        form.addRow(self.tr("Tags"), self.tags)
        form.addRow(self.tr("Text"), self.text)
        return form

    def _build_actions(self) -> QHBoxLayout:
        self.new_button = button(self.tr("New template"), self.tr("New template"))
        self.copy_button = button(self.tr("Make a copy"), self.tr("Make a copy of this template"))
        self.save_button = button(self.tr("Save"), self.tr("Save the template"), primary=True)
        self.delete_button = button(self.tr("Delete"), self.tr("Delete the template"))
        actions = QHBoxLayout()
        for widget in (self.new_button, self.copy_button, self.delete_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(self.save_button)
        return actions

    def _connect(self) -> None:
        self.list.selectionModel().currentChanged.connect(lambda cur, _prev: self._chosen(cur))
        self.new_button.clicked.connect(lambda: self._unless_kept(self._new))
        self.copy_button.clicked.connect(lambda: self._unless_kept(self._copy))
        self.save_button.clicked.connect(self._save)
        self.delete_button.clicked.connect(self._delete)

    # -- showing --------------------------------------------------------------------------------
    def _reload(self, select_id: str | None = None) -> None:
        self._reloading = True
        try:
            self.model.set_rows([shown(t) for t in self._service.list_templates()])
            if self.model.rowCount():
                row = max(0, self.model.row_where(lambda template: template.id == select_id))
                self.list.setCurrentIndex(self.model.index(row, 0))
                self._show(self.model.index(row, 0))
        finally:
            self._reloading = False

    def _chosen(self, index: QModelIndex) -> None:
        """The person moved in the list: changes not saved are lost only if they say so."""
        if self._reloading:
            return
        chosen = self.model.value_at(index)
        if chosen is None or self._editing is None or chosen.id == self._editing.id:
            return
        if not self._as_shown.changed():
            self._show(index)
            return
        box = ask_to_discard(self, lambda: self._show(self.list.currentIndex()))
        box.finished.connect(lambda _result: self._select_editing())

    def _unless_kept(self, action: Callable[[], None]) -> None:
        """New template, Make a copy: they show another template, so they ask first too."""
        if self._as_shown.changed():
            ask_to_discard(self, action)
        else:
            action()

    def _select_editing(self) -> None:
        """The list back on the template the form shows (Keep editing), its words untouched."""
        if self._editing is None:
            return
        editing_id = self._editing.id
        row = self.model.row_where(lambda template: template.id == editing_id)
        if row >= 0 and self.list.currentIndex().row() != row:
            self._reloading = True
            try:
                self.list.setCurrentIndex(self.model.index(row, 0))
            finally:
                self._reloading = False

    def _show(self, index: QModelIndex) -> None:
        template = self.model.value_at(index)
        if template is None:
            return
        self._editing = template
        self._fill(template.name, template.title, template.body, template.tags)
        editable = not template.built_in
        for widget in (self.name, self.title, self.tags):
            widget.setReadOnly(not editable)
        self.body.setReadOnly(not editable)
        self.text.setCurrentWidget(self.body if editable else self.preview)
        self.save_button.setEnabled(editable)
        self.delete_button.setEnabled(editable)
        self.note.setText(
            self.tr("Built-in templates cannot be changed; make a copy to adapt one.")
            if template.built_in
            else ""
        )
        self._as_shown.kept()

    def _fill(self, name: str, title: str, body: str, tags: tuple[str, ...]) -> None:
        self.name.setText(name)
        self.title.setText(title)
        self.body.setPlainText(body)
        self.preview.setMarkdown(body)
        self.tags.setText(", ".join(tags))

    def _form_tags(self) -> tuple[str, ...]:
        return tuple(t.strip() for t in self.tags.text().split(",") if t.strip())

    def _form(self) -> tuple[str, str, str, tuple[str, ...]]:
        """What Save would store."""
        return (
            self.name.text().strip(),
            self.title.text(),
            self.body.toPlainText(),
            self._form_tags(),
        )

    def reject(self) -> None:
        # Escape, Close and the window's close button: changes not saved yet are only thrown
        # away when the person says so.
        close_or_ask(self, self._as_shown.changed())

    def _new(self) -> None:
        created = self._service.add_template(self.tr("My template"), "", "", ())
        self._reload(created.id)
        self.name.setFocus()
        self.name.selectAll()

    def _copy(self) -> None:
        if self._editing is None:
            return
        source = self._editing
        created = self._service.add_template(
            self.tr("{name} (my copy)").format(name=source.name),
            source.title,
            source.body,
            source.tags,
        )
        self._reload(created.id)

    def _save(self) -> None:
        if self._editing is None or self._editing.built_in:
            return
        if not self.name.text().strip():
            QMessageBox.information(self, self.tr("Templates"), self.tr("A template needs a name."))
            return
        updated = self._service.update_template(
            self._editing.id,
            name=self.name.text().strip(),
            title=self.title.text(),
            body=self.body.toPlainText(),
            tags=self._form_tags(),
        )
        self._reload(updated.id)

    def _delete(self) -> None:
        if self._editing is None or self._editing.built_in:
            return
        self._service.delete_template(self._editing.id)
        self._reload()
