"""Small readers of Slack payloads shared by the listeners."""

from __future__ import annotations

from typing import Any


def team_id_of(body: dict[str, Any]) -> str:
    """The workspace a request came from, whatever its shape (event, command, interaction)."""
    team = body.get("team")
    return (
        body.get("team_id")
        or (team.get("id") if isinstance(team, dict) else None)
        or (body.get("user") or {}).get("team_id")
        or (body.get("authorizations") or [{}])[0].get("team_id")
        or ""
    )
