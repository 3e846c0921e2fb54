"""Every Slack identifier the bot answers to, in one place; `tests/unit/test_manifest.py` checks
that `manifest.yml` and the registered listeners agree with these."""

from __future__ import annotations

# Slash commands
GOT_COMMAND = "/got"
GAVE_COMMAND = "/gave"
GIVEBACK_COMMAND = "/giveback"
COMMANDS = (GOT_COMMAND, GAVE_COMMAND, GIVEBACK_COMMAND)

# Events API event types the bot subscribes to
MESSAGE_EVENTS = ("message.channels", "message.groups", "message.mpim", "message.im")
BOT_EVENTS = (
    *MESSAGE_EVENTS,
    "reaction_added",
    "reaction_removed",
    "app_home_opened",
    "user_change",
    "app_uninstalled",
    "tokens_revoked",
)

# Block Kit action ids (capture)
UNDO_RECORD = "undo_record"

# Message metadata event type that marks a digest DM (used to recover crashed sends)
DIGEST_METADATA_EVENT = "giveback_digest"

# Block Kit action ids (daily digest buttons; values are "<digest id>:<other user>")
DIGEST_ASKED = "digest_asked"
DIGEST_SNOOZE = "digest_snooze"
DIGEST_MUTE = "digest_mute"
DIGEST_UNDO = "digest_undo"
DIGEST_PAUSE = "digest_pause"
DIGEST_RESUME = "digest_resume"
DIGEST_ACTIONS = (DIGEST_ASKED, DIGEST_SNOOZE, DIGEST_MUTE, DIGEST_UNDO, DIGEST_PAUSE, DIGEST_RESUME)

# Block Kit action ids (App Home). Buttons that repeat per row carry a ":<row>" suffix so every
# action_id in the view is unique; listeners match the prefix.
HOME_PAGE = "home_page"  # value: page number of the ledger
HOME_PERSON = "home_person"  # value: the other person ("" = back to everyone)
HOME_UNDO_EDGE = "home_undo_edge"  # value: help_edges.id
HOME_CLAIM_CONFIRM = "home_claim_confirm"  # value: help_edges.id
HOME_CLAIM_REJECT = "home_claim_reject"  # value: help_edges.id
HOME_UNDO_ASK = "home_undo_ask"  # value: the other person
HOME_DIGEST_TOGGLE = "home_digest_toggle"  # value: "on" | "off"
HOME_TIME = "home_time"  # timepicker
HOME_DAYS = "home_days"  # checkboxes
HOME_PAUSE_UNTIL = "home_pause_until"  # datepicker
HOME_PAUSE_LIFT = "home_pause_lift"
HOME_TZ = "home_tz"  # plain_text_input (dispatches on enter)
HOME_TZ_RESET = "home_tz_reset"
HOME_UNMUTE = "home_unmute"  # value: other person
HOME_UNSNOOZE = "home_unsnooze"  # value: other person
HOME_SUGGESTABLE = "home_suggestable"  # value: "on" | "off"
HOME_CAPTURE_ON = "home_capture_on"
HOME_ACTIONS = (
    HOME_PAGE,
    HOME_PERSON,
    HOME_UNDO_EDGE,
    HOME_CLAIM_CONFIRM,
    HOME_CLAIM_REJECT,
    HOME_UNDO_ASK,
    HOME_DIGEST_TOGGLE,
    HOME_TIME,
    HOME_DAYS,
    HOME_PAUSE_UNTIL,
    HOME_PAUSE_LIFT,
    HOME_TZ,
    HOME_TZ_RESET,
    HOME_UNMUTE,
    HOME_UNSNOOZE,
    HOME_SUGGESTABLE,
    HOME_CAPTURE_ON,
)

# /giveback forget: the explicit confirmation step
FORGET_CONFIRM = "giveback_forget_confirm"
FORGET_CANCEL = "giveback_forget_cancel"
