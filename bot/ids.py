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
