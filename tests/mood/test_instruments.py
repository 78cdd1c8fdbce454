"""Self-check scoring: the AMA high-distress rule criterion by criterion, MCSI, PHQ-2, GAD-2."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carecompanion.mood.errors import InvalidAnswers
from carecompanion.mood.instruments import INSTRUMENTS, NOT_A_DIAGNOSIS, instrument, score

# AMA answers: items 1-16 (1 yes, 0 no) then stress and health ratings (1-10).
# "Calm" means no strain anywhere: "no" to all but 5 and 15, which are reverse-scored.
CALM = [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1]


def ama(
    yes: tuple[int, ...] = (), no: tuple[int, ...] = (), stress: int = 1, health: int = 1
) -> list[int]:
    answers = list(CALM)
    for item in yes:
        answers[item - 1] = 1
    for item in no:
        answers[item - 1] = 0
    answers[16], answers[17] = stress, health
    return answers


def test_the_ama_questionnaire_has_its_published_shape() -> None:
    spec = instrument("ama_csaq")
    assert len(spec.items) == 18
    assert [i.kind for i in spec.items] == ["yes_no"] * 16 + ["rating"] * 2
    assert spec.items[3].text == "Felt completely overwhelmed"
    assert spec.items[10].text == "Had a crying spell(s)"
    assert spec.items[4].text == "Felt useful and needed"  # reverse-scored
    assert spec.stem == "During the past week or so, I have..."
    assert {c.value for c in spec.items[16].choices} == set(range(1, 11))


def test_ama_calm_answers_score_zero() -> None:
    result = score("ama_csaq", CALM)
    assert (result.total, result.max_total, result.high, result.reasons) == (0, 16, False, ())
    assert result.interpretation.endswith(NOT_A_DIAGNOSIS)


def test_ama_items_5_and_15_are_reverse_scored() -> None:
    assert score("ama_csaq", ama(no=(5,))).total == 1  # "No" to feeling useful counts
    assert score("ama_csaq", ama(no=(5, 15))).total == 2
    assert score("ama_csaq", ama(yes=(5, 15))).total == 0


def test_ama_total_of_ten_is_high_and_nine_is_not() -> None:
    nine = (1, 2, 3, 6, 7, 8, 9, 10, 12)  # not 4 or 11
    assert score("ama_csaq", ama(yes=nine)).total == 9
    assert not score("ama_csaq", ama(yes=nine)).high
    ten = score("ama_csaq", ama(yes=nine, no=(5,)))  # the tenth: "no" to feeling useful
    assert (ten.total, ten.high) == (10, True)
    assert ten.reasons[0].startswith("10 of 16")


@pytest.mark.parametrize("item", [4, 11])
def test_ama_yes_to_overwhelmed_or_crying_alone_is_high(item: int) -> None:
    result = score("ama_csaq", ama(yes=(item,)))
    assert (result.total, result.high, len(result.reasons)) == (1, True, 1)


@pytest.mark.parametrize("item", [1, 2, 3, 9, 10, 13, 14, 16])
def test_ama_any_other_single_yes_is_not(item: int) -> None:
    assert not score("ama_csaq", ama(yes=(item,))).high


@pytest.mark.parametrize(
    ("stress", "health", "high"),
    [
        (5, 5, False),
        (6, 1, True),
        (1, 6, True),
        (10, 10, True),
    ],
)
def test_ama_ratings_of_six_or_more_are_high(stress: int, health: int, high: bool) -> None:
    result = score("ama_csaq", ama(stress=stress, health=health))
    assert result.high is high
    assert result.total == 0  # the ratings are not part of the yes count


def test_ama_high_interpretation_names_the_next_steps() -> None:
    text = score("ama_csaq", ama(yes=(4,), stress=8)).interpretation
    assert "high degree of distress" in text
    assert "you felt completely overwhelmed" in text and "stress 8 of 10" in text
    assert "support group" in text and "check-up" in text
    assert text.endswith(NOT_A_DIAGNOSIS)


def test_mcsi() -> None:
    spec = instrument("mcsi")
    assert len(spec.items) == 13 and spec.max_score == 26
    assert [c.label for c in spec.items[0].choices] == [
        "Yes, on a regular basis",
        "Yes, sometimes",
        "No",
    ]
    assert [c.value for c in spec.items[0].choices] == [2, 1, 0]
    assert spec.unverified_items == (11, 12, 13)
    assert score("mcsi", [0] * 13).total == 0
    assert score("mcsi", [2] * 13).total == 26
    mixed = score("mcsi", [2, 1, 0, 2, 2, 1, 1, 0, 0, 2, 1, 0, 2])  # 2+1+2+2+1+1+2+1+2 = 14
    assert (mixed.total, mixed.high, mixed.reasons) == (14, None, ())
    assert "14 of 26" in mixed.interpretation and "no published cut-off" in mixed.interpretation


@pytest.mark.parametrize("instrument_id", ["phq2", "gad2"])
@pytest.mark.parametrize(
    ("answers", "total", "high"),
    [
        ([0, 0], 0, False),
        ([1, 1], 2, False),
        ([2, 1], 3, True),
        ([0, 3], 3, True),
        ([3, 3], 6, True),
    ],
)
def test_two_item_screens_cut_off_at_three(
    instrument_id: str, answers: list[int], total: int, high: bool
) -> None:
    result = score(instrument_id, answers)
    assert (result.total, result.max_total, result.high) == (total, 6, high)
    assert result.interpretation.endswith(NOT_A_DIAGNOSIS)


def test_two_item_wording() -> None:
    assert [i.text for i in instrument("phq2").items] == [
        "Little interest or pleasure in doing things",
        "Feeling down, depressed, or hopeless",
    ]
    assert [i.text for i in instrument("gad2").items] == [
        "Feeling nervous, anxious, or on edge",
        "Not being able to stop or control worrying",
    ]
    assert [c.label for c in instrument("gad2").items[0].choices] == [
        "Not at all",
        "Several days",
        "More than half the days",
        "Nearly every day",
    ]


@pytest.mark.parametrize(
    ("instrument_id", "answers", "message"),
    [
        ("ama_csaq", CALM[:-1], "has 18 questions; 17 answers"),
        ("ama_csaq", [2, *CALM[1:]], "Question 1 .* needs one of 0, 1"),
        ("ama_csaq", [*CALM[:16], 0, 1], "Question 17 .* needs one of 1, 2"),
        ("ama_csaq", [*CALM[:16], 1, 11], "Question 18"),
        ("mcsi", [3] * 13, "Question 1 "),
        ("phq2", [True, 0], "Question 1 "),
        ("gad2", [0, -1], "Question 2 "),
        ("zarit", [0], "no self-check called 'zarit'"),
    ],
)
def test_bad_answers(instrument_id: str, answers: list[int], message: str) -> None:
    with pytest.raises(InvalidAnswers, match=message):
        score(instrument_id, answers)


def test_no_licensed_instrument_ships() -> None:
    assert set(INSTRUMENTS) == {"ama_csaq", "mcsi", "phq2", "gad2"}
    for spec in INSTRUMENTS.values():
        assert "zarit" not in spec.title.lower()
        assert spec.citation and spec.terms


@st.composite
def valid_answers(draw: st.DrawFn) -> tuple[str, list[int]]:
    instrument_id = draw(st.sampled_from(sorted(INSTRUMENTS)))
    items = INSTRUMENTS[instrument_id].items
    return instrument_id, [draw(st.sampled_from(sorted(item.values))) for item in items]


@given(valid_answers())
def test_totals_stay_in_range(case: tuple[str, list[int]]) -> None:
    instrument_id, answers = case
    result = score(instrument_id, answers)
    assert 0 <= result.total <= result.max_total == INSTRUMENTS[instrument_id].max_score
    assert NOT_A_DIAGNOSIS in result.interpretation
    if instrument_id == "ama_csaq":
        expected_high = (
            result.total >= 10
            or answers[3] == 1
            or answers[10] == 1
            or answers[16] >= 6
            or answers[17] >= 6
        )
        assert result.high is expected_high
        assert bool(result.reasons) is expected_high
