"""The digest as whole processes against the Slack sandbox.

- `giveback run` (HTTP mode, SCHEDULER_ENABLED=true) sends due digests from its own APScheduler
  ticker, on the real clock: people whose digest time is the current minute in their zone get
  exactly one DM; someone due a few minutes later gets nothing yet.
- Two `giveback run` processes ticking at the same moment on one database (SQLite file, and
  PostgreSQL when configured) still give each person exactly one DM.
- Daylight-saving days end to end with `giveback digest --now`: Europe/Berlin and
  America/New_York, a digest time inside the spring-forward gap (02:30) and inside the fall-back
  fold (01:30 New York, 02:30 Berlin — Berlin's repeated hour is 02:00–03:00) → one digest on
  each of those local dates, at the instant the rules in `bot.schedule` promise.

The real-clock tests pre-compute the schedule the way an already-running ticker would have (the
database is the schedule), so the process's first tick, ~5 s after start, finds people due.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.digest import DigestService
from bot.settings import Settings
from bot.slack_client import build_web_client
from storage import prefs
from storage.db import Database
from storage.migrate import upgrade
from storage.models import Digest
from storage.users import save_user
from tests.e2e.conftest import bot_env, free_port, giveback_process, wait_for, wait_healthy
from tests.e2e.digest_world import TEAM, digest_messages, thank

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
HELPER = "UHELPER"
# Zones with whole-hour, half-hour and quarter-hour offsets.
CANDIDATE_ZONES = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu", "UTC", "Asia/Tokyo"]


class LogLines:
    """Collects a process's JSON log lines from its stdout, on a thread, as they come."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.lines: list[str] = []
        self._thread = threading.Thread(target=self._read, args=(proc,), daemon=True)
        self._thread.start()

    def _read(self, proc: subprocess.Popen[str]) -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            self.lines.append(line)

    def events(self, name: str) -> list[dict[str, Any]]:
        out = []
        for line in list(self.lines):
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict) and record.get("event") == name:
                out.append(record)
        return out


def _settings(sandbox: Any, url: str) -> Settings:
    # Must agree with what the process reads from bot_env (defaults), so the schedule keys match.
    return Settings(
        slack_bot_token=sandbox.bot_token,
        slack_signing_secret=sandbox.signing_secret,
        slack_api_url=sandbox.api_url,
        database_url=url,
        scheduler_enabled=False,
        _env_file=None,
    )


def _local_minute(zone: str, now: dt.datetime) -> dt.datetime:
    return now.astimezone(ZoneInfo(zone)).replace(second=0, microsecond=0)


def _safe_zones(now: dt.datetime, count: int) -> list[str]:
    """Zones where the local date will not change in the next few minutes (a digest belongs to
    its local date: one due at 23:59 is not sent at 00:01 the next day, by design)."""
    zones = []
    for zone in CANDIDATE_ZONES:
        local = now.astimezone(ZoneInfo(zone))
        if dt.time(0, 5) <= local.time() <= dt.time(23, 50):
            zones.append(zone)
    assert len(zones) >= count, "not enough zones away from local midnight"
    return zones[:count]


def _seed_due_now(sandbox: Any, database: Database, url: str, users: dict[str, str], later: dict[str, str]) -> None:
    """`users` (id -> zone) are due this very minute in their zone; `later` ones in 5 minutes.
    Everyone was helped yesterday. The schedule is computed as a tick two minutes ago would have."""
    now = dt.datetime.now(dt.UTC)
    sandbox.add_user(HELPER, "helga", tz="UTC")
    with database.transaction() as s:
        save_user(s, TEAM, HELPER, now=now, name="helga", real_name="Helga", tz="UTC", is_bot=False, deleted=False)
    for user, zone in {**users, **later}.items():
        sandbox.add_user(user, user.lower(), tz=zone)
        minute = _local_minute(zone, now) + (dt.timedelta(minutes=5) if user in later else dt.timedelta())
        with database.transaction() as s:
            save_user(s, TEAM, user, now=now, name=user.lower(), real_name=None, tz=zone, is_bot=False, deleted=False)
            prefs.set_schedule(s, TEAM, user, now, digest_time=minute.strftime("%H:%M"), digest_days="daily")
        thank(database, HELPER, user, now - dt.timedelta(days=1), reason=f"helped {user}")
    settings = _settings(sandbox, url)
    service = DigestService(
        settings=settings,
        db=database,
        slack=build_web_client(settings, retry=False),
        clock=lambda: dt.datetime.now(dt.UTC),
    )
    service.housekeeping(now - dt.timedelta(minutes=2))


def _sent_rows(database: Database) -> list[Any]:
    with database.reader() as s:
        return (
            s.query(Digest.user_id, Digest.local_date, Digest.sent_at, Digest.message_ts)
            .filter(Digest.status == "sent")
            .all()
        )


def test_giveback_run_sends_due_digests_from_its_own_ticker(sandbox, tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'ticker.db'}"
    database = Database(url)
    upgrade(database)
    now = dt.datetime.now(dt.UTC)
    zones = _safe_zones(now, 4)
    due = {f"UDUE{n}": zone for n, zone in enumerate(zones)}
    later = {"ULATER": zones[0]}
    _seed_due_now(sandbox, database, url, due, later)
    port = free_port()
    env = {**bot_env(sandbox, url, PORT=str(port), HOST="127.0.0.1", LOG_LEVEL="INFO"), "SCHEDULER_ENABLED": "true"}
    with giveback_process(["run"], env, tmp_path) as proc:
        logs = LogLines(proc)
        wait_healthy(port, proc)
        # The first tick comes ~5 s after start; allow one more minute in case it is slow.
        assert wait_for(lambda: all(digest_messages(sandbox, u) for u in due), timeout=75), logs.lines[-20:]
        assert wait_for(lambda: logs.events("digest.pass"), timeout=10)
        # Nothing else is due: more ticks (if any came) send nothing more.
        for user, zone in due.items():
            [message] = digest_messages(sandbox, user)
            local_date = dt.datetime.now(dt.UTC).astimezone(ZoneInfo(zone)).date()
            assert message["metadata"]["event_payload"]["local_date"] == local_date.isoformat()
        assert digest_messages(sandbox, "ULATER") == []
    rows = _sent_rows(database)
    assert sorted(r.user_id for r in rows) == sorted(due)
    for row in rows:  # sent at or after the person's slot (this minute in their zone), never before
        slot = _local_minute(due[row.user_id], now).astimezone(dt.UTC)
        assert row.sent_at >= slot and [m["ts"] for m in digest_messages(sandbox, row.user_id)] == [row.message_ts]
    # A later pass of the same day (here: the CLI, as another replica would) sends nothing again.
    out = subprocess.run(
        [sys.executable, "-m", "bot", "digest", "--now", dt.datetime.now(dt.UTC).isoformat()],
        cwd=ROOT,
        env={**env, "LOG_LEVEL": "WARNING"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert " sent=0 " in out.stdout and " claimed=0 " in out.stdout
    assert all(len(digest_messages(sandbox, u)) == 1 for u in due)


def test_two_processes_ticking_at_once_send_each_digest_once(sandbox, database_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    database = Database(database_url)
    upgrade(database)  # before the processes start, so they do not race to migrate
    now = dt.datetime.now(dt.UTC)
    zones = _safe_zones(now, 3)
    due = {f"UMANY{n:02d}": zones[n % len(zones)] for n in range(30)}
    _seed_due_now(sandbox, database, database_url, due, {})
    # Slow posts stretch each pass over a second or more, so the two passes overlap.
    sandbox.slow("chat.postMessage", 0.03)
    ports = [free_port(), free_port()]
    envs = [
        {**bot_env(sandbox, database_url, PORT=str(p), HOST="127.0.0.1", LOG_LEVEL="INFO"), "SCHEDULER_ENABLED": "true"}
        for p in ports
    ]
    with (
        giveback_process(["run"], envs[0], tmp_path) as first,
        giveback_process(["run"], envs[1], tmp_path) as second,
    ):
        logs = [LogLines(first), LogLines(second)]
        wait_healthy(ports[0], first)
        wait_healthy(ports[1], second)
        # Both tickers ran a pass (each ~5 s after its start) and every digest went out.
        assert wait_for(lambda: all(log.events("digest.pass") for log in logs), timeout=75)
        assert wait_for(lambda: all(digest_messages(sandbox, u) for u in due), timeout=30)
        claimed = [sum(e.get("claimed", 0) + e.get("recovered", 0) for e in log.events("digest.pass")) for log in logs]
    assert sum(claimed) == len(due)  # every claim was taken by exactly one of the two
    for user in due:
        assert len(digest_messages(sandbox, user)) == 1, user
    rows = _sent_rows(database)
    assert sorted(r.user_id for r in rows) == sorted(due)
    assert len({(r.user_id, r.local_date) for r in rows}) == len(rows)
    database.dispose()


# ---------------------------------------------------------------------------------------------
# Daylight-saving days, with `giveback digest --now`

UTC = dt.UTC
# (user, zone, digest time, DST dates in that zone with the UTC instant the digest is due)
DST_CASES = {
    "Europe/Berlin": [
        # 30 Mar 2025: 02:00 CET jumps to 03:00 CEST; 02:30 does not exist → the jump, 01:00 UTC.
        # 26 Oct 2025: 03:00 CEST falls back to 02:00 CET; 02:30 happens twice → the first, 00:30 UTC.
        ("UBERGAP", "02:30", {dt.date(2025, 3, 30): dt.datetime(2025, 3, 30, 1, 0, tzinfo=UTC),
                              dt.date(2025, 10, 26): dt.datetime(2025, 10, 26, 0, 30, tzinfo=UTC)}),
        # 01:30 is before both changes in Berlin: plain CET on 30 Mar, CEST on 26 Oct.
        ("UBERONE", "01:30", {dt.date(2025, 3, 30): dt.datetime(2025, 3, 30, 0, 30, tzinfo=UTC),
                              dt.date(2025, 10, 26): dt.datetime(2025, 10, 25, 23, 30, tzinfo=UTC)}),
    ],
    "America/New_York": [
        # 9 Mar 2025: 02:00 EST jumps to 03:00 EDT → 02:30 is the jump, 07:00 UTC.
        # 2 Nov 2025: 02:30 is after the fall-back, plain EST → 07:30 UTC.
        ("UNYGAP", "02:30", {dt.date(2025, 3, 9): dt.datetime(2025, 3, 9, 7, 0, tzinfo=UTC),
                             dt.date(2025, 11, 2): dt.datetime(2025, 11, 2, 7, 30, tzinfo=UTC)}),
        # 2 Nov 2025: 02:00 EDT falls back to 01:00 EST; 01:30 happens twice → the first (EDT), 05:30 UTC.
        ("UNYFOLD", "01:30", {dt.date(2025, 3, 9): dt.datetime(2025, 3, 9, 6, 30, tzinfo=UTC),
                              dt.date(2025, 11, 2): dt.datetime(2025, 11, 2, 5, 30, tzinfo=UTC)}),
    ],
}  # fmt: skip


def _cli_pass(env: dict[str, str], instant: dt.datetime) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "bot", "digest", "--now", instant.isoformat()],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    return out.stdout


@pytest.mark.parametrize("zone", sorted(DST_CASES))
def test_daylight_saving_days_get_one_digest_at_the_promised_instant(sandbox, tmp_path, zone) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'dst.db'}"
    database = Database(url)
    upgrade(database)
    cases = DST_CASES[zone]
    start = min(min(slots.values()) for _, _, slots in cases) - dt.timedelta(days=2)
    sandbox.add_user(HELPER, "helga", tz="UTC")
    with database.transaction() as s:
        save_user(s, TEAM, HELPER, now=start, name="helga", real_name="Helga", tz="UTC", is_bot=False, deleted=False)
    for user, clock, _ in cases:
        sandbox.add_user(user, user.lower(), tz=zone)
        with database.transaction() as s:
            save_user(s, TEAM, user, now=start, name=user.lower(), real_name=None, tz=zone, is_bot=False, deleted=False)
            prefs.set_schedule(s, TEAM, user, start, digest_time=clock, digest_days="daily")
    # Passes: for each DST date and person, a minute before the promised instant (too early: no
    # digest), at it (the digest), an hour after it (the fold's second 01:30/02:30: no second
    # digest), and at the same wall time the next day (the schedule moved on by one local day).
    instants: set[dt.datetime] = set()
    for _, clock, slots in cases:
        at = dt.time.fromisoformat(clock)
        for day, due in slots.items():
            following = dt.datetime.combine(day + dt.timedelta(days=1), at, tzinfo=ZoneInfo(zone))
            instants |= {due - dt.timedelta(minutes=1), due, due + dt.timedelta(hours=1), following.astimezone(UTC)}
    env = {**bot_env(sandbox, url), "LOG_LEVEL": "WARNING"}
    for instant in sorted(instants):
        # Fresh help before every pass, so every digest has something new to say.
        for user, _, _ in cases:
            thank(database, HELPER, user, instant - dt.timedelta(minutes=5), reason=f"help at {instant:%m-%d %H:%M}")
        _cli_pass(env, instant)

    with database.reader() as s:
        rows = [(r.user_id, r.local_date, r.sent_at) for r in s.query(Digest).filter(Digest.status == "sent")]
    for user, _, slots in cases:
        mine = [(day, sent_at) for u, day, sent_at in rows if u == user]
        per_date: dict[dt.date, list[dt.datetime]] = {}
        for day, sent_at in mine:
            per_date.setdefault(day, []).append(sent_at)
        assert all(len(v) == 1 for v in per_date.values()), (user, per_date)
        for day, due in slots.items():
            assert day in per_date, (user, day, sorted(per_date))
            [sent_at] = per_date[day]
            # Sent by the pass at the promised instant (sent_at is that pass's time, plus its run).
            assert due <= sent_at < due + dt.timedelta(minutes=1), (user, day, sent_at, due)
            assert day + dt.timedelta(days=1) in per_date, (user, day)  # and the next day's too
        # Slack agrees: one DM per local date, carrying that date.
        dates = [m["metadata"]["event_payload"]["local_date"] for m in digest_messages(sandbox, user)]
        assert sorted(dates) == sorted(d.isoformat() for d in per_date), user
    database.dispose()
