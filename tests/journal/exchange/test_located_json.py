"""The position-aware JSON decoder: same values as json, plus where everything starts."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carecompanion.journal.exchange.located_json import (
    JsonArray,
    JsonObject,
    JsonSyntaxError,
    loads,
)

_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=30,
)


@given(_values, st.sampled_from([None, 2]), st.booleans())
def test_decodes_like_the_standard_library(
    value: object, indent: int | None, ascii_only: bool
) -> None:
    text = json.dumps(value, indent=indent, ensure_ascii=ascii_only)
    assert loads(text) == json.loads(text)


def test_lines_of_objects_arrays_and_keys() -> None:
    text = '{\n  "a": 1,\n  "list": [\n    {"x": true},\n\n    "s"\n  ]\n}'
    document = loads(text)
    assert isinstance(document, JsonObject)
    assert (document.line, document.line_of("a"), document.line_of("list")) == (1, 2, 3)
    items = document["list"]
    assert isinstance(items, JsonArray)
    assert (items.line, items.item_lines, items.line_of(9)) == (3, [4, 6], 3)
    assert items[0].line == 4
    assert document.line_of("missing") == 1


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('{"a": 1,\n}', 2, "expected a quoted name"),
        ("[1,\n2\n3]", 3, "expected ',' or ']'"),
        ('{"a": 1, "a": 2}', 1, "the name 'a' appears twice"),
        ('\n\n"unclosed', 3, "a text value is not closed"),
        ('"bad \\x escape"', 1, "invalid \\escape"),
        ("[NaN]", 1, "expected a value"),
        ("", 1, "the JSON ends too early"),
        ("[1] [2]", 1, "unexpected text after the end"),
        ("[" * 65 + "]" * 65, 1, "nested too deeply"),
        ("1" * 50, 1, "a number is too long"),
    ],
)
def test_errors_carry_a_line(text: str, line: int, message: str) -> None:
    with pytest.raises(JsonSyntaxError) as raised:
        loads(text)
    assert raised.value.line == line
    assert message in raised.value.message


@given(st.text(max_size=200))
def test_arbitrary_text_only_ever_raises_json_syntax_error(text: str) -> None:
    try:
        loads(text)
    except JsonSyntaxError as exc:
        assert 1 <= exc.line <= text.count("\n") + 1


def test_byte_order_mark_is_allowed() -> None:
    assert loads('\ufeff{"a": []}') == {"a": []}
