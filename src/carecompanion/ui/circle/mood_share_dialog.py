"""Share how the week went with a circle: a few words (prefilled from the check-ins, the
person's to change) and the figures they leave ticked. The check-ins stay in the vault."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QListView,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from carecompanion.circle.mood_summary import summarize
from carecompanion.circle.service import CircleService
from carecompanion.mood.service import MoodService
from carecompanion.ui.circle.work import CircleWork, message_for
from carecompanion.ui.common.choices_model import CheckableListModel
from carecompanion.ui.common.core_words import week_summary_words
from carecompanion.ui.common.discard import AsOpened, close_or_ask
from carecompanion.ui.common.i18n import format_when
from carecompanion.ui.common.screen_fit import scrolling
from carecompanion.ui.common.widgets import button, label


class MoodShareDialog(QDialog):
    def __init__(
        self,
        service: CircleService,
        mood: MoodService,
        work: CircleWork,
        synced: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._work = work
        self._synced = synced
        self.setWindowTitle(self.tr("Share how your week went"))
        self.resize(700, 640)  # made smaller on a smaller screen, where the body scrolls
        self.last = mood.today()
        self.first = self.last - timedelta(days=6)
        summary = summarize(mood.days(self.first, self.last), self.first, self.last)
        self._build_circle_choice()
        words, figures = week_summary_words(summary.text, summary.figures) if summary else ("", {})
        self._build_words(words, figures)
        self.preview = label("", "notice")
        self.preview.setAccessibleName(self.tr("What the circle will see"))
        self.error = label("", "error")
        self.error.hide()
        buttons = self._build_buttons()
        outer = QVBoxLayout(self)
        outer.addWidget(scrolling(self._build_body(summary is not None)), 1)
        outer.addWidget(self.error)
        outer.addLayout(buttons)
        self._connect()
        self.update_preview()
        self._as_opened = AsOpened(self._answers)  # the words as prefilled, every figure ticked

    # -- building ---------------------------------------------------------------------------
    def _build_circle_choice(self) -> None:
        """The circles this member can write in."""
        self.circle = QComboBox()
        self.circle.setAccessibleName(self.tr("Circle to share with"))
        for info in self._service.circles():
            if info.my_role in ("owner", "admin", "member"):
                self.circle.addItem(info.name, info.id)

    def _build_words(self, words: str, figures: dict[str, str]) -> None:
        """The few words (the person's to change) and the figures to tick."""
        self.text = QPlainTextEdit(words)
        self.text.setAccessibleName(self.tr("What you want to say"))
        self.text.setPlaceholderText(self.tr("A few words about your week"))
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(110)
        self.figures_model = CheckableListModel(self)
        for name, value in figures.items():
            self.figures_model.add_choice((name, value), f"{name}: {value}", checked=True)
        self.figures = QListView()
        self.figures.setModel(self.figures_model)
        self.figures.setAccessibleName(self.tr("Figures to include"))
        self.figures.setMaximumHeight(140)

    def _build_buttons(self) -> QHBoxLayout:
        self.share_button = button(self.tr("Share"), self.tr("Share"), primary=True)
        self.share_button.clicked.connect(self.share)
        close = button(self.tr("Close"), self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.share_button)
        return buttons

    def _build_body(self, has_summary: bool) -> QVBoxLayout:
        """The week, the circle, the words, the figures and the preview (scrolls)."""
        layout = QVBoxLayout()
        layout.addWidget(label(self.tr("Share how your week went"), "pageTitle"))
        layout.addWidget(
            label(
                self.tr(
                    "From {first} to {last}. Only the words and the ticked figures below are "
                    "shared; "
                    "your check-ins stay in your journal."
                ).format(
                    first=format_when(self.first, "short_day"),
                    last=format_when(self.last, "short_day"),
                ),
                "hint",
            )
        )
        if not has_summary:
            layout.addWidget(
                label(
                    self.tr("No check-ins this week yet: you can still share a few words."), "hint"
                )
            )
        layout.addWidget(label(self.tr("Circle"), "sectionTitle", wrap=False))
        layout.addWidget(self.circle)
        layout.addWidget(label(self.tr("Your words"), "sectionTitle", wrap=False))
        layout.addWidget(self.text)
        if has_summary:
            layout.addWidget(label(self.tr("Figures"), "sectionTitle", wrap=False))
            layout.addWidget(self.figures)
        layout.addWidget(label(self.tr("What the circle will see"), "sectionTitle", wrap=False))
        layout.addWidget(self.preview)
        layout.addStretch(1)
        return layout

    def _connect(self) -> None:
        """Any change to the words, the figures or the circle shows in the preview."""
        self.text.textChanged.connect(self.update_preview)
        self.figures_model.itemChanged.connect(self.update_preview)
        self.circle.currentIndexChanged.connect(self.update_preview)

    # -- sharing ----------------------------------------------------------------------------
    def chosen_figures(self) -> dict[str, str]:
        return dict(self.figures_model.checked_values())

    def _answers(self) -> tuple[object, ...]:
        return (self.circle.currentData(), self.text.toPlainText().strip(), self.chosen_figures())

    def reject(self) -> None:
        # Escape, Close and the window's close button: words the person changed are only
        # thrown away when they say so.
        close_or_ask(self, self._as_opened.changed())

    def update_preview(self) -> None:
        circle_id = self.circle.currentData()
        text = self.text.toPlainText().strip()
        self.share_button.setEnabled(bool(circle_id) and bool(text))
        if not circle_id:
            self.preview.setText(self.tr("You are not in a circle where you can write yet."))
            return
        shown = self._service.preview_mood_text(circle_id, text)
        figures = ", ".join(f"{n}: {v}" for n, v in self.chosen_figures().items())
        self.preview.setText(shown + (f"\n{figures}" if figures else ""))

    def share(self) -> None:
        circle_id = self.circle.currentData()
        text = self.text.toPlainText()
        figures = self.chosen_figures()
        self.share_button.setEnabled(False)

        def done(_record: object) -> None:
            if self._synced is not None:
                self._synced(circle_id)
            self.accept()

        def failed(exc: Exception) -> None:
            self.error.setText(message_for(exc))
            self.error.show()
            self.share_button.setEnabled(True)

        service, first, last = self._service, self.first, self.last
        self._work.run(
            lambda: service.share_mood(circle_id, text, first, last, figures),
            done,
            failed,
            owner=self,
        )
