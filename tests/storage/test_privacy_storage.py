"""forget and purge on SQLite and PostgreSQL: real deletion, in every table, one team only."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, or_, select

from storage import home, prefs
from storage import privacy as store
from storage.digests import SentItem, claim, mark_sent
from storage.help import NewEdge, claim_event, upsert_edges
from storage.models import Base, ClaimStatus
from storage.users import ensure_workspace, save_user

NOW = dt.datetime(2025, 3, 12, 9, 0, tzinfo=dt.UTC)
A, B = "T0A", "T0B"
ME, ALICE, BOB = "U0MIA", "U0ALICE", "U0BOB"


def seed(session, team: str) -> None:  # type: ignore[no-untyped-def]
    ensure_workspace(session, team, "U0BOT", NOW)
    for user in (ME, ALICE, BOB):
        save_user(session, team, user, now=NOW, name=user, real_name=None, tz="UTC", is_bot=False, deleted=False)
        prefs.ensure_user(session, team, user, NOW)
    edges = [
        NewEdge(team, ALICE, ME, "got_command", "k1", ME, NOW, "pairing"),
        NewEdge(team, ME, BOB, "gave_command", "k2", ME, NOW, "review"),
        NewEdge(team, ME, ALICE, "thanks_message", "C1:1.0", ALICE, NOW, "thanks"),
        NewEdge(team, BOB, ALICE, "got_command", "k3", ALICE, NOW, "unrelated"),
        NewEdge(team, BOB, ME, "gave_command", "k4", BOB, NOW, "a claim"),
    ]
    upsert_edges(session, edges, NOW)
    prefs.set_muted(session, team, ME, BOB, NOW, muted=True)
    prefs.set_muted(session, team, ALICE, ME, NOW, muted=True)  # someone else's wish about me
    prefs.record_ask(session, team, ALICE, ME, NOW)
    for user, other in ((ME, ALICE), (ALICE, ME), (BOB, ALICE)):
        (c,) = [x for x in claim(session, [(team, user, NOW.date())], NOW, "t", NOW) if x.user_id == user]
        mark_sent(session, c, "t", NOW, "D1", "1.0", (SentItem(other, 1, 1, NOW),))
    claim_event(session, team, "Ev1", NOW)


def rows_naming(session, team: str, user: str) -> dict[str, int]:  # type: ignore[no-untyped-def]
    out = {}
    for table in Base.metadata.sorted_tables:
        cols = [table.c[n] == user for n in store.PERSON_COLUMNS if n in table.c]
        if "team_id" in table.c and cols:
            n = session.scalar(select(func.count()).select_from(table).where(table.c.team_id == team, or_(*cols)))
            if n:
                out[table.name] = n
    return out


def test_forget_deletes_every_row_naming_the_person_in_that_team_only(database) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        seed(session, A)
        seed(session, B)
    with database.transaction() as session:
        counts = store.forget_user(session, A, ME, NOW)
    assert counts["help_edges"] == 4 and counts["digests"] == 1
    with database.reader() as session:
        # Only the "don't record me" settings row remains.
        assert rows_naming(session, A, ME) == {"user_settings": 1}
        assert store.capture_enabled(session, A, ME) is False
        assert prefs.get_prefs(session, A, ME).suggestable is False
        assert home.count_people(session, A, ALICE) == 1  # Alice keeps her record with Bob
        assert rows_naming(session, B, ME)["help_edges"] == 4  # the other workspace is untouched
    with database.transaction() as session:
        assert store.forget_user(session, A, ME, NOW) == {}  # a replay finds nothing new
        assert store.opt_in(session, A, ME, NOW) is True
        assert store.opt_in(session, A, ME, NOW) is False
    with database.reader() as session:
        assert store.capture_enabled(session, A, ME) is True


def test_purge_deletes_every_row_of_the_workspace(database) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        seed(session, A)
        seed(session, B)
        store.mark_uninstalled(session, A, NOW)
        store.mark_uninstalled(session, A, NOW + dt.timedelta(days=1))  # replay keeps the first time
    with database.reader() as session:
        assert store.uninstalled_before(session, NOW - dt.timedelta(seconds=1)) == []
        assert store.uninstalled_before(session, NOW) == [A]
    with database.transaction() as session:
        store.purge_workspace(session, A)
    with database.reader() as session:
        for table in Base.metadata.sorted_tables:
            if "team_id" in table.c:
                left = session.scalar(select(func.count()).select_from(table).where(table.c.team_id == A))
                assert left == 0, table.name
        assert home.count_people(session, B, ME) == 2  # Alice and Bob, untouched in B


def test_export_streams_every_record_in_id_order(database) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        seed(session, A)
        upsert_edges(
            session, [NewEdge(A, ALICE, ME, "got_command", f"bulk{n}", ME, NOW, None) for n in range(1203)], NOW
        )
    with database.reader() as session:
        ids = [r["id"] for r in store.iter_help_records(session, A, ME, batch=100)]
        digests = list(store.iter_digests(session, A, ME, batch=1))
    assert len(ids) == 1203 + 4 and ids == sorted(ids)
    assert [d["suggested"][0]["other_id"] for d in digests] == [ALICE]


def test_home_queries_balances_claims_undo(database) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        seed(session, A)
    with database.transaction() as session:
        people = {b.other_id: (b.helped_you, b.you_helped) for b in home.balances(session, A, ME, offset=0, limit=10)}
        assert people == {ALICE: (1, 1), BOB: (0, 1)}  # Bob's unconfirmed claim is not in the ledger
        (claimed,) = home.claims(session, A, ME, limit=5)
        assert home.review_claim(session, A, ALICE, claimed.id, ClaimStatus.CONFIRMED) == 0  # not Alice's
        assert home.review_claim(session, B, ME, claimed.id, ClaimStatus.CONFIRMED) == 0  # not that team
        assert home.review_claim(session, A, ME, claimed.id, ClaimStatus.CONFIRMED) == 1
        assert home.balance_with(session, A, ME, BOB) is not None
        assert home.balance_with(session, A, ME, BOB).helped_you == 1  # type: ignore[union-attr]
        thanks = next(r for r in home.records_with(session, A, ME, ALICE) if r.source == "thanks_message")
        assert thanks.undoable is False and home.undo_record(session, A, ME, thanks.id, NOW) == 0
        mine = next(r for r in home.records_with(session, A, ME, ALICE) if r.undoable)
        assert home.undo_record(session, B, ME, mine.id, NOW) == 0
        assert home.undo_record(session, A, ME, mine.id, NOW) == 1
        assert home.undo_record(session, A, ME, mine.id, NOW) == 0
