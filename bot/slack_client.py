"""The bot's Web API client: pointed at `SLACK_API_URL`, retrying 429s and transient failures, and
reusing its HTTP connections."""

from __future__ import annotations

import http.client
import io
import socket
import threading
import time
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit
from urllib.request import Request

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from bot.settings import Settings

# A connection idle longer than this is closed rather than reused: servers drop idle keep-alive
# connections after a while, and a fresh connection is cheaper than a failed request on a dead one.
IDLE_REUSE_S = 30.0
# The peer closed a kept-alive connection before answering: nothing was processed, send again.
_STALE_CONNECTION = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)


class KeepAliveWebClient(WebClient):
    """slack_sdk's `WebClient` over persistent connections, one per thread and host.

    slack_sdk sends every call through `urllib.request.urlopen`, which opens a new TCP (and, for
    real Slack, TLS) connection per call and closes it after. Every thanks costs an ack reaction and
    often a `users.info`, so connection setup was a large share of the bot's CPU per thanks
    (bench/bench_ingest.py). Only the transport changes: requests, responses, errors and retries
    are slack_sdk's own (a non-2xx answer raises `HTTPError` as urlopen does, so the 429 and 5xx
    retry handlers see the same thing). A proxy setting keeps urllib.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._connections = threading.local()

    def _perform_urllib_http_request_internal(self, url: str, req: Request) -> dict[str, Any]:
        if self.proxy is not None:
            return super()._perform_urllib_http_request_internal(url, req)
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        headers = dict(req.header_items())
        connection, reused = self._connection(parts.scheme, parts.netloc)
        try:
            response = self._exchange(connection, path, req.data, headers)
        except _STALE_CONNECTION:
            if not reused:
                raise
            connection, _ = self._connection(parts.scheme, parts.netloc, fresh=True)
            response = self._exchange(connection, path, req.data, headers)
        body = response.read()
        if response.will_close:
            self._drop(parts.netloc)
        else:
            self._pool()[parts.netloc] = (connection, time.monotonic())
        if not 200 <= response.status < 300:
            raise HTTPError(url, response.status, response.reason, response.headers, io.BytesIO(body))
        content_type, charset = _content_type(response.getheader("Content-Type"))
        if content_type == "application/gzip":
            return {"status": response.status, "headers": response.headers, "body": body}
        return {"status": response.status, "headers": response.headers, "body": body.decode(charset or "utf-8")}

    def _exchange(
        self, connection: http.client.HTTPConnection, path: str, data: Any, headers: dict[str, str]
    ) -> http.client.HTTPResponse:
        """One request and its response head; on failure the connection is closed (urllib's errors:
        `URLError` while sending, the raw error while waiting for the answer)."""
        try:
            try:
                connection.request("POST", path, body=data, headers=headers)
            except OSError as err:
                if isinstance(err, _STALE_CONNECTION):
                    raise
                raise URLError(err) from err
            return connection.getresponse()
        except BaseException:
            connection.close()
            raise

    def _pool(self) -> dict[str, tuple[http.client.HTTPConnection, float]]:
        pool = getattr(self._connections, "pool", None)
        if pool is None:
            pool = self._connections.pool = {}
        return pool

    def _connection(self, scheme: str, netloc: str, *, fresh: bool = False) -> tuple[http.client.HTTPConnection, bool]:
        """This thread's connection to `netloc` and whether it was used before."""
        pool = self._pool()
        kept = pool.pop(netloc, None)
        if kept is not None:
            connection, last_used = kept
            if not fresh and time.monotonic() - last_used <= IDLE_REUSE_S:
                return connection, True
            connection.close()
        connection = (
            _NoDelayHTTPSConnection(netloc, timeout=self.timeout, context=self.ssl)
            if scheme == "https"
            else (_NoDelayHTTPConnection(netloc, timeout=self.timeout))
        )
        return connection, False

    def _drop(self, netloc: str) -> None:
        kept = self._pool().pop(netloc, None)
        if kept is not None:
            kept[0].close()


def _content_type(header: str | None) -> tuple[str, str | None]:
    """("type/subtype", charset or None) of a Content-Type header. The email package's
    `get_content_type()` and `get_content_charset()` cost ≈15% of a Web API call's CPU."""
    if not header:
        return "text/plain", None
    media_type, *params = header.split(";")
    charset = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"').lower() or None
    return media_type.strip().lower(), charset


class _OneSendMixin:
    """Head and body of a request in one `send`. http.client sends them separately; on a kept-alive
    connection each send is a syscall and, with TCP_NODELAY, a packet of its own: ≈0.18 ms of CPU
    per Web API call on loopback, ≈40% of a `reactions.add` (bench/bench_ingest.py)."""

    _buffer: list[bytes]

    def _send_output(self, message_body: Any = None, encode_chunked: bool = False) -> None:
        if not isinstance(message_body, bytes) or encode_chunked:
            super()._send_output(message_body, encode_chunked)  # type: ignore[misc]
            return
        self._buffer.extend((b"", b""))
        head = b"\r\n".join(self._buffer)
        del self._buffer[:]
        self.send(head + message_body)  # type: ignore[attr-defined]


class _NoDelayHTTPConnection(_OneSendMixin, http.client.HTTPConnection):
    def connect(self) -> None:
        super().connect()
        # Small request/response pairs on a kept-alive connection: no Nagle delay on the next one.
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class _NoDelayHTTPSConnection(_OneSendMixin, http.client.HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def build_web_client(settings: Settings, *, timeout: int = 10, retry: bool = True) -> WebClient:
    """`retry=False` is for the digest job, which paces and retries itself per workspace, so one
    workspace's Retry-After never stalls another's sends."""
    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    handlers = [
        # Honours Retry-After on HTTP 429 (sleeps exactly as long as Slack asks).
        RateLimitErrorRetryHandler(max_retry_count=3),
        ConnectionErrorRetryHandler(max_retry_count=2),
        ServerErrorRetryHandler(max_retry_count=2),
    ]
    return KeepAliveWebClient(
        token=token, base_url=settings.slack_api_url, timeout=timeout, retry_handlers=handlers if retry else []
    )
