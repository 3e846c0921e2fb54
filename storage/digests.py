"""The digest schedule, claims and what was sent. `session` first; they never commit.

The database is the schedule: `user_settings.next_digest_at` (UTC) says when each person is due,
and a row in `digests`, unique on (team, user, local date), is the claim that makes each digest
happen at most once however many processes tick at the same moment.

Whom each digest names is planned in `storage/planning.py`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import (
    String,
    and_,
    cast,
    delete,
    func,
    literal,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from storage.dialect import insert, is_postgres
from storage.help import counts_as_evidence
from storage.models import (
    Digest,
    DigestItem,
    DigestStatus,
    HelpEdge,
    JobState,
    SlackUser,
    UserSettings,
    Workspace,
)

NEW_RECIPIENTS_CURSOR = "digest.new_recipients"
# PostgreSQL can commit ids out of order; rescanning this many recent ids catches late commits.
CURSOR_OVERLAP = 10_000


# ---------------------------------------------------------------------------------------------
# Schedule


@dataclass(frozen=True, slots=True)
class Defaults:
    """Workspace-wide defaults, as stored strings ("HH:MM", "mon-fri", IANA zone)."""

    tz: str
    time: str
    days: str


@dataclass(frozen=True, slots=True)
class ScheduleRow:
    """What the schedule arithmetic needs about one person (effective values, defaults applied)."""

    team_id: str
    user_id: str
    tz: str
    time: str
    days: str
    paused_until: dt.datetime | None
    digest_enabled: bool
    next_digest_at: dt.datetime | None
    is_bot: bool = False
    deleted: bool = False
    workspace_active: bool = True

    @property
    def key(self) -> str:
        return schedule_key(self.tz, self.time, self.days)


def schedule_key(tz: str, time: str, days: str) -> str:
    return f"{tz}|{time}|{days}"


def _effective(defaults: Defaults):  # type: ignore[no-untyped-def]
    tz = func.coalesce(UserSettings.tz_override, SlackUser.tz, literal(defaults.tz, String))
    time = func.coalesce(UserSettings.digest_time, literal(defaults.time, String))
    days = func.coalesce(UserSettings.digest_days, literal(defaults.days, String))
    key = cast(tz, String) + "|" + cast(time, String) + "|" + cast(days, String)
    return tz, time, days, key


def _schedule_select(defaults: Defaults):  # type: ignore[no-untyped-def]
    tz, time, days, _ = _effective(defaults)
    inactive = or_(Workspace.uninstalled_at.is_not(None), Workspace.tokens_revoked_at.is_not(None))
    return (
        select(
            UserSettings.team_id,
            UserSettings.user_id,
            tz.label("tz"),
            time.label("time"),
            days.label("days"),
            UserSettings.paused_until,
            UserSettings.digest_enabled,
            UserSettings.next_digest_at,
            func.coalesce(SlackUser.is_bot, False).label("is_bot"),
            func.coalesce(SlackUser.deleted, False).label("deleted"),
            func.coalesce(inactive, False).label("workspace_inactive"),
        )
        .select_from(UserSettings)
        .outerjoin(
            SlackUser,
            and_(SlackUser.team_id == UserSettings.team_id, SlackUser.user_id == UserSettings.user_id),
        )
        .outerjoin(Workspace, Workspace.team_id == UserSettings.team_id)
    )


def _schedule_row(row) -> ScheduleRow:  # type: ignore[no-untyped-def]
    return ScheduleRow(
        team_id=row.team_id,
        user_id=row.user_id,
        tz=row.tz,
        time=row.time,
        days=row.days,
        paused_until=row.paused_until,
        digest_enabled=bool(row.digest_enabled),
        next_digest_at=row.next_digest_at,
        is_bot=bool(row.is_bot),
        deleted=bool(row.deleted),
        workspace_active=not bool(row.workspace_inactive),
    )


def schedule_new_recipients(session: Session, now: dt.datetime) -> int:
    """Give a settings row to everyone with evidence of help received and none yet.

    Scans only ledger rows newer than a cursor (by primary key), so capture code never has to
    know about the schedule and a pass never rescans the ledger. Returns rows inserted.
    """
    state = session.get(JobState, NEW_RECIPIENTS_CURSOR)
    start = max(0, (state.value if state else 0) - CURSOR_OVERLAP)
    top = session.scalar(select(func.max(HelpEdge.id)))
    if top is None or top <= start:
        return 0
    found = (
        select(HelpEdge.team_id, HelpEdge.recipient_id)
        .where(
            HelpEdge.id > start,
            HelpEdge.id <= top,
            HelpEdge.active.is_(True),
            counts_as_evidence(HelpEdge),
        )
        .distinct()
        .subquery("found")
    )
    existing = select(UserSettings.user_id).where(
        UserSettings.team_id == found.c.team_id, UserSettings.user_id == found.c.recipient_id
    )
    new = select(
        found.c.team_id,
        found.c.recipient_id,
        literal(True),
        literal(True),
        literal(True),
        literal(now, UserSettings.updated_at.type),
    ).where(~existing.exists())
    statement = (
        insert(session, UserSettings)
        .from_select(["team_id", "user_id", "digest_enabled", "suggestable", "capture_enabled", "updated_at"], new)
        .on_conflict_do_nothing()
        .returning(UserSettings.user_id)
    )
    inserted = len(session.execute(statement).all())
    cursor = insert(session, JobState).values(name=NEW_RECIPIENTS_CURSOR, value=top, updated_at=now)
    session.execute(
        cursor.on_conflict_do_update(
            index_elements=["name"],
            set_={"value": _greatest(session, JobState.value, cursor.excluded.value), "updated_at": now},
        )
    )
    return inserted


def _greatest(session: Session, a, b):  # type: ignore[no-untyped-def]
    return func.greatest(a, b) if is_postgres(session) else func.max(a, b)


def forget_empty_digests(session: Session, before: dt.datetime) -> int:
    """Empty digests only matter for the day they were claimed; sent ones are kept (history)."""
    return session.execute(
        delete(Digest)
        .where(Digest.status == DigestStatus.EMPTY.value, Digest.claimed_at < before)
        .execution_options(synchronize_session=False)
    ).rowcount


def _locked_schedule_rows(session: Session, statement) -> list[ScheduleRow]:  # type: ignore[no-untyped-def]
    """Run a schedule query; on PostgreSQL lock its rows, skipping those another process holds:
    whoever holds a person's settings row is the one process that may write their schedule."""
    if is_postgres(session):
        statement = statement.with_for_update(skip_locked=True, of=UserSettings)
    return [_schedule_row(row) for row in session.execute(statement)]


def stale_schedules(session: Session, defaults: Defaults, limit: int) -> list[ScheduleRow]:
    """People whose `next_digest_at` is missing or was computed from another zone/time/days
    (Slack told us a new zone, a setting changed, or the workspace defaults changed).

    On PostgreSQL the rows are locked with SKIP LOCKED, as `due_users` locks them: a row another
    process is claiming is left to it (its claim stores the next instant), and a row it changed
    meanwhile is re-checked against its committed values. Read without the lock, the old values
    would be written back after the claim, making the person due again the same day.
    """
    _, _, _, key = _effective(defaults)
    statement = (
        _schedule_select(defaults)
        .where(
            UserSettings.digest_enabled.is_(True),
            or_(
                UserSettings.next_digest_at.is_(None),
                UserSettings.schedule_key.is_(None),
                UserSettings.schedule_key != key,
            ),
        )
        .limit(limit)
    )
    return _locked_schedule_rows(session, statement)


def set_next(session: Session, changes: Sequence[tuple[ScheduleRow, dt.datetime | None]]) -> None:
    """Store each person's next instant and what it was computed from (one executemany)."""
    if not changes:
        return
    session.execute(
        update(UserSettings),
        [
            {
                "team_id": row.team_id,
                "user_id": row.user_id,
                "next_digest_at": when,
                "schedule_key": row.key,
            }
            for row, when in changes
        ],
    )


def due_users(session: Session, now: dt.datetime, defaults: Defaults, limit: int) -> list[ScheduleRow]:
    """People whose next digest instant has come, oldest first.

    On PostgreSQL the rows are locked with SKIP LOCKED, so concurrent replicas take disjoint
    batches; on SQLite the writer lock (BEGIN IMMEDIATE) already serialises passes.
    """
    statement = (
        _schedule_select(defaults)
        .where(UserSettings.next_digest_at <= now)
        .order_by(UserSettings.next_digest_at)
        .limit(limit)
    )
    return _locked_schedule_rows(session, statement)


# ---------------------------------------------------------------------------------------------
# Claims


@dataclass(frozen=True, slots=True)
class Claim:
    """One digest this process owns and must deliver (or record as empty / failed)."""

    id: int
    team_id: str
    user_id: str
    local_date: dt.date
    claimed_at: dt.datetime
    attempts: int = 0
    recovering: bool = False  # a previous owner may already have sent it: look before sending


def claim(
    session: Session,
    wanted: Sequence[tuple[str, str, dt.date]],
    now: dt.datetime,
    owner: str,
    lease_until: dt.datetime,
) -> list[Claim]:
    """Insert claims for (team, user, local date); only the ones this call inserted come back.

    `INSERT … ON CONFLICT DO NOTHING RETURNING`: a second process (or a second pass) claiming the
    same person on the same local date inserts nothing and gets nothing back.
    """
    if not wanted:
        return []
    values = [
        {
            "team_id": team,
            "user_id": user,
            "local_date": day,
            "status": DigestStatus.CLAIMED.value,
            "claimed_at": now,
            "claimed_by": owner,
            "attempts": 0,
            "next_attempt_at": lease_until,
        }
        for team, user, day in wanted
    ]
    statement = (
        insert(session, Digest)
        .values(values)
        .on_conflict_do_nothing(index_elements=["team_id", "user_id", "local_date"])
        .returning(Digest.id, Digest.team_id, Digest.user_id, Digest.local_date, Digest.claimed_at)
    )
    rows = session.execute(statement).all()
    return [Claim(r.id, r.team_id, r.user_id, r.local_date, r.claimed_at) for r in rows]


def take_over(session: Session, now: dt.datetime, owner: str, lease_until: dt.datetime, limit: int) -> list[Claim]:
    """Claims whose lease ran out (a process died, or a retry is due), now owned by `owner`.

    The conditional UPDATE (`next_attempt_at <= now`) is the ownership test: of two processes
    taking over the same row, only one matches it.
    """
    candidates = (
        select(Digest.id)
        .where(Digest.status == DigestStatus.CLAIMED.value, Digest.next_attempt_at <= now)
        .order_by(Digest.next_attempt_at)
        .limit(limit)
    )
    if is_postgres(session):
        candidates = candidates.with_for_update(skip_locked=True)
    ids = list(session.scalars(candidates))
    if not ids:
        return []
    statement = (
        update(Digest)
        .where(
            Digest.id.in_(ids),
            Digest.status == DigestStatus.CLAIMED.value,
            Digest.next_attempt_at <= now,
        )
        .values(claimed_by=owner, next_attempt_at=lease_until)
        .returning(Digest.id, Digest.team_id, Digest.user_id, Digest.local_date, Digest.claimed_at, Digest.attempts)
        .execution_options(synchronize_session=False)
    )
    rows = session.execute(statement).all()
    return [Claim(r.id, r.team_id, r.user_id, r.local_date, r.claimed_at, r.attempts, recovering=True) for r in rows]


def renew(session: Session, ids: Iterable[int], owner: str, lease_until: dt.datetime) -> set[int]:
    """Extend this owner's lease on its claims; returns the ids it still owns."""
    id_list = list(ids)
    if not id_list:
        return set()
    statement = (
        update(Digest)
        .where(
            Digest.id.in_(id_list),
            Digest.claimed_by == owner,
            Digest.status == DigestStatus.CLAIMED.value,
        )
        .values(next_attempt_at=lease_until)
        .returning(Digest.id)
        .execution_options(synchronize_session=False)
    )
    return set(session.scalars(statement))


def _finish(session: Session, digest_id: int, owner: str, **values: object) -> bool:
    statement = (
        update(Digest)
        .where(
            Digest.id == digest_id,
            Digest.claimed_by == owner,
            Digest.status == DigestStatus.CLAIMED.value,
        )
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return session.execute(statement).rowcount == 1


class SentItem(NamedTuple):
    """One person a sent digest named, at its position (a named tuple: planning builds one per
    suggestion)."""

    other_id: str
    position: int
    unreturned: int
    last_help_at: dt.datetime


def mark_sent(
    session: Session,
    claim_: Claim,
    owner: str,
    now: dt.datetime,
    channel_id: str,
    message_ts: str,
    items: Sequence[SentItem],
) -> bool:
    """Record delivery, who was suggested, and the person's first digest."""
    _lock_settings_row(session, claim_.team_id, claim_.user_id)
    done = _finish(
        session,
        claim_.id,
        owner,
        status=DigestStatus.SENT.value,
        sent_at=now,
        channel_id=channel_id,
        message_ts=message_ts,
        next_attempt_at=None,
        error=None,
    )
    if not done:
        return False
    if items:
        session.execute(
            insert(session, DigestItem)
            .values(
                [
                    {
                        "digest_id": claim_.id,
                        "other_id": item.other_id,
                        "team_id": claim_.team_id,
                        "user_id": claim_.user_id,
                        "position": item.position,
                        "unreturned": item.unreturned,
                        "last_help_at": item.last_help_at,
                        "suggested_at": now,
                    }
                    for item in items
                ]
            )
            .on_conflict_do_nothing()
        )
    session.execute(
        update(UserSettings)
        .where(
            UserSettings.team_id == claim_.team_id,
            UserSettings.user_id == claim_.user_id,
            UserSettings.first_digest_at.is_(None),
        )
        .values(first_digest_at=now)
        .execution_options(synchronize_session=False)
    )
    return True


def _lock_settings_row(session: Session, team_id: str, user_id: str) -> None:
    """Lock the person's settings row before their digest row, the order a claim takes them in
    (`due_users`, then `claim`). In the other order, recording a digest while another process
    claims the same person waits on that claim, and the claim's insert waits on the digest being
    recorded: a deadlock. SQLite runs one writer at a time and needs no row locks."""
    if is_postgres(session):
        session.execute(
            select(UserSettings.user_id)
            .where(UserSettings.team_id == team_id, UserSettings.user_id == user_id)
            .with_for_update(key_share=True)  # FOR NO KEY UPDATE: the lock the first_digest_at UPDATE takes
        )


def mark_empty(session: Session, claim_ids: Iterable[int], owner: str) -> int:
    ids = list(claim_ids)
    if not ids:
        return 0
    return session.execute(
        update(Digest)
        .where(Digest.id.in_(ids), Digest.claimed_by == owner, Digest.status == DigestStatus.CLAIMED.value)
        .values(status=DigestStatus.EMPTY.value, next_attempt_at=None)
        .execution_options(synchronize_session=False)
    ).rowcount


def mark_failed(session: Session, claim_id: int, owner: str, error: str, attempts: int) -> bool:
    return _finish(
        session,
        claim_id,
        owner,
        status=DigestStatus.FAILED.value,
        error=error[:255],
        attempts=attempts,
        next_attempt_at=None,
    )


def mark_retry(session: Session, claim_id: int, owner: str, error: str, attempts: int, at: dt.datetime) -> bool:
    """Leave the claim for a later pass (any process) at `at`; the lease simply ends then."""
    return _finish(session, claim_id, owner, error=error[:255], attempts=attempts, next_attempt_at=at)


def get_digest(session: Session, digest_id: int) -> Digest | None:
    return session.get(Digest, digest_id)


def set_item_outcome(session: Session, digest_id: int, other_id: str, outcome: str | None) -> bool:
    return (
        session.execute(
            update(DigestItem)
            .where(DigestItem.digest_id == digest_id, DigestItem.other_id == other_id)
            .values(outcome=outcome)
            .execution_options(synchronize_session=False)
        ).rowcount
        == 1
    )


def item_outcome(session: Session, digest_id: int, other_id: str) -> str | None:
    return session.scalar(
        select(DigestItem.outcome).where(DigestItem.digest_id == digest_id, DigestItem.other_id == other_id)
    )


def digest_items(session: Session, digest_id: int) -> list[DigestItem]:
    return list(
        session.scalars(select(DigestItem).where(DigestItem.digest_id == digest_id).order_by(DigestItem.position))
    )


def save_dm_channel(session: Session, team_id: str, user_id: str, channel_id: str | None) -> None:
    """Cache the DM channel id (conversations.open is called once per person)."""
    statement = insert(session, SlackUser).values(
        team_id=team_id, user_id=user_id, dm_channel_id=channel_id, is_bot=False, deleted=False
    )
    session.execute(
        statement.on_conflict_do_update(index_elements=["team_id", "user_id"], set_={"dm_channel_id": channel_id})
    )
