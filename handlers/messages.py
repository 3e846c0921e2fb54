"""Messages in channels the bot is in: thanks are captured; edits reconcile; deletions retract.

`app.message()` never sees `message_changed` / `message_deleted`, so this listens to the raw
`message` event and branches on the subtype.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import App

from bot.capture import MessageRef
from bot.deps import deps_of
from handlers.common import team_id_of

# Subtypes that are a person's own words in the channel.
SPOKEN = {None, "thread_broadcast", "file_share", "me_message"}


def on_message(body: dict[str, Any], event: dict[str, Any], context: Any) -> None:
    subtype = event.get("subtype")
    if event.get("channel_type") == "im":
        return  # a DM to the bot is not a thanks in a conversation between people
    if subtype in SPOKEN:
        _captured(event, body, context, edited=False)
    elif subtype == "message_changed":
        _captured({**event.get("message", {}), "channel": event["channel"]}, body, context, edited=True)
    elif subtype == "message_deleted":
        deps_of(context).capture.retract_message(_ref(body, event["channel"], event["deleted_ts"]))


def _captured(message: dict[str, Any], body: dict[str, Any], context: Any, *, edited: bool) -> None:
    author = message.get("user")
    if not author or message.get("bot_id") or message.get("subtype") == "bot_message":
        return
    capture = deps_of(context).capture
    ref = _ref(body, message["channel"], message["ts"], thread_ts=message.get("thread_ts"))
    parent = message.get("parent_user_id") if message.get("thread_ts") not in (None, message["ts"]) else None
    record = capture.reconcile_edit if edited else capture.capture_message
    record(
        ref,
        author=author,
        text=message.get("text") or "",
        thread_parent_author=parent,
        bot_user_id=context.get("bot_user_id"),
    )


def _ref(body: dict[str, Any], channel: str, ts: str, *, thread_ts: str | None = None) -> MessageRef:
    return MessageRef(
        team_id=team_id_of(body), channel_id=channel, ts=ts, event_id=body.get("event_id"), thread_ts=thread_ts
    )


def register(app: App) -> None:
    app.event("message")(on_message)
