"""identity ... and circle ...: handlers (the grammar is in ``circle_parser``).

Imported at every start (the parser names these handlers): the circles' keys and services
(cryptography, age) are imported by the handlers that use them.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from carecompanion.circle.errors import CircleError, CircleNotFound, RepairableFile
from carecompanion.cli.contact_commands import parse_id
from carecompanion.cli.io import (
    CliError,
    new_file,
    print_object,
    print_rows,
    secret,
    write_new_file,
)
from carecompanion.cli.vault_commands import vault_session

if TYPE_CHECKING:
    from carecompanion.circle.checking import VerifyReport
    from carecompanion.circle.identity import MemberCard
    from carecompanion.circle.service import CircleService
    from carecompanion.circle.sync import SyncReport

CIRCLE_PASSPHRASE_ENV = "CARECOMPANION_CIRCLE_PASSPHRASE"  # noqa: S105
AGE_WARNING = (
    "Warning: this file is your secret circle key. With it, the standard 'age' tool opens "
    "every circle you are in, so no one is locked in to CareCompanion. Anyone who gets it "
    "can read those circles: keep it as safe as your journal, and delete it when done."
)


def _circle_passphrase() -> str:
    return secret(CIRCLE_PASSPHRASE_ENV, "Circle passphrase: ")


def _registered(circles: CircleService, file: str) -> str:
    try:
        return circles.find_by_file(Path(file)).id
    except CircleNotFound as exc:
        raise CliError(f"{exc} ('carecompanion circle join {file}')") from exc


def repair_hint(exc: RepairableFile, file: str) -> CliError:
    """A file that cannot be read says that Repair exists, and how."""
    return CliError(f"{exc} To do it: carecompanion circle repair {file}")


def sync_now(circles: CircleService, circle_id: str, file: str) -> SyncReport:
    try:
        return circles.sync(circle_id)
    except RepairableFile as exc:
        raise repair_hint(exc, file) from exc


def sync_after_saving(circles: CircleService, circle_id: str, file: str, what: str) -> None:
    """The sync after something was saved in the vault: when the file is busy (another member
    is writing it) or out of reach, what was saved stays saved and goes out at the next sync;
    say so, so that nobody sends it twice (issue 14, finding 11)."""
    from carecompanion.circle.files import CircleLockTimeout

    try:
        _report(sync_now(circles, circle_id, file))
    except CircleLockTimeout:
        print(
            "carecompanion: someone else in the circle is saving the circle file right now. "
            f"Your {what} is saved on this computer and will be written to the circle file at "
            f"the next sync ('carecompanion circle sync {file}'): there is no need to send it "
            "again.",
            file=sys.stderr,
        )
    except CircleError as exc:
        if exc.code != "circle.unreachable":
            raise
        print(f"carecompanion: {exc} (Your {what} is saved.)", file=sys.stderr)


def cmd_identity_show(args: argparse.Namespace) -> int:
    with vault_session(args) as session:
        me = session.circles.identity()
        info = {
            "name": me.name,
            "fingerprint": me.fingerprint,
            "safety_number": me.safety_number,
            "age_recipient": me.age_recipient,
        }
    if args.json:
        print_object(info)
    else:
        for key, value in info.items():
            print(f"{key.replace('_', ' ')}\t{value}")
    return 0


def cmd_identity_set_name(args: argparse.Namespace) -> int:
    with vault_session(args) as session:
        me = session.circles.set_name(args.name)
    print(f"Your circles will see you as {me.name}.")
    return 0


def cmd_identity_export_card(args: argparse.Namespace) -> int:
    out = new_file(args.out)
    with vault_session(args) as session:
        card = session.circles.card()
    write_new_file(out, card.to_bytes())
    print(f"Wrote your member card to {out}. Safety number: {card.safety_number}")
    return 0


def cmd_identity_export_age(args: argparse.Namespace) -> int:
    out = new_file(args.out)
    print(AGE_WARNING, file=sys.stderr)
    with vault_session(args) as session:
        circles = session.circles
        text = circles.identity().age_identity_file(session.clock.now())
    write_new_file(out, text.encode("ascii"))  # 0600, like age-keygen
    print(f"Wrote your age key to {out}.")
    return 0


def cmd_create(args: argparse.Namespace) -> int:
    path = Path(args.file)
    passphrase = _circle_passphrase() if args.passphrase_circle else None
    with vault_session(args) as session:
        info = session.circles.create(args.name, path, passphrase)
    row = {"id": info.id, "name": info.name, "mode": info.mode, "file": str(info.file_path)}
    print_rows([row], args.json) if not args.json else print_object(row)
    return 0


def _read_card(name: str) -> MemberCard:
    """The member card in file ``name``, reading no more than a card may hold (plus one byte,
    to know it is over): a 1.5 GB file given by mistake is refused, never read into memory.
    Every problem is one line naming the file."""
    from carecompanion.circle.errors import CircleFileError
    from carecompanion.circle.identity import card_from_bytes
    from carecompanion.circle.limits import MAX_CARD_BYTES

    try:
        with Path(name).open("rb") as handle:
            data = handle.read(MAX_CARD_BYTES + 1)
    except OSError as exc:
        raise CliError(f"{name} could not be read: {exc.strerror or exc}.") from exc
    try:
        return card_from_bytes(data)
    except CircleFileError as exc:
        raise CliError(f"{name}: {exc}") from exc


def cmd_add_member(args: argparse.Namespace) -> int:
    card = _read_card(args.card)
    with vault_session(args) as session:
        circles = session.circles
        circle_id = _registered(circles, args.file)
        circles.add_member(circle_id, card, args.role)
        sync_after_saving(circles, circle_id, args.file, "change")
    print(
        f"Added {card.name} ({card.fingerprint}) as {args.role}. "
        f"Safety number: {card.safety_number}"
    )
    return 0


def cmd_remove_member(args: argparse.Namespace) -> int:
    with vault_session(args) as session:
        circles = session.circles
        circle_id = _registered(circles, args.file)
        said = circles.remove_member(circle_id, args.member.strip().lower())
        sync_after_saving(circles, circle_id, args.file, "change")
    print(said)
    if said.code == "circle.removed_passphrase":
        print(f"To change the passphrase: carecompanion circle passphrase {args.file}")
    return 0


def cmd_join(args: argparse.Namespace) -> int:
    path = Path(args.file)
    header_kind = _file_kind(path)
    passphrase = _circle_passphrase() if header_kind == "scrypt" else None
    with vault_session(args) as session:
        info = session.circles.join(path, passphrase)
    row = {"id": info.id, "name": info.name, "mode": info.mode, "role": info.my_role}
    print_object(row) if args.json else print_rows([row], False)
    return 0


def _file_kind(path: Path) -> str:
    from carecompanion.circle.agefile import check_age_header
    from carecompanion.circle.files import read_circle_file

    return check_age_header(read_circle_file(path)).kind


def parse_redaction(value: str) -> tuple[str, str]:
    """``--redact WORD`` (replaced by its initials) or ``--redact WORD=REPLACEMENT``."""
    word, _equals, replacement = value.partition("=")
    if not word.strip():
        raise CliError(f"--redact needs a word, or WORD=REPLACEMENT, not {value!r}.")
    return word, replacement


def cmd_share(args: argparse.Namespace) -> int:
    entry_id = parse_id(args.entry, "--entry")
    extra = [parse_redaction(value) for value in args.redact or ()]
    with vault_session(args) as session:
        circles = session.circles
        circle_id = _registered(circles, args.file)
        if args.dry_run:
            print_object(circles.preview_entry(circle_id, entry_id, extra))
            return 0
        record = circles.share_entry(circle_id, entry_id, extra)
        sync_after_saving(circles, circle_id, args.file, "shared entry")
    print(record)
    return 0


def cmd_withdraw(args: argparse.Namespace) -> int:
    entry_id = parse_id(args.entry, "--entry")
    with vault_session(args) as session:
        circles = session.circles
        circle_id = _registered(circles, args.file)
        record = circles.withdraw_entry(circle_id, entry_id)
        sync_after_saving(circles, circle_id, args.file, "withdrawal")
    print(f"Withdrew {record}: it disappears for everyone at their next sync.")
    return 0


def cmd_comment(args: argparse.Namespace) -> int:
    with vault_session(args) as session:
        circles = session.circles
        circle_id = _registered(circles, args.file)
        record = circles.comment(circle_id, args.record.strip().lower(), args.text)
        sync_after_saving(circles, circle_id, args.file, "comment")
    print(record)
    return 0


def cmd_react(args: argparse.Namespace) -> int:
    with vault_session(args) as session:
        circles = session.circles
        circle_id = _registered(circles, args.file)
        record = circles.react(circle_id, args.record.strip().lower(), args.reaction)
        sync_after_saving(circles, circle_id, args.file, "reaction")
    print(record)
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    with vault_session(args) as session:
        circles = session.circles
        report = sync_now(circles, _registered(circles, args.file), args.file)
    if args.json:
        print_object(
            {
                "wrote": report.wrote,
                "new_records": report.new_records,
                "nothing_new": report.nothing_new,
                "rejected": [r.reason for r in report.rejected],
                "warnings": [*report.warnings, *_dropped(report)],
                "merged_copies": [str(p) for p in report.merged_copies],
                "kept_copies": [str(p) for p in report.kept_copies],
            }
        )
    else:
        _report(report)
        print(
            "Nothing new."
            if report.nothing_new
            else f"Synced: {report.new_records} new or changed records"
            + (", file written." if report.wrote else ".")
        )
    return 0


def _dropped(report: SyncReport) -> list[str]:
    """What the sync left out, once, in plain words (``keeping``)."""
    from carecompanion.circle.errors import DROPPED

    dropped = report.dropped
    return [DROPPED(count=dropped.total)] if dropped else []


def _report(report: SyncReport) -> None:
    for warning in [*report.warnings, *_dropped(report)]:
        print(f"carecompanion: {warning}", file=sys.stderr)
    for rejection in report.rejected:
        print(
            f"carecompanion: rejected a {rejection.kind} from {rejection.signer}: "
            f"{rejection.reason}.",
            file=sys.stderr,
        )
    for copy in report.merged_copies:
        print(f"carecompanion: merged and removed the conflict copy {copy.name}.", file=sys.stderr)
    for copy in report.kept_copies:
        print(
            f"carecompanion: merged the copy {copy.name} and kept it (it is not named as a "
            "sync service names its conflict copies).",
            file=sys.stderr,
        )


def _verify(args: argparse.Namespace) -> VerifyReport:
    """The file checked; for a circle of this journal, against what the vault has seen too
    (stale, changed names), and a file that cannot be read says that Repair exists."""
    from carecompanion.circle.agefile import check_age_header
    from carecompanion.circle.errors import CircleFileError, as_repairable
    from carecompanion.circle.files import read_circle_file

    path = Path(args.file)
    with vault_session(args) as session:
        circles = session.circles
        try:
            info = circles.find_by_file(path)
        except CircleNotFound:
            info = None
        passphrase = None
        if info is not None and info.mode == "passphrase":
            passphrase = _stored_passphrase(circles, info.id)
        try:
            data = read_circle_file(path)
            if passphrase is None and check_age_header(data).kind == "scrypt":
                passphrase = _circle_passphrase()
            return circles.verify(data, passphrase, info.id if info is not None else None)
        except CircleFileError as exc:
            said = as_repairable(exc, info.my_role == "owner") if info is not None else exc
            if isinstance(said, RepairableFile):
                raise repair_hint(said, args.file) from exc
            raise


def _stored_passphrase(circles: CircleService, circle_id: str) -> str | None:
    return circles.passphrase(circle_id) or os.environ.get(CIRCLE_PASSPHRASE_ENV)


def _shown(report: VerifyReport, fingerprint: str) -> str:
    """A member as ``circle show`` names them: the display name (with the start of their
    safety number when another member has the same name), "former member" when removed."""
    name = report.names.get(fingerprint)
    member = report.roster.members.get(fingerprint)
    if name is None or member is None:
        return fingerprint
    return f"{name.display} (former member)" if member.former else name.display


def _notes(report: VerifyReport) -> list[str]:
    """What the reader should know that is not a failed check: shared and changed names."""
    renamed = [
        f"{name.display} was called {name.renamed_from} before"
        for name in report.names.values()
        if name.renamed_from is not None
    ]
    return [*report.name_warnings, *renamed]


def cmd_show(args: argparse.Namespace) -> int:
    report = _verify(args)
    roster = report.roster
    members = [
        {
            "type": "member",
            "fingerprint": m.fingerprint,
            "role": m.role,
            "name": _shown(report, m.fingerprint),
            "safety_number": m.card.safety_number,
            "renamed_from": report.names[m.fingerprint].renamed_from or "",
        }
        for m in sorted(roster.members.values(), key=lambda m: (m.role != "owner", m.name))
    ]
    records = []
    for item in sorted(report.records, key=lambda i: (i.fields["created"], i.fields["id"])):
        f = item.fields
        content = f["content"]
        text = (
            content.get("title")
            or content.get("text")
            or content.get("reaction")
            or content.get("what")  # a request for help
            or ""
        )
        records.append(
            {
                "type": "record",
                "id": f["id"],
                "kind": f["kind"],
                "version": f["version"],
                "created": f["created"],
                "author": _shown(report, item.signer),
                "author_fingerprint": item.signer,
                "verified": "verified",  # only what the roster counts is in report.records
                "target": f["target"] or "",
                "text": text,
            }
        )
    warnings = [*report.stale, *report.warnings, *_dropped_words(report), *_notes(report)]
    if args.json:
        print_object(
            {
                "circle": report.circle_id,
                "name": report.name,
                "members": members,
                "records": records,
                "warnings": warnings,
                "stale": report.stale,
                "rejected": [r.reason for r in report.rejected],
            }
        )
        return 0
    print(f"circle\t{report.circle_id}\t{report.name}\t{roster.mode}")
    print_rows(members, False)
    print_rows(records, False)
    for warning in warnings:
        print(f"carecompanion: {warning}", file=sys.stderr)
    return 0


def _dropped_words(report: VerifyReport) -> list[str]:
    from carecompanion.circle.errors import DROPPED

    return [DROPPED(count=report.dropped.total)] if report.dropped else []


def cmd_verify(args: argparse.Namespace) -> int:
    report = _verify(args)
    problems = [
        *report.stale,
        *(f"rejected a {r.kind} from {r.signer}: {r.reason}" for r in report.rejected),
        *report.warnings,
        *_dropped_words(report),
        *(
            f"ignored a roster change by {i.signer} that their role does not allow"
            for i in report.roster.ignored
        ),
    ]
    status = "OK" if not problems else "STALE" if len(problems) == len(report.stale) else "PROBLEMS"
    if args.json:
        print_object(
            {
                "ok": not problems,
                "stale": bool(report.stale),
                "circle": report.circle_id,
                "records": len(report.records),
                "members": len(report.roster.members),
                "problems": problems,
                "notes": _notes(report),
            }
        )
    else:
        for problem in problems:
            print(f"carecompanion: {problem}", file=sys.stderr)
        for note in _notes(report):
            print(f"carecompanion: note: {note}", file=sys.stderr)
        print(
            f"{status}\t{report.circle_id}\t{report.name}\t"
            f"{len(report.records)} records\t{len(report.roster.members)} members"
        )
    return 0 if not problems else 1
