"""A small world for digest tests: people in several zones, help captured over days."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from typing import Any

from storage.db import Database
from storage.help import NewEdge, upsert_edges
from storage.models import Digest
from storage.users import save_user

TEAM = "T0SANDBOX"
# user id -> (name, IANA zone)
PEOPLE = {
    "UBERLIN": ("berta", "Europe/Berlin"),
    "UNY": ("nina", "America/New_York"),
    "UTOKYO": ("taro", "Asia/Tokyo"),
    "ULA": ("lars", "America/Los_Angeles"),
    "UKOLKATA": ("kiran", "Asia/Kolkata"),
}
HELPERS = {"UHELP1": ("helga", "UTC"), "UHELP2": ("hugo", "Europe/London")}
_keys = itertools.count()


def add_people(sandbox: Any, database: Database, now: dt.datetime, *, cache_zones: bool = True) -> None:
    for user_id, (name, tz) in {**PEOPLE, **HELPERS}.items():
        sandbox.add_user(user_id, name, tz=tz)
        if cache_zones:
            with database.transaction() as s:
                save_user(
                    s, TEAM, user_id, now=now, name=name, real_name=name.title(), tz=tz, is_bot=False, deleted=False
                )


def thank(
    database: Database,
    helper: str,
    recipient: str,
    at: dt.datetime,
    reason: str = "the quick review",
    channel: str = "C0GENERAL",
) -> None:
    edge = NewEdge(
        team_id=TEAM,
        helper_id=helper,
        recipient_id=recipient,
        source="got_command",
        source_key=f"e2e{next(_keys)}",
        reporter_id=recipient,
        happened_at=at,
        reason=reason,
        channel_id=channel,
    )
    with database.transaction() as s:
        upsert_edges(s, [edge], at)


def digest_messages(sandbox: Any, user_id: str) -> list[dict[str, Any]]:
    return [m for m in sandbox.dm_messages(user_id) if (m.get("metadata") or {}).get("event_type") == "giveback_digest"]


def sent_per_day(database: Database) -> Counter[tuple[str, dt.date]]:
    with database.reader() as s:
        rows = s.query(Digest.user_id, Digest.local_date).filter(Digest.status == "sent").all()
    return Counter((u, d) for u, d in rows)
