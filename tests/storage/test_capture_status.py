"""The capture path's one read: cache flags and opt-outs of the people in a thanks."""

from __future__ import annotations

import datetime as dt

from storage.models import UserSettings
from storage.users import capture_status, save_user

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def _person(session, user_id: str, *, is_bot: bool = False, deleted: bool = False, team: str = "T1") -> None:  # type: ignore[no-untyped-def]
    save_user(session, team, user_id, now=NOW, name=None, real_name=None, tz=None, is_bot=is_bot, deleted=deleted)


def _opt_out(session, user_id: str, team: str = "T1") -> None:  # type: ignore[no-untyped-def]
    session.add(UserSettings(team_id=team, user_id=user_id, capture_enabled=False, updated_at=NOW))


def test_flags_opt_outs_and_unknown_people(database) -> None:  # type: ignore[no-untyped-def]
    with database.transaction() as session:
        _person(session, "UPERSON")
        _person(session, "UBOT", is_bot=True)
        _person(session, "UGONE", deleted=True)
        _person(session, "UQUIET")
        _opt_out(session, "UQUIET")  # cached and opted out
        _opt_out(session, "UNOCACHE")  # opted out, never looked up
        _person(session, "UOTHER", team="T2")
        _opt_out(session, "UOTHER", team="T2")
    with database.reader() as session:
        status = capture_status(
            session, "T1", ["UPERSON", "UBOT", "UGONE", "UQUIET", "UNOCACHE", "UNEW", "UOTHER", "UPERSON"]
        )
    assert set(status) == {"UPERSON", "UBOT", "UGONE", "UQUIET", "UNOCACHE"}
    person = status["UPERSON"]
    assert (person.cached, person.can_be_credited, person.opted_out, person.refreshed_at) == (True, True, False, NOW)
    assert not status["UBOT"].can_be_credited and not status["UGONE"].can_be_credited
    assert (status["UQUIET"].cached, status["UQUIET"].opted_out) == (True, True)
    assert (status["UNOCACHE"].cached, status["UNOCACHE"].opted_out) == (False, True)


def test_nobody_asked_gives_an_empty_answer(database) -> None:  # type: ignore[no-untyped-def]
    with database.reader() as session:
        assert capture_status(session, "T1", []) == {}
