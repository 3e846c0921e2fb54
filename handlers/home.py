"""The App Home: published when opened, and every button, picker and input on it.

Digest buttons shown on the Home (*I asked them*, *Snooze*, *Don't suggest them again*) share
their action ids with the digest DM; these listeners take the clicks that come from a view and
leave message clicks to `handlers.digest_actions` (registered after this module).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_bolt import Ack, App

from bot import ids
from bot.blocks.home import Nav
from bot.deps import Deps, deps_of
from bot.giveback_command import parse_zone
from bot.home import BadValue
from bot.slack_text import escape_mrkdwn
from handlers.common import team_id_of


@dataclass(frozen=True, slots=True)
class Outcome:
    nav: Nav | None = None
    notice: str | None = None
    undo_ask: str | None = None


Handler = Callable[[Deps, str, str, dict[str, Any], Nav], Outcome | None]


def home_opened(event: dict[str, Any], body: dict[str, Any], context: Any) -> None:
    if event.get("tab", "home") != "home":
        return  # the Messages tab
    deps = deps_of(context)
    team_id = team_id_of(body)
    deps.privacy.seen(team_id)
    deps.home.refresh(team_id, event["user"])


def _from_view(body: dict[str, Any]) -> bool:
    return (body.get("container") or {}).get("type") == "view"


def _listener(handler: Handler) -> Callable[..., None]:
    def listener(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: Any) -> None:
        ack()
        deps = deps_of(context)
        team_id, user_id = team_id_of(body), body["user"]["id"]
        nav = Nav.load((body.get("view") or {}).get("private_metadata"))
        try:
            outcome = handler(deps, team_id, user_id, action, nav) or Outcome()
        except BadValue as err:
            outcome = Outcome(notice=f":warning: {escape_mrkdwn(str(err))}")
        deps.home.refresh(team_id, user_id, outcome.nav or nav, notice=outcome.notice, undo_ask=outcome.undo_ask)

    listener.__name__ = handler.__name__
    return listener


def _int(action: dict[str, Any]) -> int:
    value = str(action.get("value") or "")
    if not value.isdigit():
        raise BadValue("That button is malformed.")
    return int(value)


# ---- give back (the digest's buttons, on the Home) ---------------------------------------------


def give_back(deps: Deps, team_id: str, user_id: str, action: dict[str, Any], nav: Nav) -> Outcome:
    _, _, other_id = str(action.get("value") or "").partition(":")
    notice, undo = deps.home.give_back(team_id, user_id, other_id, action["action_id"])
    return Outcome(notice=notice, undo_ask=undo)


def undo_ask(deps: Deps, team_id: str, user_id: str, action: dict[str, Any], nav: Nav) -> Outcome:
    deps.home.undo_ask(team_id, user_id, str(action.get("value") or ""))
    return Outcome()


# ---- ledger ------------------------------------------------------------------------------------


def page(deps: Deps, team_id: str, user_id: str, action: dict[str, Any], nav: Nav) -> Outcome:
    value = str(action.get("value") or "")
    if value.startswith("p") and value[1:].isdigit():
        return Outcome(nav=Nav(nav.page, nav.person, int(value[1:])))
    if value.isdigit():
        return Outcome(nav=Nav(int(value)))
    raise BadValue("That button is malformed.")


def person(deps: Deps, team_id: str, user_id: str, action: dict[str, Any], nav: Nav) -> Outcome:
    other = str(action.get("value") or "")
    return Outcome(nav=Nav(nav.page, other or None, 0))


def undo_edge(deps: Deps, team_id: str, user_id: str, action: dict[str, Any], nav: Nav) -> Outcome:
    if not deps.home.undo_record(team_id, user_id, _int(action)):
        return Outcome(notice="That record was already undone, or isn't yours to undo.")
    return Outcome(notice="Undone: that record no longer counts.")


def claim_confirm(deps: Deps, team_id: str, user_id: str, action: dict[str, Any], nav: Nav) -> Outcome:
    deps.home.review_claim(team_id, user_id, _int(action), accurate=True)
    return Outcome(notice="Confirmed: it now counts as help you received.")


def claim_reject(deps: Deps, team_id: str, user_id: str, action: dict[str, Any], nav: Nav) -> Outcome:
    deps.home.review_claim(team_id, user_id, _int(action), accurate=False)
    return Outcome(notice="Hidden: it won't count or show here again.")


# ---- settings ----------------------------------------------------------------------------------


def digest_toggle(deps: Deps, team_id: str, user_id: str, action: dict[str, Any], nav: Nav) -> Outcome:
    deps.home.set_digest_enabled(team_id, user_id, action.get("value") == "on")
    return Outcome()


def time(deps: Deps, team_id: str, user_id: str, action: dict[str, Any], nav: Nav) -> Outcome:
    deps.home.set_time(team_id, user_id, str(action.get("selected_time") or ""))
    return Outcome()


def days(deps: Deps, team_id: str, user_id: str, action: dict[str, Any], nav: Nav) -> Outcome:
    chosen = [str(o.get("value")) for o in action.get("selected_options") or [] if isinstance(o, dict)]
    if not chosen:
        raise BadValue("Pick at least one day, or turn the digest off.")
    deps.home.set_days(team_id, user_id, ",".join(chosen))
    return Outcome()


def pause_until(deps: Deps, team_id: str, user_id: str, action: dict[str, Any], nav: Nav) -> Outcome:
    deps.home.pause_until_date(team_id, user_id, str(action.get("selected_date") or ""))
    return Outcome()


def pause_lift(deps: Deps, team_id: str, user_id: str, action: dict[str, Any], nav: Nav) -> Outcome:
    deps.home.resume(team_id, user_id)
    return Outcome()


def zone(deps: Deps, team_id: str, user_id: str, action: dict[str, Any], nav: Nav) -> Outcome:
    typed = str(action.get("value") or "")
    parsed = parse_zone(typed)
    if parsed is None:
        raise BadValue(f"{typed[:60]!r} is not a time zone; use a name like Europe/Berlin.")
    deps.home.set_zone(team_id, user_id, parsed)
    return Outcome()


def zone_reset(deps: Deps, team_id: str, user_id: str, action: dict[str, Any], nav: Nav) -> Outcome:
    deps.home.set_zone(team_id, user_id, "")
    return Outcome()


def unmute(deps: Deps, team_id: str, user_id: str, action: dict[str, Any], nav: Nav) -> Outcome:
    deps.home.unmute(team_id, user_id, str(action.get("value") or ""))
    return Outcome()


def unsnooze(deps: Deps, team_id: str, user_id: str, action: dict[str, Any], nav: Nav) -> Outcome:
    deps.home.unsnooze(team_id, user_id, str(action.get("value") or ""))
    return Outcome()


def suggestable(deps: Deps, team_id: str, user_id: str, action: dict[str, Any], nav: Nav) -> Outcome:
    deps.home.set_suggestable(team_id, user_id, action.get("value") == "on")
    return Outcome()


def capture_on(deps: Deps, team_id: str, user_id: str, action: dict[str, Any], nav: Nav) -> Outcome:
    deps.privacy.opt_in(team_id, user_id)
    return Outcome(notice="Giveback records you again.")


def _prefix(action_id: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(action_id)}(:.*)?$")


HANDLERS: dict[str, Handler] = {
    ids.HOME_PAGE: page,
    ids.HOME_PERSON: person,
    ids.HOME_UNDO_EDGE: undo_edge,
    ids.HOME_CLAIM_CONFIRM: claim_confirm,
    ids.HOME_CLAIM_REJECT: claim_reject,
    ids.HOME_UNDO_ASK: undo_ask,
    ids.HOME_DIGEST_TOGGLE: digest_toggle,
    ids.HOME_TIME: time,
    ids.HOME_DAYS: days,
    ids.HOME_PAUSE_UNTIL: pause_until,
    ids.HOME_PAUSE_LIFT: pause_lift,
    ids.HOME_TZ: zone,
    ids.HOME_TZ_RESET: zone_reset,
    ids.HOME_UNMUTE: unmute,
    ids.HOME_UNSNOOZE: unsnooze,
    ids.HOME_SUGGESTABLE: suggestable,
    ids.HOME_CAPTURE_ON: capture_on,
}


def register(app: App) -> None:
    app.event("app_home_opened")(home_opened)
    for action_id in (ids.DIGEST_ASKED, ids.DIGEST_SNOOZE, ids.DIGEST_MUTE):
        app.action(action_id, matchers=[_from_view])(_listener(give_back))
    for action_id, handler in HANDLERS.items():
        app.action(_prefix(action_id))(_listener(handler))
