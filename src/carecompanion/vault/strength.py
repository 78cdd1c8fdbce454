"""A plain-words passphrase strength estimate for the strength meter.

Deliberately simple and conservative: it estimates guessing entropy from the characters
used, discounts repeats, runs and well-known passwords, and asks for a passphrase a person
can remember (several ordinary words work well).
"""

from __future__ import annotations

import itertools
import math
import string
from dataclasses import dataclass

from carecompanion.errors import Notice, Sentence

MIN_LENGTH = 10
_COMMON = {
    "password",
    "passw0rd",
    "123456",
    "12345678",
    "123456789",
    "1234567890",
    "qwerty",
    "qwertyuiop",
    "letmein",
    "iloveyou",
    "admin",
    "welcome",
    "monkey",
    "dragon",
    "football",
    "baseball",
    "sunshine",
    "princess",
    "abc123",
    "trustno1",
    "caregiver",
    "carecompanion",
    "password1",
    "password123",
    "qwerty123",
    "111111",
    "000000",
    "asdfghjkl",
    "zxcvbnm",
}
_LABELS = ("Very weak", "Weak", "Fair", "Good", "Strong")
#: What to do about a passphrase, by score (the UI's strength meter words them itself).
COMMON = Sentence("vault.strength.common", "This is one of the most common passwords.")
_ADVICE = (
    Sentence(
        "vault.strength.advice_0",
        "Too easy to guess. Try four or five ordinary words with spaces between them.",
    ),
    Sentence(
        "vault.strength.advice_1",
        "Still easy to guess. Use at least {count} characters, ideally a few words.",
    ),
    Sentence("vault.strength.advice_2", "Acceptable. Another word would make it much stronger."),
    Sentence(
        "vault.strength.advice_3",
        "Hard to guess. Keep it somewhere safe until you know it by heart.",
    ),
    Sentence(
        "vault.strength.advice_4",
        "Very hard to guess. Keep it somewhere safe until you know it by heart.",
    ),
)


@dataclass(frozen=True)
class Strength:
    score: int  # 0..4
    bits: float
    label: str
    advice: Notice

    @property
    def acceptable(self) -> bool:
        return self.score >= 2


def _pool_size(text: str) -> int:
    pool = 0
    if any(c in string.ascii_lowercase for c in text):
        pool += 26
    if any(c in string.ascii_uppercase for c in text):
        pool += 26
    if any(c in string.digits for c in text):
        pool += 10
    if any(c in string.punctuation or c == " " for c in text):
        pool += 33
    if any(ord(c) > 127 for c in text):
        pool += 100
    return max(pool, 1)


def _effective_length(text: str) -> float:
    """Repeated characters and straight runs (abcd, 4321) add little to a guesser's work."""
    if not text:
        return 0.0
    length = 1.0
    for previous, current in itertools.pairwise(text):
        step = ord(current) - ord(previous)
        length += 0.25 if step in (-1, 0, 1) else 1.0
    return length


def estimate(passphrase: str) -> Strength:
    text = passphrase.strip()
    lowered = text.lower()
    if not text or lowered in _COMMON or lowered.rstrip("0123456789!") in _COMMON:
        return Strength(0, 0.0, _LABELS[0], COMMON())
    bits = _effective_length(text) * math.log2(_pool_size(text))
    if len(set(lowered)) <= 3:
        bits = min(bits, 20.0)
    if bits < 35:
        score = 0
    elif bits < 50:
        score = 1
    elif bits < 65:
        score = 2
    elif bits < 85:
        score = 3
    else:
        score = 4
    if len(text) < MIN_LENGTH:
        score = min(score, 1)
    advice = _ADVICE[score](count=MIN_LENGTH) if score == 1 else _ADVICE[score]()
    return Strength(score, bits, _LABELS[score], advice)
