"""`plan_top` groups the counted acts, applies the rules and ranks on its own (fast paths over the
driver's values); it must choose exactly what the pure rules (`bot.reciprocity.pick`) choose from
every pair (`plan_pairs`, the reference aggregate in SQL), in the same order, with the same counts
and quoted acts. Random ledgers with every kind of skip and tie, both backends."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from bot.digest import DigestService, pair_stats
from bot.reciprocity import Limits, pick
from bot.settings import Settings
from storage import digests as store
from storage import planning, prefs
from storage.help import NewEdge, upsert_edges
from storage.users import save_user

T = "T1"
NOW = dt.datetime(2025, 3, 10, 8, 0, tzinfo=dt.UTC)
LIMITS = Limits(lookback_days=14, max_suggestions=3, repeat_after_days=7)
READERS = [f"UR{n}" for n in range(6)]
OTHERS = [f"UP{n}" for n in range(12)]


def _ledger(database, rng: random.Random) -> list[NewEdge]:  # type: ignore[no-untyped-def]
    edges = []
    for n in range(160):
        reader, other = rng.choice(READERS), rng.choice(OTHERS)
        # Few distinct instants, so equal counts with equal latest times happen: the tie-break matters.
        at = NOW - dt.timedelta(days=rng.choice([0.5, 1, 2, 3, 16]))
        roll = rng.random()
        if roll < 0.15:  # the reader's own /gave @other: a give-back
            helper, recipient, source, reporter = reader, other, "gave_command", reader
        elif roll < 0.25:  # the other's unconfirmed claim to have helped: not evidence
            helper, recipient, source, reporter = other, reader, "gave_command", other
        else:  # the reader's own /got: evidence
            helper, recipient, source, reporter = other, reader, "got_command", reader
        edges.append(NewEdge(T, helper, recipient, source, f"k{n}", reporter, at, reason=f"r{n}"))
    with database.transaction() as s:
        upsert_edges(s, edges, NOW)
        for other in OTHERS:
            kind = rng.random()
            save_user(
                s, T, other, now=NOW, name=other, real_name=None, tz=None, is_bot=kind < 0.1, deleted=0.1 <= kind < 0.2
            )
            if rng.random() < 0.1:
                prefs.set_suggestable(s, T, other, NOW, suggestable=False)
        for reader in READERS:
            for other in rng.sample(OTHERS, 4):
                roll = rng.random()
                if roll < 0.25:
                    prefs.set_muted(s, T, reader, other, NOW, muted=True)
                elif roll < 0.5:
                    until = NOW + dt.timedelta(days=rng.choice([-1, 3]))  # one lapsed, one in force
                    prefs.snooze(s, T, reader, other, NOW - dt.timedelta(days=2), until)
                elif roll < 0.75:
                    prefs.record_ask(s, T, reader, other, NOW - dt.timedelta(hours=rng.randrange(1, 300)))
            # Earlier digests: recent and old suggestions, with help before and after them.
            for day in rng.sample(range(1, 12), 2):
                (claim,) = store.claim(s, [(T, reader, (NOW - dt.timedelta(days=day)).date())], NOW, "p", NOW)
                suggested = [store.SentItem(o, i, 1, NOW) for i, o in enumerate(rng.sample(OTHERS, 3), 1)]
                store.mark_sent(s, claim, "p", NOW - dt.timedelta(days=day), "D", f"{day}.0", suggested)
    return edges


def _latest_acts(
    edges: list[NewEdge], pair: planning.PairRow, per_pair: int = 3
) -> list[tuple[str | None, dt.datetime]]:
    """The acts a digest quotes for a pair, from the ledger as written: the recipient's own word,
    inside the window, after the pair's last give-back; newest first, the later-recorded first
    among equal instants (edges are inserted in order, so ids follow the list)."""
    since = NOW - dt.timedelta(days=LIMITS.lookback_days)
    counted = [
        (n, e)
        for n, e in enumerate(edges)
        if (e.recipient_id, e.helper_id, e.reporter_id) == (pair.user_id, pair.other_id, pair.user_id)
        and since <= e.happened_at <= NOW
        and (pair.last_gave_at is None or e.happened_at > pair.last_gave_at)
    ]
    counted.sort(key=lambda ne: (ne[1].happened_at, ne[0]), reverse=True)
    return [(e.reason, e.happened_at) for _, e in counted[:per_pair]]


@pytest.mark.parametrize("seed", range(6))
def test_the_planner_picks_what_the_rules_pick_from_every_pair(database, seed: int) -> None:  # type: ignore[no-untyped-def]
    edges = _ledger(database, random.Random(seed))
    with database.reader() as s:
        every = planning.plan_pairs(s, T, READERS, NOW, lookback_days=14, repeat_after_days=7)
        planned = planning.plan_top(s, T, READERS, NOW, lookback_days=14, repeat_after_days=7, limit=3)
    compared = 0
    for reader in READERS:
        expected = pick(reader, [pair_stats(p) for p in every.get(reader, [])], NOW, LIMITS)
        chosen = planned.get(reader, [])
        assert [(p.other_id, p.unreturned, p.last_help_at) for p in chosen] == [
            (p.other_id, p.unreturned, p.last_help_at) for p in expected
        ]
        pairs = {p.other_id: p for p in every.get(reader, [])}
        for p in chosen:
            assert p.last_gave_at == pairs[p.other_id].last_gave_at
            assert [(r.reason, r.happened_at) for r in p.reasons] == _latest_acts(edges, pairs[p.other_id])
        compared += len(expected)
    assert compared > 0  # the ledger did produce suggestions to compare


@pytest.mark.parametrize("workers", [1, 3])
def test_a_pass_planned_in_batches_on_several_connections_gives_each_person_their_own_digest(
    database, database_url: str, workers: int
) -> None:  # type: ignore[no-untyped-def]
    """A pass plans its claims in batches, on PostgreSQL several at once: every person still gets
    the digest they would get planned alone, in the claims' order, whichever batch or thread
    planned them."""
    _ledger(database, random.Random(7))
    settings = Settings(database_url=database_url, slack_bot_token="xoxb-test", _env_file=None)  # type: ignore[arg-type]
    service = DigestService(
        settings=settings, db=database, slack=None, clock=lambda: NOW, batch_size=2, plan_workers=workers
    )  # type: ignore[arg-type]
    claims = [
        store.Claim(id=n, team_id=T, user_id=reader, local_date=NOW.date(), claimed_at=NOW)
        for n, reader in enumerate(reversed(READERS))
    ]

    together = service.plan(claims, NOW)

    alone = [service.plan([claim], NOW)[0] for claim in claims]
    assert [p.claim.user_id for p in together] == [c.user_id for c in claims]
    assert [p.view.people for p in together] == [p.view.people for p in alone]
    assert sum(len(p.view.people) for p in together) > 0  # someone had people to be suggested
