"""The daily digest DM, as Block Kit, and its in-place updates after a click. Pure.

Every piece of user-typed text (reasons, names) goes through `escape_mrkdwn`, so a reason such as
`<!channel>` or `<https://evil|x>` is shown as text and pings or links nobody.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from bot import ids
from bot.slack_text import escape_mrkdwn, shorten

QUESTION = "How can I support you?"
REASON_CHARS = 120
MAX_REASONS = 3

_SOURCE_WORDS = {
    "got_command": "you noted their help",
    "thanks_message": "you thanked them",
    "thanks_reaction": "you reacted with thanks",
    "gave_command": "they noted it",
}
_OUTCOME_WORDS = {
    "asked": "You asked {who} ✓ — they leave your suggestions until they help again.",
    "snoozed": "Snoozed {who} for {days} days.",
    "muted": "Giveback won't suggest {who} again.",
}


class Reason(NamedTuple):
    """One act of help, as U described it. (Reason and Person are named tuples: planning builds
    several per digest, and a frozen dataclass costs ~3x as much to build.)"""

    text: str | None
    source: str
    happened_at: dt.datetime
    channel_id: str | None = None


class Person(NamedTuple):
    other_id: str
    unreturned: int
    last_help_at: dt.datetime
    reasons: tuple[Reason, ...] = ()
    name: str | None = None  # for plain-text rendering only; mrkdwn uses a mention


@dataclass(frozen=True, slots=True)
class DigestView:
    team_id: str
    user_id: str
    digest_id: int
    people: tuple[Person, ...]
    zone: ZoneInfo
    now: dt.datetime
    first: bool = False
    digest_time: dt.time = dt.time(9, 0)
    days_label: str = "mon-fri"
    snooze_days: int = 14
    lookback_days: int = 14
    extra: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------------
# Words


def when_words(instant: dt.datetime, now: dt.datetime, zone: ZoneInfo) -> str:
    """'today', 'yesterday', 'Tue' within a week, else 'Mar 3' — on the reader's wall."""
    day = instant.astimezone(zone).date()
    today = now.astimezone(zone).date()
    delta = (today - day).days
    if delta <= 0:
        return "today"
    if delta == 1:
        return "yesterday"
    if delta < 7:
        return day.strftime("%a")
    return f"{day.strftime('%b')} {day.day}"


def times_words(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def reason_line(reason: Reason, now: dt.datetime, zone: ZoneInfo, *, mrkdwn: bool = True) -> str:
    """'reviewed your PR · Tue in #eng' (the channel as a link Slack renders by name)."""
    what = shorten(reason.text, REASON_CHARS) if reason.text else _SOURCE_WORDS.get(reason.source, "")
    if mrkdwn:
        what = escape_mrkdwn(what)
    where = when_words(reason.happened_at, now, zone)
    if reason.channel_id and not reason.channel_id.startswith("D"):
        channel = f"<#{reason.channel_id}>" if mrkdwn else f"#{reason.channel_id}"
        where += f" in {channel}"
    return f"{what} · {where}" if what else where


def dm_link(team_id: str, other_id: str) -> str:
    return f"slack://user?team={team_id}&id={other_id}"


def _person_text(view: DigestView, person: Person) -> str:
    who = f"<@{person.other_id}>"
    head = (
        f"*{who}* helped you {times_words(person.unreturned)} in the last {view.lookback_days} days,"
        f" most recently {when_words(person.last_help_at, view.now, view.zone)}."
    )
    lines = [head]
    lines += [f"• {reason_line(r, view.now, view.zone)}" for r in person.reasons[:MAX_REASONS]]
    lines.append(f"Ask them: _“{QUESTION}”_ · <{dm_link(view.team_id, person.other_id)}|Message them>")
    return "\n".join(lines)


def _schedule_words(view: DigestView) -> str:
    days = view.days_label.replace("-", "–").title() if view.days_label != "daily" else "every day"
    return f"{view.digest_time.strftime('%H:%M')} {days}, your time ({view.zone.key})"


# ---------------------------------------------------------------------------------------------
# Blocks


def _value(digest_id: int, other_id: str) -> str:
    return f"{digest_id}:{other_id}"


def parse_value(value: str) -> tuple[int, str]:
    """The inverse of the button value: (digest id, other person). ValueError when malformed."""
    digest, _, other = value.partition(":")
    if not digest.isdigit() or not other:
        raise ValueError(f"malformed digest button value {value!r}")
    return int(digest), other


def person_block_id(other_id: str) -> str:
    return f"gb_person:{other_id}"


def actions_block_id(other_id: str) -> str:
    return f"gb_actions:{other_id}"


FOOTER_BLOCK_ID = "gb_footer"


def _button(text: str, action_id: str, value: str, style: str | None = None) -> dict[str, Any]:
    button: dict[str, Any] = {
        "type": "button",
        "text": {"type": "plain_text", "text": text, "emoji": True},
        "action_id": action_id,
        "value": value,
    }
    if style:
        button["style"] = style
    return button


def person_actions(digest_id: int, other_id: str, snooze_days: int = 14) -> dict[str, Any]:
    value = _value(digest_id, other_id)
    weeks = snooze_days // 7
    snooze = f"Snooze {weeks} weeks" if snooze_days % 7 == 0 and weeks > 1 else f"Snooze {snooze_days} days"
    return {
        "type": "actions",
        "block_id": actions_block_id(other_id),
        "elements": [
            _button("I asked them", ids.DIGEST_ASKED, value, "primary"),
            _button(snooze, ids.DIGEST_SNOOZE, value),
            _button("Don't suggest them again", ids.DIGEST_MUTE, value),
        ],
    }


def outcome_block(
    digest_id: int, other_id: str, outcome: str, *, name: str | None = None, snooze_days: int = 14
) -> dict[str, Any]:
    """What replaces a person's buttons after a click: what happened, and an Undo."""
    who = f"<@{other_id}>" if name is None else escape_mrkdwn(name)
    text = _OUTCOME_WORDS[outcome].format(who=who, days=snooze_days)
    return {
        "type": "section",
        "block_id": actions_block_id(other_id),
        "text": {"type": "mrkdwn", "text": text},
        "accessory": _button("Undo", ids.DIGEST_UNDO, _value(digest_id, other_id)),
    }


def footer_block(digest_id: int, *, paused: bool = False) -> dict[str, Any]:
    if paused:
        return {
            "type": "section",
            "block_id": FOOTER_BLOCK_ID,
            "text": {"type": "mrkdwn", "text": "Digests paused. You won't get another until you resume."},
            "accessory": _button("Resume digests", ids.DIGEST_RESUME, str(digest_id)),
        }
    return {
        "type": "actions",
        "block_id": FOOTER_BLOCK_ID,
        "elements": [_button("Pause digests", ids.DIGEST_PAUSE, str(digest_id))],
    }


def intro_text() -> str:
    return (
        "*Giveback* notices when people help you in Slack and, on your digest days, suggests whom "
        f"to ask _“{QUESTION}”_. Only you see this. To stop, press *Pause digests* below."
    )


def fallback_text(view: DigestView) -> str:
    count = len(view.people)
    who = "person" if count == 1 else "people"
    return f"{count} {who} helped you recently — ask them: “{QUESTION}”"


def build_digest(view: DigestView) -> dict[str, Any]:
    """`{"text": …, "blocks": […]}` for chat.postMessage."""
    blocks: list[dict[str, Any]] = []
    if view.first:
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": intro_text()}]})
    blocks.append(
        {
            "type": "section",
            "text": {
                "type": "mrkdwn",
                "text": "*These people helped you recently and you haven't helped back yet.*",
            },
        }
    )
    for person in view.people:
        blocks.append({"type": "divider"})
        blocks.append(
            {
                "type": "section",
                "block_id": person_block_id(person.other_id),
                "text": {"type": "mrkdwn", "text": _person_text(view, person)},
            }
        )
        blocks.append(person_actions(view.digest_id, person.other_id, view.snooze_days))
    blocks.append({"type": "divider"})
    blocks.append(footer_block(view.digest_id))
    blocks.append(
        {
            "type": "context",
            "elements": [
                {
                    "type": "mrkdwn",
                    "text": f"Sent at {_schedule_words(view)}. Change the time or days in Giveback's *Home* tab.",
                }
            ],
        }
    )
    return {"text": fallback_text(view), "blocks": blocks}


def _replace(blocks: Sequence[dict[str, Any]], block_id: str, new: dict[str, Any]) -> list[dict[str, Any]]:
    out = [copy.deepcopy(b) for b in blocks]
    for index, block in enumerate(out):
        if block.get("block_id") == block_id:
            out[index] = new
            return out
    raise KeyError(block_id)


def with_outcome(
    blocks: Sequence[dict[str, Any]], digest_id: int, other_id: str, outcome: str | None, snooze_days: int = 14
) -> list[dict[str, Any]]:
    """The message after a click on one person: their buttons become the outcome and an Undo;
    `outcome=None` (undo) brings the buttons back."""
    new = (
        person_actions(digest_id, other_id, snooze_days)
        if outcome is None
        else outcome_block(digest_id, other_id, outcome, snooze_days=snooze_days)
    )
    return _replace(blocks, actions_block_id(other_id), new)


def with_paused(blocks: Sequence[dict[str, Any]], digest_id: int, paused: bool) -> list[dict[str, Any]]:
    return _replace(blocks, FOOTER_BLOCK_ID, footer_block(digest_id, paused=paused))


# ---------------------------------------------------------------------------------------------
# Plain text (`giveback digest --preview`)


def render_plain(view: DigestView) -> str:
    lines: list[str] = []
    if view.first:
        lines += [
            "Giveback notices when people help you in Slack and suggests whom to ask",
            f"“{QUESTION}”. Only you see this. To stop, press Pause digests.",
            "",
        ]
    lines.append("These people helped you recently and you haven't helped back yet.")
    for number, person in enumerate(view.people, 1):
        who = f"{person.name} ({person.other_id})" if person.name else person.other_id
        lines.append("")
        lines.append(
            f"{number}. {who} helped you {times_words(person.unreturned)} in the last "
            f"{view.lookback_days} days, most recently {when_words(person.last_help_at, view.now, view.zone)}."
        )
        lines += [f"   - {reason_line(r, view.now, view.zone, mrkdwn=False)}" for r in person.reasons[:MAX_REASONS]]
        lines.append(f"   Ask them: “{QUESTION}”")
        lines.append("   [I asked them] [Snooze] [Don't suggest them again]")
    lines.append("")
    lines.append(f"[Pause digests] · Sent at {_schedule_words(view)}.")
    return "\n".join(lines)
