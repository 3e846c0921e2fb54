"""The bot's Web API client: pointed at `SLACK_API_URL`, retrying 429s and transient failures."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from bot.settings import Settings


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
    return WebClient(
        token=token, base_url=settings.slack_api_url, timeout=timeout, retry_handlers=handlers if retry else []
    )
