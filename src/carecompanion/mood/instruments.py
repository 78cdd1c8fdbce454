"""Caregiver self-checks: published questionnaires, their wording and their scoring.

Sources, terms of use, and what could not be verified: docs/instruments.md. None of these is a
diagnosis; every interpretation says so, and the UI must show it next to each result.

- ``ama_csaq``: the AMA Caregiver Self-Assessment Questionnaire. 16 yes/no items and two 1-10
  ratings (18 items in all). Items 5 and 15 are reverse-scored; the score is the number of
  "yes" answers to items 1-16 (0-16). High distress is likely, by the questionnaire's own
  self-evaluation sheet, when the score is 10 or more, or item 4 or item 11 is "yes", or
  item 17 or item 18 is 6 or more.
- ``mcsi``: the Modified Caregiver Strain Index (Thornton & Travis 2003). 13 items, each
  2 = "Yes, on a regular basis", 1 = "Yes, sometimes", 0 = "No"; total 0-26, higher means more
  strain. It has no published cut-off, so ``high`` is ``None``: watch the trend.
- ``phq2`` / ``gad2``: two items each, 0-3 ("Not at all" .. "Nearly every day"); total 0-6;
  3 or more is the published cut-off for a closer look.

For the UI: ``INSTRUMENTS[id]`` gives the title, instructions, items and their choices (each
choice has the integer value to send back); ``score(id, answers)`` gives the total, whether
the published threshold is met, the reasons, and the interpretation text to show.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from carecompanion.mood import errors as said
from carecompanion.mood.errors import InvalidAnswers

NOT_A_DIAGNOSIS = (
    "This self-check is not a diagnosis. It is a way to notice how you are doing and to start "
    "a conversation with your doctor, nurse or counsellor if you want to."
)

ItemKind = Literal["yes_no", "rating", "strain", "frequency"]


@dataclass(frozen=True)
class Choice:
    value: int
    label: str


@dataclass(frozen=True)
class Item:
    number: int
    text: str
    kind: ItemKind
    choices: tuple[Choice, ...]

    @property
    def values(self) -> frozenset[int]:
        return frozenset(choice.value for choice in self.choices)


@dataclass(frozen=True)
class Instrument:
    id: str
    title: str
    instructions: str
    stem: str  # printed before every item ("During the past week or so, I have...")
    items: tuple[Item, ...]
    max_score: int
    citation: str
    terms: str
    # Items whose wording we could not check against a primary source (docs/instruments.md).
    unverified_items: tuple[int, ...] = ()


@dataclass(frozen=True)
class Score:
    instrument_id: str
    total: int
    max_total: int
    high: bool | None  # None: the instrument publishes no threshold
    reasons: tuple[str, ...]  # which published criteria were met
    interpretation: str


YES_NO = (Choice(1, "Yes"), Choice(0, "No"))
ONE_TO_TEN = tuple(Choice(value, str(value)) for value in range(1, 11))
STRAIN = (Choice(2, "Yes, on a regular basis"), Choice(1, "Yes, sometimes"), Choice(0, "No"))
FREQUENCY = (
    Choice(0, "Not at all"),
    Choice(1, "Several days"),
    Choice(2, "More than half the days"),
    Choice(3, "Nearly every day"),
)


def _items(
    kind: ItemKind, choices: tuple[Choice, ...], texts: Sequence[str], first: int = 1
) -> tuple[Item, ...]:
    return tuple(Item(first + i, text, kind, choices) for i, text in enumerate(texts))


AMA_CSAQ = Instrument(
    id="ama_csaq",
    title="Caregiver Self-Assessment Questionnaire",
    instructions=(
        "Caregivers are often so concerned with caring for their relative’s needs that they "
        "lose sight of their own wellbeing. Please take just a moment to answer the following "
        "questions."
    ),
    stem="During the past week or so, I have...",
    items=_items(
        "yes_no",
        YES_NO,
        (
            "Had trouble keeping my mind on what I was doing",
            "Felt that I couldn’t leave my relative alone",
            "Had difficulty making decisions",
            "Felt completely overwhelmed",
            "Felt useful and needed",
            "Felt lonely",
            "Been upset that my relative has changed so much from his/her former self",
            "Felt a loss of privacy and/or personal time",
            "Been edgy or irritable",
            "Had sleep disturbed because of caring for my relative",
            "Had a crying spell(s)",
            "Felt strained between work and family responsibilities",
            "Had back pain",
            "Felt ill (headaches, stomach problems or common cold)",
            "Been satisfied with the support my family has given me",
            "Found my relative’s living situation to be inconvenient or a barrier to care",
        ),
    )
    + _items(
        "rating",
        ONE_TO_TEN,
        (
            "On a scale of 1 to 10, with 1 being “not stressful” to 10 being “extremely "
            "stressful,” please rate your current level of stress.",
            "On a scale of 1 to 10, with 1 being “very healthy” to 10 being “very ill,” please "
            "rate your current health compared to what it was this time last year.",
        ),
        first=17,
    ),
    max_score=16,
    citation="American Medical Association, Caregiver Self-Assessment Questionnaire "
    "(English version, with its self-evaluation and scoring sheet).",
    terms="Distributed free of charge by the AMA for caregivers and physicians; reproduced "
    "here word for word with its own scoring. See docs/instruments.md.",
)

MCSI = Instrument(
    id="mcsi",
    title="Modified Caregiver Strain Index",
    instructions=(
        "Here is a list of things that other caregivers have found to be difficult. Please "
        "put a checkmark in the columns that apply to you. We have included some examples "
        "that are common caregiver experiences to help you think about each item. Your "
        "situation may be slightly different, but the item could still apply."
    ),
    stem="",
    items=_items(
        "strain",
        STRAIN,
        (
            "My sleep is disturbed (For example: the person I care for is in and out of bed or "
            "wanders around at night)",
            "Caregiving is inconvenient (For example: helping takes so much time or it’s a long "
            "drive over to help)",
            "Caregiving is a physical strain (For example: lifting in or out of a chair; effort "
            "or concentration is required)",
            "Caregiving is confining (For example: helping restricts free time or I cannot go "
            "visiting)",
            "There have been family adjustments (For example: helping has disrupted my routine; "
            "there is no privacy)",
            "There have been changes in personal plans (For example: I had to turn down a job; I "
            "could not go on vacation)",
            "There have been other demands on my time (For example: other family members need me)",
            "There have been emotional adjustments (For example: severe arguments about "
            "caregiving)",
            "Some behavior is upsetting (For example: incontinence; the person cared for has "
            "trouble remembering things; or the person I care for accuses people of taking "
            "things)",
            "It is upsetting to find the person I care for has changed so much from his/her "
            "former self (For example: he/she is a different person than he/she used to be)",
            "There have been work adjustments (For example: I have to take time off for "
            "caregiving duties)",
            "Caregiving is a financial strain",
            "I feel completely overwhelmed (For example: I worry about the person I care for; I "
            "have concerns about how I will manage)",
        ),
    ),
    max_score=26,
    citation="Thornton M, Travis SS. Analysis of the reliability of the Modified Caregiver "
    "Strain Index. J Gerontol B Psychol Sci Soc Sci. 2003;58(2):S127-S132.",
    terms="Distributed free of charge by the Hartford Institute for Geriatric Nursing "
    "(Try This series) with the citation above; the exact permission statement is not "
    "yet confirmed (docs/instruments.md).",
    unverified_items=(11, 12, 13),
)

_FREQUENCY_STEM = (
    "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
)
_PFIZER_TERMS = (
    "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and "
    "colleagues, with an educational grant from Pfizer Inc. No permission "
    "required to reproduce, translate, display or distribute."
)

PHQ2 = Instrument(
    id="phq2",
    title="Patient Health Questionnaire-2 (PHQ-2)",
    instructions="Two questions about your mood over the last two weeks.",
    stem=_FREQUENCY_STEM,
    items=_items(
        "frequency",
        FREQUENCY,
        (
            "Little interest or pleasure in doing things",
            "Feeling down, depressed, or hopeless",
        ),
    ),
    max_score=6,
    citation="Kroenke K, Spitzer RL, Williams JBW. The Patient Health Questionnaire-2: "
    "validity of a two-item depression screener. Med Care. 2003;41(11):1284-1292.",
    terms=_PFIZER_TERMS,
)

GAD2 = Instrument(
    id="gad2",
    title="Generalized Anxiety Disorder-2 (GAD-2)",
    instructions="Two questions about worry and nerves over the last two weeks.",
    stem=_FREQUENCY_STEM,
    items=_items(
        "frequency",
        FREQUENCY,
        (
            "Feeling nervous, anxious, or on edge",
            "Not being able to stop or control worrying",
        ),
    ),
    max_score=6,
    citation="Kroenke K, Spitzer RL, Williams JBW, Monahan PO, Löwe B. Anxiety disorders in "
    "primary care: prevalence, impairment, comorbidity, and detection. Ann Intern "
    "Med. 2007;146(5):317-325.",
    terms=_PFIZER_TERMS,
)

INSTRUMENTS: dict[str, Instrument] = {i.id: i for i in (AMA_CSAQ, MCSI, PHQ2, GAD2)}

AMA_HIGH_TOTAL = 10
AMA_HIGH_RATING = 6
AMA_KEY_ITEMS = {4: "felt completely overwhelmed", 11: "had a crying spell"}
AMA_REVERSED = (5, 15)
SCREEN_CUT_OFF = 3  # PHQ-2 and GAD-2


def instrument(instrument_id: str) -> Instrument:
    try:
        return INSTRUMENTS[instrument_id]
    except KeyError:
        raise InvalidAnswers(said.UNKNOWN_SELF_CHECK, id=repr(instrument_id)) from None


def check_answers(instrument_id: str, answers: Sequence[int]) -> tuple[int, ...]:
    """The answers as a tuple, or ``InvalidAnswers`` naming the first item at fault."""
    spec = instrument(instrument_id)
    if len(answers) != len(spec.items):
        raise InvalidAnswers(
            said.ANSWER_COUNT, title=spec.title, questions=len(spec.items), answers=len(answers)
        )
    for item, answer in zip(spec.items, answers, strict=True):
        if isinstance(answer, bool) or not isinstance(answer, int) or answer not in item.values:
            allowed = ", ".join(str(v) for v in sorted(item.values))
            raise InvalidAnswers(
                said.ANSWER_VALUE, number=item.number, title=spec.title, allowed=allowed
            )
    return tuple(answers)


def _score_ama(answers: tuple[int, ...]) -> Score:
    yes = [
        (1 - answer) if number in AMA_REVERSED else answer
        for number, answer in enumerate(answers[:16], start=1)
    ]
    total = sum(yes)
    stress, health = answers[16], answers[17]
    reasons = []
    if total >= AMA_HIGH_TOTAL:
        reasons.append(
            f"{total} of 16 answers point to strain (10 or more is the questionnaire's mark)"
        )
    reasons += [
        f"you {words}" for number, words in AMA_KEY_ITEMS.items() if answers[number - 1] == 1
    ]
    if stress >= AMA_HIGH_RATING:
        reasons.append(f"you rated your stress {stress} of 10")
    if health >= AMA_HIGH_RATING:
        reasons.append(f"you rated your health {health} of 10 (10 is very ill)")
    high = bool(reasons)
    if high:
        interpretation = (
            "By the questionnaire's own scoring, you are likely under a high degree of "
            "distress right now (" + "; ".join(reasons) + "). Its authors suggest seeing a "
            "doctor for a check-up for yourself, arranging some relief from caregiving, and "
            "joining a support group. "
        )
    else:
        interpretation = (
            "By the questionnaire's own scoring, your answers do not point to a high degree of "
            "distress right now. If that changes, or you feel overwhelmed, consider a "
            "check-up with your doctor. "
        )
    return Score("ama_csaq", total, 16, high, tuple(reasons), interpretation + NOT_A_DIAGNOSIS)


def _score_mcsi(answers: tuple[int, ...]) -> Score:
    total = sum(answers)
    interpretation = (
        f"Your total is {total} of 26. Higher totals mean more strain. The index has no "
        "published cut-off score, so the most useful thing is how your total changes from "
        "one time to the next, and which items weigh most. " + NOT_A_DIAGNOSIS
    )
    return Score("mcsi", total, 26, None, (), interpretation)


def _score_screen(instrument_id: str, answers: tuple[int, ...], topic: str) -> Score:
    total = sum(answers)
    reasons: tuple[str, ...] = ()
    if total >= SCREEN_CUT_OFF:
        reasons = (f"a total of {total} of 6 (3 or more is the questionnaire's cut-off)",)
        interpretation = (
            f"A total of 3 or more is where the questionnaire's authors suggest a closer look "
            f"at {topic}. It would be worth mentioning to your doctor or nurse, who may ask a "
            "few more questions. "
        )
    else:
        interpretation = (
            "Your total is below the questionnaire's cut-off of 3. If you still feel "
            "low or worried, it is always fine to talk to someone about it. "
        )
    return Score(instrument_id, total, 6, bool(reasons), reasons, interpretation + NOT_A_DIAGNOSIS)


def score(instrument_id: str, answers: Sequence[int]) -> Score:
    """Score answers given in item order, each one of that item's choice values."""
    checked = check_answers(instrument_id, answers)
    if instrument_id == "ama_csaq":
        return _score_ama(checked)
    if instrument_id == "mcsi":
        return _score_mcsi(checked)
    if instrument_id == "phq2":
        return _score_screen("phq2", checked, "low mood")
    return _score_screen("gad2", checked, "worry and anxiety")
