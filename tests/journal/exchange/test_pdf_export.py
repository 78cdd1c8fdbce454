"""The printed journal: a PDF from Qt that holds the entries' words and photos."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from pypdf import PageObject, PdfReader

from carecompanion.clock import FixedClock
from carecompanion.journal.exchange import Cancelled, ExportError, ExportSelection
from carecompanion.render.journal_pdf import demote_headings, export_pdf
from carecompanion.session import VaultSession
from tests.journal.exchange.conftest import INDIA, add_sample_entries

pytestmark = pytest.mark.usefixtures("qapp")  # a QApplication, before anything makes a lesser one


def _text(path: Path) -> str:
    reader = PdfReader(path)
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    return unicodedata.normalize("NFKC", text)  # "ﬁ" ligatures back to "fi"


@pytest.fixture
def filled(session: VaultSession, clock: FixedClock) -> VaultSession:
    add_sample_entries(session.journal, clock)
    return session


def test_pdf_holds_title_page_entries_tags_and_page_numbers(
    filled: VaultSession, tmp_path: Path
) -> None:
    out = tmp_path / "journal.pdf"
    result = export_pdf(filled.journal, ExportSelection(), out, tz=INDIA, title="Caring for Mum")
    assert (result.entries, result.attachments) == (3, 3)
    reader = PdfReader(out)
    assert len(reader.pages) >= 2
    assert reader.metadata is not None and reader.metadata.title == "Caring for Mum"
    first_page = " ".join(reader.pages[0].extract_text().split())
    assert "Caring for Mum" in first_page and "30 January 2026 – 21 February 2026" in first_page
    text = _text(out)
    for words in (
        "First night home",
        "Appointment notes",
        "Tags: Discharge, night",
        "Favourite",
        "Dr Okafor: keep the evening dose.",
        "January 2026",
        "Attached: prescription.pdf (18 bytes)",
        "we made it through",
    ):
        assert words in text, words
    assert re.search(r"\b2\s*$", reader.pages[1].extract_text().strip())  # page number
    # The photo is embedded as an image, not just named.
    assert any(_image_count(page) for page in reader.pages)


def _image_count(page: PageObject) -> int:
    resources = page.get("/Resources")
    xobjects = resources.get_object().get("/XObject") if resources is not None else None
    if xobjects is None:
        return 0
    return sum(
        1 for ref in xobjects.get_object().values() if ref.get_object().get("/Subtype") == "/Image"
    )


def test_pdf_of_a_date_range(filled: VaultSession, tmp_path: Path) -> None:
    out = tmp_path / "february.pdf"
    export_pdf(filled.journal, ExportSelection.between(date(2026, 2, 1), None), out)
    text = _text(out)
    assert "Appointment notes" in text
    assert "First night home" not in text


def test_cancel_and_existing_file_leave_nothing_behind(
    filled: VaultSession, tmp_path: Path
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(Cancelled):
        export_pdf(
            filled.journal,
            ExportSelection(),
            folder / "j.pdf",
            progress=lambda done, total: done < 1,
        )
    assert list(folder.iterdir()) == []
    (folder / "j.pdf").write_bytes(b"mine")
    with pytest.raises(ExportError, match="already exists"):
        export_pdf(filled.journal, ExportSelection(), folder / "j.pdf")
    assert (folder / "j.pdf").read_bytes() == b"mine"
    assert [p.name for p in folder.iterdir()] == ["j.pdf"]


def test_an_entrys_own_headings_sit_below_the_entry_heading() -> None:
    assert demote_headings("# A\n## B\n```\n# not a heading\n```\n#tag\n   # C") == (
        "### A\n#### B\n```\n# not a heading\n```\n#tag\n   ### C"
    )
