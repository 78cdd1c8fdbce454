"""A caregiver self-check: a published questionnaire, its score in plain words, and the trend.

The form is a questionnaire (a fixed handful of questions), so each question is its own row of
radio buttons; lists that grow with the user's data use model/view instead.

Answers not scored yet are only thrown away when the person says so: closing the dialog and
picking another questionnaire (a new form) both ask first.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from carecompanion.mood.instruments import INSTRUMENTS, NOT_A_DIAGNOSIS, Instrument
from carecompanion.session import VaultSession
from carecompanion.ui.common.discard import AsOpened, ask_to_discard, close_or_ask
from carecompanion.ui.common.i18n import format_when
from carecompanion.ui.common.widgets import label


class SelfCheckDialog(QDialog):
    def __init__(self, session: VaultSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setWindowTitle(self.tr("Caregiver self-check"))
        self.resize(760, 720)
        self.choice = QComboBox()
        self.choice.setAccessibleName(self.tr("Which self-check"))
        for instrument in INSTRUMENTS.values():
            self.choice.addItem(self.tr(instrument.title), instrument.id)
        self._answering = 0  # the questionnaire the form shows (the picker may be ahead)
        self.choice.currentIndexChanged.connect(self._picked)
        self.notice = label(self.tr(NOT_A_DIAGNOSIS), "notice")
        self.questions_area = QScrollArea()
        self.questions_area.setWidgetResizable(True)
        self.outcome = label("", "")
        self.outcome.hide()
        self.history = label("", "hint")
        buttons = QDialogButtonBox()
        self.score_button = buttons.addButton(
            self.tr("See my result"), QDialogButtonBox.ButtonRole.ApplyRole
        )
        self.score_button.setAccessibleName(self.tr("See my result"))
        self.score_button.setObjectName("primary")
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        self.score_button.clicked.connect(self.score)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.choice)
        layout.addWidget(self.notice)
        layout.addWidget(self.questions_area, 1)
        layout.addWidget(self.outcome)
        layout.addWidget(self.history)
        layout.addWidget(buttons)
        self.groups: list[QButtonGroup] = []
        self._as_built = AsOpened(self._given)  # no answers, or the ones just scored and kept
        self._build()

    @property
    def instrument(self) -> Instrument:
        """The questionnaire being answered."""
        return INSTRUMENTS[str(self.choice.itemData(self._answering))]

    def _given(self) -> tuple[int, ...]:
        return tuple(group.checkedId() for group in self.groups)

    def _picked(self, index: int) -> None:
        """Another questionnaire means a new form: answers not kept yet are lost only when the
        person says so; Keep editing puts the picker back on the one being answered."""
        if not self._as_built.changed():
            self._answering = index
            self._build()
            return

        def discard() -> None:
            self._answering = self.choice.currentIndex()
            self._build()

        box = ask_to_discard(self, discard)
        box.finished.connect(lambda _result: self._show_answering())

    def _show_answering(self) -> None:
        """The picker on the questionnaire the form shows (after Keep editing, or a lock)."""
        if self.choice.currentIndex() != self._answering:
            with QSignalBlocker(self.choice):
                self.choice.setCurrentIndex(self._answering)

    def reject(self) -> None:
        # Escape, Close and the window's close button: answers not scored and kept yet are
        # only thrown away when the person says so.
        close_or_ask(self, self._as_built.changed())

    def _build(self) -> None:
        instrument = self.instrument
        form = QWidget()
        grid = QGridLayout(form)
        grid.setVerticalSpacing(10)
        grid.addWidget(label(self.tr(instrument.instructions), "subtitle"), 0, 0, 1, 2)
        grid.addWidget(label(self.tr(instrument.stem), "sectionTitle"), 1, 0, 1, 2)
        self.groups = []
        for row, item in enumerate(instrument.items, start=2):
            grid.addWidget(label(f"{item.number}. {self.tr(item.text)}"), row, 0)
            answers = QWidget()
            answers_layout = QGridLayout(answers)
            answers_layout.setContentsMargins(0, 0, 0, 0)
            group = QButtonGroup(answers)
            for column, choice in enumerate(item.choices):
                radio = QRadioButton(self.tr(choice.label))
                radio.setAccessibleName(f"{item.number}: {self.tr(choice.label)}")
                group.addButton(radio, choice.value)
                answers_layout.addWidget(radio, column // 5, column % 5)
            self.groups.append(group)
            grid.addWidget(answers, row, 1)
        grid.addWidget(
            label(self.tr("Source: {citation}").format(citation=instrument.citation), "hint"),
            len(instrument.items) + 2,
            0,
            1,
            2,
        )
        old = self.questions_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.questions_area.setWidget(form)
        self.outcome.hide()
        self._show_history()
        self._as_built.kept()

    def answers(self) -> list[int] | None:
        values = [group.checkedId() for group in self.groups]
        return None if any(v < 0 for v in values) else values

    def score(self) -> None:
        values = self.answers()
        if values is None:
            missing = sum(1 for group in self.groups if group.checkedId() < 0)
            self.outcome.setText(self.tr("{n} question(s) still need an answer.").format(n=missing))
            self.outcome.show()
            return
        saved = self._session.assessments.save(self.instrument.id, values)
        self._as_built.kept()
        result = saved.rescore()
        self.outcome.setText(
            self.tr("Your score: {total} of {max}. {text}").format(
                total=result.total, max=result.max_total, text=self.tr(result.interpretation)
            )
        )
        self.outcome.show()
        self._show_history()

    def _show_history(self) -> None:
        trend = self._session.assessments.trend(self.instrument.id)
        if not trend:
            self.history.setText(
                self.tr(
                    "Your results will be kept here, so you can see how things change over time."
                )
            )
            return
        lines = [
            f"{format_when(p.day, 'day')}: {p.score}"
            + (f" ({p.change:+d})" if p.change is not None else "")
            for p in trend[-6:]
        ]
        self.history.setText(self.tr("Earlier results: ") + " · ".join(lines))
