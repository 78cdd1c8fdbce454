"""The passphrase strength estimate behind the meter and create()'s refusal of weak ones."""

from __future__ import annotations

import pytest

from carecompanion.vault.strength import MIN_LENGTH, estimate


@pytest.mark.parametrize(
    "common",
    [
        "password",
        "Password",
        "PASSWORD1",
        "password123!",
        "123456789",
        "qwerty",
        "iloveyou",
        "letmein!",
        "caregiver",
        "CareCompanion",
        "  monkey  ",
        "",
    ],
)
def test_common_passwords_score_zero(common: str) -> None:
    result = estimate(common)
    assert result.score == 0
    assert not result.acceptable
    assert result.label == "Very weak"


@pytest.mark.parametrize(
    "words",
    [
        "correct horse battery staple",
        "maple orbit velvet sandwich",
        "tulip gravel monsoon attic",
        "a quiet evening walk by the sea",
    ],
)
def test_four_ordinary_words_score_at_least_good(words: str) -> None:
    result = estimate(words)
    assert result.score >= 3
    assert result.acceptable


@pytest.mark.parametrize("short", ["Xk9#mQ2!", "Tr0ub4d&r", "zQ7$wP1*"])
def test_short_passphrases_are_capped_below_acceptable(short: str) -> None:
    assert len(short) < MIN_LENGTH
    result = estimate(short)
    assert result.bits >= 50  # high entropy per character...
    assert result.score <= 1  # ...but too short all the same
    assert not result.acceptable


@pytest.mark.parametrize(
    "weak", ["aaaaaaaaaaaaaaaa", "abcdefghijklmnop", "ababababababab", "1234567890123456"]
)
def test_repeats_and_runs_are_discounted(weak: str) -> None:
    assert not estimate(weak).acceptable


def test_longer_is_stronger() -> None:
    assert estimate("maple orbit").bits < estimate("maple orbit velvet").bits
    assert estimate("maple orbit velvet").bits < estimate("maple orbit velvet sandwich").bits


def test_scores_and_labels_are_consistent() -> None:
    labels: dict[int, str] = {}
    for text in ["", "abc", "maple orb", "maple orbit veLvet", "maple orbit velvet sandwich"]:
        result = estimate(text)
        assert 0 <= result.score <= 4
        assert result.advice
        labels.setdefault(result.score, result.label)
    assert labels[0] == "Very weak"
    assert estimate("maple orbit velvet sandwich").label == "Strong"
