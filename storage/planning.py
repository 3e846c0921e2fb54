"""Digest planning: whom each due person's digest names, read from the ledger set-based, a batch
of people at a time. `session` first; nothing here writes.

Planning is set-based: a few statements per batch of due people (`plan_top`), never a query per
person and never more of the ledger in memory than the batch's own window. The rules it applies
are `bot/reciprocity.py`'s; `plan_pairs` is the plain SQL aggregate they are checked against
(tests/storage/test_plan_limit.py), and `raw_help_aggregate` the benchmark's lower bound.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any, NamedTuple

from sqlalchemy import (
    BigInteger,
    String,
    and_,
    any_,
    bindparam,
    func,
    or_,
    select,
    text,
    true,
    type_coerce,
    union_all,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import BindParameter
from sqlalchemy.sql.selectable import Select
from sqlalchemy.types import NullType

from storage.dialect import is_postgres
from storage.digests import Defaults
from storage.help import counts_as_evidence
from storage.models import (
    OPTED_OUT_SQL,
    UNSUGGESTABLE_USER_SQL,
    DigestItem,
    GiveBack,
    HelpEdge,
    SlackUser,
    Source,
    SuggestionRule,
    UserSettings,
)
from storage.types import UTCDateTime, utc_from_driver

# ---------------------------------------------------------------------------------------------
# People and DM channels


@dataclass(frozen=True, slots=True)
class PlanRecipient:
    """What planning needs about the person a digest is for: their DM channel, whether they have
    had a digest before, and their effective schedule (for the footer), defaults applied."""

    user_id: str
    dm_channel_id: str | None
    first_digest_at: dt.datetime | None
    tz: str
    time: str
    days: str


def plan_recipients(
    session: Session, defaults: Defaults, team_id: str, user_ids: Iterable[str]
) -> dict[str, PlanRecipient]:
    """Each planned person's DM channel, first-digest flag and effective schedule, for a batch in
    one statement, built once and then only executed (it runs for every planned person; built
    per call, with an `IN` list of 500 parameters, it cost ~12 µs a person). People without
    settings are absent."""
    ids = sorted(set(user_ids))
    if not ids:
        return {}
    dialect = session.get_bind().dialect.name
    statement = _PLAN_RECIPIENTS_STATEMENTS.get(dialect)
    if statement is None:
        statement = _PLAN_RECIPIENTS_STATEMENTS[dialect] = _build_plan_recipients(session)
    params = {
        "team": team_id,
        "ids": _list_value(session, ids),
        "default_tz": defaults.tz,
        "default_time": defaults.time,
        "default_days": defaults.days,
    }
    return {
        user: PlanRecipient(user, channel, utc_from_driver(first), tz, time, days)
        for user, channel, first, tz, time, days in session.connection().execute(statement, params).all()
    }


_PLAN_RECIPIENTS_STATEMENTS: dict[str, Select] = {}  # type: ignore[type-arg]


def _build_plan_recipients(session: Session) -> Select:  # type: ignore[type-arg]
    """`plan_recipients`' statement: the workspace defaults and the ids are parameters."""
    tz = func.coalesce(UserSettings.tz_override, SlackUser.tz, bindparam("default_tz", type_=String))
    time = func.coalesce(UserSettings.digest_time, bindparam("default_time", type_=String))
    days = func.coalesce(UserSettings.digest_days, bindparam("default_days", type_=String))
    return (
        select(
            UserSettings.user_id,
            SlackUser.dm_channel_id,
            type_coerce(UserSettings.first_digest_at, NullType()),  # converted only when set
            tz,
            time,
            days,
        )
        .select_from(UserSettings)
        .outerjoin(
            SlackUser,
            and_(SlackUser.team_id == UserSettings.team_id, SlackUser.user_id == UserSettings.user_id),
        )
        .where(
            UserSettings.team_id == bindparam("team", type_=String),
            _among(session, UserSettings.user_id, _list_param(session, "ids")),
        )
    )


# ---------------------------------------------------------------------------------------------
# Planning aggregates


@dataclass(frozen=True, slots=True)
class PairRow:
    """One (U, P) aggregate: P's unreturned help to U and everything the rules need."""

    user_id: str
    other_id: str
    unreturned: int
    last_help_at: dt.datetime
    last_gave_at: dt.datetime | None
    muted: bool
    snoozed_until: dt.datetime | None
    last_suggested_at: dt.datetime | None
    other_suggestable: bool
    other_is_bot: bool
    other_deleted: bool
    other_name: str | None = None  # real name, else handle: for plain-text previews


def _among(session: Session, column, values: Sequence[str] | BindParameter):  # type: ignore[no-untyped-def]
    """`column IN values` with the whole list as ONE bound parameter: a PostgreSQL array
    (`= ANY(:v)`) or, on SQLite, a JSON array read by `json_each`. Planning passes thousands of
    ids and pair keys a batch; as an expanded `IN (?, ?, …)` each one cost SQLAlchemy a parameter
    name and the database a longer statement to parse, every batch."""
    if isinstance(values, BindParameter):  # a cached statement's list, bound at execution
        listed = values
    elif is_postgres(session):
        listed = bindparam(None, list(values), type_=ARRAY(String), unique=True)
    else:
        listed = bindparam(None, json.dumps(list(values)), type_=String, unique=True)
    if is_postgres(session):
        return column == any_(listed)
    return column.in_(select(func.json_each(listed).table_valued("value").c.value))


def _list_param(session: Session, name: str, element: type = String) -> BindParameter:  # type: ignore[type-arg]
    """A named list parameter for `_among` in a statement built once and executed many times."""
    return bindparam(name, type_=ARRAY(element) if is_postgres(session) else String)


def _list_value(session: Session, values: Sequence[str]) -> object:
    return list(values) if is_postgres(session) else json.dumps(list(values))


def _last_gave(session: Session, team_id, user_ids, since):  # type: ignore[no-untyped-def]
    """Latest give-back by each U in `user_ids` to each P since `since`: `/gave @P` or *I asked*.
    Older give-backs cannot matter: every act inside the window is after them anyway."""
    gave = select(
        HelpEdge.helper_id.label("user_id"),
        HelpEdge.recipient_id.label("other_id"),
        HelpEdge.happened_at.label("at"),
    ).where(
        HelpEdge.team_id == team_id,
        _among(session, HelpEdge.helper_id, user_ids),
        HelpEdge.happened_at >= since,
        HelpEdge.source == Source.GAVE_COMMAND.value,
        HelpEdge.reporter_id == HelpEdge.helper_id,
        HelpEdge.active.is_(True),
    )
    asked = select(
        GiveBack.user_id.label("user_id"), GiveBack.other_id.label("other_id"), GiveBack.at.label("at")
    ).where(
        GiveBack.team_id == team_id,
        _among(session, GiveBack.user_id, user_ids),
        GiveBack.at >= since,
        GiveBack.active.is_(True),
    )
    both = union_all(gave, asked).subquery("gives")
    return (
        select(both.c.user_id, both.c.other_id, func.max(both.c.at).label("at"))
        .group_by(both.c.user_id, both.c.other_id)
        .subquery("last_gave")
    )


def _counted(h, team_id, since, now) -> list:  # type: ignore[no-untyped-def,type-arg]
    """What makes an act of help count toward a digest, the same everywhere planning reads the
    ledger: the workspace's active acts inside the window, nobody helping themselves, by the
    recipient's own word."""
    return [
        h.team_id == team_id,
        h.happened_at >= since,
        h.happened_at <= now,
        h.active.is_(True),
        h.helper_id != h.recipient_id,
        counts_as_evidence(h),
    ]


def _help_received(session: Session, team_id, ids, since, now):  # type: ignore[no-untyped-def]
    """Each (U, P) of the batch: P's acts of help to U inside the window and after U's last
    give-back to P (counted, latest), with that give-back. One index range per U."""
    last_gave = _last_gave(session, team_id, ids, since)
    h = HelpEdge
    return (
        select(
            h.recipient_id.label("user_id"),
            h.helper_id.label("other_id"),
            func.count().label("unreturned"),
            func.max(h.happened_at).label("last_help_at"),
            last_gave.c.at.label("last_gave_at"),
        )
        .select_from(h)
        .outerjoin(last_gave, and_(last_gave.c.user_id == h.recipient_id, last_gave.c.other_id == h.helper_id))
        .where(
            *_counted(h, team_id, since, now),
            _among(session, h.recipient_id, ids),
            or_(last_gave.c.at.is_(None), h.happened_at > last_gave.c.at),
        )
        .group_by(h.recipient_id, h.helper_id, last_gave.c.at)
        .subquery("help")
    )


def _last_suggested(session: Session, team_id, ids, since):  # type: ignore[no-untyped-def]
    return (
        select(DigestItem.user_id, DigestItem.other_id, func.max(DigestItem.suggested_at).label("at"))
        .where(
            DigestItem.team_id == team_id, _among(session, DigestItem.user_id, ids), DigestItem.suggested_at >= since
        )
        .group_by(DigestItem.user_id, DigestItem.other_id)
        .subquery("suggested")
    )


def _with_pair_rules(help_agg, rule, suggested, team_id):  # type: ignore[no-untyped-def]
    """Each (U, P) aggregate joined to U's rule about P (muted, snoozed) and to when P was last
    suggested to U: what the rules need besides the aggregate itself."""
    return help_agg.outerjoin(
        rule,
        and_(rule.team_id == team_id, rule.user_id == help_agg.c.user_id, rule.other_id == help_agg.c.other_id),
    ).outerjoin(
        suggested,
        and_(suggested.c.user_id == help_agg.c.user_id, suggested.c.other_id == help_agg.c.other_id),
    )


def _unsuggestable(team_id: str):  # type: ignore[no-untyped-def]
    """Everyone in the workspace nobody is ever pointed to: bots, deleted accounts, and people who
    asked not to be suggested. Few people, each found through a partial index (0004), so the
    list costs the same however large the workspace; planning tests each pair against it."""
    return union_all(
        select(SlackUser.user_id).where(SlackUser.team_id == team_id, text(UNSUGGESTABLE_USER_SQL)),
        select(UserSettings.user_id).where(UserSettings.team_id == team_id, text(OPTED_OUT_SQL)),
    )


def plan_pairs(
    session: Session,
    team_id: str,
    user_ids: Iterable[str],
    now: dt.datetime,
    *,
    lookback_days: int,
    repeat_after_days: int,
) -> dict[str, list[PairRow]]:
    """Every candidate (U, P) for a batch of U, with every flag the rules in `bot/reciprocity.py`
    look at. The reference the planner is checked against (`plan_top` must pick what `pick` picks
    from these) and what the rules' tests read; digests themselves are planned by `plan_top`."""
    ids = sorted(set(user_ids))
    if not ids:
        return {}
    since = now - dt.timedelta(days=lookback_days)
    help_agg = _help_received(session, team_id, ids, since, now)
    suggested = _last_suggested(session, team_id, ids, now - dt.timedelta(days=max(repeat_after_days, 0)))
    other_settings = aliased(UserSettings)
    other_user = aliased(SlackUser)
    rule = aliased(SuggestionRule)
    statement = (
        select(
            help_agg.c.user_id,
            help_agg.c.other_id,
            help_agg.c.unreturned,
            help_agg.c.last_help_at,
            help_agg.c.last_gave_at,
            func.coalesce(rule.muted, False),
            rule.snoozed_until,
            suggested.c.at,
            func.coalesce(other_settings.suggestable, True),
            func.coalesce(other_user.is_bot, False),
            func.coalesce(other_user.deleted, False),
            func.coalesce(other_user.real_name, other_user.name),
        )
        .select_from(_with_pair_rules(help_agg, rule, suggested, team_id))
        .outerjoin(
            other_settings,
            and_(other_settings.team_id == team_id, other_settings.user_id == help_agg.c.other_id),
        )
        .outerjoin(other_user, and_(other_user.team_id == team_id, other_user.user_id == help_agg.c.other_id))
    )
    result: dict[str, list[PairRow]] = {}
    for user, other, unreturned, last_help, last_gave, muted, snoozed, at, suggestable, bot, gone, name in (
        session.connection().execute(statement).all()
    ):
        result.setdefault(user, []).append(
            PairRow(
                user,
                other,
                unreturned,
                last_help,
                last_gave,
                bool(muted),
                snoozed,
                at,
                bool(suggestable),
                bool(bot),
                bool(gone),
                name,
            )
        )
    return result


class ReasonRow(NamedTuple):
    """One act of help as a digest quotes it: what, where, when. (Named tuples: planning builds
    one per quoted act and one per suggestion, and a frozen dataclass costs ~3x as much to build.)"""

    reason: str | None
    source: str
    happened_at: dt.datetime
    channel_id: str | None


class Suggestion(NamedTuple):
    """One person P that U's digest names: P's unreturned help to U and its latest acts."""

    other_id: str
    unreturned: int
    last_help_at: dt.datetime
    last_gave_at: dt.datetime | None
    other_name: str | None
    reasons: tuple[Any, ...]  # ReasonRow, or the type `plan_top` was given


def plan_top(
    session: Session,
    team_id: str,
    user_ids: Iterable[str],
    now: dt.datetime,
    *,
    lookback_days: int,
    repeat_after_days: int,
    limit: int,
    per_pair: int = 3,
    reason: Callable[[str | None, str, dt.datetime, str | None], Any] = ReasonRow,
) -> dict[str, list[Suggestion]]:
    """Each person's digest for a batch: their best `limit` people, best first, each with the
    latest `per_pair` unreturned acts (newest first) and a display name.

    The rules are those of `bot/reciprocity.py` (the window, self and the give-back cutoff, then
    skip muted, snoozed, bots, deleted, opted out, suggested recently with no help since) and the
    ranking its `rank_key` (unreturned acts, latest help, other id); tests/storage/test_plan_limit.py
    checks on random ledgers, on both backends, that this picks what `pick` picks from `plan_pairs`
    (the reference aggregate). Where the work runs depends on where the database does:

    - PostgreSQL runs in its own process, on its own core: ONE statement a batch ranks in the
      database and looks the chosen pairs' acts up with a LATERAL "latest N" (`_ranked_on_server`);
      only the chosen pairs cross the wire.
    - SQLite runs inside this process: there, SQL's window sort and a correlated look-up per
      chosen pair cost twice the aggregate itself, while grouping the batch's ~15 index entries a
      person in Python costs less (`_ranked_in_process`).
    (Measured both ways on both backends: BENCHMARKS.md, "Digest planning".)

    Each act is built by `reason(text, source, happened_at, channel_id)`: `ReasonRow` unless the
    caller passes its own type with those fields (the digest service passes its view's), so no
    act is built twice.
    """
    ids = sorted(set(user_ids))
    if not ids:
        return {}
    params = {
        "team": team_id,
        "ids": _list_value(session, ids),
        "now": now,
        "since": now - dt.timedelta(days=lookback_days),
        # Suggested after this instant: skipped unless the person helped again since.
        "repeat": now - dt.timedelta(days=max(repeat_after_days, 0)),
    }
    ranked = _ranked_on_server if is_postgres(session) else _ranked_in_process
    return ranked(session, params, limit, per_pair, reason)


def _ranked_in_process(
    session: Session, params: dict[str, Any], limit: int, per_pair: int, reason: Callable[..., Any]
) -> dict[str, list[Suggestion]]:
    """`plan_top` with the grouping and ranking here: a few statements, each an index range over
    the batch's people (`_Plan`): the acts that count (index entries only: who, whom, when, id),
    each pair's last give-back, the pairs and people the rules skip; then the table rows of the
    quoted acts only, with the chosen people's names. Timestamps are compared as the driver
    returns them (SQLite's fixed-width text sorts in time order) and converted only for the acts
    a digest quotes."""
    plan = _Plan.for_session(session)
    conn = session.connection()
    acts = conn.execute(plan.acts, params).all()
    gave = {(u, o): at for u, o, at in conn.execute(plan.gave, params).all()}
    skipped = set(conn.execute(plan.skipped, params).all())
    suggested = {(u, o): at for u, o, at in conn.execute(plan.suggested, params).all()}
    never = set(conn.scalars(plan.never, params).all())
    chosen = _rank(_unreturned(acts, gave), skipped, suggested, never, limit, per_pair)
    if not chosen:
        return {}
    quoted = [act_id for _, _, _, latest in chosen for _, act_id in latest]
    details = {row[0]: row for row in conn.execute(plan.details, {"acts": _list_value(session, quoted)}).all()}
    others = sorted({other for _, other, _, _ in chosen})
    names = dict(conn.execute(plan.names, {"team": params["team"], "ids": _list_value(session, others)}).all())
    out: dict[str, list[Suggestion]] = {}
    for user, other, unreturned, latest in chosen:
        reasons = []
        for _, act_id in latest:
            _, said, source, happened_at, channel = details[act_id]
            reasons.append(reason(said, source, _utc(happened_at), channel))
        cutoff = gave.get((user, other))
        last_gave = None if cutoff is None else _utc(cutoff)
        suggestion = Suggestion(other, unreturned, reasons[0].happened_at, last_gave, names.get(other), tuple(reasons))
        out.setdefault(user, []).append(suggestion)
    return out


def _utc(value):  # type: ignore[no-untyped-def]
    """`utc_from_driver`, inlined for SQLite's text (this runs per quoted act)."""
    return dt.datetime.fromisoformat(value + "+00:00") if value.__class__ is str else utc_from_driver(value)


Acts = list[tuple[Any, int]]  # (happened_at as the driver returns it, act id)


def _unreturned(rows: Sequence, gave: dict[tuple[str, str], Any]) -> dict[tuple[str, str], Acts]:  # type: ignore[type-arg]
    """The counted acts grouped by (U, P), keeping only those after U's last give-back to P."""
    pairs: dict[tuple[str, str], Acts] = {}
    for user, other, at, act_id in rows:
        key = (user, other)
        cutoff = gave.get(key)
        if cutoff is not None and at <= cutoff:
            continue
        acts = pairs.get(key)
        if acts is None:
            pairs[key] = [(at, act_id)]
        else:
            acts.append((at, act_id))
    return pairs


def _rank(
    pairs: dict[tuple[str, str], Acts],
    skipped: set[tuple[str, str]],
    suggested: dict[tuple[str, str], Any],
    never: set[str],
    limit: int,
    per_pair: int,
) -> list[tuple[str, str, int, Acts]]:
    """(U, P, unreturned, latest acts) for each person's best `limit` pairs, best first: the rules
    of `bot.reciprocity.skip_reason` that the window and the give-back cutoff leave, then its
    `rank_key`. Acts sort newest first, the later-recorded first among equal instants."""
    by_user: dict[str, list[tuple[int, Any, str, Acts]]] = {}
    for key, acts in pairs.items():
        user, other = key
        if other in never or key in skipped:
            continue
        latest = max(acts) if len(acts) > 1 else acts[0]
        last_suggested = suggested.get(key)
        if last_suggested is not None and latest[0] <= last_suggested:
            continue  # suggested within the repeat window, and no help since
        by_user.setdefault(user, []).append((len(acts), latest[0], other, acts))
    chosen = []
    for user, candidates in by_user.items():
        candidates.sort(key=itemgetter(2))  # stable sorts: other id ascending breaks the ties below
        candidates.sort(key=itemgetter(0, 1), reverse=True)
        for unreturned, _, other, acts in candidates[:limit]:
            latest_acts = sorted(acts, reverse=True)[:per_pair] if len(acts) > 1 else acts
            chosen.append((user, other, unreturned, latest_acts))
    return chosen


@dataclass(frozen=True)
class _Plan:
    """`plan_top`'s statements for one dialect, built once and then only executed (building
    them cost SQLAlchemy more per batch than running some of them)."""

    acts: Select  # type: ignore[type-arg]
    gave: Select  # type: ignore[type-arg]
    skipped: Select  # type: ignore[type-arg]
    suggested: Select  # type: ignore[type-arg]
    never: Select  # type: ignore[type-arg]
    details: Select  # type: ignore[type-arg]
    names: Select  # type: ignore[type-arg]

    @classmethod
    def for_session(cls, session: Session) -> _Plan:
        dialect = session.get_bind().dialect.name
        plan = _PLANS.get(dialect)
        if plan is None:
            plan = _PLANS[dialect] = cls._build(session)
        return plan

    @classmethod
    def _build(cls, session: Session) -> _Plan:
        team, ids = bindparam("team", type_=String), _list_param(session, "ids")
        now, since, repeat = (bindparam(n, type_=UTCDateTime()) for n in ("now", "since", "repeat"))
        raw = NullType()  # timestamps as the driver returns them: compared as they are, converted once
        h = HelpEdge
        acts = select(h.recipient_id, h.helper_id, type_coerce(h.happened_at, raw), h.id).where(
            *_counted(h, team, since, now),
            _among(session, h.recipient_id, ids),
        )
        last_gave = _last_gave(session, team, ids, since)
        gave = select(last_gave.c.user_id, last_gave.c.other_id, type_coerce(last_gave.c.at, raw))
        rule = SuggestionRule
        skipped = select(rule.user_id, rule.other_id).where(
            rule.team_id == team,
            _among(session, rule.user_id, ids),
            or_(rule.muted.is_(True), rule.snoozed_until > now),
        )
        item = DigestItem
        suggested = (
            select(item.user_id, item.other_id, type_coerce(func.max(item.suggested_at), raw))
            .where(item.team_id == team, _among(session, item.user_id, ids), item.suggested_at > repeat)
            .group_by(item.user_id, item.other_id)
        )
        never = _unsuggestable(team)
        details = select(h.id, h.reason, h.source, type_coerce(h.happened_at, raw), h.channel_id).where(
            _among(session, h.id, _list_param(session, "acts", BigInteger))
        )
        names = select(SlackUser.user_id, func.coalesce(SlackUser.real_name, SlackUser.name)).where(
            SlackUser.team_id == team, _among(session, SlackUser.user_id, ids)
        )
        return cls(acts, gave, skipped, suggested, select(never.subquery().c[0]), details, names)


_PLANS: dict[str, _Plan] = {}


def _ranked_on_server(
    session: Session, params: dict[str, Any], limit: int, per_pair: int, reason: Callable[..., Any]
) -> dict[str, list[Suggestion]]:
    """`plan_top` in ONE statement: the database aggregates, applies the rules, ranks, and looks
    each chosen pair's acts up with a correlated LATERAL "latest N", an index range that stops
    after N."""
    statement = _plan_top_statement(session, limit, per_pair)
    return _suggestions(session.connection().execute(statement, params).all(), reason)


_PLAN_TOP_STATEMENTS: dict[tuple[str, int, int], Select] = {}  # type: ignore[type-arg]


def _plan_top_statement(session: Session, limit: int, per_pair: int) -> Select:  # type: ignore[type-arg]
    """`plan_top`'s statement, built once per dialect and limits and then only executed: building
    this many clauses cost SQLAlchemy ~20 ms a batch, a tenth of planning."""
    key = (session.get_bind().dialect.name, limit, per_pair)
    statement = _PLAN_TOP_STATEMENTS.get(key)
    if statement is None:
        statement = _PLAN_TOP_STATEMENTS[key] = _build_plan_top(session, limit, per_pair)
    return statement


def _build_plan_top(session: Session, limit: int, per_pair: int) -> Select:  # type: ignore[type-arg]
    team_id, ids = bindparam("team", type_=String), _list_param(session, "ids")
    now, since, repeat = (bindparam(n, type_=UTCDateTime()) for n in ("now", "since", "repeat"))
    help_agg = _help_received(session, team_id, ids, since, now)
    suggested = _last_suggested(session, team_id, ids, repeat)
    rule = aliased(SuggestionRule)
    rank_other = help_agg.c.other_id.collate("C")  # code point order, as Python compares the ids
    top = (
        select(
            help_agg.c.user_id,
            help_agg.c.other_id,
            help_agg.c.unreturned,
            help_agg.c.last_help_at,
            help_agg.c.last_gave_at,
            func.row_number()
            .over(
                partition_by=help_agg.c.user_id,
                order_by=(help_agg.c.unreturned.desc(), help_agg.c.last_help_at.desc(), rank_other),
            )
            .label("pos"),
        )
        .select_from(_with_pair_rules(help_agg, rule, suggested, team_id))
        .where(
            help_agg.c.other_id.not_in(_unsuggestable(team_id)),
            func.coalesce(rule.muted, False).is_(False),
            or_(rule.snoozed_until.is_(None), rule.snoozed_until <= now),
            or_(suggested.c.at.is_(None), suggested.c.at <= repeat, help_agg.c.last_help_at > suggested.c.at),
        )
        .subquery("ranked")
    )
    # Each chosen person's name is looked up once, before their acts multiply the rows.
    other = aliased(SlackUser)
    top = (
        select(top, func.coalesce(other.real_name, other.name).label("name"))
        .outerjoin(other, and_(other.team_id == team_id, other.user_id == top.c.other_id))
        .where(top.c.pos <= limit)
        .cte("top")
    )
    act, joined = _latest_acts(team_id, top, since, now, per_pair)
    raw = NullType()  # timestamps as the driver returns them: `_suggestions` converts each once
    return (
        select(
            top.c.user_id,
            top.c.other_id,
            top.c.unreturned,
            type_coerce(top.c.last_gave_at, raw),
            top.c.name,
            act.reason,
            act.source,
            type_coerce(act.happened_at, raw),
            act.channel_id,
        )
        .select_from(joined)
        .order_by(top.c.user_id, top.c.pos, act.happened_at.desc(), act.id.desc())
    )


def _latest_acts(team_id, top, since, now, per_pair: int):  # type: ignore[no-untyped-def]
    """`top` joined to the latest `per_pair` acts of each of its pairs that count (inside the
    window, after the pair's last give-back, the recipient's own word): (columns, FROM clause)."""
    h = aliased(HelpEdge)
    latest = (
        select(h)
        .where(
            *_counted(h, team_id, since, now),
            h.recipient_id == top.c.user_id,
            h.helper_id == top.c.other_id,
            h.happened_at > func.coalesce(top.c.last_gave_at, since),
        )
        # Newest first, the later-recorded first among equal instants (as the rows are ordered):
        # the recipient index is in time order, so only acts at the same instant are sorted and
        # the range still stops after `per_pair` entries. Without the tie-break, PostgreSQL chose
        # any of the acts at an instant shared with a later one.
        .order_by(h.happened_at.desc(), h.id.desc())
        .limit(per_pair)
    )
    acts = latest.with_only_columns(h.id, h.reason, h.source, h.happened_at, h.channel_id).lateral("act")
    return acts.c, top.join(acts, true())


def _suggestions(rows: Sequence, reason: Callable[..., Any] = ReasonRow) -> dict[str, list[Suggestion]]:  # type: ignore[type-arg]
    """Rows of `plan_top` (one per act, ordered by person, rank, newest act) as suggestions. A
    pair's latest help is its newest act, the first of its rows: one timestamp parsed, not two.
    (This runs per act.)"""
    out: dict[str, list[Suggestion]] = {}
    user_id = other_id = None
    head: tuple | None = None  # type: ignore[type-arg]
    reasons: list[Any] = []
    for user, other, unreturned, last_gave, name, said, source, happened_at, channel in rows:
        at = utc_from_driver(happened_at)
        if other != other_id or user != user_id:
            if head is not None:
                out.setdefault(user_id, []).append(Suggestion(*head, tuple(reasons)))  # type: ignore[arg-type]
            user_id, other_id, reasons = user, other, []
            head = (other, unreturned, at, None if last_gave is None else utc_from_driver(last_gave), name)
        reasons.append(reason(said, source, at, channel))
    if head is not None:
        out.setdefault(user_id, []).append(Suggestion(*head, tuple(reasons)))  # type: ignore[arg-type]
    return out


def raw_help_aggregate(
    session: Session, team_id: str, now: dt.datetime, lookback_days: int, *, fetch: bool = False
) -> int:
    """The planning benchmark's lower bound: one GROUP BY (recipient, helper) over the same records
    planning reads — the workspace's active acts inside the look-back window, by the recipient's
    own words, nobody thanking themselves — for everyone at once. Returns the number of pairs.

    `fetch=True` brings every (U, P, count, latest) row into Python, as planning must;
    `fetch=False` has the database count the groups, so it measures database work alone.
    It leaves out what planning adds on top: the give-back cutoff, the rules, the reasons.
    """
    since = now - dt.timedelta(days=lookback_days)
    h = HelpEdge
    grouped = (
        # `last` as the driver returns it (no UTC conversion in Python): the cheapest way to have
        # the aggregate in the application, so a strict lower bound.
        select(
            h.recipient_id,
            h.helper_id,
            func.count().label("n"),
            type_coerce(func.max(h.happened_at), NullType()).label("last"),
        )
        .where(
            *_counted(h, team_id, since, now),
        )
        .group_by(h.recipient_id, h.helper_id)
    )
    if fetch:
        return len(session.connection().execute(grouped).all())
    return int(session.scalar(select(func.count()).select_from(grouped.subquery())) or 0)
