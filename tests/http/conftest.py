"""A small workspace in the sandbox for listener tests."""

from __future__ import annotations

import pytest

ME, ALICE, BOB, CAROL = "U0MIA", "U0ALICE", "U0BOB", "U0CAROL"
A_BOT, GONE = "U0DEPLOYBOT", "U0GONE"
GENERAL = "C0GENERAL"


@pytest.fixture
def workspace(running_bot):  # type: ignore[no-untyped-def]
    sandbox = running_bot.sandbox
    sandbox.add_user(ME, "mia", tz="Europe/Berlin")
    sandbox.add_user(ALICE, "alice", tz="America/New_York")
    sandbox.add_user(BOB, "bob", tz="Asia/Tokyo")
    sandbox.add_user(CAROL, "carol", tz="Europe/London")
    sandbox.add_user(A_BOT, "deploybot", is_bot=True)
    sandbox.add_user(GONE, "gone", deleted=True)
    sandbox.add_channel(GENERAL, "general")
    return running_bot


def ledger(bot) -> list[tuple[str, str, str, str | None]]:  # type: ignore[no-untyped-def]
    """Active acts of help as (helper, recipient, source, reason), oldest first."""
    from storage.help import active_edges

    with bot.app.db.reader() as session:
        return [(e.helper_id, e.recipient_id, e.source, e.reason) for e in active_edges(session, "T0SANDBOX")]
