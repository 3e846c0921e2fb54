"""What the App Home shows about one person: their ledger, page by page, and claims about them.

`session` first; nothing here commits. Every query is scoped by `team_id` and by the reader, so a
request can only ever see or change rows of its own workspace that involve its own user.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, func, literal, or_, select, union_all, update
from sqlalchemy.orm import Session

from storage.models import ClaimStatus, HelpEdge, Source


@dataclass(frozen=True, slots=True)
class Balance:
    """One person in U's ledger: how often each way, and when last."""

    other_id: str
    helped_you: int
    you_helped: int
    last_at: dt.datetime


@dataclass(frozen=True, slots=True)
class Record:
    """One act of help as U sees it. `direction` is "got" (they helped U) or "gave"."""

    id: int
    other_id: str
    direction: str
    source: str
    reason: str | None
    happened_at: dt.datetime
    channel_id: str | None
    permalink: str | None
    undoable: bool


def _received(user_id: str):  # type: ignore[no-untyped-def]
    """Help U received, by U's own words or a claim U confirmed (the digest's rule)."""
    h = HelpEdge
    return and_(
        h.recipient_id == user_id,
        h.helper_id != user_id,
        or_(h.reporter_id == user_id, h.claim_status == ClaimStatus.CONFIRMED.value),
    )


def _given(user_id: str):  # type: ignore[no-untyped-def]
    h = HelpEdge
    return and_(h.helper_id == user_id, h.recipient_id != user_id)


def _both(team_id: str, user_id: str):  # type: ignore[no-untyped-def]
    h = HelpEdge
    got = select(
        h.helper_id.label("other_id"),
        literal(1).label("got"),
        literal(0).label("gave"),
        h.happened_at.label("at"),
    ).where(h.team_id == team_id, h.active.is_(True), _received(user_id))
    gave = select(
        h.recipient_id.label("other_id"),
        literal(0).label("got"),
        literal(1).label("gave"),
        h.happened_at.label("at"),
    ).where(h.team_id == team_id, h.active.is_(True), _given(user_id))
    return union_all(got, gave).subquery("mine")


def count_people(session: Session, team_id: str, user_id: str) -> int:
    mine = _both(team_id, user_id)
    return int(session.scalar(select(func.count(func.distinct(mine.c.other_id)))) or 0)


def balances(session: Session, team_id: str, user_id: str, *, offset: int, limit: int) -> list[Balance]:
    """People U helped or was helped by, most recent first, one page."""
    mine = _both(team_id, user_id)
    last = func.max(mine.c.at)
    statement = (
        select(mine.c.other_id, func.sum(mine.c.got), func.sum(mine.c.gave), last.label("last_at"))
        .group_by(mine.c.other_id)
        .order_by(last.desc(), mine.c.other_id)
        .offset(max(offset, 0))
        .limit(limit)
    )
    return [Balance(o, int(g or 0), int(v or 0), at) for o, g, v, at in session.execute(statement)]


def balance_with(session: Session, team_id: str, user_id: str, other_id: str) -> Balance | None:
    mine = _both(team_id, user_id)
    row = session.execute(
        select(func.sum(mine.c.got), func.sum(mine.c.gave), func.max(mine.c.at)).where(mine.c.other_id == other_id)
    ).one()
    if row[2] is None:
        return None
    return Balance(other_id, int(row[0] or 0), int(row[1] or 0), row[2])


def _pair(team_id: str, user_id: str, other_id: str):  # type: ignore[no-untyped-def]
    h = HelpEdge
    return and_(
        h.team_id == team_id,
        h.active.is_(True),
        or_(
            and_(_received(user_id), h.helper_id == other_id),
            and_(_given(user_id), h.recipient_id == other_id),
        ),
    )


def count_records(session: Session, team_id: str, user_id: str, other_id: str) -> int:
    return int(session.scalar(select(func.count()).select_from(HelpEdge).where(_pair(team_id, user_id, other_id))) or 0)


def records_with(
    session: Session, team_id: str, user_id: str, other_id: str, *, offset: int = 0, limit: int = 5
) -> list[Record]:
    """The acts between U and one person, most recent first (both indexed by team and person)."""
    h = HelpEdge
    rows = session.scalars(
        select(h)
        .where(_pair(team_id, user_id, other_id))
        .order_by(h.happened_at.desc(), h.id.desc())
        .offset(max(offset, 0))
        .limit(limit)
    )
    return [_record(row, user_id) for row in rows]


def _record(row: HelpEdge, user_id: str) -> Record:
    got = row.recipient_id == user_id
    return Record(
        id=row.id,
        other_id=row.helper_id if got else row.recipient_id,
        direction="got" if got else "gave",
        source=row.source,
        reason=row.reason,
        happened_at=row.happened_at,
        channel_id=row.channel_id,
        permalink=row.permalink,
        # U reported it: U's /got or /gave, or U's own thanks message or reaction.
        undoable=row.reporter_id == user_id,
    )


def _claims(team_id: str, user_id: str):  # type: ignore[no-untyped-def]
    h = HelpEdge
    return and_(
        h.team_id == team_id,
        h.recipient_id == user_id,
        h.source == Source.GAVE_COMMAND.value,
        h.reporter_id != user_id,
        h.active.is_(True),
        h.claim_status == ClaimStatus.UNREVIEWED.value,
    )


def count_claims(session: Session, team_id: str, user_id: str) -> int:
    return int(session.scalar(select(func.count()).select_from(HelpEdge).where(_claims(team_id, user_id))) or 0)


def claims(session: Session, team_id: str, user_id: str, *, limit: int) -> list[Record]:
    """`/gave @U` by others that U has not reviewed yet, newest first."""
    rows = session.scalars(
        select(HelpEdge).where(_claims(team_id, user_id)).order_by(HelpEdge.happened_at.desc(), HelpEdge.id.desc())
    ).fetchmany(limit)
    return [_record(row, user_id) for row in rows]


def undo_record(session: Session, team_id: str, user_id: str, edge_id: int, now: dt.datetime) -> int:
    """Retract one act U reported; 0 when it isn't U's to undo (or is already retracted)."""
    statement = (
        update(HelpEdge)
        .where(
            HelpEdge.id == edge_id,
            HelpEdge.team_id == team_id,
            HelpEdge.reporter_id == user_id,
            HelpEdge.active.is_(True),
        )
        .values(active=False, retracted_at=now)
        .execution_options(synchronize_session=False)
    )
    return int(session.execute(statement).rowcount or 0)


def review_claim(session: Session, team_id: str, user_id: str, edge_id: int, status: ClaimStatus) -> int:
    """U's verdict on someone's `/gave @U`: confirmed counts as help U received; rejected hides it."""
    statement = (
        update(HelpEdge)
        .where(
            HelpEdge.id == edge_id,
            HelpEdge.team_id == team_id,
            HelpEdge.recipient_id == user_id,
            HelpEdge.source == Source.GAVE_COMMAND.value,
            HelpEdge.reporter_id != user_id,
            HelpEdge.active.is_(True),
        )
        .values(claim_status=status.value)
        .execution_options(synchronize_session=False)
    )
    return int(session.execute(statement).rowcount or 0)
