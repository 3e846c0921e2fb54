"""Digest storage on SQLite and PostgreSQL: schedule, claims, leases, planning aggregates, prefs."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from sqlalchemy import select, update

from storage import digests as store
from storage import planning, prefs
from storage.help import NewEdge, upsert_edges
from storage.models import Digest, DigestStatus, SlackUser, UserSettings
from storage.users import save_user

T = "T1"
NOW = dt.datetime(2025, 3, 10, 8, 0, tzinfo=dt.UTC)
DEFAULTS = store.Defaults(tz="UTC", time="09:00", days="mon-fri")
_keys = itertools.count()


def edge(
    helper: str,
    recipient: str,
    *,
    days_ago: float = 1,
    source: str = "got_command",
    reporter: str | None = None,
    reason: str | None = None,
    channel: str | None = "CENG",
    team: str = T,
) -> NewEdge:
    return NewEdge(
        team_id=team,
        helper_id=helper,
        recipient_id=recipient,
        source=source,
        source_key=f"k{next(_keys)}",
        reporter_id=reporter or recipient,
        happened_at=NOW - dt.timedelta(days=days_ago),
        reason=reason,
        channel_id=channel,
    )


def add(database, *edges: NewEdge) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as s:
        upsert_edges(s, edges, NOW)


def plan(database, user: str, now: dt.datetime = NOW) -> dict[str, planning.PairRow]:  # type: ignore[no-untyped-def]
    with database.reader() as s:
        rows = planning.plan_pairs(s, T, [user], now, lookback_days=14, repeat_after_days=7)
    return {r.other_id: r for r in rows.get(user, [])}


def test_new_recipients_get_a_settings_row_once_and_only_from_their_own_words(database) -> None:  # type: ignore[no-untyped-def]
    add(
        database,
        edge("UA", "UU"),  # U's own /got: evidence
        edge("UB", "UV", source="gave_command", reporter="UB"),  # B claims to have helped V: not V's words
    )
    with database.transaction() as s:
        assert store.schedule_new_recipients(s, NOW) == 1
    with database.transaction() as s:
        assert store.schedule_new_recipients(s, NOW) == 0
        users = set(s.scalars(select(UserSettings.user_id)))
    assert users == {"UU"}
    add(database, edge("UA", "UW"))
    with database.transaction() as s:
        assert store.schedule_new_recipients(s, NOW) == 1


def test_stale_schedules_follow_zone_and_setting_changes(database) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as s:
        prefs.ensure_user(s, T, "UU", NOW)
        save_user(s, T, "UU", now=NOW, name="u", real_name="U", tz="Europe/Berlin", is_bot=False, deleted=False)
        rows = store.stale_schedules(s, DEFAULTS, 100)
        assert [(r.user_id, r.tz, r.time, r.days) for r in rows] == [("UU", "Europe/Berlin", "09:00", "mon-fri")]
        store.set_next(s, [(rows[0], NOW)])
    with database.transaction() as s:
        assert store.stale_schedules(s, DEFAULTS, 100) == []
        # Slack reports a new zone.
        save_user(s, T, "UU", now=NOW, name="u", real_name="U", tz="Asia/Tokyo", is_bot=False, deleted=False)
        assert [r.tz for r in store.stale_schedules(s, DEFAULTS, 100)] == ["Asia/Tokyo"]
        store.set_next(s, [(store.stale_schedules(s, DEFAULTS, 100)[0], NOW)])
    with database.transaction() as s:
        prefs.set_schedule(s, T, "UU", NOW, digest_time="07:30", digest_days="mon,wed")
        assert [(r.time, r.days) for r in store.stale_schedules(s, DEFAULTS, 100)] == [("07:30", "mon,wed")]
    # Paused people are not scheduled at all.
    with database.transaction() as s:
        prefs.set_paused(s, T, "UU", NOW, paused=True)
        assert store.stale_schedules(s, DEFAULTS, 100) == []
    # A different workspace default makes everyone stale.
    with database.transaction() as s:
        prefs.set_paused(s, T, "UU", NOW, paused=False)
        prefs.set_schedule(s, T, "UU", NOW)
        row = store.stale_schedules(s, DEFAULTS, 100)[0]
        store.set_next(s, [(row, NOW)])
    with database.reader() as s:
        assert store.stale_schedules(s, DEFAULTS, 100) == []
        assert len(store.stale_schedules(s, store.Defaults("UTC", "10:00", "mon-fri"), 100)) == 1


def test_due_users_reports_bots_deleted_and_uninstalled(database) -> None:  # type: ignore[no-untyped-def]
    from storage.models import Workspace

    with database.transaction() as s:
        for user in ("UU", "UBOT", "UGONE"):
            prefs.ensure_user(s, T, user, NOW)
        prefs.ensure_user(s, "T2", "UX", NOW)
        save_user(s, T, "UBOT", now=NOW, name="b", real_name=None, tz=None, is_bot=True, deleted=False)
        save_user(s, T, "UGONE", now=NOW, name="g", real_name=None, tz=None, is_bot=False, deleted=True)
        s.add(Workspace(team_id="T2", installed_at=NOW, uninstalled_at=NOW))
        s.execute(update(UserSettings).values(next_digest_at=NOW - dt.timedelta(minutes=1)))
    with database.transaction() as s:
        due = {r.user_id: r for r in store.due_users(s, NOW, DEFAULTS, 10)}
        later = store.due_users(s, NOW - dt.timedelta(minutes=2), DEFAULTS, 10)
    assert later == []
    assert set(due) == {"UU", "UBOT", "UGONE", "UX"}
    assert due["UBOT"].is_bot and due["UGONE"].deleted and not due["UX"].workspace_active
    assert not due["UU"].is_bot and due["UU"].workspace_active and due["UU"].tz == "UTC"


def test_claim_is_unique_per_local_date_and_ownership_is_enforced(database) -> None:  # type: ignore[no-untyped-def]
    day = dt.date(2025, 3, 10)
    lease = NOW + dt.timedelta(minutes=10)
    with database.transaction() as s:
        first = store.claim(s, [(T, "UU", day), (T, "UV", day)], NOW, "p1", lease)
    with database.transaction() as s:
        second = store.claim(s, [(T, "UU", day), (T, "UU", day + dt.timedelta(days=1))], NOW, "p2", lease)
    assert {c.user_id for c in first} == {"UU", "UV"}
    assert [(c.user_id, c.local_date) for c in second] == [("UU", day + dt.timedelta(days=1))]
    uu = next(c for c in first if c.user_id == "UU")
    with database.transaction() as s:
        assert not store.mark_sent(s, uu, "p2", NOW, "D1", "1.0", [])  # not p2's
        assert store.take_over(s, NOW, "p2", lease, 10) == []  # lease still running
    later = lease + dt.timedelta(seconds=1)
    with database.transaction() as s:
        taken = store.take_over(s, later, "p2", later + dt.timedelta(minutes=10), 10)
    assert sorted(c.user_id for c in taken) == ["UU", "UU", "UV"] and all(c.recovering for c in taken)
    with database.transaction() as s:
        assert store.renew(s, [uu.id], "p1", later) == set()  # p1 lost it
        assert store.mark_sent(s, uu, "p2", later, "D1", "1.0", [store.SentItem("UA", 1, 2, NOW)])
        assert not store.mark_sent(s, uu, "p2", later, "D1", "1.0", [])  # only once
    with database.reader() as s:
        row = s.get_one(Digest, uu.id)
        assert (row.status, row.message_ts) == (DigestStatus.SENT.value, "1.0")
        assert [i.other_id for i in store.digest_items(s, uu.id)] == ["UA"]


def test_retry_and_failure_states(database) -> None:  # type: ignore[no-untyped-def]
    day = dt.date(2025, 3, 10)
    with database.transaction() as s:
        (c,) = store.claim(s, [(T, "UU", day)], NOW, "p1", NOW + dt.timedelta(minutes=10))
        assert store.mark_retry(s, c.id, "p1", "internal_error", 1, NOW + dt.timedelta(seconds=30))
    with database.transaction() as s:
        assert store.take_over(s, NOW + dt.timedelta(seconds=29), "p2", NOW, 10) == []
        (again,) = store.take_over(s, NOW + dt.timedelta(seconds=30), "p2", NOW + dt.timedelta(minutes=5), 10)
        assert again.attempts == 1
        assert store.mark_failed(s, c.id, "p2", "user_not_found", 2)
    with database.reader() as s:
        row = s.get_one(Digest, c.id)
        assert (row.status, row.error, row.attempts) == ("failed", "user_not_found", 2)


def test_plan_pairs_counts_only_unreturned_evidence_in_the_window(database) -> None:  # type: ignore[no-untyped-def]
    add(
        database,
        edge("UA", "UU", days_ago=3),
        edge("UA", "UU", days_ago=1),
        edge("UA", "UU", days_ago=20),  # outside the window
        edge("UB", "UU", days_ago=5),
        edge("UU", "UB", days_ago=4, source="gave_command", reporter="UU"),  # U gave back to B after
        edge("UC", "UU", days_ago=2, source="gave_command", reporter="UC"),  # C's claim: not evidence
        edge("UD", "UU", days_ago=2, source="gave_command", reporter="UD"),  # D's claim, confirmed below
        edge("UU", "UU", days_ago=1),  # self
        edge("UE", "UU", days_ago=6),
    )
    with database.transaction() as s:
        from storage.models import HelpEdge

        s.execute(update(HelpEdge).where(HelpEdge.helper_id == "UD").values(claim_status="confirmed"))
        prefs.record_ask(s, T, "UU", "UE", NOW - dt.timedelta(days=7))  # before E's help: no effect
    pairs = plan(database, "UU")
    assert set(pairs) == {"UA", "UD", "UE"}
    assert (pairs["UA"].unreturned, pairs["UA"].last_help_at) == (2, NOW - dt.timedelta(days=1))
    assert pairs["UE"].last_gave_at == NOW - dt.timedelta(days=7)
    # B helps again after U gave back: one unreturned act.
    add(database, edge("UB", "UU", days_ago=0.5))
    assert plan(database, "UU")["UB"].unreturned == 1
    # "I asked them" after A's latest help removes A until A helps again.
    with database.transaction() as s:
        ask = prefs.record_ask(s, T, "UU", "UA", NOW - dt.timedelta(hours=1))
    assert ask > 0 and "UA" not in plan(database, "UU")
    with database.transaction() as s:
        assert prefs.undo_ask(s, T, "UU", "UA") == 1
    assert plan(database, "UU")["UA"].unreturned == 2


def test_plan_pairs_joins_rules_flags_and_last_suggestion(database) -> None:  # type: ignore[no-untyped-def]
    add(database, *(edge(p, "UU") for p in ("UA", "UB", "UC", "UBOT", "UGONE", "UOUT")), edge("UA", "UV"))
    with database.transaction() as s:
        prefs.set_muted(s, T, "UU", "UA", NOW, muted=True)
        prefs.snooze(s, T, "UU", "UB", NOW, NOW + dt.timedelta(days=14))
        save_user(s, T, "UBOT", now=NOW, name="b", real_name=None, tz=None, is_bot=True, deleted=False)
        save_user(s, T, "UGONE", now=NOW, name="g", real_name=None, tz=None, is_bot=False, deleted=True)
        prefs.set_suggestable(s, T, "UOUT", NOW, suggestable=False)
        (c,) = store.claim(s, [(T, "UU", dt.date(2025, 3, 7))], NOW, "p", NOW)
        store.mark_sent(s, c, "p", NOW - dt.timedelta(days=3), "D", "1.0", [store.SentItem("UC", 1, 1, NOW)])
    pairs = plan(database, "UU")
    assert pairs["UA"].muted and not pairs["UB"].muted
    assert pairs["UB"].snoozed_until == NOW + dt.timedelta(days=14)
    assert pairs["UC"].last_suggested_at == NOW - dt.timedelta(days=3)
    assert pairs["UBOT"].other_is_bot and pairs["UGONE"].other_deleted and not pairs["UOUT"].other_suggestable
    # Muting is per reader: V still sees A.
    assert not plan(database, "UV")["UA"].muted
    with database.transaction() as s:
        prefs.set_muted(s, T, "UU", "UA", NOW, muted=False)
        prefs.snooze(s, T, "UU", "UB", NOW, None)
    pairs = plan(database, "UU")
    assert not pairs["UA"].muted and pairs["UB"].snoozed_until is None


def test_plan_pairs_for_a_batch_is_one_query_for_many_users(database) -> None:  # type: ignore[no-untyped-def]
    users = [f"U{n:03d}" for n in range(50)]
    add(database, *(edge("UH", u, days_ago=1) for u in users), *(edge(u, "UH") for u in users[:5]))
    with database.reader() as s:
        rows = planning.plan_pairs(s, T, [*users, "UH"], NOW, lookback_days=14, repeat_after_days=7)
    assert set(rows) == {*users, "UH"}
    assert len(rows["UH"]) == 5


def test_suggestions_carry_their_latest_acts_after_the_last_give_back(database) -> None:  # type: ignore[no-untyped-def]
    add(
        database,
        *(edge("UA", "UU", days_ago=d, reason=f"r{d}") for d in (1, 2, 3, 4, 5, 6)),
        edge("UU", "UA", days_ago=5.5, source="gave_command", reporter="UU"),  # U gave back to A
        edge("UB", "UU", days_ago=1, reason=None, source="thanks_reaction", channel="CX"),
        edge("UC", "UU", days_ago=20, reason="too old"),
    )
    with database.transaction() as s:
        save_user(s, T, "UA", now=NOW, name="ann", real_name="Ann Lee", tz=None, is_bot=False, deleted=False)
    with database.reader() as s:
        found = {
            p.other_id: p
            for p in planning.plan_top(s, T, ["UU"], NOW, lookback_days=14, repeat_after_days=7, limit=3)["UU"]
        }
    assert set(found) == {"UA", "UB"}
    # Five acts after the give-back count; the three latest are quoted, newest first.
    assert found["UA"].unreturned == 5 and found["UA"].last_gave_at == NOW - dt.timedelta(days=5.5)
    assert [r.reason for r in found["UA"].reasons] == ["r1", "r2", "r3"]
    assert found["UA"].other_name == "Ann Lee" and found["UB"].other_name is None
    assert [(r.source, r.channel_id) for r in found["UB"].reasons] == [("thanks_reaction", "CX")]


def test_dm_channel_cache_and_first_digest(database) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as s:
        prefs.ensure_user(s, T, "UU", NOW)
        store.save_dm_channel(s, T, "UU", "D123")
        (c,) = store.claim(s, [(T, "UU", dt.date(2025, 3, 10))], NOW, "p", NOW)
    with database.reader() as s:
        r = planning.plan_recipients(s, DEFAULTS, T, ["UU"])["UU"]
        assert (r.dm_channel_id, r.first_digest_at) == ("D123", None)
        assert s.get_one(SlackUser, (T, "UU")).dm_channel_id == "D123"
    with database.transaction() as s:
        store.mark_sent(s, c, "p", NOW, "D123", "1.0", [])
    with database.reader() as s:
        assert planning.plan_recipients(s, DEFAULTS, T, ["UU"])["UU"].first_digest_at == NOW


@pytest.mark.parametrize("n", [3])
def test_raw_aggregate_counts_pairs(database, n: int) -> None:  # type: ignore[no-untyped-def]
    add(database, *(edge(f"UA{i}", "UU") for i in range(n)), edge("UA0", "UU"))
    with database.reader() as s:
        assert planning.raw_help_aggregate(s, T, NOW, 14) == n


def test_planner_skips_bots_deleted_and_opted_out_only_in_their_own_workspace(database) -> None:  # type: ignore[no-untyped-def]
    add(database, *(edge(p, "UU") for p in ("UA", "UBOT", "UGONE", "UOUT")))
    with database.transaction() as s:
        save_user(s, T, "UBOT", now=NOW, name="b", real_name=None, tz=None, is_bot=True, deleted=False)
        save_user(s, T, "UGONE", now=NOW, name="g", real_name=None, tz=None, is_bot=False, deleted=True)
        prefs.set_suggestable(s, T, "UOUT", NOW, suggestable=False)
        # The same ids in another workspace: deleted, a bot, opted out there — not here.
        save_user(s, "T2", "UA", now=NOW, name="a", real_name=None, tz=None, is_bot=True, deleted=True)
        prefs.set_suggestable(s, "T2", "UA", NOW, suggestable=False)
    with database.reader() as s:
        planned = planning.plan_top(s, T, ["UU"], NOW, lookback_days=14, repeat_after_days=7, limit=3)
    assert [p.other_id for p in planned["UU"]] == ["UA"]
