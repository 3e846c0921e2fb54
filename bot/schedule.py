"""When is a person's next digest? Pure date arithmetic over IANA zones; the clock is a parameter.

Each person's digest is due at their digest time on their digest days, in their own zone. The
database stores the next instant in UTC (`user_settings.next_digest_at`); these functions compute
it. Two daylight-saving cases need a rule:

- spring-forward gap: 02:30 does not exist on that day → the first valid instant after it (the
  moment the clocks jump, 03:00 local in Europe);
- fall-back fold: 01:30 happens twice → the first occurrence. The digest is keyed by local date,
  so the second occurrence can never send again anyway.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# Days to look ahead for the next digest day; a week always contains every weekday.
_HORIZON_DAYS = 8


@dataclass(frozen=True, slots=True)
class Slot:
    """One scheduled digest: the person's local date and the UTC instant it is due."""

    local_date: dt.date
    at: dt.datetime


def zone_for(tz: str | None, default: str) -> ZoneInfo:
    """The person's zone; unknown (None, empty, or a name this machine lacks) → the default."""
    if tz:
        try:
            return ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return ZoneInfo(default)


def local_date(instant: dt.datetime, zone: ZoneInfo) -> dt.date:
    """The calendar date on the person's wall at `instant` (aware)."""
    return _aware(instant).astimezone(zone).date()


def slot_instant(day: dt.date, at: dt.time, zone: ZoneInfo) -> dt.datetime:
    """`day` at wall time `at` in `zone`, as aware UTC, with the gap and fold rules above."""
    wall = dt.datetime.combine(day, at.replace(tzinfo=None), tzinfo=zone)
    first = wall.replace(fold=0).astimezone(dt.UTC)  # fold=0: the first of two occurrences
    if first.astimezone(zone).replace(tzinfo=None) == wall.replace(tzinfo=None):
        return first
    # The wall time does not exist (round trip moved it): it lies in a gap. The jump happens
    # between the instant computed with the later offset and the one with the earlier offset.
    later = wall.replace(fold=1).astimezone(dt.UTC)
    lo, hi = min(first, later), max(first, later)
    after_offset = hi.astimezone(zone).utcoffset()
    # Binary search, to the second, for the first instant that already has the new offset.
    while hi - lo > dt.timedelta(seconds=1):
        mid = lo + (hi - lo) / 2
        mid = mid.replace(microsecond=0)
        if mid.astimezone(zone).utcoffset() == after_offset:
            hi = mid
        else:
            lo = mid
    return hi


def next_slot(
    after: dt.datetime,
    *,
    zone: ZoneInfo,
    at: dt.time,
    days: Collection[int],
    inclusive: bool = True,
    after_date: dt.date | None = None,
) -> Slot | None:
    """The first digest slot at or after `after` (strictly after when not `inclusive`), on a local
    date later than `after_date` when given. None when `days` is empty."""
    if not days:
        return None
    after = _aware(after)
    day = local_date(after, zone)
    if after_date is not None and day <= after_date:
        day = after_date + dt.timedelta(days=1)
    for offset in range(_HORIZON_DAYS + 1):
        candidate = day + dt.timedelta(days=offset)
        if candidate.weekday() not in days:
            continue
        instant = slot_instant(candidate, at, zone)
        if instant > after or (inclusive and instant == after):
            return Slot(candidate, instant)
    return None  # unreachable with a non-empty set of weekdays


def next_digest_at(
    now: dt.datetime,
    *,
    zone: ZoneInfo,
    at: dt.time,
    days: Collection[int],
    paused_until: dt.datetime | None = None,
    after_date: dt.date | None = None,
) -> dt.datetime | None:
    """When the person is next due: the first slot at or after `now` (and after any pause), on a
    local date after `after_date` (the date just claimed). None when no day is chosen."""
    start = _aware(now)
    if paused_until is not None and _aware(paused_until) > start:
        start = _aware(paused_until)
    slot = next_slot(start, zone=zone, at=at, days=days, inclusive=True, after_date=after_date)
    return slot.at if slot else None


def current_slot(
    now: dt.datetime,
    *,
    zone: ZoneInfo,
    at: dt.time,
    days: Collection[int],
    paused_until: dt.datetime | None = None,
) -> Slot | None:
    """Today's slot if it is already due at `now`; else None.

    A digest belongs to its local day: if the process was down past midnight, yesterday's missed
    digest is not sent late the next morning at 03:00 — today's is sent at its time instead.
    """
    now = _aware(now)
    if paused_until is not None and _aware(paused_until) > now:
        return None
    today = local_date(now, zone)
    if today.weekday() not in days:
        return None
    instant = slot_instant(today, at, zone)
    return Slot(today, instant) if instant <= now else None


def _aware(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        raise ValueError("naive datetime; pass an aware UTC instant")
    return value
