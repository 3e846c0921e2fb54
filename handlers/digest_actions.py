"""The digest DM's buttons: *I asked them*, *Snooze*, *Don't suggest them again*, *Undo*, and
*Pause* / *Resume digests*. Each click takes effect at once and updates the message in place."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot import ids
from bot.blocks.digest import parse_value, with_outcome, with_paused
from bot.deps import deps_of
from bot.digest import NotYourDigest
from bot.log import get_logger
from handlers.common import team_id_of

log = get_logger(__name__)


def _update_in_place(client: WebClient, body: dict[str, Any], blocks: list[dict[str, Any]]) -> None:
    container = body.get("container") or {}
    channel = container.get("channel_id") or (body.get("channel") or {}).get("id")
    ts = container.get("message_ts") or (body.get("message") or {}).get("ts")
    if channel and ts:
        text = (body.get("message") or {}).get("text") or "Your Giveback digest"
        client.chat_update(channel=channel, ts=ts, text=text, blocks=blocks)


def person_action(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, context: Any) -> None:
    ack()
    deps = deps_of(context)
    service = deps.digest
    try:
        digest_id, other_id = parse_value(str(action.get("value") or ""))
        outcome = service.act(team_id_of(body), body["user"]["id"], digest_id, other_id, action["action_id"])
        deps.home.refresh(team_id_of(body), body["user"]["id"])  # the Home shows the same choices
    except (ValueError, NotYourDigest) as err:
        log.warning("digest.action_refused", action=action.get("action_id"), detail=str(err)[:200])
        return
    blocks = (body.get("message") or {}).get("blocks")
    if blocks:
        try:
            updated = with_outcome(blocks, digest_id, other_id, outcome, deps.settings.snooze_days)
        except KeyError:
            return  # the message no longer shows this person (edited elsewhere): nothing to redraw
        _update_in_place(client, body, updated)


def pause_action(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, context: Any) -> None:
    ack()
    deps = deps_of(context)
    paused = action["action_id"] == ids.DIGEST_PAUSE
    deps.digest.set_paused(team_id_of(body), body["user"]["id"], paused=paused)
    deps.home.refresh(team_id_of(body), body["user"]["id"])
    blocks = (body.get("message") or {}).get("blocks")
    value = str(action.get("value") or "0")
    if blocks and value.isdigit():
        try:
            updated = with_paused(blocks, int(value), paused)
        except KeyError:
            return
        _update_in_place(client, body, updated)


def register(app: App) -> None:
    for action_id in (ids.DIGEST_ASKED, ids.DIGEST_SNOOZE, ids.DIGEST_MUTE, ids.DIGEST_UNDO):
        app.action(action_id)(person_action)
    for action_id in (ids.DIGEST_PAUSE, ids.DIGEST_RESUME):
        app.action(action_id)(pause_action)
