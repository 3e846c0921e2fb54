"""Engines and transactions for SQLite (the zero-configuration default) and PostgreSQL."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import Any

from sqlalchemy import create_engine, event, exc
from sqlalchemy.engine import Connection, Dialect, Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql import ClauseElement


def _sqlite_engine(url: str, *, immediate: bool) -> Engine:
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when a transaction begins (see `_begin`).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
        cursor.execute("PRAGMA busy_timeout=30000")  # wait for the lock instead of failing
        cursor.execute("PRAGMA foreign_keys=ON")
        # FULL: each commit is fsynced before we answer Slack, so an acknowledged thanks
        # survives even a power cut (NORMAL would only survive a process crash).
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        # A deferred transaction that reads, then writes, fails at once with SQLITE_BUSY when
        # another process wrote in between; busy_timeout cannot help it. Writers take the lock
        # up front instead, so concurrent processes queue rather than fail.
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


# A pooled connection idle longer than this is pinged before use; one used more recently is not.
# `pool_pre_ping` pinged on every checkout: a `SELECT 1` round trip per transaction, i.e. per thanks
# on the ack path (bench/bench_ingest.py). A connection that dies while busy (database restart)
# still surfaces as a disconnect error: SQLAlchemy then invalidates the whole pool, so the next
# transactions reconnect; that one request fails and Slack re-delivers it.
PING_AFTER_IDLE_S = 5.0


def _postgres_engine(url: str) -> Engine:
    engine = create_engine(url, pool_size=10, max_overflow=20, pool_recycle=1800)

    @event.listens_for(engine, "connect")
    def _new(_: Any, record: Any) -> None:
        record.info["checked_in_at"] = time.monotonic()  # just connected: no ping needed

    @event.listens_for(engine, "checkin")
    def _idle_since(_: Any, record: Any) -> None:
        record.info["checked_in_at"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _ping_if_idle(dbapi_connection: Any, record: Any, _: Any) -> None:
        if time.monotonic() - record.info.get("checked_in_at", 0.0) <= PING_AFTER_IDLE_S:
            return
        try:
            cursor = dbapi_connection.cursor()
            cursor.execute("SELECT 1")
            cursor.close()
            dbapi_connection.rollback()
        except Exception as err:  # any failure: the pool discards it and tries another connection
            raise exc.DisconnectionError(str(err)) from err

    return engine


class Database:
    """Owns the engines. `transaction()` is the one way to write; `reader()` for long reads."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        if self.is_sqlite:
            self.engine = _sqlite_engine(url, immediate=True)
            self.read_engine = _sqlite_engine(url, immediate=False)
        else:
            self.engine = _postgres_engine(url)
            self.read_engine = self.engine
        # SQLite has one writer at a time. This process's threads queue for it on a lock that is
        # handed over at once; left to SQLite's busy handler, whose retry sleeps grow to 100 ms,
        # they put a 100–700 ms tail on acks under load (bench/bench_ingest.py). Other processes
        # still wait in the busy handler.
        self._write_lock: AbstractContextManager[Any] = threading.RLock() if self.is_sqlite else nullcontext()
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(self.read_engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """Commit on success, roll back on any exception. Storage functions never commit."""
        with self._write_lock, self._sessions.begin() as session:
            yield session

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        """Like `transaction()`, as a Core connection: for hot paths that need no ORM objects
        (capturing a thanks), where the ORM session's per-transaction work was a measurable share
        of the ack's CPU (bench/bench_ingest.py)."""
        with self._write_lock, self.engine.begin() as connection:
            yield connection

    @contextmanager
    def driver_transaction(self, *, one_statement: bool = False) -> Iterator[DriverConnection]:
        """A write transaction on the driver's own connection, for `DriverStatement`s: the ack path
        of a thanks, where SQLAlchemy's per-transaction and per-statement work cost more CPU than the
        database spent on the INSERT (bench/bench_ingest.py). Commits on success, rolls back on any
        exception; driver errors surface as SQLAlchemy's (`exc.OperationalError`, …) and a
        connection the driver reports dead is discarded from the pool.

        `one_statement`: the caller runs exactly one statement. On PostgreSQL that runs in
        autocommit (no BEGIN and COMMIT round trips; one statement is atomic on its own and durably
        committed when it returns). SQLite always takes its write lock up front (BEGIN IMMEDIATE).
        """
        with self._write_lock:
            pooled = self.engine.raw_connection()  # pool checkout, its events included (the idle ping)
            driver = pooled.driver_connection
            autocommit = one_statement and not self.is_sqlite
            cursor = None
            try:
                if autocommit:
                    driver.autocommit = True
                cursor = pooled.cursor()
                if self.is_sqlite:
                    cursor.execute("BEGIN IMMEDIATE")
                yield DriverConnection(cursor, self.engine.dialect)
                if not autocommit:
                    pooled.commit()
            except self.engine.dialect.loaded_dbapi.Error as err:
                self._abandon(pooled, cursor, err)
                raise exc.DBAPIError.instance(None, None, err, self.engine.dialect.loaded_dbapi.Error) from err
            except BaseException:
                self._abandon(pooled, cursor, None)
                raise
            finally:
                if autocommit and pooled.is_valid:
                    try:
                        driver.autocommit = False
                    except self.engine.dialect.loaded_dbapi.Error as reset_err:  # it died after the statement
                        pooled.invalidate(reset_err)
                pooled.close()  # back to the pool (which resets it), or gone if invalidated

    def _abandon(self, pooled: Any, cursor: Any, err: BaseException | None) -> None:
        """Roll back a failed driver transaction; drop the connection if the driver says it died."""
        if err is not None and self.engine.dialect.is_disconnect(err, pooled.driver_connection, cursor):
            pooled.invalidate(err)
            return
        try:
            pooled.rollback()
        except self.engine.dialect.loaded_dbapi.Error as rollback_err:
            pooled.invalidate(rollback_err)

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A read-only session that does not hold SQLite's write lock."""
        with self._read_sessions() as session:
            try:
                yield session
            finally:
                session.rollback()

    def dispose(self) -> None:
        self.engine.dispose()
        if self.read_engine is not self.engine:
            self.read_engine.dispose()


class DriverStatement:
    """A Core statement compiled once for one dialect, to run on the driver's cursor.

    Parameters go through the same type processing SQLAlchemy applies (e.g. `UTCDateTime` to
    SQLite's naive UTC text), so rows written this way read back like any others.
    """

    def __init__(self, statement: ClauseElement, dialect: Dialect) -> None:
        compiled = statement.compile(dialect=dialect)
        self.sql = compiled.string
        # Positional paramstyles (SQLite's "?") list names in order, repeats included; named ones
        # (psycopg's "%(name)s") take the mapping.
        self._order = compiled.positiontup
        self._processors = {
            name: processor
            for name, bind in compiled.binds.items()
            if (processor := bind.type.dialect_impl(dialect).bind_processor(dialect)) is not None
        }

    def parameters(self, values: Mapping[str, Any]) -> tuple[Any, ...] | dict[str, Any]:
        processed = {k: (p(v) if (p := self._processors.get(k)) else v) for k, v in values.items()}
        return tuple(processed[name] for name in self._order) if self._order is not None else processed


class DriverConnection:
    """The cursor of a `Database.driver_transaction()`."""

    def __init__(self, cursor: Any, dialect: Dialect) -> None:
        self._cursor = cursor
        self.dialect = dialect

    def first_row(self, statement: DriverStatement, values: Mapping[str, Any]) -> tuple[Any, ...] | None:
        """Run `statement` and return its first row (RETURNING), or None."""
        self._cursor.execute(statement.sql, statement.parameters(values))
        return self._cursor.fetchone()
