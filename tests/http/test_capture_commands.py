"""/got and /gave through signed HTTP into the real Bolt app, with the sandbox as Slack."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import ids
from bot.sandbox import payloads
from tests.http.conftest import A_BOT, ALICE, BOB, GONE, ME, ledger


def command(bot, name: str, text: str, **kw):  # type: ignore[no-untyped-def]
    response = bot.sender.command(name, text, user_id=kw.pop("user_id", ME), **kw)
    assert response.status == 200, response.body
    return response.json()


def test_got_records_each_person_with_the_reason_and_offers_undo(workspace) -> None:  # type: ignore[no-untyped-def]
    reply = command(workspace, "/got", f"<@{ALICE}|alice> <@{BOB}|bob> for the intro to Sam")
    assert f"<@{ALICE}> and <@{BOB}> helped you — _the intro to Sam_" in reply["text"]
    assert ledger(workspace) == [
        (ALICE, ME, "got_command", "the intro to Sam"),
        (BOB, ME, "got_command", "the intro to Sam"),
    ]
    undo = reply["blocks"][1]["elements"][0]
    assert undo["action_id"] == ids.UNDO_RECORD


def test_gave_records_help_from_me(workspace) -> None:  # type: ignore[no-untyped-def]
    reply = command(workspace, "/gave", f"<@{BOB}|bob> reviewed his PR")
    assert f"you helped <@{BOB}>" in reply["text"]
    assert ledger(workspace) == [(ME, BOB, "gave_command", "reviewed his PR")]


def test_undo_retracts_and_updates_the_reply(workspace) -> None:  # type: ignore[no-untyped-def]
    reply = command(workspace, "/got", f"<@{ALICE}> pairing")
    undo_key = reply["blocks"][1]["elements"][0]["value"]
    response_url = workspace.sandbox.response_url()
    click = payloads.block_actions(ME, ids.UNDO_RECORD, undo_key, response_url=response_url, channel="C0GENERAL")
    assert workspace.sender.interaction(click).status == 200
    assert ledger(workspace) == []
    posts = workspace.sandbox.response_url_posts()
    assert posts and posts[-1]["replace_original"] is True and "Undone" in posts[-1]["text"]


def test_nobody_else_can_undo_my_record(workspace) -> None:  # type: ignore[no-untyped-def]
    reply = command(workspace, "/got", f"<@{ALICE}> pairing")
    undo_key = reply["blocks"][1]["elements"][0]["value"]
    click = payloads.block_actions(BOB, ids.UNDO_RECORD, undo_key, response_url=workspace.sandbox.response_url())
    workspace.sender.interaction(click)
    assert ledger(workspace) == [(ALICE, ME, "got_command", "pairing")]


def test_replayed_command_is_recorded_once(workspace) -> None:  # type: ignore[no-untyped-def]
    first = command(workspace, "/got", f"<@{ALICE}> pairing", trigger_id="123.456.abc")
    again = command(workspace, "/got", f"<@{ALICE}> pairing", trigger_id="123.456.abc")
    assert "already recorded" not in first["text"] and "already recorded" in again["text"]
    assert len(ledger(workspace)) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "Example:"),
        ("help", "Example:"),
        ("for the review", "Mention at least one person"),
        (f"<@{ME}|mia> self-review", "yourself"),
        ("<!subteam^S0DEVS|devs> launch", "user groups"),
        ("<!here> launch", "user groups"),
        ("@alice the review", "@-menu"),
        (f"<@{ALICE}> " + "long " * 100, "characters"),
        (f"<@{A_BOT}|deploybot> deployed", "is a bot"),
        (f"<@{GONE}|gone> old help", "no longer in this workspace"),
        ("<@U0NOBODY> help", "can't find"),
    ],
)
@pytest.mark.parametrize("name", ["/got", "/gave"])
def test_bad_input_is_explained_and_records_nothing(workspace, name: str, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    reply = command(workspace, name, text)
    assert expected in reply["text"]
    assert "blocks" in reply and all(b["type"] != "actions" for b in reply["blocks"])
    assert ledger(workspace) == []


@pytest.mark.parametrize(
    "reason",
    [
        "ünïcödé 🙏🏽 日本語 עברית",
        "quotes \"double\" and 'single' & ampersands &amp; more",
        "line one\nline two\r\nline three",
        "<!channel> <https://evil.example|click> *bold* `code`",
        "drop table help_edges; --",
    ],
)
def test_any_typed_text_reaches_the_ledger_intact(workspace, reason: str) -> None:  # type: ignore[no-untyped-def]
    # Slack escapes &, <, > in command text; the reason is stored as plain text again.
    escaped = reason.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    reply = command(workspace, "/got", f"<@{ALICE}> {escaped}")
    assert "<!channel>" not in reply["text"]
    [(helper, _, _, stored)] = ledger(workspace)
    assert helper == ALICE and stored == " ".join(reason.split())


def test_text_at_slacks_maximum_length_is_answered(workspace) -> None:  # type: ignore[no-untyped-def]
    reply = command(workspace, "/got", f"<@{ALICE}> " + "é" * 3990)
    assert "characters" in reply["text"]
    assert ledger(workspace) == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=600))
def test_arbitrary_command_text_always_gets_an_answer(workspace, text: str) -> None:  # type: ignore[no-untyped-def]
    before = len(ledger(workspace))
    reply = command(workspace, "/got", text)
    assert reply["text"]
    assert len(ledger(workspace)) == before  # random text names no real person: nothing recorded


@pytest.mark.parametrize(
    "tamper",
    [{"unsigned": True}, {"sign_with": "not-the-secret"}, {"timestamp": 1_000_000_000}],
    ids=["unsigned", "wrong-secret", "stale"],
)
def test_unsigned_forged_or_stale_requests_are_refused(workspace, tamper: dict) -> None:  # type: ignore[no-untyped-def]
    response = workspace.sender.command("/got", f"<@{ALICE}> pairing", user_id=ME, **tamper)
    assert response.status == 401
    assert ledger(workspace) == []
