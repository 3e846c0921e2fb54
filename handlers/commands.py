"""`/got` and `/gave`: record help received or given, answer privately with an Undo button."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App

from bot import ids
from bot.blocks.capture import build_confirmation, build_problem, confirmation_text
from bot.capture import CommandRefused, StorageUnavailable
from bot.deps import deps_of
from bot.help_command import CommandProblem, Direction, parse_help_command
from handlers.common import team_id_of

UNAVAILABLE = "I couldn't save that just now, so nothing was recorded. Please try again in a minute."


def _handle(direction: Direction, ack: Ack, command: dict[str, Any], context: Any) -> None:
    deps = deps_of(context)
    actor = command["user_id"]
    parsed = parse_help_command(
        command.get("text") or "", direction=direction, actor=actor, max_reason=deps.settings.reason_max_chars
    )
    if isinstance(parsed, CommandProblem):
        ack(text=parsed.message, blocks=build_problem(parsed.message))
        return
    try:
        recorded = deps.capture.record_command(
            team_id=team_id_of(command),
            actor=actor,
            command=parsed,
            trigger_id=command.get("trigger_id") or _fallback_key(command),
            channel_id=command.get("channel_id"),
        )
    except (CommandRefused, StorageUnavailable) as err:
        message = str(err) if isinstance(err, CommandRefused) else UNAVAILABLE
        ack(text=message, blocks=build_problem(message))
        return
    people = [p if isinstance(p, str) else p.user_id for p in recorded.people]
    for user_id in (actor, *people):  # every ledger involved changed; a /gave is a claim on theirs
        deps.home.refresh(team_id_of(command), user_id)
    ack(
        text=confirmation_text(direction, people, recorded.reason, already=recorded.already),
        blocks=build_confirmation(direction, people, recorded.reason, recorded.undo_key, already=recorded.already),
    )


def _fallback_key(command: dict[str, Any]) -> str:
    # Slack always sends trigger_id; this only keeps a hand-made request from colliding.
    return f"{command.get('user_id')}:{command.get('command')}:{command.get('text')}"[:128]


def got(ack: Ack, command: dict[str, Any], context: Any) -> None:
    _handle("got", ack, command, context)


def gave(ack: Ack, command: dict[str, Any], context: Any) -> None:
    _handle("gave", ack, command, context)


def register(app: App) -> None:
    app.command(ids.GOT_COMMAND)(got)
    app.command(ids.GAVE_COMMAND)(gave)
