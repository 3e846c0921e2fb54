"""The one frozen bundle of dependencies that reaches every listener through Bolt's `context`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from slack_sdk import WebClient

from bot.background import Background
from bot.capture import CaptureService
from bot.directory import UserDirectory
from bot.settings import Settings
from storage.db import Database

if TYPE_CHECKING:
    from bot.digest import DigestService
    from bot.home import HomeService
    from bot.privacy import PrivacyService

Clock = Callable[[], dt.datetime]


def system_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Deps:
    settings: Settings
    db: Database
    slack: WebClient
    clock: Clock
    directory: UserDirectory
    background: Background
    capture: CaptureService
    digest: DigestService
    home: HomeService
    privacy: PrivacyService


def deps_of(context: Any) -> Deps:
    return context["deps"]  # type: ignore[no-any-return]
