"""Printing what happened: one action's Outcome, a digest DM, a click — all read from state."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from bot.demo import render
from bot.demo.world import DemoWorld, LedgerRow, Member, Outcome, PostedMessage

INDENT = " " * 11
_SOURCE = {
    "thanks_message": "thanks in a message",
    "thanks_reaction": "thanks reaction",
    "got_command": "/got",
    "gave_command": "/gave",
}


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count} {word if count == 1 else (words or word + 's')}"


class Transcript:
    def __init__(self, world: DemoWorld, out: TextIO, *, width: int = 92) -> None:
        self.world, self.out, self.width = world, out, width

    def line(self, text: str = "") -> None:
        self.out.write(text + "\n")

    def name(self, user_id: str) -> str:
        return self.world.names.user(user_id)

    def clock_prefix(self, instant: dt.datetime) -> str:
        return f"{instant:%H:%M} UTC "

    def wall(self, member: Member, instant: dt.datetime) -> str:
        return f"{member.first_name} ({member.city} {instant.astimezone(ZoneInfo(member.tz)):%H:%M})"

    # ---------------------------------------------------------------- the ledger

    def ledger_row(self, row: LedgerRow, *, reporter: bool = False) -> str:
        what = f"{self.name(row.helper_id)} helped {self.name(row.recipient_id)}"
        how = _SOURCE.get(row.source, row.source)
        if row.reason:
            how += f": “{render.mrkdwn(row.reason)}”"
        if reporter and row.source == "gave_command":
            how += f"; a claim by {self.name(row.reporter_id)}, never a reason to nudge {self.name(row.recipient_id)}"
        return f"{what} ({how})"

    def ledger_changes(self, outcome: Outcome) -> list[str]:
        lines = [f"ledger + {self.ledger_row(r, reporter=True)}" for r in outcome.added]
        lines += [f"ledger − retracted: {self.ledger_row(r)}" for r in outcome.retracted]
        return lines

    # ---------------------------------------------------------------- actions

    def message(self, instant: dt.datetime, posted: PostedMessage, outcome: Outcome, *, verb: str = "") -> None:
        member = self.world.members[posted.user_id]
        where = "#" + self.world.names.channel(posted.channel_id)
        if posted.thread_ts and posted.thread_ts != posted.ts:
            parent = self.world.names.user(_thread_author(self.world, posted) or "?")
            where += f" (in {parent}'s thread)"
        text = render.mrkdwn(posted.text, self.world.names)
        self.line(f"{self.clock_prefix(instant)}{where}  {self.wall(member, instant)}{verb}: {text}")
        self.effects(outcome, reactions_on=posted)

    def deleted(self, instant: dt.datetime, posted: PostedMessage, outcome: Outcome) -> None:
        member = self.world.members[posted.user_id]
        where = "#" + self.world.names.channel(posted.channel_id)
        text = render.mrkdwn(posted.text, self.world.names)
        self.line(f"{self.clock_prefix(instant)}{where}  {self.wall(member, instant)} deleted: {text}")
        self.effects(outcome)

    def reaction(self, instant: dt.datetime, who: Member, emoji: str, posted: PostedMessage, outcome: Outcome) -> None:
        author = self.name(posted.user_id)
        where = "#" + self.world.names.channel(posted.channel_id)
        snippet = render.mrkdwn(posted.text, self.world.names)
        snippet = snippet if len(snippet) <= 40 else snippet[:39] + "…"
        self.line(
            f"{self.clock_prefix(instant)}{where}  {self.wall(who, instant)} reacted {render.emoji(emoji)}"
            f" to {author}'s “{snippet}”"
        )
        self.effects(outcome)

    def command(self, instant: dt.datetime, who: Member, command: str, text: str, outcome: Outcome) -> None:
        self.line(f"{self.clock_prefix(instant)}{self.wall(who, instant)} typed: {command} {text}")
        body = outcome.ack_body if isinstance(outcome.ack_body, dict) else {}
        if body:
            reply = render.message(body, self.world.names, self.width - len(INDENT) - 4)
            self.line(f"{INDENT}Giveback replied (only {who.first_name} sees it):")
            for reply_line in reply:
                self.line(f"{INDENT}  │ {reply_line}")
        self.effects(outcome)

    def effects(self, outcome: Outcome, *, reactions_on: PostedMessage | None = None) -> None:
        if outcome.status != 200:
            self.line(f"{INDENT}Slack got HTTP {outcome.status} from the bot")
        lines: list[str] = []
        if reactions_on is not None and outcome.bot_reactions:
            shown = ", ".join(render.emoji(r) for r in outcome.bot_reactions)
            lines.append(f"Giveback reacted {shown}")
        for ephemeral in outcome.ephemerals:
            text = " ".join(render.message(ephemeral, self.world.names, 200))
            lines.append(f"Giveback (only {self.name(str(ephemeral.get('user')))} sees it): {text}")
        lines += self.ledger_changes(outcome)
        if not lines:
            lines.append("nothing recorded")
        for text in lines:
            self.line(f"{INDENT}{text}")

    # ---------------------------------------------------------------- digests

    def dm(self, recipient: Member, message: dict[str, Any], sent_at: dt.datetime) -> None:
        local = sent_at.astimezone(ZoneInfo(recipient.tz))
        head = f"┌─ DM from Giveback to {recipient.first_name} · {local:%a %d %b %H:%M} {recipient.city}"
        self.line(f"{INDENT}{head}")
        for text in render.message(message, self.world.names, self.width - len(INDENT) - 2):
            self.line(f"{INDENT}│ {text}".rstrip())
        self.line(f"{INDENT}└─")

    def changed_blocks(self, before: Sequence[dict[str, Any]], after: Sequence[dict[str, Any]]) -> None:
        """The blocks a click replaced, before and after, matched by block_id."""
        old = {b.get("block_id"): b for b in before if b.get("block_id")}
        width = self.width - len(INDENT) - 8
        changed = False
        for block in after:
            previous = old.get(block.get("block_id"))
            if previous is not None and previous != block:
                changed = True
                for i, text in enumerate(render.blocks([previous], self.world.names, width)):
                    self.line(f"{INDENT}  {'was:' if i == 0 else '    '} {text}")
                for i, text in enumerate(render.blocks([block], self.world.names, width)):
                    self.line(f"{INDENT}  {'now:' if i == 0 else '    '} {text}")
        if not changed and list(before) != list(after):
            self.line(f"{INDENT}  the message now reads:")
            for text in render.blocks(after, self.world.names, width):
                self.line(f"{INDENT}  │ {text}")


def _thread_author(world: DemoWorld, posted: PostedMessage) -> str | None:
    for message in world.sandbox.messages(posted.channel_id):
        if message["ts"] == posted.thread_ts:
            return str(message.get("user"))
    return None
