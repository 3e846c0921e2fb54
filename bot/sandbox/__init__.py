"""A local Slack for tests, benchmarks and the offline demo.

`SlackSandbox` serves the Web API (and Socket Mode) over real HTTP/websockets; `SignedSender`
and `SocketModeSender` deliver Slack-shaped requests to the bot; `payloads` builds them.
"""

from . import payloads
from .senders import SentResponse, SignedSender, sign
from .server import ApiCall, SlackError, SlackSandbox
from .socket_mode import SocketModeSender

__all__ = [
    "ApiCall",
    "SentResponse",
    "SignedSender",
    "SlackError",
    "SlackSandbox",
    "SocketModeSender",
    "payloads",
    "sign",
]
