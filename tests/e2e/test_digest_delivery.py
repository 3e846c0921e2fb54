"""Digest delivery against the sandbox, in process: failures that leave it unclear whether Slack
stored the message, and retries that must not hold up other people's digests."""

from __future__ import annotations

import datetime as dt

from slack_sdk import WebClient

from bot.digest import DigestService
from bot.settings import Settings
from storage.db import Database
from storage.migrate import upgrade
from storage.models import Digest
from tests.e2e.digest_world import PEOPLE, add_people, digest_messages, sent_per_day, thank

MONDAY = dt.datetime(2025, 3, 3, 0, 0, tzinfo=dt.UTC)
# 17:30 UTC Monday: past 09:00 on Monday in Berlin, New York, Los Angeles and Kolkata; in Tokyo
# it is already Tuesday 02:30, before that day's digest.
LATE = dt.datetime(2025, 3, 3, 17, 30, tzinfo=dt.UTC)
DUE = [u for u in PEOPLE if u != "UTOKYO"]


def _service(sandbox, tmp_path, *, timeout: int = 10) -> tuple[DigestService, Database]:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'delivery.db'}"
    database = Database(url)
    upgrade(database)
    settings = Settings(
        slack_bot_token=sandbox.bot_token,
        slack_api_url=sandbox.api_url,
        database_url=url,
        scheduler_enabled=False,
        _env_file=None,
    )
    client = WebClient(token=sandbox.bot_token, base_url=sandbox.api_url, timeout=timeout)
    return DigestService(settings=settings, db=database, slack=client, clock=lambda: MONDAY), database


def test_a_post_that_timed_out_but_was_stored_is_not_sent_twice(sandbox, tmp_path) -> None:  # type: ignore[no-untyped-def]
    service, database = _service(sandbox, tmp_path, timeout=1)
    add_people(sandbox, database, MONDAY)
    for user in PEOPLE:
        thank(database, "UHELP1", user, MONDAY - dt.timedelta(days=1))
    service.housekeeping(MONDAY)
    # The first post outlives the client's 1 s timeout, then Slack stores it anyway: the client
    # sees an error although the person already has the DM.
    sandbox.slow("chat.postMessage", 1.2, times=1)
    summary = service.run_pass(LATE)
    assert summary.retries >= 1 and summary.failed == 0 and summary.retry_later == 0
    assert summary.sent + summary.already_sent == len(DUE) and summary.already_sent == 1
    for user in DUE:
        assert len(digest_messages(sandbox, user)) == 1, user
    assert set(sent_per_day(database).values()) == {1}
    with database.reader() as s:  # the database points at the message the person really got
        for row in s.query(Digest).filter(Digest.status == "sent"):
            assert [m["ts"] for m in digest_messages(sandbox, row.user_id)] == [row.message_ts]


def test_one_persons_backoff_does_not_hold_up_the_others(sandbox, tmp_path) -> None:  # type: ignore[no-untyped-def]
    service, database = _service(sandbox, tmp_path)
    add_people(sandbox, database, MONDAY)
    for user in PEOPLE:
        thank(database, "UHELP1", user, MONDAY - dt.timedelta(days=1))
    service.housekeeping(MONDAY)
    flaky = "UBERLIN"
    flaky_dm = sandbox.dm_channel(flaky)
    sandbox.fail(
        "chat.postMessage",
        status=503,
        error="service_unavailable",
        times=3,
        when=lambda args: args.get("channel") == flaky_dm,
    )
    summary = service.run_pass(LATE)
    assert summary.sent == len(DUE) and summary.retries == 3
    posted = [c for c in sandbox.calls("chat.postMessage") if c.status == 200]
    # Everyone else was served while the flaky person's retries waited out their backoff.
    assert [c.args["channel"] for c in posted][-1] == flaky_dm
    assert all(len(digest_messages(sandbox, u)) == 1 for u in DUE)
    # Before each retry the DM was checked for the digest (the 503 might have hidden a success).
    assert len(sandbox.calls("conversations.history")) == 3
