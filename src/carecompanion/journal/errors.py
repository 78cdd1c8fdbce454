"""The journal's errors, each with the sentence it says (see :mod:`carecompanion.errors`).

The classes are also ``LookupError``, ``ValueError`` or ``PermissionError``, as callers have
long caught them; ``entries``, ``attachments`` and ``templates`` import them from here. An
import's errors are in :mod:`carecompanion.journal.exchange.errors`.
"""

from __future__ import annotations

from carecompanion.errors import CareCompanionError, Sentence


class JournalError(CareCompanionError):
    """Base: something about the journal the person can act on."""


class EntryNotFound(JournalError, LookupError):
    sentence = Sentence("journal.entry_not_found", "There is no journal entry with id {id}.")

    def __init__(self, entry_id: int) -> None:
        super().__init__(id=entry_id)


class AttachmentNotFound(JournalError, LookupError):
    sentence = Sentence("journal.attachment_not_found", "There is no attachment with id {id}.")

    def __init__(self, attachment_id: int) -> None:
        super().__init__(id=attachment_id)


class AttachmentTooLarge(JournalError, ValueError):
    """Over a limit; names the file and the limit in words a person understands."""


#: ``{size}`` and ``{limit}`` are sizes in words ("25.0 MB"), ``{name}`` the file's name.
ATTACHMENT_TOO_LARGE = Sentence(
    "journal.attachment_too_large", "{name} is {size}; an attachment can be at most {limit}."
)
ATTACHMENTS_TOO_LARGE = Sentence(
    "journal.attachments_too_large",
    "Adding {name} would take this entry's attachments over {limit} in total.",
)


class TemplateNotFound(JournalError, LookupError):
    sentence = Sentence("journal.template_not_found", "There is no template with id {id}.")

    def __init__(self, template_id: str) -> None:
        super().__init__(id=template_id)


class TemplateReadOnly(JournalError, PermissionError):
    sentence = Sentence(
        "journal.template_read_only",
        "“{name}” is a built-in template and cannot be changed or deleted; "
        "make a copy of it to adapt.",
    )

    def __init__(self, name: str) -> None:
        super().__init__(name=name)


class InvalidTemplate(JournalError, ValueError):
    sentence = Sentence("journal.template_needs_name", "A template needs a name.")
