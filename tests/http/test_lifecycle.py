"""user_change, app_uninstalled, tokens_revoked, the purge after the grace period, and team
isolation — all through signed HTTP into the real app."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from bot import ids
from bot.privacy import WorkspaceInactive
from bot.sandbox import payloads
from tests.http.conftest import ALICE, BOB, CAROL, GENERAL, ME, ledger
from tests.http.test_giveback_command import _forget_click
from tests.http.test_home import command, give_back_people, home_text, open_home

OTHER = "T0OTHER"


def workspace_row(bot, team: str = "T0SANDBOX"):  # type: ignore[no-untyped-def]
    from storage.models import Workspace

    with bot.app.db.reader() as session:
        row = session.get(Workspace, team)
        return None if row is None else (row.uninstalled_at, row.tokens_revoked_at)


def test_user_change_updates_zone_and_a_deactivated_person_leaves_suggestions(workspace) -> None:  # type: ignore[no-untyped-def]
    command(workspace, "/got", f"<@{ALICE}> pairing", user_id=CAROL)
    assert give_back_people(open_home(workspace, CAROL)) == [ALICE]
    workspace.sandbox.update_user(CAROL, tz="Pacific/Auckland")
    assert workspace.sender.event(payloads.user_change(workspace.sandbox.user_object(CAROL))).status == 200
    assert "Pacific/Auckland (from Slack)" in home_text(open_home(workspace, CAROL))
    workspace.sandbox.update_user(ALICE, deleted=True)
    event = payloads.user_change(workspace.sandbox.user_object(ALICE))
    assert workspace.sender.event(event).status == 200
    assert workspace.sender.event(event, retry_num=1).status == 200  # a replay changes nothing more
    assert give_back_people(open_home(workspace, CAROL)) == []


def test_uninstall_stops_sending_and_reinstall_resumes(workspace) -> None:  # type: ignore[no-untyped-def]
    open_home(workspace)
    assert workspace.sender.event(payloads.app_uninstalled()).status == 200
    assert workspace.sender.event(payloads.app_uninstalled(), retry_num=1).status == 200
    uninstalled_at, _ = workspace_row(workspace)
    assert uninstalled_at is not None
    before = len(workspace.sandbox.published_views(ME))
    command(workspace, "/got", f"<@{ALICE}> pairing")  # would refresh my Home
    assert len(workspace.sandbox.published_views(ME)) == before
    workspace.app.deps.home.refresh("T0SANDBOX", ME)  # e.g. a late digest click
    workspace.settle()
    assert len(workspace.sandbox.published_views(ME)) == before
    with pytest.raises(WorkspaceInactive):
        workspace.app.deps.privacy.export("T0SANDBOX", ME)
    assert workspace.sandbox.files(ME) == []
    open_home(workspace)  # Slack only sends this to an installed app: it was reinstalled
    assert workspace_row(workspace) == (None, None)


def test_tokens_revoked_marks_only_for_our_bot(workspace) -> None:  # type: ignore[no-untyped-def]
    assert workspace.sender.event(payloads.tokens_revoked(["U0NOTUS"])).status == 200
    assert workspace_row(workspace) in (None, (None, None))
    assert workspace.sender.event(payloads.tokens_revoked(["U0GIVEBACK"])).status == 200
    assert workspace_row(workspace)[1] is not None
    before = len(workspace.sandbox.published_views(ME))
    command(workspace, "/got", f"<@{ALICE}> pairing")
    assert len(workspace.sandbox.published_views(ME)) == before


def test_uninstalled_workspace_is_purged_after_the_grace_period(workspace) -> None:  # type: ignore[no-untyped-def]
    command(workspace, "/got", f"<@{ALICE}> pairing")
    command(workspace, "/giveback", "time 08:00")
    command(workspace, "/got", f"<@{BOB}> other team", team_id=OTHER)
    workspace.sender.event(payloads.app_uninstalled())
    privacy = workspace.app.deps.privacy
    grace = workspace.app.settings.uninstall_grace_days
    now = dt.datetime.now(dt.UTC)
    assert privacy.purge_uninstalled(now + dt.timedelta(days=grace - 1)) == []
    assert len(ledger(workspace)) == 1
    assert privacy.purge_uninstalled(now + dt.timedelta(days=grace, hours=1)) == ["T0SANDBOX"]
    assert ledger(workspace) == [] and workspace_row(workspace) is None
    from storage.help import active_edges

    with workspace.app.db.reader() as session:
        assert [e.reason for e in active_edges(session, OTHER)] == ["other team"]


# ---- team isolation ------------------------------------------------------------------------


def test_nothing_from_one_workspace_is_readable_or_writable_from_another(workspace) -> None:  # type: ignore[no-untyped-def]
    command(workspace, "/got", f"<@{ALICE}> secret pairing")
    command(workspace, "/gave", f"<@{ME}> claim in A", user_id=BOB)
    command(workspace, "/giveback", "time 06:15")
    home_a = open_home(workspace)
    assert "secret pairing" in home_text(home_a) and "claim in A" in home_text(home_a)
    # The same user id, arriving from another workspace, sees nothing of A.
    home_b = open_home(workspace, ME, team_id=OTHER)
    text_b = home_text(home_b)
    assert "secret pairing" not in text_b and "claim in A" not in text_b and "06:15" not in text_b
    assert "Nothing yet" in text_b
    # …and can change nothing in A: undo, claims, settings, forget.
    undo = next(
        e
        for b in home_a["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"].startswith(ids.HOME_UNDO_EDGE)
    )
    claim = next(
        e
        for b in home_a["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"].startswith(ids.HOME_CLAIM_REJECT)
    )
    for element in (undo, claim):
        payload = payloads.block_actions(ME, element["action_id"], element["value"], view=home_b, team=OTHER)
        assert workspace.sender.interaction(payload).status == 200
    workspace.settle()
    command(workspace, "/giveback", "time 11:00", team_id=OTHER)
    command(workspace, "/giveback", "forget", team_id=OTHER)
    _forget_click(workspace, ids.FORGET_CONFIRM, team=OTHER)
    assert sorted(r for _, _, _, r in ledger(workspace)) == ["claim in A", "secret pairing"]
    home_a = open_home(workspace)
    assert "secret pairing" in home_text(home_a) and "claim in A" in home_text(home_a)
    assert "06:15" in home_text(home_a) and "Giveback is not recording you" not in home_text(home_a)
    # An export requested from B carries nothing of A.
    command(workspace, "/giveback", "record me", team_id=OTHER)
    command(workspace, "/giveback", "export", team_id=OTHER)
    exported = json.loads(workspace.sandbox.files(ME)[-1]["content"])
    assert exported["team_id"] == OTHER and exported["help_records"] == []
    assert GENERAL  # the channel used by the forget click above
