"""Changes and syncs of a vault's circles run one at a time.

A sync that started before a comment was added would otherwise store its merged copy over the
comment and lose it. Every circle service of one vault shares one re-entrant lock (made by
``CircleService``), so a change that calls another (``create`` syncs) does not wait for itself.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Concatenate, ParamSpec, Protocol, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


class Serialised(Protocol):
    """A service whose changes hold the vault's circle lock while they run."""

    @property
    def changes(self) -> threading.RLock: ...


S = TypeVar("S", bound=Serialised)


def one_at_a_time(method: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], R]:
    """Run ``method`` holding its service's ``changes`` lock."""

    @functools.wraps(method)
    def serialised(service: S, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with service.changes:
            return method(service, *args, **kwargs)

    return serialised
