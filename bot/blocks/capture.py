"""Block Kit for capture replies (/got, /gave confirmations and problems). Pure."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot import ids
from bot.slack_text import escape_mrkdwn

Block = dict[str, Any]


def _names(people: Sequence[str]) -> str:
    mentions = [f"<@{p}>" for p in people]
    if len(mentions) <= 2:
        return " and ".join(mentions)
    return ", ".join(mentions[:-1]) + f" and {mentions[-1]}"


def confirmation_text(direction: str, people: Sequence[str], reason: str | None, *, already: bool) -> str:
    who = _names(people)
    what = f" — _{escape_mrkdwn(reason)}_" if reason else ""
    line = f"Noted: {who} helped you{what}." if direction == "got" else f"Noted: you helped {who}{what}."
    return line + (" (This was already recorded.)" if already else "")


def build_confirmation(
    direction: str, people: Sequence[str], reason: str | None, undo_key: str, *, already: bool = False
) -> list[Block]:
    text = confirmation_text(direction, people, reason, already=already)
    return [
        {"type": "section", "text": {"type": "mrkdwn", "text": text}},
        {
            "type": "actions",
            "elements": [
                {
                    "type": "button",
                    "action_id": ids.UNDO_RECORD,
                    "text": {"type": "plain_text", "text": "Undo"},
                    "value": undo_key,
                }
            ],
        },
    ]


def build_undone(count: int) -> list[Block]:
    text = "Undone — that record is gone from your ledger." if count else "There was nothing left to undo."
    return [{"type": "section", "text": {"type": "mrkdwn", "text": text}}]


def build_problem(message: str) -> list[Block]:
    """`message` is written by us and may contain mentions we put there; never user text raw."""
    return [{"type": "section", "text": {"type": "mrkdwn", "text": message}}]
