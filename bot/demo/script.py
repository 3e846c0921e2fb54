"""The scripted week: a small team in four time zones, and what they do in Slack. Data only.

Times are UTC; the comments give each person's wall clock. The week is fixed (Mon 16 – Fri
20 November 2026, no DST change anywhere), so every run prints the same transcript.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot import ids
from bot.demo.world import Channel, Member

ALICE = Member("U0ALICE", "alice", "Alice Weber", "Europe/Berlin", "Berlin")
BOB = Member("U0BOB", "bob", "Bob Carter", "America/New_York", "New York")
KENJI = Member("U0KENJI", "kenji", "Kenji Sato", "Asia/Tokyo", "Tokyo")
DANA = Member("U0DANA", "dana", "Dana Reyes", "Europe/London", "London")
MEMBERS = [ALICE, BOB, KENJI, DANA]

GENERAL = Channel("C0GENERAL", "general")
ENG = Channel("C0ENG", "eng")
RANDOM = Channel("C0RANDOM", "random")
CHANNELS = [GENERAL, ENG, RANDOM]

WEEK_START = dt.datetime(2026, 11, 16, tzinfo=dt.UTC)  # a Monday
WEEK_END = dt.datetime(2026, 11, 21, tzinfo=dt.UTC)  # Saturday 00:00 UTC: Friday's digests are done


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    """`day` 0 = Monday 16 November, in UTC."""
    return WEEK_START + dt.timedelta(days=day, hours=hour, minutes=minute)


@dataclass(frozen=True)
class Say:
    at: dt.datetime
    who: str
    channel: str
    text: str
    label: str | None = None
    thread_of: str | None = None  # label of the parent message


@dataclass(frozen=True)
class Edit:
    at: dt.datetime
    label: str
    text: str


@dataclass(frozen=True)
class Delete:
    at: dt.datetime
    label: str


@dataclass(frozen=True)
class React:
    at: dt.datetime
    who: str
    emoji: str
    label: str


@dataclass(frozen=True)
class Command:
    at: dt.datetime
    who: str
    command: str
    text: str
    channel: str = "general"


@dataclass(frozen=True)
class Click:
    """`who` clicks `action_id` next to `about` in their latest digest DM that offers it."""

    at: dt.datetime
    who: str
    about: str
    action_id: str


Step = Say | Edit | Delete | React | Command | Click

WEEK: list[Step] = [
    # Monday
    Say(at(0, 8, 0), "kenji", "eng", "Flaky login test: pin the clock in the session fixture. PR is up.", "fix"),
    Say(at(0, 8, 30), "alice", "eng", "thank you, that fixed my branch too!", thread_of="fix"),  # 09:30 Berlin
    Say(at(0, 9, 10), "dana", "random", "anyone tried the new ramen place near the office?"),
    Say(at(0, 14, 10), "bob", "eng", "thanks @alice for the quick review on the billing PR!"),  # 09:10 New York
    Say(at(0, 14, 40), "bob", "eng", "@kenji can you look at the deploy logs when you're up? @dana fyi"),
    # Tuesday
    Command(at(1, 0, 30), "kenji", ids.GOT_COMMAND, "@bob the intro to the payments team"),  # 09:30 Tokyo
    Say(at(1, 9, 30), "alice", "eng", "thanks @kenji and @dana for jumping on the incident call last night", "call"),
    Edit(at(1, 9, 34), "call", "thanks @kenji for jumping on the incident call last night (Dana was off, sorry!)"),
    Click(at(1, 14, 20), "bob", "alice", ids.DIGEST_ASKED),  # right after his 09:00 New York digest
    Say(at(1, 14, 30), "bob", "general", "I wrote up the on-call handbook, comments welcome <3", "handbook"),
    React(at(1, 15, 5), "dana", "pray", "handbook"),
    Command(at(1, 15, 30), "alice", ids.GAVE_COMMAND, "@dana set up her laptop for the Berlin visit"),
    # Wednesday
    Say(at(2, 1, 0), "kenji", "random", "thanks @dana for the ramen tip!", "ramen"),  # 10:00 Tokyo
    Delete(at(2, 1, 2), "ramen"),
    Command(at(2, 2, 0), "kenji", ids.GAVE_COMMAND, "@bob walked him through the Tokyo release checklist"),
    Say(at(2, 10, 0), "dana", "eng", "lunch anyone? 12:30 at the usual place"),
    # Thursday
    Say(at(3, 15, 0), "dana", "eng", "huge thanks to @bob and @kenji for covering my on-call shift"),
    Say(at(3, 16, 0), "bob", "general", "deploy done, all green"),
]
