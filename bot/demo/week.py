"""Playing the scripted week through the real bot, printing each step from what it did."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, TextIO

from bot.demo import render
from bot.demo.script import MEMBERS, WEEK, WEEK_END, WEEK_START, Click, Command, Delete, Edit, React, Say, Step
from bot.demo.transcript import INDENT, Transcript, plural
from bot.demo.world import DemoWorld, PostedMessage

TICK = dt.timedelta(hours=1)


@dataclass
class SentDigest:
    recipient: str  # user id
    ts: str
    sent_at: dt.datetime
    message: dict[str, Any]


@dataclass
class WeekReport:
    digests: list[SentDigest] = field(default_factory=list)
    clicks: list[tuple[str, str, str]] = field(default_factory=list)  # (who, action_id, about)
    passes: int = 0


def timeline(
    steps: list[Step], start: dt.datetime, end: dt.datetime, tick: dt.timedelta
) -> list[tuple[dt.datetime, Step | None]]:
    """Scripted steps merged with the scheduler's ticks (None). A tick at the same instant as a
    step comes first: a 09:00 digest goes out before a 09:00 message."""
    items: list[tuple[dt.datetime, int, Step | None]] = []
    instant = start
    while instant < end:
        items.append((instant, 0, None))
        instant += tick
    items += [(step.at, 1, step) for step in steps]
    items.sort(key=lambda item: (item[0], item[1]))
    return [(when, step) for when, _, step in items]


def play_week(world: DemoWorld, out: TextIO, *, steps: list[Step] = WEEK) -> WeekReport:
    t = Transcript(world, out)
    report = WeekReport()
    labels: dict[str, PostedMessage] = {}
    day: dt.date | None = None
    day_passes: list[Any] = []
    has_digest = world.digest is not None

    def end_of_day() -> None:
        if has_digest and day_passes:
            sent = sum(getattr(s, "sent", 0) for s in day_passes)
            empty = sum(getattr(s, "empty", 0) for s in day_passes)
            t.line(
                f"{INDENT}· digest ticks today: {plural(len(day_passes), 'pass', 'passes')}, "
                f"{plural(sent, 'DM')} sent, {plural(empty, 'person', 'people')} due with nobody to suggest"
            )

    for when, step in timeline(steps, WEEK_START, WEEK_END, TICK):
        if step is None and not has_digest:
            continue
        if when.date() != day:
            end_of_day()
            day, day_passes = when.date(), []
            t.line()
            t.line(f"━━ {when:%A %d %B %Y} (UTC) " + "━" * 50)
        world.clock.set(when)
        if step is None:
            summary, outcome = world.tick()
            report.passes += 1
            day_passes.append(summary)
            if outcome.bot_posts or getattr(summary, "failed", 0):
                _print_pass(t, world, when, summary, outcome, report)
            continue
        _play(t, world, step, labels, report)
    end_of_day()
    return report


def _print_pass(
    t: Transcript, world: DemoWorld, when: dt.datetime, summary: Any, outcome: Any, report: WeekReport | None
) -> None:
    sent = getattr(summary, "sent", len(outcome.bot_posts))
    mornings = sorted({f"{when.astimezone(_zone(m)):%H:%M} {m.city}" for m in _recipients(world, outcome)})
    t.line(
        f"{t.clock_prefix(when)}the scheduler's tick runs a digest pass ({', '.join(mornings)}): "
        f"{plural(sent, 'DM')} sent" + (f", {summary.failed} failed" if getattr(summary, "failed", 0) else "")
    )
    for post in outcome.bot_posts:
        recipient = _dm_owner(world, post["channel"])
        if recipient is None:
            continue
        message = world.dm(recipient.user_id, post["ts"]) or post.get("message", {})
        t.dm(recipient, message, when)
        if report is not None:
            report.digests.append(SentDigest(recipient.user_id, post["ts"], when, message))


def _play(t: Transcript, world: DemoWorld, step: Step, labels: dict[str, PostedMessage], report: WeekReport) -> None:
    if isinstance(step, Say):
        parent = labels[step.thread_of] if step.thread_of else None
        posted, outcome = world.say(step.who, step.channel, step.text, thread_of=parent)
        if step.label:
            labels[step.label] = posted
        t.message(step.at, posted, outcome)
    elif isinstance(step, Edit):
        edited, outcome = world.edit(labels[step.label], step.text)
        labels[step.label] = edited
        t.message(step.at, edited, outcome, verb=" edited it to")
    elif isinstance(step, Delete):
        outcome = world.delete(labels[step.label])
        t.deleted(step.at, labels[step.label], outcome)
    elif isinstance(step, React):
        outcome = world.react(step.who, step.emoji, labels[step.label])
        t.reaction(step.at, world.member(step.who), step.emoji, labels[step.label], outcome)
    elif isinstance(step, Command):
        outcome = world.command(step.who, step.command, step.text, step.channel)
        t.command(step.at, world.member(step.who), step.command, step.text, outcome)
    elif isinstance(step, Click):
        _click(t, world, step, report)


def _click(t: Transcript, world: DemoWorld, step: Click, report: WeekReport) -> None:
    if _click_step(t, world, step.at, step.who, step.about, step.action_id):
        report.clicks.append((world.member(step.who).user_id, step.action_id, world.member(step.about).user_id))


def _click_step(
    t: Transcript, world: DemoWorld, when: dt.datetime, who_name: str, about_name: str, action_id: str
) -> bool:
    """Click `action_id` next to `about` in `who`'s latest digest that offers it; print the change."""
    who, about = world.member(who_name), world.member(about_name)
    found = _latest_button(world, who.user_id, action_id, about.user_id)
    if found is None:
        t.line(f"{t.clock_prefix(when)}{who.first_name} has no digest with that button next to {about.first_name}")
        return False
    message, button = found
    responses_before = len(world.sandbox.response_url_posts())
    outcome = world.click(who.user_id, message, action_id, button["value"])
    label = render.text_object(button.get("text"))
    t.line(f"{t.clock_prefix(when)}{t.wall(who, when)} clicked [ {label} ] next to {about.first_name} in the digest DM")
    if outcome.status != 200:
        t.line(f"{INDENT}Slack got HTTP {outcome.status} from the bot")
    after = world.dm(who.user_id, message["ts"])
    if outcome.updates:
        how = "chat.update"
    elif len(world.sandbox.response_url_posts()) > responses_before:
        how = "response_url"
    else:
        how = "changed"
    if after is None or after.get("blocks") == message.get("blocks"):
        t.line(f"{INDENT}the DM did not change")
    else:
        t.line(f"{INDENT}Giveback updated the DM in place ({how}):")
        t.changed_blocks(message.get("blocks") or [], after.get("blocks") or [])
    for text in t.ledger_changes(outcome):
        t.line(f"{INDENT}{text}")
    return outcome.status == 200


def _latest_button(
    world: DemoWorld, user_id: str, action_id: str, about: str
) -> tuple[dict[str, Any], dict[str, Any]] | None:
    for message in reversed(world.sandbox.dm_messages(user_id)):
        for block in message.get("blocks") or []:
            for element in [*(block.get("elements") or []), *([block["accessory"]] if block.get("accessory") else [])]:
                value = str(element.get("value", ""))
                if element.get("action_id") == action_id and value.endswith(f":{about}"):
                    return message, element
    return None


def _dm_owner(world: DemoWorld, channel: str) -> Any:
    for member in world.members.values():
        if world.sandbox.dm_channel(member.user_id) == channel:
            return member
    return None


def _recipients(world: DemoWorld, outcome: Any) -> list[Any]:
    return [m for m in (_dm_owner(world, p["channel"]) for p in outcome.bot_posts) if m is not None]


def _zone(member: Any) -> Any:
    from zoneinfo import ZoneInfo

    return ZoneInfo(member.tz)


def print_week_end(world: DemoWorld, out: TextIO, report: WeekReport) -> None:
    t = Transcript(world, out)
    t.line()
    t.line("━━ The end of the week " + "━" * 60)
    rows = [r for r in world.ledger_rows().values()]
    active = [r for r in rows if r.active]
    t.line(f"The ledger holds {plural(len(active), 'active act')} of help ({len(rows) - len(active)} retracted):")
    for row in active:
        t.line(f"  · {t.ledger_row(row)}")
    if world.digest is not None:
        t.line("Digest DMs in each person's Slack this week:")
        for member in MEMBERS:
            count = sum(1 for m in world.sandbox.dm_messages(member.user_id) if m.get("bot_id"))
            t.line(f"  · {member.first_name} ({member.city}): {count}")
