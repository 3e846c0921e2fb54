"""The App Home through signed HTTP: opened → published, and every button on it."""

from __future__ import annotations

import json

from bot import ids
from bot.sandbox import payloads
from tests.http.conftest import ALICE, ME, ledger


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
    return json.dumps(view["blocks"])


def find(view: dict, prefix: str) -> dict:
    """The first interactive element whose action_id starts with `prefix`."""
    for block in view["blocks"]:
        elements = block.get("elements", []) if block["type"] == "actions" else []
        if "accessory" in block:
            elements = [block["accessory"]]
        if block["type"] == "input":
            elements = [block["element"]]
        for element in elements:
            if str(element.get("action_id", "")).startswith(prefix):
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
