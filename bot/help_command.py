"""Parsing `/got` and `/gave` text into people and a reason. Pure.

    /got <@U1|alice> <@U2|bob> for the intro to Sam
    /gave <@U3|carol> reviewed her PR

Leading mentions (separated by spaces, commas or "and") are the people; the rest is the reason.
Every way the text can be wrong gets its own friendly explanation with an example.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.slack_text import SPECIAL_MENTION, USER_MENTION, to_plain

Direction = Literal["got", "gave"]

_LEADING_MENTION = re.compile(r"\s*(?:,|&amp;|\band\b|\+)?\s*<@([UW][A-Z0-9]+)(?:\|[^>]*)?>", re.I)
_REASON_PREFIX = re.compile(r"^\s*(?:[,:;—–-]+\s*)?(?:for\s+)?", re.I)
_BARE_AT = re.compile(r"(?<![<\w])@[\w.\-]+")
HELP_WORDS = {"", "help", "-h", "--help", "?", "usage"}


@dataclass(frozen=True, slots=True)
class HelpCommand:
    direction: Direction
    people: tuple[str, ...]
    reason: str | None


@dataclass(frozen=True, slots=True)
class CommandProblem:
    """Why the text was not recorded, in words for the person who typed it."""

    message: str
    is_help_request: bool = False


def usage(direction: Direction) -> str:
    if direction == "got":
        return (
            "*/got* records help you received, so Giveback can remind you to give back.\n"
            "Example: `/got @alice @bob for the intro to Sam`"
        )
    return "*/gave* records help you gave someone.\nExample: `/gave @bob reviewed his PR`"


def parse_help_command(text: str, *, direction: Direction, actor: str, max_reason: int) -> HelpCommand | CommandProblem:
    stripped = text.strip()
    if stripped.lower() in HELP_WORDS:
        return CommandProblem(usage(direction), is_help_request=True)
    people, rest = _leading_mentions(stripped)
    if not people:
        return CommandProblem(_no_people_message(stripped, direction))
    others = tuple(p for p in people if p != actor)
    if not others:
        who = "from" if direction == "got" else "to"
        return CommandProblem(f"You can't record help {who} yourself. {usage(direction)}")
    reason = to_plain(_REASON_PREFIX.sub("", rest, count=1)).strip()
    reason = " ".join(reason.split())
    if len(reason) > max_reason:
        return CommandProblem(
            f"That reason is {len(reason)} characters; please keep it under {max_reason}. {usage(direction)}"
        )
    return HelpCommand(direction=direction, people=others, reason=reason or None)


def _leading_mentions(text: str) -> tuple[tuple[str, ...], str]:
    people: list[str] = []
    position = 0
    while match := _LEADING_MENTION.match(text, position):
        if match[1] not in people:
            people.append(match[1])
        position = match.end()
    return tuple(people), text[position:]


def _no_people_message(text: str, direction: Direction) -> str:
    if SPECIAL_MENTION.search(text):
        return (
            "Giveback records help between people, so user groups, @here and @channel can't be "
            f"used — mention each person instead. {usage(direction)}"
        )
    if USER_MENTION.search(text):
        return f"Start with the people, then the reason. {usage(direction)}"
    if _BARE_AT.search(text):
        return (
            "I couldn't tell who you meant: pick each person from Slack's @-menu so the mention "
            f"turns blue. {usage(direction)}"
        )
    return f"Mention at least one person. {usage(direction)}"
