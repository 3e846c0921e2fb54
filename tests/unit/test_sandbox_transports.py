"""The sandbox's senders against a real slack_bolt App: signed HTTP and Socket Mode.

Whatever a person can type must reach the listener unchanged over both transports.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest
from slack_bolt import App, BoltRequest
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk import WebClient
from slack_sdk.signature import SignatureVerifier

from bot.sandbox import SignedSender, SlackSandbox, SocketModeSender, payloads

TRICKY_TEXTS = [
    "héllo wörld 🙏🏽 — “quoted” ‘single’ … 日本語 עברית",
    "line one\nline two\r\nline three\ttabbed",
    "+ plus & ampersand = equals %20 percent ?q=1&x=2 #hash",
    "  leading and trailing spaces  ",
    "<@U0BOB|bob> &lt;!channel&gt; *bold* _it_ `code` ```block```",
    "zero\u200bwidth \u202eRTL\u202c e\u0301 combining \U0001f468\u200d\U0001f469\u200d\U0001f467",
    "",
]


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return


@dataclass
class Seen:
    commands: list[str] = field(default_factory=list)
    events: list[tuple[str, str | None]] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    changed: threading.Condition = field(default_factory=threading.Condition)

    def add(self, bucket: list, item: Any) -> None:
        with self.changed:
            bucket.append(item)
            self.changed.notify_all()

    def wait(self, bucket: list, count: int = 1, timeout: float = 5.0) -> list:
        deadline = time.monotonic() + timeout
        with self.changed:
            while len(bucket) < count and time.monotonic() < deadline:
                self.changed.wait(deadline - time.monotonic())
        return bucket

    def reset(self) -> None:
        with self.changed:
            self.commands.clear()
            self.events.clear()
            self.actions.clear()


def build_app(sandbox: SlackSandbox, seen: Seen) -> App:
    app = App(
        client=WebClient(token=sandbox.bot_token, base_url=sandbox.api_url), signing_secret=sandbox.signing_secret
    )

    @app.command("/got")
    def got(ack: Callable, command: dict) -> None:
        seen.add(seen.commands, command["text"])
        ack({"response_type": "ephemeral", "text": command["text"]})

    @app.event("message")
    def message(event: dict, request: BoltRequest) -> None:
        retry = request.headers.get("x-slack-retry-num", [None])[0]
        seen.add(seen.events, (event["text"], retry))

    @app.action("giveback_asked")
    def asked(ack: Callable, body: dict) -> None:
        ack()
        seen.add(seen.actions, body["actions"][0]["value"])

    return app


# The Bolt app, its HTTP server and its Socket Mode connection are shared by the module:
# closing slack_sdk's Socket Mode client takes about a second each time.


@pytest.fixture(scope="module")
def shared_sandbox() -> Iterator[SlackSandbox]:
    with SlackSandbox() as sb:
        sb.add_user("U0ALICE", "alice")
        yield sb


@pytest.fixture(scope="module")
def shared_seen() -> Seen:
    return Seen()


@pytest.fixture
def sandbox(shared_sandbox: SlackSandbox) -> SlackSandbox:
    shared_sandbox.clear_calls()
    return shared_sandbox


@pytest.fixture
def seen(shared_seen: Seen) -> Seen:
    shared_seen.reset()
    return shared_seen


@pytest.fixture(scope="module")
def http_sender(shared_sandbox: SlackSandbox, shared_seen: Seen) -> Iterator[SignedSender]:
    wsgi = SlackRequestHandler(build_app(shared_sandbox, shared_seen))
    server = make_server(
        "127.0.0.1", 0, lambda env, start: wsgi(env, start), _ThreadingWSGIServer, handler_class=_QuietHandler
    )
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/slack/events"
        yield SignedSender(url, shared_sandbox.signing_secret, sandbox=shared_sandbox)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def socket_sender(shared_sandbox: SlackSandbox, shared_seen: Seen) -> Iterator[SocketModeSender]:
    handler = SocketModeHandler(build_app(shared_sandbox, shared_seen), app_token=shared_sandbox.app_token)
    handler.connect()
    try:
        sender = SocketModeSender(shared_sandbox)
        sender.wait_connected()
        yield sender
    finally:
        handler.close()


@pytest.fixture(params=["http", "socket_mode"])
def transport(request: pytest.FixtureRequest, seen: Seen) -> tuple[str, Any]:
    fixture = "http_sender" if request.param == "http" else "socket_sender"
    return request.param, request.getfixturevalue(fixture)


@pytest.fixture
def own_sandbox() -> Iterator[SlackSandbox]:
    with SlackSandbox() as sb:
        sb.add_user("U0ALICE", "alice")
        yield sb


# ---------------------------------------------------------------- both transports


@pytest.mark.parametrize("text", TRICKY_TEXTS)
def test_slash_command_text_arrives_intact(transport: tuple[str, Any], seen: Seen, text: str) -> None:
    kind, sender = transport
    ack = sender.command("/got", text, user_id="U0ALICE")
    ack_body = ack.json() if kind == "http" else ack
    assert seen.commands == [text]
    assert ack_body == {"response_type": "ephemeral", "text": text}


@pytest.mark.parametrize("text", TRICKY_TEXTS[:3])
def test_event_text_arrives_intact(transport: tuple[str, Any], seen: Seen, text: str) -> None:
    _, sender = transport
    sender.event(payloads.message("C0GENERAL", "U0ALICE", text))
    assert seen.wait(seen.events) == [(text, "0" if transport[0] == "socket_mode" else None)]


def test_retries_are_visible_to_the_app(transport: tuple[str, Any], seen: Seen) -> None:
    _, sender = transport
    event = payloads.message("C0GENERAL", "U0ALICE", "thanks")
    sender.event(event, event_id="Ev0SAME", retry_num=1, retry_reason="http_timeout")
    assert seen.wait(seen.events) == [("thanks", "1")]


def test_button_value_arrives_intact(transport: tuple[str, Any], seen: Seen, sandbox: SlackSandbox) -> None:
    _, sender = transport
    value = '{"helper":"U0BOB","note":"danke schön 🙏 & <ok>"}'
    message = {"type": "message", "ts": "1700000000.000100", "text": "digest", "channel": "D0ALICE"}
    payload = payloads.block_actions(
        "U0ALICE", "giveback_asked", value, message=message, channel="D0ALICE", response_url=sandbox.response_url()
    )
    sender.interaction(payload)
    assert seen.wait(seen.actions) == [value]


# ---------------------------------------------------------------- HTTP specifics


def test_signatures_verify_with_slack_sdk() -> None:
    sender = SignedSender("http://unused", "s3cret", clock=lambda: 1_700_000_000)
    body = b'{"type":"event_callback"}'
    headers = sender.signed_headers(body)
    verifier = SignatureVerifier("s3cret", clock=_FixedClock(1_700_000_000))
    assert verifier.is_valid_request(body, headers)
    assert not verifier.is_valid_request(body + b" ", headers)
    assert not SignatureVerifier("other", clock=_FixedClock(1_700_000_000)).is_valid_request(body, headers)


class _FixedClock:
    def __init__(self, now: float) -> None:
        self._now = now

    def now(self) -> float:
        return self._now


def test_bolt_rejects_tampered_requests(http_sender: SignedSender, seen: Seen) -> None:
    stale = int(time.time()) - 10 * 60
    assert http_sender.command("/got", "x", user_id="U0ALICE", sign_with="wrong-secret").status == 401
    assert http_sender.command("/got", "x", user_id="U0ALICE", timestamp=stale).status == 401
    assert http_sender.command("/got", "x", user_id="U0ALICE", unsigned=True).status == 401
    assert seen.commands == []
    assert http_sender.command("/got", "x", user_id="U0ALICE").status == 200
    assert seen.commands == ["x"]


def test_url_verification_is_answered(http_sender: SignedSender) -> None:
    resp = http_sender.url_verification("challenge-123")
    assert (resp.status, resp.json()) == (200, {"challenge": "challenge-123"})


def test_command_body_is_form_encoded_like_slack(sandbox: SlackSandbox) -> None:
    captured: list[tuple[bytes, dict[str, str]]] = []

    def wsgi(env: dict, start: Callable) -> list[bytes]:
        body = env["wsgi.input"].read(int(env.get("CONTENT_LENGTH") or 0))
        captured.append((body, {k: v for k, v in env.items() if k.startswith(("HTTP_", "CONTENT_TYPE"))}))
        start("200 OK", [("Content-Type", "text/plain")])
        return [b""]

    server = make_server("127.0.0.1", 0, wsgi, _ThreadingWSGIServer, handler_class=_QuietHandler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        sender = SignedSender(f"http://127.0.0.1:{server.server_address[1]}/", sandbox.signing_secret, sandbox=sandbox)
        sender.command("/got", "a+b & c\nd", user_id="U0ALICE", channel_id="C0GENERAL")
        sender.event(payloads.message("C0GENERAL", "U0ALICE", "hi"), retry_num=2, retry_reason="http_error")
    finally:
        server.shutdown()
        server.server_close()
    (command_body, command_headers), (_, event_headers) = captured
    assert command_headers["CONTENT_TYPE"] == "application/x-www-form-urlencoded"
    assert b"&text=a%2Bb+%26+c%0Ad&" in command_body
    assert b"response_url=http%3A%2F%2F127.0.0.1" in command_body
    assert (event_headers["HTTP_X_SLACK_RETRY_NUM"], event_headers["HTTP_X_SLACK_RETRY_REASON"]) == ("2", "http_error")
    verifier = SignatureVerifier(sandbox.signing_secret)
    assert verifier.is_valid(
        command_body.decode(),
        command_headers["HTTP_X_SLACK_REQUEST_TIMESTAMP"],
        command_headers["HTTP_X_SLACK_SIGNATURE"],
    )


def test_respond_via_minted_response_url_is_recorded(own_sandbox: SlackSandbox) -> None:
    sandbox = own_sandbox
    app = App(
        client=WebClient(token=sandbox.bot_token, base_url=sandbox.api_url), signing_secret=sandbox.signing_secret
    )

    @app.command("/gave")
    def gave(ack: Callable, respond: Callable, command: dict) -> None:
        ack()
        respond(f"noted: {command['text']}")

    handler = SocketModeHandler(app, app_token=sandbox.app_token)
    handler.connect()
    try:
        sender = SocketModeSender(sandbox)
        sender.wait_connected()
        assert sender.command("/gave", "<@U0BOB|bob> reviewed my PR ✅", user_id="U0ALICE") is None
        sandbox.wait_for_calls("response_url")
    finally:
        handler.close()
    [post] = sandbox.response_url_posts()
    assert (post["text"], post["user"]) == ("noted: <@U0BOB|bob> reviewed my PR ✅", "U0ALICE")
    assert [e["text"] for e in sandbox.ephemerals("U0ALICE")] == [post["text"]]


# ---------------------------------------------------------------- Socket Mode specifics


def test_socket_mode_reconnects_after_disconnect(own_sandbox: SlackSandbox) -> None:
    sandbox, seen = own_sandbox, Seen()
    handler = SocketModeHandler(build_app(sandbox, seen), app_token=sandbox.app_token)
    handler.connect()
    try:
        sender = SocketModeSender(sandbox)
        sender.wait_connected()
        assert sandbox.socket_mode.connections_opened == 1
        sandbox.socket_mode.disconnect()
        deadline = time.monotonic() + 10
        while sandbox.socket_mode.connections_opened < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        sender.wait_connected()
        assert sender.command("/got", "after reconnect", user_id="U0ALICE") == {
            "response_type": "ephemeral",
            "text": "after reconnect",
        }
    finally:
        handler.close()
    assert len(sandbox.calls("apps.connections.open")) == 2
    assert seen.commands == ["after reconnect"]


def test_socket_mode_without_client_is_an_error(own_sandbox: SlackSandbox) -> None:
    sender = SocketModeSender(own_sandbox)
    with pytest.raises(ConnectionError):
        sender.command("/got", "x", user_id="U0ALICE")
    with pytest.raises(TimeoutError):
        sender.wait_connected(timeout=0.1)


def test_slack_sdk_socket_mode_client_round_trip(own_sandbox: SlackSandbox) -> None:
    from slack_sdk.socket_mode import SocketModeClient
    from slack_sdk.socket_mode.request import SocketModeRequest
    from slack_sdk.socket_mode.response import SocketModeResponse

    received: list[SocketModeRequest] = []

    def listener(client: SocketModeClient, req: SocketModeRequest) -> None:
        received.append(req)
        client.send_socket_mode_response(SocketModeResponse(envelope_id=req.envelope_id, payload={"seen": True}))

    client = SocketModeClient(app_token=own_sandbox.app_token, web_client=WebClient(base_url=own_sandbox.api_url))
    client.socket_mode_request_listeners.append(listener)
    client.connect()
    try:
        sender = SocketModeSender(own_sandbox)
        sender.wait_connected()
        ack = sender.event(payloads.reaction_added("U0ALICE", "pray", "C0GENERAL", "1700000000.000100", "U0BOB"))
    finally:
        client.close()
    assert ack == {"seen": True}
    [req] = received
    assert (req.type, req.retry_attempt, req.payload["event"]["reaction"]) == ("events_api", 0, "pray")
