"""`giveback digest --now ISO8601` and `giveback digest --preview USER_ID [--now …]`."""

from __future__ import annotations

import datetime as dt
from typing import TextIO

from sqlalchemy import select

from bot.deps import system_clock
from bot.settings import Settings
from storage.db import Database
from storage.migrate import upgrade
from storage.models import HelpEdge, SlackUser, UserSettings


def run_digest(
    settings: Settings,
    now: dt.datetime | None,
    preview_user: str | None,
    out: TextIO,
    team_id: str | None = None,
) -> int:
    """One pass as of `now` (default: the current time), or one person's digest as text."""
    from bot.digest import DigestService
    from bot.slack_client import build_web_client

    when = now or system_clock()
    database = Database(settings.database_url)
    try:
        upgrade(database)
        service = DigestService(
            settings=settings, db=database, slack=build_web_client(settings, retry=False), clock=lambda: when
        )
        if preview_user:
            team = team_id or _team_of(database, preview_user)
            if team is None:
                out.write(f"giveback: no workspace knows {preview_user}; pass --team\n")
                return 1
            out.write(service.preview(team, preview_user, when) + "\n")
            return 0
        if settings.slack_bot_token is None:
            out.write("giveback: invalid setting SLACK_BOT_TOKEN: required to send digests\n")
            return 2
        summary = service.run_pass(when)
        out.write(summary.line() + "\n")
        return 0
    finally:
        database.dispose()


def _team_of(database: Database, user_id: str) -> str | None:
    with database.reader() as session:
        for column, where in (
            (UserSettings.team_id, UserSettings.user_id == user_id),
            (SlackUser.team_id, SlackUser.user_id == user_id),
            (HelpEdge.team_id, HelpEdge.recipient_id == user_id),
        ):
            team = session.scalar(select(column).where(where).limit(1))
            if team:
                return str(team)
    return None
