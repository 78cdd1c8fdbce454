"""The command line's shape: every command runs a real function of the CLI; building the
parser (which every start does, the app's too) loads nothing slow; the CLI never loads the
UI, and draws its PDFs with carecompanion.render, without widgets."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from carecompanion.cli.grammar import LazyHandler
from carecompanion.cli.parser import build_parser
from carecompanion.paths import AppPaths
from tests.cli.conftest import Result
from tests.helpers import GOOD_PASSPHRASE

#: What a start must not load: the database, the keys, age, the session, Qt, the UI.
SLOW = (
    "sqlalchemy",
    "sqlcipher3",
    "alembic",
    "cryptography",
    "argon2",
    "pyrage",
    "vobject",
    "icalendar",
    "keyring",
    "PySide6",
    "carecompanion.session",
    "carecompanion.storage",
    "carecompanion.render",
    "carecompanion.ui",
)


def commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """Every command and command group under ``parser``, with the words that reach it."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield (*path, name), sub
                yield from commands(sub, (*path, name))


def test_every_command_runs_a_function_of_the_cli() -> None:
    runnable = 0
    for path, parser in commands(build_parser()):
        handler = parser.get_default("handler")
        groups = any(isinstance(a, argparse._SubParsersAction) for a in parser._actions)
        if groups:
            assert handler is None, f"{' '.join(path)} groups commands and runs none"
            continue
        if isinstance(handler, LazyHandler):  # named by the parser, loaded when it runs
            handler = handler.resolve()
        assert callable(handler) and not isinstance(handler, str), path
        assert handler.__module__.startswith("carecompanion.cli."), path
        assert handler.__name__.startswith("cmd_"), path
        assert parser.get_default("command") == " ".join(path)
        runnable += 1
    assert runnable >= 41, "the walk saw every command"


def test_help_works_for_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    parser = build_parser()
    for path, _sub in [((), parser), *commands(parser)]:
        with pytest.raises(SystemExit) as leaving:
            parser.parse_args([*path, "--help"])
        assert leaving.value.code == 0, path
        shown = capsys.readouterr().out
        assert shown.startswith(f"usage: {' '.join(('carecompanion', *path))}"), shown[:80]


PROBE = textwrap.dedent(
    """
    import argparse, contextlib, importlib, io, json, pkgutil, sys

    import carecompanion.cli
    from carecompanion.cli.parser import build_parser

    for info in pkgutil.walk_packages(carecompanion.cli.__path__, "carecompanion.cli."):
        importlib.import_module(info.name)
    parser = build_parser()

    def walk(parser, path):
        yield path
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    yield from walk(sub, [*path, name])

    helped = 0
    for path in walk(parser, []):
        with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
            parser.parse_args([*path, "--help"])
        helped += 1
    slow = tuple(sys.argv[1:])
    loaded = sorted(m for m in sys.modules if any(m == s or m.startswith(s + ".") for s in slow))
    print(json.dumps({"loaded": loaded, "helped": helped}))
    """
)


def _probe(prelude: str = "") -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", prelude + PROBE, *SLOW],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    report: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


def test_the_cli_loads_nothing_slow_and_never_the_ui() -> None:
    """Every module of carecompanion.cli imported, the parser built, every --help shown:
    none of the database, the keys, Qt, render or the UI is loaded."""
    report = _probe()
    assert report["loaded"] == []
    assert isinstance(report["helped"], int) and report["helped"] > 45


def test_the_probe_would_notice() -> None:
    """Control: the same probe, made to load the UI, reports it."""
    report = _probe("import carecompanion.ui.common.i18n\n")
    loaded = report["loaded"]
    assert isinstance(loaded, list)
    assert "carecompanion.ui.common.i18n" in loaded and "PySide6.QtCore" in loaded


PDF_PROBE = textwrap.dedent(
    """
    import json, sys
    from carecompanion.__main__ import main

    out = sys.argv[1]
    codes = [
        main(["mood", "report", "--out", out + "/mood.pdf"]),
        main(["journal", "export", "--format", "pdf", "--out", out + "/journal.pdf"]),
    ]
    print(json.dumps({
        "codes": codes,
        "ui": sorted(m for m in sys.modules if m.startswith("carecompanion.ui")),
        "widgets": sorted(
            m for m in sys.modules if m in ("PySide6.QtWidgets", "PySide6.QtCharts")
        ),
        "render": sorted(m for m in sys.modules if m.startswith("carecompanion.render.")),
    }))
    """
)


@pytest.mark.real_kdf  # the subprocess checks the vault against the app's real floor
def test_pdf_commands_draw_with_render_never_widgets_nor_the_ui(
    cli: Callable[..., Result], cli_home: AppPaths, tmp_path: Path
) -> None:
    added = cli("mood", "add", "--mood", "4", CARECOMPANION_PASSPHRASE=GOOD_PASSPHRASE)
    assert added.code == 0, added.err
    env = {
        **os.environ,
        "CARECOMPANION_HOME": str(cli_home.data_dir),
        "CARECOMPANION_PASSPHRASE": GOOD_PASSPHRASE,
    }
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(name, None)  # as over SSH: render goes offscreen by itself
    result = subprocess.run(
        [sys.executable, "-c", PDF_PROBE, str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["codes"] == [0, 0], result.stderr
    assert report["ui"] == [] and report["widgets"] == []
    assert {"carecompanion.render.mood_report", "carecompanion.render.journal_pdf"} <= set(
        report["render"]
    )
    for name in ("mood.pdf", "journal.pdf"):
        assert (tmp_path / name).read_bytes().startswith(b"%PDF")
