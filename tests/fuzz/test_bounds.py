"""The bounds themselves catch what they promise to (controls for every fuzz test)."""

from __future__ import annotations

import re

import pytest

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
