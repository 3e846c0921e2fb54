"""Slack text, both ways: user-typed mrkdwn in, safe plain text out. Pure."""

from __future__ import annotations

import re

USER_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|([^>]*))?>")
SPECIAL_MENTION = re.compile(r"<!(subteam\^[A-Z0-9]+|here|channel|everyone)(?:\|([^>]*))?>")
CHANNEL_LINK = re.compile(r"<#([CGD][A-Z0-9]+)(?:\|([^>]*))?>")
LINK = re.compile(r"<((?:https?|mailto|slack):[^|>]*)(?:\|([^>]*))?>")


def unescape(text: str) -> str:
    """Slack escapes exactly these three in message and command text."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def escape_mrkdwn(text: str) -> str:
    """Make user-typed text inert in mrkdwn: no pings (`<!channel>`), no links, no mentions."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_plain(text: str, names: dict[str, str] | None = None) -> str:
    """Slack markup → readable plain text: `<@U1|ann>` → `@ann`, `<#C1|eng>` → `#eng`,
    `<https://x|label>` → `label (https://x)`, entities decoded. The result is stored as-is and
    escaped again whenever it is shown."""
    names = names or {}

    def user(match: re.Match[str]) -> str:
        return "@" + (match[2] or names.get(match[1]) or match[1])

    def special(match: re.Match[str]) -> str:
        return "@" + (match[2] or match[1].split("^")[0]).lstrip("@")

    def channel(match: re.Match[str]) -> str:
        return "#" + (match[2] or match[1])

    def link(match: re.Match[str]) -> str:
        return f"{match[2]} ({match[1]})" if match[2] and match[2] != match[1] else match[1]

    text = USER_MENTION.sub(user, text)
    text = SPECIAL_MENTION.sub(special, text)
    text = CHANNEL_LINK.sub(channel, text)
    text = LINK.sub(link, text)
    return unescape(text)


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
