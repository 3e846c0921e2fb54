"""Digest delivery through the Slack sandbox under Slack-like rate limits and injected failures.

    python bench/bench_delivery.py [--quick|--full] [--backend sqlite|postgres] [--rate 50 --burst 50]

--quick (default): 1,000 due people in one workspace. --full: 5,000 people over 5 workspaces.

Rate-limit model. Slack's `chat.postMessage` is "special": about 1 message/s per *channel* (each
digest goes to a different DM, so that never binds here) plus a per-workspace allowance for the
app. We model the workspace allowance as a token bucket per (workspace, method) in the sandbox —
`--rate` tokens/s, `--burst` deep (default 50/s, burst 50) — answering 429 with `Retry-After`
(whole seconds, at least 1, as Slack does) when empty. On top of it we inject faults: a seeded
`--p429` share of calls answers 429 `Retry-After: 1` and a `--p5xx` share answers 503/500.

Every person has help to be thanked for (so every claim is a real DM), a known zone (Berlin,
London, UTC, Kolkata, Tokyo — all past 09:00 on the same Wednesday at the pass instant), and no
cached DM channel (first digest ever: one `conversations.open` each, not rate-limited here).

Reported: wall time until every due person has their DM (the first pass, plus later passes for
claims that were put back for retry), calls, retries, 429s and 5xx seen, and the lower bound the
bucket allows: max over workspaces of (N_w - burst) / rate — a workspace starts with a full
bucket — and N / rate as the brief's simpler bound, with our time as a ratio to each.
Correctness, checked afterwards and failing the run if wrong: every due person has exactly one
digest DM (message metadata with the date) in the sandbox, the database has exactly one `sent`
digest per (workspace, person, date) whose message ts is that DM's, and nobody else got one.

Writes bench/results/delivery.json.
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
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from slack_sdk import WebClient  # noqa: E402
from sqlalchemy import create_engine, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from bot.digest import DigestService, PassSummary  # noqa: E402
from bot.log import configure_logging  # noqa: E402
from bot.sandbox import SlackSandbox  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.slack_client import build_web_client  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.help import NewEdge, upsert_edges  # noqa: E402
from storage.migrate import upgrade  # noqa: E402
from storage.models import Digest  # noqa: E402
from storage.users import save_user  # noqa: E402

# Wednesday 12 March 2025, 10:00 UTC: 09:00 has passed in every zone below, on the same date.
NOW = dt.datetime(2025, 3, 12, 10, 0, tzinfo=dt.UTC)
LOCAL_DATE = dt.date(2025, 3, 12)
# Schedules are computed the evening before, as the ticker would have done.
SCHEDULED_AT = dt.datetime(2025, 3, 11, 23, 0, tzinfo=dt.UTC)
ZONES = ["Europe/Berlin", "Europe/London", "UTC", "Asia/Kolkata", "Asia/Tokyo"]
PG_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
TEAM_LETTERS = "ABCDEFGH"


def team_id(index: int, sandbox: SlackSandbox) -> str:
    return sandbox.team_id if index == 0 else f"TBENCH{TEAM_LETTERS[index]}"


def user_id(index: int, n: int) -> str:
    # The second character names the workspace, so the router below can find it from an id.
    return f"U{TEAM_LETTERS[index]}{n:06d}"


class WorkspaceRouter:
    """One Web API client per workspace, chosen by the user or DM channel id — the bench's stand-in
    for an org-wide install whose token reaches several workspaces (each with its own limits).
    Only the three methods the digest job calls are routed."""

    def __init__(self, clients: dict[str, WebClient]) -> None:
        self.clients = clients  # workspace letter -> client

    def _for(self, slack_id: str) -> WebClient:
        return self.clients[slack_id[1]]

    def chat_postMessage(self, *, channel: str, **kwargs: Any) -> Any:
        return self._for(channel).chat_postMessage(channel=channel, **kwargs)

    def conversations_open(self, *, users: str, **kwargs: Any) -> Any:
        return self._for(users).conversations_open(users=users, **kwargs)

    def conversations_history(self, *, channel: str, **kwargs: Any) -> Any:
        return self._for(channel).conversations_history(channel=channel, **kwargs)


def seed(sandbox: SlackSandbox, database: Database, teams: int, per_team: int, rng: random.Random) -> dict[str, Any]:
    """People, helpers and help in each workspace; returns the bot clients and who is due."""
    clients: dict[str, WebClient] = {}
    due: dict[tuple[str, str], str] = {}  # (team, user) -> zone
    for t in range(teams):
        team = team_id(t, sandbox)
        token = sandbox.bot_token
        if t:
            token = f"xoxb-bench-{TEAM_LETTERS[t].lower()}"
            sandbox.add_team(team, bot_token=token, bot_user_id=f"UBOT{TEAM_LETTERS[t]}")
        clients[TEAM_LETTERS[t]] = WebClient(token=token, base_url=sandbox.api_url, timeout=10)
        helpers = [f"U{TEAM_LETTERS[t]}H{n:05d}" for n in range(max(3, per_team // 50))]
        edges: list[NewEdge] = []
        with database.transaction() as session:
            for helper in helpers:
                sandbox.add_user(helper, helper.lower(), tz="UTC", team_id=team)
                save_user(
                    session, team, helper, now=SCHEDULED_AT, name=helper.lower(), real_name=None, tz="UTC",
                    is_bot=False, deleted=False,
                )  # fmt: skip
            for n in range(per_team):
                uid = user_id(t, n)
                zone = ZONES[n % len(ZONES)]
                sandbox.add_user(uid, uid.lower(), tz=zone, team_id=team)
                save_user(
                    session, team, uid, now=SCHEDULED_AT, name=uid.lower(), real_name=None, tz=zone,
                    is_bot=False, deleted=False,
                )  # fmt: skip
                due[(team, uid)] = zone
                for k, helper in enumerate(rng.sample(helpers, rng.randint(1, 3))):
                    edges.append(
                        NewEdge(
                            team_id=team,
                            helper_id=helper,
                            recipient_id=uid,
                            source="got_command",
                            source_key=f"{uid}-{k}",
                            reporter_id=uid,
                            happened_at=SCHEDULED_AT - dt.timedelta(hours=rng.randint(1, 96)),
                            reason="the quick review",
                            channel_id="C0GENERAL",
                        )
                    )
        with database.transaction() as session:
            upsert_edges(session, edges, SCHEDULED_AT)
    return {"clients": clients, "due": due}


def inject_faults(sandbox: SlackSandbox, *, rate: float, burst: int, p429: float, p5xx: float, seed_: int) -> None:
    sandbox.rate_limit("chat.postMessage", per_second=rate, burst=burst)
    rng = random.Random(seed_)  # called under the sandbox's lock: deterministic order of draws
    draws: dict[str, float] = {}

    def draw(args: dict[str, Any]) -> float:
        # One draw per call, shared by both faults (the first is asked first, then the second).
        key = id(args)
        if key not in draws:
            draws.clear()
            draws[key] = rng.random()
        return draws[key]

    sandbox.fail("chat.postMessage", status=429, retry_after=1, times=None, when=lambda a: draw(a) < p429)
    sandbox.fail(
        "chat.postMessage",
        status=503,
        error="service_unavailable",
        times=None,
        when=lambda a: p429 <= draw(a) < p429 + p5xx / 2,
    )
    sandbox.fail(
        "chat.postMessage",
        status=500,
        error="internal_error",
        times=None,
        when=lambda a: p429 + p5xx / 2 <= draw(a) < p429 + p5xx,
    )


def verify(sandbox: SlackSandbox, database: Database, due: dict[tuple[str, str], str]) -> dict[str, Any]:
    """Zero duplicates and zero misses, in Slack (the sandbox) and in the database."""
    problems: list[str] = []
    slack_ts: dict[tuple[str, str], str] = {}
    slack_missing = slack_doubled = 0
    for team, uid in due:
        digests = [
            m
            for m in sandbox.dm_messages(uid)
            if (m.get("metadata") or {}).get("event_type") == "giveback_digest"
            and m["metadata"]["event_payload"].get("local_date") == LOCAL_DATE.isoformat()
        ]
        if len(digests) == 1:
            slack_ts[(team, uid)] = digests[0]["ts"]
            continue
        slack_missing += not digests
        slack_doubled += len(digests) > 1
        problems.append(f"{uid}: {len(digests)} digest DMs")
    with database.reader() as session:
        rows = session.execute(
            select(Digest.team_id, Digest.user_id, Digest.local_date, Digest.status, Digest.message_ts)
        ).all()
    per_key = Counter((r.team_id, r.user_id, r.local_date) for r in rows if r.status == "sent")
    doubled = [k for k, v in per_key.items() if v > 1]  # impossible with the unique key; checked anyway
    sent = {(r.team_id, r.user_id): r.message_ts for r in rows if r.status == "sent" and r.local_date == LOCAL_DATE}
    missing_db = [k for k in due if k not in sent]
    unexpected = [k for k in sent if k not in due]
    ts_mismatch = [k for k in sent if k in slack_ts and slack_ts[k] != sent[k]]
    problems += [f"db doubled {k}" for k in doubled]
    problems += [f"db missing {k}" for k in missing_db]
    problems += [f"db unexpected {k}" for k in unexpected]
    problems += [f"db ts differs from the DM's {k}" for k in ts_mismatch]
    return {
        "due": len(due),
        "slack_exactly_one": len(slack_ts),
        "db_sent": len(sent),
        "duplicates": slack_doubled + len(doubled),
        "misses": max(slack_missing, len(missing_db)),
        "not_sent_statuses": dict(Counter(r.status for r in rows if r.status != "sent")),
        "problems": problems[:20],
        "ok": not problems,
    }


def run(args: argparse.Namespace) -> dict[str, Any]:
    teams, per_team = (5, 1000) if args.full else (1, 1000)
    if args.teams:
        teams = args.teams
    if args.per_team:
        per_team = args.per_team
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="bench-delivery-") as tmp, SlackSandbox(socket_mode=False) as sandbox:
        url, cleanup = database_url(args.backend, Path(tmp))
        database = Database(url)
        try:
            upgrade(database)
            world = seed(sandbox, database, teams, per_team, rng)
            settings = Settings(
                slack_bot_token=sandbox.bot_token,
                slack_api_url=sandbox.api_url,
                database_url=url,
                scheduler_enabled=False,
                log_level="WARNING",
                _env_file=None,
            )
            slack: Any = build_web_client(settings, retry=False) if teams == 1 else WorkspaceRouter(world["clients"])
            service = DigestService(settings=settings, db=database, slack=slack, clock=lambda: NOW)
            service.housekeeping(SCHEDULED_AT)  # yesterday evening's tick: everyone due at 09:00 local
            inject_faults(sandbox, rate=args.rate, burst=args.burst, p429=args.p429, p5xx=args.p5xx, seed_=args.seed)
            sandbox.clear_calls()

            summaries: list[PassSummary] = []
            passes_at: list[float] = []
            started = time.perf_counter()
            summaries.append(service.run_pass(NOW))
            passes_at.append(time.perf_counter() - started)
            instant = NOW
            # Claims put back for retry are picked up by later ticks; we run those ticks at once
            # (simulated time jumps past the retry instant) so the wall time counts only our work.
            while summaries[-1].retry_later and len(summaries) < 10:
                instant += dt.timedelta(hours=1)
                summaries.append(service.run_pass(instant))
                passes_at.append(time.perf_counter() - started)
            elapsed = time.perf_counter() - started

            posts = sandbox.calls("chat.postMessage")
            opens = sandbox.calls("conversations.open")
            checks = verify(sandbox, database, world["due"])
        finally:
            database.dispose()
            cleanup()

    n = len(world["due"])
    statuses = Counter(c.status for c in posts)
    per_team_n = Counter(team for team, _ in world["due"])
    lower_simple = n / args.rate
    lower_bucket = max(max(0, count - args.burst) / args.rate for count in per_team_n.values())
    # Each 429 tells that workspace to wait Retry-After before posting again: a sender that obeys
    # (and cannot see the bucket) loses that long on top. Posts are to "D<letter>…" DM channels.
    waits: Counter[str] = Counter()
    for call in posts:
        if call.status == 429:
            waits[str(call.args.get("channel", "?"))[1:2]] += 1
    letters = {t: TEAM_LETTERS[i] for i, t in enumerate(sorted(per_team_n, key=_team_index))}
    lower_obeying = max(
        max(0, count - args.burst) / args.rate + waits[letters[team]] * 1.0 for team, count in per_team_n.items()
    )
    ratio_bucket = elapsed / lower_bucket if lower_bucket else None
    total = PassSummary(now=NOW)
    for s in summaries:
        for key in ("claimed", "recovered", "sent", "already_sent", "empty", "failed", "retry_later", "lost"):
            setattr(total, key, getattr(total, key) + getattr(s, key))
        total.rate_limited += s.rate_limited
        total.retries += s.retries
        total.errors.update(s.errors)
    return {
        "name": "delivery",
        "mode": "full" if args.full else "quick",
        "backend": args.backend,
        "summary": {
            "digests": n,
            "workspaces": teams,
            "seconds": round(elapsed, 2),
            "digests_per_s": round(n / elapsed, 1),
            "lower_bound_s": round(lower_bucket, 2),
            "ratio_to_lower_bound": round(ratio_bucket, 2) if ratio_bucket else None,
            "lower_bound_obeying_retry_after_s": round(lower_obeying, 2),
            "ratio_to_it": round(elapsed / lower_obeying, 2) if lower_obeying else None,
            "n_over_rate_s": round(lower_simple, 2),
            "ratio_to_n_over_rate": round(elapsed / lower_simple, 2),
            "retries": total.retries,
            "http_429": statuses.get(429, 0),
            "duplicates": checks["duplicates"],
            "misses": checks["misses"],
            "exactly_once_ok": checks["ok"],
        },
        "rate_limit": {"method": "chat.postMessage", "per_workspace_per_s": args.rate, "burst": args.burst},
        "injected": {"p429": args.p429, "p5xx": args.p5xx, "seed": args.seed},
        "calls": {
            "chat.postMessage": len(posts),
            "by_status": {str(k): v for k, v in sorted(statuses.items())},
            "conversations.open": len(opens),
            "http_5xx": sum(v for k, v in statuses.items() if k >= 500),
        },
        "passes": [
            {"at_s": round(t, 2), **{k: v for k, v in s.__dict__.items() if k not in ("now", "errors")}}
            for s, t in zip(summaries, passes_at, strict=True)
        ],
        "errors": dict(total.errors),
        "checks": checks,
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
    }


def _team_index(team: str) -> int:
    return 0 if not team.startswith("TBENCH") else TEAM_LETTERS.index(team[-1])


def database_url(backend: str, tmp: Path) -> tuple[str, Any]:
    if backend == "sqlite":
        return f"sqlite:///{tmp / 'delivery.db'}", lambda: None
    base = os.environ.get("GIVEBACK_TEST_POSTGRES_URL", PG_DEFAULT)
    name = f"giveback_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(make_url(base).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return make_url(base).set(database=name).render_as_string(hide_password=False), drop


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_delivery", description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help="1,000 digests, one workspace (default)")
    mode.add_argument("--full", action="store_true", help="5,000 digests over 5 workspaces")
    parser.add_argument("--backend", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--rate", type=float, default=50.0, help="chat.postMessage tokens/s per workspace")
    parser.add_argument("--burst", type=int, default=50)
    parser.add_argument("--p429", type=float, default=0.01, help="share of posts answered 429 Retry-After: 1")
    parser.add_argument("--p5xx", type=float, default=0.02, help="share of posts answered 503/500")
    parser.add_argument("--teams", type=int, default=0)
    parser.add_argument("--per-team", type=int, default=0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "delivery.json")
    args = parser.parse_args(argv)
    configure_logging("WARNING", "console", sys.stderr)  # one line per digest would swamp the figures
    result = run(args)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, default=str) + "\n")
    s = result["summary"]
    print(
        f"delivery {result['mode']} ({args.backend}): {s['digests']} digests over {s['workspaces']} workspace(s) "
        f"in {s['seconds']} s = {s['digests_per_s']}/s; lower bound {s['lower_bound_s']} s "
        f"(ratio {s['ratio_to_lower_bound']}), obeying Retry-After {s['lower_bound_obeying_retry_after_s']} s "
        f"(ratio {s['ratio_to_it']}), N/rate {s['n_over_rate_s']} s (ratio {s['ratio_to_n_over_rate']}); "
        f"retries {s['retries']}, 429s {s['http_429']}, 5xx {result['calls']['http_5xx']}; "
        f"duplicates {s['duplicates']}, misses {s['misses']}"
    )
    if not result["checks"]["ok"]:
        print("bench_delivery: exactly-once check FAILED: " + "; ".join(result["checks"]["problems"]), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
