"""Workspace and people lifecycle: `user_change`, `app_uninstalled`, `tokens_revoked`."""

from __future__ import annotations

from typing import Any

from slack_bolt import App

from bot.deps import deps_of
from handlers.common import team_id_of


def user_change(event: dict[str, Any], body: dict[str, Any], context: Any) -> None:
    deps_of(context).privacy.user_changed(team_id_of(body), event.get("user") or {})


def app_uninstalled(body: dict[str, Any], context: Any) -> None:
    deps_of(context).privacy.uninstalled(team_id_of(body))


def tokens_revoked(event: dict[str, Any], body: dict[str, Any], context: Any) -> None:
    # Bolt runs no auth.test for this event (the token may be dead), so our bot user id comes
    # from the event's authorizations.
    auth = (body.get("authorizations") or [{}])[0]
    ours = auth.get("user_id") if auth.get("is_bot") else None
    bots = (event.get("tokens") or {}).get("bot") or []
    deps_of(context).privacy.tokens_revoked(team_id_of(body), bots, ours)


def register(app: App) -> None:
    app.event("user_change")(user_change)
    app.event("app_uninstalled")(app_uninstalled)
    app.event("tokens_revoked")(tokens_revoked)
