"""Looking at an attachment inside the app: images are shown; anything can be saved a copy of.

Nothing is handed to an outside viewer, because that would mean writing it to disk in clear.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from carecompanion.atomic import atomic_write_bytes
from carecompanion.ui.common.widgets import label


class AttachmentViewer(QDialog):
    def __init__(
        self,
        filename: str,
        mime_type: str,
        data: bytes,
        size_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._filename = filename
        self._data = data
        self.setWindowTitle(filename)
        self.resize(720, 560)
        layout = QVBoxLayout(self)
        image = QImage.fromData(data) if mime_type.startswith("image/") else QImage()
        if not image.isNull():
            picture = QLabel()
            picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
            picture.setPixmap(
                QPixmap.fromImage(image).scaled(
                    680,
                    460,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            picture.setAccessibleName(filename)
            scroll = QScrollArea()
            scroll.setWidget(picture)
            scroll.setWidgetResizable(True)
            layout.addWidget(scroll, 1)
        else:
            layout.addWidget(
                label(
                    self.tr(
                        "{name} ({size}) is kept encrypted in your journal. To open it in another "
                        "program, save a copy where you choose."
                    ).format(name=filename, size=size_text)
                )
            )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        save = buttons.addButton(self.tr("Save a copy…"), QDialogButtonBox.ButtonRole.ActionRole)
        save.setAccessibleName(self.tr("Save a copy of the attachment"))
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        save.clicked.connect(self._save_copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _save_copy(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save a copy"), str(Path.home() / self._filename)
        )
        if path:
            atomic_write_bytes(Path(path), self._data)
