"""Settings: defaults work with nothing set; a bad value names itself in one line."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from bot.settings import Settings, SettingsError, format_days, load_settings, parse_clock, parse_days


def test_zero_configuration_defaults() -> None:
    settings = Settings(_env_file=None)
    assert settings.database_url.startswith("sqlite:///")
    assert settings.digest_time == dt.time(9, 0)
    assert settings.digest_days == frozenset(range(5))
    assert settings.thanks_reactions == ("pray", "raised_hands", "bow")
    assert settings.ack_emoji == "handshake"
    assert settings.slack_api_url == "https://slack.com/api/"
    assert not settings.has_any_slack_credential


def test_any_one_credential_means_the_machine_is_configured_for_slack() -> None:
    assert Settings(slack_app_token="xapp-1", _env_file=None).has_any_slack_credential
    assert Settings(slack_bot_token="xoxb-1", _env_file=None).has_any_slack_credential


def test_secrets_never_show_in_repr() -> None:
    settings = Settings(slack_bot_token="xoxb-123-secret", slack_signing_secret="shh", _env_file=None)
    assert "xoxb-123-secret" not in repr(settings) and "shh" not in repr(settings)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("mon-fri", {0, 1, 2, 3, 4}),
        ("mon,wed,fri", {0, 2, 4}),
        ("sat-sun", {5, 6}),
        ("fri-mon", {4, 5, 6, 0}),
        ("daily", set(range(7))),
        ("Tuesday", {1}),
    ],
)
def test_parse_days(text: str, days: set[int]) -> None:
    assert parse_days(text) == days


def test_format_days_round_trips() -> None:
    for text in ["mon-fri", "mon,wed,fri", "daily", "sat,sun"]:
        assert parse_days(format_days(parse_days(text))) == parse_days(text)


@pytest.mark.parametrize(
    ("text", "time"), [("09:00", (9, 0)), ("8:30", (8, 30)), ("7am", (7, 0)), ("5:15pm", (17, 15))]
)
def test_parse_clock(text: str, time: tuple[int, int]) -> None:
    assert parse_clock(text) == dt.time(*time)


@pytest.mark.parametrize("text", ["25:00", "9:75", "noon", "13pm", ""])
def test_bad_clock(text: str) -> None:
    with pytest.raises(ValueError):
        parse_clock(text)


@pytest.mark.parametrize(
    ("env", "name"),
    [
        ({"PORT": "http"}, "PORT"),
        ({"DIGEST_TIME": "25:99"}, "DIGEST_TIME"),
        ({"DIGEST_DAYS": "funday"}, "DIGEST_DAYS"),
        ({"DEFAULT_TIMEZONE": "GMT+2"}, "DEFAULT_TIMEZONE"),
        ({"LOG_FORMAT": "xml"}, "LOG_FORMAT"),
        ({"DATABASE_URL": "mysql://x"}, "DATABASE_URL"),
        ({"THANKS_REACTIONS": "pray,<script>"}, "THANKS_REACTIONS"),
    ],
)
def test_bad_setting_names_itself(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], name: str) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    with pytest.raises(SettingsError, match=f"^invalid setting {name}: "):
        load_settings(_env_file=None)


def test_cli_exits_2_with_one_line_and_no_traceback(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = subprocess.run(
        [sys.executable, "-m", "bot", "migrate"],
        env={"PORT": "not-a-port", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert "PORT" in result.stderr and "Traceback" not in result.stderr
