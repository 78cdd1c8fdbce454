"""Pages whose features arrive in later versions: a friendly word, never a blank."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from carecompanion.ui.widgets import EmptyState, label


class PlaceholderPage(QWidget):
    def __init__(
        self, title: str, icon_name: str, heading: str, text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.addWidget(label(title, "pageTitle"))
        layout.addWidget(EmptyState(icon_name, heading, text), 1)

    def clear(self) -> None:
        """Nothing decrypted lives here."""
