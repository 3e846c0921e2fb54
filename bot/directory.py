"""Who is who: `users.info`, cached in the database, for bots, deleted users and time zones."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.log import get_logger
from storage.db import Database
from storage.users import cached_users, save_user

log = get_logger(__name__)
FRESH_FOR = dt.timedelta(hours=24)


@dataclass(frozen=True, slots=True)
class Person:
    user_id: str
    name: str | None
    real_name: str | None
    tz: str | None
    is_bot: bool
    deleted: bool
    refreshed_at: dt.datetime | None = None

    @property
    def display_name(self) -> str:
        return self.real_name or self.name or self.user_id

    @property
    def can_be_credited(self) -> bool:
        return not (self.is_bot or self.deleted)


class UnknownUser(Exception):
    """Slack says there is no such user in this workspace."""


class UserDirectory:
    def __init__(self, db: Database, slack: WebClient, clock: Callable[[], dt.datetime]) -> None:
        self._db, self._slack, self._clock = db, slack, clock
        # (team, user) → the latest refresh this process knows of (its own, or read from the cache).
        self._refreshed: dict[tuple[str, str], dt.datetime] = {}

    def known(self, team_id: str, user_ids: Iterable[str]) -> dict[str, Person]:
        """Only what the cache knows; never calls Slack (safe on the ack path)."""
        with self._db.reader() as session:
            rows = cached_users(session, team_id, user_ids)
            return {uid: _person(row) for uid, row in rows.items()}

    def lookup(self, team_id: str, user_ids: Iterable[str]) -> dict[str, Person]:
        """Cached people, refreshing missing or stale ones from Slack.

        Raises `UnknownUser` for an id Slack does not know. If Slack cannot be reached the
        person is simply absent from the answer: callers treat "unknown" as "allowed".
        """
        ids = list(dict.fromkeys(user_ids))
        known = self.known(team_id, ids)
        now = self._clock()
        for user_id in ids:
            person = known.get(user_id)
            if person is None or person.refreshed_at is None or now - person.refreshed_at > FRESH_FOR:
                fresh = self._fetch(team_id, user_id)
                if fresh is not None:
                    known[user_id] = fresh
        return known

    def refresh(self, team_id: str, user_ids: Iterable[str], *, unless_fresh: bool = False) -> dict[str, Person]:
        """Ask Slack about each id now (background work after a capture).

        With `unless_fresh`, ids refreshed within `FRESH_FOR` are skipped (and absent from the
        answer): each `users.info` costs a write transaction, and on SQLite writes are serialised,
        so asking again about the same people capped ingest throughput. What this process knows
        is fresh is checked in memory first; only the rest cost a cache read.
        """
        found: dict[str, Person] = {}
        ids = list(dict.fromkeys(user_ids))
        if unless_fresh:
            ids = self.not_fresh_here(team_id, ids)
            if ids:
                # Off the ack path: what the cache (maybe another process) knows, remembered here.
                for user_id, cached in self.known(team_id, ids).items():
                    if cached.refreshed_at is not None:
                        self._note_fresh(team_id, user_id, cached.refreshed_at)
                ids = self.not_fresh_here(team_id, ids)
        answers = []
        for user_id in ids:
            try:
                user = self._ask_slack(user_id)
            except UnknownUser:
                continue
            if user is not None:
                answers.append(user)
        # One write for everyone asked about: on SQLite each transaction is a turn of the
        # database-wide write lock and an fsync, which the ack path of every thanks waits for.
        for person in self.remember_all(team_id, answers):
            found[person.user_id] = person
        return found

    def remember(self, team_id: str, user: dict) -> Person:
        """Store a user object Slack sent us (users.info, user_change)."""
        return self.remember_all(team_id, [user])[0]

    def remember_all(self, team_id: str, users: list[dict]) -> list[Person]:
        """Store user objects Slack sent us, in one transaction."""
        if not users:
            return []
        now = self._clock()
        people = [_from_slack(user, now) for user in users]
        with self._db.connection() as connection:
            for person in people:
                save_user(
                    connection,
                    team_id,
                    person.user_id,
                    now=now,
                    name=person.name,
                    real_name=person.real_name,
                    tz=person.tz,
                    is_bot=person.is_bot,
                    deleted=person.deleted,
                )
        for person in people:
            self._note_fresh(team_id, person.user_id, now)
        return people

    def not_fresh_here(self, team_id: str, user_ids: Iterable[str]) -> list[str]:
        """Ids this process does not know to be refreshed within `FRESH_FOR` (memory only: safe
        on the ack path; the cache may still know them, which `refresh(unless_fresh=True)` checks)."""
        now = self._clock()
        return [
            u
            for u in dict.fromkeys(user_ids)
            if (seen := self._refreshed.get((team_id, u))) is None or now - seen > FRESH_FOR
        ]

    def _note_fresh(self, team_id: str, user_id: str, refreshed_at: dt.datetime) -> None:
        seen = self._refreshed.get((team_id, user_id))
        if seen is None or refreshed_at > seen:
            self._refreshed[(team_id, user_id)] = refreshed_at

    def _fetch(self, team_id: str, user_id: str) -> Person | None:
        user = self._ask_slack(user_id)
        return None if user is None else self.remember(team_id, user)

    def _ask_slack(self, user_id: str) -> dict | None:
        """`users.info`; None when Slack can't say now. Raises `UnknownUser`."""
        try:
            response = self._slack.users_info(user=user_id)
        except SlackApiError as err:
            if err.response.get("error") == "user_not_found":
                raise UnknownUser(user_id) from None
            log.warning("directory.lookup_failed", user_id=user_id, error=err.response.get("error"))
            return None
        except SlackClientError as err:
            log.warning("directory.lookup_failed", user_id=user_id, error=type(err).__name__)
            return None
        except OSError as err:
            log.warning("directory.lookup_failed", user_id=user_id, error=type(err).__name__)
            return None
        return response["user"]  # type: ignore[no-any-return]


def _from_slack(user: dict, now: dt.datetime) -> Person:
    return Person(
        refreshed_at=now,
        user_id=user["id"],
        name=user.get("name"),
        real_name=(user.get("profile") or {}).get("real_name") or user.get("real_name"),
        tz=user.get("tz"),
        is_bot=bool(user.get("is_bot")) or user.get("id") == "USLACKBOT",
        deleted=bool(user.get("deleted")),
    )


def _person(row: object) -> Person:
    return Person(
        user_id=row.user_id,  # type: ignore[attr-defined]
        name=row.name,  # type: ignore[attr-defined]
        real_name=row.real_name,  # type: ignore[attr-defined]
        tz=row.tz,  # type: ignore[attr-defined]
        is_bot=row.is_bot,  # type: ignore[attr-defined]
        deleted=row.deleted,  # type: ignore[attr-defined]
        refreshed_at=row.refreshed_at,  # type: ignore[attr-defined]
    )


class WorkspaceUrls:
    """Each workspace's web address (`https://acme.slack.com/`), learnt once per process.

    With it a message's permalink is a string built on the ack path and stored in the same INSERT
    as the record, instead of a `chat.getPermalink` call and a second write per thanks (on SQLite
    a second serialised, fsynced commit; bench/bench_ingest.py). `auth.test` says the address and
    needs no scope (`team.info` would need `team:read`, which the manifest does not ask for).
    """

    RETRY_AFTER = dt.timedelta(minutes=10)

    def __init__(self, slack: WebClient, clock: Callable[[], dt.datetime]) -> None:
        self._slack, self._clock = slack, clock
        self._urls: dict[str, str] = {}
        self._failed_at: dt.datetime | None = None
        self._lock = threading.Lock()

    def get(self, team_id: str) -> str | None:
        """Only what this process already knows; never calls Slack (safe on the ack path)."""
        return self._urls.get(team_id)

    def learn(self, team_id: str) -> str | None:
        """Ask Slack once (background work); None when it can't say, e.g. another team's event."""
        with self._lock:  # one auth.test for the first burst of captures, not one each
            if team_id in self._urls:
                return self._urls[team_id]
            if self._failed_at is not None and self._clock() - self._failed_at < self.RETRY_AFTER:
                return None
            try:
                response = self._slack.auth_test()
            except (SlackApiError, SlackClientError, OSError) as err:
                log.warning("directory.auth_test_failed", error=type(err).__name__)
                self._failed_at = self._clock()
                return None
            url, own_team = response.get("url"), response.get("team_id")
            if isinstance(url, str) and url.startswith("https://") and isinstance(own_team, str):
                self._urls[own_team] = url if url.endswith("/") else url + "/"
            else:
                self._failed_at = self._clock()
            return self._urls.get(team_id)


def message_permalink(workspace_url: str, channel_id: str, ts: str, thread_ts: str | None = None) -> str:
    """Slack's permalink for a message, as `chat.getPermalink` spells it."""
    link = f"{workspace_url}archives/{channel_id}/p{ts.replace('.', '')}"
    if thread_ts and thread_ts != ts:
        link += f"?thread_ts={thread_ts}&cid={channel_id}"
    return link
