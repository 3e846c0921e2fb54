"""`giveback` — the only place that reads the environment and starts anything."""

from __future__ import annotations

import argparse
import datetime as dt
import signal
import sys
from collections.abc import Sequence
from typing import Any

from bot.log import configure_logging, get_logger
from bot.settings import Settings, SettingsError, load_settings

EXIT_BAD_SETTINGS = 2
log = get_logger("giveback")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = load_settings()
    except SettingsError as err:
        print(f"giveback: {err}", file=sys.stderr)
        return EXIT_BAD_SETTINGS
    configure_logging(settings.log_level, settings.log_format)
    return int(args.handler(settings, args) or 0)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="giveback", description="Giveback: help flows both ways.")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="start the bot (Socket Mode with SLACK_APP_TOKEN, else HTTP)")
    run.add_argument(
        "--demo-without-credentials",
        action="store_true",
        help="with no Slack credentials, run the offline demo instead of failing (used by `make run`)",
    )
    run.set_defaults(handler=_run)

    migrate = commands.add_parser("migrate", help="apply database migrations and exit")
    migrate.set_defaults(handler=_migrate)

    digest = commands.add_parser("digest", help="run one digest pass, or preview one user's digest")
    digest.add_argument("--now", type=_instant, help="ISO 8601 instant to run as of (default: now)")
    digest.add_argument("--preview", metavar="USER_ID", help="print USER_ID's digest without sending it")
    digest.add_argument("--team", metavar="TEAM_ID", help="workspace of the previewed user (default: the only one)")
    digest.set_defaults(handler=_digest)

    detect = commands.add_parser("detect", help="thanks detector: JSON Lines in on stdin, JSON Lines out")
    detect.set_defaults(handler=_detect)

    demo = commands.add_parser("demo", help="the offline demo: the real bot against a local Slack sandbox")
    demo.add_argument("--interactive", action="store_true", help="type messages as team members yourself")
    demo.set_defaults(handler=_demo)
    return parser


def _instant(value: str) -> dt.datetime:
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not an ISO 8601 instant like 2026-11-26T09:00:00Z") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _run(settings: Settings, args: argparse.Namespace) -> int:
    from bot.app import ConfigurationError, create_app

    if not settings.has_any_slack_credential and args.demo_without_credentials:
        # Partly configured credentials are a mistake to report (below), not a cue for the demo.
        print("No Slack credentials (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET) found — running the offline demo.")
        return _demo(settings, argparse.Namespace(interactive=False))
    try:
        app = create_app(settings)
    except ConfigurationError as err:
        print(f"giveback: {err}", file=sys.stderr)
        return EXIT_BAD_SETTINGS
    _stop_on_sigterm()
    try:
        app.start_jobs()
        if settings.socket_mode:
            from slack_bolt.adapter.socket_mode import SocketModeHandler

            assert settings.slack_app_token is not None
            log.info("bot.starting", mode="socket")
            SocketModeHandler(app.bolt, settings.slack_app_token.get_secret_value()).start()
        else:
            server = app.http_server()
            log.info("bot.starting", mode="http", host=settings.host, port=server.effective_port)
            server.run()
    except KeyboardInterrupt:
        log.info("bot.stopping")
    finally:
        app.close()
    return 0


def _stop_on_sigterm() -> None:
    def stop(*_: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)


def _migrate(settings: Settings, _: argparse.Namespace) -> int:
    from storage.db import Database
    from storage.migrate import upgrade

    database = Database(settings.database_url)
    try:
        upgrade(database)
    finally:
        database.dispose()
    print("giveback: database is up to date")
    return 0


def _digest(settings: Settings, args: argparse.Namespace) -> int:
    from bot.digest_cli import run_digest

    return run_digest(settings, now=args.now, preview_user=args.preview, team_id=args.team, out=sys.stdout)


def _detect(_: Settings, __: argparse.Namespace) -> int:
    from bot.detect_cli import run_detect

    return run_detect(sys.stdin, sys.stdout, sys.stderr)


def _demo(settings: Settings, args: argparse.Namespace) -> int:
    from bot.demo import run_demo

    return run_demo(settings, interactive=args.interactive, out=sys.stdout)


if __name__ == "__main__":
    sys.exit(main())
