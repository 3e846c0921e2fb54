"""Permalinks of captured thanks: built from the workspace's address, identical to Slack's own."""

from __future__ import annotations

from storage.help import active_edges
from tests.http.conftest import ALICE, BOB, CAROL, GENERAL, ME
from tests.http.test_capture_events import post


def permalinks(bot) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    with bot.app.db.reader() as session:
        return {edge.message_ts: edge.permalink for edge in active_edges(session, "T0SANDBOX")}


def slack_permalink(bot, ts: str) -> str:  # type: ignore[no-untyped-def]
    from slack_sdk import WebClient

    client = WebClient(token=bot.sandbox.bot_token, base_url=bot.sandbox.api_url)
    return client.chat_getPermalink(channel=GENERAL, message_ts=ts)["permalink"]


def test_permalinks_match_chat_get_permalink_for_messages_and_thread_replies(workspace) -> None:  # type: ignore[no-untyped-def]
    first = post(workspace, f"thanks <@{ALICE}>")  # the workspace address is not known yet
    second = post(workspace, f"thanks <@{BOB}> for the review")  # now it is: stored with the record
    parent = workspace.sandbox.post_user_message(GENERAL, CAROL, "here's how to fix the VPN: ...")
    reply = post(workspace, "thank you!", thread_ts=parent, parent_user_id=CAROL)
    asked_slack = workspace.sandbox.calls("chat.getPermalink")
    stored = permalinks(workspace)
    assert stored == {ts: slack_permalink(workspace, ts) for ts in (first, second, reply)}
    assert "?thread_ts=" in stored[reply]
    # The bot asked Slack for no permalink at all (auth.test told it the address).
    assert asked_slack == []


def test_permalink_comes_from_slack_when_the_address_is_unknown(workspace) -> None:  # type: ignore[no-untyped-def]
    post(workspace, "morning all")  # Bolt's own auth.test, before it starts failing
    workspace.sandbox.fail("auth.test", error="internal_error", times=None)
    ts = post(workspace, f"thanks <@{ALICE}>", user=ME)
    assert permalinks(workspace) == {ts: slack_permalink(workspace, ts)}
