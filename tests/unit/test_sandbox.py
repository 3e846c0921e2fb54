"""The Slack sandbox's Web API, exercised over real HTTP with slack_sdk's WebClient."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from bot.sandbox import SlackSandbox


@pytest.fixture
def sandbox() -> Iterator[SlackSandbox]:
    with SlackSandbox(socket_mode=False) as sb:
        sb.add_user("U0ALICE", "alice", tz="Europe/Berlin", real_name="Alice Liddell")
        sb.add_user("U0BOB", "bob")
        yield sb


@pytest.fixture
def client(sandbox: SlackSandbox) -> WebClient:
    return WebClient(token=sandbox.bot_token, base_url=sandbox.api_url)


def error_of(call) -> str:
    with pytest.raises(SlackApiError) as info:
        call()
    return info.value.response["error"]


def raw_post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, dict[str, str], dict]:
    req = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=5) as resp:
            return resp.status, dict(resp.headers.items()), json.loads(resp.read())
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers.items()), json.loads(err.read())


# ---------------------------------------------------------------- auth


def test_auth_test_names_bot_user_team_and_bot_id(sandbox: SlackSandbox, client: WebClient) -> None:
    resp = client.auth_test()
    assert (resp["user_id"], resp["team_id"], resp["bot_id"]) == ("U0GIVEBACK", "T0SANDBOX", "B0GIVEBACK")
    assert resp["url"] == "https://sandbox.slack.com/"


def test_unknown_token_is_invalid_auth_and_missing_token_is_not_authed(sandbox: SlackSandbox) -> None:
    assert error_of(WebClient(token="xoxb-nope", base_url=sandbox.api_url).auth_test) == "invalid_auth"
    status, _, body = raw_post(sandbox.api_url + "auth.test", b"", {})
    assert (status, body) == (200, {"ok": False, "error": "not_authed"})


def test_revoked_token_fails_later_calls(sandbox: SlackSandbox, client: WebClient) -> None:
    client.auth_test()
    sandbox.revoke_token(sandbox.bot_token)
    assert error_of(client.auth_test) == "token_revoked"


def test_token_in_form_body_is_accepted(sandbox: SlackSandbox) -> None:
    body = b"token=xoxb-sandbox-token&user=U0BOB"
    _, _, resp = raw_post(sandbox.api_url + "users.info", body, {"Content-Type": "application/x-www-form-urlencoded"})
    assert resp["user"]["name"] == "bob"


def test_unknown_method(client: WebClient) -> None:
    assert error_of(lambda: client.api_call("chat.teleport")) == "unknown_method"


def test_second_workspace_has_its_own_token_and_channels(sandbox: SlackSandbox) -> None:
    sandbox.add_team("T0OTHER", bot_token="xoxb-other", bot_user_id="U0OTHERBOT")
    sandbox.add_channel("C0OTHER", "other-general", team_id="T0OTHER")
    other = WebClient(token="xoxb-other", base_url=sandbox.api_url)
    assert other.auth_test()["team_id"] == "T0OTHER"
    assert other.chat_postMessage(channel="C0OTHER", text="hi")["ok"]
    assert error_of(lambda: other.chat_postMessage(channel="C0GENERAL", text="hi")) == "channel_not_found"
    assert [c.team_id for c in sandbox.calls("chat.postMessage")] == ["T0OTHER", "T0OTHER"]


# ---------------------------------------------------------------- users


def test_users_info_shape_and_dst_aware_offset() -> None:
    winter = datetime(2024, 1, 15, 12, tzinfo=UTC).timestamp()
    summer = datetime(2024, 7, 15, 12, tzinfo=UTC).timestamp()
    offsets = []
    for now in (winter, summer):
        with SlackSandbox(socket_mode=False, clock=lambda now=now: now) as sb:
            sb.add_user("U0ALICE", "alice", tz="Europe/Berlin", real_name="Alice Liddell")
            user = WebClient(token=sb.bot_token, base_url=sb.api_url).users_info(user="U0ALICE")["user"]
            offsets.append(user["tz_offset"])
    assert offsets == [3600, 7200]
    assert user["tz"] == "Europe/Berlin"
    assert user["profile"]["real_name"] == "Alice Liddell"
    assert (user["is_bot"], user["deleted"], user["team_id"]) == (False, False, "T0SANDBOX")


def test_users_info_errors_and_deleted_users(sandbox: SlackSandbox, client: WebClient) -> None:
    assert error_of(lambda: client.users_info(user="U0NOBODY")) == "user_not_found"
    sandbox.update_user("U0BOB", deleted=True)
    bob = client.users_info(user="U0BOB")["user"]
    assert bob["deleted"] is True
    assert "tz" not in bob  # deactivated users come without time zone, like Slack's


def test_bot_user_is_a_bot(client: WebClient) -> None:
    assert client.users_info(user="U0GIVEBACK")["user"]["is_bot"] is True


def test_users_list_pages_with_cursor(sandbox: SlackSandbox, client: WebClient) -> None:
    for i in range(5):
        sandbox.add_user(f"U0X{i}", f"x{i}")
    ids, cursor, pages = [], None, 0
    while True:
        resp = client.users_list(limit=3, cursor=cursor)
        ids += [m["id"] for m in resp["members"]]
        pages += 1
        cursor = resp["response_metadata"]["next_cursor"]
        if not cursor:
            break
    assert pages == 3
    assert sorted(ids) == sorted(["U0ALICE", "U0BOB", "U0GIVEBACK", "USLACKBOT"] + [f"U0X{i}" for i in range(5)])


# ---------------------------------------------------------------- conversations


def test_conversations_open_is_stable_and_checks_the_user(sandbox: SlackSandbox, client: WebClient) -> None:
    first = client.conversations_open(users="U0ALICE")
    second = client.conversations_open(users=["U0ALICE"])
    assert first["channel"]["id"] == second["channel"]["id"] == sandbox.dm_channel("U0ALICE")
    assert first["channel"]["id"].startswith("D")
    assert "already_open" not in first.data and second["already_open"] is True
    assert error_of(lambda: client.conversations_open(users="U0NOBODY")) == "user_not_found"
    assert error_of(lambda: client.conversations_open(users="U0GIVEBACK")) == "cannot_dm_bot"
    sandbox.update_user("U0BOB", deleted=True)
    assert error_of(lambda: client.conversations_open(users="U0BOB")) == "user_disabled"


def test_conversations_info(sandbox: SlackSandbox, client: WebClient) -> None:
    assert client.conversations_info(channel="C0GENERAL")["channel"]["name"] == "general"
    dm = client.conversations_open(users="U0ALICE")["channel"]["id"]
    info = client.conversations_info(channel=dm)["channel"]
    assert (info["is_im"], info["user"]) == (True, "U0ALICE")
    assert error_of(lambda: client.conversations_info(channel="C0MISSING")) == "channel_not_found"


def test_history_is_newest_first_with_window_and_paging(sandbox: SlackSandbox, client: WebClient) -> None:
    ts = [sandbox.post_user_message("C0GENERAL", "U0ALICE", f"m{i}") for i in range(5)]
    reply = sandbox.post_user_message("C0GENERAL", "U0BOB", "in thread", thread_ts=ts[0])
    everything = client.conversations_history(channel="C0GENERAL")
    assert [m["text"] for m in everything["messages"]] == ["m4", "m3", "m2", "m1", "m0"]
    assert everything["messages"][-1]["reply_count"] == 1
    window = client.conversations_history(channel="C0GENERAL", oldest=ts[1], latest=ts[4])
    assert [m["text"] for m in window["messages"]] == ["m3", "m2"]
    inclusive = client.conversations_history(channel="C0GENERAL", oldest=ts[1], latest=ts[4], inclusive=True)
    assert [m["text"] for m in inclusive["messages"]] == ["m4", "m3", "m2", "m1"]
    first = client.conversations_history(channel="C0GENERAL", limit=2)
    assert first["has_more"] is True
    rest = client.conversations_history(channel="C0GENERAL", limit=10, cursor=first["response_metadata"]["next_cursor"])
    assert [m["text"] for m in first["messages"] + rest["messages"]] == ["m4", "m3", "m2", "m1", "m0"]
    replies = client.conversations_replies(channel="C0GENERAL", ts=ts[0])
    assert [m["ts"] for m in replies["messages"]] == [ts[0], reply]
    assert replies["messages"][1]["parent_user_id"] == "U0ALICE"


def test_history_returns_metadata_only_when_asked(sandbox: SlackSandbox, client: WebClient) -> None:
    dm = client.conversations_open(users="U0ALICE")["channel"]["id"]
    metadata = {"event_type": "giveback_digest", "event_payload": {"date": "2024-05-06"}}
    client.chat_postMessage(channel=dm, text="digest", metadata=metadata)
    plain = client.conversations_history(channel=dm)["messages"][0]
    full = client.conversations_history(channel=dm, include_all_metadata=True)["messages"][0]
    assert "metadata" not in plain
    assert full["metadata"] == metadata
    assert sandbox.dm_messages("U0ALICE")[0]["metadata"] == metadata


def test_history_of_a_channel_the_bot_is_not_in(sandbox: SlackSandbox, client: WebClient) -> None:
    sandbox.add_channel("C0RANDOM", "random", bot_is_member=False)
    assert error_of(lambda: client.conversations_history(channel="C0RANDOM")) == "not_in_channel"


# ---------------------------------------------------------------- chat


def test_post_message_shape_and_record(sandbox: SlackSandbox, client: WebClient) -> None:
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "*hi* <@U0ALICE>"}}]
    resp = client.chat_postMessage(channel="C0GENERAL", text="hi", blocks=blocks)
    assert resp["channel"] == "C0GENERAL"
    assert resp["message"]["ts"] == resp["ts"]
    assert (resp["message"]["bot_id"], resp["message"]["user"]) == ("B0GIVEBACK", "U0GIVEBACK")
    [stored] = sandbox.messages("C0GENERAL")
    assert (stored["ts"], stored["text"], stored["blocks"]) == (resp["ts"], "hi", blocks)
    [call] = sandbox.calls("chat.postMessage")
    assert call.args["blocks"] == blocks and call.token == sandbox.bot_token and call.response["ok"] is True


def test_post_message_to_a_user_id_lands_in_the_dm(sandbox: SlackSandbox, client: WebClient) -> None:
    resp = client.chat_postMessage(channel="U0ALICE", text="hello")
    assert resp["channel"] == sandbox.dm_channel("U0ALICE")
    assert [m["text"] for m in sandbox.dm_messages("U0ALICE")] == ["hello"]


def test_form_encoded_post_with_json_blocks(sandbox: SlackSandbox) -> None:
    blocks = json.dumps([{"type": "divider"}])
    body = urllib.parse.urlencode({"channel": "C0GENERAL", "text": "x", "blocks": blocks}).encode()
    headers = {"Authorization": f"Bearer {sandbox.bot_token}", "Content-Type": "application/x-www-form-urlencoded"}
    _, _, resp = raw_post(sandbox.api_url + "chat.postMessage", body, headers)
    assert resp["ok"] is True
    assert sandbox.messages("C0GENERAL")[0]["blocks"] == [{"type": "divider"}]


def test_post_message_errors(sandbox: SlackSandbox, client: WebClient) -> None:
    sandbox.add_channel("C0RANDOM", "random", bot_is_member=False)
    sandbox.add_channel("G0SECRET", "secret", is_private=True, bot_is_member=False)
    assert error_of(lambda: client.chat_postMessage(channel="C0MISSING", text="x")) == "channel_not_found"
    assert error_of(lambda: client.chat_postMessage(channel="C0RANDOM", text="x")) == "not_in_channel"
    assert error_of(lambda: client.chat_postMessage(channel="G0SECRET", text="x")) == "channel_not_found"
    assert error_of(lambda: client.chat_postMessage(channel="C0GENERAL", text="x" * 40_001)) == "msg_too_long"
    assert error_of(lambda: client.api_call("chat.postMessage", json={"channel": "C0GENERAL"})) == "no_text"
    with pytest.raises(SlackApiError) as info:
        client.chat_postMessage(channel="C0GENERAL", text="x", blocks=[{"type": "divider"}] * 51)
    assert info.value.response["error"] == "invalid_blocks"
    assert "[json-pointer:/blocks]" in info.value.response["response_metadata"]["messages"][0]
    long_section = [{"type": "section", "text": {"type": "mrkdwn", "text": "y" * 3001}}]
    assert error_of(lambda: client.chat_postMessage(channel="C0GENERAL", text="x", blocks=long_section)) == (
        "invalid_blocks"
    )
    assert sandbox.messages("C0GENERAL") == []


def test_post_ephemeral(sandbox: SlackSandbox, client: WebClient) -> None:
    resp = client.chat_postEphemeral(channel="C0GENERAL", user="U0ALICE", text="only you")
    [eph] = sandbox.ephemerals("U0ALICE")
    assert (eph["text"], eph["message_ts"], eph["channel"]) == ("only you", resp["message_ts"], "C0GENERAL")
    assert sandbox.ephemerals("U0BOB") == []
    assert sandbox.messages("C0GENERAL") == []


def test_update_replaces_in_place_and_refuses_other_peoples_messages(sandbox: SlackSandbox, client: WebClient) -> None:
    ts = client.chat_postMessage(channel="C0GENERAL", text="before")["ts"]
    resp = client.chat_update(channel="C0GENERAL", ts=ts, text="after", blocks=[{"type": "divider"}])
    assert (resp["ts"], resp["text"]) == (ts, "after")
    [stored] = sandbox.messages("C0GENERAL")
    assert (stored["text"], stored["blocks"]) == ("after", [{"type": "divider"}])
    theirs = sandbox.post_user_message("C0GENERAL", "U0ALICE", "mine")
    assert error_of(lambda: client.chat_update(channel="C0GENERAL", ts=theirs, text="x")) == "cant_update_message"
    assert error_of(lambda: client.chat_update(channel="C0GENERAL", ts="1.000001", text="x")) == "message_not_found"


def test_permalink(sandbox: SlackSandbox, client: WebClient) -> None:
    ts = sandbox.post_user_message("C0GENERAL", "U0ALICE", "thanks <@U0BOB>!")
    link = client.chat_getPermalink(channel="C0GENERAL", message_ts=ts)["permalink"]
    assert link == f"https://sandbox.slack.com/archives/C0GENERAL/p{ts.replace('.', '')}"
    reply = sandbox.post_user_message("C0GENERAL", "U0BOB", "np", thread_ts=ts)
    assert (
        f"?thread_ts={ts}&cid=C0GENERAL" in client.chat_getPermalink(channel="C0GENERAL", message_ts=reply)["permalink"]
    )
    assert error_of(lambda: client.chat_getPermalink(channel="C0GENERAL", message_ts="1.000002")) == (
        "message_not_found"
    )


# ---------------------------------------------------------------- reactions


def test_reactions_add_remove_and_errors(sandbox: SlackSandbox, client: WebClient) -> None:
    ts = sandbox.post_user_message("C0GENERAL", "U0ALICE", "thanks <@U0BOB>!")
    client.reactions_add(channel="C0GENERAL", timestamp=ts, name="handshake")
    assert sandbox.reactions("C0GENERAL", ts) == [{"name": "handshake", "users": ["U0GIVEBACK"], "count": 1}]
    assert error_of(lambda: client.reactions_add(channel="C0GENERAL", timestamp=ts, name="handshake")) == (
        "already_reacted"
    )
    assert error_of(lambda: client.reactions_add(channel="C0GENERAL", timestamp="1.000003", name="tada")) == (
        "message_not_found"
    )
    assert error_of(lambda: client.reactions_add(channel="C0GENERAL", timestamp=ts, name="not an emoji")) == (
        "invalid_name"
    )
    client.reactions_remove(channel="C0GENERAL", timestamp=ts, name="handshake")
    assert sandbox.reactions("C0GENERAL", ts) == []
    assert error_of(lambda: client.reactions_remove(channel="C0GENERAL", timestamp=ts, name="handshake")) == (
        "no_reaction"
    )


# ---------------------------------------------------------------- views, team, files


def test_views_publish_records_and_validates(sandbox: SlackSandbox, client: WebClient) -> None:
    view = {"type": "home", "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "Home"}}]}
    resp = client.views_publish(user_id="U0ALICE", view=view)
    assert resp["view"]["type"] == "home" and resp["view"]["id"].startswith("V")
    assert [v["blocks"] for v in sandbox.published_views("U0ALICE")] == [view["blocks"]]
    too_many = {"type": "home", "blocks": [{"type": "divider"}] * 101}
    with pytest.raises(SlackApiError) as info:
        client.views_publish(user_id="U0ALICE", view=too_many)
    assert info.value.response["error"] == "invalid_arguments"
    assert info.value.response["response_metadata"]["messages"] == [
        "[ERROR] must be less than 101 items [json-pointer:/view/blocks]"
    ]
    header = {"type": "home", "blocks": [{"type": "header", "text": {"type": "plain_text", "text": "h" * 151}}]}
    assert error_of(lambda: client.views_publish(user_id="U0ALICE", view=header)) == "invalid_arguments"
    assert len(sandbox.published_views("U0ALICE")) == 1


def test_team_info(client: WebClient) -> None:
    team = client.team_info()["team"]
    assert (team["id"], team["domain"]) == ("T0SANDBOX", "sandbox")


def test_file_upload_v2_round_trip(sandbox: SlackSandbox, client: WebClient) -> None:
    dm = client.conversations_open(users="U0ALICE")["channel"]["id"]
    resp = client.files_upload_v2(channel=dm, content="helper,recipient\nU0BOB,U0ALICE\n", filename="export.csv")
    [record] = sandbox.files("U0ALICE")
    assert resp["file"]["id"] == record["id"]
    assert record["content"] == b"helper,recipient\nU0BOB,U0ALICE\n"
    assert record["text"].startswith("helper,recipient")
    assert sandbox.files("U0BOB") == []
    assert [c.method for c in sandbox.calls()][-2:] == ["files.getUploadURLExternal", "files.completeUploadExternal"]


def test_apps_connections_open_needs_the_app_token() -> None:
    with SlackSandbox() as sb:
        assert error_of(lambda: WebClient(base_url=sb.api_url).apps_connections_open(app_token=sb.bot_token)) == (
            "not_allowed_token_type"
        )
        url = WebClient(base_url=sb.api_url).apps_connections_open(app_token=sb.app_token)["url"]
        assert url.startswith("ws://127.0.0.1:") and "/link/?ticket=" in url


# ---------------------------------------------------------------- response urls


def test_response_url_posts_are_recorded_and_can_replace_the_original(sandbox: SlackSandbox, client: WebClient) -> None:
    ts = client.chat_postMessage(channel="C0GENERAL", text="digest")["ts"]
    url = sandbox.response_url(user_id="U0ALICE", channel_id="C0GENERAL", message_ts=ts)
    status, _, body = raw_post(url, json.dumps({"text": "only for you"}).encode(), {"Content-Type": "application/json"})
    assert (status, body) == (200, {"ok": True})
    raw_post(url, json.dumps({"text": "done", "replace_original": True}).encode(), {"Content-Type": "application/json"})
    assert [p["text"] for p in sandbox.response_url_posts()] == ["only for you", "done"]
    assert [e["text"] for e in sandbox.ephemerals("U0ALICE")] == ["only for you"]
    assert [m["text"] for m in sandbox.messages("C0GENERAL")] == ["done"]
    status, _, _ = raw_post(sandbox.base_url + "/response/nope", b"{}", {"Content-Type": "application/json"})
    assert status == 404


# ---------------------------------------------------------------- failure injection


def test_fail_times_then_recovers(sandbox: SlackSandbox, client: WebClient) -> None:
    sandbox.fail("chat.postMessage", error="fatal_error", times=2)
    assert error_of(lambda: client.chat_postMessage(channel="C0GENERAL", text="1")) == "fatal_error"
    assert error_of(lambda: client.chat_postMessage(channel="C0GENERAL", text="2")) == "fatal_error"
    assert client.chat_postMessage(channel="C0GENERAL", text="3")["ok"]
    assert [c.response["ok"] for c in sandbox.calls("chat.postMessage")] == [False, False, True]


def test_fail_forever_for_one_user_only(sandbox: SlackSandbox, client: WebClient) -> None:
    sandbox.fail("conversations.open", error="user_not_found", times=None, when=lambda a: a.get("users") == "U0BOB")
    for _ in range(3):
        assert error_of(lambda: client.conversations_open(users="U0BOB")) == "user_not_found"
    assert client.conversations_open(users="U0ALICE")["ok"]


def test_429_with_retry_after_is_honoured_by_slack_sdk(sandbox: SlackSandbox) -> None:
    sandbox.fail("chat.postMessage", error="ratelimited", status=429, retry_after=1, times=1)
    status, headers, body = raw_post(
        sandbox.api_url + "chat.postMessage",
        json.dumps({"channel": "C0GENERAL", "text": "x"}).encode(),
        {"Authorization": f"Bearer {sandbox.bot_token}", "Content-Type": "application/json"},
    )
    assert (status, headers["Retry-After"], body["error"]) == (429, "1", "ratelimited")
    sandbox.fail("chat.postMessage", error="ratelimited", status=429, retry_after=1, times=1)
    retrying = WebClient(
        token=sandbox.bot_token,
        base_url=sandbox.api_url,
        retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=2)],
    )
    assert retrying.chat_postMessage(channel="C0GENERAL", text="eventually")["ok"]
    assert [c.status for c in sandbox.calls("chat.postMessage")] == [429, 429, 200]
    assert [m["text"] for m in sandbox.messages("C0GENERAL")] == ["eventually"]


def test_rate_limit_is_a_bucket_per_team_and_method(sandbox: SlackSandbox, client: WebClient) -> None:
    sandbox.add_team("T0OTHER", bot_token="xoxb-other", bot_user_id="U0OTHERBOT")
    sandbox.rate_limit("users.info", per_second=0.01, burst=2)
    client.users_info(user="U0ALICE")
    client.users_info(user="U0ALICE")
    with pytest.raises(SlackApiError) as info:
        client.users_info(user="U0ALICE")
    assert info.value.response.status_code == 429
    assert int(info.value.response.headers["Retry-After"]) >= 1
    assert client.auth_test()["ok"]  # other methods are not limited
    assert WebClient(token="xoxb-other", base_url=sandbox.api_url).users_info(user="U0ALICE")["ok"]


def test_slow_method_trips_a_short_client_timeout(sandbox: SlackSandbox) -> None:
    sandbox.slow("users.info", 2.0, times=1)
    impatient = WebClient(token=sandbox.bot_token, base_url=sandbox.api_url, timeout=0.3)
    with pytest.raises(TimeoutError):
        impatient.users_info(user="U0ALICE")
    assert impatient.users_info(user="U0ALICE")["ok"]


def test_wait_for_calls_sees_calls_from_other_threads(sandbox: SlackSandbox, client: WebClient) -> None:
    timer = threading.Timer(0.1, lambda: client.chat_postMessage(channel="C0GENERAL", text="later"))
    timer.start()
    [call] = sandbox.wait_for_calls("chat.postMessage", timeout=5)
    assert call.args["text"] == "later"
    with pytest.raises(TimeoutError):
        sandbox.wait_for_calls("views.publish", timeout=0.1)
    sandbox.clear_calls()
    assert sandbox.calls() == []


def test_concurrent_posts_get_distinct_timestamps(sandbox: SlackSandbox) -> None:
    def post(n: int) -> None:
        worker = WebClient(token=sandbox.bot_token, base_url=sandbox.api_url)
        for i in range(10):
            worker.chat_postMessage(channel="C0GENERAL", text=f"{n}-{i}")

    threads = [threading.Thread(target=post, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stored = sandbox.messages("C0GENERAL")
    assert len({m["ts"] for m in stored}) == len(stored) == 80
    assert len(sandbox.calls("chat.postMessage")) == 80


def test_user_object_matches_users_info_for_user_change_events(sandbox: SlackSandbox, client: WebClient) -> None:
    sandbox.update_user("U0ALICE", tz="Asia/Tokyo")
    assert client.users_info(user="U0ALICE")["user"] == sandbox.user_object("U0ALICE")
    assert sandbox.user_object("U0ALICE")["tz"] == "Asia/Tokyo"


def test_cli_prints_settings_and_serves() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot.sandbox", "--user", "U0ALICE:alice:Asia/Tokyo"],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert proc.stdout is not None
        settings = dict(proc.stdout.readline().strip().split("=", 1) for _ in range(4))
        client = WebClient(token=settings["SLACK_BOT_TOKEN"], base_url=settings["SLACK_API_URL"])
        assert client.users_info(user="U0ALICE")["user"]["tz"] == "Asia/Tokyo"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_a_response_url_takes_five_posts(sandbox: SlackSandbox) -> None:
    url = sandbox.response_url(user_id="U0ALICE")
    statuses = [
        raw_post(url, json.dumps({"text": str(i)}).encode(), {"Content-Type": "application/json"})[0] for i in range(6)
    ]
    assert statuses == [200] * 5 + [404]
    assert len(sandbox.response_url_posts()) == 5


def test_only_post_message_takes_a_user_id_for_the_dm(sandbox: SlackSandbox, client: WebClient) -> None:
    ts = client.chat_postMessage(channel="U0ALICE", text="digest")["ts"]
    assert error_of(lambda: client.chat_update(channel="U0ALICE", ts=ts, text="x")) == "channel_not_found"
    assert error_of(lambda: client.conversations_history(channel="U0ALICE")) == "channel_not_found"
    assert client.chat_update(channel=sandbox.dm_channel("U0ALICE"), ts=ts, text="x")["ok"]


def test_unreadable_bodies_are_answered_and_recorded(sandbox: SlackSandbox) -> None:
    headers = {"Authorization": f"Bearer {sandbox.bot_token}", "Content-Type": "application/json"}
    status, _, body = raw_post(sandbox.api_url + "chat.postMessage", b"{not json", headers)
    assert (status, body) == (200, {"ok": False, "error": "invalid_json"})
    [call] = sandbox.calls("chat.postMessage")
    assert call.response == body


def test_reactions_find_each_message_among_many_posted_out_of_order(sandbox: SlackSandbox, client: WebClient) -> None:
    stamps = [f"1700000{i % 7}{i:02d}.0001{i % 3}0" for i in range(60)]
    for ts in stamps:
        sandbox.post_user_message("C0GENERAL", "U0ALICE", f"message {ts}", ts=ts)
    assert [m["ts"] for m in sandbox.messages("C0GENERAL")] == sorted(stamps, key=float)
    for ts in stamps[::7]:
        client.reactions_add(channel="C0GENERAL", timestamp=ts, name="tada")
        assert sandbox.reactions("C0GENERAL", ts) == [{"name": "tada", "users": ["U0GIVEBACK"], "count": 1}]
    assert error_of(lambda: client.reactions_add(channel="C0GENERAL", timestamp="1700000999.000100", name="tada")) == (
        "message_not_found"
    )
