"""Where CareCompanion keeps its files.

Every path is computed from one ``AppPaths`` value that is built once at start-up (from
``--data-dir``, ``CARECOMPANION_HOME`` or the platform's per-user data folder) and passed
down. Nothing here is resolved at import time, so tests and portable installs need no tricks.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

HOME_ENV = "CARECOMPANION_HOME"
APP_NAME = "CareCompanion"


@dataclass(frozen=True)
class AppPaths:
    """The data folder and the files inside it."""

    data_dir: Path

    @classmethod
    def resolve(
        cls, data_dir: str | os.PathLike[str] | None = None, env: Mapping[str, str] | None = None
    ) -> AppPaths:
        """Pick the data folder: an explicit option wins, then the environment, then the OS."""
        environ = os.environ if env is None else env
        if data_dir:
            return cls(Path(data_dir).expanduser().absolute())
        if environ.get(HOME_ENV):
            return cls(Path(environ[HOME_ENV]).expanduser().absolute())
        import platformdirs  # imported here: only needed when no folder was given

        return cls(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False)))

    @property
    def header_file(self) -> Path:
        return self.data_dir / "vault.header"

    @property
    def database_file(self) -> Path:
        return self.data_dir / "vault.db"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def settings_file(self) -> Path:
        return self.data_dir / "settings.ini"

    @property
    def log_file(self) -> Path:
        return self.data_dir / "carecompanion.log"

    def ensure(self) -> None:
        """Create the data folder, readable by its owner only."""
        self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.backups_dir.mkdir(exist_ok=True, mode=0o700)
        if os.name == "posix":
            self.data_dir.chmod(0o700)

    def vault_exists(self) -> bool:
        return self.header_file.exists()
