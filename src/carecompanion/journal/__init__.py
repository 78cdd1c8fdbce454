"""The journal: entries, tags and (in later issues) templates, attachments and search."""
