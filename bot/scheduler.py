"""APScheduler 3 as a clock only: the database is the schedule.

One `BackgroundScheduler` per process with two interval jobs (UTC):
- the digest tick, every minute: one `DigestService.run_pass`. Several processes or replicas may
  tick at once — the claims in the database keep each digest to one;
- maintenance, every few hours: delete the data of workspaces uninstalled longer than
  UNINSTALL_GRACE_DAYS ago, and forget Events API ids older than Slack ever retries. Both are
  idempotent, so every process may run them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_MAX_INSTANCES, JobExecutionEvent
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from bot.log import get_logger
from storage.help import forget_old_events

log = get_logger(__name__)
DIGEST_JOB = "giveback-digest-tick"
MAINTENANCE_JOB = "giveback-maintenance"
TICK = dt.timedelta(minutes=1)
MAINTENANCE_EVERY = dt.timedelta(hours=6)
# Slack retries an event for about an hour; a day is a generous margin.
EVENT_IDS_KEPT_FOR = dt.timedelta(days=1)


def build_scheduler(
    tick: Callable[[], Any], maintenance: Callable[[], Any] | None = None, *, interval: dt.timedelta = TICK
) -> BackgroundScheduler:
    scheduler = BackgroundScheduler(timezone=dt.UTC)
    _every(scheduler, DIGEST_JOB, tick, interval, first_in=dt.timedelta(seconds=5))
    if maintenance is not None:
        _every(scheduler, MAINTENANCE_JOB, maintenance, MAINTENANCE_EVERY, first_in=dt.timedelta(seconds=30))

    def on_event(event: JobExecutionEvent) -> None:
        if event.code == EVENT_JOB_MAX_INSTANCES:
            log.info("scheduler.job_skipped", job=event.job_id, reason="previous run still going")
        elif event.exception is not None:
            log.error(
                "scheduler.job_failed",
                job=event.job_id,
                error=type(event.exception).__name__,
                detail=str(event.exception)[:300],
            )

    scheduler.add_listener(on_event, EVENT_JOB_ERROR | EVENT_JOB_MAX_INSTANCES)
    return scheduler


def _every(
    scheduler: BackgroundScheduler, job_id: str, fn: Callable[[], Any], every: dt.timedelta, first_in: dt.timedelta
) -> None:
    seconds = int(every.total_seconds())
    scheduler.add_job(
        fn,
        IntervalTrigger(seconds=seconds, timezone=dt.UTC),
        id=job_id,
        max_instances=1,  # a long run is never overlapped by the next one in this process
        coalesce=True,  # runs missed while busy or suspended collapse into one
        misfire_grace_time=seconds,
        next_run_time=dt.datetime.now(dt.UTC) + first_in,
    )


def run_maintenance(app: Any, now: dt.datetime) -> None:
    app.deps.privacy.purge_uninstalled(now)
    with app.deps.db.transaction() as session:
        forgotten = forget_old_events(session, now - EVENT_IDS_KEPT_FOR)
    log.info("maintenance.done", event_ids_forgotten=forgotten)


def stop_scheduler(scheduler: BackgroundScheduler) -> None:
    if scheduler.running:
        # Let a pass in flight finish: its claims are committed and it marks what it sent.
        scheduler.shutdown(wait=True)


def install(app: Any) -> None:
    """Give a built `Giveback` its scheduler, started by `giveback run` (SCHEDULER_ENABLED)."""
    deps = app.deps
    holder: dict[str, BackgroundScheduler] = {}

    def start() -> None:
        scheduler = build_scheduler(
            lambda: deps.digest.run_pass(deps.clock()), lambda: run_maintenance(app, deps.clock())
        )
        scheduler.start()
        holder["scheduler"] = scheduler
        log.info("scheduler.started", tick_seconds=int(TICK.total_seconds()))

    def stop() -> None:
        if "scheduler" in holder:
            stop_scheduler(holder.pop("scheduler"))

    app.on_start(start)
    app.on_close(stop)
