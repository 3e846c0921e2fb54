"""`giveback run` as a real process: HTTP mode and Socket Mode, against the sandbox."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import urllib.request

import pytest

from bot.sandbox import SignedSender, SocketModeSender, payloads
from tests.e2e.conftest import bot_env, free_port, giveback_process, stored_ledger, wait_for, wait_healthy

pytestmark = pytest.mark.slow
ME, ALICE, BOB = "U0MIA", "U0ALICE", "U0BOB"
TRICKY = "ünï 🙏🏽 \"quoted\" & 'single' &amp;\nsecond line — 日本語 <!channel> drop table;"


def people(sandbox) -> None:  # type: ignore[no-untyped-def]
    sandbox.add_user(ME, "mia", tz="Europe/Berlin")
    sandbox.add_user(ALICE, "alice")
    sandbox.add_user(BOB, "bob", tz="Asia/Tokyo")
    sandbox.add_channel("C0GENERAL", "general")


def slack_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_http_mode_captures_commands_messages_edits_deletions_reactions(sandbox, database_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    people(sandbox)
    port = free_port()
    env = bot_env(sandbox, database_url, PORT=str(port), HOST="127.0.0.1", LOG_LEVEL="DEBUG")
    with giveback_process(["run"], env, tmp_path) as proc:
        wait_healthy(port, proc)
        sender = SignedSender(f"http://127.0.0.1:{port}/slack/events", sandbox.signing_secret, sandbox=sandbox)

        reply = sender.command("/got", f"<@{ALICE}|alice> {slack_escape(TRICKY)}", user_id=ME).json()
        assert "helped you" in reply["text"]

        thanks_ts = sandbox.post_user_message("C0GENERAL", ME, f"thanks <@{BOB}> for the review!")
        event = payloads.message("C0GENERAL", ME, f"thanks <@{BOB}> for the review!", ts=thanks_ts)
        assert sender.event(event, event_id="Ev0ONE").status == 200
        assert sender.event(event, event_id="Ev0ONE", retry_num=1, retry_reason="http_timeout").status == 200

        chatter_ts = sandbox.post_user_message("C0GENERAL", ME, f"<@{ALICE}> lunch?")
        assert sender.event(payloads.message("C0GENERAL", ME, f"<@{ALICE}> lunch?", ts=chatter_ts)).status == 200

        helped_ts = sandbox.post_user_message("C0GENERAL", ALICE, "restart the VPN client")
        assert sender.event(payloads.reaction_added(BOB, "pray", "C0GENERAL", helped_ts, ALICE)).status == 200

        edited_ts = sandbox.post_user_message("C0GENERAL", BOB, f"thanks <@{ME}>")
        sender.event(payloads.message("C0GENERAL", BOB, f"thanks <@{ME}>", ts=edited_ts))
        sender.event(payloads.message_changed("C0GENERAL", edited_ts, f"thanks <@{ALICE}>", BOB))
        sender.event(payloads.message_deleted("C0GENERAL", edited_ts, user=BOB))

        assert sender.command("/got", f"<@{ALICE}> forged", user_id=ME, sign_with="wrong").status == 401

        acks = wait_for(lambda: [c for c in sandbox.calls("reactions.add") if c.args.get("name") == "handshake"])
        assert {c.args["timestamp"] for c in acks} >= {thanks_ts}
        assert chatter_ts not in {c.args["timestamp"] for c in acks}

        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz") as health:
            assert json.loads(health.read()) == {"ok": True}

        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=15) == 0
        logs = proc.stdout.read() if proc.stdout else ""

    # Even at DEBUG, with the Web API client logging its requests, no secret reaches a log line.
    assert '"event": "capture.message"' in logs
    assert sandbox.bot_token not in logs and sandbox.signing_secret not in logs

    ledger = stored_ledger(database_url)
    assert sorted((h, r, s) for h, r, s, _ in ledger) == sorted(
        [(ALICE, ME, "got_command"), (BOB, ME, "thanks_message"), (ALICE, BOB, "thanks_reaction")]
    )
    assert [reason for h, r, s, reason in ledger if s == "got_command"] == [" ".join(TRICKY.split())]


def test_socket_mode_carries_any_text_intact(sandbox, database_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    people(sandbox)
    env = bot_env(sandbox, database_url, SLACK_APP_TOKEN=sandbox.app_token)
    with giveback_process(["run"], env, tmp_path) as proc:
        sender = SocketModeSender(sandbox, timeout=15)
        sender.wait_connected(timeout=30)
        reply = sender.command("/got", f"<@{ALICE}|alice> {slack_escape(TRICKY)}", user_id=ME)
        assert reply is not None and "helped you" in reply["text"]
        ts = sandbox.post_user_message("C0GENERAL", ME, f"thank you <@{BOB}>!")
        event = payloads.message("C0GENERAL", ME, f"thank you <@{BOB}>!", ts=ts)
        sender.event(event, event_id="Ev0SOCK", retry_num=0)  # Socket Mode's first delivery says 0
        sender.event(event, event_id="Ev0SOCK", retry_num=1)
        assert wait_for(lambda: len(stored_ledger(database_url)) == 2)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=15) == 0
    ledger = stored_ledger(database_url)
    assert sorted((h, s) for h, _, s, _ in ledger) == [(ALICE, "got_command"), (BOB, "thanks_message")]
    assert [reason for _, _, s, reason in ledger if s == "got_command"] == [" ".join(TRICKY.split())]


def test_migrate_applies_migrations_and_exits(database_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    env = {"DATABASE_URL": database_url, "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "migrate"], env=env, cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "up to date" in result.stdout
    assert stored_ledger(database_url) == []  # the tables exist and are empty


def test_run_without_credentials_refuses_clearly(tmp_path) -> None:  # type: ignore[no-untyped-def]
    env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}"}
    result = subprocess.run([sys.executable, "-m", "bot", "run"], env=env, cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 2
    assert "SLACK_SIGNING_SECRET" in result.stderr and "Traceback" not in result.stderr


def test_partly_configured_credentials_are_reported_not_replaced_by_the_demo(tmp_path) -> None:  # type: ignore[no-untyped-def]
    env = {"PATH": "/usr/bin:/bin", "SLACK_BOT_TOKEN": "xoxb-1", "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}"}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run", "--demo-without-credentials"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "SLACK_SIGNING_SECRET" in result.stderr and "demo" not in result.stdout
