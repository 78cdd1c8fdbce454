"""Rich-text actions on a QTextEdit whose document is saved as Markdown."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextListFormat
from PySide6.QtWidgets import QTextEdit

_HEADING_SIZES = {1: 1.6, 2: 1.35, 3: 1.15}


def toggle_bold(editor: QTextEdit) -> None:
    fmt = QTextCharFormat()
    bold = editor.fontWeight() < QFont.Weight.Bold
    fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    editor.mergeCurrentCharFormat(fmt)


def toggle_italic(editor: QTextEdit) -> None:
    fmt = QTextCharFormat()
    fmt.setFontItalic(not editor.fontItalic())
    editor.mergeCurrentCharFormat(fmt)


def set_heading(editor: QTextEdit, level: int) -> None:
    """Level 0 turns a heading back into a paragraph."""
    cursor = editor.textCursor()
    cursor.beginEditBlock()
    block = QTextBlockFormat()
    block.setHeadingLevel(level)
    cursor.mergeBlockFormat(block)
    cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
    chars = QTextCharFormat()
    chars.setFontWeight(QFont.Weight.Bold if level else QFont.Weight.Normal)
    base = editor.document().defaultFont().pointSizeF()
    chars.setFontPointSize(base * _HEADING_SIZES.get(level, 1.0))
    cursor.mergeCharFormat(chars)
    cursor.endEditBlock()


def toggle_list(editor: QTextEdit, style: QTextListFormat.Style) -> None:
    cursor = editor.textCursor()
    current = cursor.currentList()
    cursor.beginEditBlock()
    if current is not None and current.format().style() == style:
        current.remove(cursor.block())
        plain = cursor.blockFormat()
        plain.setIndent(0)
        cursor.setBlockFormat(plain)
    else:
        list_format = QTextListFormat()
        list_format.setStyle(style)
        cursor.createList(list_format)
    cursor.endEditBlock()


def insert_link(editor: QTextEdit, url: str, text: str) -> None:
    fmt = QTextCharFormat()
    fmt.setAnchor(True)
    fmt.setAnchorHref(url)
    fmt.setFontUnderline(True)
    cursor = editor.textCursor()
    cursor.insertText(text or url, fmt)
    cursor.setCharFormat(QTextCharFormat())
    editor.setTextCursor(cursor)


def word_count(text: str) -> int:
    return len(text.split())
