"""The App Home through signed HTTP: opened → published, and every button on it."""

from __future__ import annotations

import json

from bot import ids
from bot.sandbox import payloads
from tests.http.conftest import ALICE, BOB, CAROL, GENERAL, ME, ledger


def command(bot, name: str, text: str, user_id: str = ME, **kw):  # type: ignore[no-untyped-def]
    response = bot.sender.command(name, text, user_id=user_id, **kw)
    assert response.status == 200, response.body
    bot.settle()
    return response.json()


def open_home(bot, user: str = ME, team_id: str | None = None) -> dict:  # type: ignore[no-untyped-def]
    before = len(bot.sandbox.published_views(user))
    response = bot.sender.event(payloads.app_home_opened(user), team_id=team_id)
    assert response.status == 200
    bot.settle()
    views = bot.sandbox.published_views(user)
    assert len(views) == before + 1, "app_home_opened must publish the Home"
    return views[-1]


def home_text(view: dict) -> str:
    return json.dumps(view["blocks"], ensure_ascii=False)


def find(view: dict, prefix: str) -> dict:
    """The first interactive element whose action_id starts with `prefix`."""
    for block in view["blocks"]:
        elements = block.get("elements", []) if block["type"] == "actions" else []
        if "accessory" in block:
            elements = [block["accessory"]]
        if block["type"] == "input":
            elements = [block["element"]]
        for element in elements:
            action_id = str(element.get("action_id", ""))
            if action_id == prefix or action_id.startswith(prefix + ":") or (":" in prefix and action_id == prefix):
                return {**element, "block_id": block.get("block_id", "")}
    raise AssertionError(f"no element {prefix!r} in the Home")


def click(bot, view: dict, prefix: str, user: str = ME, team: str = "T0SANDBOX", **action_fields) -> dict:  # type: ignore[no-untyped-def]
    element = find(view, prefix)
    payload = payloads.block_actions(
        user, element["action_id"], element.get("value"), view=view, block_id=element["block_id"], team=team
    )
    payload["actions"][0].update(action_fields)
    if element["type"] != "button":
        payload["actions"][0]["type"] = element["type"]
    before = len(bot.sandbox.published_views(user))
    assert bot.sender.interaction(payload).status == 200
    bot.settle()
    views = bot.sandbox.published_views(user)
    assert len(views) == before + 1, "every Home click republishes the Home"
    return views[-1]


def test_opening_home_publishes_an_empty_but_useful_home(workspace) -> None:  # type: ignore[no-untyped-def]
    view = open_home(workspace)
    text = home_text(view)
    assert view["type"] == "home"
    assert "Nothing yet" in text and "Nobody to suggest" in text and "Daily digest" in text


def test_messages_tab_does_not_publish(workspace) -> None:  # type: ignore[no-untyped-def]
    assert workspace.sender.event(payloads.app_home_opened(ME, tab="messages")).status == 200
    workspace.settle()
    assert workspace.sandbox.published_views(ME) == []


def test_ledger_shows_balances_reasons_and_undo(workspace) -> None:  # type: ignore[no-untyped-def]
    command(workspace, "/got", f"<@{ALICE}> intro to Sam &amp; &lt;Co&gt;")
    command(workspace, "/gave", f"<@{ALICE}> reviewed her PR")
    view = open_home(workspace)
    text = home_text(view)
    assert f"<@{ALICE}>" in text and "helped you once, you helped them once" in text
    assert "Sam &amp; &lt;Co&gt;" in text and "<Co>" not in text
    view = click(workspace, view, ids.HOME_UNDO_EDGE)
    assert "Undone" in home_text(view)
    assert len(ledger(workspace)) == 1


def give_back_people(view: dict) -> list[str]:
    return [
        b["block_id"].split(":", 1)[1] for b in view["blocks"] if str(b.get("block_id", "")).startswith("gb_person:")
    ]


def test_give_back_shows_the_digest_suggestions_with_its_buttons(workspace) -> None:  # type: ignore[no-untyped-def]
    command(workspace, "/got", f"<@{ALICE}> pairing")
    command(workspace, "/got", f"<@{BOB}> the intro")
    view = open_home(workspace)
    assert sorted(give_back_people(view)) == [ALICE, BOB]
    asked = find(view, ids.DIGEST_ASKED)
    assert asked["action_id"] == ids.DIGEST_ASKED  # the digest's own action id


def test_i_asked_them_on_home_removes_them_and_undo_brings_them_back(workspace) -> None:  # type: ignore[no-untyped-def]
    command(workspace, "/got", f"<@{ALICE}> pairing")
    view = open_home(workspace)
    view = click(workspace, view, ids.DIGEST_ASKED)
    assert give_back_people(view) == [] and "You asked" in home_text(view)
    view = click(workspace, view, ids.HOME_UNDO_ASK)
    assert give_back_people(view) == [ALICE]


def test_snooze_and_mute_on_home_show_up_in_settings_and_can_be_lifted(workspace) -> None:  # type: ignore[no-untyped-def]
    command(workspace, "/got", f"<@{ALICE}> pairing")
    command(workspace, "/got", f"<@{BOB}> intro")
    view = open_home(workspace)
    snooze = find(view, ids.DIGEST_SNOOZE)
    view = click(workspace, view, ids.DIGEST_SNOOZE)
    snoozed = snooze["value"].split(":")[1]
    assert snoozed not in give_back_people(view)
    assert f"Snoozed: <@{snoozed}>" in home_text(view)
    view = click(workspace, view, ids.DIGEST_MUTE)
    assert give_back_people(view) == []
    assert "Muted: <@" in home_text(view)
    view = click(workspace, view, ids.HOME_UNSNOOZE)
    view = click(workspace, view, ids.HOME_UNMUTE)
    assert sorted(give_back_people(view)) == [ALICE, BOB]
    assert "Muted:" not in home_text(view) and "Snoozed:" not in home_text(view)


def test_forged_give_back_value_is_refused_with_a_notice(workspace) -> None:  # type: ignore[no-untyped-def]
    view = open_home(workspace)
    payload = payloads.block_actions(ME, ids.DIGEST_MUTE, "0:<!channel>", view=view)
    assert workspace.sender.interaction(payload).status == 200
    workspace.settle()
    assert "doesn't name a person" in home_text(workspace.sandbox.published_views(ME)[-1])


def test_ledger_pages_and_person_focus(workspace) -> None:  # type: ignore[no-untyped-def]
    people = [f"U0P{n:03d}" for n in range(9)]
    for n, user in enumerate(people):
        workspace.sandbox.add_user(user, f"person{n}")
        command(workspace, "/got", f"<@{user}> help number {n}")
    for n in range(7):
        command(workspace, "/got", f"<@{ALICE}> pairing round {n}")
    view = open_home(workspace)
    assert "1–6 of 10" in home_text(view)
    view = click(workspace, view, f"{ids.HOME_PAGE}:next")
    assert "7–10 of 10" in home_text(view)
    assert json.loads(view["private_metadata"])["page"] == 1
    view = click(workspace, view, f"{ids.HOME_PAGE}:prev")
    view = click(workspace, view, f"{ids.HOME_PERSON}:{ALICE}")
    assert "Records 1–7 of 7" in home_text(view)
    undo = [b for b in view["blocks"] if str(b.get("block_id", "")).startswith("home_r:")]
    assert len(undo) == 7
    view = click(workspace, view, ids.HOME_UNDO_EDGE)
    assert "Records 1–6 of 6" in home_text(view)
    view = click(workspace, view, f"{ids.HOME_PERSON}:back")
    assert "of 10" in home_text(view)


def test_records_from_others_have_no_undo_and_nobody_can_undo_anothers(workspace) -> None:  # type: ignore[no-untyped-def]
    command(workspace, "/got", f"<@{ME}> reviewed", user_id=ALICE)  # Alice says I helped her
    view = open_home(workspace)
    assert f"<@{ALICE}>" in home_text(view) and "you helped them once" in home_text(view)
    try:
        find(view, ids.HOME_UNDO_EDGE)
        raise AssertionError("Alice's record must have no Undo on my Home")
    except AssertionError as err:
        assert "no element" in str(err)
    edge_id = _only_edge_id(workspace)
    forged = payloads.block_actions(ME, f"{ids.HOME_UNDO_EDGE}:{edge_id}", str(edge_id), view=view)
    assert workspace.sender.interaction(forged).status == 200
    workspace.settle()
    assert len(ledger(workspace)) == 1
    assert "isn't yours" in home_text(workspace.sandbox.published_views(ME)[-1])


def _only_edge_id(bot) -> int:  # type: ignore[no-untyped-def]
    from storage.help import active_edges

    with bot.app.db.reader() as session:
        (edge,) = active_edges(session, "T0SANDBOX")
        return edge.id


def test_claims_about_me_confirm_and_not_accurate(workspace) -> None:  # type: ignore[no-untyped-def]
    command(workspace, "/gave", f"<@{ME}> fixed your build", user_id=ALICE)
    command(workspace, "/gave", f"<@{ME}> wrote your docs", user_id=BOB)
    view = open_home(workspace)
    text = home_text(view)
    assert "Claims about you" in text and "fixed your build" in text and "wrote your docs" in text
    assert give_back_people(view) == []  # claims never put anyone into my suggestions
    confirm = find(view, ids.HOME_CLAIM_CONFIRM)
    view = click(workspace, view, ids.HOME_CLAIM_CONFIRM)
    confirmed_claimant = ALICE if "fixed your build" not in _claims_text(view) else BOB
    assert give_back_people(view) == [confirmed_claimant], confirm
    view = click(workspace, view, ids.HOME_CLAIM_REJECT)
    assert "Claims about you" not in home_text(view)
    assert give_back_people(view) == [confirmed_claimant]


def _claims_text(view: dict) -> str:
    return json.dumps([b for b in view["blocks"] if str(b.get("block_id", "")).startswith("home_c:")])


def _settings(bot, user: str = ME):  # type: ignore[no-untyped-def]
    from storage.prefs import get_prefs

    with bot.app.db.reader() as session:
        return get_prefs(session, "T0SANDBOX", user)


def test_settings_controls_change_the_schedule(workspace) -> None:  # type: ignore[no-untyped-def]
    view = open_home(workspace)
    assert "Europe/Berlin (from Slack)" in home_text(view)
    view = click(workspace, view, ids.HOME_DIGEST_TOGGLE)
    assert _settings(workspace).digest_enabled is False and "*Daily digest:* off" in home_text(view)
    view = click(workspace, view, ids.HOME_DIGEST_TOGGLE)
    assert _settings(workspace).digest_enabled is True
    view = click(workspace, view, ids.HOME_TIME, selected_time="07:45")
    assert _settings(workspace).digest_time == "07:45" and "07:45" in home_text(view)
    view = click(
        workspace, view, ids.HOME_DAYS, selected_options=[{"value": "mon"}, {"value": "wed"}, {"value": "fri"}]
    )
    assert _settings(workspace).digest_days == "mon,wed,fri"
    assert _settings(workspace).digest_time == "07:45"  # one change never resets another
    view = click(workspace, view, ids.HOME_DAYS, selected_options=[])
    assert "at least one day" in home_text(view) and _settings(workspace).digest_days == "mon,wed,fri"
    view = click(workspace, view, ids.HOME_PAUSE_UNTIL, selected_date="2999-01-01")
    assert _settings(workspace).paused_until is not None and "Paused until" in home_text(view)
    view = click(workspace, view, ids.HOME_PAUSE_LIFT)
    assert _settings(workspace).paused_until is None
    view = click(workspace, view, ids.HOME_PAUSE_UNTIL, selected_date="not-a-date")
    assert "is not a date" in home_text(view)
    view = click(workspace, view, ids.HOME_TZ, value="Asia/Kolkata")
    assert _settings(workspace).tz_override == "Asia/Kolkata" and "Slack says Europe/Berlin" in home_text(view)
    view = click(workspace, view, ids.HOME_TZ, value="Mars/Olympus <!here>")
    assert "not a time zone" in home_text(view) and "<!here>" not in home_text(view)
    assert _settings(workspace).tz_override == "Asia/Kolkata"
    view = click(workspace, view, ids.HOME_TZ_RESET)
    assert _settings(workspace).tz_override is None and "Europe/Berlin (from Slack)" in home_text(view)
    view = click(workspace, view, ids.HOME_SUGGESTABLE)
    assert _settings(workspace).suggestable is False and "Suggest me again" in home_text(view)
    view = click(workspace, view, ids.HOME_SUGGESTABLE)
    assert _settings(workspace).suggestable is True


def test_dont_suggest_me_keeps_me_out_of_others_give_back(workspace) -> None:  # type: ignore[no-untyped-def]
    command(workspace, "/got", f"<@{ALICE}> pairing", user_id=CAROL)
    carol = open_home(workspace, CAROL)
    assert give_back_people(carol) == [ALICE]
    alice = open_home(workspace, ALICE)
    click(workspace, alice, ids.HOME_SUGGESTABLE, user=ALICE)
    assert give_back_people(open_home(workspace, CAROL)) == []


def test_home_refreshes_after_commands_elsewhere(workspace) -> None:  # type: ignore[no-untyped-def]
    open_home(workspace)
    before = len(workspace.sandbox.published_views(ME))
    command(workspace, "/got", f"<@{ALICE}> pairing")
    views = workspace.sandbox.published_views(ME)
    assert len(views) == before + 1 and f"<@{ALICE}>" in home_text(views[-1])
    command(workspace, "/giveback", "time 10:15")
    assert "10:15" in home_text(workspace.sandbox.published_views(ME)[-1])


def test_a_channel_thanks_shows_where_it_came_from(workspace) -> None:  # type: ignore[no-untyped-def]
    text = f"thanks <@{ALICE}> for the quick review!"
    ts = workspace.sandbox.post_user_message(GENERAL, ME, text)
    event = payloads.message(GENERAL, ME, text, ts=ts)
    assert workspace.sender.event(event).status == 200
    workspace.settle()
    text = home_text(open_home(workspace))
    assert f"<#{GENERAL}>" in text and "you thanked them" in text
    assert "|view>" in text  # the permalink


def test_a_gave_refreshes_the_home_of_the_person_it_names(workspace) -> None:  # type: ignore[no-untyped-def]
    command(workspace, "/gave", f"<@{BOB}> fixed your build", user_id=ALICE)
    [view] = workspace.sandbox.published_views(BOB)
    assert "fixed your build" in home_text(view)  # the claim shows without Bob opening the tab
