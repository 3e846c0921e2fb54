"""The digest job end to end against the Slack sandbox: a simulated week across time zones
(including the US spring-forward weekend and someone moving zones), exactly-once under
concurrent processes on SQLite and PostgreSQL, a process killed mid-pass, and Slack failures."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.digest_cli import run_digest
from bot.settings import Settings
from storage import digests as store
from storage import planning
from storage.db import Database
from storage.migrate import upgrade
from storage.models import Digest, Workspace
from storage.users import save_user
from tests.conftest import BACKENDS, fresh_database_url
from tests.e2e.digest_world import PEOPLE, TEAM, add_people, digest_messages, sent_per_day, thank

ROOT = Path(__file__).resolve().parents[2]
MONDAY = dt.datetime(2025, 3, 3, 0, 0, tzinfo=dt.UTC)  # US clocks spring forward on Sun 2025-03-09


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):  # type: ignore[no-untyped-def]
    yield from fresh_database_url(request.param, tmp_path)


def settings_for(sandbox: Any, url: str, **extra: Any) -> Settings:
    return Settings(
        slack_bot_token=sandbox.bot_token,
        slack_signing_secret=sandbox.signing_secret,
        slack_api_url=sandbox.api_url,
        database_url=url,
        scheduler_enabled=False,
        _env_file=None,
        **extra,
    )


def one_pass(settings: Settings, now: dt.datetime) -> str:
    out = io.StringIO()
    assert run_digest(settings, now, None, out) == 0
    return out.getvalue()


def migrated(url: str) -> Database:
    database = Database(url)
    upgrade(database)
    return database


def test_a_simulated_week_across_time_zones(sandbox, tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'week.db'}"
    database = migrated(url)
    settings = settings_for(sandbox, url, default_timezone="Europe/Paris")
    add_people(sandbox, database, MONDAY)
    sandbox.add_user("UNOZONE", "zed", tz="Europe/Paris")  # nothing cached: DEFAULT_TIMEZONE applies
    sandbox.add_user("UGONE", "gone", tz="UTC", deleted=True)
    with database.transaction() as s:
        save_user(s, TEAM, "UGONE", now=MONDAY, name="gone", real_name=None, tz="UTC", is_bot=False, deleted=True)
    recipients = [*PEOPLE, "UNOZONE", "UGONE"]
    zone_of = {u: ZoneInfo(tz) for u, (_, tz) in PEOPLE.items()} | {"UNOZONE": ZoneInfo("Europe/Paris")}
    moved_at = dt.datetime(2025, 3, 5, 12, 0, tzinfo=dt.UTC)  # Wed, after Berlin's digest

    instant = MONDAY
    sent_zone: dict[int, ZoneInfo] = {}
    while instant <= dt.datetime(2025, 3, 10, 18, 0, tzinfo=dt.UTC):
        if instant.hour == 12 and instant.minute == 0:
            # Each day someone helps everyone again, so there is always something new to say.
            for user in recipients:
                thank(database, "UHELP1", user, instant, reason=f"help on {instant:%a}")
        if instant == moved_at:
            with database.transaction() as s:
                save_user(
                    s,
                    TEAM,
                    "UBERLIN",
                    now=instant,
                    name="berta",
                    real_name="Berta",
                    tz="Asia/Tokyo",
                    is_bot=False,
                    deleted=False,
                )
            zone_of["UBERLIN"] = ZoneInfo("Asia/Tokyo")
        one_pass(settings, instant)
        with database.reader() as s:
            for row in s.query(Digest).filter(Digest.status == "sent"):
                sent_zone.setdefault(row.id, zone_of[row.user_id])
        instant += dt.timedelta(minutes=30)

    sent = sent_per_day(database)
    assert all(count == 1 for count in sent.values())  # never twice on one local date
    with database.reader() as s:
        rows = [Sent(r.id, r.user_id, r.local_date, r.sent_at) for r in s.query(Digest).filter(Digest.status == "sent")]
    by_user: dict[str, list[dt.date]] = {}
    for row in rows:
        by_user.setdefault(row.user_id, []).append(row.local_date)
        local = row.sent_at.astimezone(sent_zone[row.id])
        assert local.date() == row.local_date
        assert dt.time(9, 0) <= local.time() < dt.time(9, 31), (row.user_id, local)  # passes are 30 min apart
    # Help first arrives Monday 12:00 UTC: from then on, every local weekday gets one digest.
    for user in ("UBERLIN", "UNY", "ULA", "UNOZONE"):
        first = dt.date(2025, 3, 4) if user in ("UBERLIN", "UNOZONE") else dt.date(2025, 3, 3)
        if user in ("UNY", "ULA"):
            first = dt.date(2025, 3, 3)  # their Monday 09:00 comes after Monday 12:00 UTC
        expected = [d for d in _weekdays(first, dt.date(2025, 3, 10))]
        assert sorted(by_user[user]) == expected, user
    # Tokyo and Kolkata: Monday 09:00 is before the first help (UTC noon), so Tuesday on.
    for user in ("UTOKYO", "UKOLKATA"):
        assert sorted(by_user[user]) == _weekdays(dt.date(2025, 3, 4), dt.date(2025, 3, 10)), user
    assert "UGONE" not in by_user  # deleted people get nothing
    # New York after the spring-forward: Monday 10 March 09:00 EDT is 13:00 UTC.
    ny_monday = next(r for r in rows if r.user_id == "UNY" and r.local_date == dt.date(2025, 3, 10))
    assert ny_monday.sent_at.astimezone(dt.UTC).hour == 13
    # Sandbox agrees with the database: one DM per digest, the intro only in the first.
    for user, dates in by_user.items():
        messages = digest_messages(sandbox, user)
        assert len(messages) == len(dates)
        assert "To stop" in str(messages[0]["blocks"]) and all("To stop" not in str(m["blocks"]) for m in messages[1:])


@dataclass(frozen=True)
class Sent:
    id: int
    user_id: str
    local_date: dt.date
    sent_at: dt.datetime


def _weekdays(first: dt.date, last: dt.date) -> list[dt.date]:
    days, day = [], first
    while day <= last:
        if day.weekday() < 5:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def test_uninstalled_workspace_gets_no_digests(sandbox, tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'gone.db'}"
    database = migrated(url)
    add_people(sandbox, database, MONDAY)
    thank(database, "UHELP1", "UBERLIN", MONDAY - dt.timedelta(days=1))
    with database.transaction() as s:
        s.add(Workspace(team_id=TEAM, installed_at=MONDAY, uninstalled_at=MONDAY))
    one_pass(settings_for(sandbox, url), MONDAY + dt.timedelta(hours=8))
    assert digest_messages(sandbox, "UBERLIN") == []
    assert sent_per_day(database) == {}


def _seed_many(database: Database, sandbox: Any, count: int) -> list[str]:
    users = [f"UMANY{n:03d}" for n in range(count)]
    sandbox.add_user("UHELP1", "helga", tz="UTC")
    for user in users:
        sandbox.add_user(user, user.lower(), tz="Europe/Berlin")
        with database.transaction() as s:
            save_user(
                s,
                TEAM,
                user,
                now=MONDAY,
                name=user.lower(),
                real_name=None,
                tz="Europe/Berlin",
                is_bot=False,
                deleted=False,
            )
        thank(database, "UHELP1", user, MONDAY - dt.timedelta(days=1))
    return users


def _cli(sandbox: Any, url: str, now: dt.datetime) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "SLACK_BOT_TOKEN": sandbox.bot_token,
        "SLACK_SIGNING_SECRET": sandbox.signing_secret,
        "SLACK_API_URL": sandbox.api_url,
        "DATABASE_URL": url,
        "LOG_LEVEL": "WARNING",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "digest", "--now", now.isoformat()],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_concurrent_processes_send_each_digest_exactly_once(sandbox, db_url) -> None:  # type: ignore[no-untyped-def]
    database = migrated(db_url)
    users = _seed_many(database, sandbox, 40)
    sandbox.slow("chat.postMessage", 0.01)
    for instant in (MONDAY + dt.timedelta(hours=8), MONDAY + dt.timedelta(days=1, hours=8)):
        if instant.day == 4:
            for user in users:
                thank(database, "UHELP1", user, instant - dt.timedelta(hours=2))
        processes = [_cli(sandbox, db_url, instant) for _ in range(5)]
        for process in processes:
            _, err = process.communicate(timeout=120)
            assert process.returncode == 0, err
    sent = sent_per_day(database)
    assert set(sent) == {(u, d) for u in users for d in (dt.date(2025, 3, 3), dt.date(2025, 3, 4))}  # no misses
    assert set(sent.values()) == {1}
    for user in users:
        assert len(digest_messages(sandbox, user)) == 2  # no duplicates in Slack either


@pytest.mark.slow
def test_a_process_killed_mid_pass_is_recovered_without_duplicates(sandbox, db_url) -> None:  # type: ignore[no-untyped-def]
    database = migrated(db_url)
    users = _seed_many(database, sandbox, 12)
    sandbox.slow("chat.postMessage", 0.4)
    instant = MONDAY + dt.timedelta(hours=8)
    victim = _cli(sandbox, db_url, instant)
    sandbox.wait_for_calls("chat.postMessage", 3, timeout=60)
    victim.kill()
    victim.wait()
    with database.reader() as s:
        left = s.query(Digest).filter(Digest.status == "claimed").count()
    assert left > 0  # it really died holding claims
    sandbox.clear_faults()
    # Another run before the lease ends leaves them alone; after it, they are recovered.
    early = _cli(sandbox, db_url, instant + dt.timedelta(minutes=1))
    assert early.wait(timeout=60) == 0
    with database.reader() as s:
        assert s.query(Digest).filter(Digest.status == "claimed").count() == left
    later = _cli(sandbox, db_url, instant + dt.timedelta(minutes=11))
    _out, err = later.communicate(timeout=120)
    assert later.returncode == 0, err
    assert sent_per_day(database) == {(u, dt.date(2025, 3, 3)): 1 for u in users}
    for user in users:
        assert len(digest_messages(sandbox, user)) == 1


def test_rate_limits_errors_and_permanent_failures(sandbox, tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'faults.db'}"
    database = migrated(url)
    users = _seed_many(database, sandbox, 12)
    settings = settings_for(sandbox, url)
    blocked, flaky = users[0], users[1]
    blocked_dm, flaky_dm = sandbox.dm_channel(blocked), sandbox.dm_channel(flaky)
    sandbox.fail(
        "chat.postMessage",
        error="messages_tab_disabled",
        times=None,
        when=lambda args: args.get("channel") == blocked_dm,
    )
    sandbox.fail(
        "chat.postMessage",
        status=503,
        error="service_unavailable",
        times=None,
        when=lambda args: args.get("channel") == flaky_dm,
    )
    sandbox.fail("chat.postMessage", status=429, retry_after=1, times=2)
    sandbox.fail(
        "chat.postMessage",
        status=500,
        error="internal_error",
        times=2,
        when=lambda args: args.get("channel") != flaky_dm,
    )
    sandbox.rate_limit("chat.postMessage", per_second=20, burst=5)
    instant = MONDAY + dt.timedelta(hours=8)
    summary = one_pass(settings, instant)
    assert "failed=1" in summary and "retry_later=1" in summary and "rate_limited=" in summary
    healthy = [u for u in users if u not in (blocked, flaky)]
    assert all(len(digest_messages(sandbox, u)) == 1 for u in healthy)
    with database.reader() as s:
        row = s.query(Digest.status, Digest.error).filter(Digest.user_id == blocked).one()
        assert tuple(row) == ("failed", "messages_tab_disabled")
        retry = s.query(Digest.status, Digest.attempts).filter(Digest.user_id == flaky).one()
        assert tuple(retry) == ("claimed", 1)
    # Slack recovers; a later pass delivers the retried digest once, and never the failed one.
    sandbox.clear_faults()
    sandbox.fail(
        "chat.postMessage",
        error="messages_tab_disabled",
        times=None,
        when=lambda args: args.get("channel") == blocked_dm,
    )
    one_pass(settings, instant + dt.timedelta(minutes=2))
    assert len(digest_messages(sandbox, flaky)) == 1
    assert digest_messages(sandbox, blocked) == []
    assert all(len(digest_messages(sandbox, u)) == 1 for u in healthy)
    # DM channels were opened once per person and cached.
    opened = [c for c in sandbox.calls("conversations.open")]
    assert len(opened) == len(users)


def test_preview_prints_without_sending_or_recording(sandbox, tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'preview.db'}"
    database = migrated(url)
    add_people(sandbox, database, MONDAY)
    thank(database, "UHELP1", "UBERLIN", MONDAY - dt.timedelta(days=2), reason="<!channel> unblocked deploy")
    thank(database, "UHELP1", "UBERLIN", MONDAY - dt.timedelta(days=1))
    out = io.StringIO()
    assert run_digest(settings_for(sandbox, url), MONDAY + dt.timedelta(hours=8), "UBERLIN", out) == 0
    text = out.getvalue()
    assert "Helga (UHELP1) helped you twice" in text and "<!channel> unblocked deploy" in text
    assert sandbox.calls("chat.postMessage") == []
    with database.reader() as s:
        assert s.query(Digest).count() == 0
        assert (
            planning.plan_recipients(s, store.Defaults(tz="UTC", time="09:00", days="mon-fri"), TEAM, ["UBERLIN"]) == {}
        )
