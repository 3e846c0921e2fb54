"""The *Undo* button on a /got or /gave confirmation."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, Respond

from bot import ids
from bot.blocks.capture import build_undone
from bot.deps import deps_of
from handlers.common import team_id_of


def undo_record(ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond, context: Any) -> None:
    ack()
    deps = deps_of(context)
    count = deps.capture.undo(
        team_id=team_id_of(body), actor=body["user"]["id"], undo_key=str(action.get("value") or "")
    )
    if count:
        deps.home.refresh(team_id_of(body), body["user"]["id"])
    blocks = build_undone(count)
    respond(replace_original=True, text=blocks[0]["text"]["text"], blocks=blocks)


def register(app: App) -> None:
    app.action(ids.UNDO_RECORD)(undo_record)
