"""Socket Mode for the sandbox: a websocket endpoint that speaks Slack's envelope protocol.

`apps.connections.open` mints a one-time `ws://…/link/?ticket=…` URL. A connecting client
gets a `hello`; envelopes (`events_api`, `slash_commands`, `interactive`) are pushed with an
`envelope_id`, and the client acks with `{"envelope_id": …, "payload": …}`. The payloads are
JSON end to end, so typed text never goes through form encoding on this transport.
"""

from __future__ import annotations

import contextlib
import json
import secrets
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from . import payloads as _payloads

if TYPE_CHECKING:
    from .server import SlackSandbox


def websockets_available() -> bool:
    try:
        import websockets.sync.server  # noqa: F401
    except ImportError:
        return False
    return True


@dataclass
class _Conn:
    ws: Any
    ticket: str
    opened: float
    send_lock: threading.Lock = field(default_factory=threading.Lock)


class SocketModeServer:
    """The websocket side of the sandbox; started by `SlackSandbox.start()`."""

    def __init__(self, sandbox: SlackSandbox, host: str) -> None:
        self.sandbox = sandbox
        self.host = host
        self.port = 0
        self._server: Any = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Condition()
        self._tickets: set[str] = set()
        self._conns: list[_Conn] = []
        self._acks: dict[str, dict[str, Any]] = {}
        self.received: list[dict[str, Any]] = []  # every message a client sent (acks included)
        self.connections_opened = 0

    def start(self) -> SocketModeServer:
        from websockets.sync.server import serve

        self._server = serve(self._handle, self.host, 0, ping_interval=None)
        self.port = self._server.socket.getsockname()[1]
        self._thread = threading.Thread(target=self._server.serve_forever, name="slack-sandbox-ws", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        with self._lock:
            conns = list(self._conns)
        for conn in conns:
            with contextlib.suppress(Exception):
                conn.ws.close()
        if self._server is not None:
            self._server.shutdown()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def mint_url(self) -> str:
        ticket = secrets.token_hex(12)
        with self._lock:
            self._tickets.add(ticket)
        return f"ws://{self.host}:{self.port}/link/?ticket={ticket}&app_id={self.sandbox.app_id}"

    # -------------------------------------------------------------- connection handling

    def _handle(self, ws: Any) -> None:
        query = parse_qs(urlsplit(ws.request.path).query)
        ticket = (query.get("ticket") or [""])[0]
        with self._lock:
            valid = ticket in self._tickets
            self._tickets.discard(ticket)  # tickets are single use, like Slack's
        if not valid:
            ws.close(code=1008, reason="invalid ticket")
            return
        conn = _Conn(ws, ticket, time.time())
        with self._lock:
            self._conns.append(conn)
            self.connections_opened += 1
            count = len(self._conns)
            self._lock.notify_all()
        self._send(
            conn,
            {
                "type": "hello",
                "num_connections": count,
                "debug_info": {"host": "sandbox", "build_number": 1, "approximate_connection_time": 3600},
                "connection_info": {"app_id": self.sandbox.app_id},
            },
        )
        try:
            for raw in ws:
                try:
                    message = json.loads(raw)
                except ValueError:
                    continue
                with self._lock:
                    self.received.append(message)
                    if isinstance(message, dict) and message.get("envelope_id"):
                        self._acks[message["envelope_id"]] = message
                    self._lock.notify_all()
        except Exception:
            pass
        finally:
            with self._lock:
                if conn in self._conns:
                    self._conns.remove(conn)
                self._lock.notify_all()

    def _send(self, conn: _Conn, message: dict[str, Any]) -> None:
        with conn.send_lock:
            conn.ws.send(json.dumps(message))

    # -------------------------------------------------------------- used by SocketModeSender

    def connection_count(self) -> int:
        with self._lock:
            return len(self._conns)

    def wait_connected(self, timeout: float = 10.0, count: int = 1) -> None:
        deadline = time.monotonic() + timeout
        with self._lock:
            while len(self._conns) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"no Socket Mode client connected within {timeout}s")
                self._lock.wait(left)

    def push(self, envelope: dict[str, Any], *, timeout: float = 5.0) -> dict[str, Any]:
        """Send an envelope on the newest connection and return the client's ack message."""
        with self._lock:
            if not self._conns:
                raise ConnectionError("no Socket Mode client is connected")
            conn = self._conns[-1]
        self._send(conn, envelope)
        envelope_id = envelope["envelope_id"]
        deadline = time.monotonic() + timeout
        with self._lock:
            while envelope_id not in self._acks:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"no ack for envelope {envelope_id} ({envelope['type']}) within {timeout}s")
                self._lock.wait(left)
            return self._acks.pop(envelope_id)

    def disconnect(self, reason: str = "refresh_requested") -> None:
        """Ask every client to reconnect, as Slack does every few hours."""
        with self._lock:
            conns = list(self._conns)
        for conn in conns:
            self._send(conn, {"type": "disconnect", "reason": reason, "debug_info": {"host": "sandbox"}})


class SocketModeSender:
    """Pushes the same payloads as `SignedSender`, but over the sandbox's Socket Mode socket.

    Each method returns the ack's `payload` (None when the app acked without one) and raises
    TimeoutError when the app does not ack in time.
    """

    def __init__(
        self,
        sandbox: SlackSandbox,
        *,
        team_id: str | None = None,
        api_app_id: str | None = None,
        bot_user_id: str | None = None,
        timeout: float = 5.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if sandbox.socket_mode is None:
            raise RuntimeError("the sandbox runs without Socket Mode (is 'websockets' installed?)")
        self.sandbox = sandbox
        self.server: SocketModeServer = sandbox.socket_mode
        self.team_id = team_id or sandbox.team_id
        self.api_app_id = api_app_id or sandbox.app_id
        self.bot_user_id = bot_user_id or sandbox.bot_user_id
        self.timeout = timeout
        self.clock = clock
        self.last_ack: dict[str, Any] | None = None

    def wait_connected(self, timeout: float = 10.0) -> None:
        self.server.wait_connected(timeout)

    def send_envelope(
        self,
        type_: str,
        payload: dict[str, Any],
        *,
        accepts_response_payload: bool,
        retry_attempt: int | None = None,
        retry_reason: str | None = None,
    ) -> dict[str, Any]:
        envelope: dict[str, Any] = {
            "envelope_id": str(uuid.uuid4()),
            "payload": payload,
            "type": type_,
            "accepts_response_payload": accepts_response_payload,
        }
        if type_ == "events_api":
            # Slack sends retry_attempt 0 (and an empty reason) on the first delivery.
            envelope["retry_attempt"] = retry_attempt or 0
            envelope["retry_reason"] = retry_reason or ""
        ack = self.server.push(envelope, timeout=self.timeout)
        self.last_ack = ack
        return ack

    def event(
        self,
        event: dict[str, Any],
        *,
        event_id: str | None = None,
        retry_num: int | None = None,
        retry_reason: str | None = None,
        team_id: str | None = None,
        event_time: int | None = None,
    ) -> dict[str, Any] | None:
        body = _payloads.event_callback(
            event,
            team_id=team_id or self.team_id,
            api_app_id=self.api_app_id,
            bot_user_id=self.bot_user_id,
            event_id=event_id,
            event_time=event_time if event_time is not None else int(self.clock()),
        )
        ack = self.send_envelope(
            "events_api",
            body,
            accepts_response_payload=False,
            retry_attempt=retry_num,
            retry_reason=retry_reason or ("http_timeout" if retry_num else None),
        )
        return ack.get("payload")

    def command(
        self,
        command: str,
        text: str,
        *,
        user_id: str,
        channel_id: str = "C0GENERAL",
        team_id: str | None = None,
        trigger_id: str | None = None,
        response_url: str | None = None,
        user_name: str | None = None,
        channel_name: str | None = None,
    ) -> dict[str, Any] | None:
        team_id = team_id or self.team_id
        body = _payloads.slash_command(
            command,
            text,
            user_id=user_id,
            channel_id=channel_id,
            team_id=team_id,
            api_app_id=self.api_app_id,
            trigger_id=trigger_id or self.sandbox.new_trigger_id(),
            response_url=response_url
            or self.sandbox.response_url(user_id=user_id, channel_id=channel_id, team_id=team_id),
            user_name=user_name,
            channel_name=channel_name,
        )
        ack = self.send_envelope("slash_commands", body, accepts_response_payload=True)
        return ack.get("payload")

    def interaction(self, payload: dict[str, Any]) -> dict[str, Any] | None:
        accepts = payload.get("type") in ("view_submission", "block_suggestion")
        ack = self.send_envelope("interactive", payload, accepts_response_payload=accepts)
        return ack.get("payload")
