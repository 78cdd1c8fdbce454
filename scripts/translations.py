#!/usr/bin/env python3
"""Refresh the translations after adding or changing words in the UI.

    python3 scripts/translations.py            update every .ts from the code, then build the .qm
    python3 scripts/translations.py --check    change nothing; fail if a .ts is out of date or
                                               has untranslated words, or a .qm is stale
    python3 scripts/translations.py --add fr   start a new language

After an update, translate the new words (marked unfinished) in Qt Linguist
(``.venv/bin/pyside6-linguist resources/translations/carecompanion_es.ts``) or any editor,
then run this again so the .qm files match. Both .ts and .qm are checked in: the app and the
bundle load the .qm. Running it twice changes nothing. See docs/translations.md.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
#: Everything lupdate reads: the UI, where every word the person sees is marked, and the
#: renderers (the PDFs the UI and the CLI write). The Qt-free core's sentences are found there
#: too: ``ui/common/error_words.py`` words each of their codes.
SOURCES = (ROOT / "src" / "carecompanion" / "ui", ROOT / "src" / "carecompanion" / "render")
PREFIX = "carecompanion_"


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease: next to this Python, in .venv, or on PATH."""
    suffix = ".exe" if os.name == "nt" else ""
    for folder in (Path(sys.executable).parent, ROOT / ".venv" / "bin", ROOT / ".venv" / "Scripts"):
        candidate = folder / f"{name}{suffix}"
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: run `python3 scripts/dev.py lint` to set up .venv")
    return found


def ts_files() -> list[Path]:
    return sorted(TRANSLATIONS.glob(f"{PREFIX}*.ts"))


def lupdate(ts: Path) -> None:
    """Merge the code's words into ``ts``: new ones unfinished, gone ones dropped."""
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            "-silent",
            "-extensions",
            "py",
            "-locations",
            "none",
            "-no-obsolete",
            *map(str, SOURCES),
            "-ts",
            str(ts),
        ],
        check=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def unfinished(ts: Path) -> int:
    return len(re.findall(r'type="unfinished"', ts.read_text(encoding="utf-8")))


def update() -> int:
    for ts in ts_files():
        lupdate(ts)
        lrelease(ts, ts.with_suffix(".qm"))
        missing = unfinished(ts)
        state = f"{missing} to translate" if missing else "complete"
        print(f"{ts.relative_to(ROOT)}: {state}")
    return 0


def check() -> int:
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        for ts in ts_files():
            fresh = Path(folder) / ts.name
            shutil.copyfile(ts, fresh)
            lupdate(fresh)
            if fresh.read_bytes() != ts.read_bytes():
                problems.append(f"{ts.name} does not match the code")
            if unfinished(fresh):
                problems.append(f"{ts.name} has {unfinished(fresh)} untranslated words")
            qm = Path(folder) / ts.with_suffix(".qm").name
            lrelease(ts, qm)
            shipped = ts.with_suffix(".qm")
            if not shipped.exists() or not filecmp.cmp(qm, shipped, shallow=False):
                problems.append(f"{shipped.name} is older than {ts.name}")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(
            "Run `python3 scripts/translations.py`, translate what is unfinished, and run it "
            "again.",
            file=sys.stderr,
        )
    return 1 if problems else 0


def add(language: str) -> int:
    if not re.fullmatch(r"[a-z]{2,3}(_[A-Z]{2})?", language):
        raise SystemExit(f"not a language code: {language}")
    ts = TRANSLATIONS / f"{PREFIX}{language}.ts"
    if ts.exists():
        raise SystemExit(f"{ts.relative_to(ROOT)} already exists")
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        f'<TS version="2.1" language="{language}" sourcelanguage="en"/>\n',
        encoding="utf-8",
    )
    print(
        f"Created {ts.relative_to(ROOT)}; also add the language to LANGUAGES in "
        "src/carecompanion/ui/common/i18n.py."
    )
    return update()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--check", action="store_true", help="fail if anything is out of date")
    group.add_argument("--add", metavar="LANGUAGE", help="start a new language, e.g. fr")
    args = parser.parse_args(argv)
    if args.check:
        return check()
    if args.add:
        return add(args.add)
    return update()


if __name__ == "__main__":
    sys.exit(main())
