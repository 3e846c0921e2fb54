"""The composition root: `create_app(settings)` builds everything; nothing is built at import."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.error import BoltError
from slack_bolt.middleware import Middleware
from sqlalchemy import text

import handlers
from bot.background import Background
from bot.capture import CaptureService
from bot.deps import Clock, Deps, system_clock
from bot.digest import DigestService
from bot.directory import UserDirectory
from bot.home import HomeService
from bot.log import get_logger
from bot.privacy import PrivacyService
from bot.scheduler import install as install_scheduler
from bot.server import build_wsgi_app, create_server, stop_server
from bot.settings import Settings
from bot.slack_client import build_web_client
from storage.db import Database
from storage.migrate import upgrade

log = get_logger(__name__)


class ConfigurationError(Exception):
    """The app cannot start with these settings; the message says which and why."""


@dataclass
class Giveback:
    """A running bot's parts. `serve_http()` / `socket_mode()` run it; `close()` stops it."""

    settings: Settings
    deps: Deps
    bolt: App
    _stoppers: list[Any] = field(default_factory=list)
    _starters: list[Any] = field(default_factory=list)

    @property
    def db(self) -> Database:
        return self.deps.db

    def healthy(self) -> bool:
        try:
            with self.db.reader() as session:
                session.execute(text("SELECT 1"))
        except Exception:
            # Health checks report; they never raise.
            return False
        return True

    def wsgi(self) -> Any:
        return build_wsgi_app(self.bolt, self.healthy)

    def http_server(self, host: str | None = None, port: int | None = None) -> Any:
        """A bound waitress server for `giveback run` to `.run()` on the main thread."""
        return create_server(
            self.wsgi(),
            host if host is not None else self.settings.host,
            port if port is not None else self.settings.port,
            threads=self.settings.http_threads,
        )

    def serve_in_thread(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Start HTTP mode on a background thread (tests, demo); returns the events URL."""
        server = self.http_server(host, port)
        thread = threading.Thread(target=server.run, name="giveback-http", daemon=True)
        thread.start()
        self._stoppers.append(lambda: stop_server(server, thread))
        return f"http://{host}:{server.effective_port}/slack/events"

    def on_start(self, starter: Any) -> None:
        """Register a background job (e.g. the digest ticker) that `giveback run` starts."""
        self._starters.append(starter)

    def start_jobs(self) -> None:
        for start in self._starters:
            start()

    def on_close(self, stopper: Any) -> None:
        self._stoppers.append(stopper)

    def close(self) -> None:
        for stop in reversed(self._stoppers):
            stop()
        self._stoppers.clear()
        self.deps.background.drain()
        self.deps.background.shutdown()
        self.db.dispose()


def create_app(settings: Settings, *, clock: Clock | None = None, migrate: bool = True) -> Giveback:
    if settings.slack_signing_secret is None and settings.slack_app_token is None:
        raise ConfigurationError("invalid setting SLACK_SIGNING_SECRET: required for HTTP mode")
    if settings.slack_bot_token is None:
        raise ConfigurationError("invalid setting SLACK_BOT_TOKEN: required (xoxb-…)")
    clock = clock or system_clock
    db = Database(settings.database_url)
    if migrate:
        upgrade(db)
    slack = build_web_client(settings)
    background = Background()
    directory = UserDirectory(db, build_web_client(settings, timeout=2), clock)
    capture = CaptureService(
        settings=settings, db=db, slack=slack, directory=directory, background=background, clock=clock
    )
    deps = Deps(
        settings=settings,
        db=db,
        slack=slack,
        clock=clock,
        directory=directory,
        background=background,
        capture=capture,
        digest=DigestService(settings=settings, db=db, slack=build_web_client(settings, retry=False), clock=clock),
        home=HomeService(
            settings=settings, db=db, slack=slack, clock=clock, background=background, directory=directory
        ),
        privacy=PrivacyService(settings=settings, db=db, slack=slack, directory=directory, clock=clock),
    )
    bolt = _bolt_app(settings, deps)
    app = Giveback(settings=settings, deps=deps, bolt=bolt)
    if settings.scheduler_enabled:
        install_scheduler(app)
    return app


class _InjectDeps(Middleware):
    """Puts the one `Deps` into every request's context. A `Middleware` subclass, not a decorated
    function: Bolt builds a function middleware's arguments anew on every request (≈30 µs, ~5%
    of a chatter message's whole cost; bench/bench_ingest.py)."""

    def __init__(self, deps: Deps) -> None:
        self._deps = deps

    def process(self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]) -> BoltResponse:
        req.context["deps"] = self._deps
        return next()


def _bolt_app(settings: Settings, deps: Deps) -> App:
    secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else None
    try:
        bolt = App(
            client=deps.slack,
            signing_secret=secret or "socket-mode-does-not-sign",
            # Listeners finish (and commit) before Slack gets its 200: an ack means "durable".
            process_before_response=True,
            # auth.test runs on the first request instead of at import, so startup needs no network.
            token_verification_enabled=False,
            raise_error_for_unhandled_request=False,
        )
    except BoltError as err:
        raise ConfigurationError(f"invalid Slack settings: {err}") from None

    bolt.use(_InjectDeps(deps))

    @bolt.error
    def on_error(error: Exception, body: dict[str, Any]) -> None:
        # Bolt answers 500 after this, so Slack retries the event; the retry is de-duplicated.
        log.error(
            "listener.failed",
            error=type(error).__name__,
            detail=str(error)[:300],
            type=body.get("type"),
            event_type=(body.get("event") or {}).get("type"),
            exc_info=error,
        )

    handlers.register_all(bolt)
    return bolt
