"""Query functions for the help ledger. `session` first; they never commit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from typing import Any, cast

from sqlalchemy import Connection, Select, Table, and_, bindparam, delete, exists, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from storage.db import DriverConnection, DriverStatement
from storage.dialect import insert
from storage.models import ClaimStatus, HelpEdge, ProcessedEvent, SlackUser, UserSettings


@dataclass(frozen=True, slots=True)
class NewEdge:
    """Plain values for one act of help, as capture sees it."""

    team_id: str
    helper_id: str
    recipient_id: str
    source: str
    source_key: str
    reporter_id: str
    happened_at: dt.datetime
    reason: str | None = None
    channel_id: str | None = None
    message_ts: str | None = None
    event_id: str | None = None
    permalink: str | None = None


def claim_event(session: Session, team_id: str, event_id: str, now: dt.datetime) -> bool:
    """Remember an Events API id; False when it was already handled (a re-delivery).

    Runs in the same transaction as the capture, so a failed capture forgets the id too and
    Slack's retry gets a second chance.
    """
    events = cast(Table, ProcessedEvent.__table__)
    statement = (
        insert(session, events)
        .values(team_id=team_id, event_id=event_id, received_at=now)
        .on_conflict_do_nothing()
        .returning(events.c.event_id)
    )
    # RETURNING, not rowcount: psycopg reports no rowcount for a skipped ON CONFLICT insert.
    return session.execute(statement).scalar_one_or_none() is not None


def forget_old_events(session: Session, before: dt.datetime) -> int:
    """Slack retries for at most a few hours; older ids can go."""
    return session.execute(delete(ProcessedEvent).where(ProcessedEvent.received_at < before)).rowcount


# Capture runs these on every act, so they are built once per dialect with bound parameters:
# building a statement per call and generating its cache key cost more CPU than SQLite took to run
# it (bench/bench_ingest.py). They accept the caller's Session or a Core `Connection`. The ack path
# of a thanks message goes further: its INSERT is compiled once and run on the driver's cursor
# (`insert_new_edges_of_people`, `Database.driver_transaction`).
_EDGE_FIELDS = tuple(f.name for f in fields(NewEdge))
_BUILT: dict[tuple[str, str], Any] = {}
_DRIVER_BUILT: dict[tuple[str, str], DriverStatement] = {}

Executor = Session | Connection


def built(db: Executor, name: str, build: Callable[[str], Any]) -> tuple[Connection, Any]:
    """The Core connection and the statement `name`, built on first use for its dialect."""
    connection = db if isinstance(db, Connection) else db.connection()
    dialect = connection.dialect.name
    statement = _BUILT.get((dialect, name))
    if statement is None:
        statement = _BUILT[(dialect, name)] = build(dialect)
    return connection, statement


def dialect_insert(dialect: str, table: Any) -> Any:
    """`INSERT` that knows `ON CONFLICT` on SQLite and PostgreSQL alike."""
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)


def _insert_edge(dialect: str) -> Any:
    table = cast(Table, HelpEdge.__table__)
    columns = (*_EDGE_FIELDS, "active", "created_at", "claim_status")
    return (
        dialect_insert(dialect, table)
        .values({c: bindparam(c, type_=table.c[c].type) for c in columns})
        .on_conflict_do_nothing()
        .returning(table.c.id)
    )


def _edge_values(edge: NewEdge, now: dt.datetime) -> dict[str, Any]:
    values = {f: getattr(edge, f) for f in _EDGE_FIELDS}
    values.update(active=True, created_at=now, claim_status="unreviewed")
    return values


def insert_new_edges(session: Executor, edges: Iterable[NewEdge], now: dt.datetime) -> list[NewEdge]:
    """Insert each act unless its natural key exists (active or retracted); returns the new ones.

    For a new message's thanks: the same message arriving again is a re-delivery, and one that
    finds its act retracted (the message was edited or deleted since) must leave it retracted.
    """
    connection, statement = built(session, "insert_edge", _insert_edge)
    return [
        edge
        for edge in edges
        if connection.execute(statement, _edge_values(edge, now)).scalar_one_or_none() is not None
    ]


def insert_new_edges_of_people(db: DriverConnection, edges: Iterable[NewEdge], now: dt.datetime) -> list[NewEdge]:
    """`insert_new_edges`, but each act only if neither its helper nor its recipient opted out of
    capture or is cached as a bot or a deleted user — checked inside the INSERT itself.

    The ack path of every thanks message: one statement per act (reading those flags first cost a
    round trip), run on the driver's cursor (`Database.driver_transaction`), where SQLAlchemy's
    per-execution work cost more CPU than the database's (bench/bench_ingest.py). People the cache
    does not know yet count as people; capture learns who they are after the ack.
    """
    key = (db.dialect.name, "insert_edge_of_people")
    statement = _DRIVER_BUILT.get(key)
    if statement is None:
        statement = _DRIVER_BUILT[key] = DriverStatement(_insert_edge_of_people(db.dialect.name), db.dialect)
    return [edge for edge in edges if db.first_row(statement, _edge_values(edge, now)) is not None]


def _insert_edge_of_people(dialect: str) -> Any:
    table = cast(Table, HelpEdge.__table__)
    users, prefs = SlackUser.__table__.c, UserSettings.__table__.c
    columns = (*_EDGE_FIELDS, "active", "created_at", "claim_status")
    value = {c: bindparam(c, type_=table.c[c].type) for c in columns}
    people = (value["helper_id"], value["recipient_id"])
    opted_out = exists().where(
        prefs.team_id == value["team_id"], prefs.user_id.in_(people), prefs.capture_enabled.is_(False)
    )
    not_people = exists().where(
        users.team_id == value["team_id"],
        users.user_id.in_(people),
        or_(users.is_bot.is_(True), users.deleted.is_(True)),
    )
    rows = select(*(value[c] for c in columns)).where(~opted_out, ~not_people)
    return dialect_insert(dialect, table).from_select(columns, rows).on_conflict_do_nothing().returning(table.c.id)


def upsert_edges(session: Session, edges: Iterable[NewEdge], now: dt.datetime) -> list[NewEdge]:
    """Insert each act once; an act that exists (same natural key) is reactivated, not doubled.

    Returns the edges that are new or were inactive before, i.e. what this call changed.
    """
    table = cast(Table, HelpEdge.__table__)
    changed: list[NewEdge] = []
    for edge in edges:
        if insert_new_edges(session, [edge], now):
            changed.append(edge)
            continue
        # The act exists: reactivate it if it was retracted (e.g. an edit that thanks them again).
        reactivated = session.execute(
            update(table)
            .where(
                table.c.team_id == edge.team_id,
                table.c.source == edge.source,
                table.c.source_key == edge.source_key,
                table.c.helper_id == edge.helper_id,
                table.c.recipient_id == edge.recipient_id,
                table.c.active.is_(False),
            )
            .values(active=True, retracted_at=None, reason=edge.reason)
            .returning(table.c.id)
        ).scalar_one_or_none()
        if reactivated is not None:
            changed.append(edge)
    return changed


def _by_key(team_id: str, source: str, source_key: str) -> Select[tuple[HelpEdge]]:
    return select(HelpEdge).where(
        HelpEdge.team_id == team_id, HelpEdge.source == source, HelpEdge.source_key == source_key
    )


def edges_for_key(session: Session, team_id: str, source: str, source_key: str) -> Sequence[HelpEdge]:
    return session.scalars(_by_key(team_id, source, source_key).order_by(HelpEdge.id)).all()


def retract(
    session: Session,
    team_id: str,
    source: str,
    source_key: str,
    now: dt.datetime,
    *,
    helper_ids: Iterable[str] | None = None,
    recipient_id: str | None = None,
    reporter_id: str | None = None,
) -> int:
    """Retract active acts under one natural key, optionally narrowed; returns how many."""
    conditions = [
        HelpEdge.team_id == team_id,
        HelpEdge.source == source,
        HelpEdge.source_key == source_key,
        HelpEdge.active.is_(True),
    ]
    if helper_ids is not None:
        conditions.append(HelpEdge.helper_id.in_(list(helper_ids)))
    if recipient_id is not None:
        conditions.append(HelpEdge.recipient_id == recipient_id)
    if reporter_id is not None:
        conditions.append(HelpEdge.reporter_id == reporter_id)
    statement = update(HelpEdge).where(and_(*conditions)).values(active=False, retracted_at=now)
    return session.execute(statement.execution_options(synchronize_session=False)).rowcount


def set_permalink(session: Session, team_id: str, source: str, source_key: str, permalink: str) -> None:
    session.execute(
        update(HelpEdge)
        .where(HelpEdge.team_id == team_id, HelpEdge.source == source, HelpEdge.source_key == source_key)
        .values(permalink=permalink)
        .execution_options(synchronize_session=False)
    )


def active_edges(session: Session, team_id: str) -> Sequence[HelpEdge]:
    """Every active act in a workspace, oldest first (tests, export and the demo)."""
    return session.scalars(
        select(HelpEdge).where(HelpEdge.team_id == team_id, HelpEdge.active.is_(True)).order_by(HelpEdge.id)
    ).all()


def counts_as_evidence(edge):  # type: ignore[no-untyped-def]
    """Only U's own words say U was helped; someone's `/gave @U` counts once U confirms it."""
    return or_(edge.reporter_id == edge.recipient_id, edge.claim_status == ClaimStatus.CONFIRMED.value)
