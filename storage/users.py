"""The `users.info` cache and workspace rows. `session` first; they never commit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.dialect import insert
from storage.models import SlackUser, UserSettings, Workspace


def cached_users(session: Session, team_id: str, user_ids: Iterable[str]) -> dict[str, SlackUser]:
    ids = list(set(user_ids))
    if not ids:
        return {}
    rows = session.scalars(select(SlackUser).where(SlackUser.team_id == team_id, SlackUser.user_id.in_(ids)))
    return {row.user_id: row for row in rows}


def save_user(
    session: Session,
    team_id: str,
    user_id: str,
    *,
    now: dt.datetime,
    name: str | None,
    real_name: str | None,
    tz: str | None,
    is_bot: bool,
    deleted: bool,
) -> None:
    values = {
        "team_id": team_id,
        "user_id": user_id,
        "name": name,
        "real_name": real_name,
        "tz": tz,
        "is_bot": is_bot,
        "deleted": deleted,
        "refreshed_at": now,
    }
    statement = insert(session, SlackUser).values(**values)
    update = {k: statement.excluded[k] for k in values if k not in ("team_id", "user_id")}
    session.execute(statement.on_conflict_do_update(index_elements=["team_id", "user_id"], set_=update))


def ensure_workspace(session: Session, team_id: str, bot_user_id: str | None, now: dt.datetime) -> None:
    """Record that the bot serves this workspace (first event or command from it)."""
    session.execute(
        insert(session, Workspace)
        .values(team_id=team_id, bot_user_id=bot_user_id, installed_at=now)
        .on_conflict_do_nothing()
    )


def workspace_active(session: Session, team_id: str) -> bool:
    row = session.get(Workspace, team_id)
    return row is None or (row.uninstalled_at is None and row.tokens_revoked_at is None)


def capture_opted_out(session: Session, team_id: str, user_ids: Iterable[str]) -> set[str]:
    """People who asked Giveback to forget them: nothing new is recorded about them."""
    ids = list(set(user_ids))
    if not ids:
        return set()
    rows = session.scalars(
        select(UserSettings.user_id).where(
            UserSettings.team_id == team_id,
            UserSettings.user_id.in_(ids),
            UserSettings.capture_enabled.is_(False),
        )
    )
    return set(rows)
