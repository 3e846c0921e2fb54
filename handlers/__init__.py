"""Bolt listeners, one module per Slack surface; `register_all` wires them into an app."""

from __future__ import annotations

from slack_bolt import App

from handlers import capture_actions, commands, digest_actions, messages, reactions

MODULES = [commands, capture_actions, digest_actions, messages, reactions]


def register_all(app: App) -> None:
    for module in MODULES:
        module.register(app)
