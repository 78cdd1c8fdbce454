"""Short garbage-collector pauses while a large circle is open.

A circle of 20,000 records is some 300,000 Python objects that live as long as the vault is
unlocked. CPython's cyclic collector walks all of them on every full collection: about 0.2 s
on a slow computer, holding the GIL, so the window freezes whichever thread set it off.
After each piece of circle work, ``keep_long_lived`` moves what is alive into the collector's
permanent generation (``gc.freeze``): later collections walk only what is new. Objects there
are still freed as soon as nothing refers to them; only garbage in reference cycles waits.
``release_long_lived`` (when the vault locks) gives everything back to the collector and
collects, so nothing decrypted outlives the session in an unreachable cycle.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def long_lived_work() -> Iterator[None]:
    """Around a job that builds what stays alive (reading a circle: ~300,000 objects): no
    collection while it runs (each would walk the growing heap again, GIL held), then what
    is alive is kept out of later collections. Garbage the job left in reference cycles waits
    for ``release_long_lived``."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def release_long_lived() -> None:
    """The session is gone: collect everything, the frozen objects included."""
    gc.unfreeze()
    gc.collect()
