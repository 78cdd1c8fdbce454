"""The words of the search index, so a prefix can be searched as the words it starts.

FTS5 answers a prefix ("medic" *) from a prefix index of that length, or else by merging the
doclists of every word the prefix starts, across the whole journal, whatever part of it the
query looks at: "the" * took 45 ms at 20,000 entries. Prefix indexes are large (lengths 2 and
3 were 1.6x the journal's text; the two-letter one alone 0.45x, migration 0012). So the index
keeps none, a prefix of three letters or more is searched as the words it starts ("the" OR
"them" OR ...), which FTS5 walks lazily like any word (3-6 ms for "the" at 20,000 entries),
and a last word of two letters is searched as a whole word (search.MIN_PREFIX_CHARS).

Those words come from ``journal_fts_terms``: every word the index holds (and, harmlessly,
some it no longer does). Triggers list each entry written in ``journal_fts_pending``; the
service has their words learnt (``learn``) in the same transaction, and a large import
learns the index's whole vocabulary at once. Until pending is empty the list may be short of
a word, and prefixes are left to FTS5 itself: slower, never wrong.

A word is turned into the index's form (lower case, accents removed, Porter stem: "Running"
is "run") by FTS5 itself, with the index's own tokenizer, in a private in-memory table: the
same code that wrote the index, so the two never disagree.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

#: The search index: an FTS5 table over entries' title, body and tags (migration 0011).
SEARCH_INDEX_TABLE = "journal_fts"
#: The tokenizer journal_fts uses (migration 0011 writes it; a test checks they agree).
TOKENIZE = "porter unicode61 remove_diacritics 2"


# How many texts' words ``Tokenizer.forms`` remembers before it starts over.
FORMS_KEPT = 4096


class Tokenizer:
    """FTS5's tokenizer on a private in-memory database (nothing of it is ever stored)."""

    def __init__(self) -> None:
        import sqlcipher3.dbapi2 as sqlcipher

        self._lock = threading.Lock()
        self._forms: dict[str, tuple[str, ...]] = {}
        self._conn = sqlcipher.connect(":memory:", check_same_thread=False)
        self._conn.execute(
            "CREATE VIRTUAL TABLE words USING fts5(text, content='', detail=none, "
            f"columnsize=0, tokenize='{TOKENIZE}')"
        )
        self._conn.execute("CREATE VIRTUAL TABLE vocabulary USING fts5vocab(words, 'row')")

    def words(self, texts: Iterable[str]) -> list[str]:
        """The distinct index words of ``texts``, in the index's order."""
        with self._lock:
            self._conn.executemany(
                "INSERT INTO words (rowid, text) VALUES (?, ?)", enumerate(texts, 1)
            )
            found = [str(row[0]) for row in self._conn.execute("SELECT term FROM vocabulary")]
            self._conn.execute("INSERT INTO words (words) VALUES ('delete-all')")
            return found

    def forms(self, text: str) -> tuple[str, ...]:
        """``words([text])``, remembered: a search asks for the same few words at every
        keystroke, and each asking costs an insert, a read and a delete here. What is
        remembered (typed searches, the journal's words) is forgotten when the journal
        locks (``forget_remembered``)."""
        with self._lock:
            found = self._forms.get(text)
        if found is None:
            found = tuple(self.words([text]))
            with self._lock:
                if len(self._forms) >= FORMS_KEPT:
                    self._forms.clear()
                self._forms[text] = found
        return found

    def forget(self) -> None:
        with self._lock:
            self._forms.clear()

    def prefix(self, typed: str) -> str | None:
        """What the index looks up for ``typed`` searched as a prefix ("Runni" -> "runni",
        "running" -> "run"); None unless it is exactly one word."""
        found = self.forms(typed)
        return found[0] if len(found) == 1 else None


_shared: Tokenizer | None = None
_shared_lock = threading.Lock()


def forget_remembered() -> None:
    """Forget the words the process's tokenizer remembered (the journal locked): nothing of
    a locked journal, nor what was searched in it, is kept in memory on purpose."""
    with _shared_lock:
        if _shared is not None:
            _shared.forget()


def tokenizer() -> Tokenizer:
    """The process's tokenizer, made on first use."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Tokenizer()
        return _shared
