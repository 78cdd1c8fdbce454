"""Small helpers the commands share: secrets from the environment or a prompt, parsing what
was typed, and output (to the terminal and to new files)."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from carecompanion.clock import SystemClock
from carecompanion.errors import CareCompanionError, Sentence
from carecompanion.paths import AppPaths

PASSPHRASE_ENV = "CARECOMPANION_PASSPHRASE"
NEW_PASSPHRASE_ENV = "CARECOMPANION_NEW_PASSPHRASE"
RECOVERY_KEY_ENV = "CARECOMPANION_RECOVERY_KEY"


class CliError(CareCompanionError):
    """A user mistake on the command line: reported as one line, exit code 1. The command
    line speaks English only, so its sentences are written at the raise site."""

    sentence = Sentence("cli.error", "{text}")

    def __init__(self, text: str) -> None:
        super().__init__(text=text)


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_day(option: str, value: str | None) -> date | None:
    """A YYYY-MM-DD day from the command line, or a CliError naming the option."""
    if value is None:
        return None
    try:
        if not _DAY.fullmatch(value.strip()):
            raise ValueError(value)
        return date.fromisoformat(value.strip())
    except ValueError:
        raise CliError(f"{option} needs a date like 2026-03-01, not {value!r}.") from None


def parse_moment(value: str | None) -> datetime | None:
    """``--at``: an ISO date and time; without an offset it is this computer's local time."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise CliError(
            f"--at needs a date and time like 2026-03-01T21:30, not {value!r}."
        ) from None
    return moment if moment.tzinfo is not None else moment.astimezone()


def paths_from(args: argparse.Namespace) -> AppPaths:
    return AppPaths.resolve(getattr(args, "data_dir", None))


def clock() -> SystemClock:
    return SystemClock()


def _prompt(prompt: str) -> str:
    if not sys.stdin or not sys.stdin.isatty():
        raise CliError(f"{prompt.rstrip(': ')} is needed: run in a terminal or set the variable.")
    return getpass.getpass(prompt)


def secret(env_name: str, prompt: str) -> str:
    value = os.environ.get(env_name)
    if value:
        return value
    try:
        return _prompt(prompt)
    except CliError as exc:
        raise CliError(
            f"{prompt.rstrip(': ')} is needed: set {env_name} or run in a terminal."
        ) from exc


def new_secret(env_names: Sequence[str], prompt: str) -> str:
    """A new passphrase: from the first variable set, else typed twice to catch typos."""
    for name in env_names:
        if os.environ.get(name):
            return os.environ[name]
    first = secret(env_names[0], prompt)
    if _prompt("Type it again: ") != first:
        raise CliError("The two passphrases differ; nothing was changed.")
    return first


def print_rows(rows: Iterable[Mapping[str, Any]], as_json: bool) -> None:
    """One tab-separated line per item, id first, no header; or the same as a JSON list."""
    materialised = list(rows)
    if as_json:
        json.dump(materialised, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
        return
    for row in materialised:
        cells = ("" if v is None else str(v) for v in row.values())
        print("\t".join(" ".join(cell.split()) for cell in cells))


def print_object(value: Mapping[str, Any]) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def new_file(value: str) -> Path:
    """Where an export goes: a new file in an existing folder (exports never replace)."""
    out = Path(value)
    if out.exists():
        raise CliError(f"{out} already exists; choose another name (nothing was written).")
    if not out.parent.is_dir():
        raise CliError(f"The folder {out.parent} does not exist (nothing was written).")
    return out


def write_new_file(out: Path, data: bytes) -> None:
    """Temp file, fsync, atomic rename: a crash never leaves half an export."""
    from carecompanion.atomic import atomic_write_bytes  # tempfile and shutil: only here

    try:
        atomic_write_bytes(out, data)
    except OSError as exc:
        raise CliError(f"{out} could not be written: {exc.strerror or exc}.") from exc
