"""The scheduler's maintenance job: old Events API ids are forgotten, recent ones kept."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bot.scheduler import build_scheduler, run_maintenance
from storage.help import claim_event
from storage.models import ProcessedEvent

NOW = dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.UTC)


def test_maintenance_forgets_event_ids_older_than_a_day(running_bot) -> None:  # type: ignore[no-untyped-def]
    db = running_bot.app.db
    with db.transaction() as session:
        claim_event(session, "T0SANDBOX", "Ev0OLD", NOW - dt.timedelta(days=2))
        claim_event(session, "T0SANDBOX", "Ev0NEW", NOW - dt.timedelta(hours=2))
    run_maintenance(running_bot.app, NOW)
    with db.reader() as session:
        assert session.scalars(select(ProcessedEvent.event_id)).all() == ["Ev0NEW"]


def test_one_scheduler_holds_the_tick_and_maintenance() -> None:
    scheduler = build_scheduler(lambda: None, lambda: None)
    jobs = {job.id: job.trigger.interval for job in scheduler.get_jobs()}
    assert jobs == {"giveback-digest-tick": dt.timedelta(minutes=1), "giveback-maintenance": dt.timedelta(hours=6)}
