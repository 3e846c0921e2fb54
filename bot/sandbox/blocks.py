"""Block Kit limits Slack enforces, reported the way Slack reports them.

Slack answers a bad `blocks` array with `invalid_blocks` (messages) or `invalid_arguments`
(views) and lists what is wrong in `response_metadata.messages`, each line ending with a JSON
pointer. Only the limits a bot is likely to hit are checked; this is not a schema validator.
"""

from __future__ import annotations

from typing import Any

# (block type, field) -> max characters of the text object's "text".
_TEXT_LIMITS = {
    ("section", "text"): 3000,
    ("header", "text"): 150,
    ("context", "elements"): 2000,
}
_MAX_FIELDS = 10
_MAX_FIELD_CHARS = 2000
_MAX_ACTION_ELEMENTS = 25
_MAX_CONTEXT_ELEMENTS = 10
_MAX_BUTTON_TEXT = 75
_MAX_BUTTON_VALUE = 2000
_MAX_ID = 255
_MAX_URL = 3000
_KNOWN_TYPES = {
    "actions",
    "context",
    "divider",
    "file",
    "header",
    "image",
    "input",
    "rich_text",
    "section",
    "video",
    "markdown",
    "table",
    "context_actions",
}


def _too_long(limit: int, pointer: str) -> str:
    return f"[ERROR] must be less than {limit + 1} characters [json-pointer:{pointer}]"


def _check_text(obj: Any, limit: int, pointer: str, errors: list[str]) -> None:
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        errors.append(f"[ERROR] must provide an object [json-pointer:{pointer}]")
        return
    if obj.get("type") not in ("plain_text", "mrkdwn"):
        errors.append(f"[ERROR] must be a valid enum value [json-pointer:{pointer}/type]")
    if len(obj["text"]) > limit:
        errors.append(_too_long(limit, f"{pointer}/text"))
    if obj["text"] == "":
        errors.append(f"[ERROR] must be more than 0 characters [json-pointer:{pointer}/text]")


def _check_element(el: Any, pointer: str, errors: list[str]) -> None:
    if not isinstance(el, dict) or "type" not in el:
        errors.append(f"[ERROR] must provide an object [json-pointer:{pointer}]")
        return
    if len(str(el.get("action_id", ""))) > _MAX_ID:
        errors.append(_too_long(_MAX_ID, f"{pointer}/action_id"))
    if el["type"] == "button":
        _check_text(el.get("text"), _MAX_BUTTON_TEXT, f"{pointer}/text", errors)
        if len(str(el.get("value", ""))) > _MAX_BUTTON_VALUE:
            errors.append(_too_long(_MAX_BUTTON_VALUE, f"{pointer}/value"))
        if len(str(el.get("url", ""))) > _MAX_URL:
            errors.append(_too_long(_MAX_URL, f"{pointer}/url"))


def validate_blocks(blocks: Any, *, max_blocks: int, prefix: str) -> list[str]:
    """Error lines for `blocks` (empty when fine). `prefix` is the JSON pointer of the array."""
    errors: list[str] = []
    if not isinstance(blocks, list):
        return [f"[ERROR] must provide an array [json-pointer:{prefix}]"]
    if len(blocks) > max_blocks:
        errors.append(f"[ERROR] must be less than {max_blocks + 1} items [json-pointer:{prefix}]")
    for i, block in enumerate(blocks):
        ptr = f"{prefix}/{i}"
        if not isinstance(block, dict):
            errors.append(f"[ERROR] must provide an object [json-pointer:{ptr}]")
            continue
        btype = block.get("type")
        if btype not in _KNOWN_TYPES:
            errors.append(f"[ERROR] failed to match all allowed schemas [json-pointer:{ptr}]")
            continue
        if len(str(block.get("block_id", ""))) > _MAX_ID:
            errors.append(_too_long(_MAX_ID, f"{ptr}/block_id"))
        if btype == "section":
            if "text" not in block and "fields" not in block:
                errors.append(f"[ERROR] must provide text or fields [json-pointer:{ptr}]")
            if "text" in block:
                _check_text(block["text"], _TEXT_LIMITS[("section", "text")], f"{ptr}/text", errors)
            fields = block.get("fields", [])
            if len(fields) > _MAX_FIELDS:
                errors.append(f"[ERROR] must be less than {_MAX_FIELDS + 1} items [json-pointer:{ptr}/fields]")
            for j, field in enumerate(fields):
                _check_text(field, _MAX_FIELD_CHARS, f"{ptr}/fields/{j}", errors)
            if "accessory" in block:
                _check_element(block["accessory"], f"{ptr}/accessory", errors)
        elif btype == "header":
            _check_text(block.get("text"), _TEXT_LIMITS[("header", "text")], f"{ptr}/text", errors)
            if isinstance(block.get("text"), dict) and block["text"].get("type") != "plain_text":
                errors.append(f"[ERROR] must be a valid enum value [json-pointer:{ptr}/text/type]")
        elif btype == "context":
            elements = block.get("elements", [])
            if not elements:
                errors.append(f"[ERROR] must provide at least 1 item [json-pointer:{ptr}/elements]")
            if len(elements) > _MAX_CONTEXT_ELEMENTS:
                errors.append(
                    f"[ERROR] must be less than {_MAX_CONTEXT_ELEMENTS + 1} items [json-pointer:{ptr}/elements]"
                )
            for j, el in enumerate(elements):
                if isinstance(el, dict) and el.get("type") in ("plain_text", "mrkdwn"):
                    _check_text(el, _TEXT_LIMITS[("context", "elements")], f"{ptr}/elements/{j}", errors)
        elif btype == "actions":
            elements = block.get("elements", [])
            if not elements:
                errors.append(f"[ERROR] must provide at least 1 item [json-pointer:{ptr}/elements]")
            if len(elements) > _MAX_ACTION_ELEMENTS:
                errors.append(
                    f"[ERROR] must be less than {_MAX_ACTION_ELEMENTS + 1} items [json-pointer:{ptr}/elements]"
                )
            action_ids = [el.get("action_id") for el in elements if isinstance(el, dict) and el.get("action_id")]
            if len(action_ids) != len(set(action_ids)):
                errors.append(f"[ERROR] action_id must be unique within a block [json-pointer:{ptr}/elements]")
            for j, el in enumerate(elements):
                _check_element(el, f"{ptr}/elements/{j}", errors)
    block_ids = [b.get("block_id") for b in blocks if isinstance(b, dict) and b.get("block_id")]
    if len(block_ids) != len(set(block_ids)):
        errors.append(f"[ERROR] block_id must be unique [json-pointer:{prefix}]")
    return errors
