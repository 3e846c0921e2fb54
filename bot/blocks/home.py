"""The App Home tab, as Block Kit. Pure: plain values in, a `views.publish` view out.

Slack's limits are respected by construction: at most 100 blocks (each section is bounded, lists
are paged or capped), section text at most 3000 characters (`_fit`), unique block ids, and every
repeated button carries its row in its action id. User-typed text (reasons) is escaped.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from bot import ids
from bot.blocks.digest import DigestView, actions_block_id, build_digest, person_block_id, when_words
from bot.settings import WEEKDAYS
from bot.slack_text import escape_mrkdwn, shorten

Block = dict[str, Any]
MAX_BLOCKS = 100
SECTION_CHARS = 3000
REASON_CHARS = 100
PEOPLE_PER_PAGE = 6
RECORDS_PER_PERSON = 4
RECORDS_PER_PAGE = 10
CLAIMS_SHOWN = 5
RULES_SHOWN = 8

_GOT_WORDS = {
    "got_command": "you noted their help",
    "thanks_message": "you thanked them",
    "thanks_reaction": "you reacted with thanks",
    "gave_command": "they noted it, you confirmed",
}
_GAVE_WORDS = {
    "got_command": "they noted your help",
    "thanks_message": "they thanked you",
    "thanks_reaction": "they reacted with thanks",
    "gave_command": "you noted it",
}


@dataclass(frozen=True, slots=True)
class RecordView:
    id: int
    other_id: str
    direction: str  # "got" (they helped the reader) | "gave"
    source: str
    reason: str | None
    happened_at: dt.datetime
    channel_id: str | None = None
    permalink: str | None = None
    undoable: bool = False


@dataclass(frozen=True, slots=True)
class PersonView:
    other_id: str
    helped_you: int
    you_helped: int
    last_at: dt.datetime
    records: tuple[RecordView, ...] = ()
    total_records: int = 0


@dataclass(frozen=True, slots=True)
class SettingsView:
    digest_enabled: bool = True
    digest_time: dt.time = dt.time(9, 0)
    digest_days: frozenset[int] = frozenset(range(5))
    paused_until: dt.datetime | None = None
    slack_tz: str | None = None
    tz_override: str | None = None
    zone: str = "UTC"
    suggestable: bool = True
    capture_enabled: bool = True
    muted: tuple[str, ...] = ()
    snoozed: tuple[tuple[str, dt.datetime], ...] = ()


@dataclass(frozen=True, slots=True)
class Nav:
    """Where the reader is in their ledger; travels in the view's private_metadata."""

    page: int = 0
    person: str | None = None
    person_page: int = 0

    def dump(self) -> str:
        return json.dumps({"page": self.page, "person": self.person, "person_page": self.person_page})

    @classmethod
    def load(cls, raw: str | None) -> Nav:
        try:
            data = json.loads(raw or "{}")
            person = data.get("person")
            return cls(
                page=max(int(data.get("page", 0)), 0),
                person=str(person) if person else None,
                person_page=max(int(data.get("person_page", 0)), 0),
            )
        except (ValueError, TypeError, AttributeError):
            return cls()


@dataclass(frozen=True, slots=True)
class HomeView:
    user_id: str
    now: dt.datetime
    zone: ZoneInfo
    give_back: DigestView | None = None
    people: tuple[PersonView, ...] = ()
    total_people: int = 0
    nav: Nav = field(default_factory=Nav)
    person: PersonView | None = None  # the focused person (nav.person), with one page of records
    claims: tuple[RecordView, ...] = ()
    total_claims: int = 0
    settings: SettingsView = field(default_factory=SettingsView)
    notice: str | None = None  # our own mrkdwn, never user text
    undo_ask: str | None = None  # value for the notice's Undo (after an *I asked them* here)


# ---------------------------------------------------------------------------------------------
# Small pieces


def _text(text: str) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": text}


def _section(text: str, block_id: str | None = None, accessory: Block | None = None) -> Block:
    block: Block = {"type": "section", "text": _text(_fit([text]))}
    if block_id:
        block["block_id"] = block_id
    if accessory:
        block["accessory"] = accessory
    return block


def _header(text: str, block_id: str) -> Block:
    return {"type": "header", "block_id": block_id, "text": {"type": "plain_text", "text": text, "emoji": True}}


def _context(text: str, block_id: str | None = None) -> Block:
    block: Block = {"type": "context", "elements": [_text(_fit([text], 2000))]}
    if block_id:
        block["block_id"] = block_id
    return block


def _button(text: str, action_id: str, value: str, style: str | None = None) -> Block:
    button: Block = {
        "type": "button",
        "text": {"type": "plain_text", "text": text[:75], "emoji": True},
        "action_id": action_id,
        "value": value,
    }
    if style:
        button["style"] = style
    return button


def _fit(lines: Sequence[str], limit: int = SECTION_CHARS) -> str:
    """Join lines, dropping whole lines from the end (with a marker) to stay within `limit`."""
    out: list[str] = []
    used = 0
    for index, line in enumerate(lines):
        extra = len(line) + (1 if out else 0)
        if used + extra > limit - 2:
            if index == 0:
                return line[: limit - 1] + "…"
            out.append("…")
            break
        out.append(line)
        used += extra
    return "\n".join(out)


def _times(count: int) -> str:
    return {0: "never", 1: "once", 2: "twice"}.get(count, f"{count}×")


def record_line(record: RecordView, now: dt.datetime, zone: ZoneInfo, number: int | None = None) -> str:
    words = (_GOT_WORDS if record.direction == "got" else _GAVE_WORDS).get(record.source, record.source)
    arrow = "⬅ they helped you" if record.direction == "got" else "➡ you helped them"
    what = f"_{escape_mrkdwn(shorten(record.reason, REASON_CHARS))}_ ({words})" if record.reason else words
    where = when_words(record.happened_at, now, zone)
    if record.channel_id and not record.channel_id.startswith("D"):
        where += f" in <#{record.channel_id}>"
    link = f" · <{record.permalink}|view>" if record.permalink and _safe_url(record.permalink) else ""
    prefix = f"{number}. " if number is not None else ""
    return f"{prefix}{arrow}: {what} · {where}{link}"


def _safe_url(url: str) -> bool:
    return url.startswith("https://") and not any(c in url for c in "<>| \n")


def balance_line(person: PersonView, now: dt.datetime, zone: ZoneInfo) -> str:
    return (
        f"*<@{person.other_id}>* · helped you {_times(person.helped_you)}, "
        f"you helped them {_times(person.you_helped)} · last {when_words(person.last_at, now, zone)}"
    )


# ---------------------------------------------------------------------------------------------
# Sections


def _give_back(view: HomeView) -> list[Block]:
    blocks = [_header("Give back", "home_give_back")]
    if view.notice:
        accessory = _button("Undo", ids.HOME_UNDO_ASK, view.undo_ask) if view.undo_ask else None
        blocks.append(_section(view.notice, "home_notice", accessory))
    people = view.give_back.people if view.give_back else ()
    if not people:
        blocks.append(
            _context("Nobody to suggest right now: everyone who helped you lately has heard from you.", "home_gb_none")
        )
        return blocks
    assert view.give_back is not None
    # The digest's own blocks for each person: the same words and the same buttons as the DM.
    wanted = {person_block_id(p.other_id) for p in people} | {actions_block_id(p.other_id) for p in people}
    blocks.append(_context("The same suggestions as your digest. Ask them: _“How can I support you?”_"))
    blocks += [b for b in build_digest(view.give_back)["blocks"] if b.get("block_id") in wanted]
    return blocks


def _ledger(view: HomeView) -> list[Block]:
    if view.nav.person and view.person is not None:
        return _person_page(view, view.person)
    blocks = [_header("Your ledger", "home_ledger")]
    if not view.people:
        blocks.append(
            _context(
                "Nothing yet. Say thanks to someone in a channel Giveback is in, react with :pray:, "
                "or use `/got @someone` and `/gave @someone`.",
                "home_ledger_empty",
            )
        )
        return blocks
    first = view.nav.page * PEOPLE_PER_PAGE + 1
    last = first + len(view.people) - 1
    blocks.append(
        _context(
            f"People you helped or who helped you, most recent first ({first}–{last} of {view.total_people}).",
            "home_ledger_range",
        )
    )
    for person in view.people:
        lines = [balance_line(person, view.now, view.zone)]
        lines += [record_line(r, view.now, view.zone, n) for n, r in enumerate(person.records, 1)]
        more = None
        if person.total_records > len(person.records):
            more = _button(f"All {person.total_records}", f"{ids.HOME_PERSON}:{person.other_id}", person.other_id)
        blocks.append(_section(_fit(lines), f"home_p:{person.other_id}", more))
        undo = _undo_buttons(person.records)
        if undo:
            blocks.append({"type": "actions", "block_id": f"home_pa:{person.other_id}", "elements": undo})
    nav = []
    if view.nav.page > 0:
        nav.append(_button("◀ Newer", f"{ids.HOME_PAGE}:prev", str(view.nav.page - 1)))
    if last < view.total_people:
        nav.append(_button("Older ▶", f"{ids.HOME_PAGE}:next", str(view.nav.page + 1)))
    if nav:
        blocks.append({"type": "actions", "block_id": "home_ledger_nav", "elements": nav})
    return blocks


def _undo_buttons(records: Sequence[RecordView], numbered: bool = True) -> list[Block]:
    return [
        _button(f"Undo {n}" if numbered else "Undo", f"{ids.HOME_UNDO_EDGE}:{r.id}", str(r.id))
        for n, r in enumerate(records, 1)
        if r.undoable
    ]


def _person_page(view: HomeView, person: PersonView) -> list[Block]:
    blocks = [
        _header("Your ledger", "home_ledger"),
        _section(balance_line(person, view.now, view.zone), "home_person_head"),
    ]
    start = view.nav.person_page * RECORDS_PER_PAGE
    for record in person.records[:RECORDS_PER_PAGE]:
        undo = _button("Undo", f"{ids.HOME_UNDO_EDGE}:{record.id}", str(record.id)) if record.undoable else None
        blocks.append(_section(record_line(record, view.now, view.zone), f"home_r:{record.id}", undo))
    shown_to = start + len(person.records[:RECORDS_PER_PAGE])
    blocks.append(
        _context(
            f"Records {start + 1 if person.records else 0}–{shown_to} of {person.total_records}.", "home_person_range"
        )
    )
    nav = [_button("◀ Everyone", f"{ids.HOME_PERSON}:back", "")]
    if view.nav.person_page > 0:
        nav.append(_button("Newer", f"{ids.HOME_PAGE}:person_prev", f"p{view.nav.person_page - 1}"))
    if shown_to < person.total_records:
        nav.append(_button("Older", f"{ids.HOME_PAGE}:person_next", f"p{view.nav.person_page + 1}"))
    blocks.append({"type": "actions", "block_id": "home_person_nav", "elements": nav})
    return blocks


def _claims(view: HomeView) -> list[Block]:
    if not view.claims:
        return []
    blocks = [
        _header("Claims about you", "home_claims"),
        _context(
            "Others recorded these with `/gave`. They count as help you received only if you confirm them.",
            "home_claims_help",
        ),
    ]
    for claim in view.claims[:CLAIMS_SHOWN]:
        who = f"<@{claim.other_id}> says they helped you"
        what = f": _{escape_mrkdwn(shorten(claim.reason, REASON_CHARS))}_" if claim.reason else ""
        when = when_words(claim.happened_at, view.now, view.zone)
        blocks.append(_section(f"{who}{what} · {when}", f"home_c:{claim.id}"))
        blocks.append(
            {
                "type": "actions",
                "block_id": f"home_ca:{claim.id}",
                "elements": [
                    _button("Confirm", f"{ids.HOME_CLAIM_CONFIRM}:{claim.id}", str(claim.id), "primary"),
                    _button("Not accurate", f"{ids.HOME_CLAIM_REJECT}:{claim.id}", str(claim.id)),
                ],
            }
        )
    if view.total_claims > CLAIMS_SHOWN:
        blocks.append(_context(f"…and {view.total_claims - CLAIMS_SHOWN} more after these.", "home_claims_more"))
    return blocks


def _days_words(days: frozenset[int]) -> str:
    if len(days) == 7:
        return "every day"
    if days == frozenset(range(5)):
        return "Mon–Fri"
    return ", ".join(WEEKDAYS[d].title() for d in sorted(days)) or "no days"


def _settings(view: HomeView) -> list[Block]:
    s = view.settings
    blocks = [_header("Settings", "home_settings")]
    if not s.capture_enabled:
        blocks.append(
            _section(
                "*Giveback is not recording you.* You asked it to forget you, so nothing new about you is"
                " kept and nobody is nudged about you.",
                "home_capture",
                _button("Record me again", ids.HOME_CAPTURE_ON, "on", "primary"),
            )
        )
    state = "on" if s.digest_enabled else "off"
    when = f"{s.digest_time.strftime('%H:%M')} {_days_words(s.digest_days)}, your time ({s.zone})"
    blocks.append(
        _section(
            f"*Daily digest:* {state} · {when}",
            "home_digest",
            _button(
                "Turn off" if s.digest_enabled else "Turn on",
                ids.HOME_DIGEST_TOGGLE,
                "off" if s.digest_enabled else "on",
            ),
        )
    )
    pause_picker: Block = {
        "type": "datepicker",
        "action_id": ids.HOME_PAUSE_UNTIL,
        "placeholder": {"type": "plain_text", "text": "Pause until…"},
    }
    paused = s.paused_until is not None and s.paused_until > view.now
    if paused:
        assert s.paused_until is not None
        pause_picker["initial_date"] = s.paused_until.astimezone(view.zone).date().isoformat()
    blocks.append(
        {
            "type": "actions",
            "block_id": "home_schedule",
            "elements": [
                {"type": "timepicker", "action_id": ids.HOME_TIME, "initial_time": s.digest_time.strftime("%H:%M")},
                {
                    "type": "checkboxes",
                    "action_id": ids.HOME_DAYS,
                    "options": [_option(d) for d in range(7)],
                    **({"initial_options": [_option(d) for d in sorted(s.digest_days)]} if s.digest_days else {}),
                },
                pause_picker,
            ],
        }
    )
    if paused:
        assert s.paused_until is not None
        until = s.paused_until.astimezone(view.zone).date()
        blocks.append(
            _section(
                f"Paused until {until.strftime('%a')} {until.strftime('%b')} {until.day}.",
                "home_paused",
                _button("Resume now", ids.HOME_PAUSE_LIFT, "lift"),
            )
        )
    zone_words = f"*Time zone:* {s.zone}"
    if s.tz_override:
        zone_words += f" (your choice; Slack says {s.slack_tz or 'nothing'})"
        accessory = _button("Use Slack's", ids.HOME_TZ_RESET, "reset")
    else:
        zone_words += " (from Slack)" if s.slack_tz else " (the workspace default)"
        accessory = None
    blocks.append(_section(zone_words, "home_tz", accessory))
    blocks.append(
        {
            "type": "input",
            "block_id": "home_tz_input",
            "dispatch_action": True,
            "optional": True,
            "label": {"type": "plain_text", "text": "Use another time zone"},
            "element": {
                "type": "plain_text_input",
                "action_id": ids.HOME_TZ,
                "placeholder": {"type": "plain_text", "text": "e.g. Europe/Berlin, then press Enter"},
                "dispatch_action_config": {"trigger_actions_on": ["on_enter_pressed"]},
            },
        }
    )
    blocks += _rules(view)
    suggest = "on" if s.suggestable else "off"
    blocks.append(
        _section(
            f"*Suggest me to others:* {suggest} — when off, you never appear in anyone's digest.",
            "home_suggestable",
            _button(
                "Don't suggest me" if s.suggestable else "Suggest me again",
                ids.HOME_SUGGESTABLE,
                "off" if s.suggestable else "on",
            ),
        )
    )
    blocks.append(
        _context(
            "Your data: `/giveback export` sends you everything Giveback stores about you;"
            " `/giveback forget` deletes it. `/giveback help` for all commands.",
            "home_privacy",
        )
    )
    return blocks


def _option(day: int) -> Block:
    return {"text": {"type": "plain_text", "text": WEEKDAYS[day].title()}, "value": WEEKDAYS[day]}


def _rules(view: HomeView) -> list[Block]:
    s = view.settings
    blocks: list[Block] = []
    for other in s.muted[:RULES_SHOWN]:
        blocks.append(
            _section(
                f"Muted: <@{other}> is never suggested to you.",
                f"home_m:{other}",
                _button("Un-mute", f"{ids.HOME_UNMUTE}:{other}", other),
            )
        )
    if len(s.muted) > RULES_SHOWN:
        blocks.append(_context(f"…and {len(s.muted) - RULES_SHOWN} more muted.", "home_m_more"))
    for other, until in s.snoozed[:RULES_SHOWN]:
        day = until.astimezone(view.zone).date()
        blocks.append(
            _section(
                f"Snoozed: <@{other}> until {day.strftime('%b')} {day.day}.",
                f"home_s:{other}",
                _button("Un-snooze", f"{ids.HOME_UNSNOOZE}:{other}", other),
            )
        )
    if len(s.snoozed) > RULES_SHOWN:
        blocks.append(_context(f"…and {len(s.snoozed) - RULES_SHOWN} more snoozed.", "home_s_more"))
    return blocks


# ---------------------------------------------------------------------------------------------
# The view


def build_home(view: HomeView) -> dict[str, Any]:
    blocks: list[Block] = [
        _context(
            "*Giveback* keeps a private ledger of who helped you and whom you helped. Only you see this page.",
            "home_intro",
        )
    ]
    blocks += _give_back(view)
    blocks.append({"type": "divider", "block_id": "home_d1"})
    blocks += _ledger(view)
    claims = _claims(view)
    if claims:
        blocks.append({"type": "divider", "block_id": "home_d2"})
        blocks += claims
    blocks.append({"type": "divider", "block_id": "home_d3"})
    blocks += _settings(view)
    # Every part above is bounded; this only guards against a future addition breaking the tab.
    if len(blocks) > MAX_BLOCKS:
        blocks = [*blocks[: MAX_BLOCKS - 1], _context("Some of your Home didn't fit.", "home_overflow")]
    return {"type": "home", "callback_id": "giveback_home", "private_metadata": view.nav.dump(), "blocks": blocks}
