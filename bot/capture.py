"""Capture: turning what people say in Slack into acts of help in the ledger, exactly once.

Every entry point commits the record first and only then schedules Slack side effects (the ack
reaction, the permalink, a `users.info` refresh) in the background: Slack is acknowledged after
the record is durable, and a slow or failing Web API can never lose or undo a capture.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from bot.background import Background
from bot.detector import Thanks, detect_thanks, warm_up
from bot.directory import FRESH_FOR, Person, UnknownUser, UserDirectory, WorkspaceUrls, message_permalink
from bot.help_command import HelpCommand
from bot.log import get_logger
from bot.settings import Settings
from bot.slack_text import shorten
from storage import help as ledger
from storage.db import Database
from storage.models import Source
from storage.users import CaptureStatus, capture_opted_out, capture_status, ensure_workspace

log = get_logger(__name__)

# Slack's message limit is 40,000 characters; reasons shown in a digest are one line.
REASON_CHARS = 200
# How long a process trusts that a workspace row exists without writing it again: long enough
# that the ack path skips the statement, short enough that a row purged while the process ran
# (uninstall, grace period, reinstall) comes back.
WORKSPACE_ROW_TRUSTED_S = 3600.0


class StorageUnavailable(Exception):
    """The database could not take the record; nothing was saved and the caller must say so."""


class CommandRefused(Exception):
    """A /got or /gave names someone it can't be about (a bot, someone who left, nobody)."""


@dataclass(frozen=True, slots=True)
class Recorded:
    """What a command recorded, for the confirmation message."""

    people: tuple[Person | str, ...]
    reason: str | None
    undo_key: str
    already: bool


@dataclass(frozen=True, slots=True)
class MessageRef:
    team_id: str
    channel_id: str
    ts: str
    event_id: str | None = None
    # The thread's parent ts for a reply (its permalink names the thread); None for a top-level
    # message, and for a reaction (its event does not say), whose permalink comes from the Web API.
    thread_ts: str | None = None

    @property
    def key(self) -> str:
        return f"{self.channel_id}:{self.ts}"


def slack_time(ts: str) -> dt.datetime:
    """Slack `ts` ("1700000000.000100") → aware UTC datetime."""
    return dt.datetime.fromtimestamp(float(ts), tz=dt.UTC)


class CaptureService:
    def __init__(
        self,
        *,
        settings: Settings,
        db: Database,
        slack: WebClient,
        directory: UserDirectory,
        background: Background,
        clock: Callable[[], dt.datetime],
    ) -> None:
        self._settings, self._db, self._slack = settings, db, slack
        self._directory, self._background, self._clock = directory, background, clock
        self._urls = WorkspaceUrls(slack, clock)
        self._workspace_rows: dict[str, float] = {}  # team_id → when this process last ensured it
        # The detector compiles its regexes on first use, which takes seconds: here, before the bot connects or
        # serves, not inside the 3-second ack window of the first message.
        warm_up()

    # ---- slash commands -------------------------------------------------------------------

    def record_command(
        self, *, team_id: str, actor: str, command: HelpCommand, trigger_id: str, channel_id: str | None
    ) -> Recorded:
        try:
            people = self._directory.lookup(team_id, command.people)
        except UnknownUser as err:
            raise CommandRefused(f"I can't find <@{err.args[0]}> in this workspace.") from None
        for user_id in command.people:
            person = people.get(user_id)
            if person is not None and person.is_bot:
                raise CommandRefused(f"<@{user_id}> is a bot; Giveback only records help between people.")
            if person is not None and person.deleted:
                raise CommandRefused(f"<@{user_id}> is no longer in this workspace.")
        source = Source.GOT_COMMAND if command.direction == "got" else Source.GAVE_COMMAND
        now = self._clock()
        edges = [
            ledger.NewEdge(
                team_id=team_id,
                helper_id=other if command.direction == "got" else actor,
                recipient_id=actor if command.direction == "got" else other,
                source=source.value,
                source_key=trigger_id,
                reporter_id=actor,
                happened_at=now,
                reason=command.reason,
                channel_id=channel_id,
            )
            for other in command.people
        ]
        with self._writing() as session:
            opted_out = capture_opted_out(session, team_id, command.people)
            if opted_out:
                raise CommandRefused(
                    " ".join(f"<@{u}>" for u in sorted(opted_out)) + " asked Giveback not to record them."
                )
            self._ensure_workspace(session, team_id, None, now)
            changed = ledger.upsert_edges(session, edges, now)
        self._workspace_ensured(team_id)
        log.info("capture.command", team_id=team_id, source=source.value, people=len(edges), new=len(changed))
        if changed:
            # Learn the reporter's time zone off the ack path: it decides when their digest goes out.
            self._background.submit("directory.refresh", self._directory.refresh, team_id, [actor])
        return Recorded(
            people=tuple(people.get(u) or u for u in command.people),
            reason=command.reason,
            undo_key=f"{source.value}|{trigger_id}",
            already=not changed,
        )

    def undo(self, *, team_id: str, actor: str, undo_key: str) -> int:
        """Retract what `actor` recorded under `undo_key`; nobody can undo another's record."""
        source, _, source_key = undo_key.partition("|")
        if source not in {s.value for s in Source}:
            return 0
        with self._writing() as session:
            if source in (Source.THANKS_MESSAGE, Source.THANKS_REACTION):
                return ledger.retract(session, team_id, source, source_key, self._clock(), recipient_id=actor)
            return ledger.retract(session, team_id, source, source_key, self._clock(), reporter_id=actor)

    # ---- thanks messages ------------------------------------------------------------------

    def capture_message(
        self, ref: MessageRef, *, author: str, text: str, thread_parent_author: str | None, bot_user_id: str | None
    ) -> tuple[str, ...]:
        """A new message: record each person it thanks. Returns who was newly credited."""
        found = self._detected(author, text, thread_parent_author, bot_user_id)
        if not found:
            # Most messages thank nobody. They need no record and no event-id claim (a re-delivery
            # detects nothing again), so they skip the write transaction — on SQLite the
            # database-wide write lock — that would otherwise serialise all traffic (bench/bench_ingest.py).
            return ()
        now = self._clock()
        permalink = self._permalink(ref)
        edges = self._message_edges(ref, author, found, permalink)
        if not self._workspace_row_trusted(ref.team_id):
            # Once an hour per workspace, in a transaction of its own: the acts need the row.
            with self._writing() as session:
                ensure_workspace(session, ref.team_id, bot_user_id, now)
            self._workspace_ensured(ref.team_id)
        # One statement per person thanked, on the driver's own cursor; the usual single statement
        # runs without BEGIN/COMMIT round trips on PostgreSQL. Each INSERT checks in itself that
        # neither side opted out or is a known bot or deleted user, and is keyed by the message: a
        # re-delivery (or a late retry after the message was edited or deleted) finds the acts
        # there, active or retracted, and changes nothing, which makes the event-id claim that
        # edits and deletions need redundant here. The ack waits for this commit, so every round
        # trip and every bit of CPU here counts (bench/bench_ingest.py).
        try:
            with self._db.driver_transaction(one_statement=len(edges) == 1) as connection:
                changed = ledger.insert_new_edges_of_people(connection, edges, now)
        except OperationalError as err:
            raise StorageUnavailable(str(err.orig)) from err
        if not changed:
            log.info("capture.nothing_new", team_id=ref.team_id, event_id=ref.event_id)
            return ()
        credited = tuple(edge.helper_id for edge in changed)
        log.info("capture.message", team_id=ref.team_id, channel_id=ref.channel_id, thanked=len(credited))
        # The author too: their time zone decides when their digest goes out.
        stale = self._directory.not_fresh_here(ref.team_id, [author, *credited])
        self._after_capture(ref, stale, react=True, permalink_stored=permalink is not None)
        return credited

    def reconcile_edit(
        self, ref: MessageRef, *, author: str, text: str, thread_parent_author: str | None, bot_user_id: str | None
    ) -> tuple[str, ...]:
        """An edited message: add people now thanked, retract people no longer thanked."""
        found = self._detected(author, text, thread_parent_author, bot_user_id)
        now = self._clock()
        with self._writing() as session:
            if ref.event_id and not ledger.claim_event(session, ref.team_id, ref.event_id, now):
                return ()
            status = capture_status(session, ref.team_id, [author, *(t.user_id for t in found)])
            thanks = _creditable(author, found, status)
            before = {
                e.helper_id
                for e in ledger.edges_for_key(session, ref.team_id, Source.THANKS_MESSAGE, ref.key)
                if e.active
            }
            wanted = {t.user_id for t in thanks}
            permalink = self._permalink(ref)
            ledger.upsert_edges(session, self._message_edges(ref, author, thanks, permalink), now)
            ledger.retract(session, ref.team_id, Source.THANKS_MESSAGE, ref.key, now, helper_ids=before - wanted)
        log.info("capture.edit", team_id=ref.team_id, added=len(wanted - before), removed=len(before - wanted))
        if wanted and not before:
            people = [author, *wanted]
            self._after_capture(ref, _stale(people, status, now), react=True, permalink_stored=permalink is not None)
        elif before and not wanted:
            self._background.submit("ack.remove", self._remove_ack, ref)
        return tuple(sorted(wanted))

    def retract_message(self, ref: MessageRef) -> int:
        now = self._clock()
        with self._writing() as session:
            if ref.event_id and not ledger.claim_event(session, ref.team_id, ref.event_id, now):
                return 0
            count = ledger.retract(session, ref.team_id, Source.THANKS_MESSAGE, ref.key, now)
        log.info("capture.message_deleted", team_id=ref.team_id, retracted=count)
        return count

    # ---- thanks reactions -----------------------------------------------------------------

    def record_reaction(self, ref: MessageRef, *, reactor: str, author: str, bot_user_id: str | None) -> bool:
        """`reactor` put a thanks emoji on `author`'s message: author helped reactor."""
        if reactor == author or bot_user_id in (reactor, author):
            return False
        now = self._clock()
        edge = ledger.NewEdge(
            team_id=ref.team_id,
            helper_id=author,
            recipient_id=reactor,
            source=Source.THANKS_REACTION.value,
            source_key=ref.key,
            reporter_id=reactor,
            happened_at=now,
            channel_id=ref.channel_id,
            message_ts=ref.ts,
            event_id=ref.event_id,
        )
        with self._writing() as session:
            if ref.event_id and not ledger.claim_event(session, ref.team_id, ref.event_id, now):
                return False
            status = capture_status(session, ref.team_id, [author, reactor])
            if any(s.opted_out or (s.cached and not s.can_be_credited) for s in status.values()):
                return False
            self._ensure_workspace(session, ref.team_id, bot_user_id, now)
            changed = ledger.upsert_edges(session, [edge], now)
        self._workspace_ensured(ref.team_id)
        if changed:
            # The reaction event does not say whether the message is a thread reply, so its
            # permalink comes from chat.getPermalink after the ack (reactions are the rarer source).
            people = _stale([author, reactor], status, now)
            self._after_capture(
                ref, people, react=False, source=Source.THANKS_REACTION, permalink_stored=False, ask_slack=True
            )
        return bool(changed)

    def retract_reaction(self, ref: MessageRef, *, reactor: str, author: str) -> int:
        now = self._clock()
        with self._writing() as session:
            if ref.event_id and not ledger.claim_event(session, ref.team_id, ref.event_id, now):
                return 0
            return ledger.retract(
                session, ref.team_id, Source.THANKS_REACTION, ref.key, now, helper_ids=[author], recipient_id=reactor
            )

    # ---- internals ------------------------------------------------------------------------

    @staticmethod
    def _detected(author: str, text: str, parent: str | None, bot_user_id: str | None) -> list[Thanks]:
        """The detector's answer minus the author and the bot itself (pure; no database)."""
        return [t for t in detect_thanks(text, author, parent) if t.user_id not in (author, bot_user_id)]

    def _workspace_row_trusted(self, team_id: str) -> bool:
        seen = self._workspace_rows.get(team_id)
        return seen is not None and time.monotonic() - seen <= WORKSPACE_ROW_TRUSTED_S

    def _ensure_workspace(
        self, session: ledger.Executor, team_id: str, bot_user_id: str | None, now: dt.datetime
    ) -> None:
        if not self._workspace_row_trusted(team_id):
            ensure_workspace(session, team_id, bot_user_id, now)

    def _workspace_ensured(self, team_id: str) -> None:
        """Called after a commit: only then is the row known to exist."""
        if team_id not in self._workspace_rows or time.monotonic() - self._workspace_rows[team_id] > (
            WORKSPACE_ROW_TRUSTED_S
        ):
            self._workspace_rows[team_id] = time.monotonic()

    def _permalink(self, ref: MessageRef) -> str | None:
        url = self._urls.get(ref.team_id)
        return message_permalink(url, ref.channel_id, ref.ts, ref.thread_ts) if url else None

    @staticmethod
    def _message_edges(
        ref: MessageRef, author: str, thanks: Iterable[Thanks], permalink: str | None
    ) -> list[ledger.NewEdge]:
        return [
            ledger.NewEdge(
                team_id=ref.team_id,
                helper_id=t.user_id,
                recipient_id=author,
                source=Source.THANKS_MESSAGE.value,
                source_key=ref.key,
                reporter_id=author,
                happened_at=slack_time(ref.ts),
                reason=shorten(t.reason, REASON_CHARS) if t.reason else None,
                channel_id=ref.channel_id,
                message_ts=ref.ts,
                event_id=ref.event_id,
                permalink=permalink,
            )
            for t in thanks
        ]

    @contextmanager
    def _writing(self) -> Iterator[Session]:
        """A transaction whose connection failures surface as `StorageUnavailable`."""
        try:
            with self._db.transaction() as session:
                yield session
        except OperationalError as err:
            raise StorageUnavailable(str(err.orig)) from err

    def _after_capture(
        self,
        ref: MessageRef,
        stale: list[str],
        *,
        react: bool,
        permalink_stored: bool,
        source: Source = Source.THANKS_MESSAGE,
        ask_slack: bool = False,
    ) -> None:
        if react and self._settings.ack_emoji:
            self._background.submit("ack.add", self._add_ack, ref)
        if stale or not permalink_stored:
            self._background.submit("capture.enrich", self._enrich, ref, stale, source, permalink_stored, ask_slack)

    def _add_ack(self, ref: MessageRef) -> None:
        try:
            self._slack.reactions_add(channel=ref.channel_id, timestamp=ref.ts, name=self._settings.ack_emoji)
        except SlackApiError as err:
            if err.response.get("error") != "already_reacted":
                raise

    def _remove_ack(self, ref: MessageRef) -> None:
        if not self._settings.ack_emoji:
            return
        try:
            self._slack.reactions_remove(channel=ref.channel_id, timestamp=ref.ts, name=self._settings.ack_emoji)
        except SlackApiError as err:
            if err.response.get("error") != "no_reaction":
                raise

    def _enrich(
        self, ref: MessageRef, people: list[str], source: Source, permalink_stored: bool, ask_slack: bool
    ) -> None:
        """Learn who the people are (retracting credit to bots and leavers) and the permalink."""
        if people:
            # The ack path found these missing or stale in the cache; another capture may have
            # refreshed them since, so skip the fresh ones again.
            found = self._directory.refresh(ref.team_id, people, unless_fresh=True)
            not_people = [uid for uid, p in found.items() if not p.can_be_credited]
            if not_people:
                with self._db.transaction() as session:
                    for user_id in not_people:
                        ledger.retract(session, ref.team_id, source, ref.key, self._clock(), helper_ids=[user_id])
                        ledger.retract(session, ref.team_id, source, ref.key, self._clock(), recipient_id=user_id)
                log.info("capture.dropped_non_people", team_id=ref.team_id, count=len(not_people))
        if permalink_stored:
            return
        url = None if ask_slack else self._urls.learn(ref.team_id)
        permalink: str | None
        if url:
            permalink = message_permalink(url, ref.channel_id, ref.ts, ref.thread_ts)
        else:
            permalink = self._slack.chat_getPermalink(channel=ref.channel_id, message_ts=ref.ts).get("permalink")
        if permalink:
            with self._db.transaction() as session:
                ledger.set_permalink(session, ref.team_id, source, ref.key, permalink)


def _creditable(author: str, found: list[Thanks], status: dict[str, CaptureStatus]) -> list[Thanks]:
    """Drop everyone who opted out or whom the cache knows is a bot or gone; nothing if the author is."""

    def excluded(user_id: str) -> bool:
        s = status.get(user_id)
        return s is not None and (s.opted_out or (s.cached and not s.can_be_credited))

    if excluded(author):
        return []
    return [t for t in found if not excluded(t.user_id)]


def _stale(people: Iterable[str], status: dict[str, CaptureStatus], now: dt.datetime) -> list[str]:
    """Who the cache does not know freshly: they get a `users.info` after the ack."""
    return [
        u
        for u in dict.fromkeys(people)
        if not ((s := status.get(u)) and s.cached and s.refreshed_at is not None and now - s.refreshed_at <= FRESH_FOR)
    ]
