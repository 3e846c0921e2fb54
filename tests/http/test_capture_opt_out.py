"""Thanks messages never record people who asked Giveback to forget them (checked in the INSERT)."""

from __future__ import annotations

import datetime as dt

from storage.models import UserSettings
from tests.http.conftest import ALICE, BOB, ME, ledger
from tests.http.test_capture_events import ack_reactions, post

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def opt_out(bot, user_id: str) -> None:  # type: ignore[no-untyped-def]
    with bot.app.db.transaction() as session:
        session.add(UserSettings(team_id="T0SANDBOX", user_id=user_id, capture_enabled=False, updated_at=NOW))


def test_an_opted_out_author_records_nothing_and_gets_no_reaction(workspace) -> None:  # type: ignore[no-untyped-def]
    opt_out(workspace, ME)
    ts = post(workspace, f"thanks <@{ALICE}> and <@{BOB}>!")
    assert ledger(workspace) == []
    assert ack_reactions(workspace, ts) == []


def test_an_opted_out_person_is_left_out_and_the_others_recorded(workspace) -> None:  # type: ignore[no-untyped-def]
    opt_out(workspace, ALICE)
    post(workspace, f"thanks <@{ALICE}> and <@{BOB}>!")
    assert [(h, r) for h, r, *_ in ledger(workspace)] == [(BOB, ME)]
