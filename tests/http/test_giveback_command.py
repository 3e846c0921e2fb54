"""/giveback through signed HTTP: every subcommand, bad values, export as a file, forget for real."""

from __future__ import annotations

import json

import pytest

from bot import ids
from bot.sandbox import payloads
from tests.http.conftest import ALICE, BOB, GENERAL, ME, ledger
from tests.http.test_home import command, home_text, open_home


def prefs(bot, user: str = ME):  # type: ignore[no-untyped-def]
    from storage.prefs import get_prefs

    with bot.app.db.reader() as session:
        return get_prefs(session, "T0SANDBOX", user)


def test_help_is_the_default(workspace) -> None:  # type: ignore[no-untyped-def]
    for text in ("", "help"):
        reply = command(workspace, "/giveback", text)
        assert "/giveback export" in reply["text"] and "Privacy" in reply["text"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("frobnicate", "don't know"),
        ("time 25:00", "not a time"),
        ("time", "Say which"),
        ("days someday", "not a set of days"),
        ("pause 0 days", "1 to 365"),
        ("pause 9999", "1 to 365"),
        ("pause soon", "1 to 365"),
        ("tz Mars/Olympus", "not a time zone"),
        ("export now please", "takes nothing"),
        ("<!channel>", "&lt;!channel&gt;"),
    ],
)
def test_bad_values_are_explained_and_change_nothing(workspace, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    reply = command(workspace, "/giveback", text)
    assert expected in reply["text"]
    assert "<!channel>" not in reply["text"]
    assert prefs(workspace).digest_time is None and prefs(workspace).paused_until is None


def test_pause_resume_time_days_tz(workspace) -> None:  # type: ignore[no-untyped-def]
    assert "paused" in command(workspace, "/giveback", "pause")["text"]
    assert prefs(workspace).digest_enabled is False
    assert "Digests are on again" in command(workspace, "/giveback", "resume")["text"]
    assert prefs(workspace).digest_enabled is True
    reply = command(workspace, "/giveback", "pause 7 days")
    assert "No digests for 7 days" in reply["text"] and prefs(workspace).paused_until is not None
    command(workspace, "/giveback", "resume")
    assert prefs(workspace).paused_until is None
    assert "08:30" in command(workspace, "/giveback", "time 8:30am")["text"]
    assert "mon-fri" in command(workspace, "/giveback", "days weekdays")["text"]
    assert "Asia/Tokyo" in command(workspace, "/giveback", "tz Asia/Tokyo")["text"]
    p = prefs(workspace)
    assert (p.digest_time, p.digest_days, p.tz_override) == ("08:30", "mon-fri", "Asia/Tokyo")
    command(workspace, "/giveback", "tz slack")
    assert prefs(workspace).tz_override is None and prefs(workspace).digest_time == "08:30"


def test_replayed_settings_command_is_harmless(workspace) -> None:  # type: ignore[no-untyped-def]
    command(workspace, "/giveback", "time 07:00", trigger_id="1.2.same")
    command(workspace, "/giveback", "time 07:00", trigger_id="1.2.same")
    assert prefs(workspace).digest_time == "07:00"


def _export(bot) -> dict:  # type: ignore[no-untyped-def]
    files = bot.sandbox.files(ME)
    assert len(files) == 1
    return json.loads(files[0]["content"])


def test_export_sends_everything_as_a_json_file_in_a_dm(workspace) -> None:  # type: ignore[no-untyped-def]
    command(workspace, "/got", f"<@{ALICE}> pairing &lt;b&gt;")
    command(workspace, "/gave", f"<@{BOB}> reviewed")
    command(workspace, "/gave", f"<@{ME}> fixed it", user_id=ALICE)
    command(workspace, "/got", f"<@{ALICE}> not about me", user_id=BOB)
    command(workspace, "/giveback", "time 08:00")
    reply = command(workspace, "/giveback", "export")
    assert "Preparing your export" in reply["text"]
    data = _export(workspace)
    assert data["format"] == "giveback-export/1" and data["user_id"] == ME
    reasons = sorted(r["reason"] for r in data["help_records"])
    assert reasons == ["fixed it", "pairing <b>", "reviewed"]  # not Bob's record about Alice
    assert data["settings"]["digest_time"] == "08:00"


def test_export_of_a_long_history_is_complete(workspace) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from storage.help import NewEdge, upsert_edges

    now = dt.datetime.now(dt.UTC)
    with workspace.app.db.transaction() as session:
        upsert_edges(
            session,
            [
                NewEdge("T0SANDBOX", ALICE, ME, "got_command", f"bulk-{n}", ME, now - dt.timedelta(minutes=n), f"r{n}")
                for n in range(1234)
            ],
            now,
        )
    command(workspace, "/giveback", "export")
    data = _export(workspace)
    assert len(data["help_records"]) == 1234
    assert len({r["id"] for r in data["help_records"]}) == 1234


def test_replayed_export_sends_one_file(workspace) -> None:  # type: ignore[no-untyped-def]
    command(workspace, "/giveback", "export", trigger_id="9.9.export")
    again = command(workspace, "/giveback", "export", trigger_id="9.9.export")
    assert "already on its way" in again["text"]
    assert len(workspace.sandbox.files(ME)) == 1


def _forget_click(bot, action_id: str, user: str = ME, team: str = "T0SANDBOX"):  # type: ignore[no-untyped-def]
    url = bot.sandbox.response_url(user_id=user, channel_id=GENERAL)
    payload = payloads.block_actions(user, action_id, "forget", response_url=url, channel=GENERAL, team=team)
    assert bot.sender.interaction(payload).status == 200
    bot.settle()
    return bot.sandbox.response_url_posts()[-1]


def test_forget_asks_first_and_cancel_deletes_nothing(workspace) -> None:  # type: ignore[no-untyped-def]
    command(workspace, "/got", f"<@{ALICE}> pairing")
    reply = command(workspace, "/giveback", "forget")
    actions = [e["action_id"] for b in reply["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert actions == [ids.FORGET_CONFIRM, ids.FORGET_CANCEL]
    assert len(ledger(workspace)) == 1  # asking deletes nothing
    post = _forget_click(workspace, ids.FORGET_CANCEL)
    assert "Nothing was deleted" in post["text"] and len(ledger(workspace)) == 1


def test_forget_deletes_both_directions_stops_capture_and_record_me_restarts(workspace) -> None:  # type: ignore[no-untyped-def]
    command(workspace, "/got", f"<@{ALICE}> pairing")
    command(workspace, "/gave", f"<@{BOB}> reviewed")
    command(workspace, "/got", f"<@{ME}> helped me", user_id=BOB)
    command(workspace, "/got", f"<@{BOB}> unrelated", user_id=ALICE)
    command(workspace, "/giveback", "forget")
    post = _forget_click(workspace, ids.FORGET_CONFIRM)
    assert post["replace_original"] is True and "Deleted 3 help records" in post["text"]
    assert ledger(workspace) == [(BOB, ALICE, "got_command", "unrelated")]
    # Bob's digest and Home no longer name me, and nobody can record me now.
    assert f"<@{ME}>" not in home_text(open_home(workspace, BOB))
    refused = command(workspace, "/got", f"<@{ME}> again", user_id=BOB)
    assert "asked Giveback not to record" in refused["text"]
    assert f"<@{ME}>" not in json.dumps([e for e in ledger(workspace)])
    # A replayed confirmation deletes nothing more and says so.
    assert "nothing left to delete" in _forget_click(workspace, ids.FORGET_CONFIRM)["text"]
    view = open_home(workspace)
    assert "Giveback is not recording you" in home_text(view)
    assert "records your thanks" in command(workspace, "/giveback", "record me")["text"]
    assert "already recording" in command(workspace, "/giveback", "record me")["text"]
    command(workspace, "/got", f"<@{ME}> welcome back", user_id=BOB)
    assert (ME, BOB, "got_command", "welcome back") in ledger(workspace)
    assert prefs(workspace).digest_enabled is True


def test_record_me_again_from_the_home(workspace) -> None:  # type: ignore[no-untyped-def]
    from tests.http.test_home import click

    command(workspace, "/giveback", "forget")
    _forget_click(workspace, ids.FORGET_CONFIRM)
    view = open_home(workspace)
    view = click(workspace, view, ids.HOME_CAPTURE_ON)
    assert "Giveback is not recording you" not in home_text(view) and "records you again" in home_text(view)
