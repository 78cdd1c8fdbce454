"""Every people field stays encrypted: each contact and group field, photo bytes, contact-log
notes, schedule-change notes, edited crisis lines; written through the services, through the
command line and by a vCard import. Scanned in the vault, its WAL, the backups and the log
(with every SQL statement logged), as in tests/test_canary.py."""

from __future__ import annotations

import logging
from datetime import date, time
from pathlib import Path

import pytest

from carecompanion.__main__ import main
from carecompanion.clock import FixedClock
from carecompanion.paths import AppPaths
from carecompanion.people.contacts import PeopleService
from carecompanion.people.crisis import CrisisResourceDraft
from carecompanion.people.groups import GroupService
from carecompanion.people.meetings import GroupDraft, Schedule
from carecompanion.people.records import ContactDraft, Email, Phone
from carecompanion.vault.vault import UnlockedVault, Vault
from tests.canary import assert_no_plaintext, new_marker
from tests.helpers import GOOD_PASSPHRASE

JPEG_HEAD = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"


def test_no_people_field_reaches_the_disk_in_clear(
    everything_logged: Path,
    unlocked_vault: UnlockedVault,
    paths: AppPaths,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    contact = {
        field: new_marker()
        for field in (
            "name",
            "role",
            "phone",
            "phone_kind",
            "email",
            "email_kind",
            "address",
            "notes",
            "help",
            "best_times",
            "photo",
            "log_note",
            "facilitator",
        )
    }
    group = {field: new_marker() for field in ("name", "location", "notes", "change_note")}
    crisis = {
        field: new_marker()
        for field in (
            "name",
            "phone",
            "text_number",
            "url",
            "hours",
            "description",
            "source_url",
            "emergency",
        )
    }
    cli = {
        field: new_marker()
        for field in (
            "name",
            "phone",
            "email",
            "log_note",
            "group_name",
            "where",
            "vcard_name",
            "vcard_note",
            "vcard_phone",
        )
    }
    markers = [*contact.values(), *group.values(), *crisis.values(), *cli.values()]

    people = PeopleService(unlocked_vault.database, clock)
    for i in range(30):  # enough rows to spill across pages and into the WAL
        saved = people.add(
            ContactDraft(
                name=f"{contact['name']} {i}",
                relation="professional",
                role=contact["role"],
                phones=(Phone(contact["phone"], contact["phone_kind"]),),
                emails=(Email(f"{contact['email']}@example.org", contact["email_kind"]),),
                address=contact["address"],
                notes=contact["notes"],
                helps=(contact["help"],),
                best_times=contact["best_times"],
                is_emergency=True,
                check_in_days=7,
            )
        )
        people.log_contact(saved.id, "visit", f"{contact['log_note']} {i}")
    people.set_photo(saved.id, JPEG_HEAD + contact["photo"].encode() * 20)
    facilitator = people.add(ContactDraft(name=contact["facilitator"]))
    groups = GroupService(unlocked_vault.database, clock)
    meeting = groups.add(
        GroupDraft(
            name=group["name"],
            kind="video",
            location=group["location"],
            notes=group["notes"],
            facilitator_id=facilitator.id,
            member_ids=(saved.id,),
            schedule=Schedule.weekly(date(2026, 3, 3), time(19), "Europe/London"),
        )
    )
    groups.cancel_meeting(meeting.id, date(2026, 3, 10), note=group["change_note"])
    people.crisis.choose_country("GB")
    people.crisis.add(
        CrisisResourceDraft(
            name=crisis["name"],
            phone=crisis["phone"],
            text_number=crisis["text_number"],
            url=crisis["url"],
            hours=crisis["hours"],
            description=crisis["description"],
            source_url=crisis["source_url"],
        )
    )
    people.crisis.set_emergency_number(crisis["emergency"])
    assert crisis["emergency"] in people.help_panel().statement

    assert "vault.db-wal" in assert_no_plaintext(paths.data_dir, markers)  # open, WAL too
    unlocked_vault.backup_to(paths.backups_dir / "manual.ccbackup")
    unlocked_vault.lock()

    # The same through the command line, including a vCard import and the two exports
    # (which go where the person asked, outside the data folder, and are plaintext by design).
    monkeypatch.setenv("CARECOMPANION_HOME", str(paths.data_dir))
    monkeypatch.setenv("CARECOMPANION_PASSPHRASE", GOOD_PASSPHRASE)
    assert (
        main(
            [
                "contacts",
                "add",
                "--name",
                cli["name"],
                "--phone",
                cli["phone"],
                "--email",
                f"{cli['email']}@example.org",
                "--every",
                "3",
            ]
        )
        == 0
    )
    assert main(["contacts", "log", "1", "--note", cli["log_note"]]) == 0
    assert (
        main(
            [
                "groups",
                "add",
                "--name",
                cli["group_name"],
                "--weekly",
                "WE",
                "--at",
                "10:30",
                "--tz",
                "Europe/Berlin",
                "--where",
                cli["where"],
            ]
        )
        == 0
    )
    card = tmp_path / "in.vcf"
    card.write_text(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{cli['vcard_name']}\r\n"
        f"TEL;TYPE=CELL:{cli['vcard_phone']}\r\nNOTE:{cli['vcard_note']}\r\n"
        "END:VCARD\r\n",
        encoding="utf-8",
    )
    assert main(["contacts", "import-vcard", str(card)]) == 0
    exports = tmp_path / "exports"
    exports.mkdir()
    assert main(["contacts", "export-vcard", "--out", str(exports / "all.vcf")]) == 0
    assert main(["groups", "export-ics", "--out", str(exports / "all.ics")]) == 0
    exported = (exports / "all.vcf").read_text(encoding="utf-8")
    assert cli["vcard_note"] in exported and contact["best_times"] in exported
    assert group["name"] in (exports / "all.ics").read_text(encoding="utf-8")
    assert main(["backup", "--out", str(paths.backups_dir / "cli.ccbackup")]) == 0
    capsys.readouterr()

    clock.advance(86400)  # a later day's unlock takes the automatic backup
    opened = Vault(paths, clock).unlock(GOOD_PASSPHRASE)
    assert PeopleService(opened.database, clock).count() == 33
    opened.lock()

    logging.getLogger("carecompanion").handlers[-1].flush()
    assert b"INSERT INTO people_contacts" in everything_logged.read_bytes()  # SQL was logged

    scanned = set(assert_no_plaintext(paths.data_dir, markers))
    assert {
        "vault.db",
        "vault.header",
        "carecompanion.log",
        "backups/manual.ccbackup!vault.db",
        "backups/cli.ccbackup!vault.db",
    } <= scanned
    assert any(n.startswith("backups/auto-") and n.endswith("!vault.db") for n in scanned)
