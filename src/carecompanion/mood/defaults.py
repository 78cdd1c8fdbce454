"""The lists a new vault starts with. Migration 0003 keeps its own frozen copy of the activities
(a migration must not change when this file does); the emotions are only ever offered by the
UI, so they live here alone and people can still type their own."""

from __future__ import annotations

DEFAULT_ACTIVITIES: tuple[str, ...] = (
    "A walk",
    "Talked to a friend",
    "Respite",
    "Exercise",
    "Time for a hobby",
    "Support group meeting",
    "Rest",
    "Time outdoors",
    "Time with family",
    "Meditation or prayer",
    "Music",
)

# Offered as a multi-select in the check-in dialog, grouped roughly from heavy to light.
DEFAULT_EMOTIONS: tuple[str, ...] = (
    "Overwhelmed",
    "Anxious",
    "Sad",
    "Lonely",
    "Guilty",
    "Frustrated",
    "Angry",
    "Tired",
    "Numb",
    "Calm",
    "Hopeful",
    "Grateful",
    "Proud",
    "Loved",
    "Content",
)
