"""People and peer groups: the contacts a caregiver leans on, support groups and their
meetings, and the "Need help now" crisis lines.

Qt-free; the UI reaches it through ``VaultSession.people`` (``contacts.PeopleService``, with
``.crisis``: ``crisis.CrisisService``) and ``VaultSession.groups`` (``groups.GroupService``).
Everything returned is a frozen dataclass, safe to hand to Qt models. Errors are
``errors.PeopleError`` subclasses with a message fit to show (never to log); the ``Invalid*``
ones carry ``problems`` naming each field at fault.

People page::

    session.people.list(); .search("jose"); .get(id); .photo(id) -> Photo | None
    session.people.add(ContactDraft(name=..., relation="peer", phones=(Phone("...", "mobile"),)))
    session.people.update(id, contact.to_draft()); .set_photo(id, data | None); .delete(id)
    session.people.due()                      # [DueContact], most overdue first
    session.people.log_contact(id, "call", "note")   # after a tel:/mailto: click, if confirmed
    session.people.log(id); .delete_log_entry(entry_id)
    records.RELATIONS / RELATION_LABELS / PROFESSIONAL_ROLES / PHONE_KINDS

vCard (run off the GUI thread; nothing is written until import_cards)::

    cards = vcard_read.read_vcard_file(path)  # VCardError names the file and line
    preview = session.people.preview_import(cards)  # .new, .duplicates, .warnings
    session.people.import_cards(cards)
    text = session.people.export_vcard("3.0" or "4.0", ids=None)  # write it with atomic.py

Groups and meetings::

    session.groups.add(GroupDraft(name=..., kind="video", location=link, member_ids=(...),
                                  schedule=Schedule.weekly(first, time(19), "Europe/London")))
    Schedule.monthly(weekday=1, week_of_month=2 or -1, on_or_after=day, start=..., tz=...)
    session.groups.cancel_meeting(id, day); .move_meeting(id, day, new_day, new_start)
    session.groups.upcoming(limit=5)          # home page, People page, tray reminders
    session.groups.occurrences(start, end)    # a calendar view
    session.groups.export_ics()               # bytes of an .ics file
    zones.system_zone_name(); zones.is_zone(name)

Need help now::

    session.people.help_panel()               # statement, emergency number, entries:
                                              # emergency contacts first, then crisis lines
    session.people.crisis.chosen_country()    # None: ask at first run, preselecting
    crisis_lines.suggested_country(QLocale().name()); session.people.crisis.countries()
    session.people.crisis.choose_country(code); .add/.update/.delete(...)
    session.people.support_contacts()         # for the mood nudge (name, reach, kind)

Sources of the built-in crisis lines: docs/crisis-lines.md.
"""
