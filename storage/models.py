"""Typed SQLAlchemy 2 models. Every table is keyed or indexed by `team_id` first: one workspace
can never read or write another's rows through any query in `storage/`."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from storage.types import BigId, UTCDateTime

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Source(enum.StrEnum):
    GOT_COMMAND = "got_command"
    GAVE_COMMAND = "gave_command"
    THANKS_MESSAGE = "thanks_message"
    THANKS_REACTION = "thanks_reaction"


class ClaimStatus(enum.StrEnum):
    """For `/gave @U` records, U's verdict. Other sources are U's own words and need none."""

    UNREVIEWED = "unreviewed"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class DigestStatus(enum.StrEnum):
    CLAIMED = "claimed"  # a process owns it and is sending
    SENT = "sent"
    EMPTY = "empty"  # nothing to suggest today: no message
    FAILED = "failed"  # permanent Slack error; not retried


class Workspace(Base):
    __tablename__ = "workspaces"

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    bot_user_id: Mapped[str | None] = mapped_column(String(32))
    installed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    uninstalled_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    tokens_revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


# Partial-index predicates (0004): the few people digest planning never suggests. SQLite uses a
# partial index only when the query repeats the index's WHERE term, so queries use these texts.
UNSUGGESTABLE_USER_SQL = "(is_bot OR deleted)"
OPTED_OUT_SQL = "(NOT suggestable)"


class SlackUser(Base):
    """What `users.info` told us, cached: bots, deleted users and IANA time zones."""

    __tablename__ = "slack_users"
    __table_args__ = (
        Index(
            "ix_slack_users_unsuggestable",
            "team_id",
            "user_id",
            sqlite_where=text(UNSUGGESTABLE_USER_SQL),
            postgresql_where=text(UNSUGGESTABLE_USER_SQL),
        ),
    )

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str | None] = mapped_column(String(255))
    real_name: Mapped[str | None] = mapped_column(String(255))
    tz: Mapped[str | None] = mapped_column(String(64))
    is_bot: Mapped[bool] = mapped_column(Boolean, default=False)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    dm_channel_id: Mapped[str | None] = mapped_column(String(32))
    refreshed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class HelpEdge(Base):
    """One act of help: `helper_id` helped `recipient_id`.

    `source_key` is the act's natural key within its source (message `C…:ts`, reaction
    `C…:ts`, slash-command trigger id), so a re-delivered event lands on the same row.
    Rows are retracted (`active = False`), never deleted, except on a privacy request.
    """

    __tablename__ = "help_edges"
    __table_args__ = (
        UniqueConstraint("team_id", "source", "source_key", "helper_id", "recipient_id"),
        # Covering (0003): digest planning reads these columns from the index alone.
        Index(
            "ix_help_edges_recipient",
            *("team_id", "recipient_id", "happened_at", "helper_id", "active", "reporter_id", "claim_status"),
        ),
        Index(
            "ix_help_edges_helper",
            *("team_id", "helper_id", "happened_at", "source", "recipient_id", "reporter_id", "active"),
        ),
        Index("ix_help_edges_reporter", "team_id", "reporter_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    team_id: Mapped[str] = mapped_column(String(32))
    helper_id: Mapped[str] = mapped_column(String(32))
    recipient_id: Mapped[str] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(String(24))
    source_key: Mapped[str] = mapped_column(String(128))
    reason: Mapped[str | None] = mapped_column(Text)
    happened_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    channel_id: Mapped[str | None] = mapped_column(String(32))
    message_ts: Mapped[str | None] = mapped_column(String(32))
    event_id: Mapped[str | None] = mapped_column(String(64))
    permalink: Mapped[str | None] = mapped_column(String(512))
    reporter_id: Mapped[str] = mapped_column(String(32))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    retracted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    claim_status: Mapped[str] = mapped_column(String(16), default=ClaimStatus.UNREVIEWED.value)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class ProcessedEvent(Base):
    """Events API ids already handled; Slack re-delivers and Bolt does not de-duplicate."""

    __tablename__ = "processed_events"

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)


class UserSettings(Base):
    """A person's choices, and their next digest instant: the database is the schedule."""

    __tablename__ = "user_settings"
    __table_args__ = (
        Index("ix_user_settings_due", "next_digest_at"),
        Index(
            "ix_user_settings_opted_out",
            "team_id",
            "user_id",
            sqlite_where=text(OPTED_OUT_SQL),
            postgresql_where=text(OPTED_OUT_SQL),
        ),
    )

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    digest_enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    digest_time: Mapped[str | None] = mapped_column(String(5))  # "HH:MM"; None → DIGEST_TIME
    digest_days: Mapped[str | None] = mapped_column(String(32))  # "mon-fri"; None → DIGEST_DAYS
    paused_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    tz_override: Mapped[str | None] = mapped_column(String(64))
    suggestable: Mapped[bool] = mapped_column(Boolean, default=True)  # "don't suggest me to others"
    capture_enabled: Mapped[bool] = mapped_column(Boolean, default=True)  # off after `forget`
    first_digest_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    next_digest_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # "zone|HH:MM|days" that next_digest_at was computed from; a mismatch means recompute (0002).
    schedule_key: Mapped[str | None] = mapped_column(String(160))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class SuggestionRule(Base):
    """U's wishes about P: muted for good, or snoozed until a date."""

    __tablename__ = "suggestion_rules"

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    other_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    muted: Mapped[bool] = mapped_column(Boolean, default=False)
    snoozed_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class GiveBack(Base):
    """U asked P "How can I support you?" (the *I asked them* button). Counts as giving back."""

    __tablename__ = "give_backs"
    __table_args__ = (Index("ix_give_backs_pair", "team_id", "user_id", "other_id", "at"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    team_id: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[str] = mapped_column(String(32))
    other_id: Mapped[str] = mapped_column(String(32))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Digest(Base):
    """One row per (team, user, local date): the claim that makes each digest happen once."""

    __tablename__ = "digests"
    __table_args__ = (
        UniqueConstraint("team_id", "user_id", "local_date"),
        Index("ix_digests_status", "status", "claimed_at"),
        Index("ix_digests_retry", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    team_id: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[str] = mapped_column(String(32))
    local_date: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16))
    claimed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    claimed_by: Mapped[str | None] = mapped_column(String(128))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    channel_id: Mapped[str | None] = mapped_column(String(32))
    message_ts: Mapped[str | None] = mapped_column(String(32))
    error: Mapped[str | None] = mapped_column(String(255))


class DigestItem(Base):
    """Who a digest suggested, and what the reader did about it."""

    __tablename__ = "digest_items"
    __table_args__ = (Index("ix_digest_items_pair", "team_id", "user_id", "other_id"),)

    digest_id: Mapped[int] = mapped_column(BigId, ForeignKey("digests.id", ondelete="CASCADE"), primary_key=True)
    other_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    team_id: Mapped[str] = mapped_column(String(32))
    user_id: Mapped[str] = mapped_column(String(32))
    position: Mapped[int] = mapped_column(Integer)
    unreturned: Mapped[int] = mapped_column(Integer)
    last_help_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    suggested_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    outcome: Mapped[str | None] = mapped_column(String(16))  # asked | snoozed | muted


class JobState(Base):
    """Small named cursors for background jobs (e.g. the last ledger id the digest job scanned)."""

    __tablename__ = "job_state"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
