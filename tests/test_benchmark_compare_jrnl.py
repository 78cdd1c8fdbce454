"""benchmarks/compare_jrnl.py is run by hand, never by the suite: only its formatting and its
generated entries are checked here, on made-up figures."""

from __future__ import annotations

from benchmarks import compare_jrnl as bench


def _result(size: int, session: bool) -> bench.SizeResult:
    result = bench.SizeResult(size, text_bytes=5_600_000, has_session=session, has_limit=True)
    for operation in bench.OPERATIONS:
        for seconds in (0.40, 0.44, 0.50):
            result.of(operation, bench.JRNL).add(seconds, 103 * 1024)
        for seconds in (1.40, 1.45, 1.60):
            result.of(operation, bench.OURS).add(seconds, 310 * 1024)
        if session:
            result.of(operation, bench.SESSION).add(0.11, 48 * 1024)
    result.of("import", bench.JRNL).add(2.0, 120 * 1024)
    result.of("import", bench.OURS).add(401.0, 827 * 1024)
    result.stored = {bench.JRNL: 7_000_000, bench.OURS: 21_700_000}
    return result


def test_the_table_says_each_figure_with_its_ratio() -> None:
    table = bench.format_table([_result(3650, session=True), _result(100_000, session=False)])
    lines = table.splitlines()
    assert lines[0] == (
        "| operation | 3,650 entries: ours / jrnl | 3,650 entries: ours (unlocked session) / jrnl"
        " | 100,000 entries: ours / jrnl |"
    )
    assert lines[1] == "|---|---|---|---|"
    list_row = next(line for line in lines if line.startswith("| list recent"))
    assert "1.45 s / 0.44 s (3.3× slower)" in list_row
    assert "0.11 s / 0.44 s (4.0× faster)" in list_row
    memory = next(line for line in lines if line.startswith("| peak memory, reading"))
    assert "310 MiB / 103 MiB (3.0× more)" in memory and "48 MiB / 103 MiB (2.1× less)" in memory
    assert any(line.startswith("| peak memory, adding") for line in lines)
    imported = next(line for line in lines if line.startswith("| import all"))
    assert "6 min 41 s, 827 MiB / 2.00 s, 120 MiB (200.5× slower)" in imported
    assert all(line.count("|") == 5 for line in lines)


def test_the_import_profile_lists_the_costliest_top_level_imports() -> None:
    lines = [
        "import time: self [us] | cumulative | imported package",
        "import time:       100 |        100 |     asyncio.events",
        "import time:       200 |      30000 |   sqlalchemy",
        "import time:      1000 |      50000 | carecompanion.journal.service",
        "import time:       300 |        300 | site",
    ]
    text = bench.format_import_profile(lines, "python -X importtime -m carecompanion journal list")
    rows = [line for line in text.splitlines() if line.startswith(("| carecompanion", "| site"))]
    assert rows == [
        "| carecompanion.journal.service | 50.0 ms | 1.0 ms |",
        "| site | 0.3 ms | 0.3 ms |",
    ]
    assert text.splitlines()[-1] == (
        "Loaded of alembic, mako, pygments, asyncio, PySide6: asyncio."
    )


def test_the_entries_are_the_same_every_time_and_as_the_issue_describes() -> None:
    first, again = list(bench.entries(200)), list(bench.entries(200))
    assert first == again
    lengths = [len(entry.body.split()) - len(entry.tags) for entry in first]
    assert min(lengths) >= 80 and max(lengths) <= 400
    assert any(entry.tags for entry in first) and any(not entry.tags for entry in first)
    assert any(not (entry.title + entry.body).isascii() for entry in first)
    assert all(entry.title.endswith(".") for entry in first)
