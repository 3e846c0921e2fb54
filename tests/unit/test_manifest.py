"""The manifest is importable (valid against Slack's schema) and agrees with the code."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from bot import ids

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def manifest() -> dict:
    return yaml.safe_load((ROOT / "manifest.yml").read_text())


def test_manifest_validates_against_slack_schema(manifest: dict) -> None:
    schema = json.loads((ROOT / "tests/data/slack/manifest.schema.1.0.0.json").read_text())
    assert manifest["_metadata"]["major_version"] == 1
    jsonschema.validate(manifest, schema)


def test_a_broken_manifest_is_rejected_by_the_schema(manifest: dict) -> None:
    schema = json.loads((ROOT / "tests/data/slack/manifest.schema.1.0.0.json").read_text())
    broken = {**manifest, "features": {**manifest["features"], "slash_commands": [{"command": "got"}]}}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_commands_match_and_escape_mentions(manifest: dict) -> None:
    commands = manifest["features"]["slash_commands"]
    assert sorted(c["command"] for c in commands) == sorted(ids.COMMANDS)
    assert all(c["should_escape"] is True for c in commands)


def test_events_match_the_code(manifest: dict) -> None:
    assert sorted(manifest["settings"]["event_subscriptions"]["bot_events"]) == sorted(ids.BOT_EVENTS)


def test_dms_and_home_are_enabled(manifest: dict) -> None:
    home = manifest["features"]["app_home"]
    assert home["messages_tab_enabled"] is True
    assert home["home_tab_enabled"] is True
    assert manifest["settings"]["socket_mode_enabled"] is True
    assert manifest["settings"]["interactivity"]["is_enabled"] is True


def test_scopes_cover_what_the_bot_does(manifest: dict) -> None:
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    needed = {"channels:history", "groups:history", "mpim:history", "chat:write", "commands"}
    needed |= {"reactions:read", "reactions:write", "users:read", "im:write", "files:write"}
    assert needed <= scopes
