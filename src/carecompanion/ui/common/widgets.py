"""Small reusable widgets: a card, an empty state, a passphrase field, a strength meter."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from carecompanion.ui.common import error_words, theme
from carecompanion.ui.common.i18n import QT_TRANSLATE_NOOP
from carecompanion.vault.strength import estimate

translate = QCoreApplication.translate  # lupdate reads translate("Context", "...")


def label(text: str, object_name: str = "", wrap: bool = True) -> QLabel:
    widget = QLabel(text)
    widget.setWordWrap(wrap)
    if object_name:
        widget.setObjectName(object_name)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return widget


def button(text: str, accessible: str, primary: bool = False, link: bool = False) -> QPushButton:
    widget = QPushButton(text)
    widget.setAccessibleName(accessible)
    widget.setCursor(Qt.CursorShape.PointingHandCursor)
    widget.setMinimumHeight(44)  # large targets for tired hands
    if primary:
        widget.setObjectName("primary")
        widget.setDefault(True)
    elif link:
        widget.setObjectName("link")
        widget.setMinimumHeight(32)
    return widget


def save_cancel_buttons(
    dialog: QDialog, on_save: Callable[[], object] | None = None, save_text: str = ""
) -> QDialogButtonBox:
    """Save and Cancel, named for screen readers; Save runs ``on_save`` (default: accept)."""
    # In the dialog from the start: Save can only become its default (setDefault below)
    # once it is in it. Before, the dialog chose a default of its own on show, the first
    # button of the form ("Choose a photo…"), and Enter in a field pressed that.
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    if save_text:
        save.setText(save_text)
    save.setAccessibleName(save_text or translate("Buttons", "Save"))
    # Drawn as the dialog's main action, and the one Enter presses even when another dialog
    # in the same window set a default of its own.
    save.setObjectName("primary")
    save.setDefault(True)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(
        translate("Buttons", "Cancel")
    )
    buttons.accepted.connect(on_save or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class FitStack(QWidget):
    """Pages shown one at a time, sized to the page on show (QStackedWidget sizes to its
    tallest page, which leaves holes in a centred card). Hidden pages take no space."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._pages: list[QWidget] = []
        self._current = -1

    def addWidget(self, page: QWidget) -> int:
        self._pages.append(page)
        self._layout.addWidget(page)
        if self._current < 0:
            self._current = 0
        page.setVisible(len(self._pages) - 1 == self._current)
        return len(self._pages) - 1

    def count(self) -> int:
        return len(self._pages)

    def widget(self, index: int) -> QWidget:
        return self._pages[index]

    def currentIndex(self) -> int:
        return self._current

    def currentWidget(self) -> QWidget | None:
        return self._pages[self._current] if self._current >= 0 else None

    def setCurrentIndex(self, index: int) -> None:
        self._current = index
        for number, page in enumerate(self._pages):
            page.setVisible(number == index)


class Card(QFrame):
    """A rounded panel that centres a column of content."""

    def __init__(self, parent: QWidget | None = None, max_width: int = 560) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setMaximumWidth(max_width)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(36, 32, 36, 32)
        self.body.setSpacing(14)


def centred(widget: QWidget) -> QWidget:
    holder = QWidget()
    outer = QVBoxLayout(holder)
    outer.addStretch(1)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(widget, 10)
    row.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)
    return holder


class EmptyState(QWidget):
    """What a page shows when there is nothing in it yet: a kind sentence, never a blank."""

    def __init__(self, icon_name: str, title: str, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        picture = QLabel()
        picture.setPixmap(theme.icon(icon_name, 72).pixmap(72, 72))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(picture)
        heading = label(title, "pageTitle")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(heading)
        body = label(text, "subtitle")
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body.setMaximumWidth(520)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(body, 4)  # up to its maximum: a wrapped label otherwise stays narrow
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        self.setAccessibleName(title)


def name_inner_buttons(line_edit: QLineEdit, name: str) -> None:
    """Qt makes a nameless tool button for each line-edit action (clear, show): name them."""
    for tool_button in line_edit.findChildren(QToolButton):
        tool_button.setAccessibleName(name)


class PassphraseField(QLineEdit):
    """A password field with a show/hide button inside it, at its right end.

    The button is the next Tab stop after the field (Space shows what was typed, Space again
    hides it; Shift+Tab goes back to typing), named for screen readers, and checked while the
    passphrase shows. Qt's own line-edit action could only be clicked: its button takes no
    focus. A click leaves the cursor in the field."""

    _GAP = 4  # between the button and the field's edge

    def __init__(self, accessible: str, placeholder: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setAccessibleName(accessible)
        self.setPlaceholderText(placeholder)
        self.setMinimumHeight(44)
        self.reveal = QToolButton(self)
        self.reveal.setObjectName("reveal")
        self.reveal.setText(self.tr("Show"))
        self.reveal.setIcon(theme.icon("key", 32))
        self.reveal.setIconSize(QSize(18, 18))
        self.reveal.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.reveal.setCheckable(True)
        self.reveal.setAccessibleName(self.tr("Show or hide the passphrase"))
        self.reveal.setToolTip(self.tr("Show or hide what you typed"))
        self.reveal.setCursor(Qt.CursorShape.PointingHandCursor)
        # Tab reaches it; a click does not take the focus from the field being typed in.
        self.reveal.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.reveal.toggled.connect(self._show)
        self._place_reveal()

    def _show(self, shown: bool) -> None:
        self.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)

    def _place_reveal(self) -> None:
        size = self.reveal.sizeHint()
        height = min(size.height(), max(0, self.height() - 2 * self._GAP))
        self.reveal.setGeometry(
            self.width() - size.width() - self._GAP,
            (self.height() - height) // 2,
            size.width(),
            height,
        )
        # The text stops short of the button.
        self.setTextMargins(0, 0, size.width() + self._GAP, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_reveal()

    def wipe(self) -> None:
        self.clear()
        self.reveal.setChecked(False)
        self.setEchoMode(QLineEdit.EchoMode.Password)


#: The meter's verdict by score, the UI's own (the core's English labels serve the CLI). What
#: is wrong and what to do are the core's sentences, translated by code (error_words).
_STRENGTH_WORDS = (
    QT_TRANSLATE_NOOP("StrengthMeter", "Very weak"),
    QT_TRANSLATE_NOOP("StrengthMeter", "Weak"),
    QT_TRANSLATE_NOOP("StrengthMeter", "Almost"),
    QT_TRANSLATE_NOOP("StrengthMeter", "Good"),
    QT_TRANSLATE_NOOP("StrengthMeter", "Strong"),
)


class StrengthMeter(QWidget):
    """A bar and a sentence: how hard the passphrase would be to guess."""

    changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.bar = QProgressBar()
        self.bar.setObjectName("strength")
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(self.tr("Passphrase strength"))
        self.verdict = label("", "hint")
        layout.addWidget(self.bar)
        layout.addWidget(self.verdict)
        self.acceptable = False
        self.update_for("")

    def update_for(self, passphrase: str) -> None:
        result = estimate(passphrase)
        self.bar.setValue(result.score if passphrase else 0)
        self.bar.setProperty("level", "ok" if result.acceptable else "weak")
        self.bar.style().unpolish(self.bar)
        self.bar.style().polish(self.bar)
        if passphrase:
            self.verdict.setText(
                self.tr("{verdict}. {advice}").format(
                    verdict=self.tr(_STRENGTH_WORDS[result.score]),
                    advice=" ".join(error_words.say(reason) for reason in result.reasons),
                )
            )
        else:
            self.verdict.setText(
                self.tr("Tip: a few ordinary words you can picture, with spaces, work well.")
            )
        self.bar.setAccessibleDescription(self.verdict.text())
        self.acceptable = result.acceptable
        self.changed.emit(self.acceptable)
