"""The journal's views: timeline, calendar, search, editor, templates and import/export."""
