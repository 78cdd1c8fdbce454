"""How hard a passphrase would be to guess: zxcvbn's estimate, said in our own words.

zxcvbn (Dropbox's estimator; the maintained Python port on PyPI) counts the guesses an
attacker who knows common passwords, words, names, keyboard rows, dates, repeats and
look-alike substitutions would need. ``Summer2024!`` and ``jennifer1985`` look complex and
fall in a few million guesses; four ordinary words, in any language, take billions.

The rule: a new passphrase needs zxcvbn's score 3 or 4 (at least 10^8 guesses) and
``MIN_LENGTH`` characters. Each guess costs an attacker one Argon2id run (256 MiB): 10^8
guesses are weeks of a GPU's time; the million of score 2 are hours. No length-based
allowance is added: every multi-word passphrase tried (English and Spanish, tests/vault/
test_strength.py) scores 4, and the long ones that score lower are repeats (``password
password password``), which an allowance would let through.

zxcvbn's own feedback is English that our translations cannot reach, so it is never shown:
what it found (the kind of its weakest part) maps to one of our sentences below, each with a
code the UI translates (ui/common/error_words.py) and English for the command line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from carecompanion.errors import Notice, Sentence

MIN_LENGTH = 10
#: zxcvbn refuses more than 72 characters and its matching grows with length: the start of a
#: longer passphrase is estimated (more characters only add to it).
CHECKED_LENGTH = 72
#: zxcvbn's score from which a passphrase is accepted (10^8 guesses and more).
ACCEPTED_SCORE = 3
#: Words an attacker who knows this is a caregiver's journal tries first. They go to zxcvbn as
#: ``user_inputs`` (ranked like its own dictionaries), with common Spanish passwords that its
#: English lists lack. Lower case, with and without accents.
_CARE_WORDS = (
    "carecompanion",
    "caregiver",
    "caregiving",
    "carer",
    "companion",
    "journal",
    "diary",
    "cuidador",
    "cuidadora",
    "cuidar",
    "diario",
)
_COMMON_SPANISH = (
    "contraseña",
    "contrasena",
    "tequiero",
    "teamo",
    "princesa",
    "mariposa",
    "corazon",
    "corazón",
    "familia",
    "futbol",
    "fútbol",
    "hola",
    "amor",
    "mama",
    "mamá",
    "papa",
    "papá",
    "abuela",
    "abuelo",
    "estrella",
    "barcelona",
    "madrid",
    "españa",
    "espana",
    "secreto",
    "clave",
)

_LABELS = ("Very weak", "Weak", "Almost", "Good", "Strong")
#: What to do, by score (the verdict after the hints).
_ADVICE = (
    Sentence(
        "vault.strength.advice_0",
        "Too easy to guess. Try four or five ordinary words with spaces between them.",
    ),
    Sentence(
        "vault.strength.advice_1",
        "Still easy to guess. Use at least {count} characters, ideally a few words.",
    ),
    Sentence("vault.strength.almost", "Nearly there: add another word or two."),
    Sentence(
        "vault.strength.advice_3",
        "Hard to guess. Keep it somewhere safe until you know it by heart.",
    ),
    Sentence(
        "vault.strength.advice_4",
        "Very hard to guess. Keep it somewhere safe until you know it by heart.",
    ),
)
# What zxcvbn found, in our words: one hint for the weakest part, one for how it was disguised.
COMMON = Sentence("vault.strength.common", "This is one of the most common passwords.")
LIKE_COMMON = Sentence("vault.strength.like_common", "This is close to a very common password.")
ONE_WORD = Sentence("vault.strength.one_word", "A single word is easy to guess, even a long one.")
NAMES = Sentence("vault.strength.names", "Names are among the first things tried.")
ABOUT_CARE = Sentence(
    "vault.strength.about_care", "Words about caring or this app are among the first tried."
)
KEYBOARD = Sentence(
    "vault.strength.keyboard", "Keys next to each other on the keyboard are easy to guess."
)
REPEATS = Sentence("vault.strength.repeats", "Repeated letters or words add very little.")
RUNS = Sentence("vault.strength.runs", "Runs such as abc or 1234 are easy to guess.")
DATES = Sentence("vault.strength.dates", "Years and dates are easy to guess, most of all your own.")
CAPITALS = Sentence("vault.strength.capitals", "Capital letters add little; a word adds more.")
LOOKALIKES = Sentence(
    "vault.strength.lookalikes", "Swapping letters for look-alikes (@ for a, 0 for o) adds little."
)
REVERSED = Sentence("vault.strength.reversed", "A word spelled backwards adds little.")
TOO_SHORT = Sentence("vault.strength.too_short", "Use at least {count} characters.")

_NAME_LISTS = ("surnames", "male_names", "female_names")
_WORD_LISTS = ("english_wikipedia", "us_tv_and_film")


@dataclass(frozen=True)
class Strength:
    score: int  # zxcvbn's, 0..4
    guesses_log10: float
    label: str
    #: What zxcvbn found wrong, in our words (empty once the passphrase is acceptable).
    hints: tuple[Notice, ...]
    #: What to do now, by score.
    advice: Notice
    long_enough: bool = True

    @property
    def acceptable(self) -> bool:
        return self.score >= ACCEPTED_SCORE and self.long_enough

    @property
    def bits(self) -> float:
        """The estimate as bits (log2 of the guesses), for comparisons."""
        return self.guesses_log10 * 3.321928094887362

    @property
    def reasons(self) -> tuple[Notice, ...]:
        """Hints then advice: what a refusal says."""
        return (*self.hints, self.advice)


def _dictionary_hints(match: Mapping[str, Any], sole: bool, one_word: bool) -> list[Notice]:
    name = match.get("dictionary_name")
    hints: list[Notice] = []
    if name == "passwords":
        if sole and not match.get("l33t") and not match.get("reversed"):
            hints.append(COMMON())
        else:
            hints.append(LIKE_COMMON())
    elif name == "user_inputs":
        word = str(match.get("matched_word", ""))
        hints.append(ABOUT_CARE() if word in _CARE_WORDS else LIKE_COMMON())
    elif name in _NAME_LISTS:
        hints.append(NAMES())
    elif name in _WORD_LISTS and one_word:
        hints.append(ONE_WORD())
    token = str(match.get("token", ""))
    if match.get("l33t"):
        hints.append(LOOKALIKES())
    elif match.get("reversed") and len(token) >= 4:
        hints.append(REVERSED())
    elif token[:1].isupper() and token.lower() != token:
        hints.append(CAPITALS())
    return hints


def _match_hints(match: Mapping[str, Any], sole: bool, one_word: bool = False) -> list[Notice]:
    """zxcvbn's feedback rules (zxcvbn/feedback.py), pointing at our sentences. ``sole``: the
    match is the whole passphrase; ``one_word``: nothing else but a few stray characters."""
    pattern = match.get("pattern")
    if pattern == "dictionary":
        return _dictionary_hints(match, sole, one_word)
    if pattern == "spatial":
        return [KEYBOARD()]
    if pattern == "repeat":
        return [REPEATS()]
    if pattern == "sequence":
        return [RUNS()]
    if pattern == "date" or (pattern == "regex" and match.get("regex_name") == "recent_year"):
        return [DATES()]
    return []


def _hints(sequence: list[Mapping[str, Any]]) -> tuple[Notice, ...]:
    """Said about the longest part, as zxcvbn does; a date or a common password elsewhere in
    the passphrase is named too."""
    if not sequence:
        return ()
    longest = max(sequence, key=lambda match: len(str(match.get("token", ""))))
    guessed = [match for match in sequence if match.get("pattern") != "bruteforce"]
    hints = _match_hints(longest, len(sequence) == 1, one_word=guessed == [longest])
    for match in sequence:
        if match is longest:
            continue
        for hint in _match_hints(match, sole=False):
            if hint.code in (DATES.code, ABOUT_CARE.code, NAMES.code) and hint not in hints:
                hints.append(hint)
    return tuple(dict.fromkeys(hints))[:2]


def estimate(passphrase: str) -> Strength:
    text = passphrase.strip()
    if not text:
        return Strength(0, 0.0, _LABELS[0], (), _ADVICE[0]())
    # Loaded on first use: its word lists take a tenth of a second to import.
    from zxcvbn import zxcvbn

    result = zxcvbn(text[:CHECKED_LENGTH], user_inputs=[*_CARE_WORDS, *_COMMON_SPANISH])
    score = int(result["score"])
    long_enough = len(text) >= MIN_LENGTH
    hints: tuple[Notice, ...] = ()
    if score < ACCEPTED_SCORE:
        hints = _hints(list(result["sequence"]))
    if not long_enough:
        hints = (TOO_SHORT(count=MIN_LENGTH), *hints)[:2]
        score = min(score, ACCEPTED_SCORE - 1)
    advice = _ADVICE[score](count=MIN_LENGTH) if score == 1 else _ADVICE[score]()
    return Strength(
        score, float(result["guesses_log10"]), _LABELS[score], hints, advice, long_enough
    )
