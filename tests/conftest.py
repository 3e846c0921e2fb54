"""Shared fixtures: databases (SQLite always, PostgreSQL when configured), the Slack sandbox,
and a real bot served over HTTP on loopback."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bot.settings import Settings

POSTGRES_ENV = "GIVEBACK_TEST_POSTGRES_URL"
POSTGRES_SKIP = (
    f"PostgreSQL tests need {POSTGRES_ENV}, e.g. "
    f"{POSTGRES_ENV}=postgresql+psycopg://postgres@127.0.0.1:5432/test make test"
)
BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
]


def fresh_database_url(backend: str, tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A brand-new, empty database for one test; PostgreSQL gets its own database, dropped after."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'giveback.db'}"
        return
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(POSTGRES_SKIP)
    name = f"giveback_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(make_url(base).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def database_url(request, tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    yield from fresh_database_url(request.param, tmp_path)


@pytest.fixture
def database(database_url):  # type: ignore[no-untyped-def]
    """A migrated `storage.db.Database` on each backend."""
    from storage.db import Database
    from storage.migrate import upgrade

    db = Database(database_url)
    upgrade(db)
    yield db
    db.dispose()


@pytest.fixture
def sandbox():  # type: ignore[no-untyped-def]
    from bot.sandbox import SlackSandbox

    with SlackSandbox() as slack:
        yield slack


def bot_settings(sandbox, database_url: str, **overrides) -> Settings:  # type: ignore[no-untyped-def]
    values = {
        "slack_bot_token": sandbox.bot_token,
        "slack_signing_secret": sandbox.signing_secret,
        "slack_api_url": sandbox.api_url,
        "database_url": database_url,
        "scheduler_enabled": False,
        "_env_file": None,
        **overrides,
    }
    return Settings(**values)


@dataclass
class RunningBot:
    app: object
    url: str
    sender: object
    sandbox: object

    def settle(self) -> None:
        """Wait for after-ack side effects (ack reactions, permalinks) to finish."""
        self.app.deps.background.drain()  # type: ignore[attr-defined]


@pytest.fixture
def running_bot(sandbox, database_url) -> Iterator[RunningBot]:  # type: ignore[no-untyped-def]
    """The real Bolt app behind waitress on loopback, talking to the sandbox."""
    from bot.app import create_app
    from bot.sandbox import SignedSender

    app = create_app(bot_settings(sandbox, database_url))
    url = app.serve_in_thread()
    try:
        yield RunningBot(
            app=app, url=url, sender=SignedSender(url, sandbox.signing_secret, sandbox=sandbox), sandbox=sandbox
        )
    finally:
        app.close()
