"""CircleService is a facade over small services with one job each (see its module docstring).
These tests keep it that way: the facade holds no rules, the services do not reach into each
other's internals, and every change of every service waits for the same lock."""

from __future__ import annotations

import ast
import inspect
import textwrap
from pathlib import Path

import carecompanion.circle
from carecompanion.circle.service import CircleService
from carecompanion.clock import FixedClock
from carecompanion.vault.vault import UnlockedVault

CIRCLE = Path(carecompanion.circle.__file__).parent
PARTS = (
    "identity_service",
    "registry",
    "posts",
    "members",
    "sharing",
    "replies",
    "writing",
    "sync",
    "checking",
    "repair",
    "passphrase",
    "joining",
    "names",
    "redaction_list",
)


def test_every_facade_method_is_one_delegating_line() -> None:
    for name, method in inspect.getmembers(CircleService, inspect.isfunction):
        if name.startswith("_"):
            continue
        tree = ast.parse(textwrap.dedent(inspect.getsource(method)))
        function = tree.body[0]
        assert isinstance(function, ast.FunctionDef)
        assert len(function.body) == 1, f"CircleService.{name} does more than hand the work on"
        statement = function.body[0]
        assert isinstance(statement, ast.Expr | ast.Return), name
        call = statement.value
        assert isinstance(call, ast.Call), name
        target = call.func
        assert isinstance(target, ast.Attribute), name
        part = target.value
        assert isinstance(part, ast.Attribute), name
        assert isinstance(part.value, ast.Name) and part.value.id == "self", name
        assert part.attr.startswith("_"), name


def test_the_services_use_only_each_others_public_names() -> None:
    for module in PARTS:
        tree = ast.parse((CIRCLE / f"{module}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Attribute) or not node.attr.startswith("_"):
                continue
            if node.attr.startswith("__"):
                continue  # row.__dict__
            owner = node.value
            assert isinstance(owner, ast.Name) and owner.id in ("self", "cls"), (
                f"{module}.py line {node.lineno} reaches into another object's .{node.attr}"
            )


def test_no_circle_module_grows_into_a_god_service() -> None:
    for module in (*PARTS, "service", "serial"):
        lines = (CIRCLE / f"{module}.py").read_text(encoding="utf-8").count("\n")
        assert lines <= 300, f"{module}.py has {lines} lines: split it"


def test_every_change_waits_for_one_lock(unlocked_vault: UnlockedVault, clock: FixedClock) -> None:
    """A sync that started before a comment (or a roster change, or a new name) would store
    its merged copy over it; so every service of one vault shares one lock."""
    service = CircleService(unlocked_vault.database, clock)
    locks = {
        id(getattr(service, f"_{part}").changes)
        for part in (
            "identity",
            "members",
            "sharing",
            "replies",
            "sync",
            "repair",
            "passphrase",
            "joining",
        )
    }
    assert len(locks) == 1
