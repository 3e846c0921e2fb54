"""Export, forget and workspace purge. `session` first; nothing here commits.

Deletion is driven by the schema, not by a hand-kept list: every table with a `team_id` column
is purged for an uninstalled workspace, and every person-valued column (helper, recipient,
reporter, user, other) is cleared of a person who asks to be forgotten. A table added later is
covered without touching this module (tests check every table).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Table, delete, or_, select, update
from sqlalchemy.orm import Session

from storage.dialect import insert
from storage.models import (
    Base,
    Digest,
    DigestItem,
    GiveBack,
    HelpEdge,
    SuggestionRule,
    UserSettings,
    Workspace,
)
from storage.users import ensure_workspace

# Columns that name a person. Workspace.bot_user_id names the bot, not a person.
PERSON_COLUMNS = ("helper_id", "recipient_id", "reporter_id", "user_id", "other_id")


def _tables_children_first() -> list[Table]:
    return list(reversed(Base.metadata.sorted_tables))


# ---------------------------------------------------------------------------------------------
# Export: rows streamed in id order, a batch at a time, so a huge history never sits in memory.


def _as_dict(row: Any, columns: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in columns:
        value = getattr(row, name)
        out[name] = value.isoformat() if isinstance(value, dt.datetime | dt.date) else value
    return out


EDGE_COLUMNS = [c.name for c in HelpEdge.__table__.columns if c.name != "team_id"]


def iter_help_records(session: Session, team_id: str, user_id: str, batch: int = 500) -> Iterator[dict[str, Any]]:
    """Every act where U is helper, recipient or reporter, active or retracted (keyset paging)."""
    last = 0
    while True:
        rows = session.scalars(
            select(HelpEdge)
            .where(
                HelpEdge.team_id == team_id,
                HelpEdge.id > last,
                or_(HelpEdge.helper_id == user_id, HelpEdge.recipient_id == user_id, HelpEdge.reporter_id == user_id),
            )
            .order_by(HelpEdge.id)
            .limit(batch)
        ).all()
        if not rows:
            return
        for row in rows:
            yield _as_dict(row, EDGE_COLUMNS)
        last = rows[-1].id
        session.expunge_all()  # keep the identity map from growing with the history


def settings_of(session: Session, team_id: str, user_id: str) -> dict[str, Any] | None:
    row = session.get(UserSettings, (team_id, user_id))
    if row is None:
        return None
    return _as_dict(row, [c.name for c in UserSettings.__table__.columns if c.name not in ("team_id", "user_id")])


def rules_of(session: Session, team_id: str, user_id: str) -> list[dict[str, Any]]:
    """U's own wishes about others (mute, snooze). Others' wishes about U are theirs, not U's."""
    rows = session.scalars(
        select(SuggestionRule)
        .where(SuggestionRule.team_id == team_id, SuggestionRule.user_id == user_id)
        .order_by(SuggestionRule.other_id)
    )
    return [_as_dict(r, ["other_id", "muted", "snoozed_until", "updated_at"]) for r in rows]


def give_backs_of(session: Session, team_id: str, user_id: str) -> list[dict[str, Any]]:
    rows = session.scalars(
        select(GiveBack).where(GiveBack.team_id == team_id, GiveBack.user_id == user_id).order_by(GiveBack.id)
    )
    return [_as_dict(r, ["id", "other_id", "at", "active"]) for r in rows]


def iter_digests(session: Session, team_id: str, user_id: str, batch: int = 200) -> Iterator[dict[str, Any]]:
    """U's digest history, each with whom it suggested and what U did about it."""
    columns = ["id", "local_date", "status", "sent_at", "attempts", "error"]
    last = 0
    while True:
        rows = session.scalars(
            select(Digest)
            .where(Digest.team_id == team_id, Digest.user_id == user_id, Digest.id > last)
            .order_by(Digest.id)
            .limit(batch)
        ).all()
        if not rows:
            return
        items: dict[int, list[dict[str, Any]]] = {}
        for item in session.scalars(
            select(DigestItem)
            .where(DigestItem.digest_id.in_([r.id for r in rows]))
            .order_by(DigestItem.digest_id, DigestItem.position)
        ):
            items.setdefault(item.digest_id, []).append(
                _as_dict(item, ["other_id", "position", "unreturned", "last_help_at", "outcome"])
            )
        for row in rows:
            yield {**_as_dict(row, columns), "suggested": items.get(row.id, [])}
        last = rows[-1].id
        session.expunge_all()


# ---------------------------------------------------------------------------------------------
# Forget


def forget_user(session: Session, team_id: str, user_id: str, now: dt.datetime) -> dict[str, int]:
    """Delete every row about U in this workspace, in both directions; returns counts per table.

    One row survives, on purpose: U's settings with capture, digests and suggestions off, so that
    nothing new is recorded about U (and nobody is nudged about U) until U opts in again.
    """
    counts: dict[str, int] = {}
    previous = session.get(UserSettings, (team_id, user_id))
    already_forgotten = previous is not None and not previous.capture_enabled
    for table in _tables_children_first():
        if "team_id" not in table.c:
            continue
        people = [table.c[name] == user_id for name in PERSON_COLUMNS if name in table.c]
        if not people:
            continue
        statement = delete(table).where(table.c.team_id == team_id, or_(*people))
        deleted = int(session.execute(statement).rowcount or 0)
        if table.name == UserSettings.__tablename__ and already_forgotten:
            deleted -= 1  # the "don't record me" row a previous forget left is not news
        if deleted:
            counts[table.name] = deleted
    session.expunge_all()
    session.execute(
        insert(session, UserSettings).values(
            team_id=team_id,
            user_id=user_id,
            digest_enabled=False,
            suggestable=False,
            capture_enabled=False,
            updated_at=now,
        )
    )
    return counts


def opt_in(session: Session, team_id: str, user_id: str, now: dt.datetime) -> bool:
    """Undo the capture stop that `forget` left; True when it was in force."""
    row = session.get(UserSettings, (team_id, user_id))
    if row is None or row.capture_enabled:
        return False
    session.execute(
        update(UserSettings)
        .where(UserSettings.team_id == team_id, UserSettings.user_id == user_id)
        .values(
            capture_enabled=True,
            digest_enabled=True,
            suggestable=True,
            next_digest_at=None,
            schedule_key=None,
            updated_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    session.expire(row)
    return True


def capture_enabled(session: Session, team_id: str, user_id: str) -> bool:
    row = session.get(UserSettings, (team_id, user_id))
    return row is None or row.capture_enabled


# ---------------------------------------------------------------------------------------------
# Workspaces


def mark_uninstalled(session: Session, team_id: str, now: dt.datetime) -> None:
    ensure_workspace(session, team_id, None, now)
    session.execute(
        update(Workspace)
        .where(Workspace.team_id == team_id, Workspace.uninstalled_at.is_(None))
        .values(uninstalled_at=now)
        .execution_options(synchronize_session=False)
    )


def mark_tokens_revoked(session: Session, team_id: str, now: dt.datetime) -> None:
    ensure_workspace(session, team_id, None, now)
    session.execute(
        update(Workspace)
        .where(Workspace.team_id == team_id, Workspace.tokens_revoked_at.is_(None))
        .values(tokens_revoked_at=now)
        .execution_options(synchronize_session=False)
    )


def reactivate(session: Session, team_id: str, now: dt.datetime) -> bool:
    """A signed request from a workspace marked gone means it was reinstalled; True if it was gone."""
    ensure_workspace(session, team_id, None, now)
    result = session.execute(
        update(Workspace)
        .where(
            Workspace.team_id == team_id,
            or_(Workspace.uninstalled_at.is_not(None), Workspace.tokens_revoked_at.is_not(None)),
        )
        .values(uninstalled_at=None, tokens_revoked_at=None)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount)


def uninstalled_before(session: Session, before: dt.datetime) -> list[str]:
    return list(
        session.scalars(
            select(Workspace.team_id).where(Workspace.uninstalled_at.is_not(None), Workspace.uninstalled_at <= before)
        )
    )


def purge_workspace(session: Session, team_id: str) -> dict[str, int]:
    """Delete every row of one workspace from every table that has a `team_id`."""
    counts: dict[str, int] = {}
    for table in _tables_children_first():
        if "team_id" not in table.c:
            continue
        deleted = int(session.execute(delete(table).where(table.c.team_id == team_id)).rowcount or 0)
        if deleted:
            counts[table.name] = deleted
    return counts
