"""The passphrase strength estimate (zxcvbn) behind the meter and the refusal of weak ones."""

from __future__ import annotations

import pytest

from carecompanion.errors import sentences
from carecompanion.vault import strength
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
def test_common_passwords_are_refused(common: str) -> None:
    result = estimate(common)
    assert result.score <= 1
    assert not result.acceptable


@pytest.mark.parametrize(
    "guessable",
    [
        "Summer2024!",  # a season, a year and the symbol every policy asks for
        "jennifer1985",  # a name and a birth year
        "Caregiver2024!",  # what this app is about, and a year
        "Cuidadora2024!",  # the same in Spanish
        "contraseña123",  # Spanish "password", and a run of digits
        "Mariposa1990",  # a common Spanish password and a year
        "tequiero123",  # "I love you", and a run
        "correcthorse",  # two words run together: about 1.6 million guesses
        "qwertyuiopasdf",  # a row of keys
        "abcdefghijklmnop",
        "aaaaaaaaaaaaaaaa",
        "ababababababab",
        "1234567890123456",
    ],
)
def test_passwords_that_look_complex_but_are_guessable_are_refused(guessable: str) -> None:
    result = estimate(guessable)
    assert not result.acceptable, (guessable, result.score, result.guesses_log10)
    assert result.hints or result.score < 3, "the person is told why"


@pytest.mark.parametrize(
    "words",
    [
        "correct horse battery staple",
        "correcthorsebatterystaple",
        "maple orbit velvet sandwich",
        "tulip gravel monsoon attic",
        "a quiet evening walk by the sea",
        "lanterns drifting over a calm harbour",
        # Spanish: ordinary words, accents and ñ too
        "perro gato casa ventana",
        "mesa silla ventana jardín",
        "árbol lluvia camino pan",
        "cuido a mi padre cada día",
        "el ñandú come pan tostado",
    ],
)
def test_several_ordinary_words_pass(words: str) -> None:
    result = estimate(words)
    assert result.score >= 3, (words, result.guesses_log10)
    assert result.acceptable
    assert result.hints == ()


@pytest.mark.parametrize("short", ["Xk9#mQ2!", "Tr0ub4d&r", "zQ7$wP1*"])
def test_short_passphrases_are_refused_however_random(short: str) -> None:
    assert len(short) < MIN_LENGTH
    result = estimate(short)
    assert not result.acceptable
    assert result.hints[0].code == "vault.strength.too_short"
    assert str(MIN_LENGTH) in str(result.hints[0])


def test_longer_is_stronger() -> None:
    assert estimate("maple orbit").bits < estimate("maple orbit velvet").bits
    assert estimate("maple orbit velvet").bits < estimate("maple orbit velvet sandwich").bits


def test_a_passphrase_longer_than_zxcvbn_checks_is_judged_by_its_start() -> None:
    """zxcvbn refuses more than 72 characters, and slows down with length: the first
    ``CHECKED_LENGTH`` characters are estimated, and more can only add to them."""
    long = "maple orbit velvet sandwich " * 20
    assert len(long) > strength.CHECKED_LENGTH
    assert estimate(long).acceptable
    assert not estimate("a" * 500).acceptable


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("password", "vault.strength.common"),
        ("jennifer1985", "vault.strength.names"),
        ("Summer2024!", "vault.strength.like_common"),
        ("qwertyuiopasdf", "vault.strength.like_common"),
        ("aaaaaaaaaaaaaaaa", "vault.strength.repeats"),
        ("abcdefghijklmnop", "vault.strength.runs"),
        ("caregiver2024", "vault.strength.about_care"),
        ("Cuidadora2024!", "vault.strength.about_care"),
        ("elephant", "vault.strength.too_short"),
        ("xylophones", "vault.strength.one_word"),
        ("understanding", "vault.strength.one_word"),
        ("12/03/1985daisy", "vault.strength.dates"),
        ("contraseña123", "vault.strength.like_common"),
        ("Summer2024!", "vault.strength.capitals"),
        ("esimorpmoc", "vault.strength.reversed"),
        ("P@ssw0rd12", "vault.strength.lookalikes"),
    ],
)
def test_what_is_wrong_is_said_in_our_own_words(text: str, code: str) -> None:
    """zxcvbn's English feedback cannot be translated: each kind maps to a sentence of ours,
    with a code the UI translates and English for the command line."""
    result = estimate(text)
    codes = [hint.code for hint in result.hints]
    assert code in codes, (text, codes)
    assert all(hint.code.startswith("vault.strength.") for hint in result.hints)
    assert all(
        str(hint) == sentences()[hint.code].english for hint in result.hints if not hint.params
    )


def test_a_row_of_keys_is_named_as_such() -> None:
    """zxcvbn's password list already holds most keyboard rows; a pattern it found is said."""
    match = {"pattern": "spatial", "token": "wsxcderf", "turns": 2}
    assert [hint.code for hint in strength._match_hints(match, sole=True)] == [
        "vault.strength.keyboard"
    ]


def test_advice_follows_the_score_and_says_what_to_do() -> None:
    assert estimate("").advice.code == "vault.strength.advice_0"
    assert estimate("correcthorse").advice.code == "vault.strength.almost"
    assert estimate("maple orbit velvet sandwich").advice.code == "vault.strength.advice_4"


def test_scores_and_labels_are_consistent() -> None:
    labels: dict[int, str] = {}
    for text in ["", "abc", "correcthorse", "maple orbit veLvet", "maple orbit velvet sandwich"]:
        result = estimate(text)
        assert 0 <= result.score <= 4
        assert result.advice
        labels.setdefault(result.score, result.label)
        assert result.acceptable == (result.score >= 3 and len(text.strip()) >= MIN_LENGTH)
    assert labels[0] == "Very weak"
    assert estimate("maple orbit velvet sandwich").label == "Strong"


def test_the_weak_passphrase_error_carries_the_reasons() -> None:
    from carecompanion.vault.errors import WeakPassphrase
    from carecompanion.vault.vault import _check_new_passphrase

    with pytest.raises(WeakPassphrase) as raised:
        _check_new_passphrase("Summer2024!")
    text = str(raised.value)
    assert text.startswith("That passphrase is too easy to guess.")
    assert "common password" in text
