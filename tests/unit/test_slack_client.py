"""The bot's Web API client: slack_sdk's behaviour (answers, errors, retries) over kept-alive connections."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from slack_sdk.errors import SlackApiError

from bot.sandbox import SlackSandbox
from bot.settings import Settings
from bot.slack_client import build_web_client


class ScriptedSlack(ThreadingHTTPServer):
    """Answers each Web API call with the next scripted (status, headers, body, then close?) and
    counts the TCP connections it accepted."""

    daemon_threads = True

    def __init__(self, script: list[tuple[int, dict[str, str], dict, bool]]) -> None:
        super().__init__(("127.0.0.1", 0), _Scripted)
        self.script = script
        self.connections = 0
        self.calls: list[str] = []
        self.lock = threading.Lock()

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/api/"


class _Scripted(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server: ScriptedSlack

    def setup(self) -> None:
        super().setup()
        with self.server.lock:
            self.server.connections += 1

    def log_message(self, *args: object) -> None:
        return

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        with self.server.lock:
            self.server.calls.append(self.path)
            status, headers, body, close = self.server.script.pop(0) if self.server.script else (200, {}, {}, False)
        content_type = headers.get("Content-Type", "application/json; charset=utf-8")
        named = re.search(r'charset="?([\w-]+)', content_type, re.IGNORECASE)
        charset = named.group(1) if named else "utf-8"
        data = json.dumps({"ok": status == 200, **body}, ensure_ascii=False).encode(charset)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for key, value in headers.items():
            if key != "Content-Type":
                self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)
        if close:
            # Like a server dropping an idle keep-alive connection: no `Connection: close` said.
            self.close_connection = True


@pytest.fixture
def scripted() -> Iterator[ScriptedSlack]:
    server = ScriptedSlack([])
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def settings_for(api_url: str, token: str = "xoxb-test") -> Settings:
    return Settings(
        slack_bot_token=token,
        slack_signing_secret="secret",
        slack_api_url=api_url,
        database_url="sqlite://",
        _env_file=None,
    )


def test_calls_from_one_thread_share_one_connection(scripted: ScriptedSlack) -> None:
    client = build_web_client(settings_for(scripted.api_url))
    for _ in range(5):
        assert client.api_call("auth.test")["ok"] is True
    assert scripted.calls == ["/api/auth.test"] * 5
    assert scripted.connections == 1


def test_each_thread_has_its_own_connection(scripted: ScriptedSlack) -> None:
    client = build_web_client(settings_for(scripted.api_url))

    def three_calls() -> None:
        for _ in range(3):
            client.api_call("auth.test")

    threads = [threading.Thread(target=three_calls) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(scripted.calls) == 9
    assert scripted.connections == 3


def test_a_connection_the_server_dropped_is_replaced_without_an_error(scripted: ScriptedSlack) -> None:
    scripted.script[:] = [(200, {}, {"n": 1}, True), (200, {}, {"n": 2}, False)]
    client = build_web_client(settings_for(scripted.api_url), retry=False)  # the transport alone
    assert client.api_call("auth.test")["n"] == 1
    assert client.api_call("auth.test")["n"] == 2
    assert scripted.calls == ["/api/auth.test"] * 2  # sent once each: the dead connection took nothing
    assert scripted.connections == 2


def test_answers_are_decoded_in_the_charset_the_server_names(scripted: ScriptedSlack) -> None:
    scripted.script[:] = [
        (200, {"Content-Type": 'application/json; Charset="ISO-8859-1"'}, {"real_name": "José Ñúñez"}, False),
        (200, {"Content-Type": "application/json"}, {"real_name": "Zoë"}, False),
    ]
    client = build_web_client(settings_for(scripted.api_url))
    assert client.api_call("users.info")["real_name"] == "José Ñúñez"
    assert client.api_call("users.info")["real_name"] == "Zoë"  # no charset named: UTF-8


def test_429_is_retried_after_retry_after_on_the_same_client(scripted: ScriptedSlack) -> None:
    scripted.script[:] = [(429, {"Retry-After": "0"}, {"error": "ratelimited"}, False), (200, {}, {"n": 2}, False)]
    client = build_web_client(settings_for(scripted.api_url))
    assert client.api_call("chat.postMessage", json={"channel": "C1", "text": "hi"})["n"] == 2
    assert scripted.calls == ["/api/chat.postMessage"] * 2


def test_error_status_without_retries_raises_slack_api_error(scripted: ScriptedSlack) -> None:
    scripted.script[:] = [(500, {}, {"error": "internal_error"}, False)]
    client = build_web_client(settings_for(scripted.api_url), retry=False)
    with pytest.raises(SlackApiError) as info:
        client.api_call("auth.test")
    assert info.value.response.status_code == 500
    assert client.api_call("auth.test")["ok"] is True  # the connection is still usable


def test_slack_errors_and_arguments_reach_the_sandbox_as_with_urllib() -> None:
    with SlackSandbox(socket_mode=False) as sandbox:
        client = build_web_client(settings_for(sandbox.api_url, sandbox.bot_token))
        ts = sandbox.post_user_message("C0GENERAL", "U0GIVEBACK", "hello")
        client.reactions_add(channel="C0GENERAL", timestamp=ts, name="raised_hands")
        with pytest.raises(SlackApiError) as info:
            client.reactions_add(channel="C0GENERAL", timestamp=ts, name="raised_hands")
        assert info.value.response["error"] == "already_reacted"
        assert client.users_info(user="USLACKBOT")["user"]["tz"] == "America/Los_Angeles"
        assert sandbox.reactions("C0GENERAL", ts) == [{"name": "raised_hands", "users": ["U0GIVEBACK"], "count": 1}]
