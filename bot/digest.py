"""The digest job: claim who is due, plan their suggestions, send each one DM, exactly once.

A pass (`run_pass(now)`) is:

1. housekeeping — schedule new recipients, recompute stale schedules (zone or settings changed);
2. take over claims whose lease ran out (a crashed process, or a retry that is due) — these are
   *recovering*: the DM is checked for the digest's message metadata before anything is resent;
3. in batches: claim due people (`INSERT … ON CONFLICT DO NOTHING` on team/user/local date) and
   commit, plan the batch with set-based queries, send, mark sent/empty/failed.

Slack's 429 `Retry-After` is honoured per workspace (paced sending), transient failures are
retried with backoff, permanent ones recorded; one person's failure never stops another's.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import heapq
import itertools
import os
import socket
import time
import uuid
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.error import URLError
from zoneinfo import ZoneInfo

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot import ids
from bot.blocks.digest import DigestView, Person, Reason, build_digest, render_plain
from bot.log import get_logger
from bot.reciprocity import Limits, PairStats
from bot.schedule import current_slot, next_digest_at, zone_for
from bot.settings import Settings, format_days, parse_clock, parse_days
from storage import digests as store
from storage import planning, prefs
from storage.db import Database

log = get_logger(__name__)

# Slack errors that will not go away by retrying this person's digest.
PERMANENT_ERRORS = frozenset(
    {
        "user_not_found",
        "account_inactive",
        "messages_tab_disabled",
        "cannot_dm_bot",
        "user_disabled",
        "user_is_bot",
        "is_archived",
        "channel_not_found",
        "not_in_channel",
        "restricted_action",
        "invalid_blocks",
        "msg_too_long",
        "invalid_metadata_format",
        "no_permission",
        "missing_scope",
    }
)
# Errors that mean the workspace's token no longer works: stop sending there this pass.
WORKSPACE_ERRORS = frozenset(
    {"invalid_auth", "token_revoked", "not_authed", "team_access_not_granted", "account_inactive_team"}
)
TRANSIENT_ERRORS = frozenset(
    {"internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited", "team_is_restricted"}
)


class NotYourDigest(Exception):
    """A button on a digest that is not the clicking person's (or no longer exists)."""


@dataclass
class PassSummary:
    now: dt.datetime
    scheduled: int = 0
    claimed: int = 0
    recovered: int = 0
    sent: int = 0
    already_sent: int = 0
    empty: int = 0
    failed: int = 0
    retry_later: int = 0
    lost: int = 0
    rate_limited: int = 0
    retries: int = 0
    errors: Counter[str] = field(default_factory=Counter)

    def line(self) -> str:
        parts = [
            f"now={self.now.isoformat()}",
            f"claimed={self.claimed}",
            f"recovered={self.recovered}",
            f"sent={self.sent}",
            f"already_sent={self.already_sent}",
            f"empty={self.empty}",
            f"failed={self.failed}",
            f"retry_later={self.retry_later}",
            f"rate_limited={self.rate_limited}",
            f"retries={self.retries}",
        ]
        if self.errors:
            parts.append("errors=" + ",".join(f"{k}:{v}" for k, v in sorted(self.errors.items())))
        return "digest pass: " + " ".join(parts)


class Pacer:
    """Pacing per key — (workspace, Web API method): a minimum gap between calls, widened on 429
    and narrowed on success.

    Slack rate-limits per workspace and method; honouring one workspace's Retry-After must not
    slow another's digests, and `conversations.open` must not use up `chat.postMessage`'s pace.
    """

    def __init__(
        self,
        min_interval: float = 0.02,
        max_interval: float = 2.0,
        *,
        sleep: Callable[[float], None] = time.sleep,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.min_interval, self.max_interval = min_interval, max_interval
        self._sleep, self._monotonic = sleep, monotonic
        self._interval: dict[str, float] = {}
        self._not_before: dict[str, float] = {}

    def ready_at(self, key: str) -> float:
        """The monotonic instant from which `wait(key)` returns without sleeping."""
        return self._not_before.get(key, 0.0)

    def wait(self, key: str) -> None:
        delay = self._not_before.get(key, 0.0) - self._monotonic()
        if delay > 0:
            self._sleep(delay)
        self._not_before[key] = self._monotonic() + self._interval.get(key, self.min_interval)

    def rate_limited(self, key: str, retry_after: float) -> None:
        interval = min(self.max_interval, max(self._interval.get(key, self.min_interval) * 2, 0.05))
        self._interval[key] = interval
        self._not_before[key] = self._monotonic() + max(retry_after, interval)

    def succeeded(self, key: str) -> None:
        current = self._interval.get(key, self.min_interval)
        self._interval[key] = max(self.min_interval, current * 0.95)


def _pace_key(team_id: str, method: str) -> str:
    return f"{team_id}:{method}"


@dataclass
class _Tries:
    """Attempts at one digest within this pass (retries wait in the batch's queue, not in sleep)."""

    transient: int = 0
    limited: int = 0


class _Retry(Exception):
    def __init__(self, code: str, retry_after: float | None = None) -> None:
        super().__init__(code)
        self.code, self.retry_after = code, retry_after


class _Permanent(Exception):
    def __init__(self, code: str, *, workspace: bool = False) -> None:
        super().__init__(code)
        self.code, self.workspace = code, workspace


def _classify(err: Exception) -> Exception:
    if isinstance(err, SlackApiError):
        status = getattr(err.response, "status_code", 200)
        code = (err.response.get("error") if hasattr(err.response, "get") else None) or f"http_{status}"
        if status == 429 or code == "ratelimited":
            headers = getattr(err.response, "headers", {}) or {}
            raw = headers.get("Retry-After") or headers.get("retry-after") or "1"
            try:
                retry_after = float(raw if not isinstance(raw, list) else raw[0])
            except ValueError:
                retry_after = 1.0
            return _Retry("ratelimited", retry_after)
        if status >= 500 or code in TRANSIENT_ERRORS:
            return _Retry(code)
        if code in WORKSPACE_ERRORS:
            return _Permanent(code, workspace=True)
        if code in PERMANENT_ERRORS:
            return _Permanent(code)
        return _Retry(code)  # unknown: retried a bounded number of times, then recorded
    return _Retry(type(err).__name__)


@dataclass(frozen=True, slots=True)
class Planned:
    claim: store.Claim
    view: DigestView
    items: tuple[store.SentItem, ...]
    dm_channel_id: str | None


class DigestService:
    def __init__(
        self,
        *,
        settings: Settings,
        db: Database,
        slack: WebClient,
        clock: Callable[[], dt.datetime],
        batch_size: int = 200,
        claim_ahead: int = 5,
        plan_workers: int | None = None,
        lease: dt.timedelta = dt.timedelta(minutes=10),
        max_attempts: int = 5,
        inline_retries: int = 3,
        pacer: Pacer | None = None,
        sleep: Callable[[float], None] = time.sleep,
        monotonic: Callable[[], float] = time.monotonic,
        owner: str | None = None,
    ) -> None:
        self.settings, self.db, self.slack, self.clock = settings, db, slack, clock
        self.batch_size, self.lease, self.max_attempts = batch_size, lease, max_attempts
        self.claim_ahead = claim_ahead
        # PostgreSQL plans two batches at once by default (see `plan`); SQLite runs inside this
        # process, where a second thread would only contend for the same core and lock.
        self.plan_workers = plan_workers or (2 if db.dialect == "postgresql" else 1)
        self.inline_retries = inline_retries
        self._sleep, self._monotonic = sleep, monotonic
        self.pacer = pacer or Pacer(sleep=sleep, monotonic=monotonic)
        self.owner = owner or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.limits = Limits.from_settings(settings)
        self.defaults = store.Defaults(
            tz=settings.default_timezone,
            time=settings.digest_time.strftime("%H:%M"),
            days=format_days(settings.digest_days),
        )
        self._pass_now = clock()
        self._pass_started = monotonic()

    # -----------------------------------------------------------------------------------------
    # Time within a pass: the pass instant plus real elapsed time, so leases and retries stay
    # meaningful when a pass is run "as of" a simulated instant (`giveback digest --now`).

    def _now(self) -> dt.datetime:
        return self._pass_now + dt.timedelta(seconds=self._monotonic() - self._pass_started)

    def _lease_until(self) -> dt.datetime:
        return self._now() + self.lease

    # -----------------------------------------------------------------------------------------
    # Schedule arithmetic over stored rows

    def _next_for(self, row: store.ScheduleRow, now: dt.datetime, after_date: dt.date | None) -> dt.datetime | None:
        if not row.digest_enabled:
            return None
        return next_digest_at(
            now,
            zone=zone_for(row.tz, self.settings.default_timezone),
            at=_clock(row.time, self.settings.digest_time),
            days=_days(row.days, self.settings.digest_days),
            paused_until=row.paused_until,
            after_date=after_date,
        )

    def housekeeping(self, now: dt.datetime) -> int:
        """Schedule new recipients and recompute schedules whose inputs changed."""
        with self.db.transaction() as session:
            scheduled = store.schedule_new_recipients(session, now)
            store.forget_empty_digests(session, now - dt.timedelta(days=35))
        while True:
            with self.db.transaction() as session:
                rows = store.stale_schedules(session, self.defaults, self.batch_size * 5)
                if not rows:
                    break
                store.set_next(session, [(row, self._next_for(row, now, None)) for row in rows])
                scheduled += len(rows)
        return scheduled

    def claim_due(self, now: dt.datetime) -> list[store.Claim]:
        """One batch: claim the due people whose slot is today, move everyone's schedule on."""
        with self.db.transaction() as session:
            due = store.due_users(session, now, self.defaults, self.batch_size)
            if not due:
                return []
            wanted: list[tuple[str, str, dt.date]] = []
            changes: list[tuple[store.ScheduleRow, dt.datetime | None]] = []
            for row in due:
                zone = zone_for(row.tz, self.settings.default_timezone)
                at, days = _clock(row.time, self.settings.digest_time), _days(row.days, self.settings.digest_days)
                slot = current_slot(now, zone=zone, at=at, days=days, paused_until=row.paused_until)
                # Bots, deleted people and uninstalled workspaces get no digest; they stay
                # scheduled so that a reinstall or a returning person needs no migration.
                deliverable = row.digest_enabled and not row.is_bot and not row.deleted and row.workspace_active
                if slot is not None and deliverable:
                    wanted.append((row.team_id, row.user_id, slot.local_date))
                after = slot.local_date if slot is not None else None
                changes.append((row, self._next_for(row, now, after)))
            claims = store.claim(session, wanted, now, self.owner, self._lease_until())
            store.set_next(session, changes)
        return claims

    # -----------------------------------------------------------------------------------------
    # The pass

    def run_pass(self, now: dt.datetime | None = None) -> PassSummary:
        self._pass_now = now or self.clock()
        self._pass_started = self._monotonic()
        now = self._pass_now
        summary = PassSummary(now=now)
        summary.scheduled = self.housekeeping(now)
        self._dead_teams: set[str] = set()
        self._dm_channels: dict[tuple[str, str], str] = {}  # opened during this pass
        while True:
            with self.db.transaction() as session:
                taken = store.take_over(session, self._now(), self.owner, self._lease_until(), self.batch_size)
            if not taken:
                break
            summary.recovered += len(taken)
            self._deliver_batch(taken, summary)
        while True:
            # Claim a few batches before sending: people due at the same instant come back in
            # key order, so one batch is often one workspace's; sending several together lets
            # each workspace's pacing gaps be filled with another's digests.
            claims: list[store.Claim] = []
            while len(claims) < self.batch_size * self.claim_ahead:
                more = self.claim_due(now)
                if not more:
                    break
                claims += more
            if not claims:
                break
            summary.claimed += len(claims)
            self._deliver_batch(claims, summary)
        log.info("digest.pass", **{k: v for k, v in summary.__dict__.items() if k not in ("now", "errors")})
        return summary

    def _deliver_batch(self, claims: Sequence[store.Claim], summary: PassSummary) -> None:
        planned = self.plan(claims, self._pass_now)
        empty = [p.claim.id for p in planned if not p.view.people]
        if empty:
            with self.db.transaction() as session:
                summary.empty += store.mark_empty(session, empty, self.owner)
        owned = {p.claim.id for p in planned if p.view.people}
        # One queue per workspace, served in the order their pacing allows. A digest whose call
        # must be retried (a 5xx, a timeout, a 429's Retry-After) waits in `later` while the
        # others go on: one person's backoff or one workspace's rate limit holds up nobody else.
        queues: dict[str, deque[tuple[Planned, _Tries]]] = {}
        for planned_item in planned:
            if planned_item.view.people:
                queues.setdefault(planned_item.claim.team_id, deque()).append((planned_item, _Tries()))
        later: list[tuple[float, int, Planned, _Tries]] = []
        order = itertools.count()
        lease_checked = self._monotonic()
        while queues or later:
            while later and later[0][0] <= self._monotonic():
                _, _, due_item, due_tries = heapq.heappop(later)
                queues.setdefault(due_item.claim.team_id, deque()).appendleft((due_item, due_tries))
            if not queues:
                self._sleep(max(0.0, later[0][0] - self._monotonic()))
                continue
            team_id = min(queues, key=lambda t: self.pacer.ready_at(_pace_key(t, "chat.postMessage")))
            item, tries = queues[team_id].popleft()
            if not queues[team_id]:
                del queues[team_id]
            # Renew the batch's lease before it can run out; a claim another process took over
            # (after our lease lapsed) is theirs now and must not be sent by us as well.
            if self._monotonic() - lease_checked > self.lease.total_seconds() / 3:
                with self.db.transaction() as session:
                    owned = store.renew(session, owned, self.owner, self._lease_until())
                lease_checked = self._monotonic()
            if item.claim.id not in owned:
                summary.lost += 1
                continue
            retry = self._deliver(item, summary, tries)
            if retry is None:
                owned.discard(item.claim.id)
            else:
                retry_item, delay = retry
                heapq.heappush(later, (self._monotonic() + delay, next(order), retry_item, tries))

    # -----------------------------------------------------------------------------------------
    # Planning

    def plan(self, claims: Sequence[store.Claim], now: dt.datetime) -> list[Planned]:
        """Suggestions for claims, in their order: a few set-based queries per batch of
        `batch_size` claims and workspace. With `plan_workers` > 1 the batches are planned on that
        many connections at once: on PostgreSQL each statement runs in a server process of its own,
        so while one batch's statement runs another batch's rows become digests here, and two
        statements use two of the server's cores (a lone batch statement uses one)."""
        batches = [claims[start : start + self.batch_size] for start in range(0, len(claims), self.batch_size)]
        with _collector_paused():
            if self.plan_workers > 1 and len(batches) > 1:
                with ThreadPoolExecutor(max_workers=min(self.plan_workers, len(batches))) as pool:
                    planned = list(pool.map(lambda batch: self._plan_batch(batch, now), batches))
            else:
                planned = [self._plan_batch(batch, now) for batch in batches]
        return [p for batch in planned for p in batch]

    def _plan_batch(self, claims: Sequence[store.Claim], now: dt.datetime) -> list[Planned]:
        by_team: dict[str, list[store.Claim]] = {}
        for c in claims:
            by_team.setdefault(c.team_id, []).append(c)
        out: list[Planned] = []
        for team_id, team_claims in by_team.items():
            out += self._plan_team(team_id, team_claims, now)
        return out

    def _plan_team(self, team_id: str, claims: Sequence[store.Claim], now: dt.datetime) -> list[Planned]:
        user_ids = [c.user_id for c in claims]
        with self.db.reader() as session:
            chosen = planning.plan_top(
                session,
                team_id,
                user_ids,
                now,
                lookback_days=self.limits.lookback_days,
                repeat_after_days=self.limits.repeat_after_days,
                limit=self.limits.max_suggestions,
                reason=Reason,  # the view's own type: each act is built once
            )
            people = planning.plan_recipients(session, self.defaults, team_id, user_ids)
        footers: dict[tuple[str, str, str] | None, _Footer] = {}  # a batch shares few schedules
        out = []
        for claim in claims:
            recipient = people.get(claim.user_id)
            key = (recipient.tz, recipient.time, recipient.days) if recipient else None
            footer = footers.get(key)
            if footer is None:
                footer = footers[key] = self._footer(recipient)
            out.append(self._planned(claim, chosen.get(claim.user_id, []), recipient, footer, now))
        return out

    def _footer(self, recipient: planning.PlanRecipient | None) -> _Footer:
        """The recipient's zone and schedule as the digest's footer shows them."""
        if recipient is None:
            zone = zone_for(None, self.settings.default_timezone)
            return _Footer(zone, self.settings.digest_time, format_days(self.settings.digest_days))
        zone = zone_for(recipient.tz, self.settings.default_timezone)
        return _Footer(zone, _clock(recipient.time, self.settings.digest_time), recipient.days)

    def _planned(
        self,
        claim: store.Claim,
        picks: list[planning.Suggestion],
        recipient: planning.PlanRecipient | None,
        footer: _Footer,
        now: dt.datetime,
    ) -> Planned:
        view = DigestView(
            team_id=claim.team_id,
            user_id=claim.user_id,
            digest_id=claim.id,
            # Person(other_id, unreturned, last_help_at, reasons, name), positionally: once per pick
            people=tuple(Person(p.other_id, p.unreturned, p.last_help_at, p.reasons, p.other_name) for p in picks),
            zone=footer.zone,
            now=now,
            first=recipient is None or recipient.first_digest_at is None,
            digest_time=footer.digest_time,
            days_label=footer.days_label,
            snooze_days=self.settings.snooze_days,
            lookback_days=self.limits.lookback_days,
        )
        items = tuple(store.SentItem(p.other_id, n, p.unreturned, p.last_help_at) for n, p in enumerate(picks, 1))
        return Planned(claim, view, items, recipient.dm_channel_id if recipient else None)

    def preview(self, team_id: str, user_id: str, now: dt.datetime | None = None) -> str:
        """One person's digest as plain text, as if sent at `now`; nothing sent or recorded."""
        now = now or self.clock()
        claim = store.Claim(id=0, team_id=team_id, user_id=user_id, local_date=now.date(), claimed_at=now)
        planned = self.plan([claim], now)[0]
        if not planned.view.people:
            return f"No digest for {user_id} at {now.isoformat()}: nobody to suggest."
        return render_plain(planned.view)

    # -----------------------------------------------------------------------------------------
    # Buttons (the reader's answers). Each returns what the message should now show.

    def act(self, team_id: str, user_id: str, digest_id: int, other_id: str, action_id: str) -> str | None:
        """Apply *I asked them* / *Snooze* / *Don't suggest them again* / *Undo*; returns the
        outcome now in force for that person (None after an undo)."""
        now = self.clock()
        with self.db.transaction() as session:
            digest = store.get_digest(session, digest_id)
            if digest is None or digest.team_id != team_id or digest.user_id != user_id:
                raise NotYourDigest(digest_id)
            previous = store.item_outcome(session, digest_id, other_id)
            outcome: str | None
            if action_id == ids.DIGEST_ASKED:
                if previous != "asked":
                    prefs.record_ask(session, team_id, user_id, other_id, now)
                outcome = "asked"
            elif action_id == ids.DIGEST_SNOOZE:
                until = now + dt.timedelta(days=self.settings.snooze_days)
                prefs.snooze(session, team_id, user_id, other_id, now, until)
                outcome = "snoozed"
            elif action_id == ids.DIGEST_MUTE:
                prefs.set_muted(session, team_id, user_id, other_id, now, muted=True)
                outcome = "muted"
            elif action_id == ids.DIGEST_UNDO:
                if previous == "asked":
                    prefs.undo_ask(session, team_id, user_id, other_id)
                elif previous == "snoozed":
                    prefs.snooze(session, team_id, user_id, other_id, now, None)
                elif previous == "muted":
                    prefs.set_muted(session, team_id, user_id, other_id, now, muted=False)
                outcome = None
            else:
                raise ValueError(f"unknown digest action {action_id!r}")
            if previous not in (None, outcome) and outcome is not None:
                # Switching answers (e.g. snoozed, then asked): the old one no longer applies.
                self._revert(session, team_id, user_id, other_id, previous, now)
            store.set_item_outcome(session, digest_id, other_id, outcome)
        log.info("digest.action", digest_id=digest_id, user=user_id, other=other_id, outcome=outcome or "undo")
        return outcome

    def _revert(
        self,
        session: Any,
        team_id: str,
        user_id: str,
        other_id: str,
        previous: str,
        now: dt.datetime,
    ) -> None:
        if previous == "asked":
            prefs.undo_ask(session, team_id, user_id, other_id)
        elif previous == "snoozed":
            prefs.snooze(session, team_id, user_id, other_id, now, None)
        elif previous == "muted":
            prefs.set_muted(session, team_id, user_id, other_id, now, muted=False)

    def set_paused(self, team_id: str, user_id: str, *, paused: bool) -> None:
        """*Pause digests* / *Resume digests*."""
        with self.db.transaction() as session:
            prefs.set_paused(session, team_id, user_id, self.clock(), paused=paused)
        log.info("digest.paused" if paused else "digest.resumed", user=user_id)

    # -----------------------------------------------------------------------------------------
    # Delivery

    def _post_digest(self, claim: store.Claim, channel: str, message: dict[str, Any], summary: PassSummary) -> str:
        """Post the DM, tagged with metadata that lets recovery find it before any resend."""
        return self._call(
            claim.team_id,
            "chat.postMessage",
            summary,
            lambda: self.slack.chat_postMessage(
                channel=channel,
                text=message["text"],
                blocks=message["blocks"],
                unfurl_links=False,
                unfurl_media=False,
                metadata={
                    "event_type": ids.DIGEST_METADATA_EVENT,
                    "event_payload": {"digest_id": claim.id, "local_date": claim.local_date.isoformat()},
                },
            ),
        )["ts"]

    def _deliver(self, item: Planned, summary: PassSummary, tries: _Tries) -> tuple[Planned, float] | None:
        """Send one digest; or return (the digest, seconds to wait) for `_deliver_batch` to retry."""
        claim = item.claim
        attempts = claim.attempts + 1
        if claim.team_id in self._dead_teams:
            self._record_failure(claim, "workspace_unavailable", attempts, summary)
            return None
        posting = False
        try:
            channel = (
                self._dm_channels.get((claim.team_id, claim.user_id))
                or item.dm_channel_id
                or self._open_dm(claim, summary)
            )
            if claim.recovering:
                found = self._find_sent(claim, channel, summary)
                if found is not None:
                    self._record_sent(item, channel, found, summary, already=True)
                    return None
            message = build_digest(item.view)
            posting = True
            try:
                ts = self._post_digest(claim, channel, message, summary)
            except _Permanent as err:
                if err.code != "channel_not_found" or item.dm_channel_id is None:
                    raise
                # The cached DM channel is gone (e.g. a Slack-side reset): open it again, once.
                channel = self._open_dm(claim, summary)
                ts = self._post_digest(claim, channel, message, summary)
        except _Permanent as err:
            summary.errors[err.code] += 1
            if err.workspace:
                self._dead_teams.add(claim.team_id)
            self._record_failure(claim, err.code, attempts, summary)
            return None
        except _Retry as err:
            if err.retry_after is not None:
                tries.limited += 1
                # Long waits are not sat through: the claim is retried by a later pass.
                if tries.limited <= self.inline_retries * 3 and err.retry_after <= 60:
                    summary.retries += 1
                    return item, 0.0  # the pacer holds this workspace's posts until Retry-After
            else:
                tries.transient += 1
                if tries.transient <= self.inline_retries:
                    summary.retries += 1
                    if posting:
                        # A 5xx or a timeout does not prove the post failed (Slack may have
                        # stored it before answering): look in the DM before posting again.
                        item = replace(item, claim=replace(claim, recovering=True))
                    return item, min(0.25 * 2**tries.transient, 4.0)
            summary.errors[err.code] += 1
            self._record_retry(claim, err, attempts, summary)
            return None
        self._record_sent(item, channel, ts, summary, already=False)
        return None

    def _call(self, team_id: str, method: str, summary: PassSummary, fn: Callable[[], Any]) -> Any:
        """One Web API call, paced per (workspace, method). Raises `_Permanent` or `_Retry`; on a
        429 the pacer learns when that method may be called again. Retrying is the caller's job."""
        key = _pace_key(team_id, method)
        self.pacer.wait(key)
        try:
            response = fn()
        except (SlackApiError, SlackClientError, URLError, OSError) as raw:
            err = _classify(raw) if isinstance(raw, SlackApiError) else _Retry(type(raw).__name__)
            if isinstance(err, _Retry) and err.retry_after is not None:
                summary.rate_limited += 1
                if err.retry_after <= 60:
                    self.pacer.rate_limited(key, err.retry_after)
            raise err from None
        self.pacer.succeeded(key)
        return response

    def _open_dm(self, claim: store.Claim, summary: PassSummary) -> str:
        response = self._call(
            claim.team_id,
            "conversations.open",
            summary,
            lambda: self.slack.conversations_open(users=claim.user_id),
        )
        channel = str(response["channel"]["id"])
        # Stored with the delivery (`_record_sent`): one commit per digest, not two. Losing it
        # to a crash costs one more conversations.open next time, nothing else.
        self._dm_channels[(claim.team_id, claim.user_id)] = channel
        return channel

    def _find_sent(self, claim: store.Claim, channel: str, summary: PassSummary) -> str | None:
        """The ts of this digest's message if a previous owner already posted it."""
        response = self._call(
            claim.team_id,
            "conversations.history",
            summary,
            lambda: self.slack.conversations_history(channel=channel, limit=100, include_all_metadata=True),
        )
        for message in response.get("messages", []):
            metadata = message.get("metadata") or {}
            payload = metadata.get("event_payload") or {}
            if metadata.get("event_type") == ids.DIGEST_METADATA_EVENT and str(payload.get("digest_id")) == str(
                claim.id
            ):
                return str(message["ts"])
        return None

    def _record_sent(self, item: Planned, channel: str, ts: str, summary: PassSummary, *, already: bool) -> None:
        with self.db.transaction() as session:
            done = store.mark_sent(session, item.claim, self.owner, self._now(), channel, ts, item.items)
            if done and channel != item.dm_channel_id:
                store.save_dm_channel(session, item.claim.team_id, item.claim.user_id, channel)
        if not done:
            summary.lost += 1
            log.warning("digest.claim_lost_after_send", digest_id=item.claim.id, user=item.claim.user_id)
            return
        if already:
            summary.already_sent += 1
        else:
            summary.sent += 1
        log.info("digest.sent", digest_id=item.claim.id, user=item.claim.user_id, people=len(item.items))

    def _record_failure(self, claim: store.Claim, code: str, attempts: int, summary: PassSummary) -> None:
        with self.db.transaction() as session:
            store.mark_failed(session, claim.id, self.owner, code, attempts)
            self._save_opened_channel(session, claim)
        summary.failed += 1
        log.warning("digest.failed", digest_id=claim.id, user=claim.user_id, error=code)

    def _save_opened_channel(self, session: Any, claim: store.Claim) -> None:
        channel = self._dm_channels.get((claim.team_id, claim.user_id))
        if channel is not None:
            store.save_dm_channel(session, claim.team_id, claim.user_id, channel)

    def _record_retry(self, claim: store.Claim, err: _Retry, attempts: int, summary: PassSummary) -> None:
        if attempts >= self.max_attempts:
            self._record_failure(claim, f"gave_up:{err.code}", attempts, summary)
            return
        delay = max(err.retry_after or 0.0, 30.0 * 2 ** (attempts - 1))
        at = self._now() + dt.timedelta(seconds=min(delay, 3600))
        with self.db.transaction() as session:
            store.mark_retry(session, claim.id, self.owner, err.code, attempts, at)
            self._save_opened_channel(session, claim)
        summary.retry_later += 1
        log.info("digest.retry_later", digest_id=claim.id, user=claim.user_id, error=err.code, at=at.isoformat())


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Run a block with Python's cyclic garbage collector paused.

    Planning a batch builds ~100k small objects (rows, suggestions, views) and no reference
    cycles. With the collector on, the allocations kept triggering young-generation sweeps that
    re-walked them, costing more than building them (10k people: ~0.6 s against ~0.2 s). Memory
    stays bounded by the batch, reference counting frees everything as usual, and the collector
    resumes (if it was on) when the batch is planned.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass(frozen=True, slots=True)
class _Footer:
    zone: ZoneInfo
    digest_time: dt.time
    days_label: str


def pair_stats(row: planning.PairRow) -> PairStats:
    """A planning row as the pure rules see it."""
    return PairStats(
        other_id=row.other_id,
        unreturned=row.unreturned,
        last_help_at=row.last_help_at,
        last_gave_at=row.last_gave_at,
        muted=row.muted,
        snoozed_until=row.snoozed_until,
        last_suggested_at=row.last_suggested_at,
        other_suggestable=row.other_suggestable,
        other_is_bot=row.other_is_bot,
        other_deleted=row.other_deleted,
    )


def _clock(value: str | None, default: dt.time) -> dt.time:
    if not value:
        return default
    try:
        return parse_clock(value)
    except ValueError:
        return default


def _days(value: str | None, default: frozenset[int]) -> frozenset[int]:
    if not value:
        return default
    try:
        return parse_days(value)
    except ValueError:
        return default
