"""The offline demo: the real bot (same code, HTTP mode) against the built-in Slack sandbox.

`run_demo` plays a scripted week for a small team in four time zones and prints a transcript
read back from what happened (sandbox state and recorded Web API calls, the ledger); with
`interactive=True` a person types the messages instead.
"""

from __future__ import annotations

import sys
from typing import TextIO

from bot.log import configure_logging
from bot.settings import Settings

__all__ = ["run_demo"]


def run_demo(settings: Settings, *, interactive: bool, out: TextIO, stdin: TextIO | None = None) -> int:
    from bot.demo.script import CHANNELS, MEMBERS, WEEK_START
    from bot.demo.week import play_week, print_week_end
    from bot.demo.world import DemoWorld

    if settings.log_level != "DEBUG":
        # The bot's INFO lines (one per request) would drown the transcript; warnings still show.
        configure_logging("WARNING", settings.log_format)
    _header(out, interactive)
    with DemoWorld.open(members=MEMBERS, channels=CHANNELS, start=WEEK_START, base_settings=settings) as world:
        if interactive:
            from bot.demo.interactive import Repl

            return Repl(world, stdin or sys.stdin, out).run()
        report = play_week(world, out)
        print_week_end(world, out, report)
    out.write(
        "\nEverything above went through signed HTTP into the bot and Web API calls into the sandbox.\n"
        "Try it yourself: .venv/bin/giveback demo --interactive\n"
        "Connect a real workspace: see README.md, “Create the Slack app”.\n"
    )
    out.flush()
    return 0


def _header(out: TextIO, interactive: bool) -> None:
    from bot.demo.script import MEMBERS

    team = ", ".join(f"{m.real_name} ({m.city})" for m in MEMBERS)
    out.write(
        "Giveback offline demo — the real bot (HTTP mode, signed requests) against a local Slack sandbox,\n"
        "on a throw-away SQLite database. Nothing leaves this machine.\n"
        f"Team: {team}.\n"
    )
    if not interactive:
        out.write(
            "A simulated week, Mon 16 – Fri 20 Nov 2026. Digests go out at 09:00 Mon–Fri in each person's\n"
            "own time zone; the demo runs the scheduler's digest tick every simulated hour.\n"
        )
    out.flush()
