"""identity ... and circle ...: handlers (the grammar is in ``circle_parser``).

Imported at every start (the parser names these handlers): the circles' keys and services
(cryptography, age) are imported by the handlers that use them.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from carecompanion.circle.errors import CircleNotFound
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


def cmd_add_member(args: argparse.Namespace) -> int:
    from carecompanion.circle.identity import card_from_bytes

    try:
        card = card_from_bytes(Path(args.card).read_bytes()[: 64 * 1024])
    except OSError as exc:
        raise CliError(f"{args.card} could not be read: {exc.strerror or exc}.") from exc
    with vault_session(args) as session:
        circles = session.circles
        circle_id = _registered(circles, args.file)
        circles.add_member(circle_id, card, args.role)
        _report(circles.sync(circle_id))
    print(
        f"Added {card.name} ({card.fingerprint}) as {args.role}. "
        f"Safety number: {card.safety_number}"
    )
    return 0


def cmd_remove_member(args: argparse.Namespace) -> int:
    with vault_session(args) as session:
        circles = session.circles
        circle_id = _registered(circles, args.file)
        circles.remove_member(circle_id, args.member.strip().lower())
        _report(circles.sync(circle_id))
    print(
        "Removed. They keep what they could already read; nothing written from now on is "
        "encrypted to them."
    )
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


def cmd_share(args: argparse.Namespace) -> int:
    entry_id = parse_id(args.entry, "--entry")
    with vault_session(args) as session:
        circles = session.circles
        circle_id = _registered(circles, args.file)
        if args.dry_run:
            print_object(circles.preview_entry(circle_id, entry_id))
            return 0
        record = circles.share_entry(circle_id, entry_id)
        _report(circles.sync(circle_id))
    print(record)
    return 0


def cmd_withdraw(args: argparse.Namespace) -> int:
    entry_id = parse_id(args.entry, "--entry")
    with vault_session(args) as session:
        circles = session.circles
        circle_id = _registered(circles, args.file)
        record = circles.withdraw_entry(circle_id, entry_id)
        _report(circles.sync(circle_id))
    print(f"Withdrew {record}: it disappears for everyone at their next sync.")
    return 0


def cmd_comment(args: argparse.Namespace) -> int:
    with vault_session(args) as session:
        circles = session.circles
        circle_id = _registered(circles, args.file)
        record = circles.comment(circle_id, args.record.strip().lower(), args.text)
        _report(circles.sync(circle_id))
    print(record)
    return 0


def cmd_react(args: argparse.Namespace) -> int:
    with vault_session(args) as session:
        circles = session.circles
        circle_id = _registered(circles, args.file)
        record = circles.react(circle_id, args.record.strip().lower(), args.reaction)
        _report(circles.sync(circle_id))
    print(record)
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    with vault_session(args) as session:
        circles = session.circles
        report = circles.sync(_registered(circles, args.file))
    if args.json:
        print_object(
            {
                "wrote": report.wrote,
                "new_records": report.new_records,
                "nothing_new": report.nothing_new,
                "rejected": [r.reason for r in report.rejected],
                "warnings": list(report.warnings),
                "merged_copies": [str(p) for p in report.merged_copies],
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


def _report(report: SyncReport) -> None:
    for warning in report.warnings:
        print(f"carecompanion: {warning}", file=sys.stderr)
    for rejection in report.rejected:
        print(
            f"carecompanion: rejected a {rejection.kind} from {rejection.signer}: "
            f"{rejection.reason}.",
            file=sys.stderr,
        )
    for copy in report.merged_copies:
        print(f"carecompanion: merged and removed the conflict copy {copy.name}.", file=sys.stderr)


def _verify(args: argparse.Namespace) -> Any:
    from carecompanion.circle.files import read_circle_file
    from carecompanion.circle.sync import verify_file

    path = Path(args.file)
    data = read_circle_file(path)
    with vault_session(args) as session:
        circles = session.circles
        passphrase = None
        try:
            info = circles.find_by_file(path)
            if info.mode == "passphrase":
                passphrase = _stored_passphrase(circles, info.id)
        except CircleNotFound:
            pass
        if passphrase is None and _file_kind(path) == "scrypt":
            passphrase = _circle_passphrase()
        return verify_file(data, circles.identity(), passphrase)


def _stored_passphrase(circles: CircleService, circle_id: str) -> str | None:
    return circles.passphrase(circle_id) or os.environ.get(CIRCLE_PASSPHRASE_ENV)


def cmd_show(args: argparse.Namespace) -> int:
    report = _verify(args)
    roster = report.roster
    members = [
        {
            "type": "member",
            "fingerprint": m.fingerprint,
            "role": m.role,
            "name": m.name,
            "safety_number": m.card.safety_number,
        }
        for m in sorted(roster.members.values(), key=lambda m: (m.role != "owner", m.name))
    ]
    records = []
    for item in sorted(report.records, key=lambda i: (i.fields["created"], i.fields["id"])):
        f = item.fields
        author = roster.members.get(item.signer)
        verified = author is not None and author.can_write
        content = f["content"]
        text = content.get("title") or content.get("text") or content.get("reaction") or ""
        records.append(
            {
                "type": "record",
                "id": f["id"],
                "kind": f["kind"],
                "version": f["version"],
                "created": f["created"],
                "author": author.name if author else item.signer,
                "author_fingerprint": item.signer,
                "verified": "verified" if verified else "REJECTED",
                "target": f["target"] or "",
                "text": text,
            }
        )
    if args.json:
        print_object(
            {
                "circle": report.circle_id,
                "name": report.name,
                "members": members,
                "records": records,
                "warnings": report.warnings,
                "rejected": [r.reason for r in report.rejected],
            }
        )
        return 0
    print(f"circle\t{report.circle_id}\t{report.name}\t{roster.mode}")
    print_rows(members, False)
    print_rows(records, False)
    for warning in report.warnings:
        print(f"carecompanion: {warning}", file=sys.stderr)
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    report = _verify(args)
    problems = [
        *(f"rejected a {r.kind} from {r.signer}: {r.reason}" for r in report.rejected),
        *report.warnings,
        *(
            f"ignored a roster change by {i.signer} that their role does not allow"
            for i in report.roster.ignored
        ),
    ]
    if args.json:
        print_object(
            {
                "ok": not problems,
                "circle": report.circle_id,
                "records": len(report.records),
                "members": len(report.roster.members),
                "problems": problems,
            }
        )
    else:
        for problem in problems:
            print(f"carecompanion: {problem}", file=sys.stderr)
        print(
            f"{'OK' if not problems else 'PROBLEMS'}\t{report.circle_id}\t{report.name}\t"
            f"{len(report.records)} records\t{len(report.roster.members)} members"
        )
    return 0 if not problems else 1
