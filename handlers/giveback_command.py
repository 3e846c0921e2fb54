"""`/giveback`: help, pause/resume, time/days/zone, export, forget (with confirmation), record me."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, Respond

from bot import ids
from bot.blocks.giveback_command import build_forget_confirm, build_reply, forget_cancelled_text, forgotten_text
from bot.deps import Deps, deps_of
from bot.giveback_command import HELP_TEXT, Giveback, Problem, parse_giveback
from bot.home import BadValue
from bot.slack_text import escape_mrkdwn
from handlers.common import team_id_of


def _reply(ack: Ack, text: str) -> None:
    ack(text=text, blocks=build_reply(text))


def giveback(ack: Ack, command: dict[str, Any], context: Any) -> None:
    deps = deps_of(context)
    team_id, user_id = team_id_of(command), command["user_id"]
    parsed = parse_giveback(command.get("text") or "")
    if isinstance(parsed, Problem):
        _reply(ack, parsed.message)
        return
    deps.privacy.seen(team_id)
    try:
        text = _run(deps, team_id, user_id, parsed, command)
    except BadValue as err:
        _reply(ack, escape_mrkdwn(str(err)))
        return
    if parsed.action == "forget":
        ack(text="Delete everything Giveback stores about you?", blocks=build_forget_confirm())
        return
    _reply(ack, text)
    if parsed.action not in ("help", "export"):
        deps.home.refresh(team_id, user_id)


def _run(deps: Deps, team_id: str, user_id: str, parsed: Giveback, command: dict[str, Any]) -> str:
    home = deps.home
    if parsed.action == "help":
        return HELP_TEXT
    if parsed.action == "pause":
        if parsed.value is None:
            home.set_digest_enabled(team_id, user_id, False)
            return "Digests paused. `/giveback resume` starts them again."
        until = home.pause_for(team_id, user_id, int(parsed.value))
        zone = _zone(deps, team_id, user_id)
        day = until.astimezone(zone).date()
        when = f"{day.strftime('%a')} {day.strftime('%b')} {day.day}"
        return f"No digests for {parsed.value} days, until {when}. `/giveback resume` to end it early."
    if parsed.action == "resume":
        home.resume(team_id, user_id)
        return "Digests are on again."
    if parsed.action == "time":
        clock = home.set_time(team_id, user_id, str(parsed.value))
        return f"Your digest now comes at {clock}, your time ({_zone(deps, team_id, user_id).key})."
    if parsed.action == "days":
        days = home.set_days(team_id, user_id, str(parsed.value))
        return f"Your digest now comes on {days}."
    if parsed.action == "tz":
        home.set_zone(team_id, user_id, str(parsed.value))
        if parsed.value:
            return f"Your digests now follow {parsed.value}."
        return f"Your digests follow the time zone in your Slack profile ({_zone(deps, team_id, user_id).key})."
    if parsed.action == "export":
        if not deps.privacy.first_time(team_id, f"export:{command.get('trigger_id')}"):
            return "Your export is already on its way."
        deps.background.submit("privacy.export", deps.privacy.export, team_id, user_id)
        return "Preparing your export. It arrives as a JSON file in your DM with Giveback in a moment."
    if parsed.action == "optin":
        if deps.privacy.opt_in(team_id, user_id):
            return "Welcome back: Giveback records your thanks and help again."
        return "Giveback is already recording you. (`/giveback forget` stops it.)"
    return ""  # forget: the listener asks for confirmation


def _zone(deps: Deps, team_id: str, user_id: str):  # type: ignore[no-untyped-def]
    from bot.schedule import zone_for

    return zone_for(deps.home.zone(team_id, user_id)[0], deps.settings.default_timezone)


def forget_confirm(ack: Ack, body: dict[str, Any], respond: Respond, context: Any) -> None:
    ack()
    deps = deps_of(context)
    team_id, user_id = team_id_of(body), body["user"]["id"]
    counts = deps.privacy.forget(team_id, user_id)
    text = forgotten_text(counts)
    respond(replace_original=True, text=text, blocks=build_reply(text))
    deps.home.refresh(team_id, user_id)


def forget_cancel(ack: Ack, respond: Respond) -> None:
    ack()
    text = forget_cancelled_text()
    respond(replace_original=True, text=text, blocks=build_reply(text))


def register(app: App) -> None:
    app.command(ids.GIVEBACK_COMMAND)(giveback)
    app.action(ids.FORGET_CONFIRM)(forget_confirm)
    app.action(ids.FORGET_CANCEL)(forget_cancel)
