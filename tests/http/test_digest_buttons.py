"""Digest buttons as signed interactivity requests against the real Bolt app and the sandbox:
each click takes effect at once and redraws the DM in place; Undo reverts it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bot import ids
from bot.sandbox import payloads
from storage.models import GiveBack, SuggestionRule, UserSettings
from storage.users import save_user
from tests.e2e.digest_world import TEAM, digest_messages, thank


def _digest_for(bot: Any, user: str) -> dict[str, Any]:
    app = bot.app
    db = app.deps.db
    now = app.deps.clock()
    bot.sandbox.add_user(user, "reader", tz="UTC")
    bot.sandbox.add_user("UHELP1", "helga", tz="UTC")
    bot.sandbox.add_user("UHELP2", "hugo", tz="UTC")
    with db.transaction() as s:
        save_user(s, TEAM, user, now=now, name="reader", real_name="Reader", tz="UTC", is_bot=False, deleted=False)
    thank(db, "UHELP1", user, now - dt.timedelta(days=1))
    thank(db, "UHELP2", user, now - dt.timedelta(days=2))
    with db.transaction() as s:
        s.merge(
            UserSettings(
                team_id=TEAM,
                user_id=user,
                digest_time="00:00",
                digest_days="daily",
                digest_enabled=True,
                suggestable=True,
                capture_enabled=True,
                updated_at=now,
            )
        )
    service = app.deps.digest
    service.run_pass(now)  # schedules the reader: their 00:00 today has passed, so tomorrow's
    summary = service.run_pass(now + dt.timedelta(days=1))
    assert summary.sent == 1, summary.line()
    (message,) = digest_messages(bot.sandbox, user)
    message["channel"] = bot.sandbox.dm_channel(user)
    return message


def _click(bot: Any, user: str, message: dict[str, Any], action_id: str, value: str) -> dict[str, Any]:
    payload = payloads.block_actions(user, action_id, value, message=message, team=TEAM)
    response = bot.sender.interaction(payload)
    assert response.status == 200
    (updated,) = digest_messages(bot.sandbox, user)
    updated["channel"] = message["channel"]
    return updated


def _block(message: dict[str, Any], block_id: str) -> dict[str, Any]:
    return next(b for b in message["blocks"] if b.get("block_id") == block_id)


def test_i_asked_them_records_giving_back_and_undo_reverts(running_bot) -> None:  # type: ignore[no-untyped-def]
    message = _digest_for(running_bot, "UREADER")
    value = _block(message, "gb_actions:UHELP1")["elements"][0]["value"]
    asked = _click(running_bot, "UREADER", message, ids.DIGEST_ASKED, value)
    assert "You asked <@UHELP1> ✓" in _block(asked, "gb_actions:UHELP1")["text"]["text"]
    assert _block(asked, "gb_actions:UHELP2")["type"] == "actions"  # the other person is untouched
    db = running_bot.app.deps.db
    with db.reader() as s:
        assert [(g.other_id, g.active) for g in s.query(GiveBack)] == [("UHELP1", True)]
    preview = running_bot.app.deps.digest.preview(TEAM, "UREADER", running_bot.app.deps.clock() + dt.timedelta(days=8))
    assert "UHELP1" not in preview and "UHELP2" in preview  # gave back: gone until they help again
    undone = _click(running_bot, "UREADER", asked, ids.DIGEST_UNDO, value)
    assert _block(undone, "gb_actions:UHELP1") == _block(message, "gb_actions:UHELP1")
    with db.reader() as s:
        assert [g.active for g in s.query(GiveBack)] == [False]


def test_snooze_mute_and_pause(running_bot) -> None:  # type: ignore[no-untyped-def]
    message = _digest_for(running_bot, "UREADER")
    v1 = _block(message, "gb_actions:UHELP1")["elements"][1]["value"]
    v2 = _block(message, "gb_actions:UHELP2")["elements"][2]["value"]
    after = _click(running_bot, "UREADER", message, ids.DIGEST_SNOOZE, v1)
    after = _click(running_bot, "UREADER", after, ids.DIGEST_MUTE, v2)
    assert "Snoozed <@UHELP1> for 14 days" in _block(after, "gb_actions:UHELP1")["text"]["text"]
    assert "won't suggest <@UHELP2> again" in _block(after, "gb_actions:UHELP2")["text"]["text"]
    db = running_bot.app.deps.db
    with db.reader() as s:
        rules = {r.other_id: (r.muted, r.snoozed_until is not None) for r in s.query(SuggestionRule)}
    assert rules == {"UHELP1": (False, True), "UHELP2": (True, False)}
    footer_value = _block(after, "gb_footer")["elements"][0]["value"]
    paused = _click(running_bot, "UREADER", after, ids.DIGEST_PAUSE, footer_value)
    assert _block(paused, "gb_footer")["accessory"]["action_id"] == ids.DIGEST_RESUME
    with db.reader() as s:
        row = s.get_one(UserSettings, (TEAM, "UREADER"))
        assert (row.digest_enabled, row.next_digest_at) == (False, None)
    resumed = _click(running_bot, "UREADER", paused, ids.DIGEST_RESUME, footer_value)
    assert _block(resumed, "gb_footer")["type"] == "actions"
    with db.reader() as s:
        assert s.get_one(UserSettings, (TEAM, "UREADER")).digest_enabled is True


def test_someone_elses_click_changes_nothing(running_bot) -> None:  # type: ignore[no-untyped-def]
    message = _digest_for(running_bot, "UREADER")
    value = _block(message, "gb_actions:UHELP1")["elements"][0]["value"]
    payload = payloads.block_actions("UINTRUDER", ids.DIGEST_ASKED, value, message=message, team=TEAM)
    assert running_bot.sender.interaction(payload).status == 200
    with running_bot.app.deps.db.reader() as s:
        assert s.query(GiveBack).count() == 0
    (unchanged,) = digest_messages(running_bot.sandbox, "UREADER")
    assert _block(unchanged, "gb_actions:UHELP1")["type"] == "actions"
