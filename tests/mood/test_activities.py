"""The editable self-care list and the support contacts."""

from __future__ import annotations

import pytest

from carecompanion.mood.defaults import DEFAULT_ACTIVITIES
from carecompanion.mood.errors import ActivityNotFound, InvalidName, SupportContactNotFound
from carecompanion.mood.lifts import activity_lifts
from carecompanion.mood.records import CheckInDraft
from carecompanion.mood.service import MoodService


def names(mood: MoodService, include_archived: bool = False) -> list[str]:
    return [a.name for a in mood.activities.list(include_archived)]


def test_a_new_vault_has_the_default_list(mood: MoodService) -> None:
    assert tuple(names(mood)) == DEFAULT_ACTIVITIES
    assert {
        "A walk",
        "Talked to a friend",
        "Respite",
        "Exercise",
        "Time for a hobby",
        "Support group meeting",
        "Rest",
        "Time outdoors",
    } <= set(names(mood))


def test_add_rename_reorder(mood: MoodService) -> None:
    choir = mood.activities.add("  Choir  practice ")
    assert choir.name == "Choir practice"
    assert names(mood)[-1] == "Choir practice"
    with pytest.raises(InvalidName, match="already on your list"):
        mood.activities.add("choir PRACTICE")
    walk = next(a for a in mood.activities.list() if a.name == "A walk")
    with pytest.raises(InvalidName, match="already on your list"):
        mood.activities.rename(walk.id, "choir practice")
    assert mood.activities.rename(walk.id, "a walk").name == "a walk"  # own name, new case
    reordered = mood.activities.reorder([choir.id, walk.id])
    assert [a.name for a in reordered][:2] == ["Choir practice", "a walk"]
    assert names(mood)[:3] == ["Choir practice", "a walk", "Talked to a friend"]
    with pytest.raises(ActivityNotFound):
        mood.activities.reorder([999])


def test_rename_reaches_every_past_checkin(mood: MoodService) -> None:
    checkin = mood.add(CheckInDraft(mood=4, activities=("Exercise",)))
    exercise = next(a for a in mood.activities.list() if a.name == "Exercise")
    mood.activities.rename(exercise.id, "Yoga")
    assert mood.get(checkin.id).activities == ("Yoga",)
    assert activity_lifts(mood.days())[0].activity == "Yoga"


def test_archive_hides_but_keeps_history(mood: MoodService) -> None:
    checkin = mood.add(CheckInDraft(mood=4, activities=("Respite",)))
    respite = next(a for a in mood.activities.list() if a.name == "Respite")
    assert mood.activities.set_archived(respite.id, True).archived
    assert "Respite" not in names(mood)
    assert "Respite" in names(mood, include_archived=True)
    assert mood.get(checkin.id).activities == ("Respite",)
    # Naming an archived activity in a check-in finds it again rather than adding a twin.
    assert mood.add(CheckInDraft(mood=3, activities=("respite",))).activities == ("Respite",)
    mood.activities.set_archived(respite.id, False)
    assert "Respite" in names(mood)


def test_delete_asks_usage_first_and_removes_it_everywhere(mood: MoodService) -> None:
    checkin = mood.add(CheckInDraft(mood=4, activities=("Music", "Rest")))
    music = next(a for a in mood.activities.list() if a.name == "Music")
    assert mood.activities.usage(music.id) == 1
    mood.activities.delete(music.id)
    assert "Music" not in names(mood, include_archived=True)
    assert mood.get(checkin.id).activities == ("Rest",)
    with pytest.raises(ActivityNotFound, match="no self-care activity"):
        mood.activities.usage(music.id)


def test_unknown_names_join_the_list_in_order(mood: MoodService) -> None:
    mood.add(CheckInDraft(mood=3, activities=("Gardening", "A walk", "Baking")))
    assert names(mood)[-2:] == ["Gardening", "Baking"]


def test_non_ascii_names_match_ignoring_case(mood: MoodService) -> None:
    mood.add(CheckInDraft(mood=3, activities=("Ärztin besucht",)))
    again = mood.add(CheckInDraft(mood=3, activities=("ÄRZTIN BESUCHT",)))
    assert again.activities == ("Ärztin besucht",)
    assert names(mood).count("Ärztin besucht") == 1


def test_support_contacts(mood: MoodService) -> None:
    line = mood.support.add("Samaritans", "116 123", "crisis")
    sister = mood.support.add("  Anna  ", "0170 1234567")
    assert (sister.name, sister.kind) == ("Anna", "person")
    assert [c.name for c in mood.support.list()] == ["Samaritans", "Anna"]
    assert mood.support.update(sister.id, "Anna B.", "anna@example.org").reach == "anna@example.org"
    with pytest.raises(InvalidName):
        mood.support.add("   ")
    with pytest.raises(InvalidName):
        mood.support.add("Someone", kind="stranger")  # type: ignore[arg-type]
    mood.support.delete(line.id)
    assert [c.name for c in mood.support.list()] == ["Anna B."]
    with pytest.raises(SupportContactNotFound):
        mood.support.delete(line.id)
