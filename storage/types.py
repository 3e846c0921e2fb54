"""Column types shared by the models."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import BigInteger, DateTime, Integer
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

# SQLite only auto-increments INTEGER PRIMARY KEY; PostgreSQL gets a real bigint.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware UTC datetimes in and out, on every backend.

    SQLite has no time zones and hands back naive values; PostgreSQL's timestamptz hands back
    values in the session's zone. Both come back as aware UTC, and naive values are refused on the
    way in so a local time can never be stored by mistake.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column; pass an aware datetime")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def utc_from_driver(value: str | dt.datetime | None) -> dt.datetime | None:
    """A timestamp as the driver returned it for a column read *without* `UTCDateTime` (SQLite: the
    stored text; PostgreSQL: an aware datetime), as aware UTC. For hot loops that read many rows
    and convert only the values they keep; everywhere else the column type does this."""
    if value is None:
        return None
    if isinstance(value, str):
        # `process_bind_param` stores naive UTC text on SQLite. Parsing it with the offset is
        # ~4x cheaper than parsing then `replace(tzinfo=…)`, and this runs per planned row.
        return dt.datetime.fromisoformat(value + "+00:00")
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)
