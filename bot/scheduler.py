"""The digest ticker: APScheduler 3 as a clock only. The database is the schedule.

Each process runs one interval job, every minute in UTC; a tick is one `run_pass`. Several
processes or replicas may tick at once — the claims in the database keep each digest to one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_MAX_INSTANCES, JobExecutionEvent
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.log import get_logger

log = get_logger(__name__)
JOB_ID = "giveback-digest-tick"


def build_scheduler(
    tick: Callable[[], Any], *, interval: dt.timedelta = dt.timedelta(minutes=1)
) -> BackgroundScheduler:
    scheduler = BackgroundScheduler(timezone=dt.UTC)
    scheduler.add_job(
        tick,
        IntervalTrigger(seconds=int(interval.total_seconds()), timezone=dt.UTC),
        id=JOB_ID,
        max_instances=1,  # a long pass is never overlapped by the next tick in this process
        coalesce=True,  # ticks missed while busy or suspended collapse into one
        misfire_grace_time=int(interval.total_seconds()),
        next_run_time=dt.datetime.now(dt.UTC) + dt.timedelta(seconds=5),
    )

    def on_event(event: JobExecutionEvent) -> None:
        if event.code == EVENT_JOB_MAX_INSTANCES:
            log.info("digest.tick_skipped", reason="previous pass still running")
        elif event.exception is not None:
            log.error("digest.tick_failed", error=type(event.exception).__name__, detail=str(event.exception)[:300])

    scheduler.add_listener(on_event, EVENT_JOB_ERROR | EVENT_JOB_MAX_INSTANCES)
    return scheduler


def start_digest_ticker(service: Any, clock: Callable[[], dt.datetime]) -> BackgroundScheduler:
    """Start ticking `service.run_pass(clock())`; returns the scheduler for `stop_digest_ticker`."""
    scheduler = build_scheduler(lambda: service.run_pass(clock()))
    scheduler.start()
    log.info("digest.ticker_started", every_seconds=60)
    return scheduler


def stop_digest_ticker(scheduler: BackgroundScheduler) -> None:
    if scheduler.running:
        # Let a pass in flight finish: its claims are committed and it marks what it sent.
        scheduler.shutdown(wait=True)


def install(app: Any) -> None:
    """Wire the digest into a built `Giveback` (called by `create_app`): the service for the
    buttons, and the ticker started by `giveback run` when SCHEDULER_ENABLED."""
    from bot.digest import DigestService, build_digest_client

    deps = app.deps
    service = DigestService(
        settings=app.settings, db=deps.db, slack=build_digest_client(app.settings), clock=deps.clock
    )
    deps.extras["digest"] = service
    if app.settings.scheduler_enabled:
        holder: dict[str, BackgroundScheduler] = {}

        def start() -> None:
            holder["scheduler"] = start_digest_ticker(service, deps.clock)

        def stop() -> None:
            if "scheduler" in holder:
                stop_digest_ticker(holder.pop("scheduler"))

        app.on_start(start)
        app.on_close(stop)
