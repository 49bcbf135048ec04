"""Where CRE Desk keeps its files, and the typed, versioned user settings.

Settings are declared once here (name, type, default) and stored as JSON under the per-user config
directory. Secrets never go here: they live only in the OS keyring.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import platformdirs

from cre_desk import APP_ID

log = logging.getLogger(__name__)

SETTINGS_VERSION = 1


@dataclass(frozen=True)
class AppPaths:
    """The per-user folders the app writes to; never next to the executable."""

    data_dir: Path
    config_dir: Path
    log_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "cre-desk.sqlite3"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "attachments"

    @property
    def temp_dir(self) -> Path:
        return self.data_dir / "tmp"

    @property
    def lock_file(self) -> Path:
        return self.data_dir / "cre-desk.lock"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "cre-desk.log"

    def ensure(self) -> None:
        for folder in (self.data_dir, self.config_dir, self.log_dir, self.backups_dir,
                       self.attachments_dir, self.temp_dir):
            folder.mkdir(parents=True, exist_ok=True)

    def ticket_temp_dir(self, ticket_id: int) -> Path:
        """Where a ticket's unpacked archives and transcoded logs live while it is open."""
        return self.temp_dir / f"ticket-{ticket_id}"

    def sweep_temp(self) -> int:
        """Delete everything left in the temporary folder (by a crash or a kill); call only while no other
        instance runs on this data folder. Returns how many entries were removed."""
        removed = 0
        if not self.temp_dir.is_dir():
            return 0
        for child in self.temp_dir.iterdir():
            try:
                if child.is_dir() and not child.is_symlink():
                    shutil.rmtree(child)
                else:
                    child.unlink()
                removed += 1
            except OSError:
                pass    # still in use (Windows) or vanished: the next start tries again
        return removed


def default_paths(base: Path | None = None) -> AppPaths:
    """Return the folders to use: ``base`` (or $CRE_DESK_HOME) for tests and portable use, else platformdirs."""
    home = base or (Path(os.environ["CRE_DESK_HOME"]) if os.environ.get("CRE_DESK_HOME") else None)
    if home is not None:
        return AppPaths(data_dir=home / "data", config_dir=home / "config", log_dir=home / "logs")
    return AppPaths(
        data_dir=Path(platformdirs.user_data_dir(APP_ID, appauthor=False)),
        config_dir=Path(platformdirs.user_config_dir(APP_ID, appauthor=False)),
        log_dir=Path(platformdirs.user_log_dir(APP_ID, appauthor=False)),
    )


@dataclass
class Settings:
    """User settings; every field has a type and a default so old files load into new versions."""

    version: int = SETTINGS_VERSION
    #: "" = the embedded SQLite file; otherwise a SQLAlchemy URL such as postgresql+psycopg://host/db.
    db_url: str = ""
    #: "" = follow the system locale; "en" or "ja" to force.
    language: str = ""
    #: The engineer's display name, used as assignee and actor in status history.
    user_name: str = ""
    team: str = ""
    #: "system", "light" or "dark".
    theme: str = "system"
    demo_offered: bool = False
    #: The first start asked for ``user_name`` (asked once; Settings changes it later).
    name_asked: bool = False
    saved_filters: dict[str, str] = field(default_factory=dict)
    #: Helpdesk and GitHub accounts (no tokens: those are in the OS keyring).
    accounts: list[dict] = field(default_factory=list)
    #: Replace API keys, tokens and e-mail addresses in text logs when they are attached.
    redact_logs: bool = True
    calendar: str = "jp"
    #: A company certificate authority file (PEM) for networks that inspect HTTPS; "" = the system's own.
    ca_bundle: str = ""
    #: Minutes between background helpdesk syncs while the app runs; 0 turns background sync off.
    sync_interval_minutes: int = 5

    @classmethod
    def load(cls, path: Path) -> Settings:
        """Load settings, ignoring unknown keys and falling back to defaults on a broken file."""
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as exc:
            log.warning("Settings file %s unreadable (%s); using defaults", path, exc)
            return cls()
        if not isinstance(raw, dict):
            return cls()
        known = {f.name: f for f in fields(cls)}
        values = {}
        defaults = cls()
        for key, value in raw.items():
            if key in known and isinstance(value, type(getattr(defaults, key))):
                values[key] = value
        values["version"] = SETTINGS_VERSION
        return cls(**values)

    def save(self, path: Path) -> None:
        """Write atomically so a crash mid-save never leaves a half-written file."""
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), indent=2, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
