"""Block Kit for `/giveback` replies: help, short answers, and the forget confirmation. Pure."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot import ids

Block = dict[str, Any]

# Friendly names for the tables `forget` clears (the counts come from storage).
_TABLE_WORDS = {
    "help_edges": "help records",
    "digest_items": "digest suggestions",
    "digests": "digests",
    "give_backs": "“I asked them” clicks",
    "suggestion_rules": "mutes and snoozes",
    "user_settings": "settings",
}


def build_reply(text: str) -> list[Block]:
    return [{"type": "section", "text": {"type": "mrkdwn", "text": text[:3000]}}]


def build_forget_confirm() -> list[Block]:
    return [
        {
            "type": "section",
            "block_id": "forget_warning",
            "text": {
                "type": "mrkdwn",
                "text": (
                    "*Delete everything Giveback stores about you?*\n"
                    "Your help records in both directions (what you received and what you gave), your"
                    " settings, mutes and snoozes, and your digest history are deleted for good, and"
                    " other people's digests stop naming you. Giveback then stops recording you until"
                    " you say `/giveback record me`.\n"
                    "Want a copy first? Use `/giveback export`."
                ),
            },
        },
        {
            "type": "actions",
            "block_id": "forget_actions",
            "elements": [
                {
                    "type": "button",
                    "text": {"type": "plain_text", "text": "Delete everything", "emoji": True},
                    "action_id": ids.FORGET_CONFIRM,
                    "value": "forget",
                    "style": "danger",
                    "confirm": {
                        "title": {"type": "plain_text", "text": "Delete your Giveback data?"},
                        "text": {"type": "plain_text", "text": "This can't be undone."},
                        "confirm": {"type": "plain_text", "text": "Delete"},
                        "deny": {"type": "plain_text", "text": "Keep it"},
                        "style": "danger",
                    },
                },
                {
                    "type": "button",
                    "text": {"type": "plain_text", "text": "Cancel", "emoji": True},
                    "action_id": ids.FORGET_CANCEL,
                    "value": "cancel",
                },
            ],
        },
    ]


def forgotten_text(counts: Mapping[str, int]) -> str:
    # The cached Slack profile (name, zone) is deleted too, but it is Slack's, not news to them.
    parts = [f"{n} {_TABLE_WORDS.get(t, t)}" for t, n in sorted(counts.items()) if n and t != "slack_users"]
    if not parts:
        return "There was nothing left to delete. Giveback is not recording you; `/giveback record me` to start again."
    return (
        "Done. Deleted " + ", ".join(parts) + ". Giveback won't record you from now on;"
        " `/giveback record me` starts it again."
    )


def forget_cancelled_text() -> str:
    return "Nothing was deleted."
