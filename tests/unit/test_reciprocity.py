"""The reciprocity rules: who is a suggestion for U today, and in which order."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.reciprocity import Limits, PairStats, Skip, pick, skip_reason

NOW = dt.datetime(2025, 3, 10, 8, 0, tzinfo=dt.UTC)
LIMITS = Limits(lookback_days=14, max_suggestions=3, repeat_after_days=7)


def ago(days: float) -> dt.datetime:
    return NOW - dt.timedelta(days=days)


def pair(other: str = "UP", unreturned: int = 1, helped: float = 1, **kw: object) -> PairStats:
    return PairStats(other_id=other, unreturned=unreturned, last_help_at=ago(helped), **kw)  # type: ignore[arg-type]


def test_recent_unreturned_help_is_a_suggestion() -> None:
    assert skip_reason("UU", pair(), NOW, LIMITS) is None


@pytest.mark.parametrize(
    ("stats", "reason"),
    [
        (pair(other="UU"), Skip.SELF),
        (pair(other_is_bot=True), Skip.BOT),
        (pair(other_deleted=True), Skip.DELETED),
        (pair(other_suggestable=False), Skip.OPTED_OUT),
        (pair(muted=True), Skip.MUTED),
        (pair(snoozed_until=ago(-1)), Skip.SNOOZED),
        (pair(unreturned=0), Skip.NO_HELP),
        (pair(helped=14.01), Skip.OUT_OF_WINDOW),
        (pair(helped=3, last_gave_at=ago(2)), Skip.GAVE_BACK),
        (pair(helped=3, last_suggested_at=ago(2)), Skip.RECENTLY_SUGGESTED),
    ],
)
def test_each_rule_excludes(stats: PairStats, reason: Skip) -> None:
    assert skip_reason("UU", stats, NOW, LIMITS) == reason
    assert pick("UU", [stats], NOW, LIMITS) == []


def test_expired_snooze_no_longer_excludes() -> None:
    assert skip_reason("UU", pair(snoozed_until=ago(0.01)), NOW, LIMITS) is None


def test_help_after_giving_back_makes_them_a_suggestion_again() -> None:
    assert skip_reason("UU", pair(helped=1, last_gave_at=ago(2)), NOW, LIMITS) is None


def test_window_boundary_is_inclusive() -> None:
    assert skip_reason("UU", pair(helped=14), NOW, LIMITS) is None


def test_repeat_suggestion_allowed_after_the_repeat_window_or_new_help() -> None:
    assert skip_reason("UU", pair(helped=9, last_suggested_at=ago(7)), NOW, LIMITS) is None
    assert skip_reason("UU", pair(helped=1, last_suggested_at=ago(2)), NOW, LIMITS) is None
    assert skip_reason("UU", pair(helped=9, last_suggested_at=ago(6.9)), NOW, LIMITS) == Skip.RECENTLY_SUGGESTED


def test_repeat_window_of_zero_disables_the_rule() -> None:
    limits = Limits(repeat_after_days=0)
    assert skip_reason("UU", pair(helped=3, last_suggested_at=ago(1)), NOW, limits) is None


def test_ranking_by_unreturned_then_recency_then_id_and_capped() -> None:
    pairs = [
        pair("UA", unreturned=1, helped=0.5),
        pair("UB", unreturned=3, helped=5),
        pair("UC", unreturned=3, helped=2),
        pair("UD", unreturned=2, helped=1),
        pair("UE", unreturned=3, helped=2),
    ]
    assert [p.other_id for p in pick("UU", pairs, NOW, LIMITS)] == ["UC", "UE", "UB"]
    assert [p.other_id for p in pick("UU", pairs, NOW, Limits(max_suggestions=5))] == ["UC", "UE", "UB", "UD", "UA"]


def test_excluded_people_do_not_take_a_place() -> None:
    pairs = [pair("UA", unreturned=9, muted=True), pair("UB", unreturned=1)]
    assert [p.other_id for p in pick("UU", pairs, NOW, LIMITS)] == ["UB"]


def test_windows_come_from_limits() -> None:
    limits = Limits(lookback_days=30, max_suggestions=1, repeat_after_days=7)
    assert skip_reason("UU", pair(helped=20), NOW, limits) is None
    assert len(pick("UU", [pair("UA"), pair("UB")], NOW, limits)) == 1


def test_limits_from_settings() -> None:
    from bot.settings import Settings

    limits = Limits.from_settings(Settings(lookback_days=21, max_suggestions=2, repeat_after_days=3))
    assert limits == Limits(lookback_days=21, max_suggestions=2, repeat_after_days=3)
