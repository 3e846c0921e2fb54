"""`/giveback …` text → what the person asked for, or a clear problem. Pure.

help (default) · pause [N days] · resume · time 08:30 · days mon-fri · tz Europe/Berlin
export · forget · record me (opt in again after `forget`)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.settings import format_days, parse_clock, parse_days

MAX_PAUSE_DAYS = 365


@dataclass(frozen=True, slots=True)
class Giveback:
    """One parsed subcommand. `value` is normalised: "HH:MM", "mon-fri", an IANA zone, days."""

    action: str  # help | pause | resume | time | days | tz | export | forget | optin
    value: str | int | None = None


@dataclass(frozen=True, slots=True)
class Problem:
    message: str


_ALIASES = {
    "": "help",
    "help": "help",
    "?": "help",
    "pause": "pause",
    "resume": "resume",
    "unpause": "resume",
    "time": "time",
    "days": "days",
    "tz": "tz",
    "timezone": "tz",
    "zone": "tz",
    "export": "export",
    "forget": "forget",
    "optin": "optin",
    "opt-in": "optin",
    "record": "optin",
    "start": "optin",
}


def parse_giveback(text: str) -> Giveback | Problem:
    words = text.strip().split()
    head = words[0].lower() if words else ""
    rest = words[1:]
    action = _ALIASES.get(head)
    if action is None:
        return Problem(f"I don't know `{_quote(head)}`. Try `/giveback help`.")
    if action in ("help", "resume", "export", "forget", "optin"):
        if action == "optin" and head == "record" and [w.lower() for w in rest] != ["me"]:
            return Problem("Did you mean `/giveback record me`?")
        if action != "optin" and rest:
            return Problem(f"`/giveback {action}` takes nothing after it.")
        return Giveback(action)
    if action == "pause":
        return _pause(rest)
    if not rest:
        example = {"time": "08:30", "days": "mon-fri", "tz": "Europe/Berlin"}[action]
        return Problem(f"Say which, e.g. `/giveback {action} {example}`.")
    value = " ".join(rest)
    if action == "time":
        try:
            return Giveback("time", parse_clock(value).strftime("%H:%M"))
        except ValueError:
            return Problem(f"`{_quote(value)}` is not a time. Use HH:MM, e.g. `/giveback time 08:30`.")
    if action == "days":
        try:
            return Giveback("days", format_days(parse_days(value)))
        except ValueError:
            return Problem(f"`{_quote(value)}` is not a set of days. Try `mon-fri`, `mon,wed,fri` or `daily`.")
    zone = parse_zone(value)
    if zone is None:
        return Problem(f"`{_quote(value)}` is not a time zone. Use a name like `Europe/Berlin`, or `slack`.")
    return Giveback("tz", zone)


def parse_zone(value: str) -> str | None:
    """An IANA zone name ("slack"/"auto" → "" meaning: use the one from Slack); None if unknown."""
    text = value.strip()
    if text.lower() in ("slack", "auto", "default"):
        return ""
    if not re.fullmatch(r"[A-Za-z0-9_+\-]+(/[A-Za-z0-9_+\-]+)*", text):
        return None
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return text


def _pause(rest: list[str]) -> Giveback | Problem:
    if not rest:
        return Giveback("pause", None)
    words = [w.lower() for w in rest]
    if len(words) > 2 or (len(words) == 2 and words[1] not in ("day", "days", "d")):
        return Problem("Use `/giveback pause` or `/giveback pause 7 days`.")
    number = words[0].removesuffix("d")
    if not number.isdigit() or not 1 <= int(number) <= MAX_PAUSE_DAYS:
        return Problem(f"Pause for 1 to {MAX_PAUSE_DAYS} days, e.g. `/giveback pause 7 days`.")
    return Giveback("pause", int(number))


def _quote(text: str) -> str:
    """User text echoed inside `code`: no backticks to break out, Slack's three escaped."""
    short = text if len(text) <= 40 else text[:39] + "…"
    return short.replace("`", "'").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


HELP_TEXT = "\n".join(
    [
        "*Giveback* notices when people help you in Slack (a thanks, a :pray: reaction, `/got`, `/gave`)"
        " and, on your digest days, suggests whom to ask _“How can I support you?”_.",
        "",
        "*Commands*",
        "• `/got @alice for the intro` · `/gave @bob reviewed his PR` — record help",
        "• `/giveback pause [N days]` · `/giveback resume` — stop or restart your digest",
        "• `/giveback time 08:30` · `/giveback days mon-fri` · `/giveback tz Europe/Berlin` — when it comes",
        "• `/giveback export` — everything Giveback stores about you, as a file in a DM",
        "• `/giveback forget` — delete all of it (asks first) · `/giveback record me` — start again",
        "",
        "*Privacy*",
        "Only you see your ledger and digests; nobody gets a leaderboard or a score.",
        "Giveback reads only channels it was added to, and keeps who-helped-whom, not your messages.",
        "Your Home tab shows everything it knows about you; `export` and `forget` are self-serve.",
    ]
)
