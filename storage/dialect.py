"""Dialect-specific SQL that both backends support with the same spelling."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def insert(session: Session, table: Any) -> Any:
    """`INSERT` that knows `ON CONFLICT` on SQLite and PostgreSQL alike."""
    bind = session.get_bind()
    return (postgresql.insert if bind.dialect.name == "postgresql" else sqlite.insert)(table)


def is_postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"
