"""Two digest processes touching the same person at once, on PostgreSQL (SQLite runs one writer at a
time, so these interleavings cannot happen there).

The interleavings are the ones behind a deadlock seen with five `giveback digest` processes: one
process's housekeeping rewrote a schedule another had just claimed, the person came due again, and
the claim for them then waited on the digest the first process was recording, which was waiting on
the person's settings row held by the claim.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import text, update

from storage import digests as store
from storage import prefs
from storage.models import Digest, DigestStatus, UserSettings
from tests.conftest import BACKENDS, fresh_database_url

T = "T1"
NOW = dt.datetime(2025, 3, 10, 8, 0, tzinfo=dt.UTC)
DAY = NOW.date()
DEFAULTS = store.Defaults(tz="UTC", time="08:00", days="mon-fri")
LEASE = NOW + dt.timedelta(minutes=10)


@pytest.fixture(params=[backend for backend in BACKENDS if backend.id == "postgres"])
def database_url(request, tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """PostgreSQL only; conftest's `database` fixture is built on this URL."""
    yield from fresh_database_url(request.param, tmp_path)


def _due_again(database, user: str) -> None:  # type: ignore[no-untyped-def]
    """The person's schedule says now and was computed from nothing (as after a settings change)."""
    with database.transaction() as s:
        s.execute(
            update(UserSettings)
            .where(UserSettings.user_id == user)
            .values(next_digest_at=NOW - dt.timedelta(minutes=1), schedule_key=None)
        )


def _claimed(database, user: str) -> store.Claim:  # type: ignore[no-untyped-def]
    with database.transaction() as s:
        prefs.ensure_user(s, T, user, NOW)
        (claim,) = store.claim(s, [(T, user, DAY)], NOW, "p1", LEASE)
    return claim


def _wait_until_blocked(database, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    """Until some connection of this database waits on a lock another one holds."""
    deadline = time.monotonic() + timeout
    query = text(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
    )
    while time.monotonic() < deadline:
        with database.engine.connect() as conn:
            if conn.scalar(query):
                return
        time.sleep(0.02)
    raise AssertionError("the second transaction never waited")


def _in_thread(fn: Callable[[], Any]) -> tuple[threading.Thread, dict[str, Any]]:
    result: dict[str, Any] = {}

    def run() -> None:
        try:
            result["value"] = fn()
        except Exception as err:  # reported by the test's assertion, not lost in the thread
            result["error"] = err

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, result


def test_housekeeping_leaves_a_schedule_another_process_is_claiming(database) -> None:  # type: ignore[no-untyped-def]
    _claimed(database, "UU")
    with database.transaction() as s:
        prefs.ensure_user(s, T, "UV", NOW)
    _due_again(database, "UU")
    with database.transaction() as claimer:
        assert [r.user_id for r in store.due_users(claimer, NOW, DEFAULTS, 10)] == ["UU"]
        with database.transaction() as housekeeper:
            # UU is stale too, but its claimer will store its next instant; rewriting it from this
            # snapshot would make UU due again behind the claimer's back.
            assert [r.user_id for r in store.stale_schedules(housekeeper, DEFAULTS, 10)] == ["UV"]


def test_recording_a_sent_digest_while_someone_claims_the_same_person(database) -> None:  # type: ignore[no-untyped-def]
    sent = _claimed(database, "UU")
    _due_again(database, "UU")
    with database.transaction() as claimer:
        assert [r.user_id for r in store.due_users(claimer, NOW, DEFAULTS, 10)] == ["UU"]

        def record() -> bool:
            with database.transaction() as s:
                return store.mark_sent(s, sent, "p1", NOW, "D1", "1.0", [])

        thread, recorded = _in_thread(record)
        _wait_until_blocked(database)
        # The same person and day again: the digest exists, so nothing is claimed, and at once
        # (waiting here on the digest being recorded would close a cycle: a deadlock).
        assert store.claim(claimer, [(T, "UU", DAY)], NOW, "p2", LEASE) == []
    thread.join(timeout=30)
    assert recorded == {"value": True}
    with database.reader() as s:
        row = s.get_one(Digest, sent.id)
        assert (row.status, row.message_ts) == (DigestStatus.SENT.value, "1.0")
        assert s.get_one(UserSettings, (T, "UU")).first_digest_at == NOW
