"""Migrations and the ledger's query functions, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import inspect, select

from storage.db import Database
from storage.help import NewEdge, active_edges, claim_event, edges_for_key, retract, upsert_edges
from storage.migrate import pending, upgrade
from storage.models import Base, SlackUser
from storage.users import cached_users, save_user

NOW = dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.UTC)


def edge(helper: str = "UA", recipient: str = "UME", key: str = "C1:1.0", team: str = "T1", **kw) -> NewEdge:  # type: ignore[no-untyped-def]
    return NewEdge(
        team_id=team,
        helper_id=helper,
        recipient_id=recipient,
        source=kw.pop("source", "thanks_message"),
        source_key=key,
        reporter_id=recipient,
        happened_at=NOW,
        **kw,
    )


def test_migrations_build_every_table_on_an_empty_database(database_url: str) -> None:
    db = Database(database_url)
    assert pending(db)  # an empty database has everything to apply
    upgrade(db)
    assert pending(db) == []
    upgrade(db)  # a second run is a no-op
    tables = set(inspect(db.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    db.dispose()


def test_sqlite_pragmas_make_it_safe_for_several_writers(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = Database(f"sqlite:///{tmp_path / 'x.db'}")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
    db.dispose()


def test_datetimes_come_back_aware_utc_and_naive_ones_are_refused(database: Database) -> None:
    berlin = dt.datetime(2026, 3, 29, 3, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    with database.transaction() as session:
        upsert_edges(session, [edge()], berlin)
    with database.reader() as session:
        [row] = active_edges(session, "T1")
        assert row.created_at == berlin and row.created_at.tzinfo == dt.UTC
    with pytest.raises(Exception, match="naive datetime"), database.transaction() as session:
        upsert_edges(session, [edge(key="C1:2.0")], dt.datetime(2026, 1, 1))


def test_the_same_act_is_stored_once_and_reactivated_not_doubled(database: Database) -> None:
    with database.transaction() as session:
        assert len(upsert_edges(session, [edge(), edge(helper="UB")], NOW)) == 2
        assert upsert_edges(session, [edge()], NOW) == []
        assert retract(session, "T1", "thanks_message", "C1:1.0", NOW, helper_ids=["UA"]) == 1
        assert [e.helper_id for e in upsert_edges(session, [edge()], NOW)] == ["UA"]
    with database.reader() as session:
        rows = edges_for_key(session, "T1", "thanks_message", "C1:1.0")
        assert [(r.helper_id, r.active) for r in rows] == [("UA", True), ("UB", True)]


def test_event_ids_are_claimed_once_per_team(database: Database) -> None:
    with database.transaction() as session:
        assert claim_event(session, "T1", "Ev1", NOW) is True
        assert claim_event(session, "T1", "Ev1", NOW) is False
        assert claim_event(session, "T2", "Ev1", NOW) is True


def test_a_rolled_back_capture_forgets_its_event_id(database: Database) -> None:
    with pytest.raises(RuntimeError), database.transaction() as session:
        claim_event(session, "T1", "Ev1", NOW)
        raise RuntimeError("the capture failed")
    with database.transaction() as session:
        assert claim_event(session, "T1", "Ev1", NOW) is True


def test_every_query_is_scoped_by_team(database: Database) -> None:
    with database.transaction() as session:
        upsert_edges(session, [edge(team="T1"), edge(team="T2")], NOW)
        assert retract(session, "T2", "thanks_message", "C1:1.0", NOW) == 1
        save_user(session, "T1", "UA", now=NOW, name="a", real_name="A", tz="Asia/Tokyo", is_bot=False, deleted=False)
    with database.reader() as session:
        assert len(active_edges(session, "T1")) == 1 and active_edges(session, "T2") == []
        assert set(cached_users(session, "T1", ["UA"])) == {"UA"}
        assert cached_users(session, "T2", ["UA"]) == {}


def test_user_cache_upserts(database: Database) -> None:
    with database.transaction() as session:
        save_user(session, "T1", "UA", now=NOW, name="a", real_name="A", tz="Asia/Tokyo", is_bot=False, deleted=False)
        save_user(session, "T1", "UA", now=NOW, name="a", real_name="A", tz="Europe/Paris", is_bot=False, deleted=True)
    with database.reader() as session:
        row = session.scalars(select(SlackUser)).one()
        assert (row.tz, row.deleted) == ("Europe/Paris", True)
