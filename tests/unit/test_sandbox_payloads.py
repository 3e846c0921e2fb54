"""Payload builders of the Slack sandbox: the shapes listeners rely on."""

from __future__ import annotations

import re

from bot.sandbox import payloads


def test_new_ts_is_slack_shaped_unique_and_increasing_even_for_a_frozen_clock() -> None:
    frozen = [payloads.new_ts(lambda: 1_700_000_000.0001) for _ in range(50)]
    assert all(re.fullmatch(r"\d{10}\.\d{6}", ts) for ts in frozen)
    assert len(set(frozen)) == 50
    assert [float(ts) for ts in frozen] == sorted(float(ts) for ts in frozen)


def test_message_in_a_thread_and_in_a_dm() -> None:
    event = payloads.message("D0ALICE", "U0ALICE", "thanks!", ts="1700000000.000200", thread_ts="1700000000.000100")
    assert event["channel_type"] == "channel"  # explicit argument wins
    dm = payloads.message("D0ALICE", "U0ALICE", "hi", channel_type=None)
    assert dm["channel_type"] == "im"
    assert (event["type"], event["thread_ts"], event["ts"]) == ("message", "1700000000.000100", "1700000000.000200")
    assert "subtype" not in event


def test_message_changed_carries_new_and_previous_message() -> None:
    event = payloads.message_changed("C0GENERAL", "1700000000.000100", "thanks <@U0BOB>", "U0ALICE", "thx")
    assert (event["subtype"], event["hidden"]) == ("message_changed", True)
    assert event["message"]["ts"] == event["previous_message"]["ts"] == "1700000000.000100"
    assert (event["message"]["text"], event["previous_message"]["text"]) == ("thanks <@U0BOB>", "thx")
    assert event["message"]["edited"]["user"] == "U0ALICE"
    assert event["ts"] != "1700000000.000100"  # the event's own ts is the edit time


def test_message_deleted_names_the_deleted_ts() -> None:
    event = payloads.message_deleted("C0GENERAL", "1700000000.000100", user="U0ALICE", text="thanks <@U0BOB>")
    assert (event["subtype"], event["hidden"], event["deleted_ts"]) == ("message_deleted", True, "1700000000.000100")
    assert event["previous_message"] == {
        "type": "message",
        "text": "thanks <@U0BOB>",
        "ts": "1700000000.000100",
        "user": "U0ALICE",
    }


def test_bot_messages_in_both_forms() -> None:
    legacy = payloads.bot_message("C0GENERAL", "deployed")
    app = payloads.bot_message("C0GENERAL", "deployed", subtype=False, user="U0DEPLOYBOT")
    assert (legacy["subtype"], legacy["bot_id"]) == ("bot_message", "B0OTHERBOT")
    assert "subtype" not in app and app["bot_id"] == "B0OTHERBOT" and app["user"] == "U0DEPLOYBOT"


def test_reactions_point_at_the_item() -> None:
    added = payloads.reaction_added("U0ALICE", "pray", "C0GENERAL", "1700000000.000100", "U0BOB")
    removed = payloads.reaction_removed("U0ALICE", "pray", "C0GENERAL", "1700000000.000100", None)
    assert added["item"] == {"type": "message", "channel": "C0GENERAL", "ts": "1700000000.000100"}
    assert (added["type"], added["item_user"]) == ("reaction_added", "U0BOB")
    assert removed["type"] == "reaction_removed" and "item_user" not in removed


def test_block_actions_from_a_message() -> None:
    message = {"type": "message", "ts": "1700000000.000100", "text": "digest"}
    payload = payloads.block_actions(
        "U0ALICE", "asked", "U0BOB", message=message, channel="D0ALICE", response_url="http://x/response/1"
    )
    assert payload["container"] == {
        "type": "message",
        "message_ts": "1700000000.000100",
        "channel_id": "D0ALICE",
        "is_ephemeral": False,
    }
    assert payload["actions"][0]["action_id"] == "asked" and payload["actions"][0]["value"] == "U0BOB"
    assert (payload["user"]["id"], payload["channel"]["id"], payload["response_url"]) == (
        "U0ALICE",
        "D0ALICE",
        "http://x/response/1",
    )


def test_block_actions_from_app_home_has_no_response_url() -> None:
    payload = payloads.block_actions("U0ALICE", "resume", None, view={"id": "V1", "type": "home"})
    assert payload["container"] == {"type": "view", "view_id": "V1"}
    assert "response_url" not in payload and "value" not in payload["actions"][0]


def test_event_callback_envelope_authorizes_the_bot() -> None:
    body = payloads.event_callback(
        payloads.app_home_opened("U0ALICE"), team_id="T1", bot_user_id="U0BOT", event_id="Ev1"
    )
    assert (body["type"], body["team_id"], body["event_id"]) == ("event_callback", "T1", "Ev1")
    assert body["authorizations"][0]["user_id"] == "U0BOT" and body["authorizations"][0]["is_bot"] is True
    assert body["event"]["type"] == "app_home_opened"


def test_slash_command_fields_are_strings_as_slack_sends_them() -> None:
    fields = payloads.slash_command("/got", "<@U0BOB|bob> intro", user_id="U0ALICE", channel_id="D0ALICE")
    assert all(isinstance(v, str) for v in fields.values())
    assert (fields["command"], fields["text"], fields["channel_name"]) == (
        "/got",
        "<@U0BOB|bob> intro",
        "directmessage",
    )
    assert list(fields)[:4] == ["token", "team_id", "team_domain", "channel_id"]


def test_lifecycle_events() -> None:
    assert payloads.tokens_revoked(["U0GIVEBACK"])["tokens"] == {"oauth": [], "bot": ["U0GIVEBACK"]}
    assert payloads.app_uninstalled()["type"] == "app_uninstalled"
    user = {"id": "U0ALICE", "tz": "Asia/Tokyo"}
    assert payloads.user_change(user)["user"] == user


def test_escape_matches_slack() -> None:
    assert payloads.escape("a & <b> <!channel>") == "a &amp; &lt;b&gt; &lt;!channel&gt;"
