"""Daylio's own default mood names, by language, and the level (1-5) each stands for.

Daylio writes a mood into its CSV export by its *name* in the app's language at export time;
a person who never renamed their moods exports these defaults. Renamed and added moods are
the person's own words and need a mapping (``--mood-map``, or the app's "Which mood is
which?" dialog); so does any language missing here. A name in this table is never asked
about, so it must be right: a wrong level would silently misfile someone's mood. That is why
only names with a source are listed; a language Daylio ships that is not listed still
imports, after the person says which level each of its five names means.

Sources (read December 2026; each names the five in order from the best mood to the worst):

- English, current: ``rad, good, meh, bad, awful`` — staticf0x/daylio-parser
  ``daylio_parser/config.py`` (``DEFAULT_MOODS``), Demizo/daylio-to-daily-you (README:
  "their default values ... rad, good, meh, bad, awful"), Lego4m/daylio-viewer
  ``src/utils/dayEntrieInterpreters.ts`` (``predefinedMoodsName``).
- English, legacy: ``fugly`` was the default name of level 2 in older Daylio versions (later
  renamed "bad"); seen in a real export analysed in CareCompanion issue 16, where it refused
  the whole file.
- German: ``Super, Gut, Ok, Schlecht, Lausig`` — a German export analysed in September 2026
  (docs/mood.md) and a public R analysis of a German Daylio CSV that maps them to 5..1.
- French: ``super, bien, mouais, mauvais, horrible`` — Guekka/DaylioBackupTools
  ``src/formats/daylio.rs`` (``daylio_predefined_mood_idx``: predefined moods 1..5 from
  best to worst).
- Portuguese: only the two ends are attested, ``incrível`` (best) and ``horrível`` (worst),
  in a 2017 review of the app ("cinco smiles ... desde o 'incrível' ao 'horrível'",
  avidadelyne.blogspot.com); the three middle names are asked for.

Names are matched case-insensitively with inner whitespace collapsed (see ``mood_key``).
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType


def mood_key(name: str) -> str:
    """How a mood name is looked up: stray spaces and case ignored."""
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class DefaultMoods:
    """One language's default names, by level (``None``: not attested, so asked for)."""

    language: str
    #: The names of levels 5 (the best) down to 1 (the worst).
    names: tuple[str | None, str | None, str | None, str | None, str | None]
    source: str

    def levels(self) -> dict[str, int]:
        return {mood_key(name): 5 - i for i, name in enumerate(self.names) if name is not None}


DAYLIO_DEFAULTS: tuple[DefaultMoods, ...] = (
    DefaultMoods(
        "English",
        ("rad", "good", "meh", "bad", "awful"),
        "staticf0x/daylio-parser config.py; Demizo/daylio-to-daily-you README",
    ),
    DefaultMoods(
        "German",
        ("Super", "Gut", "Ok", "Schlecht", "Lausig"),
        "a German export (docs/mood.md); a public R analysis of a German Daylio CSV",
    ),
    DefaultMoods(
        "French",
        ("super", "bien", "mouais", "mauvais", "horrible"),
        "Guekka/DaylioBackupTools src/formats/daylio.rs",
    ),
    DefaultMoods(
        "Portuguese",
        ("incrível", None, None, None, "horrível"),
        "a 2017 review of Daylio (avidadelyne.blogspot.com): only the two ends",
    ),
)

#: Default names older Daylio versions used, since renamed (name -> level).
LEGACY_DEFAULTS: MappingProxyType[str, int] = MappingProxyType({"fugly": 2})


def _all_levels() -> dict[str, int]:
    levels: dict[str, int] = {}
    for table in (*(d.levels() for d in DAYLIO_DEFAULTS), dict(LEGACY_DEFAULTS)):
        for name, level in table.items():
            # The same word in two languages must mean the same level ("super", "ok"):
            # otherwise it is ambiguous and has to be asked for.
            if levels.setdefault(name, level) != level:
                raise AssertionError(f"Daylio default {name!r} names two levels")
    return levels


#: Every known default name (``mood_key`` form) and its level 1-5.
DEFAULT_MOOD_LEVELS: MappingProxyType[str, int] = MappingProxyType(_all_levels())
