"""Digest planning at scale: suggestions for every due person, on SQLite and PostgreSQL.

    python bench/bench_planning.py [--quick|--full [--only-full]] [--backend sqlite|postgres|both] [--repeats N]

--quick (default): 10,000 people and 1,000,000 help records; --full adds 100,000 / 10,000,000.
Data is generated inside the database, set-based (recursive CTE on SQLite, generate_series on
PostgreSQL), the ledger's secondary indexes built after the load, statistics refreshed.

For each size and backend, with N interleaved repeats (medians reported, min/max kept):
- planning: every person's digest planned as a pass does, in batches of BATCH synthetic claims
  (nothing sent): people/s and seconds;
- the lower bound, one raw SQL aggregate over the same records (the workspace's active acts in
  the look-back window, by the recipient's own words, no self-help), GROUP BY recipient, helper,
  count and latest time, for everyone at once — timed two ways: rows fetched into Python as the
  driver returns them ("fetched"), and only counted inside the database ("count");
- planning time as a ratio to each (wall time; and CPU time of this process, which on SQLite is
  all the work, database included, and is not inflated by other processes on a shared machine);
  peak Python memory (tracemalloc) while planning 2,500 people;
  the time to claim everyone due.
PostgreSQL uses GIVEBACK_TEST_POSTGRES_URL (default postgresql+psycopg://postgres@127.0.0.1:5432/test)
and creates and drops its own database. Results are merged into bench/results/bench_planning.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from bot.digest import DigestService  # noqa: E402
from bot.settings import Settings  # noqa: E402
from storage import digests as store  # noqa: E402
from storage import planning  # noqa: E402
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


# One act of help per row n, drawn in SQL: recipient uniform over everyone; the helper from the
# recipient's team of ~30 people (help clusters, as in real workspaces); 10% are the recipient's
# own `/gave @helper` (a give-back, not evidence of help received), the rest the recipient's `/got`.
# Columns of the drawn row: r (recipient index), k (helper's seat in the team), g (< 0.1: gave),
# s (seconds before NOW, uniform over SPAN_DAYS).
_PICK = """
    CASE WHEN (r / 30) * 30 + k >= :users OR (r / 30) * 30 + k = r THEN (r + 1) - ((r + 1) / :users) * :users
         ELSE (r / 30) * 30 + k END
"""


def _edge_select(uid, ts: str) -> str:  # type: ignore[no-untyped-def]
    """SELECT list for help_edges, given how to spell a user id and a timestamp `s` seconds ago."""
    helper, recipient = uid(_PICK), uid("r")
    return f"""
        :team,
        CASE WHEN g < 0.1 THEN {recipient} ELSE {helper} END,
        CASE WHEN g < 0.1 THEN {helper} ELSE {recipient} END,
        CASE WHEN g < 0.1 THEN 'gave_command' ELSE 'got_command' END,
        'k' || n,
        CASE WHEN g < 0.1 THEN 'paired on it' ELSE 'the quick review' END,
        {ts}, 'CBENCH', {recipient}, :true, 'unreviewed', :created
    """


# Time zones in turn (n mod 6), spelled without `%` so the same text works for both drivers.
ZONE_OF_N = "CASE n - (n / 6) * 6 " + " ".join(f"WHEN {i} THEN '{z}'" for i, z in enumerate(ZONES)) + " END"

HELP_COLUMNS = (
    "team_id, helper_id, recipient_id, source, source_key, reason, happened_at, channel_id, reporter_id,"
    " active, claim_status, created_at"
)


def generate(database: Database, users: int, records: int) -> None:
    """People, their settings and `records` acts of help, written set-based inside the database.

    The ledger's secondary indexes are dropped for the load and built afterwards (as a restore
    would), then statistics are refreshed; PostgreSQL is also vacuumed so its visibility map is
    set, as autovacuum would have done on a live table, which index-only scans rely on.
    """
    span = SPAN_DAYS * 86400
    params = {"team": TEAM, "users": users, "span": span}
    if database.is_sqlite:
        raw = database.engine.raw_connection()
        try:
            cur = raw.cursor()
            cur.execute("PRAGMA synchronous=OFF")
            cur.execute("PRAGMA cache_size=-262144")
            indexes = [
                (name, sql)
                for name, sql in cur.execute(
                    "SELECT name, sql FROM sqlite_master"
                    " WHERE type = 'index' AND tbl_name = 'help_edges' AND sql IS NOT NULL"
                )
            ]
            cur.execute("BEGIN")
            for name, _ in indexes:
                cur.execute(f"DROP INDEX {name}")
            seq = f"WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < {users - 1})"
            uid = "'U' || substr('000000' || n, -7, 7)"
            cur.execute(
                f"{seq} INSERT INTO slack_users (team_id, user_id, name, tz, is_bot, deleted)"
                f" SELECT :team, {uid}, lower({uid}), {ZONE_OF_N}, 0, 0 FROM seq",
                params,
            )
            cur.execute(
                f"{seq} INSERT INTO user_settings (team_id, user_id, digest_enabled, suggestable, capture_enabled,"
                f" next_digest_at, updated_at) SELECT :team, {uid}, 1, 1, 1, :due, :now FROM seq",
                {**params, "due": _sqlite_ts(NOW - dt.timedelta(minutes=1)), "now": _sqlite_ts(NOW)},
            )
            drawn = (
                f"WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < {records - 1}),"
                " drawn AS MATERIALIZED (SELECT n, abs(random()) % :users AS r, abs(random()) % 30 AS k,"
                " (abs(random()) % 1000) / 1000.0 AS g, abs(random()) % :span AS s FROM seq)"
            )
            sqlite_uid = lambda e: f"'U' || substr('000000' || ({e}), -7, 7)"  # noqa: E731
            ts = "datetime(:base, '-' || s || ' seconds') || '.000000'"
            cur.execute(
                f"{drawn} INSERT INTO help_edges ({HELP_COLUMNS}) SELECT {_edge_select(sqlite_uid, ts)} FROM drawn",
                {**params, "base": NOW.strftime("%Y-%m-%d %H:%M:%S"), "true": 1, "created": _sqlite_ts(NOW)},
            )
            for _, sql in indexes:
                cur.execute(sql)
            cur.execute("COMMIT")
            cur.execute("ANALYZE")
        finally:
            raw.close()
        return
    raw = database.engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("SET maintenance_work_mem = '512MB'")
        cur.execute("SELECT setseed(0.7)")
        cur.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'help_edges' AND indexname NOT IN"
            " (SELECT conname FROM pg_constraint WHERE conrelid = 'help_edges'::regclass)"
        )
        indexes = cur.fetchall()
        cur.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
            " WHERE conrelid = 'help_edges'::regclass AND contype = 'u'"
        )
        uniques = cur.fetchall()
        for name, _ in indexes:
            cur.execute(f"DROP INDEX {name}")
        for name, _ in uniques:
            cur.execute(f"ALTER TABLE help_edges DROP CONSTRAINT {name}")
        uid = "'U' || lpad(n::text, 7, '0')"
        pg = {"team": TEAM, "users": users, "span": span, "now": NOW}
        cur.execute(
            f"INSERT INTO slack_users (team_id, user_id, name, tz, is_bot, deleted)"
            f" SELECT %(team)s, {uid}, lower({uid}), {ZONE_OF_N}, false, false FROM generate_series(0, {users - 1}) n",
            pg,
        )
        cur.execute(
            f"INSERT INTO user_settings (team_id, user_id, digest_enabled, suggestable, capture_enabled,"
            f" next_digest_at, updated_at) SELECT %(team)s, {uid}, true, true, true,"
            f" %(now)s - interval '1 minute', %(now)s FROM generate_series(0, {users - 1}) n",
            pg,
        )
        pg_uid = lambda e: f"'U' || lpad(({e})::text, 7, '0')"  # noqa: E731
        select_list = (
            _edge_select(pg_uid, "%(now)s - s * interval '1 second'")
            .replace(":team", "%(team)s")
            .replace(":users", "%(users)s")
            .replace(":true", "true")
            .replace(":created", "%(now)s")
        )
        cur.execute(
            f"INSERT INTO help_edges ({HELP_COLUMNS}) SELECT {select_list} FROM ("
            " SELECT n, floor(random() * %(users)s)::int AS r, floor(random() * 30)::int AS k, random() AS g,"
            f" floor(random() * %(span)s)::int AS s FROM generate_series(0, {records - 1}) n) drawn",
            pg,
        )
        for _, sql in indexes:
            cur.execute(sql)
        for name, definition in uniques:
            cur.execute(f"ALTER TABLE help_edges ADD CONSTRAINT {name} {definition}")
        raw.commit()
        raw.driver_connection.autocommit = True  # VACUUM cannot run in a transaction
        raw.cursor().execute("VACUUM ANALYZE")
        raw.driver_connection.autocommit = False
    finally:
        raw.close()


def plan_all(service: DigestService, users: int) -> int:
    """Plan every person as a pass would (claims are synthetic: nothing is sent): the claims of
    `claim_ahead` batches at a time, which the service plans in batches of BATCH (on PostgreSQL,
    two batches at once on two connections)."""
    ids = [f"U{n:07d}" for n in range(users)]
    planned = 0
    step = service.batch_size * service.claim_ahead
    for start in range(0, users, step):
        claims = [
            store.Claim(id=start + i, team_id=TEAM, user_id=u, local_date=NOW.date(), claimed_at=NOW)
            for i, u in enumerate(ids[start : start + step])
        ]
        planned += sum(1 for p in service.plan(claims, NOW) if p.view.people)
    return planned


def _median(values: list[float]) -> float:
    return statistics.median(values)


def measure(url: str, users: int, records: int, repeats: int) -> dict[str, object]:
    database = Database(url)
    upgrade(database)
    started = time.perf_counter()
    generate(database, users, records)
    generated = time.perf_counter() - started
    settings = Settings(database_url=url, slack_bot_token="xoxb-bench", _env_file=None)  # type: ignore[arg-type]
    service = DigestService(settings=settings, db=database, slack=None, clock=lambda: NOW, batch_size=BATCH)  # type: ignore[arg-type]

    def raw(fetch: bool) -> tuple[float, float, int]:
        with database.reader() as session:
            started, cpu = time.perf_counter(), time.process_time()
            pairs = planning.raw_help_aggregate(session, TEAM, NOW, settings.lookback_days, fetch=fetch)
            return time.perf_counter() - started, time.process_time() - cpu, pairs

    def plan() -> tuple[float, float, int]:
        started, cpu = time.perf_counter(), time.process_time()
        planned = plan_all(service, users)
        return time.perf_counter() - started, time.process_time() - cpu, planned

    # Interleaved repeats (raw, raw fetched, plan) so that load from elsewhere on the machine
    # falls on all three alike; medians reported, extremes kept to show the noise.
    # On SQLite the database runs inside this process, so CPU time is the whole cost and, unlike
    # wall time, does not count other processes' load on a shared machine; both are reported.
    raw_count, raw_fetch, plans, raw_fetch_cpu, plans_cpu = [], [], [], [], []
    for _ in range(repeats):
        seconds, _, pairs = raw(fetch=False)
        raw_count.append(seconds)
        seconds, cpu, fetched_pairs = raw(fetch=True)
        raw_fetch.append(seconds)
        raw_fetch_cpu.append(cpu)
        seconds, cpu, with_suggestions = plan()
        plans.append(seconds)
        plans_cpu.append(cpu)
    plan_seconds, count_seconds, fetch_seconds = _median(plans), _median(raw_count), _median(raw_fetch)
    cpu_ratios = sorted(p / r for p, r in zip(plans_cpu, raw_fetch_cpu, strict=True))

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
        "batch": BATCH,
        "repeats": repeats,
        "generate_seconds": round(generated, 1),
        "plan_seconds": round(plan_seconds, 3),
        "plan_seconds_min_max": [round(min(plans), 3), round(max(plans), 3)],
        "users_per_second": round(users / plan_seconds),
        "with_suggestions": with_suggestions,
        "raw_pairs": pairs,
        "raw_fetched_seconds": round(fetch_seconds, 3),
        "raw_fetched_seconds_min_max": [round(min(raw_fetch), 3), round(max(raw_fetch), 3)],
        "raw_count_seconds": round(count_seconds, 3),
        "raw_count_seconds_min_max": [round(min(raw_count), 3), round(max(raw_count), 3)],
        "ratio_to_raw_fetched": round(plan_seconds / fetch_seconds, 2),
        "ratio_to_raw_count": round(plan_seconds / count_seconds, 2),
        "plan_cpu_seconds": round(_median(plans_cpu), 3),
        "raw_fetched_cpu_seconds": round(_median(raw_fetch_cpu), 3),
        # Per interleaved repeat, then the median: each pair of runs met the same load.
        "ratio_to_raw_fetched_cpu": round(_median(cpu_ratios), 2),
        "ratio_to_raw_fetched_cpu_min_max": [round(cpu_ratios[0], 2), round(cpu_ratios[-1], 2)],
        "peak_python_mib_planning_2500_users": round(peak / 2**20, 1),
        "claim_seconds": round(claim_seconds, 3),
        "claimed": claimed,
        "pairs_fetched_match": fetched_pairs == pairs,
    }


@contextmanager
def postgres_database(name: str, *, keep: bool = False) -> Iterator[tuple[str, bool]]:
    """A database of that name on GIVEBACK_TEST_POSTGRES_URL's server (created unless it exists):
    (its URL, whether it existed before). Dropped afterwards unless `keep`."""
    base = os.environ.get("GIVEBACK_TEST_POSTGRES_URL", PG_DEFAULT)
    admin = create_engine(make_url(base).set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            existed = (
                conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first() is not None
            )
            if not existed:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(base).set(database=name).render_as_string(hide_password=False), existed
    finally:
        if not keep:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def run_backend(backend: str, sizes: list[tuple[int, int]], repeats: int) -> list[dict[str, object]]:
    out = []
    for users, records in sizes:
        if backend == "sqlite":
            with tempfile.TemporaryDirectory() as tmp:
                result = measure(f"sqlite:///{tmp}/bench.db", users, records, repeats)
        else:
            with postgres_database(f"giveback_bench_{uuid.uuid4().hex[:8]}") as (url, _):
                result = measure(url, users, records, repeats)
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
    parser.add_argument("--only-full", action="store_true", help="with --full: skip the 10k size")
    parser.add_argument("--repeats", type=int, default=5, help="timed repeats per size (medians reported)")
    args = parser.parse_args()
    sizes = [] if args.full and args.only_full else [(10_000, 1_000_000)]
    sizes += [(100_000, 10_000_000)] if args.full else []
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    results = [r for b in backends for r in run_backend(b, sizes, args.repeats)]
    target = ROOT / "bench" / "results" / "bench_planning.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    # Merge: a run of one backend or size keeps the other figures already recorded.
    previous = json.loads(target.read_text()).get("results", []) if target.exists() else []
    fresh = {(r["backend"], r["users"]) for r in results}
    kept = [r for r in previous if (r.get("backend"), r.get("users")) not in fresh and "ratio_to_raw_fetched" in r]
    merged = kept + results
    summary = {
        f"{r['backend']} {r['users']:,}": f"{r['plan_seconds']} s, ratio {r['ratio_to_raw_fetched']}"
        + (
            f" (CPU {r['ratio_to_raw_fetched_cpu']})"
            if r["backend"] == "sqlite" and "ratio_to_raw_fetched_cpu" in r
            else ""
        )
        for r in merged
    }
    target.write_text(json.dumps({"summary": summary, "results": merged}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
