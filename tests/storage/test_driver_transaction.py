"""The ack path's driver-level write (`Database.driver_transaction`), on SQLite and PostgreSQL:
rows it writes read back like any others, failures roll back and surface as SQLAlchemy errors,
and the pooled connection it borrowed is fit for the next transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import exc, text

from storage.db import Database
from storage.help import NewEdge, active_edges, insert_new_edges_of_people, upsert_edges
from storage.migrate import upgrade
from storage.users import ensure_workspace
from tests.conftest import fresh_database_url

NOW = dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.UTC)


def edge(key: str, helper: str = "UA", recipient: str = "UME") -> NewEdge:
    return NewEdge(
        team_id="T1",
        helper_id=helper,
        recipient_id=recipient,
        source="thanks_message",
        source_key=key,
        reporter_id=recipient,
        happened_at=dt.datetime(2026, 11, 23, 10, 15, 30, 123456, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        reason="the quick review",
        channel_id="C1",
        message_ts="1700000000.000100",
        permalink="https://acme.slack.com/archives/C1/p1700000000000100",
    )


@pytest.fixture
def db(database: Database) -> Database:
    with database.transaction() as session:
        ensure_workspace(session, "T1", None, NOW)
    return database


def keys(db: Database) -> list[str]:
    with db.reader() as session:
        return sorted(e.source_key for e in active_edges(session, "T1"))


@pytest.mark.parametrize("one_statement", [True, False])
def test_rows_written_on_the_driver_read_back_like_any_others(db: Database, one_statement: bool) -> None:
    with db.driver_transaction(one_statement=one_statement) as connection:
        new = insert_new_edges_of_people(connection, [edge("C1:1.0")], NOW)
    assert [e.source_key for e in new] == ["C1:1.0"]
    with db.reader() as session:
        [row] = active_edges(session, "T1")
        values = (row.helper_id, row.recipient_id, row.reason, row.permalink, row.happened_at, row.created_at)
    helper, recipient, reason, permalink, happened_at, created_at = values
    assert happened_at == dt.datetime(2026, 11, 23, 9, 15, 30, 123456, tzinfo=dt.UTC)
    assert created_at == NOW and happened_at.tzinfo == dt.UTC
    assert (helper, recipient, reason, permalink) == (
        "UA",
        "UME",
        "the quick review",
        "https://acme.slack.com/archives/C1/p1700000000000100",
    )
    # The same act again (a re-delivery) is not new and not doubled.
    with db.driver_transaction(one_statement=one_statement) as connection:
        assert insert_new_edges_of_people(connection, [edge("C1:1.0")], NOW) == []
    assert keys(db) == ["C1:1.0"]


def test_timestamps_are_stored_exactly_as_the_orm_stores_them(db: Database) -> None:
    # Queries compare stored timestamps in SQL (on SQLite, as text): a driver-written row must
    # hold the very same stored value as one written through SQLAlchemy, not merely read back equal.
    with db.driver_transaction() as connection:
        insert_new_edges_of_people(connection, [edge("C1:1.0")], NOW)
    with db.transaction() as session:
        upsert_edges(session, [edge("C1:2.0")], NOW)
    with db.engine.connect() as conn:
        stored = conn.execute(
            text("SELECT source_key, happened_at, created_at, active FROM help_edges ORDER BY source_key")
        ).all()
    by_driver, by_orm = (tuple(row[1:]) for row in stored)
    assert by_driver == by_orm


def test_an_exception_inside_rolls_back_every_statement(db: Database) -> None:
    with pytest.raises(RuntimeError), db.driver_transaction() as connection:
        insert_new_edges_of_people(connection, [edge("C1:1.0"), edge("C1:2.0", helper="UB")], NOW)
        raise RuntimeError("the caller failed after writing")
    assert keys(db) == []
    with db.driver_transaction() as connection:  # the connection went back to the pool usable
        insert_new_edges_of_people(connection, [edge("C1:3.0")], NOW)
    assert keys(db) == ["C1:3.0"]


def test_a_driver_error_surfaces_as_sqlalchemys_and_changes_nothing(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.execute(text("ALTER TABLE help_edges RENAME TO help_edges_away"))
    with pytest.raises(exc.DBAPIError), db.driver_transaction(one_statement=True) as connection:
        insert_new_edges_of_people(connection, [edge("C1:1.0")], NOW)
    with db.engine.begin() as conn:
        conn.execute(text("ALTER TABLE help_edges_away RENAME TO help_edges"))
    assert keys(db) == []
    with db.driver_transaction(one_statement=True) as connection:
        insert_new_edges_of_people(connection, [edge("C1:1.0")], NOW)
    assert keys(db) == ["C1:1.0"]


@pytest.fixture
def postgres_db(tmp_path) -> Iterator[Database]:  # type: ignore[no-untyped-def]
    """A migrated PostgreSQL database holding one act, written in a one-statement driver transaction."""
    for url in fresh_database_url("postgres", tmp_path):
        database = Database(url)
        upgrade(database)
        with database.transaction() as session:
            ensure_workspace(session, "T1", None, NOW)
        with database.driver_transaction(one_statement=True) as connection:
            insert_new_edges_of_people(connection, [edge("C1:1.0")], NOW)
        yield database
        database.dispose()


@pytest.mark.postgres
def test_postgres_one_statement_leaves_the_pooled_connection_transactional(postgres_db: Database) -> None:
    # The same pooled connection must be back in transactional mode: a failed transaction on it
    # rolls back what it wrote instead of having auto-committed it.
    with pytest.raises(RuntimeError), postgres_db.driver_transaction() as connection:
        insert_new_edges_of_people(connection, [edge("C1:2.0")], NOW)
        raise RuntimeError("fail after the INSERT")
    assert keys(postgres_db) == ["C1:1.0"]


@pytest.mark.postgres
def test_postgres_a_connection_killed_by_the_server_is_dropped_from_the_pool(postgres_db: Database) -> None:
    # Kill the pooled connection's backend from another session, as a server restart would.
    with postgres_db.engine.connect() as conn:
        pids = conn.execute(
            text("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
        ).scalars()
        for pid in list(pids):
            conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    # The killed connection may still sit in the pool; whatever fails, fails as SQLAlchemy's
    # OperationalError (capture answers 500 and Slack retries), and a retry then succeeds.
    for attempt in range(3):
        try:
            with postgres_db.driver_transaction(one_statement=True) as connection:
                insert_new_edges_of_people(connection, [edge("C1:2.0")], NOW)
            break
        except exc.OperationalError:
            assert attempt < 2
    assert keys(postgres_db) == ["C1:1.0", "C1:2.0"]
