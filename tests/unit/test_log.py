"""No token or signing secret ever reaches a log line."""

from __future__ import annotations

import io
import json
import logging

from bot.log import configure_logging, get_logger


def test_tokens_and_signatures_are_redacted_in_json_logs() -> None:
    stream = io.StringIO()
    configure_logging("INFO", "json", stream=stream)
    get_logger("t").info(
        "slack.call", token="xoxb-1-abc", detail="auth with xapp-1-A0-xyz failed", signature="v0=" + "a" * 64
    )
    line = json.loads(stream.getvalue().strip().splitlines()[-1])
    assert line["event"] == "slack.call"
    assert line["token"] == "[redacted]"
    assert "xapp-1" not in line["detail"] and "[redacted]" in line["detail"]
    assert "a" * 64 not in line["signature"]


def test_library_log_records_are_redacted_too() -> None:
    stream = io.StringIO()
    configure_logging("INFO", "console", stream=stream)
    logging.getLogger("slack_sdk").warning("sending token xoxb-999-secret")
    assert "xoxb-999-secret" not in stream.getvalue()
    assert "[redacted]" in stream.getvalue()
