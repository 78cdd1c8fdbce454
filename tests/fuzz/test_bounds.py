"""The bounds themselves catch what they promise to (controls for every fuzz test)."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from tests.conftest import FUZZ_EXAMPLES, fuzz_examples
from tests.fuzz.bounds import ParseBoundExceeded, parse_bounds


def test_an_allocation_over_the_bound_is_caught() -> None:
    with pytest.raises(ParseBoundExceeded, match="MiB"), parse_bounds(megabytes=8):
        blob = bytearray(16 * 1024 * 1024)
        del blob


def test_an_allocation_within_the_bound_passes() -> None:
    with parse_bounds(megabytes=8):
        blob = bytearray(1024 * 1024)
        del blob


def test_a_catastrophic_pattern_is_caught_as_a_hang() -> None:
    pattern = re.compile(r"^(a+)+$")
    with pytest.raises(ParseBoundExceeded, match="hang"), parse_bounds(seconds=0.5):
        pattern.match("a" * 40 + "b")


def test_the_parsers_own_errors_pass_through() -> None:
    with pytest.raises(ValueError, match="bad"), parse_bounds():
        raise ValueError("bad input")


def _loop_until_interrupted() -> None:
    while True:
        sum(range(1000))


def test_a_hang_is_caught_even_when_the_parser_catches_every_exception() -> None:
    """A parser's broad ``except Exception`` must not turn the guard into a clean refusal."""

    def parser() -> str:
        try:
            _loop_until_interrupted()
        except Exception:
            return "refused cleanly"
        return "never"

    with pytest.raises(ParseBoundExceeded, match="hang"), parse_bounds(seconds=0.2):
        parser()


def test_a_hang_is_caught_even_when_the_parser_swallows_it_entirely() -> None:
    def parser() -> None:
        with contextlib.suppress(BaseException):  # the worst case: nothing gets out
            _loop_until_interrupted()

    with pytest.raises(ParseBoundExceeded, match="hang"), parse_bounds(seconds=0.2):
        parser()


def test_a_hang_the_parser_turns_into_its_own_error_is_still_a_hang() -> None:
    def parser() -> None:
        try:
            _loop_until_interrupted()
        except BaseException:
            raise ValueError("bad input") from None

    with pytest.raises(ParseBoundExceeded, match="hang"), parse_bounds(seconds=0.2):
        parser()


def test_memory_is_bounded_even_when_the_parser_then_refuses() -> None:
    """A bomb that allocates gigabytes and only then says "bad file" still breaks the bound."""
    with pytest.raises(ParseBoundExceeded, match="MiB"), parse_bounds(megabytes=8):
        blob = bytearray(16 * 1024 * 1024)
        del blob
        raise ValueError("bad input")


def test_memory_already_held_before_the_call_does_not_count() -> None:
    """Under an outer trace (a long run keeps growing), only what the call allocates counts."""
    tracemalloc.start()
    try:
        held = bytearray(16 * 1024 * 1024)
        for _ in range(3):
            with parse_bounds(megabytes=8):
                blob = bytearray(1024 * 1024)
                del blob
        del held
    finally:
        tracemalloc.stop()


def test_the_guard_leaves_no_alarm_behind() -> None:
    with parse_bounds(seconds=0.2):
        pass
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    time.sleep(0.3)  # an alarm left set would end the test here


def test_long_mode_runs_fuzz_tests_without_a_per_test_timeout(
    request: pytest.FixtureRequest,
) -> None:
    marker = request.node.get_closest_marker("timeout")
    if fuzz_examples() == FUZZ_EXAMPLES["long"]:
        assert marker is not None
        assert marker.args == (0,)
    else:
        assert marker is None


@pytest.mark.slow
def test_fuzz_long_sets_up_the_long_run() -> None:
    """``pytest --fuzz-long`` turns on the long counts and turns off pytest-timeout's limit."""
    here = Path(__file__)
    result = subprocess.run(  # this interpreter, this test file
        [
            sys.executable,
            "-m",
            "pytest",
            "--fuzz-long",
            "-q",
            "-p",
            "no:randomly",
            "-p",
            "no:cacheprovider",
            f"{here}::test_long_mode_runs_fuzz_tests_without_a_per_test_timeout",
        ],
        cwd=here.parents[2],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "CARECOMPANION_FUZZ": "short"},
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 passed" in result.stdout
