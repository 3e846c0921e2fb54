"""HTTP mode: Bolt behind waitress, a production WSGI server, on `POST /slack/events`."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from contextlib import suppress
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
# Slack's largest payloads (a 40,000-character message with blocks) are far below this.
MAX_BODY_BYTES = 2 * 1024 * 1024

StartResponse = Callable[..., Any]


def build_wsgi_app(
    bolt: App, healthy: Callable[[], bool]
) -> Callable[[dict[str, Any], StartResponse], Iterable[bytes]]:
    slack = SlackRequestHandler(bolt, path=EVENTS_PATH)

    def application(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path, method = environ.get("PATH_INFO", ""), environ.get("REQUEST_METHOD", "")
        if path == HEALTH_PATH and method in ("GET", "HEAD"):
            ok = healthy()
            return _json(start_response, "200 OK" if ok else "503 Service Unavailable", {"ok": ok})
        if path == EVENTS_PATH and method == "POST":
            return slack(environ, start_response)
        if path in (EVENTS_PATH, HEALTH_PATH):
            return _json(start_response, "405 Method Not Allowed", {"ok": False, "error": "method_not_allowed"})
        return _json(start_response, "404 Not Found", {"ok": False, "error": "not_found"})

    return application


def _json(start_response: StartResponse, status: str, payload: dict[str, Any]) -> list[bytes]:
    body = json.dumps(payload).encode()
    start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]


def create_server(wsgi: Any, host: str, port: int, *, threads: int) -> Any:
    """A waitress server, bound but not yet serving; `.effective_port` tells a port-0 caller where."""
    from waitress import create_server as waitress_server

    return waitress_server(
        wsgi,
        host=host,
        port=port,
        threads=threads,
        ident="giveback",
        max_request_body_size=MAX_BODY_BYTES,
        clear_untrusted_proxy_headers=True,
    )


def stop_server(server: Any, loop_thread: Any | None = None, timeout: float = 5.0) -> None:
    """Stop a waitress server that runs on another thread, without pulling sockets out from under
    its poll loop: the loop closes its own sockets (via its trigger), ends, then workers stop."""
    from waitress import wasyncore

    if loop_thread is not None and loop_thread.is_alive():
        # OSError: the loop is already closing its own sockets (its trigger pipe is gone).
        with suppress(OSError):
            server.trigger.pull_trigger(lambda: wasyncore.close_all(server._map, ignore_all=True))
        loop_thread.join(timeout)
    else:
        server.close()
    server.task_dispatcher.shutdown()
