"""An entry's attachments as an icon list: thumbnails are made in memory, never cached on disk."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QIcon, QImage, QPixmap

from carecompanion.journal.service import AttachmentInfo
from carecompanion.ui.common import theme

ATTACHMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 20
THUMBNAIL = QSize(96, 96)


def human_size(size: int) -> str:
    """ "640 bytes", "2.5 MB" ("2,5 MB" in Spanish): Qt's own wording, in the chosen language."""
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def thumbnail(data: bytes) -> QIcon | None:
    image = QImage.fromData(data)
    if image.isNull():
        return None
    scaled = image.scaled(
        THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    return QIcon(QPixmap.fromImage(scaled))


class AttachmentsModel(QAbstractListModel):
    def __init__(self, load_data: Callable[[int], bytes] | None = None) -> None:
        super().__init__()
        self._items: list[AttachmentInfo] = []
        self._icons: dict[int, QIcon] = {}
        self._load_data = load_data

    def set_attachments(
        self,
        items: tuple[AttachmentInfo, ...] | list[AttachmentInfo],
        load_data: Callable[[int], bytes] | None,
    ) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._icons = {}
        self._load_data = load_data
        self.endResetModel()

    def clear(self) -> None:
        self.set_attachments([], None)

    def attachment(self, row: int) -> AttachmentInfo:
        return self._items[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def _icon(self, item: AttachmentInfo) -> QIcon:
        if item.id not in self._icons:
            icon = None
            if item.mime_type.startswith("image/") and self._load_data is not None:
                icon = thumbnail(self._load_data(item.id))
            self._icons[item.id] = icon or theme.icon("journal", 96)
        return self._icons[item.id]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.filename
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(item)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{item.filename}, {human_size(item.size)}"
        if role == ATTACHMENT_ID_ROLE:
            return item.id
        return None
