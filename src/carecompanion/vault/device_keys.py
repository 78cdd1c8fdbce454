"""'Remember on this computer': a third wrap of the data key, whose key lives in the OS keyring.

Only the operating system's own credential stores are accepted. A plaintext store (such as
keyrings.alt's, which writes base64 to a file) or the "fail" backend of a machine with no
keyring disables the option with the reason shown; there is no fallback, because a health
journal whose key sits next to it in clear is not encrypted at all.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from typing import Any

from carecompanion.errors import Notice, Sentence
from carecompanion.vault.errors import KeyringUnavailable

SERVICE = "CareCompanion vault"
KEY_BYTES = 32

TRUSTED_BACKEND_MODULES = (
    "keyring.backends.macOS",
    "keyring.backends.Windows",
    "keyring.backends.SecretService",
    "keyring.backends.libsecret",
    "keyring.backends.kwallet",
)
# Why "Remember on this computer" cannot be used; ``{kind}`` is a Python type name.
UNREACHABLE = Sentence("keyring.unreachable", "The system keyring could not be reached ({kind}).")
NONE_AVAILABLE = Sentence("keyring.none", "No system keyring is available on this computer.")
NOT_RUNNING = Sentence(
    "keyring.not_running", "No system keyring (such as GNOME Keyring or KWallet) is running."
)
UNTRUSTED = Sentence(
    "keyring.untrusted",
    "The keyring in use ({kind}) is not your system's protected keyring, "
    "so CareCompanion will not store a key in it.",
)
REFUSED = Sentence(
    "keyring.refused", "The system keyring did not accept the key ({kind}). Is it unlocked?"
)


def _default_backend() -> Any:
    import keyring  # imported on demand: it costs start-up time and is rarely needed

    return keyring.get_keyring()


def _is_os_backend(backend: Any) -> bool:
    module = type(backend).__module__
    return any(module == m or module.startswith(m + ".") for m in TRUSTED_BACKEND_MODULES)


class DeviceKeyStore:
    """Stores one random key per vault in the OS keyring, if the keyring can be trusted."""

    def __init__(
        self,
        backend: Any | None = None,
        is_trusted: Callable[[Any], bool] = _is_os_backend,
    ) -> None:
        self._backend = backend
        self._is_trusted = is_trusted

    @property
    def backend(self) -> Any:
        if self._backend is None:
            self._backend = _default_backend()
        return self._backend

    def _backends(self) -> list[Any]:
        inner = getattr(self.backend, "backends", None)  # keyring's ChainerBackend
        return list(inner) if inner is not None else [self.backend]

    def unavailable_reason(self) -> Notice | None:
        """None when the option can be offered, else a sentence saying why it cannot."""
        try:
            backends = self._backends()
        except Exception as exc:  # keyring raises many kinds while probing the desktop
            return UNREACHABLE(kind=type(exc).__name__)
        if not backends:
            return NONE_AVAILABLE()
        for backend in backends:
            module = type(backend).__module__
            if module.startswith(("keyring.backends.fail", "keyring.backends.null")):
                return NOT_RUNNING()
            if not self._is_trusted(backend):
                return UNTRUSTED(kind=type(backend).__name__)
        return None

    def store(self, vault_id: str, key: bytes) -> None:
        self._require_trusted()
        try:
            self.backend.set_password(SERVICE, vault_id, base64.b64encode(key).decode("ascii"))
        except Exception as exc:  # a locked or vanished keyring: say so, never crash
            raise KeyringUnavailable(REFUSED, kind=type(exc).__name__) from exc

    def load(self, vault_id: str) -> bytes | None:
        if self.unavailable_reason() is not None:
            return None
        try:
            value = self.backend.get_password(SERVICE, vault_id)
        except Exception:  # a locked or vanished keyring simply means "ask for the passphrase"
            return None
        if not value:
            return None
        try:
            key = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            return None
        return key if len(key) == KEY_BYTES else None  # anything else is not a key we stored

    def delete(self, vault_id: str) -> None:
        if self.unavailable_reason() is not None:
            return
        try:
            self.backend.delete_password(SERVICE, vault_id)
        except Exception:  # already gone: nothing to forget
            return

    def _require_trusted(self) -> None:
        reason = self.unavailable_reason()
        if reason is not None:
            raise KeyringUnavailable(reason)
