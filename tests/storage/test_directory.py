"""The users.info cache: who is asked about, what is stored, and what is skipped."""

from __future__ import annotations

import datetime as dt

from bot.directory import UserDirectory
from bot.sandbox import SlackSandbox
from bot.settings import Settings
from bot.slack_client import build_web_client
from storage.users import cached_users

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def directory_for(sandbox: SlackSandbox, database) -> UserDirectory:  # type: ignore[no-untyped-def]
    settings = Settings(
        slack_bot_token=sandbox.bot_token,
        slack_signing_secret=sandbox.signing_secret,
        slack_api_url=sandbox.api_url,
        database_url=database.url,
        _env_file=None,
    )
    return UserDirectory(database, build_web_client(settings), lambda: NOW)


def test_refresh_stores_everyone_slack_knows_and_skips_unknown_ids(database) -> None:  # type: ignore[no-untyped-def]
    with SlackSandbox(socket_mode=False) as sandbox:
        sandbox.add_user("U0ALICE", "alice", tz="Europe/Berlin", real_name="Alice Liddell")
        sandbox.add_user("U0GONE", "gone", deleted=True)
        directory = directory_for(sandbox, database)

        found = directory.refresh(sandbox.team_id, ["U0ALICE", "U0NOBODY", "U0GONE", "U0GIVEBACK"])

        assert set(found) == {"U0ALICE", "U0GONE", "U0GIVEBACK"}
        assert found["U0ALICE"].tz == "Europe/Berlin" and found["U0ALICE"].can_be_credited
        assert found["U0GONE"].deleted and found["U0GIVEBACK"].is_bot
        with database.reader() as session:
            rows = cached_users(session, sandbox.team_id, ["U0ALICE", "U0NOBODY", "U0GONE", "U0GIVEBACK"])
        assert set(rows) == {"U0ALICE", "U0GONE", "U0GIVEBACK"}
        assert rows["U0ALICE"].real_name == "Alice Liddell" and rows["U0ALICE"].refreshed_at is not None
        assert rows["U0GONE"].deleted is True and rows["U0GIVEBACK"].is_bot is True
        # Known and fresh now: a second refresh asks Slack about nobody.
        asked = len(sandbox.calls("users.info"))
        assert directory.refresh(sandbox.team_id, ["U0ALICE", "U0GONE"], unless_fresh=True) == {}
        assert len(sandbox.calls("users.info")) == asked


def test_refresh_with_slack_down_stores_nothing_and_raises_nothing(database) -> None:  # type: ignore[no-untyped-def]
    with SlackSandbox(socket_mode=False) as sandbox:
        sandbox.add_user("U0ALICE", "alice")
        sandbox.fail("users.info", error="internal_error", times=None)
        directory = directory_for(sandbox, database)
        assert directory.refresh(sandbox.team_id, ["U0ALICE"]) == {}
        with database.reader() as session:
            assert cached_users(session, sandbox.team_id, ["U0ALICE"]) == {}
