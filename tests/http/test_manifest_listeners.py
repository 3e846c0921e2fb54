"""Every command and event in manifest.yml reaches a registered listener, and nothing the code
listens to is missing from the manifest (checked in tests/unit/test_manifest.py via bot.ids)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.sandbox import payloads

MANIFEST = yaml.safe_load((Path(__file__).resolve().parents[2] / "manifest.yml").read_text())
COMMANDS = [c["command"] for c in MANIFEST["features"]["slash_commands"]]
EVENTS = MANIFEST["settings"]["event_subscriptions"]["bot_events"]


def sample_event(name: str) -> dict:
    if name.startswith("message."):
        channel = {"channels": "C0X", "groups": "G0X", "mpim": "G0MP", "im": "D0X"}[name.split(".")[1]]
        channel_type = {"channels": "channel", "groups": "group", "mpim": "mpim", "im": "im"}[name.split(".")[1]]
        return payloads.message(channel, "U0MIA", "hello", channel_type=channel_type)
    if name in ("reaction_added", "reaction_removed"):
        return payloads._reaction(name, "U0MIA", "eyes", "C0X", "1.0", "U0ALICE", None)
    if name == "app_home_opened":
        return payloads.app_home_opened("U0MIA", tab="messages")
    if name == "user_change":
        return payloads.user_change({"id": "U0MIA", "name": "mia", "tz": "Europe/Berlin", "deleted": False})
    if name == "app_uninstalled":
        return payloads.app_uninstalled()
    if name == "tokens_revoked":
        return payloads.tokens_revoked(["U0NOTUS"])
    raise AssertionError(f"no sample for {name}: add one when subscribing to a new event")


@pytest.mark.parametrize("name", EVENTS)
def test_every_subscribed_event_has_a_listener(running_bot, name: str) -> None:  # type: ignore[no-untyped-def]
    response = running_bot.sender.event(sample_event(name))
    assert response.status == 200, f"{name}: {response.status} {response.body}"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_a_listener(running_bot, command: str) -> None:  # type: ignore[no-untyped-def]
    response = running_bot.sender.command(command, "help", user_id="U0MIA")
    assert response.status == 200 and response.json()["text"], f"{command}: {response.status}"


def test_an_unknown_command_is_not_silently_accepted(running_bot) -> None:  # type: ignore[no-untyped-def]
    assert running_bot.sender.command("/nosuch", "x", user_id="U0MIA").status == 404
