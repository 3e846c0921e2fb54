"""Thanks messages, edits, deletions and reactions through signed Events API requests."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from bot.sandbox import payloads
from tests.http.conftest import A_BOT, ALICE, BOB, CAROL, GENERAL, GONE, ME, ledger

BOT_USER = "U0GIVEBACK"


def post(bot, text: str, *, user: str = ME, event_id: str | None = None, **kw):  # type: ignore[no-untyped-def]
    """A person writes in #general: seed the sandbox, deliver the event, wait for side effects."""
    ts = bot.sandbox.post_user_message(GENERAL, user, text, thread_ts=kw.get("thread_ts"))
    event = payloads.message(GENERAL, user, text, ts=ts, **kw)
    response = bot.sender.event(event, event_id=event_id)
    assert response.status == 200, response.body
    bot.settle()
    return ts


def ack_reactions(bot, ts: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [r["name"] for r in bot.sandbox.reactions(GENERAL, ts) if BOT_USER in r["users"]]


def test_thanks_records_help_and_adds_the_ack_reaction(workspace) -> None:  # type: ignore[no-untyped-def]
    ts = post(workspace, f"thanks <@{ALICE}> for the quick review!")
    [(helper, recipient, source, _)] = ledger(workspace)
    assert (helper, recipient, source) == (ALICE, ME, "thanks_message")
    assert ack_reactions(workspace, ts) == ["handshake"]


def test_several_people_thanked_in_one_message(workspace) -> None:  # type: ignore[no-untyped-def]
    post(workspace, f"huge thanks to <@{ALICE}> and <@{BOB}> for the late nights")
    assert sorted(h for h, *_ in ledger(workspace)) == sorted([ALICE, BOB])


def test_chatter_records_nothing_and_gets_no_reaction(workspace) -> None:  # type: ignore[no-untyped-def]
    ts = post(workspace, f"<@{ALICE}> can you look at the deploy? <@{BOB}> fyi")
    assert ledger(workspace) == []
    assert ack_reactions(workspace, ts) == []


def test_thread_reply_without_mention_credits_the_parent_author(workspace) -> None:  # type: ignore[no-untyped-def]
    parent = workspace.sandbox.post_user_message(GENERAL, CAROL, "here's how to fix the VPN: ...")
    post(workspace, "thank you!", thread_ts=parent, parent_user_id=CAROL)
    assert [(h, r) for h, r, *_ in ledger(workspace)] == [(CAROL, ME)]


def test_redelivered_event_is_recorded_once(workspace) -> None:  # type: ignore[no-untyped-def]
    ts = workspace.sandbox.post_user_message(GENERAL, ME, f"thanks <@{ALICE}>")
    event = payloads.message(GENERAL, ME, f"thanks <@{ALICE}>", ts=ts)
    for retry in (None, 1, 2):
        assert workspace.sender.event(event, event_id="Ev0SAME", retry_num=retry).status == 200
    # The same message reaching us under another event id (another path) is still one act.
    assert workspace.sender.event(event, event_id="Ev0OTHER").status == 200
    workspace.settle()
    assert len(ledger(workspace)) == 1
    assert len([c for c in workspace.sandbox.calls("reactions.add")]) == 1


def test_edit_reconciles_added_and_removed_people(workspace) -> None:  # type: ignore[no-untyped-def]
    ts = post(workspace, f"thanks <@{ALICE}> and <@{BOB}>!")
    edit = payloads.message_changed(GENERAL, ts, f"thanks <@{BOB}> and <@{CAROL}>!", ME)
    assert workspace.sender.event(edit).status == 200
    assert sorted(h for h, *_ in ledger(workspace)) == sorted([BOB, CAROL])
    back = payloads.message_changed(GENERAL, ts, f"thanks <@{ALICE}>!", ME)
    assert workspace.sender.event(back).status == 200
    assert [h for h, *_ in ledger(workspace)] == [ALICE]


def test_editing_thanks_away_retracts_and_removes_the_reaction(workspace) -> None:  # type: ignore[no-untyped-def]
    ts = post(workspace, f"thanks <@{ALICE}>!")
    edit = payloads.message_changed(GENERAL, ts, f"<@{ALICE}> see the doc", ME)
    assert workspace.sender.event(edit).status == 200
    workspace.settle()
    assert ledger(workspace) == []
    assert ack_reactions(workspace, ts) == []


def test_editing_chatter_into_thanks_records_it(workspace) -> None:  # type: ignore[no-untyped-def]
    ts = post(workspace, f"<@{ALICE}> see the doc")
    workspace.sender.event(payloads.message_changed(GENERAL, ts, f"<@{ALICE}> thanks for the doc!", ME))
    workspace.settle()
    assert [h for h, *_ in ledger(workspace)] == [ALICE]
    assert ack_reactions(workspace, ts) == ["handshake"]


def test_deleting_the_message_retracts_its_records(workspace) -> None:  # type: ignore[no-untyped-def]
    ts = post(workspace, f"thanks <@{ALICE}> and <@{BOB}>")
    assert workspace.sender.event(payloads.message_deleted(GENERAL, ts, user=ME)).status == 200
    assert ledger(workspace) == []


def test_bot_messages_and_the_bots_own_are_ignored(workspace) -> None:  # type: ignore[no-untyped-def]
    other = payloads.bot_message(GENERAL, f"thanks <@{ALICE}>")
    own = payloads.bot_message(GENERAL, f"thanks <@{ALICE}>", bot_id="B0GIVEBACK", user=BOT_USER, subtype=False)
    for event in (other, own):
        assert workspace.sender.event(event).status == 200
    workspace.settle()
    assert ledger(workspace) == []


def test_self_mentions_bots_and_deleted_users_are_dropped(workspace) -> None:  # type: ignore[no-untyped-def]
    post(workspace, f"thanks <@{ME}>, <@{A_BOT}>, <@{GONE}> and <@{ALICE}>!")
    assert [h for h, *_ in ledger(workspace)] == [ALICE]


def test_a_bot_learnt_about_earlier_is_dropped_at_once(workspace) -> None:  # type: ignore[no-untyped-def]
    post(workspace, f"thanks <@{A_BOT}>")  # first sight: recorded, then dropped once users.info answers
    post(workspace, f"thanks again <@{A_BOT}>")  # now the cache knows: never recorded
    assert ledger(workspace) == []


def test_permalink_is_stored_after_the_ack(workspace) -> None:  # type: ignore[no-untyped-def]
    post(workspace, f"thanks <@{ALICE}>")
    from storage.help import active_edges

    with workspace.app.db.reader() as session:
        [permalink] = [edge.permalink for edge in active_edges(session, "T0SANDBOX")]
    assert permalink and permalink.startswith("https://")


def test_slack_failures_after_the_ack_never_undo_the_capture(workspace) -> None:  # type: ignore[no-untyped-def]
    workspace.sandbox.fail("reactions.add", error="internal_error", times=None)
    workspace.sandbox.fail("users.info", error="ratelimited", status=429, retry_after=0, times=None)
    workspace.sandbox.fail("chat.getPermalink", error="internal_error", times=None)
    post(workspace, f"thanks <@{ALICE}>")
    assert [h for h, *_ in ledger(workspace)] == [ALICE]


def test_a_database_error_answers_500_so_slack_retries_and_nothing_is_lost(workspace) -> None:  # type: ignore[no-untyped-def]
    db = workspace.app.db
    with db.engine.begin() as conn:
        conn.execute(text("ALTER TABLE help_edges RENAME TO help_edges_away"))
    ts = workspace.sandbox.post_user_message(GENERAL, ME, f"thanks <@{ALICE}>")
    event = payloads.message(GENERAL, ME, f"thanks <@{ALICE}>", ts=ts)
    assert workspace.sender.event(event, event_id="Ev0FAIL").status == 500
    with db.engine.begin() as conn:
        conn.execute(text("ALTER TABLE help_edges_away RENAME TO help_edges"))
    assert workspace.sender.event(event, event_id="Ev0FAIL", retry_num=1).status == 200
    assert [h for h, *_ in ledger(workspace)] == [ALICE]


# ---- reactions ----------------------------------------------------------------------------


def react(bot, user: str, name: str, ts: str, item_user: str, *, removed: bool = False) -> None:  # type: ignore[no-untyped-def]
    build = payloads.reaction_removed if removed else payloads.reaction_added
    assert bot.sender.event(build(user, name, GENERAL, ts, item_user)).status == 200
    bot.settle()


def test_thanks_reaction_records_help_from_the_author_and_removal_retracts(workspace) -> None:  # type: ignore[no-untyped-def]
    ts = workspace.sandbox.post_user_message(GENERAL, ALICE, "try restarting the VPN client")
    react(workspace, ME, "pray", ts, ALICE)
    assert [(h, r, s) for h, r, s, _ in ledger(workspace)] == [(ALICE, ME, "thanks_reaction")]
    react(workspace, ME, "pray::skin-tone-4", ts, ALICE)  # a second thanks emoji is the same act
    assert len(ledger(workspace)) == 1
    react(workspace, ME, "pray", ts, ALICE, removed=True)
    assert ledger(workspace) == []


@pytest.mark.parametrize(
    ("reactor", "name", "author"),
    [
        (ME, "pray", ME),  # on one's own message
        (ME, "pray", BOT_USER),  # on the bot's own message
        (BOT_USER, "handshake", ALICE),  # the bot's ack reaction
        (BOT_USER, "pray", ALICE),
        (ME, "thumbsup", ALICE),  # not a thanks reaction
        (ME, "pray", A_BOT),  # a known bot's message
    ],
)
def test_reactions_that_never_count(workspace, reactor: str, name: str, author: str) -> None:  # type: ignore[no-untyped-def]
    workspace.sandbox.update_user(A_BOT)  # make sure the sandbox knows it
    workspace.app.deps.directory.refresh("T0SANDBOX", [A_BOT])
    ts = workspace.sandbox.post_user_message(GENERAL, author, "some message")
    react(workspace, reactor, name, ts, author)
    assert ledger(workspace) == []


def test_a_429_on_the_ack_reaction_is_waited_out_and_retried(workspace) -> None:  # type: ignore[no-untyped-def]
    workspace.sandbox.fail("reactions.add", error="ratelimited", status=429, retry_after=1, times=1)
    ts = post(workspace, f"thanks <@{ALICE}>!")
    calls = [c for c in workspace.sandbox.calls("reactions.add") if c.args.get("timestamp") == ts]
    assert [c.status for c in calls] == [429, 200]
    assert calls[1].at - calls[0].at >= 0.9  # Retry-After: 1 was honoured
    assert ack_reactions(workspace, ts) == ["handshake"]
