"""Block Kit and mrkdwn → terminal text, for the demo's transcript. Pure.

Shows a message the way a person would read it in Slack: mentions become `@Name`, channel
links `#name`, links their label, `&lt;` and friends their characters, and buttons `[ Label ]`.
Unknown block types are shown as `[<type> block]` rather than dropped, so nothing posted is hidden.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

_USER = re.compile(r"<@([UW][A-Z0-9]+)(?:\|([^>]*))?>")
_CHANNEL = re.compile(r"<#([CGD][A-Z0-9]+)(?:\|([^>]*))?>")
_SPECIAL = re.compile(r"<!(subteam\^[A-Z0-9]+|here|channel|everyone|date\^[^|>]*)(?:\|([^>]*))?>")
_LINK = re.compile(r"<([a-z][a-z0-9+.-]*:[^|>]*)(?:\|([^>]*))?>")
# *bold*, _italic_, ~strike~ — only when the markers hug non-space text, as Slack requires.
_EMPHASIS = re.compile(r"(?<![\w*_~])([*_~])(?=\S)(.+?)(?<=\S)\1(?![\w*_~])")
_EMOJI = {"handshake": "🤝", "pray": "🙏", "raised_hands": "🙌", "bow": "🙇", "white_check_mark": "✅"}


@dataclass(frozen=True)
class Names:
    """Who and where, for turning ids into words."""

    users: Mapping[str, str] = field(default_factory=dict)
    channels: Mapping[str, str] = field(default_factory=dict)

    def user(self, user_id: str) -> str:
        return self.users.get(user_id, user_id)

    def channel(self, channel_id: str) -> str:
        return self.channels.get(channel_id, channel_id)


def mrkdwn(text: str, names: Names | None = None) -> str:
    """One mrkdwn string as plain text. Entities are decoded last, so an escaped `&lt;@U1&gt;`
    that a person typed stays literal text instead of turning into a mention."""
    names = names or Names()

    def user(match: re.Match[str]) -> str:
        return "@" + names.users.get(match[1], match[2] or match[1])

    def channel(match: re.Match[str]) -> str:
        return "#" + names.channels.get(match[1], match[2] or match[1])

    def special(match: re.Match[str]) -> str:
        if match[1].startswith("date^"):
            return match[2] or match[1]
        return "@" + (match[2] or match[1].split("^")[0]).lstrip("@")

    def link(match: re.Match[str]) -> str:
        return match[2] if match[2] else match[1]

    text = _USER.sub(user, text)
    text = _CHANNEL.sub(channel, text)
    text = _SPECIAL.sub(special, text)
    text = _LINK.sub(link, text)
    text = _EMPHASIS.sub(lambda m: m[2], text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def emoji(name: str) -> str:
    """`:pray:` with the picture when we know it (the name alone otherwise)."""
    base = name.split("::")[0]
    picture = _EMOJI.get(base)
    return f":{name}: {picture}" if picture else f":{name}:"


def text_object(obj: Mapping[str, Any] | None, names: Names | None = None) -> str:
    if not obj:
        return ""
    raw = str(obj.get("text", ""))
    return mrkdwn(raw, names) if obj.get("type") == "mrkdwn" else raw


def _element(element: Mapping[str, Any], names: Names | None) -> str:
    kind = element.get("type")
    if kind == "button":
        return f"[ {text_object(element.get('text'), names)} ]"
    if kind in ("mrkdwn", "plain_text"):
        return text_object(element, names)
    if kind == "image":
        return f"(image: {element.get('alt_text', '')})"
    if kind in ("static_select", "users_select", "conversations_select", "overflow", "datepicker", "timepicker"):
        label = text_object(element.get("placeholder"), names) or kind
        return f"[ {label} ▾ ]"
    return f"[{kind}]"


def blocks(items: Sequence[Mapping[str, Any]], names: Names | None = None, width: int = 88) -> list[str]:
    """Lines for a list of blocks: section, context, actions, header, divider, rich text, image."""
    lines: list[str] = []
    for block in items:
        kind = block.get("type")
        if kind == "divider":
            lines.append("─" * min(width, 40))
        elif kind == "header":
            title = text_object(block.get("text"), names)
            lines += [title.upper(), "═" * min(len(title), width)]
        elif kind == "section":
            body = text_object(block.get("text"), names)
            body_lines = _wrap(body, width)
            for f in block.get("fields") or []:
                body_lines += _wrap(text_object(f, names), width)
            accessory = block.get("accessory")
            if accessory:
                tail = _element(accessory, names)
                if body_lines and len(body_lines[-1]) + len(tail) + 2 <= width:
                    body_lines[-1] += "  " + tail
                else:
                    body_lines.append(tail)
            lines += body_lines
        elif kind == "context":
            parts = [_element(e, names) for e in block.get("elements") or []]
            lines += _wrap(" · ".join(p for p in parts if p), width)
        elif kind == "actions":
            lines += _wrap(" ".join(_element(e, names) for e in block.get("elements") or []), width)
        elif kind == "rich_text":
            lines += _wrap(_rich_text(block, names), width)
        elif kind == "image":
            lines.append(f"(image: {block.get('alt_text', '')})")
        else:
            lines.append(f"[{kind} block]")
    return lines


def message(msg: Mapping[str, Any], names: Names | None = None, width: int = 88) -> list[str]:
    """A posted message: its blocks when it has any (what Slack shows), else its text."""
    if msg.get("blocks"):
        return blocks(msg["blocks"], names, width)
    return _wrap(mrkdwn(str(msg.get("text", "")), names), width)


def _rich_text(block: Mapping[str, Any], names: Names | None) -> str:
    out: list[str] = []

    def walk(node: Mapping[str, Any]) -> None:
        kind = node.get("type")
        if kind == "text":
            out.append(str(node.get("text", "")))
        elif kind == "user":
            out.append("@" + (names.user(node["user_id"]) if names else node["user_id"]))
        elif kind == "channel":
            out.append("#" + (names.channel(node["channel_id"]) if names else node["channel_id"]))
        elif kind == "link":
            out.append(str(node.get("text") or node.get("url", "")))
        elif kind == "emoji":
            out.append(f":{node.get('name', '')}:")
        for child in node.get("elements") or []:
            walk(child)

    walk(block)
    return "".join(out)


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if not paragraph.strip():
            lines.append("")
            continue
        indent = re.match(r"\s*(?:[•\-]\s)?", paragraph)
        hang = " " * len(indent[0]) if indent else ""
        lines += textwrap.wrap(paragraph, width, subsequent_indent=hang, break_on_hyphens=False) or [""]
    return lines
