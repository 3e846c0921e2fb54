"""structlog, configured once by the CLI: JSON or console, and never a secret in a log line."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import MutableMapping
from typing import Any, TextIO

import structlog

# Slack tokens (xoxb-, xoxp-, xapp-, xoxe-…) and anything that looks like a request signature.
_SECRET = re.compile(r"\b(xox[abpre]|xapp)-[A-Za-z0-9-]+|v0=[0-9a-f]{64}")
_SECRET_KEYS = {"token", "signing_secret", "authorization", "x-slack-signature", "password"}


def redact(text: str) -> str:
    return _SECRET.sub("[redacted]", text)


def _redact_secrets(_: Any, __: str, event_dict: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    for key, value in list(event_dict.items()):
        if key.lower() in _SECRET_KEYS:
            event_dict[key] = "[redacted]"
        elif isinstance(value, str):
            event_dict[key] = redact(value)
    return event_dict


class _RedactingFormatter(logging.Formatter):
    """Library loggers (slack_sdk, slack_bolt, waitress) go through this too."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def configure_logging(level: str = "INFO", fmt: str = "console", stream: TextIO | None = None) -> None:
    stream = stream or sys.stderr
    renderer: Any = (
        structlog.processors.JSONRenderer() if fmt == "json" else structlog.dev.ConsoleRenderer(colors=False)
    )
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            _redact_secrets,
            structlog.processors.format_exc_info,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level)),
        logger_factory=structlog.PrintLoggerFactory(file=stream),
        cache_logger_on_first_use=False,
    )
    handler = logging.StreamHandler(stream)
    handler.setFormatter(_RedactingFormatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    # Libraries are chatty at INFO (every request): they speak at WARNING and up, unless the
    # operator asked for DEBUG, which shows their request logs too (still redacted).
    ours = logging.getLevelName(level)
    root.setLevel(ours if ours == logging.DEBUG else max(ours, logging.WARNING))


def get_logger(name: str | None = None) -> Any:
    return structlog.get_logger(name)
