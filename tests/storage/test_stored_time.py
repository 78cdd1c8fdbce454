"""Timestamps as stored: the same text as the strftime pattern they were always written with."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carecompanion.storage.stored_time import from_stored, to_stored

OFFSETS = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)


@given(st.datetimes(timezones=OFFSETS))
def test_as_strftime_wrote_it_and_read_back(moment: datetime) -> None:
    try:
        utc = moment.astimezone(UTC)
    except OverflowError:
        return  # not a moment in UTC's years: nothing could store it
    assert to_stored(moment) == utc.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if utc.year >= 1000:  # how fromisoformat reads the years strftime does not pad
        assert from_stored(to_stored(moment)) == moment


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        to_stored(datetime(2026, 12, 5, 9, 0))
