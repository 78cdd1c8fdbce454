"""What can go wrong with a circle, each as one plain sentence a tired person can act on."""

from __future__ import annotations


class CircleError(Exception):
    """Base: the message is shown to the person as it is."""


class CircleFileError(CircleError):
    """A circle file that cannot be read: malformed, tampered, the wrong key, too large.
    Nothing in the vault changes when this is raised."""


class CircleNotFound(CircleError):
    """No circle with that file or id is registered in this vault."""


class NotAllowed(CircleError):
    """The person's role in the circle does not allow this (a reader sharing, a member
    changing the roster...)."""


class RecordNotFound(CircleError):
    """No record with that id in the circle."""
