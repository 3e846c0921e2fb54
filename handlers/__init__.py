"""Bolt listeners, one module per Slack surface; `register_all` wires them into an app."""

from __future__ import annotations

from slack_bolt import App

from handlers import capture_actions, commands, digest_actions, giveback_command, home, lifecycle, messages, reactions

# `home` before `digest_actions`: it takes the digest buttons clicked on the Home tab.
# `messages` and `reactions` first: they are nearly all the traffic, and Bolt runs every earlier
# listener's matchers on each request (36 of them cost 0.35 ms per message; bench/bench_ingest.py).
MODULES = [messages, reactions, commands, capture_actions, home, digest_actions, giveback_command, lifecycle]


def register_all(app: App) -> None:
    for module in MODULES:
        module.register(app)
