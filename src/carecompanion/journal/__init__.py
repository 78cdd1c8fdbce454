"""The journal: entries, tags, templates, attachments and full-text search.

``models`` holds the tables, ``repository`` every query on them (ORM and the FTS5 index's
raw SQL), ``service`` the rules (``JournalService``, reached as ``VaultSession.journal``);
``entries`` the frozen values they hand out. ``exchange`` moves entries in and out.
"""
