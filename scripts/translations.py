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
import ast
import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
#: Everything lupdate reads: the UI, where every word the person sees is marked.
SOURCES = (ROOT / "src" / "carecompanion" / "ui",)
PREFIX = "carecompanion_"
#: The Qt-free core, whose sentences the UI shows (errors above all): lupdate cannot read them
#: there, so they are gathered into a generated table in the UI, which it can.
CORE = ROOT / "src" / "carecompanion"
CORE_TABLE = CORE / "ui" / "core_messages_table.py"
#: Not translated here: the UI itself, the command line, the demo's content, logs, the
#: validated self-check instruments and the crisis lines (in their country's own language);
#: the mood nudge, whose words ui/core_words.py looks up by reason code. docs/translations.md
#: says why.
_NOT_CORE = (
    {"ui", "cli"},
    {
        "demo.py",
        "selftest.py",
        "__main__.py",
        "logs.py",
        "instruments.py",
        "crisis_lines.py",
        "nudge.py",
    },
)
#: Exceptions that mean a bug, never a sentence for the person.
_PROGRAMMING_ERRORS = {
    "TypeError",
    "AssertionError",
    "NotImplementedError",
    "KeyError",
    "AttributeError",
    "RuntimeError",
    "IndexError",
    "StopIteration",
}
#: Calls whose string arguments are sentences for the person, besides exceptions.
_MESSAGE_CALLS = {"Problem", "CardProblem"}


def _core_files() -> list[Path]:
    dirs, names = _NOT_CORE
    return [
        path
        for path in sorted(CORE.rglob("*.py"))
        if path.relative_to(CORE).parts[0] not in dirs and path.name not in names
    ]


def _call_name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _template(node: ast.expr, numbers: dict[str, int]) -> str | None:
    """A string expression as a template: what varies becomes %1, %2... (the same expression
    the same number), so a translation can move it; a literal % is doubled. None if no part
    of it is text."""

    def slot(part: ast.expr) -> str:
        key = ast.dump(part)
        numbers.setdefault(key, len(numbers) + 1)
        return f"%{numbers[key]}"

    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.replace("%", "%%")
    if isinstance(node, ast.JoinedStr):
        return "".join(
            str(part.value).replace("%", "%%")
            if isinstance(part, ast.Constant)
            else slot(part.value)
            if isinstance(part, ast.FormattedValue)
            else slot(part)
            for part in node.values
        )
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _template(node.left, numbers), _template(node.right, numbers)
        if left is None and right is None:
            return None
        return (slot(node.left) if left is None else left) + (
            slot(node.right) if right is None else right
        )
    return None


def _is_sentence(text: str) -> bool:
    words = re.sub(r"%\d", " ", text).split()
    return (
        sum(any(c.isalpha() for c in word) for word in words) >= 3
        and text.rstrip()[-1:] in ".?!…):"
    )


def core_messages() -> list[str]:
    """Every sentence the core may hand the UI, as templates, in source order: the arguments
    of its exceptions (and of their ``super().__init__``), of ``Problem`` and of
    ``warnings.append``, the sentences its functions return, and its module- and class-level
    UPPER_CASE text constants."""
    trees = [ast.parse(path.read_text(encoding="utf-8")) for path in _core_files()]
    bases = {
        node.name: [_call_name(base) for base in node.bases]
        for tree in trees
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
    }
    errors = {"Exception", "ValueError", "OSError"}
    grown = True
    while grown:  # our exception classes, however deep
        new = {
            name
            for name, parents in bases.items()
            if name not in errors and any(p in errors or p.endswith("Error") for p in parents)
        }
        errors |= new
        grown = bool(new)
    errors -= _PROGRAMMING_ERRORS
    found: dict[str, None] = {}
    for tree in trees:
        # Nodes inside our exception classes, where super().__init__(...) carries the message.
        in_error_class = {
            id(node)
            for cls in ast.walk(tree)
            if isinstance(cls, ast.ClassDef) and cls.name in errors
            for node in ast.walk(cls)
        }
        for node in ast.walk(tree):
            texts: list[ast.expr] = []
            if isinstance(node, ast.Call):
                name = _call_name(node.func)
                is_super = (
                    name == "__init__"
                    and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Call)
                    and _call_name(node.func.value.func) == "super"
                )
                # warnings.append(...), card.warnings.append(...): shown after a sync or an
                # import.
                is_warning = (
                    name == "append"
                    and isinstance(node.func, ast.Attribute)
                    and _call_name(node.func.value).endswith("warnings")
                )
                if (
                    name in errors
                    or name in _MESSAGE_CALLS
                    or is_warning
                    or (is_super and id(node) in in_error_class)
                ):
                    texts += node.args
            elif isinstance(node, ast.Return) and node.value is not None:
                # A sentence handed back to be shown: why the keyring cannot be used, say.
                texts.append(node.value)
            elif isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if any(isinstance(t, ast.Name) and t.id.isupper() for t in targets):
                    texts.append(node.value)
            for text in texts:
                template = _template(text, {})
                if template and _is_sentence(template):
                    found[template] = None
    return list(found)


def core_table_source() -> str:
    lines = [
        '"""The core\'s sentences, for lupdate and for :mod:`carecompanion.ui.core_messages`.',
        "",
        "Generated by ``python3 scripts/translations.py`` from the Qt-free core: do not edit.",
        "%1, %2... stand for what the core fills in; a literal % is written %%.",
        '"""',
        "",
        "from carecompanion.ui.i18n import QT_TRANSLATE_NOOP",
        "",
        "TEMPLATES: tuple[str, ...] = (",
    ]
    lines += [
        f'    QT_TRANSLATE_NOOP("CoreMessages", {json.dumps(text, ensure_ascii=False)}),'
        for text in core_messages()
    ]
    lines.append(")")
    return "\n".join(lines) + "\n"


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
    table = core_table_source()
    if not CORE_TABLE.exists() or CORE_TABLE.read_text(encoding="utf-8") != table:
        CORE_TABLE.write_text(table, encoding="utf-8")
        print(f"{CORE_TABLE.relative_to(ROOT)}: updated from the core")
    for ts in ts_files():
        lupdate(ts)
        lrelease(ts, ts.with_suffix(".qm"))
        missing = unfinished(ts)
        state = f"{missing} to translate" if missing else "complete"
        print(f"{ts.relative_to(ROOT)}: {state}")
    return 0


def check() -> int:
    problems: list[str] = []
    if not CORE_TABLE.exists() or CORE_TABLE.read_text(encoding="utf-8") != core_table_source():
        problems.append(f"{CORE_TABLE.name} does not match the core's sentences")
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
        "src/carecompanion/ui/i18n.py."
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
