"""Whom should U ask "How can I support you?" today? The rules, over plain values.

These functions are the specification, over plain values and with the clock as a parameter.
Digest planning applies the same rules on a fast path of its own (`storage.planning.plan_top`:
the batch's counted acts grouped and ranked over the driver's raw values, without building these
objects for every pair); tests/storage/test_plan_limit.py
checks on random ledgers, on both backends, that it chooses exactly what `pick` chooses from every
pair (`storage.planning.plan_pairs` → `PairStats`). The rules (design brief, "What U owes P"):

- P helped U within the look-back window, by U's own words (storage counts only that evidence);
- U has not given back since P's latest help (no `/gave @P`, no *I asked them* after it);
- not P = U, not a bot, not deleted, P has not opted out, U has not muted P, P not snoozed;
- not suggested within `repeat_after_days` unless P helped again since;
- rank by unreturned acts, then by recency; at most `max_suggestions`.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limits:
    lookback_days: int = 14
    max_suggestions: int = 3
    repeat_after_days: int = 7

    @classmethod
    def from_settings(cls, settings: object) -> Limits:
        return cls(
            lookback_days=settings.lookback_days,  # type: ignore[attr-defined]
            max_suggestions=settings.max_suggestions,  # type: ignore[attr-defined]
            repeat_after_days=settings.repeat_after_days,  # type: ignore[attr-defined]
        )

    def window_start(self, now: dt.datetime) -> dt.datetime:
        return now - dt.timedelta(days=self.lookback_days)


@dataclass(frozen=True, slots=True)
class PairStats:
    """What U's ledger says about P, aggregated. `unreturned` and `last_help_at` count only acts
    inside the window and after `last_gave_at`."""

    other_id: str
    unreturned: int
    last_help_at: dt.datetime
    last_gave_at: dt.datetime | None = None
    muted: bool = False
    snoozed_until: dt.datetime | None = None
    last_suggested_at: dt.datetime | None = None
    other_suggestable: bool = True
    other_is_bot: bool = False
    other_deleted: bool = False


class Skip(enum.StrEnum):
    SELF = "self"
    BOT = "bot"
    DELETED = "deleted"
    OPTED_OUT = "opted_out"
    MUTED = "muted"
    SNOOZED = "snoozed"
    NO_HELP = "no_help"
    OUT_OF_WINDOW = "out_of_window"
    GAVE_BACK = "gave_back"
    RECENTLY_SUGGESTED = "recently_suggested"


def skip_reason(user_id: str, pair: PairStats, now: dt.datetime, limits: Limits) -> Skip | None:
    """Why P is not a suggestion for U at `now`, or None when P is one."""
    if pair.other_id == user_id:
        return Skip.SELF
    if pair.other_is_bot:
        return Skip.BOT
    if pair.other_deleted:
        return Skip.DELETED
    if not pair.other_suggestable:
        return Skip.OPTED_OUT
    if pair.muted:
        return Skip.MUTED
    if pair.snoozed_until is not None and pair.snoozed_until > now:
        return Skip.SNOOZED
    if pair.unreturned <= 0:
        return Skip.NO_HELP
    if pair.last_help_at < limits.window_start(now):
        return Skip.OUT_OF_WINDOW
    if pair.last_gave_at is not None and pair.last_gave_at >= pair.last_help_at:
        return Skip.GAVE_BACK
    if (
        pair.last_suggested_at is not None
        and now - pair.last_suggested_at < dt.timedelta(days=limits.repeat_after_days)
        and pair.last_help_at <= pair.last_suggested_at
    ):
        return Skip.RECENTLY_SUGGESTED
    return None


def rank_key(pair: PairStats) -> tuple[int, float, str]:
    """More unreturned acts first, then the most recent help, then a stable tie-break."""
    return (-pair.unreturned, -pair.last_help_at.timestamp(), pair.other_id)


def pick(user_id: str, pairs: Iterable[PairStats], now: dt.datetime, limits: Limits) -> list[PairStats]:
    """Today's suggestions for U, best first, at most `limits.max_suggestions`."""
    eligible = [p for p in pairs if skip_reason(user_id, p, now, limits) is None]
    eligible.sort(key=rank_key)
    return eligible[: limits.max_suggestions]
