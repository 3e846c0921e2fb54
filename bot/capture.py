"""Capture: turning what people say in Slack into acts of help in the ledger, exactly once.

Every entry point commits the record first and only then schedules Slack side effects (the ack
reaction, the permalink, a `users.info` refresh) in the background: Slack is acknowledged after
the record is durable, and a slow or failing Web API can never lose or undo a capture.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from bot.background import Background
from bot.detector import Thanks, detect_thanks
from bot.directory import Person, UnknownUser, UserDirectory
from bot.help_command import HelpCommand
from bot.log import get_logger
from bot.settings import Settings
from bot.slack_text import shorten
from storage import help as ledger
from storage.db import Database
from storage.models import Source
from storage.users import capture_opted_out, ensure_workspace

log = get_logger(__name__)

# Slack's message limit is 40,000 characters; reasons shown in a digest are one line.
REASON_CHARS = 200


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
            ensure_workspace(session, team_id, None, now)
            changed = ledger.upsert_edges(session, edges, now)
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
        thanks = self._credited(ref.team_id, author, text, thread_parent_author, bot_user_id)
        if not thanks:
            # Most messages thank nobody. They need no record and no event-id claim (a re-delivery
            # detects nothing again), so they skip the write transaction — on SQLite the
            # database-wide write lock — that would otherwise serialise all traffic (bench/bench_ingest.py).
            return ()
        now = self._clock()
        with self._writing() as session:
            if ref.event_id and not ledger.claim_event(session, ref.team_id, ref.event_id, now):
                log.info("capture.duplicate_event", team_id=ref.team_id, event_id=ref.event_id)
                return ()
            thanks = self._without_opted_out(session, ref.team_id, author, thanks)
            if not thanks:
                return ()
            ensure_workspace(session, ref.team_id, bot_user_id, now)
            changed = ledger.upsert_edges(session, self._message_edges(ref, author, thanks), now)
        credited = tuple(edge.helper_id for edge in changed)
        log.info("capture.message", team_id=ref.team_id, channel_id=ref.channel_id, thanked=len(thanks))
        if credited:
            # The author too: their time zone decides when their digest goes out.
            self._after_capture(ref, [author, *(t.user_id for t in thanks)], react=True)
        return credited

    def reconcile_edit(
        self, ref: MessageRef, *, author: str, text: str, thread_parent_author: str | None, bot_user_id: str | None
    ) -> tuple[str, ...]:
        """An edited message: add people now thanked, retract people no longer thanked."""
        thanks = self._credited(ref.team_id, author, text, thread_parent_author, bot_user_id)
        now = self._clock()
        with self._writing() as session:
            if ref.event_id and not ledger.claim_event(session, ref.team_id, ref.event_id, now):
                return ()
            thanks = self._without_opted_out(session, ref.team_id, author, thanks)
            before = {
                e.helper_id
                for e in ledger.edges_for_key(session, ref.team_id, Source.THANKS_MESSAGE, ref.key)
                if e.active
            }
            wanted = {t.user_id for t in thanks}
            ledger.upsert_edges(session, self._message_edges(ref, author, thanks), now)
            ledger.retract(session, ref.team_id, Source.THANKS_MESSAGE, ref.key, now, helper_ids=before - wanted)
        log.info("capture.edit", team_id=ref.team_id, added=len(wanted - before), removed=len(before - wanted))
        if wanted and not before:
            self._after_capture(ref, [author, *wanted], react=True)
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
        known = self._directory.known(ref.team_id, [author, reactor])
        if any(not p.can_be_credited for p in known.values()):
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
            if capture_opted_out(session, ref.team_id, [author, reactor]):
                return False
            ensure_workspace(session, ref.team_id, bot_user_id, now)
            changed = ledger.upsert_edges(session, [edge], now)
        if changed:
            self._after_capture(ref, [author, reactor], react=False, source=Source.THANKS_REACTION)
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

    def _credited(
        self, team_id: str, author: str, text: str, parent: str | None, bot_user_id: str | None
    ) -> list[Thanks]:
        """The detector's answer minus the bot itself and anyone the cache knows is a bot or gone."""
        found = [t for t in detect_thanks(text, author, parent) if t.user_id not in (author, bot_user_id)]
        if not found:
            return []  # no directory read on the ack path for the common case of no thanks
        known = self._directory.known(team_id, [t.user_id for t in found] + [author])
        if author in known and not known[author].can_be_credited:
            return []
        return [t for t in found if t.user_id not in known or known[t.user_id].can_be_credited]

    @staticmethod
    def _without_opted_out(session: Session, team_id: str, author: str, thanks: list[Thanks]) -> list[Thanks]:
        opted_out = capture_opted_out(session, team_id, [author, *(t.user_id for t in thanks)])
        if author in opted_out:
            return []
        return [t for t in thanks if t.user_id not in opted_out]

    def _message_edges(self, ref: MessageRef, author: str, thanks: Iterable[Thanks]) -> list[ledger.NewEdge]:
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
        self, ref: MessageRef, people: Iterable[str], *, react: bool, source: Source = Source.THANKS_MESSAGE
    ) -> None:
        if react and self._settings.ack_emoji:
            self._background.submit("ack.add", self._add_ack, ref)
        self._background.submit("capture.enrich", self._enrich, ref, list(people), source)

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

    def _enrich(self, ref: MessageRef, people: list[str], source: Source) -> None:
        """Learn who the people are (retracting credit to bots and leavers) and the permalink."""
        # People the cache knows freshly were already checked on the ack path (`_credited`).
        found = self._directory.refresh(ref.team_id, people, unless_fresh=True)
        not_people = [uid for uid, p in found.items() if not p.can_be_credited]
        if not_people:
            with self._db.transaction() as session:
                for user_id in not_people:
                    ledger.retract(session, ref.team_id, source, ref.key, self._clock(), helper_ids=[user_id])
                    ledger.retract(session, ref.team_id, source, ref.key, self._clock(), recipient_id=user_id)
            log.info("capture.dropped_non_people", team_id=ref.team_id, count=len(not_people))
        permalink = self._slack.chat_getPermalink(channel=ref.channel_id, message_ts=ref.ts).get("permalink")
        if permalink:
            with self._db.transaction() as session:
                ledger.set_permalink(session, ref.team_id, source, ref.key, permalink)
