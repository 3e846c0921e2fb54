"""`python -m bot.sandbox`: run a sandbox Slack until Ctrl-C and print where it listens."""

from __future__ import annotations

import argparse
import contextlib
import threading

from .server import SlackSandbox


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.sandbox", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--user", action="append", default=[], metavar="ID:NAME[:TZ]", help="seed a user")
    args = parser.parse_args(argv)
    sandbox = SlackSandbox(host=args.host, port=args.port)
    for spec in args.user:
        parts = spec.split(":")
        sandbox.add_user(
            parts[0],
            parts[1] if len(parts) > 1 else parts[0].lower(),
            tz=parts[2] if len(parts) > 2 else "America/New_York",
        )
    with sandbox:
        print(f"SLACK_API_URL={sandbox.api_url}", flush=True)
        print(f"SLACK_BOT_TOKEN={sandbox.bot_token}", flush=True)
        print(f"SLACK_SIGNING_SECRET={sandbox.signing_secret}", flush=True)
        print(f"SLACK_APP_TOKEN={sandbox.app_token}", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
