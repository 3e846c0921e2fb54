"""Digest slot arithmetic: zones, digest days, pauses, and the two daylight-saving cases."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.schedule import current_slot, local_date, next_digest_at, next_slot, slot_instant, zone_for

UTC = dt.UTC
BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
TOKYO = ZoneInfo("Asia/Tokyo")
WEEKDAYS = frozenset(range(5))
NINE = dt.time(9, 0)


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


def test_zone_for_falls_back_to_default_for_missing_or_unknown_zones() -> None:
    assert zone_for(None, "Europe/Berlin").key == "Europe/Berlin"
    assert zone_for("", "UTC").key == "UTC"
    assert zone_for("Not/AZone", "Asia/Tokyo").key == "Asia/Tokyo"
    assert zone_for("America/New_York", "UTC").key == "America/New_York"


def test_local_date_is_the_date_on_the_persons_wall() -> None:
    instant = utc(2025, 3, 3, 23, 30)  # Monday 23:30 UTC
    assert local_date(instant, TOKYO) == dt.date(2025, 3, 4)
    assert local_date(instant, NEW_YORK) == dt.date(2025, 3, 3)


def test_slot_instant_in_winter_and_summer() -> None:
    assert slot_instant(dt.date(2025, 1, 6), NINE, BERLIN) == utc(2025, 1, 6, 8, 0)
    assert slot_instant(dt.date(2025, 7, 7), NINE, BERLIN) == utc(2025, 7, 7, 7, 0)
    assert slot_instant(dt.date(2025, 7, 7), NINE, NEW_YORK) == utc(2025, 7, 7, 13, 0)


def test_spring_forward_gap_gives_the_first_valid_instant_after_it() -> None:
    # Berlin, 2025-03-30: 02:00 CET jumps to 03:00 CEST (01:00 UTC). 02:30 does not exist.
    at = slot_instant(dt.date(2025, 3, 30), dt.time(2, 30), BERLIN)
    assert at == utc(2025, 3, 30, 1, 0)
    assert at.astimezone(BERLIN).time() == dt.time(3, 0)
    # New York, 2025-03-09: 02:00 EST jumps to 03:00 EDT (07:00 UTC).
    assert slot_instant(dt.date(2025, 3, 9), dt.time(2, 15), NEW_YORK) == utc(2025, 3, 9, 7, 0)


def test_fall_back_fold_gives_the_first_occurrence() -> None:
    # Berlin, 2025-10-26: 03:00 CEST falls back to 02:00 CET; 02:30 happens at 00:30 and 01:30 UTC.
    assert slot_instant(dt.date(2025, 10, 26), dt.time(2, 30), BERLIN) == utc(2025, 10, 26, 0, 30)
    # New York, 2025-11-02: 01:30 happens at 05:30 and 06:30 UTC.
    assert slot_instant(dt.date(2025, 11, 2), dt.time(1, 30), NEW_YORK) == utc(2025, 11, 2, 5, 30)


def test_fold_day_yields_one_slot_only() -> None:
    # Slots claimed during the fold: after the first 02:30 passes, the next is the following day.
    first = next_slot(utc(2025, 10, 26, 0, 0), zone=BERLIN, at=dt.time(2, 30), days=range(7))
    assert first is not None and first.at == utc(2025, 10, 26, 0, 30)
    following = next_slot(
        first.at, zone=BERLIN, at=dt.time(2, 30), days=range(7), inclusive=False, after_date=first.local_date
    )
    assert following is not None and following.local_date == dt.date(2025, 10, 27)
    # At the second 02:30 (01:30 UTC) the day's slot is already due; the claim key is the date.
    slot = current_slot(utc(2025, 10, 26, 1, 30), zone=BERLIN, at=dt.time(2, 30), days=range(7))
    assert slot is not None and slot.local_date == dt.date(2025, 10, 26)


def test_next_digest_skips_weekends() -> None:
    friday_after = utc(2025, 3, 7, 9, 0)  # Friday 10:00 Berlin, after the digest
    assert next_digest_at(friday_after, zone=BERLIN, at=NINE, days=WEEKDAYS) == utc(2025, 3, 10, 8, 0)


def test_next_digest_at_is_inclusive_of_now_and_respects_after_date() -> None:
    monday_nine = utc(2025, 3, 3, 8, 0)
    assert next_digest_at(monday_nine, zone=BERLIN, at=NINE, days=WEEKDAYS) == monday_nine
    later = next_digest_at(monday_nine, zone=BERLIN, at=NINE, days=WEEKDAYS, after_date=dt.date(2025, 3, 3))
    assert later == utc(2025, 3, 4, 8, 0)


def test_pause_moves_the_next_digest_past_its_end() -> None:
    now = utc(2025, 3, 3, 6, 0)
    until = utc(2025, 3, 5, 12, 0)  # Wednesday 13:00 Berlin
    assert next_digest_at(now, zone=BERLIN, at=NINE, days=WEEKDAYS, paused_until=until) == utc(2025, 3, 6, 8, 0)
    assert current_slot(utc(2025, 3, 4, 8, 5), zone=BERLIN, at=NINE, days=WEEKDAYS, paused_until=until) is None


def test_no_days_means_no_digest() -> None:
    assert next_digest_at(utc(2025, 3, 3), zone=BERLIN, at=NINE, days=frozenset()) is None


def test_current_slot_only_today_and_only_after_the_time() -> None:
    before = utc(2025, 3, 3, 7, 59)
    assert current_slot(before, zone=BERLIN, at=NINE, days=WEEKDAYS) is None
    due = current_slot(utc(2025, 3, 3, 8, 0), zone=BERLIN, at=NINE, days=WEEKDAYS)
    assert due is not None and due.local_date == dt.date(2025, 3, 3)
    # Saturday: not a digest day.
    assert current_slot(utc(2025, 3, 8, 12, 0), zone=BERLIN, at=NINE, days=WEEKDAYS) is None
    # Late the same day still counts; after midnight it is a new day.
    late = current_slot(utc(2025, 3, 3, 22, 0), zone=BERLIN, at=NINE, days=WEEKDAYS)
    assert late is not None and late.local_date == dt.date(2025, 3, 3)


def test_date_line_people_get_different_local_dates_for_one_instant() -> None:
    instant = utc(2025, 3, 4, 0, 30)  # Tue 09:30 Tokyo, Mon 19:30 New York
    tokyo = current_slot(instant, zone=TOKYO, at=NINE, days=WEEKDAYS)
    new_york = current_slot(instant, zone=NEW_YORK, at=NINE, days=WEEKDAYS)
    assert tokyo is not None and tokyo.local_date == dt.date(2025, 3, 4)
    assert new_york is not None and new_york.local_date == dt.date(2025, 3, 3)


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError):
        next_digest_at(dt.datetime(2025, 3, 3), zone=BERLIN, at=NINE, days=WEEKDAYS)


ZONES = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "America/Santiago", "UTC"]


@settings(max_examples=300, deadline=None)
@given(
    start=st.datetimes(min_value=dt.datetime(2024, 1, 1), max_value=dt.datetime(2027, 1, 1)),
    zone_name=st.sampled_from(ZONES),
    hour=st.integers(0, 23),
    minute=st.sampled_from([0, 15, 30, 45]),
    days=st.frozensets(st.integers(0, 6), min_size=1),
)
def test_next_slot_is_the_earliest_future_slot_on_a_chosen_day(
    start: dt.datetime, zone_name: str, hour: int, minute: int, days: frozenset[int]
) -> None:
    zone = ZoneInfo(zone_name)
    now = start.replace(tzinfo=UTC)
    at = dt.time(hour, minute)
    slot = next_slot(now, zone=zone, at=at, days=days)
    assert slot is not None
    assert slot.at >= now
    assert slot.local_date.weekday() in days
    assert local_date(slot.at, zone) == slot.local_date
    # The wall clock shows the digest time, or the first instant after a gap.
    wall = slot.at.astimezone(zone).time()
    assert (
        wall >= at
        or (slot.at - dt.timedelta(seconds=1)).astimezone(zone).utcoffset() != slot.at.astimezone(zone).utcoffset()
    )
    # No earlier slot exists between now and the found one.
    day = local_date(now, zone)
    while day < slot.local_date:
        if day.weekday() in days:
            assert slot_instant(day, at, zone) < now
        day += dt.timedelta(days=1)
