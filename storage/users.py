"""The `users.info` cache and workspace rows. `session` first; they never commit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy import BindParameter, Boolean, bindparam, literal, null, select, union_all
from sqlalchemy.orm import Session

from storage.help import Executor, built, dialect_insert
from storage.models import SlackUser, UserSettings, Workspace


def cached_users(session: Executor, team_id: str, user_ids: Iterable[str]) -> dict[str, Any]:
    """Cached rows by user id (read-only rows with the `SlackUser` column names, not ORM objects:
    capture reads them after every thanks that names someone new; bench/bench_ingest.py)."""
    ids = list(set(user_ids))
    if not ids:
        return {}
    users = SlackUser.__table__.c
    rows = session.execute(select(users).where(users.team_id == team_id, users.user_id.in_(ids)))
    return {row.user_id: row for row in rows}


def save_user(
    session: Executor,
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
    # Built once: capture refreshes every newly seen person after the ack (bench/bench_ingest.py).
    connection, statement = built(session, "save_user", _save_user)
    connection.execute(statement, values)


_SAVED_COLUMNS = ("team_id", "user_id", "name", "real_name", "tz", "is_bot", "deleted", "refreshed_at")


def _save_user(dialect: str) -> Any:
    table = SlackUser.__table__
    statement = dialect_insert(dialect, table).values({c: bindparam(c, type_=table.c[c].type) for c in _SAVED_COLUMNS})
    update = {c: statement.excluded[c] for c in _SAVED_COLUMNS if c not in ("team_id", "user_id")}
    return statement.on_conflict_do_update(index_elements=["team_id", "user_id"], set_=update)


@dataclass(frozen=True, slots=True)
class CaptureStatus:
    """What capture needs to know about one person, from the `users.info` cache and their settings."""

    user_id: str
    cached: bool  # the cache has a row (bot/deleted flags are known)
    is_bot: bool
    deleted: bool
    refreshed_at: dt.datetime | None
    opted_out: bool  # asked Giveback to forget them: nothing new is recorded about them

    @property
    def can_be_credited(self) -> bool:
        return not (self.is_bot or self.deleted)


def capture_status(session: Executor, team_id: str, user_ids: Iterable[str]) -> dict[str, CaptureStatus]:
    """Cache flags and opt-outs for `user_ids` in one round trip (the capture path runs it per thanks).

    People neither cached nor opted out are absent from the answer.
    """
    ids = list(set(user_ids))
    if not ids:
        return {}
    # One statement per number of people (almost always 2–3), with plain parameters: an
    # expanding IN would be re-rendered on every execution.
    connection, statement = built(session, f"capture_status:{len(ids)}", partial(_capture_status, len(ids)))
    found: dict[str, CaptureStatus] = {}
    rows = connection.execute(statement, {"team_id": team_id, **{f"u{i}": u for i, u in enumerate(ids)}})
    for user_id, is_bot, deleted, refreshed_at, is_opt_out in rows:
        before = found.get(user_id)
        if is_opt_out:
            found[user_id] = (
                CaptureStatus(user_id, False, False, False, None, True)
                if before is None
                else CaptureStatus(user_id, True, before.is_bot, before.deleted, before.refreshed_at, True)
            )
        else:
            found[user_id] = CaptureStatus(
                user_id, True, bool(is_bot), bool(deleted), refreshed_at, before is not None and before.opted_out
            )
    return found


def _capture_status(count: int, _: str) -> Any:
    users, prefs = SlackUser.__table__.c, UserSettings.__table__.c
    team: BindParameter[str] = bindparam("team_id")
    ids: list[BindParameter[str]] = [bindparam(f"u{i}") for i in range(count)]
    cached = select(users.user_id, users.is_bot, users.deleted, users.refreshed_at, literal(False, Boolean)).where(
        users.team_id == team, users.user_id.in_(ids)
    )
    opted_out = select(prefs.user_id, null(), null(), null(), literal(True, Boolean)).where(
        prefs.team_id == team, prefs.user_id.in_(ids), prefs.capture_enabled.is_(False)
    )
    return union_all(cached, opted_out)


def ensure_workspace(session: Executor, team_id: str, bot_user_id: str | None, now: dt.datetime) -> None:
    """Record that the bot serves this workspace (first event or command from it)."""
    connection, statement = built(session, "ensure_workspace", _ensure_workspace)
    connection.execute(statement, {"team_id": team_id, "bot_user_id": bot_user_id, "installed_at": now})


def _ensure_workspace(dialect: str) -> Any:
    table = Workspace.__table__
    columns = ("team_id", "bot_user_id", "installed_at")
    return (
        dialect_insert(dialect, table)
        .values({c: bindparam(c, type_=table.c[c].type) for c in columns})
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
