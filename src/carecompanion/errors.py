"""One error model for the whole app: every sentence the core says to a person has a code.

The core (no Qt) speaks English, for the command line and for logs of what happened. The UI
speaks the person's language. Between them stands a :class:`Sentence`: a stable ``code``
("vault.wrong_passphrase") and its English wording, a template whose ``{fields}`` the core
fills in ("The circle file {name} is not there."). Said with values, it becomes a
:class:`Notice`: the English text (a ``Notice`` *is* that ``str``, so the command line prints
it as it always did) carrying its ``code`` and ``params``, which the UI looks up in its own
table (``ui/common/error_words.py``) and words in the person's language. Nothing is matched against
English text.

Every error the core raises for the person derives from :class:`CareCompanionError` and
carries one notice (``exc.code``, ``exc.params``; ``str(exc)`` is the English sentence). A
class with one thing to say names it in its ``sentence`` class attribute; a class that can say
several (a damaged vault header, a circle file that cannot be read) is raised with the
sentence that applies: ``raise HeaderDamaged(PART_MISSING, what="the passphrase salt")``.
Warnings (after an import or a sync) and one field's problem in a form are notices too.

Programming errors (a bug, a broken promise between modules) are never CareCompanionError:
they stay ``ValueError``/``TypeError``/``RuntimeError`` and reach the one place that catches
the unexpected (the CLI's runner, the GUI's ``sys.excepthook``), which logs their type, never
their text.

Params may hold what the person wrote (a contact's name, a line of their file): they are for
showing, never for logs. Log ``exc.code`` when an error is worth logging.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import ClassVar, Self, TypeAlias

#: A value a sentence is filled with: text, a number, another notice (a field's label, the
#: reason inside "FILE, line N: REASON") or several notices (a form's problems, said in turn).
Param: TypeAlias = "str | int | Notice | tuple[Notice, ...]"

_FIELD = re.compile(r"[a-z_]+")
_SENTENCES: dict[str, Sentence] = {}


def fields_of(template: str) -> frozenset[str]:
    """The ``{field}`` names of a template; only plain names are allowed (no ``!r`` or
    ``:,``), so a translator's copy can be filled the same way."""
    names: set[str] = set()
    for _text, name, spec, conversion in string.Formatter().parse(template):
        if name is None:
            continue
        if not _FIELD.fullmatch(name) or spec or conversion:
            raise ValueError(f"{template!r}: write fields as plain {{name}}, not {{{name}...}}")
        names.add(name)
    return frozenset(names)


def fill(template: str, params: Mapping[str, Param], say: Callable[[Notice], str] = str) -> str:
    """``template`` with its fields filled: a notice by ``say`` (its English by default, the
    UI passes its translator), several notices one after another."""

    def text(value: Param) -> str:
        if isinstance(value, tuple):
            return " ".join(text(part) for part in value)
        if isinstance(value, Notice):
            return say(value)
        return str(value)

    return template.format_map({name: text(value) for name, value in params.items()})


@dataclass(frozen=True)
class Sentence:
    """Something the core can say to a person: a stable code and the English template.

    Codes are unique (a second sentence with the same code is refused at import) and never
    change once shipped: the UI's translations are found by them. A sentence is a module- or
    class-level constant, so importing the core registers every one (see :func:`sentences`).
    """

    code: str
    english: str
    fields: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", fields_of(self.english))
        known = _SENTENCES.setdefault(self.code, self)
        if known != self:
            raise ValueError(f"two sentences have the code {self.code!r}")

    def __call__(self, **params: Param) -> Notice:
        return Notice(self, params)


class Notice(str):
    """A sentence said with its values: the English text itself, plus ``code`` and ``params``
    for the UI. Being a ``str``, it goes wherever text went (the CLI's output, JSON)."""

    code: str
    params: Mapping[str, Param]

    def __new__(cls, sentence: Sentence, params: Mapping[str, Param]) -> Notice:
        if set(params) != sentence.fields:
            raise TypeError(
                f"{sentence.code} is filled with {sorted(sentence.fields)}, not {sorted(params)}"
            )
        self = super().__new__(cls, fill(sentence.english, params))
        self.code = sentence.code
        self.params = MappingProxyType(dict(params))
        return self

    def __reduce__(self) -> tuple[object, ...]:
        return (_notice, (self.code, dict(self.params)))


def _notice(code: str, params: Mapping[str, Param]) -> Notice:
    return Notice(_SENTENCES[code], params)


def sentences() -> Mapping[str, Sentence]:
    """Every sentence registered so far, by code (import the core first to have them all)."""
    return MappingProxyType(_SENTENCES)


class CareCompanionError(Exception):
    """Something the person needs to know: one notice, in English in ``str(exc)``."""

    #: What this class says when raised without a sentence (None: it must be given one).
    sentence: ClassVar[Sentence | None] = None

    def __init__(self, sentence: Sentence | Notice | None = None, /, **params: Param) -> None:
        if isinstance(sentence, Notice):
            if params:
                raise TypeError("a notice is already filled in")
            notice = sentence
        else:
            chosen = sentence if sentence is not None else type(self).sentence
            if chosen is None:
                raise TypeError(f"{type(self).__name__} is raised with the sentence to say")
            notice = chosen(**params)
        self.notice = notice
        super().__init__(str.__str__(notice))

    @property
    def code(self) -> str:
        return self.notice.code

    @property
    def params(self) -> Mapping[str, Param]:
        return self.notice.params


@dataclass(frozen=True)
class Problem:
    """One invalid field of a draft: which field (the draft's attribute name) and why."""

    field: str
    message: Notice


INVALID_FIELDS = Sentence("form.problems", "{problems}")


class InvalidFields(CareCompanionError, ValueError):
    """A draft that breaks rules. ``problems`` lists every field at fault, so a form can mark
    each one; the message is their sentences in turn."""

    sentence = INVALID_FIELDS

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(problems=tuple(problem.message for problem in self.problems))


IN_FILE = Sentence("file.problem", "{file}: {reason}")
AT_LINE = Sentence("file.problem_at_line", "{file}, line {line}: {reason}")


class ImportFormatError(CareCompanionError):
    """A file that cannot be imported: says which file and, where known, the line. Nothing has
    been written when it is raised. Each domain's import error derives from it."""

    @classmethod
    def where(cls, path: object, line: int | None, reason: Notice) -> Self:
        """``FILE, line N: reason`` (``FILE: reason`` without a line)."""
        if line is None:
            return cls(IN_FILE, file=str(path), reason=reason)
        return cls(AT_LINE, file=str(path), line=line, reason=reason)

    @property
    def path(self) -> str | None:
        value = self.params.get("file")
        return None if value is None else str(value)

    @property
    def line(self) -> int | None:
        value = self.params.get("line")
        return value if isinstance(value, int) else None
