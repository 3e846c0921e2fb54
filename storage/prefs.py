"""Per-person digest settings and wishes about others. `session` first; they never commit.

Changing anything that moves a person's digest (time, days, zone, pause) clears
`user_settings.schedule_key`; the next digest pass recomputes `next_digest_at` for such rows in
one set-based step, so no caller needs to know the schedule arithmetic.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from storage.dialect import insert
from storage.models import GiveBack, SuggestionRule, UserSettings


@dataclass(frozen=True, slots=True)
class Prefs:
    """A person's digest settings as plain values (None = the workspace default)."""

    team_id: str
    user_id: str
    digest_enabled: bool = True
    digest_time: str | None = None
    digest_days: str | None = None
    paused_until: dt.datetime | None = None
    tz_override: str | None = None
    suggestable: bool = True
    first_digest_at: dt.datetime | None = None
    next_digest_at: dt.datetime | None = None


def ensure_user(session: Session, team_id: str, user_id: str, now: dt.datetime) -> None:
    """A settings row with defaults; the next digest pass schedules it (next_digest_at NULL)."""
    session.execute(
        insert(session, UserSettings)
        .values(team_id=team_id, user_id=user_id, updated_at=now, **_DEFAULTS)
        .on_conflict_do_nothing()
    )


_DEFAULTS = {"digest_enabled": True, "suggestable": True, "capture_enabled": True}


def get_prefs(session: Session, team_id: str, user_id: str) -> Prefs:
    row = session.get(UserSettings, (team_id, user_id))
    if row is None:
        return Prefs(team_id, user_id)
    return Prefs(
        team_id=team_id,
        user_id=user_id,
        digest_enabled=row.digest_enabled,
        digest_time=row.digest_time,
        digest_days=row.digest_days,
        paused_until=row.paused_until,
        tz_override=row.tz_override,
        suggestable=row.suggestable,
        first_digest_at=row.first_digest_at,
        next_digest_at=row.next_digest_at,
    )


def _update(session: Session, team_id: str, user_id: str, now: dt.datetime, **values: object) -> None:
    ensure_user(session, team_id, user_id, now)
    session.execute(
        update(UserSettings)
        .where(UserSettings.team_id == team_id, UserSettings.user_id == user_id)
        .values(updated_at=now, **values)
        .execution_options(synchronize_session=False)
    )


def set_schedule(
    session: Session,
    team_id: str,
    user_id: str,
    now: dt.datetime,
    *,
    digest_time: str | None = None,
    digest_days: str | None = None,
    tz_override: str | None = None,
) -> None:
    """Digest time ("HH:MM"), days ("mon-fri") and zone; None means the workspace default."""
    _update(
        session,
        team_id,
        user_id,
        now,
        digest_time=digest_time,
        digest_days=digest_days,
        tz_override=tz_override,
        schedule_key=None,
    )


def set_paused(session: Session, team_id: str, user_id: str, now: dt.datetime, *, paused: bool) -> None:
    """*Pause digests* stops them until resumed; resuming schedules the next one."""
    values: dict[str, object] = {"digest_enabled": not paused, "schedule_key": None}
    if paused:
        values["next_digest_at"] = None
    _update(session, team_id, user_id, now, **values)


def pause_until(session: Session, team_id: str, user_id: str, now: dt.datetime, until: dt.datetime | None) -> None:
    """A vacation pause: no digest before `until` (None lifts it)."""
    _update(session, team_id, user_id, now, paused_until=until, schedule_key=None)


def set_suggestable(session: Session, team_id: str, user_id: str, now: dt.datetime, *, suggestable: bool) -> None:
    """ "Don't suggest me to others": the person never appears in anyone's digest."""
    _update(session, team_id, user_id, now, suggestable=suggestable)


def _rule(session: Session, team_id: str, user_id: str, other_id: str, now: dt.datetime, **values: object) -> None:
    statement = insert(session, SuggestionRule).values(
        team_id=team_id,
        user_id=user_id,
        other_id=other_id,
        updated_at=now,
        **{"muted": False, "snoozed_until": None, **values},
    )
    session.execute(
        statement.on_conflict_do_update(
            index_elements=["team_id", "user_id", "other_id"], set_={"updated_at": now, **values}
        )
    )


def set_muted(session: Session, team_id: str, user_id: str, other_id: str, now: dt.datetime, *, muted: bool) -> None:
    """*Don't suggest them again* (and its undo)."""
    _rule(session, team_id, user_id, other_id, now, muted=muted)


def snooze(
    session: Session, team_id: str, user_id: str, other_id: str, now: dt.datetime, until: dt.datetime | None
) -> None:
    """*Snooze 2 weeks* (until=None lifts it)."""
    _rule(session, team_id, user_id, other_id, now, snoozed_until=until)


def rules_for(session: Session, team_id: str, user_id: str) -> dict[str, SuggestionRule]:
    rows = session.scalars(
        select(SuggestionRule).where(SuggestionRule.team_id == team_id, SuggestionRule.user_id == user_id)
    )
    return {row.other_id: row for row in rows}


def record_ask(session: Session, team_id: str, user_id: str, other_id: str, now: dt.datetime) -> int:
    """*I asked them*: counts as giving back to `other_id` as of `now`."""
    row = GiveBack(team_id=team_id, user_id=user_id, other_id=other_id, at=now, active=True)
    session.add(row)
    session.flush()
    return row.id


def undo_ask(session: Session, team_id: str, user_id: str, other_id: str) -> int:
    """Retract the latest *I asked them* for this pair (what an Undo on the digest reverts)."""
    latest = session.scalar(
        select(func.max(GiveBack.id)).where(
            GiveBack.team_id == team_id,
            GiveBack.user_id == user_id,
            GiveBack.other_id == other_id,
            GiveBack.active.is_(True),
        )
    )
    if latest is None:
        return 0
    return session.execute(
        update(GiveBack).where(GiveBack.id == latest).values(active=False).execution_options(synchronize_session=False)
    ).rowcount
