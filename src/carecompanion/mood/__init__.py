"""Mood and well-being tracking: check-ins, statistics, self-checks, the gentle nudge.

Qt-free; the UI reaches it through ``VaultSession.mood`` (``service.MoodService``) and
``VaultSession.assessments`` (``assessments.AssessmentService``). Everything returned is a
frozen dataclass, safe to hand to Qt models. Full notes: docs/mood.md, docs/instruments.md.

Check-in dialog::

    session.mood.activities.list()            # the person's self-care list, in their order
    defaults.DEFAULT_EMOTIONS                 # the emotions to offer (free text allowed too)
    session.mood.add(CheckInDraft(mood=4, stress=3, activities=("A walk",), note="..."))
    # InvalidCheckIn.problems -> [(field, message), ...] to mark the fields at fault
    session.mood.update(checkin_id, draft)    # correct a past check-in; .to_draft() to edit
    session.mood.link_entry(checkin_id, entry_id)

Charts (compute off the GUI thread; all pure functions over ``DayStat``)::

    days = session.mood.days(since, until)
    stats.points(days, "stress"); stats.moving_average(points, window=7)
    stats.bucket_means(points, stats.Period.MONTH); stats.sleep_vs_mood(days)
    stats.year_heatmap(days, 2026); stats.streaks([d.day for d in days], today)
    stats.summarize(days); lifts.activity_lifts(days)   # "what lifts your mood"

Nudge, self-checks, data in and out::

    session.mood.nudge() -> Nudge | None; session.mood.dismiss_nudge()
    session.mood.support.add(name, reach, "person" | "crisis")
    instruments.INSTRUMENTS[id]; session.assessments.save(id, answers); .trend(id)
    csv_export.write_csv(path, session.mood.list())
    daylio.read_daylio(path, now, tz, mood_map) -> .drafts
    session.mood.preview_import(drafts); session.mood.import_drafts(drafts)

Errors are ``errors.MoodError`` subclasses with a message fit to show (never to log).
"""
