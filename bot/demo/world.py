"""The demo's world: the real bot (HTTP mode) and the Slack sandbox, on a simulated clock.

Every action goes the way Slack would send it — a signed HTTP request into Bolt — and every
`Outcome` is read back afterwards from what actually happened: the sandbox's recorded Web API
calls and state, the HTTP answer, and the ledger. Nothing here knows what "should" happen.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.demo.render import Names
from bot.sandbox import SignedSender, SlackSandbox, payloads
from bot.settings import Settings

TEAM = "T0SANDBOX"
BOT_USER = "U0GIVEBACK"


@dataclass(frozen=True)
class Member:
    user_id: str
    name: str
    real_name: str
    tz: str
    city: str

    @property
    def first_name(self) -> str:
        return self.real_name.split()[0]


@dataclass(frozen=True)
class Channel:
    channel_id: str
    name: str


class DemoClock:
    """The simulated "now" the bot, the sandbox and the digest pass all read."""

    def __init__(self, start: dt.datetime) -> None:
        self._now = start

    def __call__(self) -> dt.datetime:
        return self._now

    def timestamp(self) -> float:
        return self._now.timestamp()

    def set(self, instant: dt.datetime) -> None:
        if instant < self._now:
            raise ValueError(f"the demo clock only moves forward ({instant} < {self._now})")
        self._now = instant

    def advance(self, delta: dt.timedelta) -> None:
        self._now += delta


@dataclass(frozen=True)
class LedgerRow:
    edge_id: int
    helper_id: str
    recipient_id: str
    source: str
    reason: str | None
    reporter_id: str
    active: bool


@dataclass
class Outcome:
    """What one action did, as observed afterwards."""

    status: int
    ack_body: Any = None
    added: list[LedgerRow] = field(default_factory=list)
    retracted: list[LedgerRow] = field(default_factory=list)
    bot_reactions: list[str] = field(default_factory=list)
    ephemerals: list[dict[str, Any]] = field(default_factory=list)
    bot_posts: list[dict[str, Any]] = field(default_factory=list)  # chat.postMessage calls' results
    updates: list[dict[str, Any]] = field(default_factory=list)  # chat.update calls' messages


@dataclass
class PostedMessage:
    channel_id: str
    ts: str
    user_id: str
    text: str
    thread_ts: str | None = None


def demo_settings(sandbox: SlackSandbox, database_url: str, base: Settings | None = None) -> Settings:
    """Settings for the demo: every domain setting at its documented default (so a developer's
    DIGEST_TIME or .env cannot change the scripted week), logging as the caller chose."""
    values: dict[str, Any] = {name: f.default for name, f in Settings.model_fields.items()}
    values.update(
        slack_bot_token=sandbox.bot_token,
        slack_signing_secret=sandbox.signing_secret,
        slack_app_token=None,
        slack_api_url=sandbox.api_url,
        database_url=database_url,
        scheduler_enabled=False,  # the demo ticks the digest itself, on the simulated clock
        host="127.0.0.1",
        port=0,
    )
    if base is not None:
        values.update(log_level=base.log_level, log_format=base.log_format)
    return Settings(_env_file=None, **values)


class DemoWorld:
    def __init__(
        self,
        *,
        members: list[Member],
        channels: list[Channel],
        start: dt.datetime,
        workdir: Path,
        base_settings: Settings | None = None,
    ) -> None:
        from bot.app import create_app

        self.members = {m.user_id: m for m in members}
        self.by_name = {m.name: m for m in members}
        self.channels = {c.channel_id: c for c in channels}
        self.clock = DemoClock(start)
        self.sandbox = SlackSandbox(clock=self.clock.timestamp, socket_mode=False).start()
        for member in members:
            self.sandbox.add_user(member.user_id, member.name, tz=member.tz, real_name=member.real_name)
        for channel in channels:
            if channel.channel_id != "C0GENERAL":
                self.sandbox.add_channel(channel.channel_id, channel.name)
        self.settings = demo_settings(self.sandbox, f"sqlite:///{workdir / 'demo.db'}", base_settings)
        self.app = create_app(self.settings, clock=self.clock)
        self.url = self.app.serve_in_thread()
        # Bolt checks request timestamps against the real time, so the sender signs with it.
        self.sender = SignedSender(self.url, self.sandbox.signing_secret, sandbox=self.sandbox)
        self.names = Names(
            users={**{m.user_id: m.first_name for m in members}, BOT_USER: "Giveback"},
            channels={c.channel_id: c.name for c in channels},
        )
        self.posted: list[PostedMessage] = []

    @classmethod
    @contextmanager
    def open(cls, **kwargs: Any) -> Iterator[DemoWorld]:
        with tempfile.TemporaryDirectory(prefix="giveback-demo-") as tmp:
            world = cls(workdir=Path(tmp), **kwargs)
            try:
                yield world
            finally:
                world.close()

    def close(self) -> None:
        self.app.close()
        self.sandbox.stop()

    # ------------------------------------------------------------------ who and when

    def member(self, name_or_id: str) -> Member:
        key = name_or_id.lstrip("@").lower()
        if key in self.by_name:
            return self.by_name[key]
        if name_or_id in self.members:
            return self.members[name_or_id]
        raise KeyError(name_or_id)

    def channel_id(self, name: str) -> str:
        wanted = name.lstrip("#").lower()
        for channel in self.channels.values():
            if channel.name == wanted or channel.channel_id == name:
                return channel.channel_id
        raise KeyError(name)

    def local(self, member: Member, instant: dt.datetime | None = None) -> dt.datetime:
        return (instant or self.clock()).astimezone(ZoneInfo(member.tz))

    def slack_text(self, text: str) -> str:
        """What Slack's client sends for text typed with `@name`: `<@U…>` mentions, escaped."""
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

        def mention(match: re.Match[str]) -> str:
            member = self.by_name.get(match[1].lower())
            return f"<@{member.user_id}>" if member else match[0]

        return re.sub(r"(?<![\w@])@([a-z][a-z0-9._-]*)", mention, text)

    def command_text(self, text: str) -> str:
        """Slash-command text with `should_escape: true`: mentions arrive as `<@U…|name>`."""
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

        def mention(match: re.Match[str]) -> str:
            member = self.by_name.get(match[1].lower())
            return f"<@{member.user_id}|{member.name}>" if member else match[0]

        return re.sub(r"(?<![\w@])@([a-z][a-z0-9._-]*)", mention, text)

    # ------------------------------------------------------------------ observing

    def ledger_rows(self) -> dict[int, LedgerRow]:
        from sqlalchemy import select

        from storage.models import HelpEdge

        with self.app.db.reader() as session:
            edges = session.scalars(select(HelpEdge).where(HelpEdge.team_id == TEAM).order_by(HelpEdge.id)).all()
            return {
                e.id: LedgerRow(e.id, e.helper_id, e.recipient_id, e.source, e.reason, e.reporter_id, bool(e.active))
                for e in edges
            }

    @contextmanager
    def observe(self) -> Iterator[Outcome]:
        """Run an action inside; afterwards the Outcome holds what changed (side effects drained)."""
        before_rows = self.ledger_rows()
        before_calls = len(self.sandbox.calls())
        before_ephemerals = len(self.sandbox.ephemerals())
        outcome = Outcome(status=0)
        yield outcome
        self.app.deps.background.drain()
        after_rows = self.ledger_rows()
        for edge_id, row in after_rows.items():
            old = before_rows.get(edge_id)
            if row.active and (old is None or not old.active):
                outcome.added.append(row)
            elif not row.active and old is not None and old.active:
                outcome.retracted.append(row)
        calls = self.sandbox.calls()[before_calls:]
        outcome.bot_posts = [c.response for c in calls if c.method == "chat.postMessage" and c.response.get("ok")]
        outcome.updates = [c.response for c in calls if c.method == "chat.update" and c.response.get("ok")]
        outcome.ephemerals = self.sandbox.ephemerals()[before_ephemerals:]

    def bot_reactions_on(self, channel_id: str, ts: str) -> list[str]:
        return [r["name"] for r in self.sandbox.reactions(channel_id, ts) if BOT_USER in r["users"]]

    # ------------------------------------------------------------------ acting (signed HTTP)

    def say(
        self, who: str, channel: str, text: str, *, thread_of: PostedMessage | None = None
    ) -> tuple[PostedMessage, Outcome]:
        member = self.member(who)
        channel_id = self.channel_id(channel)
        raw = self.slack_text(text)
        thread_ts = thread_of.ts if thread_of else None
        with self.observe() as outcome:
            ts = self.sandbox.post_user_message(channel_id, member.user_id, raw, thread_ts=thread_ts)
            stored = next(m for m in self.sandbox.messages(channel_id) if m["ts"] == ts)
            event = payloads.message(
                channel_id,
                member.user_id,
                stored["text"],
                ts=ts,
                thread_ts=stored.get("thread_ts"),
                parent_user_id=stored.get("parent_user_id"),
            )
            outcome.status = self.sender.event(event).status
        posted = PostedMessage(channel_id, ts, member.user_id, stored["text"], stored.get("thread_ts"))
        self.posted.append(posted)
        outcome.bot_reactions = self.bot_reactions_on(channel_id, ts)
        return posted, outcome

    def edit(self, message: PostedMessage, new_text: str) -> tuple[PostedMessage, Outcome]:
        raw = self.slack_text(new_text)
        reactions_before = set(self.bot_reactions_on(message.channel_id, message.ts))
        with self.observe() as outcome:
            event = payloads.message_changed(
                message.channel_id,
                message.ts,
                raw,
                message.user_id,
                previous_text=message.text,
                edit_ts=payloads.new_ts(self.clock.timestamp),
                thread_ts=message.thread_ts,
            )
            outcome.status = self.sender.event(event).status
        edited = PostedMessage(message.channel_id, message.ts, message.user_id, raw, message.thread_ts)
        self.posted = [edited if p.ts == message.ts else p for p in self.posted]
        # Only what this edit added: a reaction already there before is not news.
        outcome.bot_reactions = [
            r for r in self.bot_reactions_on(message.channel_id, message.ts) if r not in reactions_before
        ]
        return edited, outcome

    def delete(self, message: PostedMessage) -> Outcome:
        with self.observe() as outcome:
            event = payloads.message_deleted(
                message.channel_id,
                message.ts,
                user=message.user_id,
                text=message.text,
                event_ts=payloads.new_ts(self.clock.timestamp),
            )
            outcome.status = self.sender.event(event).status
        self.posted = [p for p in self.posted if p.ts != message.ts]
        return outcome

    def react(self, who: str, name: str, message: PostedMessage) -> Outcome:
        member = self.member(who)
        with self.observe() as outcome:
            event = payloads.reaction_added(
                member.user_id,
                name,
                message.channel_id,
                message.ts,
                message.user_id,
                event_ts=payloads.new_ts(self.clock.timestamp),
            )
            outcome.status = self.sender.event(event).status
        return outcome

    def command(self, who: str, command: str, text: str, channel: str = "general") -> Outcome:
        member = self.member(who)
        with self.observe() as outcome:
            response = self.sender.command(
                command, self.command_text(text), user_id=member.user_id, channel_id=self.channel_id(channel)
            )
            outcome.status = response.status
            outcome.ack_body = response.json()
        return outcome

    def click(self, who: str, dm_message: dict[str, Any], action_id: str, value: str) -> Outcome:
        """A button in a DM the bot posted, clicked by its reader (a signed interactivity request)."""
        member = self.member(who)
        channel = self.sandbox.dm_channel(member.user_id)
        with self.observe() as outcome:
            payload = payloads.block_actions(
                member.user_id,
                action_id,
                value,
                message={**dm_message, "channel": channel},
                channel=channel,
                response_url=self.sandbox.response_url(
                    user_id=member.user_id, channel_id=channel, message_ts=dm_message["ts"]
                ),
                block_id=_block_of(dm_message, action_id, value),
                user_name=member.name,
            )
            outcome.status = self.sender.interaction(payload).status
        return outcome

    # ------------------------------------------------------------------ the digest

    @property
    def digest(self) -> Any | None:
        """The bot's digest service (what the scheduler's tick calls), when this build has one."""
        return self.app.deps.digest

    def tick(self) -> tuple[Any, Outcome]:
        """One scheduler tick at the simulated now: `run_pass(clock())`, as the ticker does."""
        service = self.digest
        if service is None:
            raise RuntimeError("this build has no digest service")
        with self.observe() as outcome:
            summary = service.run_pass(self.clock())
        return summary, outcome

    def dm(self, user_id: str, ts: str) -> dict[str, Any] | None:
        return next((m for m in self.sandbox.dm_messages(user_id) if m["ts"] == ts), None)


def _block_of(message: dict[str, Any], action_id: str, value: str) -> str:
    for block in message.get("blocks") or []:
        elements = list(block.get("elements") or [])
        if block.get("accessory"):
            elements.append(block["accessory"])
        for element in elements:
            if element.get("action_id") == action_id and element.get("value") == value:
                return str(block.get("block_id", "actions"))
    raise KeyError(f"no button {action_id}={value} in that message")
