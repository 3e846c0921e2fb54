"""The digest message: content, escaping, Slack's limits, and the in-place updates after clicks."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest

from bot import ids
from bot.blocks.digest import (
    DigestView,
    Person,
    Reason,
    build_digest,
    parse_value,
    render_plain,
    when_words,
    with_outcome,
    with_paused,
)
from bot.sandbox.blocks import validate_blocks

BERLIN = ZoneInfo("Europe/Berlin")
NOW = dt.datetime(2025, 3, 13, 8, 0, tzinfo=dt.UTC)  # Thursday 09:00 Berlin
TUESDAY = dt.datetime(2025, 3, 11, 14, 0, tzinfo=dt.UTC)


def view(*, first: bool = False, reason: str = "reviewed your PR") -> DigestView:
    return DigestView(
        team_id="T1",
        user_id="UU",
        digest_id=42,
        people=(
            Person("UA", 2, TUESDAY, (Reason(reason, "got_command", TUESDAY, "CENG"),)),
            Person("UB", 1, NOW - dt.timedelta(days=1), (Reason(None, "thanks_reaction", NOW, None),)),
        ),
        zone=BERLIN,
        now=NOW,
        first=first,
    )


def all_text(blocks: list[dict]) -> str:
    return json.dumps(blocks, ensure_ascii=False)


def test_digest_names_each_person_with_count_recency_reason_where_and_question() -> None:
    message = build_digest(view())
    text = all_text(message["blocks"])
    assert "<@UA>" in text and "helped you twice" in text and "most recently Tue" in text
    assert "reviewed your PR · Tue in <#CENG>" in text
    assert "How can I support you?" in text
    assert "slack://user?team=T1&id=UA" in text
    assert "2 people helped you recently" in message["text"]
    assert validate_blocks(message["blocks"], max_blocks=50, prefix="blocks") == []


def test_each_person_has_the_three_buttons_carrying_digest_and_person() -> None:
    blocks = build_digest(view())["blocks"]
    actions = next(b for b in blocks if b.get("block_id") == "gb_actions:UA")
    assert [e["action_id"] for e in actions["elements"]] == [ids.DIGEST_ASKED, ids.DIGEST_SNOOZE, ids.DIGEST_MUTE]
    assert [e["text"]["text"] for e in actions["elements"]] == [
        "I asked them",
        "Snooze 2 weeks",
        "Don't suggest them again",
    ]
    assert {parse_value(e["value"]) for e in actions["elements"]} == {(42, "UA")}
    footer = next(b for b in blocks if b.get("block_id") == "gb_footer")
    assert footer["elements"][0]["action_id"] == ids.DIGEST_PAUSE
    assert "Home" in all_text(blocks)


def test_intro_only_on_the_first_digest() -> None:
    assert "To stop, press *Pause digests*" in all_text(build_digest(view(first=True))["blocks"])
    assert "To stop" not in all_text(build_digest(view(first=False))["blocks"])


@pytest.mark.parametrize("evil", ["<!channel> look", "<https://evil.example|click me>", "<@U999> & co"])
def test_user_typed_reasons_are_escaped(evil: str) -> None:
    text = all_text(build_digest(view(reason=evil))["blocks"])
    assert evil not in text
    assert "&lt;" in text
    assert "<!channel>" not in text and "<https://evil" not in text and "<@U999>" not in text


def test_outcome_replaces_only_that_persons_buttons_and_undo_restores_them() -> None:
    original = build_digest(view())["blocks"]
    asked = with_outcome(original, 42, "UA", "asked")
    changed = next(b for b in asked if b.get("block_id") == "gb_actions:UA")
    assert "You asked <@UA> ✓" in changed["text"]["text"]
    assert changed["accessory"]["action_id"] == ids.DIGEST_UNDO
    assert parse_value(changed["accessory"]["value"]) == (42, "UA")
    others = [b for b in asked if b.get("block_id") != "gb_actions:UA"]
    assert others == [b for b in original if b.get("block_id") != "gb_actions:UA"]
    assert with_outcome(asked, 42, "UA", None) == original
    assert validate_blocks(asked, max_blocks=50, prefix="blocks") == []


def test_pause_and_resume_footer() -> None:
    original = build_digest(view())["blocks"]
    paused = with_paused(original, 42, True)
    footer = next(b for b in paused if b.get("block_id") == "gb_footer")
    assert footer["accessory"]["action_id"] == ids.DIGEST_RESUME
    assert with_paused(paused, 42, False) == original


def test_when_words_on_the_readers_wall() -> None:
    assert when_words(NOW, NOW, BERLIN) == "today"
    assert when_words(NOW - dt.timedelta(days=1), NOW, BERLIN) == "yesterday"
    assert when_words(TUESDAY, NOW, BERLIN) == "Tue"
    assert when_words(NOW - dt.timedelta(days=10), NOW, BERLIN) == "Mar 3"
    # 23:30 UTC Monday is Tuesday in Tokyo
    late = dt.datetime(2025, 3, 10, 23, 30, tzinfo=dt.UTC)
    assert when_words(late, NOW, ZoneInfo("Asia/Tokyo")) == "Tue"


def test_plain_preview_shows_people_and_reasons_unescaped() -> None:
    text = render_plain(view(first=True, reason="fixed <the> build & more"))
    assert "1. UA helped you twice" in text
    assert "fixed <the> build & more · Tue in #CENG" in text
    assert "How can I support you?" in text
    assert "To stop" in text


def test_parse_value_rejects_garbage() -> None:
    with pytest.raises(ValueError):
        parse_value("nope")
