"""The offline demo end to end: the scripted week's transcript names the right people in each
morning's digest, shows the click's effect, and prints nothing the sandbox or ledger contradicts."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.demo import render, run_demo
from bot.demo.script import CHANNELS, MEMBERS, WEEK_START
from bot.demo.transcript import Transcript
from bot.demo.week import play_week, print_week_end
from bot.demo.world import BOT_USER, DemoWorld
from bot.settings import Settings

QUESTION = "How can I support you?"

# Who each morning's digest must name, from the scripted week (times in each reader's zone):
#   Alice, Tue 09:00 Berlin   — Kenji: Alice thanked him in his thread on Monday.
#   Bob,   Tue 09:00 New York — Alice: Bob thanked her for the review on Monday.
#   Kenji, Wed 09:00 Tokyo    — Bob: Kenji's /got on Tuesday (after Tuesday's 09:00 Tokyo).
#   Alice, Wed 09:00 Berlin   — Kenji again: he helped again (the incident call) since Tuesday's digest.
#                               Not Dana: the edit took her out of that thanks.
#   Dana,  Wed 09:00 London   — Bob: her :pray: on his handbook. Not Alice: Alice's /gave is only a claim.
#   Dana,  Fri 09:00 London   — Bob (helped again Thursday) and Kenji (Thursday's thanks).
# Nobody else, ever: Bob clicked "I asked them" about Alice; Kenji gave back to Bob with /gave;
# Kenji deleted his thanks to Dana; a suggestion is not repeated within 7 days without new help.
EXPECTED = [
    ("Alice", "Tue", ["Kenji"]),
    ("Bob", "Tue", ["Alice"]),
    ("Kenji", "Wed", ["Bob"]),
    ("Alice", "Wed", ["Kenji"]),
    ("Dana", "Wed", ["Bob"]),
    ("Dana", "Fri", ["Bob", "Kenji"]),
]
DM_HEAD = re.compile(r"┌─ DM from Giveback to (\w+) · (\w{3}) \d\d \w{3} 09:00 ")


def digests_in(transcript: str) -> list[tuple[str, str, list[str]]]:
    """(recipient, weekday, the printed lines) for every digest DM in the transcript."""
    found = []
    lines = transcript.splitlines()
    for index, line in enumerate(lines):
        head = DM_HEAD.search(line)
        if head is None:
            continue
        body = []
        for following in lines[index + 1 :]:
            if following.strip() == "└─":
                break
            body.append(following.split("│ ", 1)[1] if "│ " in following else "")
        found.append((head[1], head[2], body))
    return found


def named(body: list[str]) -> list[str]:
    return [m[1] for line in body if (m := re.match(r"@(\w+) helped you", line))]


def demo_settings() -> Settings:
    return Settings(_env_file=None, log_level="WARNING")


@pytest.fixture(scope="module")
def week():  # type: ignore[no-untyped-def]
    """The scripted week, played once; the world stays open so its state can be checked."""
    out = io.StringIO()
    with DemoWorld.open(members=MEMBERS, channels=CHANNELS, start=WEEK_START, base_settings=demo_settings()) as world:
        report = play_week(world, out)
        print_week_end(world, out, report)
        yield world, out.getvalue(), report


def test_each_morning_digest_names_exactly_the_people_it_should(week) -> None:  # type: ignore[no-untyped-def]
    _, transcript, _ = week
    printed = [(who, day, named(body)) for who, day, body in digests_in(transcript)]
    assert printed == EXPECTED


def test_every_digest_asks_the_question_and_offers_the_buttons(week) -> None:  # type: ignore[no-untyped-def]
    _, transcript, _ = week
    for who, day, body in digests_in(transcript):
        text = "\n".join(body)
        assert f"Ask them: “{QUESTION}”" in text, (who, day)
        assert "[ I asked them ]" in text and "[ Pause digests ]" in text, (who, day)
        assert "&lt;" not in text and "<@" not in text, (who, day)


def test_the_click_updates_the_message_in_place(week) -> None:  # type: ignore[no-untyped-def]
    world, transcript, report = week
    assert "Bob (New York 09:20) clicked [ I asked them ] next to Alice in the digest DM" in transcript
    assert "Giveback updated the DM in place (chat.update):" in transcript
    assert "now: You asked @Alice ✓" in transcript
    # The sandbox holds the same message, changed: Alice's buttons gave way to the outcome.
    bob = world.member("bob").user_id
    [digest] = [m for m in world.sandbox.dm_messages(bob) if m.get("bot_id")]
    shown = "\n".join(render.message(digest, world.names))
    assert "You asked @Alice ✓" in shown and "[ I asked them ]" not in shown
    assert [c.args["ts"] for c in world.sandbox.calls("chat.update")] == [digest["ts"]]
    assert report.clicks == [(bob, "digest_asked", world.member("alice").user_id)]


def test_printed_digests_are_what_the_bot_posted(week) -> None:  # type: ignore[no-untyped-def]
    world, transcript, _ = week
    posts = [c for c in world.sandbox.calls("chat.postMessage") if c.response.get("ok")]
    printed = digests_in(transcript)
    assert len(posts) == len(printed)
    width = 92 - 11 - 2
    for call, (who, _, body) in zip(posts, printed, strict=True):
        user_id = world.member(who.lower()).user_id
        assert call.args["channel"] in (user_id, world.sandbox.dm_channel(user_id))
        assert render.message(call.args, world.names, width) == body


def test_printed_ledger_matches_the_database(week) -> None:  # type: ignore[no-untyped-def]
    world, transcript, _ = week
    rows = list(world.ledger_rows().values())
    added = [line for line in transcript.splitlines() if line.strip().startswith("ledger + ")]
    retracted = [line for line in transcript.splitlines() if line.strip().startswith("ledger − retracted")]
    assert len(added) == len(rows)  # every row was printed once when it appeared (none came back)
    assert len(retracted) == len([r for r in rows if not r.active])
    end = transcript.split("The ledger holds", 1)[1].split("Digest DMs", 1)[0]
    active = [r for r in rows if r.active]
    assert end.startswith(f" {len(active)} active acts of help ({len(rows) - len(active)} retracted)")
    listed = [line.removeprefix("  · ") for line in end.splitlines() if line.startswith("  · ")]
    assert listed == [Transcript(world, io.StringIO()).ledger_row(r) for r in active]


def test_ack_reactions_printed_are_on_the_messages_in_the_sandbox(week) -> None:  # type: ignore[no-untyped-def]
    world, transcript, _ = week
    lines = transcript.splitlines()
    said = re.compile(r"^\d\d:\d\d UTC #(\w+)(?: \(in \w+'s thread\))?  \w+ \([\w ]+ \d\d:\d\d\): (.*)$")
    printed = set()
    for index, line in enumerate(lines[:-1]):
        match = said.match(line)
        if match and "Giveback reacted :handshake:" in lines[index + 1]:
            printed.add((match[1], match[2]))
    in_sandbox = set()
    for channel in CHANNELS:
        for message in world.sandbox.messages(channel.channel_id):
            mine = [r for r in message.get("reactions", []) if BOT_USER in r["users"]]
            if mine and not message.get("bot_id"):
                in_sandbox.add((channel.name, render.mrkdwn(message["text"], world.names)))
    assert printed and printed == in_sandbox


def test_run_demo_in_process_and_as_giveback_demo_print_the_same_week(tmp_path: Path) -> None:
    out = io.StringIO()
    assert run_demo(demo_settings(), interactive=False, out=out) == 0
    transcript = out.getvalue()
    assert [(w, d, named(b)) for w, d, b in digests_in(transcript)] == EXPECTED
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE_URL", "LOG_"))}
    giveback = Path(sys.executable).with_name("giveback")
    done = subprocess.run(
        [str(giveback), "demo"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == transcript  # deterministic: same week, same words, every run
    assert "Traceback" not in done.stderr


def test_make_run_path_says_there_are_no_credentials_then_runs_the_demo(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE_URL", "LOG_"))}
    giveback = Path(sys.executable).with_name("giveback")
    done = subprocess.run(
        [str(giveback), "run", "--demo-without-credentials"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    first, second = done.stdout.splitlines()[:2]
    assert "No Slack credentials" in first and second.startswith("Giveback offline demo")
    assert QUESTION in done.stdout
    assert not list(tmp_path.iterdir())  # the throw-away database lived in a temp dir


def test_interactive_mode_reads_stdin_until_eof() -> None:
    typed = "\n".join(
        [
            "alice: thanks @bob for the review",
            "kenji #eng: the fix is in",
            "dana #eng: +:pray:",
            "bob: /got @alice the intro to Sam",
            "digest alice",
            "digest nobody",
            "ledger",
        ]
    )
    out = io.StringIO()
    assert run_demo(demo_settings(), interactive=True, out=out, stdin=io.StringIO(typed + "\n")) == 0
    text = out.getvalue()
    assert "Alice (Berlin 09:01): thanks @Bob for the review" in text
    assert "Giveback reacted :handshake:" in text
    assert "ledger + Kenji helped Dana (thanks reaction)" in text
    assert "Noted: @Alice helped you — the intro to Sam." in text
    preview = text.split("Alice's digest if it were sent now", 1)[1].split("> ", 1)[0]
    assert "Bob Carter helped you once" in preview and QUESTION in preview
    assert "I don't know 'nobody'" in text
    assert text.rstrip().endswith("Bye — the demo database is thrown away.")


def test_interactive_next_day_sends_the_digest_and_a_click_changes_it() -> None:
    typed = "bob: thanks @alice for the quick review\nnext day\nclick bob snooze alice\nquit\nalice: never read\n"
    out = io.StringIO()
    assert run_demo(demo_settings(), interactive=True, out=out, stdin=io.StringIO(typed)) == 0
    text = out.getvalue()
    [(who, _, body)] = digests_in(text)
    assert who == "Bob" and named(body) == ["Alice"]
    assert "clicked [ Snooze 2 weeks ] next to Alice" in text and "Snoozed @Alice for 14 days." in text
    assert "never read" not in text  # quit stops reading


@pytest.mark.slow
def test_interactive_subprocess_exits_cleanly_on_eof(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE_URL", "LOG_"))}
    giveback = Path(sys.executable).with_name("giveback")
    done = subprocess.run(
        [str(giveback), "demo", "--interactive"],
        cwd=tmp_path,
        env=env,
        input="alice: thanks @kenji!\ndigest alice\n",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Kenji Sato helped you once" in done.stdout
    assert "Traceback" not in done.stderr
