"""The error model: a sentence has one code, is filled with exactly its fields, and an error
carries it as a notice whose English is what the command line prints."""

from __future__ import annotations

import copy
import json
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carecompanion.errors import (
    CareCompanionError,
    ImportFormatError,
    InvalidFields,
    Notice,
    Problem,
    Sentence,
    sentences,
)

THERE = Sentence("test.there", "The circle file {name} is not there.")
LABEL = Sentence("test.label", "Stress")
RANGE = Sentence("test.range", "{label} must be a whole number from {low} to {high}.")
REASON = Sentence("test.reason", "this is not valid JSON (expected ',' or '}}')")


class Refused(CareCompanionError):
    sentence = Sentence("test.refused", "That was refused.")


def test_a_code_belongs_to_one_sentence() -> None:
    assert sentences()["test.there"] is THERE
    with pytest.raises(ValueError, match=r"test\.there"):
        Sentence("test.there", "Something else.")


def test_fields_are_plain_names() -> None:
    for template in ("{name!r} is bad", "{count:,} entries", "{0} first", "{}"):
        with pytest.raises(ValueError):
            Sentence(f"test.bad.{template}", template)


def test_a_notice_is_its_english_and_carries_its_code_and_values() -> None:
    notice = THERE(name="Tuesday.carecircle")
    assert notice == "The circle file Tuesday.carecircle is not there."
    assert (notice.code, dict(notice.params)) == ("test.there", {"name": "Tuesday.carecircle"})
    assert json.dumps([notice]) == '["The circle file Tuesday.carecircle is not there."]'
    for twin in (pickle.loads(pickle.dumps(notice)), copy.deepcopy(notice)):
        assert (twin, twin.code) == (notice, notice.code)


def test_a_sentence_is_filled_with_exactly_its_fields() -> None:
    with pytest.raises(TypeError):
        THERE()
    with pytest.raises(TypeError):
        THERE(name="a", extra="b")


def test_notices_inside_a_notice_are_said_in_turn() -> None:
    notice = RANGE(label=LABEL(), low=0, high=10)
    assert notice == "Stress must be a whole number from 0 to 10."
    assert isinstance(notice.params["label"], Notice)
    assert REASON() == "this is not valid JSON (expected ',' or '}')"


@given(st.text())
def test_a_value_is_never_read_as_a_template(value: str) -> None:
    assert THERE(name=value) == f"The circle file {value} is not there."


def test_an_error_says_its_sentence() -> None:
    refused = Refused()
    assert str(refused) == "That was refused." and type(str(refused)) is str
    assert (refused.code, dict(refused.params)) == ("test.refused", {})
    other = Refused(THERE, name="x")
    assert (str(other), other.code) == ("The circle file x is not there.", "test.there")
    assert Refused(THERE(name="y")).notice == "The circle file y is not there."


def test_an_error_without_a_sentence_of_its_own_must_be_given_one() -> None:
    with pytest.raises(TypeError):
        CareCompanionError()


def test_a_form_s_problems_are_said_one_after_another() -> None:
    problems = [
        Problem("stress", RANGE(label=LABEL(), low=0, high=10)),
        Problem("a", THERE(name="f")),
    ]
    error = InvalidFields(problems)
    assert str(error) == (
        "Stress must be a whole number from 0 to 10. The circle file f is not there."
    )
    assert error.problems == tuple(problems) and isinstance(error, ValueError)


def test_an_import_error_names_its_file_and_line() -> None:
    at_line = ImportFormatError.where("j.json", 3, REASON())
    assert str(at_line) == "j.json, line 3: this is not valid JSON (expected ',' or '}')"
    assert (at_line.path, at_line.line, at_line.params["reason"]) == ("j.json", 3, REASON())
    in_file = ImportFormatError.where("j.json", None, REASON())
    assert str(in_file).startswith("j.json: this") and in_file.line is None
