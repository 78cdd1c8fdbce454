"""Templates: the built-in caregiver prompts (read-only) and the user's own."""

from __future__ import annotations

import pytest

from carecompanion.clock import FixedClock
from carecompanion.journal.templates import (
    BUILT_IN_TEMPLATES,
    Template,
    TemplateNotFound,
    TemplateReadOnly,
    TemplateService,
)
from carecompanion.session import VaultSession
from carecompanion.vault.vault import UnlockedVault


@pytest.fixture
def templates(unlocked_vault: UnlockedVault, clock: FixedClock) -> TemplateService:
    return TemplateService(unlocked_vault.database, clock)


def test_built_in_templates_cover_the_caregiver_prompts() -> None:
    names = [t.name for t in BUILT_IN_TEMPLATES]
    assert names[:7] == [
        "Today's care log",
        "What went well, what drained me",
        "What I need help with",
        "Appointment notes",
        "Medication change",
        "A gratitude note",
        "Planning respite",
    ]
    assert "A hard day" in names
    ids = [t.id for t in BUILT_IN_TEMPLATES]
    assert len(set(ids)) == len(ids) and all(i.startswith("builtin:") for i in ids)
    for template in BUILT_IN_TEMPLATES:
        assert template.built_in and template.title and template.tags
        assert template.body.endswith("\n")
        assert "##" in template.body or "**" in template.body  # questions stand out
        # Short prompts for tired people: no wall of text.
        assert len(template.body) < 700, template.name
        assert all(len(line) <= 80 for line in template.body.splitlines()), template.name


def test_only_built_ins_at_first(templates: TemplateService) -> None:
    assert templates.list_templates() == list(BUILT_IN_TEMPLATES)


def test_add_list_update_delete(templates: TemplateService, clock: FixedClock) -> None:
    walk = templates.add_template(
        " Evening  walk ", " Walk ", "## Where we went\n", ["walks", "Walks", " outdoors "]
    )
    assert walk == Template(
        walk.id, "Evening walk", "Walk", "## Where we went\n", ("outdoors", "walks"), False
    )
    bath = templates.add_template("bath night", body="- water temperature\n")
    assert templates.list_templates() == [*BUILT_IN_TEMPLATES, bath, walk]  # by name
    assert templates.get_template(walk.id) == walk

    clock.advance(10)
    changed = templates.update_template(walk.id, name="Afternoon walk", tags=[])
    assert (changed.name, changed.title, changed.body, changed.tags) == (
        "Afternoon walk",
        "Walk",
        "## Where we went\n",
        (),
    )
    assert templates.list_templates()[-2:] == [changed, bath]

    templates.delete_template(changed.id)
    assert templates.list_templates() == [*BUILT_IN_TEMPLATES, bath]
    with pytest.raises(TemplateNotFound):
        templates.get_template(changed.id)
    with pytest.raises(TemplateNotFound):
        templates.delete_template(changed.id)
    with pytest.raises(TemplateNotFound):
        templates.update_template("nonsense", name="x")


def test_built_ins_are_read_only(templates: TemplateService) -> None:
    care_log = BUILT_IN_TEMPLATES[0]
    assert templates.get_template(care_log.id) == care_log
    with pytest.raises(TemplateReadOnly, match="“Today's care log” is a built-in template"):
        templates.update_template(care_log.id, body="mine now")
    with pytest.raises(TemplateReadOnly, match="make a copy"):
        templates.delete_template(care_log.id)
    with pytest.raises(TemplateNotFound):
        templates.delete_template("builtin:no-such-thing")
    assert templates.list_templates() == list(BUILT_IN_TEMPLATES)


def test_a_template_needs_a_name(templates: TemplateService) -> None:
    with pytest.raises(ValueError, match="needs a name"):
        templates.add_template("  ", "t", "b")
    mine = templates.add_template("mine")
    with pytest.raises(ValueError, match="needs a name"):
        templates.update_template(mine.id, name="")
    assert templates.get_template(mine.id).name == "mine"


def test_the_session_offers_templates(unlocked_vault: UnlockedVault, clock: FixedClock) -> None:
    session = VaultSession(unlocked_vault, clock)
    assert session.templates is session.templates  # cached, like the journal
    session.templates.add_template("kept")
    session.lock()
    assert "templates" not in session.__dict__ and "journal" not in session.__dict__
