"""circle repair, circle passphrase and circle redactions: keeping a circle in working order
(the grammar is in ``circle_parser``; the circles' services load inside the handlers)."""

from __future__ import annotations

import argparse
import sys

from carecompanion.cli.circle_commands import (
    _circle_passphrase,
    _registered,
    _report,
    parse_redaction,
)
from carecompanion.cli.io import CliError, new_secret, print_rows
from carecompanion.cli.vault_commands import vault_session

NEW_CIRCLE_PASSPHRASE_ENV = "CARECOMPANION_NEW_CIRCLE_PASSPHRASE"  # noqa: S105


def cmd_repair(args: argparse.Namespace) -> int:
    from carecompanion.circle.errors import NOTHING_TO_REPAIR, REPAIRED

    with vault_session(args) as session:
        circles = session.circles
        report = circles.repair(_registered(circles, args.file))
    if report.synced is not None:
        _report(report.synced)
        print(NOTHING_TO_REPAIR())
        return 0
    print(f"carecompanion: the circle file could not be read: {report.problem}", file=sys.stderr)
    if report.left_out:
        print(
            f"carecompanion: left out {report.left_out} things that nobody in the circle may "
            "write.",
            file=sys.stderr,
        )
    print(REPAIRED())
    return 0


def cmd_passphrase(args: argparse.Namespace) -> int:
    """The owner changes the passphrase; with --given, a member enters the one the owner
    changed it to."""
    if args.given:
        given = _circle_passphrase()
        with vault_session(args) as session:
            circles = session.circles
            report = circles.use_passphrase(_registered(circles, args.file), given)
        _report(report)
        print("This computer opens the circle with the new passphrase from now on.")
        return 0
    from carecompanion.circle.errors import (
        NO_PASSPHRASE,
        ONLY_OWNER_PASSPHRASE,
        CircleError,
        NotAllowed,
    )

    with vault_session(args) as session:
        circles = session.circles
        info = circles.circle(_registered(circles, args.file))
        if info.mode != "passphrase":  # said before the new passphrase is typed, not after
            raise CircleError(NO_PASSPHRASE)
        if info.my_role != "owner":
            raise NotAllowed(ONLY_OWNER_PASSPHRASE)
        new = new_secret([NEW_CIRCLE_PASSPHRASE_ENV], "New circle passphrase: ")
        circles.change_passphrase(info.id, new)
    print(
        "The circle passphrase is changed: someone who knew only the old one cannot open what "
        "is written from now on (they keep what they could already read). Give the new one to "
        "each member who stays; they enter it once with: carecompanion circle passphrase "
        f"{args.file} --given"
    )
    return 0


def cmd_redactions(args: argparse.Namespace) -> int:
    """The one redaction list (every circle's): show it, add to it, take words out."""
    added = [parse_redaction(value) for value in args.add or ()]
    removed = {" ".join(word.split()).casefold() for word in args.remove or ()}
    with vault_session(args) as session:
        circles = session.circles
        pairs = circles.add_redactions(added) if added else circles.redaction_list()
        if removed:
            unknown = removed - {word.casefold() for word, _r in pairs}
            if unknown:
                raise CliError(f"{sorted(unknown)[0]!r} is not in the redaction list.")
            pairs = circles.set_redaction_list(
                [(w, r) for w, r in pairs if w.casefold() not in removed]
            )
    print_rows(({"word": w, "replacement": r} for w, r in pairs), args.json)
    return 0
