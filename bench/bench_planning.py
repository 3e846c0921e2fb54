"""Digest planning at scale: suggestions for every due person, on SQLite and PostgreSQL.

    python bench/bench_planning.py [--quick|--full] [--backend sqlite|postgres|both]

--quick (default): 10,000 people and 1,000,000 help records; --full adds 100,000 / 10,000,000.
For each size and backend it reports planning throughput (people/s), peak Python memory while
planning (tracemalloc), and the time of one raw SQL aggregate over the same records (GROUP BY
recipient, helper over the look-back window) as the lower bound, with our time as a ratio to it.
PostgreSQL uses GIVEBACK_TEST_POSTGRES_URL (default postgresql+psycopg://postgres@127.0.0.1:5432/test)
and creates and drops its own database. Writes bench/results/bench_planning.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
import tempfile
import time
import tracemalloc
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from bot.digest import DigestService  # noqa: E402
from bot.settings import Settings  # noqa: E402
from storage import digests as store  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.migrate import upgrade  # noqa: E402

TEAM = "TBENCH"
NOW = dt.datetime(2025, 3, 10, 8, 0, tzinfo=dt.UTC)
SPAN_DAYS = 90  # records spread over three months; the 14-day window holds about 15% of them
ZONES = ["Europe/Berlin", "America/New_York", "Asia/Tokyo", "America/Los_Angeles", "Asia/Kolkata", "UTC"]
BATCH = 500
PG_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _sqlite_ts(value: dt.datetime) -> str:
    return value.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


def generate(database: Database, users: int, records: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    ids = [f"U{n:07d}" for n in range(users)]
    # Help clusters in teams of ~30 people, as it does in real workspaces.
    span = SPAN_DAYS * 86400
    rows_users = [(TEAM, u, u.lower(), rng.choice(ZONES)) for u in ids]
    rows_settings = [(TEAM, u, NOW - dt.timedelta(minutes=1)) for u in ids]

    def edges(start: int, stop: int):  # type: ignore[no-untyped-def]
        for n in range(start, stop):
            recipient = rng.randrange(users)
            helper = (recipient // 30) * 30 + rng.randrange(30)
            if helper >= users or helper == recipient:
                helper = (recipient + 1) % users
            at = NOW - dt.timedelta(seconds=rng.randrange(span))
            gave = rng.random() < 0.1
            r, h = ids[recipient], ids[helper]
            if gave:  # r says "/gave @h": r helped h, reported by r
                yield (TEAM, r, h, "gave_command", f"k{n}", "paired on it", at, "CBENCH", r)
            else:
                yield (TEAM, h, r, "got_command", f"k{n}", "the quick review", at, "CBENCH", r)

    chunk = 200_000
    if database.is_sqlite:
        raw = database.engine.raw_connection()
        try:
            cur = raw.cursor()
            cur.execute("BEGIN")
            cur.executemany(
                "INSERT INTO slack_users (team_id, user_id, name, tz, is_bot, deleted) VALUES (?,?,?,?,0,0)",
                rows_users,
            )
            cur.executemany(
                "INSERT INTO user_settings (team_id, user_id, digest_enabled, suggestable, capture_enabled,"
                " next_digest_at, updated_at) VALUES (?,?,1,1,1,?,?)",
                [(t, u, _sqlite_ts(at), _sqlite_ts(NOW)) for t, u, at in rows_settings],
            )
            for start in range(0, records, chunk):
                cur.executemany(
                    "INSERT INTO help_edges (team_id, helper_id, recipient_id, source, source_key, reason,"
                    " happened_at, channel_id, reporter_id, active, claim_status, created_at)"
                    " VALUES (?,?,?,?,?,?,?,?,?,1,'unreviewed',?)",
                    [
                        (*e[:6], _sqlite_ts(e[6]), e[7], e[8], _sqlite_ts(NOW))
                        for e in edges(start, min(records, start + chunk))
                    ],
                )
            cur.execute("COMMIT")
            cur.execute("ANALYZE")
        finally:
            raw.close()
        return
    raw = database.engine.raw_connection()
    try:
        cur = raw.cursor()
        with cur.copy("COPY slack_users (team_id, user_id, name, tz, is_bot, deleted) FROM STDIN") as copy:
            for row in rows_users:
                copy.write_row((*row, False, False))
        with cur.copy(
            "COPY user_settings (team_id, user_id, digest_enabled, suggestable, capture_enabled, next_digest_at,"
            " updated_at) FROM STDIN"
        ) as copy:
            for t, u, at in rows_settings:
                copy.write_row((t, u, True, True, True, at, NOW))
        with cur.copy(
            "COPY help_edges (team_id, helper_id, recipient_id, source, source_key, reason, happened_at, channel_id,"
            " reporter_id, active, claim_status, created_at) FROM STDIN"
        ) as copy:
            for e in edges(0, records):
                copy.write_row((*e, True, "unreviewed", NOW))
        raw.commit()
        cur.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()


def plan_all(service: DigestService, users: int) -> int:
    """Plan every person, in batches, as a pass would (claims are synthetic: nothing is sent)."""
    ids = [f"U{n:07d}" for n in range(users)]
    planned = 0
    for start in range(0, users, BATCH):
        claims = [
            store.Claim(id=start + i, team_id=TEAM, user_id=u, local_date=NOW.date(), claimed_at=NOW)
            for i, u in enumerate(ids[start : start + BATCH])
        ]
        planned += sum(1 for p in service.plan(claims, NOW) if p.view.people)
    return planned


def measure(url: str, users: int, records: int) -> dict[str, object]:
    database = Database(url)
    upgrade(database)
    started = time.perf_counter()
    generate(database, users, records)
    generated = time.perf_counter() - started
    settings = Settings(database_url=url, slack_bot_token="xoxb-bench", _env_file=None)  # type: ignore[arg-type]
    service = DigestService(settings=settings, db=database, slack=None, clock=lambda: NOW)  # type: ignore[arg-type]

    with database.reader() as session:
        started = time.perf_counter()
        pairs = store.raw_help_aggregate(session, TEAM, NOW, settings.lookback_days)
        raw_seconds = time.perf_counter() - started

    started = time.perf_counter()
    with_suggestions = plan_all(service, users)
    plan_seconds = time.perf_counter() - started

    tracemalloc.start()
    plan_all(service, min(users, 5 * BATCH))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    # Claiming everyone (the write side of a pass): set-based, in batches, committed each batch.
    started = time.perf_counter()
    claimed = 0
    while True:
        claims = service.claim_due(NOW)
        if not claims:
            break
        claimed += len(claims)
    claim_seconds = time.perf_counter() - started
    database.dispose()
    return {
        "users": users,
        "records": records,
        "generate_seconds": round(generated, 2),
        "plan_seconds": round(plan_seconds, 3),
        "users_per_second": round(users / plan_seconds),
        "with_suggestions": with_suggestions,
        "raw_aggregate_seconds": round(raw_seconds, 3),
        "raw_aggregate_pairs": pairs,
        "ratio_to_raw": round(plan_seconds / raw_seconds, 2),
        "peak_python_mib_per_2500_users": round(peak / 2**20, 1),
        "claim_seconds": round(claim_seconds, 3),
        "claimed": claimed,
    }


def run_backend(backend: str, sizes: list[tuple[int, int]]) -> list[dict[str, object]]:
    out = []
    for users, records in sizes:
        if backend == "sqlite":
            with tempfile.TemporaryDirectory() as tmp:
                result = measure(f"sqlite:///{tmp}/bench.db", users, records)
        else:
            base = os.environ.get("GIVEBACK_TEST_POSTGRES_URL", PG_DEFAULT)
            name = f"giveback_bench_{uuid.uuid4().hex[:8]}"
            admin = create_engine(make_url(base).set(database="postgres"), isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            try:
                result = measure(
                    make_url(base).set(database=name).render_as_string(hide_password=False), users, records
                )
            finally:
                with admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                admin.dispose()
        result["backend"] = backend
        print(json.dumps(result), flush=True)
        out.append(result)
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="10k people / 1M records (default)")
    size.add_argument("--full", action="store_true", help="also 100k people / 10M records")
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    args = parser.parse_args()
    sizes = [(10_000, 1_000_000)] + ([(100_000, 10_000_000)] if args.full else [])
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    results = [r for b in backends for r in run_backend(b, sizes)]
    target = ROOT / "bench" / "results" / "bench_planning.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps({"results": results}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
