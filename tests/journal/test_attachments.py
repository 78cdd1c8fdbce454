"""Attachments: stored whole in the encrypted database, with stated size limits."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carecompanion.clock import FixedClock
from carecompanion.journal import attachments as limits
from carecompanion.journal.attachments import (
    AttachmentNotFound,
    clean_filename,
    clean_mime_type,
    describe_size,
)
from carecompanion.journal.service import (
    MAX_ATTACHMENT_BYTES,
    MAX_ENTRY_ATTACHMENT_BYTES,
    AttachmentTooLarge,
    EntryFilter,
    EntryNotFound,
    JournalService,
)
from tests.helpers import START


def test_limits_are_as_documented() -> None:
    assert MAX_ATTACHMENT_BYTES == 25 * 1024 * 1024
    assert MAX_ENTRY_ATTACHMENT_BYTES == 100 * 1024 * 1024


def test_add_read_remove(journal: JournalService, clock: FixedClock) -> None:
    entry = journal.add("Prescription", "")
    clock.advance(90)
    data = bytes(range(256)) * 40
    info = journal.add_attachment(
        entry.id, "/home/me/Scans/prescription.pdf", "Application/PDF", data
    )
    assert (info.entry_id, info.filename, info.mime_type, info.size) == (
        entry.id,
        "prescription.pdf",
        "application/pdf",
        len(data),
    )
    assert info.created_at == clock.now()
    again = journal.get(entry.id)
    assert again.attachments == (info,)
    assert again.updated_at == clock.now() and again.created_at == START
    assert journal.attachment_data(info.id) == data
    assert journal.list_summaries(EntryFilter(has_attachment=True))[0].has_attachments

    journal.remove_attachment(info.id)
    assert journal.get(entry.id).attachments == ()
    with pytest.raises(AttachmentNotFound, match=f"id {info.id}"):
        journal.attachment_data(info.id)
    with pytest.raises(AttachmentNotFound):
        journal.remove_attachment(info.id)


def test_attachment_for_a_missing_entry(journal: JournalService) -> None:
    with pytest.raises(EntryNotFound):
        journal.add_attachment(99, "a.txt", "text/plain", b"a")


def test_size_limits(journal: JournalService, monkeypatch: pytest.MonkeyPatch) -> None:
    # Scaled down so the test does not push 100 MiB through the database.
    monkeypatch.setattr(limits, "MAX_ATTACHMENT_BYTES", 100)
    monkeypatch.setattr(limits, "MAX_ENTRY_ATTACHMENT_BYTES", 250)
    entry = journal.add("photos", "")
    journal.add_attachment(entry.id, "one.jpg", "image/jpeg", b"1" * 100)  # exactly the limit
    with pytest.raises(AttachmentTooLarge, match=r"big\.jpg is 101 bytes; .* at most 100 bytes"):
        journal.add_attachment(entry.id, "big.jpg", "image/jpeg", b"1" * 101)
    journal.add_attachment(entry.id, "two.jpg", "image/jpeg", b"2" * 100)
    with pytest.raises(AttachmentTooLarge, match=r"three\.jpg would take .* over 250 bytes"):
        journal.add_attachment(entry.id, "three.jpg", "image/jpeg", b"3" * 51)
    journal.add_attachment(entry.id, "three.jpg", "image/jpeg", b"3" * 50)
    assert [a.filename for a in journal.get(entry.id).attachments] == [
        "one.jpg",
        "two.jpg",
        "three.jpg",
    ]
    other = journal.add("elsewhere", "")  # the total is per entry
    journal.add_attachment(other.id, "four.jpg", "image/jpeg", b"4" * 100)


def test_real_limit_refuses_before_writing(journal: JournalService) -> None:
    entry = journal.add("x", "")
    with pytest.raises(AttachmentTooLarge, match=r"25\.0 MB"):
        journal.add_attachment(
            entry.id, "huge.mov", "video/quicktime", bytes(MAX_ATTACHMENT_BYTES + 1)
        )
    assert journal.get(entry.id).attachments == ()


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("photo.jpg", "photo.jpg"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\me\\scan.pdf", "scan.pdf"),
        ("bad\x00name\n.txt", "badname.txt"),
        ("", "attachment"),
        ("   ", "attachment"),
        ("dir/", "dir"),
        ("x" * 300, "x" * 255),
        ("A\x1f:", "attachment"),  # not "A:", a drive on a second reading
        ("..", "attachment"),
        ("notes/...", "attachment"),
    ],
)
def test_clean_filename(given: str, expected: str) -> None:
    assert clean_filename(given) == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("image/jpeg", "image/jpeg"),
        (" IMAGE/PNG ", "image/png"),
        ("application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text"),
        ("", "application/octet-stream"),
        ("not a type", "application/octet-stream"),
        ("text/plain; charset=utf-8", "application/octet-stream"),
    ],
)
def test_clean_mime_type(given: str, expected: str) -> None:
    assert clean_mime_type(given) == expected


def test_describe_size() -> None:
    assert [describe_size(n) for n in (0, 1, 1023, 1024, 1536, 25 * 1024 * 1024)] == [
        "0 bytes",
        "1 byte",
        "1023 bytes",
        "1.0 KB",
        "1.5 KB",
        "25.0 MB",
    ]


@given(st.text(max_size=300))
def test_cleaning_a_clean_name_changes_nothing(name: str) -> None:
    once = clean_filename(name)
    assert clean_filename(once) == once
    assert once.strip(".") and "/" not in once and "\\" not in once
