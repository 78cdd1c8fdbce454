"""Every mood field stays encrypted: notes, activity and emotion names, self-check answers and
results, support contacts, imported Daylio text. Scanned in the vault, its WAL, the backups
and the log, through the service and through the command line."""

from __future__ import annotations

import json
import logging
from datetime import timedelta
from pathlib import Path

import pytest

from carecompanion.__main__ import main
from carecompanion.clock import FixedClock
from carecompanion.mood.assessments import AssessmentService
from carecompanion.mood.records import CheckInDraft
from carecompanion.mood.service import MoodService
from carecompanion.paths import AppPaths
from carecompanion.vault.vault import UnlockedVault, Vault
from tests.canary import assert_no_plaintext, new_marker
from tests.helpers import GOOD_PASSPHRASE

MCSI_ANSWERS = [2, 1, 0, 2, 2, 1, 1, 0, 0, 2, 1, 0, 2]


def test_no_mood_field_reaches_the_disk_in_clear(
    everything_logged: Path,
    unlocked_vault: UnlockedVault,
    paths: AppPaths,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    note, activity, emotion = new_marker(), new_marker(), new_marker()
    contact, reach, new_activity = new_marker(), new_marker(), new_marker()
    cli_note, cli_activity, cli_emotion = new_marker(), new_marker(), new_marker()
    daylio_note, daylio_activity = new_marker(), new_marker()
    markers = [
        note,
        activity,
        emotion,
        contact,
        reach,
        new_activity,
        cli_note,
        cli_activity,
        cli_emotion,
        daylio_note,
        daylio_activity,
    ]

    mood = MoodService(unlocked_vault.database, clock)
    for i in range(40):  # enough to spill across pages and into the WAL
        mood.add(
            CheckInDraft(
                mood=1 + i % 5,
                stress=i % 11,
                note=f"{note} {i}",
                activities=(activity,),
                emotions=(emotion,),
                at=clock.now() - timedelta(days=i),
            )
        )
    renamed = mood.activities.add("temporary")
    mood.activities.rename(renamed.id, new_activity)
    mood.support.add(contact, reach, "person")
    mood.dismiss_nudge()
    assessments = AssessmentService(unlocked_vault.database, clock)
    saved = assessments.save("mcsi", MCSI_ANSWERS)
    ama = assessments.save("ama_csaq", [1] * 16 + [9, 9])
    # What a saved self-check holds is personal too: its answers and its result text.
    markers += [json.dumps(MCSI_ANSWERS), saved.interpretation[:60], ama.interpretation[:80]]

    assert "vault.db-wal" in assert_no_plaintext(paths.data_dir, markers)  # open, WAL too
    unlocked_vault.backup_to(paths.backups_dir / "manual.ccbackup")
    unlocked_vault.lock()

    # The same through the command line, including a Daylio import and a CSV export (which
    # goes where the person asked, outside the data folder, and is plaintext by design).
    monkeypatch.setenv("CARECOMPANION_HOME", str(paths.data_dir))
    monkeypatch.setenv("CARECOMPANION_PASSPHRASE", GOOD_PASSPHRASE)
    assert (
        main(
            [
                "mood",
                "add",
                "--mood",
                "2",
                "--note",
                cli_note,
                "--activity",
                cli_activity,
                "--emotion",
                cli_emotion,
            ]
        )
        == 0
    )
    daylio = tmp_path / "daylio.csv"
    daylio.write_text(
        "full_date,date,weekday,time,mood,activities,note_title,note\n"
        f'2025-06-01,1 June,Sunday,9:30 pm,rad,"{daylio_activity} | walk","","{daylio_note}"\n',
        encoding="utf-8",
    )
    assert main(["mood", "import", "--from", "daylio", str(daylio)]) == 0
    export = tmp_path / "exports" / "mood.csv"
    export.parent.mkdir()
    assert main(["mood", "export", "--format", "csv", "--out", str(export)]) == 0
    assert cli_note in export.read_text(encoding="utf-8-sig")  # the export itself is readable
    assert main(["backup", "--out", str(paths.backups_dir / "cli.ccbackup")]) == 0
    capsys.readouterr()

    clock.advance(86400)  # a later day's unlock takes the automatic backup
    opened = Vault(paths, clock).unlock(GOOD_PASSPHRASE)
    assert MoodService(opened.database, clock).count() == 42
    opened.lock()

    logging.getLogger("carecompanion").handlers[-1].flush()
    assert b"INSERT INTO mood_checkins" in everything_logged.read_bytes()  # SQL was logged

    scanned = set(assert_no_plaintext(paths.data_dir, markers))
    assert {
        "vault.db",
        "vault.header",
        "carecompanion.log",
        "backups/manual.ccbackup!vault.db",
        "backups/cli.ccbackup!vault.db",
    } <= scanned
    assert any(n.startswith("backups/auto-") and n.endswith("!vault.db") for n in scanned)
