"""The Home view builder: Slack's structural limits for empty, typical and huge ledgers."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.blocks.digest import DigestView
from bot.blocks.digest import Person as DigestPerson
from bot.blocks.home import (
    CLAIMS_SHOWN,
    PEOPLE_PER_PAGE,
    HomeView,
    Nav,
    PersonView,
    RecordView,
    SettingsView,
    build_home,
)
from bot.giveback_command import Giveback, Problem, parse_giveback
from bot.sandbox.blocks import validate_blocks

NOW = dt.datetime(2025, 3, 12, 9, 0, tzinfo=dt.UTC)
ZONE = ZoneInfo("Europe/Berlin")
NASTY = "<!channel> & <https://evil.example|click> " + "&<>" * 400


def record(n: int, other: str = "U0ALICE", reason: str | None = "reviewed the PR") -> RecordView:
    return RecordView(
        id=n,
        other_id=other,
        direction="got" if n % 2 else "gave",
        source="thanks_message" if n % 3 else "got_command",
        reason=reason,
        happened_at=NOW - dt.timedelta(hours=n),
        channel_id="C0GENERAL",
        permalink=f"https://sandbox.slack.com/archives/C0GENERAL/p{n}",
        undoable=n % 2 == 1,
    )


def person(n: int, records: int = 4, reason: str | None = "reviewed") -> PersonView:
    other = f"U0P{n:04d}"
    recs = tuple(record(n * 100 + k, other, reason) for k in range(records))
    return PersonView(other, 300, 250, NOW - dt.timedelta(hours=n), recs, 550)


def give_back(people: int) -> DigestView:
    return DigestView(
        team_id="T0SANDBOX",
        user_id="U0MIA",
        digest_id=0,
        people=tuple(DigestPerson(f"U0G{n}", 3, NOW - dt.timedelta(days=1)) for n in range(people)),
        zone=ZONE,
        now=NOW,
    )


def huge() -> HomeView:
    return HomeView(
        user_id="U0MIA",
        now=NOW,
        zone=ZONE,
        give_back=give_back(3),
        people=tuple(person(n, reason=NASTY) for n in range(PEOPLE_PER_PAGE)),
        total_people=900,
        nav=Nav(page=3),
        claims=tuple(record(9000 + n, f"U0C{n}", NASTY) for n in range(CLAIMS_SHOWN)),
        total_claims=400,
        settings=SettingsView(
            tz_override="Asia/Tokyo",
            slack_tz="Europe/Berlin",
            paused_until=NOW + dt.timedelta(days=5),
            muted=tuple(f"U0M{n}" for n in range(300)),
            snoozed=tuple((f"U0S{n}", NOW + dt.timedelta(days=3)) for n in range(300)),
            capture_enabled=False,
        ),
        notice="You asked <@U0G0> ✓",
        undo_ask="U0G0",
    )


def all_action_ids(view: dict) -> list[str]:
    out = []
    for block in view["blocks"]:
        elements = list(block.get("elements", [])) if block["type"] == "actions" else []
        if "accessory" in block:
            elements.append(block["accessory"])
        if block["type"] == "input":
            elements.append(block["element"])
        out += [e["action_id"] for e in elements if "action_id" in e]
    return out


def check(view: dict) -> None:
    assert view["type"] == "home"
    assert validate_blocks(view["blocks"], max_blocks=100, prefix="/view/blocks") == []
    assert len(view["blocks"]) <= 100
    for block in view["blocks"]:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= 3000
    block_ids = [b["block_id"] for b in view["blocks"] if "block_id" in b]
    assert len(block_ids) == len(set(block_ids))
    # Home buttons are unique across the whole view; the digest's own buttons repeat only per
    # person block, exactly as in the digest DM (Slack's rule: unique within a block).
    home_ids = [a for a in all_action_ids(view) if not a.startswith("digest_")]
    assert len(home_ids) == len(set(home_ids))


@pytest.mark.parametrize(
    "view",
    [
        HomeView(user_id="U0MIA", now=NOW, zone=ZONE),
        HomeView(
            user_id="U0MIA",
            now=NOW,
            zone=ZONE,
            give_back=give_back(2),
            people=(person(1, 2), person(2, 1)),
            total_people=2,
            claims=(record(77, "U0BOB"),),
            total_claims=1,
            settings=SettingsView(muted=("U0X",), snoozed=(("U0Y", NOW + dt.timedelta(days=2)),)),
        ),
        huge(),
        HomeView(
            user_id="U0MIA",
            now=NOW,
            zone=ZONE,
            nav=Nav(page=0, person="U0P0001", person_page=20),
            person=PersonView("U0P0001", 400, 3, NOW, tuple(record(n, "U0P0001", NASTY) for n in range(10)), 403),
            people=(person(1),),
            total_people=1,
        ),
    ],
    ids=["empty", "typical", "huge", "person-page"],
)
def test_views_respect_slack_limits(view: HomeView) -> None:
    check(build_home(view))


def test_user_text_is_escaped_everywhere() -> None:
    import json

    text = json.dumps(build_home(huge()))
    assert "<!channel>" not in text and "<https://evil" not in text
    assert "&lt;!channel&gt;" in text


def test_huge_ledger_is_paged_and_lists_are_capped() -> None:
    text = str(build_home(huge()))
    assert "19–24 of 900" in text and "Older" in text and "Newer" in text
    assert "…and 292 more muted" in text and "…and 395 more after these" in text


def test_nav_round_trips_and_survives_garbage() -> None:
    nav = Nav(page=2, person="U0X", person_page=1)
    assert Nav.load(nav.dump()) == nav
    assert Nav.load("not json") == Nav() and Nav.load('{"page": "x"}') == Nav() and Nav.load(None) == Nav()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", Giveback("help")),
        ("HELP", Giveback("help")),
        ("pause", Giveback("pause")),
        ("pause 7 days", Giveback("pause", 7)),
        ("pause 3d", Giveback("pause", 3)),
        ("resume", Giveback("resume")),
        ("time 8:30", Giveback("time", "08:30")),
        ("time 5pm", Giveback("time", "17:00")),
        ("days mon-fri", Giveback("days", "mon-fri")),
        ("days mon, wed ,fri", Giveback("days", "mon,wed,fri")),
        ("tz Europe/Berlin", Giveback("tz", "Europe/Berlin")),
        ("tz slack", Giveback("tz", "")),
        ("export", Giveback("export")),
        ("forget", Giveback("forget")),
        ("record me", Giveback("optin")),
    ],
)
def test_parse_giveback(text: str, expected: Giveback) -> None:
    assert parse_giveback(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "nope",
        "pause -1",
        "pause 400 days",
        "pause 2 weeks",
        "time 24:61",
        "time",
        "days funday",
        "tz ../../etc",
        "tz Not/AZone",
        "forget everything",
        "record you",
    ],
)
def test_parse_giveback_problems(text: str) -> None:
    problem = parse_giveback(text)
    assert isinstance(problem, Problem) and problem.message


def test_problem_echo_is_escaped() -> None:
    problem = parse_giveback("<!channel>")
    assert isinstance(problem, Problem) and "<!channel>" not in problem.message
