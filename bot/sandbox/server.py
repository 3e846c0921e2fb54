"""SlackSandbox: a local HTTP server that plays Slack's Web API for tests, benchmarks and the demo.

It keeps a small in-memory workspace (teams, users, channels, messages, reactions, views,
files), answers the Web API methods the bot uses with Slack's response shapes and error codes,
records every call, and can be told to fail, to be slow, or to rate-limit like Slack does.
"""

from __future__ import annotations

import base64
import bisect
import copy
import json
import math
import re
import secrets
import threading
import time
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from .blocks import validate_blocks

JSON = dict[str, Any]

MAX_MESSAGE_BLOCKS = 50
MAX_VIEW_BLOCKS = 100
MAX_TEXT_CHARS = 40_000
MAX_PRIVATE_METADATA = 3000
RESPONSE_URL_USES = 5  # Slack accepts up to five posts to one response_url
_EMOJI_NAME = re.compile(r"^[a-z0-9_+\-']+(::skin-tone-[2-6])?$")
# Keys whose form-encoded values Slack parses as JSON.
_JSON_ARGS = ("blocks", "attachments", "metadata", "view", "files")


class SlackError(Exception):
    """A Slack `{"ok": false, "error": ...}` answer raised from inside a method."""

    def __init__(self, error: str, **extra: Any) -> None:
        super().__init__(error)
        self.error = error
        self.extra = extra


@dataclass(frozen=True)
class ApiCall:
    method: str
    args: dict[str, Any]
    token: str | None
    at: float
    response: dict[str, Any]
    status: int = 200
    team_id: str | None = None


@dataclass
class _Team:
    id: str
    name: str
    domain: str
    bot_token: str
    bot_user_id: str
    bot_id: str


@dataclass
class _Fault:
    method: str
    kind: str  # "fail" | "slow"
    remaining: int | None
    when: Callable[[dict[str, Any]], bool] | None
    error: str = "internal_error"
    status: int = 200
    retry_after: float | None = None
    seconds: float = 0.0

    def matches(self, method: str, args: dict[str, Any]) -> bool:
        if self.remaining == 0 or self.method not in (method, "*"):
            return False
        return self.when is None or bool(self.when(args))


@dataclass
class _Bucket:
    per_second: float
    burst: int
    tokens: float
    updated: float


@dataclass
class _Ctx:
    token: str | None
    team: _Team | None
    kind: str | None  # "bot" | "app"


@dataclass
class _ResponseUrl:
    id: str
    team_id: str | None
    user_id: str | None
    channel_id: str | None
    message_ts: str | None
    posts: list[dict[str, Any]] = field(default_factory=list)


def _ts_value(message: JSON) -> float:
    return float(message["ts"])


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return bool(value)


def _encode_cursor(value: str) -> str:
    return base64.b64encode(f"next:{value}".encode()).decode()


def _decode_cursor(cursor: str) -> str:
    try:
        decoded = base64.b64decode(cursor.encode(), validate=True).decode()
    except (ValueError, UnicodeDecodeError) as exc:
        raise SlackError("invalid_cursor") from exc
    if not decoded.startswith("next:"):
        raise SlackError("invalid_cursor")
    return decoded[5:]


class SlackSandbox:
    """A fake Slack workspace behind a real HTTP server (see module docstring)."""

    def __init__(
        self,
        *,
        signing_secret: str = "sandbox-signing-secret",
        bot_token: str = "xoxb-sandbox-token",
        app_token: str = "xapp-sandbox-token",
        team_id: str = "T0SANDBOX",
        bot_user_id: str = "U0GIVEBACK",
        host: str = "127.0.0.1",
        port: int = 0,
        app_id: str = "A0GIVEBACK",
        bot_id: str = "B0GIVEBACK",
        team_name: str = "Sandbox",
        team_domain: str = "sandbox",
        clock: Callable[[], float] = time.time,
        socket_mode: bool = True,
    ) -> None:
        self.signing_secret = signing_secret
        self.bot_token = bot_token
        self.app_token = app_token
        self.team_id = team_id
        self.bot_user_id = bot_user_id
        self.bot_id = bot_id
        self.app_id = app_id
        self.host = host
        self._port = port
        self._clock = clock
        self._want_socket_mode = socket_mode
        self._lock = threading.RLock()
        self._changed = threading.Condition(self._lock)
        self._stopping = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.socket_mode: Any = None  # bot.sandbox.socket_mode.SocketModeServer once started

        self._teams: dict[str, _Team] = {}
        self._tokens: dict[str, tuple[str, str]] = {}  # token -> (team_id, "bot"|"app")
        self._revoked: dict[str, str] = {}
        self._users: dict[str, JSON] = {}
        self._channels: dict[str, JSON] = {}
        self._messages: dict[str, list[JSON]] = {}
        self._dms: dict[tuple[str, str], str] = {}
        self._ephemerals: list[JSON] = []
        self._response_urls: dict[str, _ResponseUrl] = {}
        self._response_posts: list[JSON] = []
        self._views: dict[str, list[JSON]] = {}
        self._view_ids: dict[str, str] = {}
        self._files: dict[str, JSON] = {}
        self._uploads: dict[str, str] = {}  # upload id -> file id
        self._calls: list[ApiCall] = []
        self._faults: list[_Fault] = []
        self._limits: dict[str, tuple[float, int]] = {}
        self._buckets: dict[tuple[str, str], _Bucket] = {}
        self._last_ts = 0
        self._seq = 0

        self._tokens[app_token] = (team_id, "app")
        self.add_team(team_id, bot_token=bot_token, bot_user_id=bot_user_id, name=team_name, domain=team_domain)
        self.add_channel("C0GENERAL", "general", team_id=team_id)
        self.add_user("USLACKBOT", "slackbot", real_name="Slackbot", tz="America/Los_Angeles")

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> SlackSandbox:
        sandbox = self

        class Handler(_Handler):
            pass

        Handler.sandbox = sandbox
        self._server = ThreadingHTTPServer((self.host, self._port), Handler)
        self._server.daemon_threads = True
        self._port = self._server.server_address[1]
        # A short poll interval keeps stop() quick (shutdown waits for the next poll).
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="slack-sandbox-http", daemon=True
        )
        self._thread.start()
        if self._want_socket_mode:
            from .socket_mode import SocketModeServer, websockets_available

            if websockets_available():
                self.socket_mode = SocketModeServer(self, self.host).start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self.socket_mode is not None:
            self.socket_mode.stop()
            self.socket_mode = None
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> SlackSandbox:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        return self._port

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self._port}"

    @property
    def api_url(self) -> str:
        return f"{self.base_url}/api/"

    # ------------------------------------------------------------------ workspace state

    def add_team(
        self,
        team_id: str,
        *,
        bot_token: str,
        bot_user_id: str,
        name: str | None = None,
        domain: str | None = None,
        bot_id: str | None = None,
    ) -> None:
        with self._lock:
            team = _Team(
                id=team_id,
                name=name or team_id,
                domain=domain or team_id.lower(),
                bot_token=bot_token,
                bot_user_id=bot_user_id,
                bot_id=bot_id or (self.bot_id if team_id == self.team_id else f"B{bot_user_id[1:]}"),
            )
            self._teams[team_id] = team
            self._tokens[bot_token] = (team_id, "bot")
        self.add_user(bot_user_id, "giveback", is_bot=True, real_name="Giveback", team_id=team_id)

    def revoke_token(self, token: str, *, error: str = "token_revoked") -> None:
        """Later calls with `token` answer `error` (`token_revoked`, or e.g. `account_inactive`)."""
        with self._lock:
            self._revoked[token] = error

    def add_user(
        self,
        user_id: str,
        name: str,
        *,
        tz: str = "America/New_York",
        is_bot: bool = False,
        deleted: bool = False,
        real_name: str | None = None,
        team_id: str | None = None,
        email: str | None = None,
        display_name: str | None = None,
    ) -> None:
        zoneinfo.ZoneInfo(tz)  # fail early on a typo, as Slack would never send one
        with self._lock:
            self._users[user_id] = {
                "id": user_id,
                "name": name,
                "real_name": real_name if real_name is not None else name.title(),
                "display_name": display_name if display_name is not None else name,
                "tz": tz,
                "is_bot": is_bot,
                "deleted": deleted,
                "team_id": team_id or self.team_id,
                "email": email,
                "updated": int(self._clock()),
            }
            self._changed.notify_all()

    def update_user(self, user_id: str, **fields: Any) -> None:
        with self._lock:
            if user_id not in self._users:
                raise KeyError(user_id)
            if "tz" in fields:
                zoneinfo.ZoneInfo(fields["tz"])
            self._users[user_id].update(fields)
            self._users[user_id]["updated"] = int(self._clock())

    def user_object(self, user_id: str) -> JSON:
        """The user as `users.info` returns it (also what a `user_change` event carries)."""
        with self._lock:
            return self._user_json(self._users[user_id])

    def add_channel(
        self,
        channel_id: str,
        name: str,
        *,
        is_private: bool = False,
        is_im: bool = False,
        team_id: str | None = None,
        bot_is_member: bool = True,
        user: str | None = None,
    ) -> None:
        """`bot_is_member=False` makes posts fail like Slack: `not_in_channel` (public) or
        `channel_not_found` (private)."""
        with self._lock:
            self._channels[channel_id] = {
                "id": channel_id,
                "name": name,
                "is_private": is_private or is_im,
                "is_im": is_im,
                "team_id": team_id or self.team_id,
                "bot_is_member": bot_is_member,
                "user": user,
                "created": int(self._clock()),
            }
            self._messages.setdefault(channel_id, [])
            if is_im and user:
                self._dms[(team_id or self.team_id, user)] = channel_id

    def post_user_message(
        self,
        channel: str,
        user: str,
        text: str,
        *,
        thread_ts: str | None = None,
        ts: str | None = None,
        reply_broadcast: bool = False,
    ) -> str:
        """Seed a message written by a person; returns its ts."""
        with self._lock:
            if channel.startswith(("U", "W")):
                channel = self._ensure_dm(self._users[channel]["team_id"], channel)
            if channel not in self._channels:
                raise KeyError(f"unknown channel {channel}; add_channel() first")
            message: JSON = {
                "type": "message",
                "user": user,
                "text": text,
                "ts": ts or self._new_ts(),
                "team": self._users.get(user, {}).get("team_id", self.team_id),
            }
            self._append_message(channel, message, thread_ts=thread_ts, reply_broadcast=reply_broadcast)
            return message["ts"]

    def dm_channel(self, user_id: str, team_id: str | None = None) -> str:
        """The bot's DM channel id with `user_id` (what `conversations.open` returns)."""
        with self._lock:
            return self._ensure_dm(team_id or self._users.get(user_id, {}).get("team_id", self.team_id), user_id)

    # ------------------------------------------------------------------ recorded traffic

    def calls(self, method: str | None = None) -> list[ApiCall]:
        with self._lock:
            return [c for c in self._calls if method is None or c.method == method]

    def wait_for_calls(self, method: str | None, count: int = 1, timeout: float = 5.0) -> list[ApiCall]:
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = [c for c in self._calls if method is None or c.method == method]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = sorted({c.method for c in self._calls})
                    raise TimeoutError(
                        f"expected {count} call(s) to {method}, got {len(found)} within {timeout}s; seen: {seen}"
                    )
                self._changed.wait(left)

    def clear_calls(self) -> None:
        with self._lock:
            self._calls.clear()

    def messages(self, channel: str) -> list[JSON]:
        """All messages in `channel` (top-level and replies), oldest first, with metadata."""
        with self._lock:
            if channel.startswith(("U", "W")):
                channel = self._dms.get((self._users.get(channel, {}).get("team_id", self.team_id), channel), "")
            return copy.deepcopy(self._messages.get(channel, []))

    def dm_messages(self, user_id: str) -> list[JSON]:
        with self._lock:
            team = self._users.get(user_id, {}).get("team_id", self.team_id)
            channel = self._dms.get((team, user_id))
            return copy.deepcopy(self._messages.get(channel, [])) if channel else []

    def ephemerals(self, user_id: str | None = None) -> list[JSON]:
        with self._lock:
            return [copy.deepcopy(e) for e in self._ephemerals if user_id is None or e.get("user") == user_id]

    def response_url_posts(self) -> list[JSON]:
        with self._lock:
            return copy.deepcopy(self._response_posts)

    def reactions(self, channel: str, ts: str) -> list[JSON]:
        with self._lock:
            message = self._find_message(channel, ts)
            return copy.deepcopy(message.get("reactions", [])) if message else []

    def published_views(self, user_id: str) -> list[JSON]:
        with self._lock:
            return copy.deepcopy(self._views.get(user_id, []))

    def files(self, user_id: str | None = None) -> list[JSON]:
        """Completed uploads; with `user_id`, those shared into the bot's DM with that user."""
        with self._lock:
            out = []
            for f in self._files.values():
                if not f.get("completed"):
                    continue
                if user_id is not None:
                    dm = self._dms.get((self._users.get(user_id, {}).get("team_id", self.team_id), user_id))
                    if dm is None or dm not in f["channels"]:
                        continue
                out.append(dict(f))
            return out

    # ------------------------------------------------------------------ failure injection

    def fail(
        self,
        method: str,
        *,
        error: str = "internal_error",
        status: int = 200,
        retry_after: float | None = None,
        times: int | None = 1,
        when: Callable[[dict[str, Any]], bool] | None = None,
    ) -> None:
        """Answer the next `times` calls of `method` ("*" = any) with `error` (None = forever)."""
        with self._lock:
            if status == 429 and retry_after is None:
                retry_after = 1
            if status == 429 and error == "internal_error":
                error = "ratelimited"
            self._faults.append(_Fault(method, "fail", times, when, error, status, retry_after))

    def slow(self, method: str, seconds: float, times: int | None = None) -> None:
        with self._lock:
            self._faults.append(_Fault(method, "slow", times, None, seconds=seconds))

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()
            self._limits.clear()
            self._buckets.clear()

    def rate_limit(self, method: str, *, per_second: float, burst: int) -> None:
        """Token bucket per (team, method), as Slack's tiers work: over it -> 429 + Retry-After."""
        with self._lock:
            self._limits[method] = (per_second, burst)
            for key in [k for k in self._buckets if k[1] == method]:
                del self._buckets[key]

    def response_url(
        self,
        *,
        user_id: str | None = None,
        channel_id: str | None = None,
        message_ts: str | None = None,
        team_id: str | None = None,
    ) -> str:
        """Mint a response_url served here. Bind it to a message (channel_id + message_ts) to make
        `replace_original` / `delete_original` act on that message."""
        with self._lock:
            rid = secrets.token_hex(8)
            self._response_urls[rid] = _ResponseUrl(rid, team_id or self.team_id, user_id, channel_id, message_ts)
        return f"{self.base_url}/response/{rid}"

    def new_trigger_id(self) -> str:
        return f"{int(self._clock())}.{secrets.randbelow(10**12)}.{secrets.token_hex(16)}"

    # ------------------------------------------------------------------ internals: state helpers

    def _new_ts(self) -> str:
        with self._lock:
            micros = max(int(self._clock() * 1_000_000), self._last_ts + 1)
            self._last_ts = micros
        return f"{micros // 1_000_000}.{micros % 1_000_000:06d}"

    def _new_id(self, prefix: str) -> str:
        with self._lock:
            self._seq += 1
            return f"{prefix}0{self._seq:08X}"

    def _ensure_dm(self, team_id: str, user_id: str) -> str:
        key = (team_id, user_id)
        if key not in self._dms:
            # Readable and stable across runs: U0ALICE -> D0ALICE.
            dm = f"D{user_id[1:]}"
            while dm in self._channels:
                dm += "X"
            self.add_channel(dm, dm, is_im=True, team_id=team_id, user=user_id)
        return self._dms[key]

    def _find_message(self, channel: str, ts: str) -> JSON | None:
        # Each channel's list is kept sorted by ts (see `_append_message`): a binary search, not a
        # scan, so a benchmark's thousands of seeded messages don't make every reaction slower.
        msgs = self._messages.get(channel, [])
        try:
            wanted = float(ts)
        except (TypeError, ValueError):
            return None
        i = bisect.bisect_left(msgs, wanted, key=_ts_value)
        while i < len(msgs) and _ts_value(msgs[i]) == wanted:
            if msgs[i]["ts"] == ts:
                return msgs[i]
            i += 1
        return None

    def _append_message(
        self, channel: str, message: JSON, *, thread_ts: str | None, reply_broadcast: bool = False
    ) -> None:
        if thread_ts:
            parent = self._find_message(channel, thread_ts)
            if parent is not None:
                parent["thread_ts"] = parent["ts"]
                parent["reply_count"] = parent.get("reply_count", 0) + 1
                author = message.get("user") or message.get("bot_id")
                users = parent.setdefault("reply_users", [])
                if author and author not in users:
                    users.append(author)
                parent["reply_users_count"] = len(users)
                parent["latest_reply"] = message["ts"]
            message["thread_ts"] = thread_ts
            if parent is not None and parent.get("user"):
                message["parent_user_id"] = parent["user"]
            if reply_broadcast:
                message["subtype"] = "thread_broadcast"
        bisect.insort(self._messages.setdefault(channel, []), message, key=_ts_value)
        self._changed.notify_all()

    def _user_json(self, u: JSON) -> JSON:
        team = self._teams.get(u["team_id"])
        profile: JSON = {
            "title": "",
            "phone": "",
            "skype": "",
            "real_name": u["real_name"],
            "real_name_normalized": u["real_name"],
            "display_name": u["display_name"],
            "display_name_normalized": u["display_name"],
            "fields": None,
            "status_text": "",
            "status_emoji": "",
            "status_expiration": 0,
            "avatar_hash": "g0sandbox",
            "first_name": u["real_name"].split(" ")[0] if u["real_name"] else "",
            "last_name": " ".join(u["real_name"].split(" ")[1:]) if u["real_name"] else "",
            "image_24": "https://sandbox.slack.com/avatar_24.png",
            "image_48": "https://sandbox.slack.com/avatar_48.png",
            "image_72": "https://sandbox.slack.com/avatar_72.png",
            "team": u["team_id"],
        }
        if u.get("email"):
            profile["email"] = u["email"]
        if u["is_bot"] and team is not None and u["id"] == team.bot_user_id:
            profile["bot_id"] = team.bot_id
            profile["api_app_id"] = self.app_id
        out: JSON = {
            "id": u["id"],
            "team_id": u["team_id"],
            "name": u["name"],
            "deleted": bool(u["deleted"]),
            "color": "9f69e7",
            "real_name": u["real_name"],
            "profile": profile,
            "is_bot": bool(u["is_bot"]),
            "is_app_user": False,
            "updated": u["updated"],
        }
        # Slack drops the time zone and role fields from deactivated users.
        if not u["deleted"]:
            zone = zoneinfo.ZoneInfo(u["tz"])
            now = datetime.fromtimestamp(self._clock(), zone)
            offset = now.utcoffset()
            out.update(
                {
                    "tz": u["tz"],
                    "tz_label": now.tzname() or u["tz"],
                    "tz_offset": int(offset.total_seconds()) if offset is not None else 0,
                    "is_admin": False,
                    "is_owner": False,
                    "is_primary_owner": False,
                    "is_restricted": False,
                    "is_ultra_restricted": False,
                    "is_email_confirmed": not u["is_bot"],
                    "who_can_share_contact_card": "EVERYONE",
                }
            )
        extra = {k: v for k, v in u.items() if k not in _USER_KEYS}
        out.update(extra)
        return out

    def _channel_json(self, ch: JSON) -> JSON:
        if ch["is_im"]:
            user = self._users.get(ch["user"] or "", {})
            return {
                "id": ch["id"],
                "created": ch["created"],
                "is_archived": False,
                "is_im": True,
                "is_org_shared": False,
                "context_team_id": ch["team_id"],
                "updated": ch["created"] * 1000,
                "user": ch["user"],
                "is_user_deleted": bool(user.get("deleted")),
                "priority": 0,
            }
        return {
            "id": ch["id"],
            "name": ch["name"],
            "is_channel": not ch["is_private"],
            "is_group": ch["is_private"],
            "is_im": False,
            "is_mpim": False,
            "is_private": ch["is_private"],
            "created": ch["created"],
            "is_archived": False,
            "is_general": ch["name"] == "general",
            "unlinked": 0,
            "name_normalized": ch["name"],
            "is_shared": False,
            "is_org_shared": False,
            "is_member": ch["bot_is_member"],
            "context_team_id": ch["team_id"],
            "updated": ch["created"] * 1000,
            "creator": "",
            "topic": {"value": "", "creator": "", "last_set": 0},
            "purpose": {"value": "", "creator": "", "last_set": 0},
        }

    # ------------------------------------------------------------------ internals: dispatch

    def _authenticate(self, method: str, token: str | None) -> _Ctx:
        if method == "api.test":
            return _Ctx(token, None, None)
        if not token:
            raise SlackError("not_authed")
        if token in self._revoked:
            raise SlackError(self._revoked[token])
        if token not in self._tokens:
            raise SlackError("invalid_auth")
        team_id, kind = self._tokens[token]
        if method == "apps.connections.open" and kind != "app":
            raise SlackError("not_allowed_token_type")
        if method != "apps.connections.open" and kind == "app" and method != "auth.test":
            raise SlackError("not_allowed_token_type")
        return _Ctx(token, self._teams[team_id], kind)

    def _take_rate_token(self, team_key: str, method: str) -> float | None:
        """None when allowed, else seconds until the bucket has a token again."""
        limit = self._limits.get(method) or self._limits.get("*")
        if limit is None:
            return None
        per_second, burst = limit
        now = time.monotonic()
        bucket = self._buckets.get((team_key, method))
        if bucket is None:
            bucket = self._buckets[(team_key, method)] = _Bucket(per_second, burst, float(burst), now)
        bucket.tokens = min(bucket.burst, bucket.tokens + (now - bucket.updated) * bucket.per_second)
        bucket.updated = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return None
        return (1 - bucket.tokens) / bucket.per_second

    def _pick_fault(self, kind: str, method: str, args: dict[str, Any]) -> _Fault | None:
        for fault in self._faults:
            if fault.kind == kind and fault.matches(method, args):
                if fault.remaining is not None:
                    fault.remaining -= 1
                return fault
        return None

    def handle_api(self, method: str, args: dict[str, Any], token: str | None) -> tuple[int, dict[str, str], JSON]:
        """Answer one Web API call: (HTTP status, extra headers, JSON body). Records it."""
        with self._lock:
            slow = self._pick_fault("slow", method, args)
        if slow is not None and slow.seconds > 0:
            self._stopping.wait(slow.seconds)
        headers: dict[str, str] = {}
        status = 200
        team_id: str | None = None
        with self._lock:
            try:
                fault = self._pick_fault("fail", method, args)
                if fault is not None:
                    status = fault.status
                    if fault.retry_after is not None:
                        headers["Retry-After"] = str(math.ceil(fault.retry_after))
                    raise SlackError(fault.error)
                handler = _METHODS.get(method)
                if handler is None:
                    raise SlackError("unknown_method")
                ctx = self._authenticate(method, token)
                team_id = ctx.team.id if ctx.team else None
                wait = self._take_rate_token(team_id or "", method)
                if wait is not None:
                    status = 429
                    headers["Retry-After"] = str(max(1, math.ceil(wait)))
                    raise SlackError("ratelimited")
                body = {"ok": True, **handler(self, ctx, args)}
            except SlackError as exc:
                body = {"ok": False, "error": exc.error, **exc.extra}
            self._calls.append(ApiCall(method, args, token, time.time(), body, status, team_id))
            self._changed.notify_all()
            return status, headers, copy.deepcopy(body)

    def record_unparsable(self, method: str, token: str | None, error: str) -> None:
        """Requests whose body could not be read are answered with an error and still recorded."""
        with self._lock:
            self._calls.append(ApiCall(method, {}, token, time.time(), {"ok": False, "error": error}, 200))
            self._changed.notify_all()

    def handle_response_url(self, rid: str, payload: Any) -> tuple[int, JSON]:
        args = {"id": rid, **(payload if isinstance(payload, dict) else {})}
        with self._lock:
            fault = self._pick_fault("fail", "response_url", args)
            binding = self._response_urls.get(rid)
            if fault is not None:
                status, body = fault.status, {"ok": False, "error": fault.error}
            elif binding is None:
                status, body = 404, {"ok": False, "error": "expired_url"}
            elif len(binding.posts) >= RESPONSE_URL_USES:
                status, body = 404, {"ok": False, "error": "used_url"}
            elif not isinstance(payload, dict):
                status, body = 400, {"ok": False, "error": "invalid_payload"}
            else:
                status, body = 200, {"ok": True}
                self._apply_response_url(binding, payload)
            self._calls.append(ApiCall("response_url", args, None, time.time(), body, status))
            self._changed.notify_all()
            return status, body

    def _apply_response_url(self, binding: _ResponseUrl, payload: JSON) -> None:
        post = {
            "response_url_id": binding.id,
            "user": binding.user_id,
            "channel": binding.channel_id,
            "message_ts": binding.message_ts,
            **copy.deepcopy(payload),
        }
        binding.posts.append(post)
        self._response_posts.append(post)
        original = (
            self._find_message(binding.channel_id, binding.message_ts)
            if binding.channel_id and binding.message_ts
            else None
        )
        if _truthy(payload.get("delete_original")):
            if original is not None:
                self._messages[binding.channel_id or ""].remove(original)
            return
        if _truthy(payload.get("replace_original")) and original is not None:
            original["text"] = payload.get("text", "")
            if "blocks" in payload:
                original["blocks"] = payload["blocks"]
            return
        if payload.get("response_type") == "in_channel" and binding.channel_id in self._channels:
            team = self._teams.get(binding.team_id or self.team_id) or self._teams[self.team_id]
            message = self._bot_message(team, payload.get("text", ""), payload.get("blocks"), None)
            self._append_message(binding.channel_id or "", message, thread_ts=payload.get("thread_ts"))
            return
        self._ephemerals.append({"source": "response_url", **post})

    def handle_upload(self, upload_id: str, data: bytes) -> tuple[int, str]:
        with self._lock:
            file_id = self._uploads.get(upload_id)
            if file_id is None:
                return 404, "Not Found"
            f = self._files[file_id]
            f["content"] = data
            try:
                f["text"] = data.decode("utf-8")
            except UnicodeDecodeError:
                f["text"] = None
            f["size"] = len(data)
            f["uploaded"] = True
            return 200, f"OK - {len(data)}"

    def _bot_message(self, team: _Team, text: str, blocks: Any, metadata: Any) -> JSON:
        message: JSON = {
            "user": team.bot_user_id,
            "type": "message",
            "ts": self._new_ts(),
            "bot_id": team.bot_id,
            "app_id": self.app_id,
            "text": text,
            "team": team.id,
            "bot_profile": {
                "id": team.bot_id,
                "app_id": self.app_id,
                "name": "Giveback",
                "icons": {"image_36": "https://sandbox.slack.com/bot_36.png"},
                "deleted": False,
                "updated": int(self._clock()),
                "team_id": team.id,
            },
        }
        if blocks:
            message["blocks"] = blocks
        if metadata:
            message["metadata"] = metadata
        return message

    def _resolve_channel(self, ctx: _Ctx, channel: Any, *, for_post: bool, user_id_ok: bool = False) -> str:
        """Channel id for `channel` (an id or `#name`), with Slack's membership errors.

        Only chat.postMessage takes a user id for "the bot's DM with them"; every other method
        wants the conversation id and answers `channel_not_found` for a user id, as Slack does.
        """
        if not channel:
            raise SlackError("channel_not_found")
        channel = str(channel)
        team_id = ctx.team.id if ctx.team else self.team_id
        if user_id_ok and channel.startswith(("U", "W")) and channel in self._users:
            self._check_dm_allowed(channel)
            return self._ensure_dm(team_id, channel)
        if channel not in self._channels:
            by_name = [c for c in self._channels.values() if c["name"] == channel.lstrip("#") and not c["is_im"]]
            if not by_name:
                raise SlackError("channel_not_found")
            channel = by_name[0]["id"]
        ch = self._channels[channel]
        if ch["team_id"] != team_id:
            raise SlackError("channel_not_found")
        if not ch["bot_is_member"]:
            if ch["is_private"]:
                raise SlackError("channel_not_found")
            if for_post:
                raise SlackError("not_in_channel")
        if ch["is_im"] and for_post and ch["user"] in self._users and self._users[ch["user"]]["deleted"]:
            raise SlackError("user_disabled")
        return channel

    def _check_dm_allowed(self, user_id: str) -> None:
        user = self._users.get(user_id)
        if user is None:
            raise SlackError("user_not_found")
        if user["deleted"]:
            raise SlackError("user_disabled")
        if user["is_bot"]:
            raise SlackError("cannot_dm_bot")

    def _message_or_error(self, channel: str, ts: Any) -> JSON:
        message = self._find_message(channel, str(ts or ""))
        if message is None:
            raise SlackError("message_not_found")
        return message

    def _public_message(self, message: JSON, *, include_metadata: bool) -> JSON:
        out = copy.deepcopy(message)
        if not include_metadata:
            out.pop("metadata", None)
        return out


_USER_KEYS = {
    "id",
    "name",
    "real_name",
    "display_name",
    "tz",
    "is_bot",
    "deleted",
    "team_id",
    "email",
    "updated",
    "locale",
}


# ---------------------------------------------------------------------- Web API methods


def _require(args: dict[str, Any], *names: str) -> None:
    for name in names:
        if args.get(name) in (None, ""):
            raise SlackError(
                "invalid_arguments", response_metadata={"messages": [f"[ERROR] missing required field: {name}"]}
            )


def _limit(args: dict[str, Any], default: int, maximum: int = 1000) -> int:
    try:
        value = int(args.get("limit") or default)
    except (TypeError, ValueError) as exc:
        raise SlackError("invalid_limit") from exc
    return max(1, min(value, maximum))


def _api_test(sb: SlackSandbox, ctx: _Ctx, args: dict[str, Any]) -> JSON:
    if args.get("error"):
        raise SlackError(str(args["error"]), args={k: v for k, v in args.items() if k != "token"})
    return {"args": {k: v for k, v in args.items() if k != "token"}}


def _auth_test(sb: SlackSandbox, ctx: _Ctx, args: dict[str, Any]) -> JSON:
    team = ctx.team
    assert team is not None
    if ctx.kind == "app":
        return {"app_id": sb.app_id, "app_name": "Giveback"}
    return {
        "url": f"https://{team.domain}.slack.com/",
        "team": team.name,
        "user": sb._users[team.bot_user_id]["name"],
        "team_id": team.id,
        "user_id": team.bot_user_id,
        "bot_id": team.bot_id,
        "is_enterprise_install": False,
    }


def _users_info(sb: SlackSandbox, ctx: _Ctx, args: dict[str, Any]) -> JSON:
    user = sb._users.get(str(args.get("user") or ""))
    if user is None:
        raise SlackError("user_not_found")
    out = sb._user_json(user)
    if _truthy(args.get("include_locale")):
        out["locale"] = user.get("locale", "en-US")
    return {"user": out}


def _users_list(sb: SlackSandbox, ctx: _Ctx, args: dict[str, Any]) -> JSON:
    team_id = ctx.team.id if ctx.team else sb.team_id
    ids = sorted(uid for uid, u in sb._users.items() if u["team_id"] == team_id or uid == "USLACKBOT")
    start = 0
    if args.get("cursor"):
        after = _decode_cursor(str(args["cursor"]))
        start = next((i for i, uid in enumerate(ids) if uid > after), len(ids))
    limit = _limit(args, 200)
    page = ids[start : start + limit]
    more = start + limit < len(ids)
    return {
        "members": [sb._user_json(sb._users[uid]) for uid in page],
        "cache_ts": int(sb._clock()),
        "response_metadata": {"next_cursor": _encode_cursor(page[-1]) if more and page else ""},
    }


def _conversations_open(sb: SlackSandbox, ctx: _Ctx, args: dict[str, Any]) -> JSON:
    team_id = ctx.team.id if ctx.team else sb.team_id
    if args.get("channel"):
        ch = sb._channels.get(str(args["channel"]))
        if ch is None or not ch["is_im"]:
            raise SlackError("channel_not_found")
        return {"no_op": True, "already_open": True, "channel": {"id": ch["id"]}}
    users = [u.strip() for u in str(args.get("users") or "").split(",") if u.strip()]
    if not users:
        raise SlackError("users_list_not_supplied")
    if len(users) > 1:
        raise SlackError("not_supported", detail="multi-person DMs are not modelled by the sandbox")
    user_id = users[0]
    if user_id not in sb._users or sb._users[user_id]["team_id"] not in (team_id,):
        raise SlackError("user_not_found")
    sb._check_dm_allowed(user_id)
    existed = (team_id, user_id) in sb._dms
    dm = sb._ensure_dm(team_id, user_id)
    channel = sb._channel_json(sb._channels[dm]) if _truthy(args.get("return_im")) else {"id": dm}
    if existed:
        return {"no_op": True, "already_open": True, "channel": channel}
    return {"channel": channel}


def _conversations_info(sb: SlackSandbox, ctx: _Ctx, args: dict[str, Any]) -> JSON:
    ch = sb._channels.get(str(args.get("channel") or ""))
    if ch is None or (ctx.team and ch["team_id"] != ctx.team.id) or (ch["is_private"] and not ch["bot_is_member"]):
        raise SlackError("channel_not_found")
    return {"channel": sb._channel_json(ch)}


def _readable_channel(sb: SlackSandbox, ctx: _Ctx, args: dict[str, Any]) -> str:
    channel = sb._resolve_channel(ctx, args.get("channel"), for_post=False)
    if not sb._channels[channel]["bot_is_member"]:
        raise SlackError("not_in_channel")
    return channel


def _page(
    sb: SlackSandbox, items: list[JSON], args: dict[str, Any], default_limit: int, *, include_metadata: bool
) -> JSON:
    start = 0
    if args.get("cursor"):
        after = _decode_cursor(str(args["cursor"]))
        start = next((i for i, m in enumerate(items) if m["ts"] == after), -1) + 1
        if start == 0:
            raise SlackError("invalid_cursor")
    limit = _limit(args, default_limit, 999)
    page = items[start : start + limit]
    more = start + limit < len(items)
    out: JSON = {
        "messages": [sb._public_message(m, include_metadata=include_metadata) for m in page],
        "has_more": more,
    }
    if more:
        out["response_metadata"] = {"next_cursor": _encode_cursor(page[-1]["ts"])}
    return out


def _in_window(m: JSON, args: dict[str, Any]) -> bool:
    inclusive = _truthy(args.get("inclusive"))
    ts = float(m["ts"])
    if args.get("oldest"):
        oldest = float(args["oldest"])
        if ts < oldest or (ts == oldest and not inclusive):
            return False
    if args.get("latest"):
        latest = float(args["latest"])
        if ts > latest or (ts == latest and not inclusive):
            return False
    return True


def _conversations_history(sb: SlackSandbox, ctx: _Ctx, args: dict[str, Any]) -> JSON:
    channel = _readable_channel(sb, ctx, args)
    top_level = [
        m
        for m in sb._messages[channel]
        if (m.get("thread_ts") in (None, m["ts"]) or m.get("subtype") == "thread_broadcast") and _in_window(m, args)
    ]
    top_level.reverse()  # newest first, as Slack returns them
    out = _page(sb, top_level, args, 100, include_metadata=_truthy(args.get("include_all_metadata")))
    out.update({"pin_count": 0, "channel_actions_ts": None, "channel_actions_count": 0})
    return out


def _conversations_replies(sb: SlackSandbox, ctx: _Ctx, args: dict[str, Any]) -> JSON:
    channel = _readable_channel(sb, ctx, args)
    ts = str(args.get("ts") or "")
    parent = sb._find_message(channel, ts)
    if parent is None:
        raise SlackError("thread_not_found")
    thread = [parent] + [
        m for m in sb._messages[channel] if m.get("thread_ts") == ts and m["ts"] != ts and _in_window(m, args)
    ]
    return _page(sb, thread, args, 1000, include_metadata=_truthy(args.get("include_all_metadata")))


def _parse_metadata(raw: Any) -> JSON | None:
    if raw in (None, ""):
        return None
    if not isinstance(raw, dict) or not isinstance(raw.get("event_type"), str):
        raise SlackError("invalid_metadata_format")
    if not isinstance(raw.get("event_payload", {}), dict):
        raise SlackError("invalid_metadata_format")
    return {"event_type": raw["event_type"], "event_payload": raw.get("event_payload", {})}


def _check_message_content(args: dict[str, Any]) -> tuple[str, Any]:
    text = args.get("text")
    text = "" if text is None else str(text)
    blocks = args.get("blocks")
    if not text and not blocks and not args.get("attachments"):
        raise SlackError("no_text")
    if len(text) > MAX_TEXT_CHARS:
        raise SlackError("msg_too_long")
    if blocks:
        errors = validate_blocks(blocks, max_blocks=MAX_MESSAGE_BLOCKS, prefix="/blocks")
        if errors:
            raise SlackError("invalid_blocks", response_metadata={"messages": errors})
    return text, blocks


def _chat_post_message(sb: SlackSandbox, ctx: _Ctx, args: dict[str, Any]) -> JSON:
    assert ctx.team is not None
    channel = sb._resolve_channel(ctx, args.get("channel"), for_post=True, user_id_ok=True)
    text, blocks = _check_message_content(args)
    metadata = _parse_metadata(args.get("metadata"))
    thread_ts = args.get("thread_ts") or None
    if thread_ts and sb._find_message(channel, str(thread_ts)) is None:
        # Slack accepts replies to unknown threads silently; keep them as plain replies.
        pass
    message = sb._bot_message(ctx.team, text, blocks, metadata)
    if args.get("attachments"):
        message["attachments"] = args["attachments"]
    sb._append_message(
        channel,
        message,
        thread_ts=str(thread_ts) if thread_ts else None,
        reply_broadcast=_truthy(args.get("reply_broadcast")),
    )
    return {"channel": channel, "ts": message["ts"], "message": copy.deepcopy(message)}


def _chat_post_ephemeral(sb: SlackSandbox, ctx: _Ctx, args: dict[str, Any]) -> JSON:
    assert ctx.team is not None
    channel = sb._resolve_channel(ctx, args.get("channel"), for_post=True)
    user = str(args.get("user") or "")
    if user not in sb._users or sb._users[user]["deleted"]:
        raise SlackError("user_not_in_channel")
    text, blocks = _check_message_content(args)
    ts = sb._new_ts()
    sb._ephemerals.append(
        {
            "source": "chat.postEphemeral",
            "channel": channel,
            "user": user,
            "text": text,
            "blocks": blocks,
            "thread_ts": args.get("thread_ts"),
            "message_ts": ts,
        }
    )
    return {"message_ts": ts}


def _chat_update(sb: SlackSandbox, ctx: _Ctx, args: dict[str, Any]) -> JSON:
    assert ctx.team is not None
    channel = sb._resolve_channel(ctx, args.get("channel"), for_post=True)
    message = sb._message_or_error(channel, args.get("ts"))
    if message.get("bot_id") != ctx.team.bot_id:
        raise SlackError("cant_update_message")
    text, blocks = _check_message_content({**args, "text": args.get("text", message.get("text"))})
    message["text"] = text
    if "blocks" in args:
        if blocks:
            message["blocks"] = blocks
        else:
            message.pop("blocks", None)
    if args.get("metadata"):
        message["metadata"] = _parse_metadata(args.get("metadata"))
    message["edited"] = {"user": ctx.team.bot_user_id, "ts": sb._new_ts()}
    public = {k: v for k, v in message.items() if k not in ("ts", "edited")}
    return {"channel": channel, "ts": message["ts"], "text": text, "message": copy.deepcopy(public)}


def _chat_delete(sb: SlackSandbox, ctx: _Ctx, args: dict[str, Any]) -> JSON:
    assert ctx.team is not None
    channel = sb._resolve_channel(ctx, args.get("channel"), for_post=True)
    message = sb._message_or_error(channel, args.get("ts"))
    if message.get("bot_id") != ctx.team.bot_id:
        raise SlackError("cant_delete_message")
    sb._messages[channel].remove(message)
    return {"channel": channel, "ts": message["ts"]}


def _chat_get_permalink(sb: SlackSandbox, ctx: _Ctx, args: dict[str, Any]) -> JSON:
    assert ctx.team is not None
    channel = sb._resolve_channel(ctx, args.get("channel"), for_post=False)
    message = sb._message_or_error(channel, args.get("message_ts"))
    link = f"https://{ctx.team.domain}.slack.com/archives/{channel}/p{message['ts'].replace('.', '')}"
    if message.get("thread_ts") and message["thread_ts"] != message["ts"]:
        link += f"?thread_ts={message['thread_ts']}&cid={channel}"
    return {"channel": channel, "permalink": link}


def _reaction_target(sb: SlackSandbox, ctx: _Ctx, args: dict[str, Any]) -> tuple[JSON, str]:
    if not args.get("channel") or not args.get("timestamp"):
        raise SlackError("no_item_specified")
    name = str(args.get("name") or "").strip(":")
    if not _EMOJI_NAME.match(name):
        raise SlackError("invalid_name")
    channel = sb._resolve_channel(ctx, args.get("channel"), for_post=False)
    return sb._message_or_error(channel, args.get("timestamp")), name


def _reactions_add(sb: SlackSandbox, ctx: _Ctx, args: dict[str, Any]) -> JSON:
    assert ctx.team is not None
    message, name = _reaction_target(sb, ctx, args)
    reactions = message.setdefault("reactions", [])
    entry = next((r for r in reactions if r["name"] == name), None)
    if entry is None:
        if len(reactions) >= 23:
            raise SlackError("too_many_reactions")
        entry = {"name": name, "users": [], "count": 0}
        reactions.append(entry)
    if ctx.team.bot_user_id in entry["users"]:
        raise SlackError("already_reacted")
    entry["users"].append(ctx.team.bot_user_id)
    entry["count"] = len(entry["users"])
    return {}


def _reactions_remove(sb: SlackSandbox, ctx: _Ctx, args: dict[str, Any]) -> JSON:
    assert ctx.team is not None
    message, name = _reaction_target(sb, ctx, args)
    reactions = message.get("reactions", [])
    entry = next((r for r in reactions if r["name"] == name), None)
    if entry is None or ctx.team.bot_user_id not in entry["users"]:
        raise SlackError("no_reaction")
    entry["users"].remove(ctx.team.bot_user_id)
    entry["count"] = len(entry["users"])
    if not entry["users"]:
        reactions.remove(entry)
    if not reactions:
        message.pop("reactions", None)
    return {}


def _reactions_get(sb: SlackSandbox, ctx: _Ctx, args: dict[str, Any]) -> JSON:
    if not args.get("channel") or not args.get("timestamp"):
        raise SlackError("no_item_specified")
    channel = sb._resolve_channel(ctx, args.get("channel"), for_post=False)
    message = sb._message_or_error(channel, args.get("timestamp"))
    return {"type": "message", "channel": channel, "message": sb._public_message(message, include_metadata=False)}


def _views_publish(sb: SlackSandbox, ctx: _Ctx, args: dict[str, Any]) -> JSON:
    assert ctx.team is not None
    user_id = str(args.get("user_id") or "")
    view = args.get("view")
    errors: list[str] = []
    if not isinstance(view, dict):
        errors = [
            "[ERROR] failed to match all allowed schemas [json-pointer:/view]",
            "[ERROR] must provide an object [json-pointer:/view]",
        ]
    else:
        if view.get("type") != "home":
            errors.append("[ERROR] must be a valid enum value [json-pointer:/view/type]")
        errors += validate_blocks(view.get("blocks"), max_blocks=MAX_VIEW_BLOCKS, prefix="/view/blocks")
        if len(str(view.get("private_metadata", ""))) > MAX_PRIVATE_METADATA:
            errors.append(
                f"[ERROR] must be less than {MAX_PRIVATE_METADATA + 1} characters [json-pointer:/view/private_metadata]"
            )
        if len(str(view.get("callback_id", ""))) > 255:
            errors.append("[ERROR] must be less than 256 characters [json-pointer:/view/callback_id]")
    if errors:
        raise SlackError("invalid_arguments", response_metadata={"messages": errors})
    assert isinstance(view, dict)
    if user_id not in sb._users or sb._users[user_id]["team_id"] != ctx.team.id:
        raise SlackError("user_not_found")
    view_id = sb._view_ids.setdefault(user_id, sb._new_id("V"))
    history = sb._views.setdefault(user_id, [])
    if args.get("hash") and history and history[-1]["hash"] != args["hash"]:
        raise SlackError("hash_conflict")
    published = {
        "id": view_id,
        "team_id": ctx.team.id,
        "type": "home",
        "blocks": view.get("blocks", []),
        "private_metadata": view.get("private_metadata", ""),
        "callback_id": view.get("callback_id", ""),
        "state": {"values": {}},
        "hash": f"{int(sb._clock())}.{secrets.token_hex(4)}",
        "title": view.get("title", {"type": "plain_text", "text": "View Title", "emoji": True}),
        "clear_on_close": False,
        "notify_on_close": False,
        "close": None,
        "submit": None,
        "previous_view_id": None,
        "root_view_id": view_id,
        "app_id": sb.app_id,
        "external_id": view.get("external_id", ""),
        "app_installed_team_id": ctx.team.id,
        "bot_id": ctx.team.bot_id,
    }
    history.append(published)
    sb._changed.notify_all()
    return {"view": copy.deepcopy(published)}


def _team_info(sb: SlackSandbox, ctx: _Ctx, args: dict[str, Any]) -> JSON:
    team = sb._teams.get(str(args.get("team") or "")) if args.get("team") else ctx.team
    if team is None:
        raise SlackError("team_not_found")
    return {
        "team": {
            "id": team.id,
            "name": team.name,
            "url": f"https://{team.domain}.slack.com/",
            "domain": team.domain,
            "email_domain": "",
            "icon": {"image_default": True, "image_34": "https://sandbox.slack.com/team_34.png"},
            "avatar_base_url": "https://sandbox.slack.com/",
            "is_verified": False,
        }
    }


def _files_get_upload_url(sb: SlackSandbox, ctx: _Ctx, args: dict[str, Any]) -> JSON:
    assert ctx.team is not None
    _require(args, "filename", "length")
    try:
        length = int(args["length"])
    except (TypeError, ValueError) as exc:
        raise SlackError("invalid_arguments") from exc
    if length <= 0:
        raise SlackError("invalid_arguments")
    file_id = sb._new_id("F")
    upload_id = secrets.token_hex(8)
    sb._files[file_id] = {
        "id": file_id,
        "name": str(args["filename"]),
        "title": str(args["filename"]),
        "length": length,
        "alt_txt": args.get("alt_txt"),
        "snippet_type": args.get("snippet_type"),
        "user": ctx.team.bot_user_id,
        "team_id": ctx.team.id,
        "content": None,
        "text": None,
        "uploaded": False,
        "completed": False,
        "channels": [],
    }
    sb._uploads[upload_id] = file_id
    return {"upload_url": f"{sb.base_url}/upload/v1/{upload_id}", "file_id": file_id}


def _files_complete_upload(sb: SlackSandbox, ctx: _Ctx, args: dict[str, Any]) -> JSON:
    assert ctx.team is not None
    files = args.get("files")
    if not isinstance(files, list) or not files:
        raise SlackError("invalid_arguments")
    channel = None
    if args.get("channel_id"):
        channel = sb._resolve_channel(ctx, args["channel_id"], for_post=True)
    records = []
    for item in files:
        f = sb._files.get(str(item.get("id") if isinstance(item, dict) else ""))
        if f is None or f["team_id"] != ctx.team.id:
            raise SlackError("file_not_found")
        if not f["uploaded"]:
            raise SlackError("file_uploads_not_complete" if f["content"] is None else "file_not_found")
        records.append((f, item))
    shown = []
    for f, item in records:
        f["completed"] = True
        f["title"] = item.get("title") or f["name"]
        f["initial_comment"] = args.get("initial_comment")
        f["thread_ts"] = args.get("thread_ts")
        f["created"] = int(sb._clock())
        if channel:
            f["channels"].append(channel)
        shown.append(_file_json(sb, f))
    if channel:
        message = sb._bot_message(ctx.team, str(args.get("initial_comment") or ""), None, None)
        message["files"] = copy.deepcopy(shown)
        message["upload"] = True
        sb._append_message(channel, message, thread_ts=args.get("thread_ts") or None)
    return {"files": [{"id": s["id"], "title": s["title"]} for s in shown]}


def _file_json(sb: SlackSandbox, f: JSON) -> JSON:
    return {
        "id": f["id"],
        "created": f.get("created", 0),
        "timestamp": f.get("created", 0),
        "name": f["name"],
        "title": f["title"],
        "mimetype": "text/plain" if f.get("text") is not None else "application/octet-stream",
        "filetype": "text" if f.get("text") is not None else "binary",
        "user": f["user"],
        "size": f.get("size", 0),
        "mode": "hosted",
        "is_external": False,
        "is_public": False,
        "url_private": f"{sb.base_url}/files/{f['id']}/{f['name']}",
        "permalink": f"https://sandbox.slack.com/files/{f['user']}/{f['id']}/{f['name']}",
        "channels": list(f["channels"]),
        "shares": {},
    }


def _apps_connections_open(sb: SlackSandbox, ctx: _Ctx, args: dict[str, Any]) -> JSON:
    if sb.socket_mode is None:
        raise SlackError("internal_error", detail="socket mode needs the 'websockets' package")
    return {"url": sb.socket_mode.mint_url()}


_METHODS: dict[str, Callable[[SlackSandbox, _Ctx, dict[str, Any]], JSON]] = {
    "api.test": _api_test,
    "auth.test": _auth_test,
    "users.info": _users_info,
    "users.list": _users_list,
    "conversations.open": _conversations_open,
    "conversations.info": _conversations_info,
    "conversations.history": _conversations_history,
    "conversations.replies": _conversations_replies,
    "chat.postMessage": _chat_post_message,
    "chat.postEphemeral": _chat_post_ephemeral,
    "chat.update": _chat_update,
    "chat.delete": _chat_delete,
    "chat.getPermalink": _chat_get_permalink,
    "reactions.add": _reactions_add,
    "reactions.remove": _reactions_remove,
    "reactions.get": _reactions_get,
    "views.publish": _views_publish,
    "team.info": _team_info,
    "files.getUploadURLExternal": _files_get_upload_url,
    "files.completeUploadExternal": _files_complete_upload,
    "apps.connections.open": _apps_connections_open,
}


# ---------------------------------------------------------------------- HTTP plumbing


def _parse_args(query: str, body: bytes, content_type: str) -> tuple[dict[str, Any], str | None]:
    """Merge query-string and body arguments the way Slack accepts them: form fields hold JSON
    for `blocks`, `metadata`, `view`..., JSON bodies hold them as values."""
    args: dict[str, Any] = {k: v[-1] for k, v in parse_qs(query, keep_blank_values=True).items()}
    ctype = content_type.split(";")[0].strip().lower()
    if body:
        if ctype == "application/json":
            try:
                parsed = json.loads(body.decode("utf-8"))
            except (ValueError, UnicodeDecodeError) as exc:
                raise SlackError("invalid_json") from exc
            if not isinstance(parsed, dict):
                raise SlackError("invalid_json")
            args.update(parsed)
        elif ctype in ("application/x-www-form-urlencoded", ""):
            try:
                form = parse_qs(body.decode("utf-8"), keep_blank_values=True)
            except UnicodeDecodeError as exc:
                raise SlackError("invalid_form_data") from exc
            args.update({k: v[-1] for k, v in form.items()})
        else:
            raise SlackError("invalid_form_data")
    for key in _JSON_ARGS:
        if isinstance(args.get(key), str) and args[key]:
            try:
                args[key] = json.loads(args[key])
            except ValueError as exc:
                raise SlackError("invalid_arguments" if key != "blocks" else "invalid_blocks_format") from exc
    token = args.pop("token", None)
    return args, token


class _Handler(BaseHTTPRequestHandler):
    sandbox: SlackSandbox
    protocol_version = "HTTP/1.1"
    server_version = "SlackSandbox/1"
    # Clients that keep connections alive (the bot's Web API client does) would otherwise wait for
    # a delayed ACK (40 ms) on every response: headers and body leave in two writes.
    disable_nagle_algorithm = True
    # Buffer each response so its head and body leave in one send: each send on loopback costs
    # ≈0.1–0.2 ms of CPU, which the ingest benchmark's sandbox spends on the same cores as the bot.
    # `handle_one_request` flushes after every request, so nothing waits in the buffer.
    wbufsize = 64 * 1024

    def log_message(self, format: str, *args: Any) -> None:
        return  # keep test output quiet; every call is recorded instead

    def _send(self, status: int, body: bytes, ctype: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        self._send(status, json.dumps(body).encode("utf-8"), "application/json; charset=utf-8", headers)

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def do_GET(self) -> None:
        self._dispatch(b"")

    def do_POST(self) -> None:
        self._dispatch(self._body())

    def _dispatch(self, body: bytes) -> None:
        parts = urlsplit(self.path)
        path = parts.path
        if path.startswith("/api/"):
            method = path[len("/api/") :]
            auth = self.headers.get("Authorization") or ""
            header_token = auth[7:].strip() if auth.lower().startswith("bearer ") else None
            try:
                args, arg_token = _parse_args(parts.query, body, self.headers.get("Content-Type") or "")
            except SlackError as exc:
                self.sandbox.record_unparsable(method, header_token, exc.error)
                self._json(200, {"ok": False, "error": exc.error})
                return
            status, headers, answer = self.sandbox.handle_api(method, args, header_token or arg_token)
            self._json(status, answer, headers)
        elif path.startswith("/response/") and self.command == "POST":
            try:
                payload = json.loads(body.decode("utf-8")) if body else {}
            except (ValueError, UnicodeDecodeError):
                payload = None
            status, answer = self.sandbox.handle_response_url(path[len("/response/") :], payload)
            self._json(status, answer)
        elif path.startswith("/upload/v1/") and self.command == "POST":
            status, text = self.sandbox.handle_upload(path[len("/upload/v1/") :], body)
            self._send(status, text.encode(), "text/plain; charset=utf-8")
        elif path == "/healthz":
            self._send(200, b"ok", "text/plain")
        else:
            self._send(404, b"not found", "text/plain")
