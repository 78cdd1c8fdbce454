"""unlock and lock: the command line's unlocked session, held by a per-user agent process
(carecompanion.vault.agent; the threat model is in docs/security.md)."""

from __future__ import annotations

import argparse
import re
from datetime import datetime, timedelta

from carecompanion.cli.io import PASSPHRASE_ENV, CliError, secret
from carecompanion.cli.vault_commands import open_vault

# At most six digits a part (12 hours is 43200s): int() refuses more than 4,300 digits with
# a ValueError, which a pasted run of digits must not reach.
_DURATION = re.compile(r"(?:(\d{1,6})h)?(?:(\d{1,6})m)?(?:(\d{1,6})s)?")


def parse_duration(value: str) -> int:
    """``--for``: 30s, 15m, 2h, 1h30m... in seconds, from one second to 12 hours."""
    from carecompanion.vault.agent import MAX_SECONDS

    text = value.strip().lower().replace(" ", "")
    match = _DURATION.fullmatch(text)
    if not text or match is None:
        raise CliError(f"--for needs a time like 30s, 15m, 2h or 1h30m, not {value!r}.")
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    total = hours * 3600 + minutes * 60 + seconds
    if total < 1:
        raise CliError("--for needs a time of at least one second.")
    if total > MAX_SECONDS:
        raise CliError("--for can be at most 12h: unlock again after that.")
    return total


def describe_duration(seconds: int) -> str:
    parts = []
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    for amount, unit in ((hours, "hour"), (minutes, "minute"), (secs, "second")):
        if amount:
            parts.append(f"{amount} {unit}{'s' if amount != 1 else ''}")
    return " ".join(parts)


def cmd_unlock(args: argparse.Namespace) -> int:
    """Always with the passphrase, even when a session is running: a session is extended
    only by someone who knows it, so its time limit means something."""
    from carecompanion.vault import agent
    from carecompanion.vault.zeroing import zero

    seconds = parse_duration(args.duration)
    if not agent.supported():
        raise CliError("An unlocked session needs Linux; each command asks for the passphrase.")
    vault = open_vault(args)
    header = vault.read_header()  # "no vault here" before asking for a passphrase
    data_key = vault.data_key_for(secret(PASSPHRASE_ENV, "Passphrase: "))
    try:
        agent.start_agent(header.vault_id, data_key, seconds)
    except agent.AgentError as exc:
        raise CliError(str(exc)) from exc
    finally:
        zero(data_key)
    until = (datetime.now().astimezone() + timedelta(seconds=seconds)).strftime("%H:%M")
    print(
        f"Unlocked for {describe_duration(seconds)} (until {until}): commands open this journal "
        "without the passphrase. 'carecompanion lock' locks it sooner."
    )
    return 0


def cmd_lock(args: argparse.Namespace) -> int:
    from carecompanion.vault.agent import end_agent

    if end_agent():
        print("Locked: commands ask for the passphrase again.")
    else:
        print("Nothing was unlocked.")
    return 0
