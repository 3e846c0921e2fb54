"""Thanks reactions (:pray: and friends) on someone's message: that person helped the reactor."""

from __future__ import annotations

from typing import Any

from slack_bolt import App

from bot.capture import MessageRef
from bot.deps import deps_of
from handlers.common import team_id_of


def _thanks_target(event: dict[str, Any], body: dict[str, Any], thanks_reactions: tuple[str, ...]) -> MessageRef | None:
    name = str(event.get("reaction", "")).split("::")[0]  # "pray::skin-tone-3" is still :pray:
    item = event.get("item") or {}
    if name not in thanks_reactions or item.get("type") != "message" or not event.get("item_user"):
        return None
    return MessageRef(
        team_id=team_id_of(body), channel_id=item["channel"], ts=item["ts"], event_id=body.get("event_id")
    )


def on_reaction_added(event: dict[str, Any], body: dict[str, Any], context: Any) -> None:
    deps = deps_of(context)
    ref = _thanks_target(event, body, deps.settings.thanks_reactions)
    if ref is not None:
        deps.capture.record_reaction(
            ref, reactor=event["user"], author=event["item_user"], bot_user_id=context.get("bot_user_id")
        )


def on_reaction_removed(event: dict[str, Any], body: dict[str, Any], context: Any) -> None:
    deps = deps_of(context)
    ref = _thanks_target(event, body, deps.settings.thanks_reactions)
    if ref is not None:
        deps.capture.retract_reaction(ref, reactor=event["user"], author=event["item_user"])


def register(app: App) -> None:
    app.event("reaction_added")(on_reaction_added)
    app.event("reaction_removed")(on_reaction_removed)
