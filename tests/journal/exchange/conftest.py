"""Fixtures for import and export tests: an open vault session, sample entries and files."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from carecompanion.clock import FixedClock
from carecompanion.journal.service import AttachmentDraft, Entry, EntryDraft, JournalService
from carecompanion.session import VaultSession
from carecompanion.vault.vault import UnlockedVault

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
# A zone with a half-hour offset and no daylight saving: mistakes in zone handling show.
INDIA = timezone(timedelta(hours=5, minutes=30))


def png_bytes(width: int = 4, height: int = 3, rgb: tuple[int, int, int] = (200, 80, 40)) -> bytes:
    """A small, valid PNG made without any image library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    row = b"\x00" + bytes(rgb) * width
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def session(unlocked_vault: UnlockedVault, clock: FixedClock) -> VaultSession:
    return VaultSession(unlocked_vault, clock)


@pytest.fixture
def journal(session: VaultSession) -> JournalService:
    return session.journal


def add_sample_entries(journal: JournalService, clock: FixedClock) -> list[Entry]:
    """Three entries over two months, with tags, a favourite, a photo and a document,
    written in India (so they read the same on any test computer)."""
    drafts = [
        EntryDraft(
            title="First night home",
            body="Mum slept from **ten** until two.\n\n- Tablets at 22:00\n- Door alarm on",
            entry_at=datetime(2026, 1, 30, 21, 30, tzinfo=INDIA),
            tags=("night", "Discharge"),
            is_favourite=True,
            attachments=(AttachmentDraft("garden photo.png", "image/png", png_bytes()),),
            time_zone="+05:30",
        ),
        EntryDraft(
            title="Appointment notes",
            body="Dr Okafor: keep the evening dose.\n\n> Review in four weeks.",
            entry_at=datetime(2026, 2, 2, 9, 15, tzinfo=UTC),
            tags=("appointments",),
            attachments=(
                AttachmentDraft("prescription.pdf", "application/pdf", b"%PDF-1.4 fake scan"),
                AttachmentDraft("../../etc/notes?.txt", "text/plain", "ünïcode\n".encode()),
            ),
            time_zone="+05:30",
        ),
        EntryDraft(
            title="",
            body="Too tired for a title. Just: we made it through.",
            entry_at=datetime(2026, 2, 20, 23, 55, tzinfo=UTC),
            time_zone="+05:30",
        ),
    ]
    entries = []
    for draft in drafts:
        entries.append(journal.add_draft(draft))
        clock.advance(3600)
    return entries


def dayone_zip(
    journal_json: bytes, media: dict[str, bytes], *, name: str = "Journal.json", folder: str = ""
) -> bytes:
    """A Day One export zip as the app writes it: the journal file and media by md5."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{folder}{name}", journal_json)
        for path, data in media.items():
            archive.writestr(f"{folder}{path}", data)
    return buffer.getvalue()


def dayone_fixture_zip() -> bytes:
    """tests/fixtures/dayone/Journal.json with its photos (one deliberately left out)."""
    return dayone_zip(
        (FIXTURES / "dayone" / "Journal.json").read_bytes(),
        {
            "photos/cf80411fda6ba991b6110b2365fb8286.jpeg": png_bytes(6, 4),
            "photos/3800439b6474adf8c32077df25829f78.png": png_bytes(5, 5, (10, 120, 200)),
            # 1ef5ce08ba6ecd00f4545e9e7af88851 is missing, as when Day One had not synced it
        },
    )
