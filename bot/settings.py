"""One `Settings` object, read from the environment or `.env`, passed down explicitly.

Only `bot.cli` builds it from the environment; tests build `Settings(...)` directly.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite:///giveback.db"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class SettingsError(Exception):
    """A setting is missing or malformed; the message names it in one line."""


def parse_days(value: str) -> frozenset[int]:
    """`mon-fri`, `mon,wed,fri`, `sat-sun`, `daily` → ISO weekday numbers (Mon=0 … Sun=6)."""
    text = value.strip().lower()
    if text in {"daily", "every day", "all"}:
        return frozenset(range(7))
    if text in {"weekdays", "workdays"}:
        return frozenset(range(5))
    days: set[int] = set()
    for part in filter(None, (p.strip() for p in re.split(r"[,\s]+", text))):
        start, _, end = part.partition("-")
        if start[:3] not in WEEKDAYS or (end and end[:3] not in WEEKDAYS):
            raise ValueError(f"unknown day {part!r}; use e.g. mon-fri or mon,wed,fri")
        first, last = WEEKDAYS.index(start[:3]), WEEKDAYS.index((end or start)[:3])
        span = range(first, last + 1) if first <= last else [*range(first, 7), *range(0, last + 1)]
        days.update(span)
    if not days:
        raise ValueError("no days given; use e.g. mon-fri")
    return frozenset(days)


def format_days(days: frozenset[int] | set[int]) -> str:
    """The inverse of `parse_days` for display: {0..4} → 'mon-fri', {0,2} → 'mon,wed'."""
    ordered = sorted(days)
    if len(ordered) == 7:
        return "daily"
    if ordered and ordered == list(range(ordered[0], ordered[-1] + 1)) and len(ordered) > 2:
        return f"{WEEKDAYS[ordered[0]]}-{WEEKDAYS[ordered[-1]]}"
    return ",".join(WEEKDAYS[d] for d in ordered)


def parse_clock(value: str) -> dt.time:
    """`09:00`, `9:30`, `8am`, `5:15pm` → a time of day."""
    text = value.strip().lower().replace(" ", "")
    match = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?(am|pm)?", text)
    if not match:
        raise ValueError(f"{value!r} is not a time; use HH:MM like 09:00")
    hour, minute, half = int(match[1]), int(match[2] or 0), match[3]
    if half:
        if not 1 <= hour <= 12:
            raise ValueError(f"{value!r} is not a time; use HH:MM like 09:00")
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        raise ValueError(f"{value!r} is not a time; use HH:MM like 09:00")
    return dt.time(hour, minute)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", case_sensitive=False, frozen=True
    )

    slack_bot_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_api_url: str = "https://slack.com/api/"
    database_url: str = DEFAULT_DATABASE_URL
    host: str = "0.0.0.0"
    port: int = Field(default=3000, ge=0, le=65535)
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"
    log_format: Literal["json", "console"] = "console"
    digest_time: dt.time = dt.time(9, 0)
    digest_days: Annotated[frozenset[int], NoDecode] = frozenset(range(5))
    default_timezone: str = "UTC"
    ack_emoji: str = "handshake"
    thanks_reactions: Annotated[tuple[str, ...], NoDecode] = ("pray", "raised_hands", "bow")
    scheduler_enabled: bool = True
    # Domain windows and limits (design: "All windows and limits are settings").
    lookback_days: int = Field(default=14, ge=1, le=365)
    max_suggestions: int = Field(default=3, ge=1, le=10)
    repeat_after_days: int = Field(default=7, ge=0, le=90)
    snooze_days: int = Field(default=14, ge=1, le=365)
    reason_max_chars: int = Field(default=300, ge=10, le=3000)
    uninstall_grace_days: int = Field(default=30, ge=0, le=3650)
    # Server threads for HTTP mode (waitress); Slack needs an answer within 3 s.
    http_threads: int = Field(default=8, ge=1, le=128)

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_level(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @field_validator("log_format", mode="before")
    @classmethod
    def _lower_format(cls, value: object) -> object:
        return value.lower() if isinstance(value, str) else value

    @field_validator("digest_time", mode="before")
    @classmethod
    def _parse_time(cls, value: object) -> object:
        return parse_clock(value) if isinstance(value, str) else value

    @field_validator("digest_days", mode="before")
    @classmethod
    def _parse_days(cls, value: object) -> object:
        return parse_days(value) if isinstance(value, str) else value

    @field_validator("thanks_reactions", mode="before")
    @classmethod
    def _parse_reactions(cls, value: object) -> object:
        if isinstance(value, str):
            names = tuple(n.strip().strip(":") for n in value.split(",") if n.strip())
            for name in names:
                if not re.fullmatch(r"[a-z0-9_+'\-]+(::skin-tone-\d)?", name):
                    raise ValueError(f"{name!r} is not an emoji name like pray")
            return names
        return value

    @field_validator("ack_emoji", mode="before")
    @classmethod
    def _parse_ack(cls, value: object) -> object:
        if isinstance(value, str):
            name = value.strip().strip(":")
            if name and not re.fullmatch(r"[a-z0-9_+'\-]+", name):
                raise ValueError(f"{name!r} is not an emoji name like handshake")
            return name
        return value

    @field_validator("default_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{value!r} is not an IANA time zone like Europe/Berlin") from None
        return value

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, value: str) -> str:
        if not value.startswith(("sqlite", "postgresql")):
            raise ValueError("use sqlite:///path.db or postgresql+psycopg://user@host/db")
        return value

    @field_validator("slack_api_url")
    @classmethod
    def _api_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must be an http(s) URL like https://slack.com/api/")
        return value if value.endswith("/") else value + "/"

    @property
    def has_any_slack_credential(self) -> bool:
        """False only on a machine never configured for Slack: the offline demo's cue."""
        return any(v is not None for v in (self.slack_bot_token, self.slack_signing_secret, self.slack_app_token))

    @property
    def socket_mode(self) -> bool:
        return self.slack_app_token is not None

    def sqlite_path(self) -> Path | None:
        prefix = "sqlite:///"
        if self.database_url.startswith(prefix) and ":memory:" not in self.database_url:
            return Path(self.database_url[len(prefix) :])
        return None


def load_settings(**overrides: object) -> Settings:
    """Read the environment (and `.env`); turn validation errors into one line naming the setting."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as err:
        first = err.errors()[0]
        name = str(first["loc"][0]).upper() if first["loc"] else "settings"
        message = str(first["msg"]).removeprefix("Value error, ")
        raise SettingsError(f"invalid setting {name}: {message}") from None
