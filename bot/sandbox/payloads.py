"""Builders for realistic Slack payloads (Events API events, interactivity payloads).

Shapes follow Slack's documented examples: a `message_changed` event carries the new
`message` and the `previous_message` and is `hidden`; reactions carry an `item` and the
`item_user`; `block_actions` carries `container`, `actions`, and (for messages) `message`
and `response_url`. The builders only build dicts; nothing here talks to the network.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from typing import Any

_ts_lock = threading.Lock()
_last_ts_micros = 0


def new_ts(clock: Callable[[], float] = time.time) -> str:
    """A Slack-style timestamp ("1700000000.000100"), unique and increasing within this process.

    Slack's `ts` is a message's id within a channel, so two builders called in the same
    microsecond must still get different values.
    """
    global _last_ts_micros
    micros = int(clock() * 1_000_000)
    with _ts_lock:
        micros = max(micros, _last_ts_micros + 1)
        _last_ts_micros = micros
    return f"{micros // 1_000_000}.{micros % 1_000_000:06d}"


def escape(text: str) -> str:
    """Escape text the way Slack does before delivering what a person typed (`&`, `<`, `>`)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def ts_to_float(ts: str) -> float:
    return float(ts)


def _channel_type(channel: str, channel_type: str | None) -> str:
    if channel_type:
        return channel_type
    return {"D": "im", "G": "group"}.get(channel[:1], "channel")


def message(
    channel: str,
    user: str,
    text: str,
    ts: str | None = None,
    thread_ts: str | None = None,
    channel_type: str | None = "channel",
    *,
    team: str = "T0SANDBOX",
    blocks: list[dict[str, Any]] | None = None,
    parent_user_id: str | None = None,
) -> dict[str, Any]:
    """A plain user `message` event as delivered by the Events API."""
    ts = ts or new_ts()
    event: dict[str, Any] = {
        "type": "message",
        "channel": channel,
        "user": user,
        "text": text,
        "ts": ts,
        "event_ts": ts,
        "team": team,
        "channel_type": _channel_type(channel, channel_type),
    }
    if blocks is not None:
        event["blocks"] = blocks
    if thread_ts is not None:
        event["thread_ts"] = thread_ts
        if parent_user_id is not None:
            event["parent_user_id"] = parent_user_id
    return event


def bot_message(
    channel: str,
    text: str,
    *,
    bot_id: str = "B0OTHERBOT",
    user: str | None = None,
    ts: str | None = None,
    thread_ts: str | None = None,
    app_id: str | None = "A0OTHERAPP",
    channel_type: str | None = "channel",
    subtype: bool = True,
) -> dict[str, Any]:
    """A message posted by a bot. Legacy/integration bots come as subtype `bot_message`;
    apps posting with a bot token come without subtype but with `bot_id` (subtype=False)."""
    ts = ts or new_ts()
    event: dict[str, Any] = {
        "type": "message",
        "channel": channel,
        "text": text,
        "ts": ts,
        "event_ts": ts,
        "bot_id": bot_id,
        "channel_type": _channel_type(channel, channel_type),
    }
    if subtype:
        event["subtype"] = "bot_message"
        event["username"] = "otherbot"
    if user is not None:
        event["user"] = user
    if app_id is not None:
        event["app_id"] = app_id
    if thread_ts is not None:
        event["thread_ts"] = thread_ts
    return event


def message_changed(
    channel: str,
    ts: str,
    new_text: str,
    user: str,
    previous_text: str = "",
    *,
    edit_ts: str | None = None,
    thread_ts: str | None = None,
    channel_type: str | None = "channel",
) -> dict[str, Any]:
    """`message` event, subtype `message_changed`: the edited message sits in `message`."""
    edit_ts = edit_ts or new_ts()
    new_message: dict[str, Any] = {
        "type": "message",
        "user": user,
        "text": new_text,
        "ts": ts,
        "edited": {"user": user, "ts": edit_ts},
    }
    previous: dict[str, Any] = {"type": "message", "user": user, "text": previous_text, "ts": ts}
    if thread_ts is not None:
        new_message["thread_ts"] = thread_ts
        previous["thread_ts"] = thread_ts
    return {
        "type": "message",
        "subtype": "message_changed",
        "hidden": True,
        "channel": channel,
        "ts": edit_ts,
        "event_ts": edit_ts,
        "message": new_message,
        "previous_message": previous,
        "channel_type": _channel_type(channel, channel_type),
    }


def message_deleted(
    channel: str,
    ts: str,
    previous_message: dict[str, Any] | None = None,
    *,
    user: str | None = None,
    text: str = "",
    event_ts: str | None = None,
    channel_type: str | None = "channel",
) -> dict[str, Any]:
    """`message` event, subtype `message_deleted`: `deleted_ts` names the removed message."""
    event_ts = event_ts or new_ts()
    if previous_message is None:
        previous_message = {"type": "message", "text": text, "ts": ts}
        if user is not None:
            previous_message["user"] = user
    return {
        "type": "message",
        "subtype": "message_deleted",
        "hidden": True,
        "channel": channel,
        "ts": event_ts,
        "event_ts": event_ts,
        "deleted_ts": ts,
        "previous_message": previous_message,
        "channel_type": _channel_type(channel, channel_type),
    }


def _reaction(
    kind: str, user: str, reaction: str, channel: str, ts: str, item_user: str | None, event_ts: str | None
) -> dict[str, Any]:
    event: dict[str, Any] = {
        "type": kind,
        "user": user,
        "reaction": reaction,
        "item": {"type": "message", "channel": channel, "ts": ts},
        "event_ts": event_ts or new_ts(),
    }
    # Slack omits item_user when the item has no author it can name (e.g. some bot posts).
    if item_user is not None:
        event["item_user"] = item_user
    return event


def reaction_added(
    user: str, reaction: str, channel: str, ts: str, item_user: str | None, *, event_ts: str | None = None
) -> dict[str, Any]:
    return _reaction("reaction_added", user, reaction, channel, ts, item_user, event_ts)


def reaction_removed(
    user: str, reaction: str, channel: str, ts: str, item_user: str | None, *, event_ts: str | None = None
) -> dict[str, Any]:
    return _reaction("reaction_removed", user, reaction, channel, ts, item_user, event_ts)


def app_home_opened(user: str, *, tab: str = "home", channel: str | None = None, view: dict | None = None) -> dict:
    event: dict[str, Any] = {
        "type": "app_home_opened",
        "user": user,
        "channel": channel or f"D{user[1:]}",
        "tab": tab,
        "event_ts": new_ts(),
    }
    if view is not None:
        event["view"] = view
    return event


def user_change(user_obj: dict[str, Any]) -> dict[str, Any]:
    """`user_change`: carries the full user object, as `users.info` would return it."""
    return {"type": "user_change", "user": user_obj, "cache_ts": int(time.time()), "event_ts": new_ts()}


def app_uninstalled() -> dict[str, Any]:
    return {"type": "app_uninstalled", "event_ts": new_ts()}


def tokens_revoked(bot_ids: list[str], oauth_ids: list[str] | None = None) -> dict[str, Any]:
    """`tokens_revoked`: `tokens.bot` lists bot *user* ids whose tokens were revoked."""
    return {
        "type": "tokens_revoked",
        "tokens": {"oauth": list(oauth_ids or []), "bot": list(bot_ids)},
        "event_ts": new_ts(),
    }


def block_actions(
    user: str,
    action_id: str,
    value: str | None,
    *,
    container: dict[str, Any] | None = None,
    message: dict[str, Any] | None = None,
    response_url: str | None = None,
    team: str = "T0SANDBOX",
    channel: str | None = None,
    block_id: str = "actions",
    action_type: str = "button",
    trigger_id: str | None = None,
    api_app_id: str = "A0GIVEBACK",
    view: dict[str, Any] | None = None,
    user_name: str | None = None,
) -> dict[str, Any]:
    """A `block_actions` interactivity payload for a button click.

    From a message: pass `message` (and `channel`), `container` defaults to the message
    container. From App Home: pass `view` instead; no response_url then, as in Slack.
    """
    action: dict[str, Any] = {
        "type": action_type,
        "action_id": action_id,
        "block_id": block_id,
        "text": {"type": "plain_text", "text": action_id, "emoji": True},
        "action_ts": new_ts(),
    }
    if value is not None:
        action["value"] = value
    if channel is None and message is not None:
        channel = message.get("channel")
    if container is None:
        if view is not None:
            container = {"type": "view", "view_id": view.get("id", "V0SANDBOX")}
        elif message is not None:
            container = {
                "type": "message",
                "message_ts": message.get("ts"),
                "channel_id": channel,
                "is_ephemeral": False,
            }
        else:
            container = {
                "type": "message",
                "message_ts": new_ts(),
                "channel_id": channel,
                "is_ephemeral": True,
            }
    payload: dict[str, Any] = {
        "type": "block_actions",
        "user": {
            "id": user,
            "username": user_name or user.lower(),
            "name": user_name or user.lower(),
            "team_id": team,
        },
        "api_app_id": api_app_id,
        "token": "sandbox-verification-token",
        "container": container,
        "trigger_id": trigger_id or f"{int(time.time())}.{secrets.randbelow(10**12)}.{secrets.token_hex(16)}",
        "team": {"id": team, "domain": "sandbox"},
        "enterprise": None,
        "is_enterprise_install": False,
        "actions": [action],
    }
    if channel is not None:
        payload["channel"] = {"id": channel, "name": "directmessage" if channel.startswith("D") else channel}
    if message is not None:
        payload["message"] = message
        payload["state"] = {"values": {}}
    if view is not None:
        payload["view"] = view
    if response_url is not None:
        payload["response_url"] = response_url
    return payload


def event_callback(
    event: dict[str, Any],
    *,
    team_id: str = "T0SANDBOX",
    api_app_id: str = "A0GIVEBACK",
    bot_user_id: str = "U0GIVEBACK",
    event_id: str | None = None,
    event_time: int | None = None,
) -> dict[str, Any]:
    """The Events API envelope (`type: event_callback`) around one event."""
    return {
        "token": "sandbox-verification-token",
        "team_id": team_id,
        "context_team_id": team_id,
        "context_enterprise_id": None,
        "api_app_id": api_app_id,
        "event": event,
        "type": "event_callback",
        "event_id": event_id or f"Ev{secrets.token_hex(5).upper()}",
        "event_time": event_time if event_time is not None else int(time.time()),
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": team_id,
                "user_id": bot_user_id,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": False,
        "event_context": f"4-{secrets.token_hex(16)}",
    }


def slash_command(
    command: str,
    text: str,
    *,
    user_id: str,
    channel_id: str = "C0GENERAL",
    team_id: str = "T0SANDBOX",
    api_app_id: str = "A0GIVEBACK",
    trigger_id: str | None = None,
    response_url: str | None = None,
    user_name: str | None = None,
    channel_name: str | None = None,
    team_domain: str = "sandbox",
) -> dict[str, str]:
    """The fields of a slash-command request, all strings, in the order Slack sends them."""
    if channel_name is None:
        channel_name = "directmessage" if channel_id.startswith("D") else channel_id.lower()
    return {
        "token": "sandbox-verification-token",
        "team_id": team_id,
        "team_domain": team_domain,
        "channel_id": channel_id,
        "channel_name": channel_name,
        "user_id": user_id,
        "user_name": user_name or user_id.lower(),
        "command": command,
        "text": text,
        "api_app_id": api_app_id,
        "is_enterprise_install": "false",
        "response_url": response_url or f"https://hooks.slack.com/commands/{team_id}/0/{secrets.token_hex(8)}",
        "trigger_id": trigger_id or f"{int(time.time())}.{secrets.randbelow(10**12)}.{secrets.token_hex(16)}",
    }
