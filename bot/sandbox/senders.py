"""SignedSender: sends requests to the bot's HTTP endpoint exactly as Slack signs and encodes them.

Events arrive as JSON, slash commands as `application/x-www-form-urlencoded` fields, and
interactivity as a form with one `payload=<json>` field. Every request carries
`X-Slack-Request-Timestamp` and `X-Slack-Signature: v0=HMAC-SHA256("v0:{ts}:{body}")`.
Each method takes the same tampering knobs for security tests: `sign_with=` (another secret),
`timestamp=` (a stale or future one), `unsigned=True`, and `headers_override=` (replace any header).
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier

from . import payloads as _payloads

if TYPE_CHECKING:
    from .server import SlackSandbox


@dataclass(frozen=True)
class SentResponse:
    status: int
    headers: dict[str, str]
    body: str

    def json(self) -> Any:
        """The body parsed as JSON, or None when it is not JSON (e.g. an empty ack)."""
        try:
            return json.loads(self.body)
        except ValueError:
            return None


def sign(signing_secret: str, timestamp: str | int, body: bytes | str) -> str:
    """Slack's `X-Slack-Signature` value for `body` sent at `timestamp`."""
    text = body.decode("utf-8") if isinstance(body, bytes) else body
    signature = SignatureVerifier(signing_secret).generate_signature(timestamp=str(timestamp), body=text)
    assert signature is not None
    return signature


class SignedSender:
    def __init__(
        self,
        url: str,
        signing_secret: str,
        *,
        team_id: str = "T0SANDBOX",
        api_app_id: str = "A0GIVEBACK",
        bot_user_id: str = "U0GIVEBACK",
        clock: Callable[[], float] = time.time,
        sandbox: SlackSandbox | None = None,
        timeout: float = 10.0,
    ) -> None:
        """`sandbox`, when given, mints response_urls and trigger_ids for commands, so the bot's
        `respond()` posts land in `sandbox.response_url_posts()`."""
        self.url = url
        self.signing_secret = signing_secret
        self.team_id = team_id
        self.api_app_id = api_app_id
        self.bot_user_id = bot_user_id
        self.clock = clock
        self.sandbox = sandbox
        self.timeout = timeout

    # -------------------------------------------------------------- Slack request kinds

    def event(
        self,
        event: dict[str, Any],
        *,
        event_id: str | None = None,
        retry_num: int | None = None,
        retry_reason: str | None = None,
        team_id: str | None = None,
        event_time: int | None = None,
        **tamper: Any,
    ) -> SentResponse:
        body = _payloads.event_callback(
            event,
            team_id=team_id or self.team_id,
            api_app_id=self.api_app_id,
            bot_user_id=self.bot_user_id,
            event_id=event_id,
            event_time=event_time if event_time is not None else int(self.clock()),
        )
        headers = {"Content-Type": "application/json"}
        if retry_num is not None:
            headers["X-Slack-Retry-Num"] = str(retry_num)
            headers["X-Slack-Retry-Reason"] = retry_reason or "http_timeout"
        return self._send(json.dumps(body).encode("utf-8"), headers, **tamper)

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
        **tamper: Any,
    ) -> SentResponse:
        team_id = team_id or self.team_id
        if response_url is None and self.sandbox is not None:
            response_url = self.sandbox.response_url(user_id=user_id, channel_id=channel_id, team_id=team_id)
        if trigger_id is None and self.sandbox is not None:
            trigger_id = self.sandbox.new_trigger_id()
        fields = _payloads.slash_command(
            command,
            text,
            user_id=user_id,
            channel_id=channel_id,
            team_id=team_id,
            api_app_id=self.api_app_id,
            trigger_id=trigger_id,
            response_url=response_url,
            user_name=user_name,
            channel_name=channel_name,
        )
        body = urlencode(fields).encode("utf-8")
        return self._send(body, {"Content-Type": "application/x-www-form-urlencoded"}, **tamper)

    def interaction(self, payload: dict[str, Any], **tamper: Any) -> SentResponse:
        body = urlencode({"payload": json.dumps(payload)}).encode("utf-8")
        return self._send(body, {"Content-Type": "application/x-www-form-urlencoded"}, **tamper)

    def url_verification(self, challenge: str, **tamper: Any) -> SentResponse:
        body = {"token": "sandbox-verification-token", "challenge": challenge, "type": "url_verification"}
        return self._send(json.dumps(body).encode("utf-8"), {"Content-Type": "application/json"}, **tamper)

    def raw(self, body: bytes, headers: dict[str, str], **tamper: Any) -> SentResponse:
        """Send `body` signed (unless `unsigned=True`), with `headers` as given."""
        return self._send(body, dict(headers), **tamper)

    # -------------------------------------------------------------- transport

    def signed_headers(
        self, body: bytes, *, sign_with: str | None = None, timestamp: int | str | None = None
    ) -> dict[str, str]:
        ts = str(timestamp if timestamp is not None else int(self.clock()))
        return {
            "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": sign(sign_with or self.signing_secret, ts, body),
        }

    def _send(
        self,
        body: bytes,
        headers: dict[str, str],
        *,
        sign_with: str | None = None,
        timestamp: int | str | None = None,
        unsigned: bool = False,
        headers_override: dict[str, str] | None = None,
        path: str | None = None,
    ) -> SentResponse:
        all_headers = {"User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)", **headers}
        if not unsigned:
            all_headers.update(self.signed_headers(body, sign_with=sign_with, timestamp=timestamp))
        all_headers.update(headers_override or {})
        url = self.url if path is None else self.url.rstrip("/") + path
        request = urllib.request.Request(url, data=body, headers=all_headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as resp:
                return SentResponse(resp.status, dict(resp.headers.items()), resp.read().decode("utf-8", "replace"))
        except urllib.error.HTTPError as err:
            return SentResponse(err.code, dict(err.headers.items()), err.read().decode("utf-8", "replace"))
