"""Digest planning with 1, 2 and 3 batches planned at once, on one generated database, in turn.

    GIVEBACK_TEST_POSTGRES_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test \\
        python bench/ab_planning.py [--users 10000] [--repeats 5] [--keep]

Generates `--users` people with 100 help records each (as bench_planning.py does) into a database of its
own on that server, then, each round, times the fetched raw aggregate and a whole planning pass with
`plan_workers` = 1, 2 and 3 (the claims of five 500-claim batches per `plan` call, as a pass claims them).
Prints medians and each one's ratio to the aggregate's median. On one database, in turn, the variants meet
the same data and the same machine; separate bench runs differ by more than the effect on a shared machine.
`--keep` keeps the database (named after the size) for the next run instead of dropping it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import bench_planning as bp  # noqa: E402
from bot.digest import DigestService  # noqa: E402
from bot.settings import Settings  # noqa: E402
from storage import planning  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.migrate import upgrade  # noqa: E402

WORKERS = (1, 2, 3)


def _compare(database: Database, url: str, users: int, repeats: int, generated: bool) -> None:
    upgrade(database)
    if not generated:
        bp.generate(database, users, users * 100)
    settings = Settings(database_url=url, slack_bot_token="xoxb-bench", _env_file=None)  # type: ignore[arg-type]

    def plan(workers: int) -> float:
        service = DigestService(
            settings=settings,
            db=database,
            slack=None,  # type: ignore[arg-type]
            clock=lambda: bp.NOW,
            batch_size=bp.BATCH,
            plan_workers=workers,
        )
        started = time.perf_counter()
        bp.plan_all(service, users)
        return time.perf_counter() - started

    def raw() -> float:
        with database.reader() as session:
            started = time.perf_counter()
            planning.raw_help_aggregate(session, bp.TEAM, bp.NOW, settings.lookback_days, fetch=True)
            return time.perf_counter() - started

    times: dict[str, list[float]] = {"raw fetched": [], **{f"{w} at once": [] for w in WORKERS}}
    for _ in range(repeats):
        times["raw fetched"].append(raw())
        for w in WORKERS:
            times[f"{w} at once"].append(plan(w))
    floor = statistics.median(times["raw fetched"])
    print(f"{users:,} people, {users * 100:,} records; load average {os.getloadavg()[0]:.2f}")
    for name, values in times.items():
        median = statistics.median(values)
        runs = ", ".join(f"{v:.3f}" for v in values)
        print(f"{name:12s} median {median:.3f} s [{runs}]  ratio {median / floor:.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the generated database for the next run")
    args = parser.parse_args(argv)
    with bp.postgres_database(f"giveback_ab_planning_{args.users}", keep=args.keep) as (url, generated):
        database = Database(url)
        try:
            _compare(database, url, args.users, args.repeats, generated)
        finally:
            database.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
