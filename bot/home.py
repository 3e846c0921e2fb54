"""The App Home and every settings change a person can make (from the Home or `/giveback`).

Changes commit first; the Home is then republished in the background (`refresh`), so a click or
command is answered at once and a slow `views.publish` never holds up Slack's ack. Anything that
changes what someone's Home shows (a digest click elsewhere, a /giveback command) calls
`refresh(team_id, user_id)`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient

from bot import ids
from bot.background import Background
from bot.blocks.home import (
    CLAIMS_SHOWN,
    PEOPLE_PER_PAGE,
    RECORDS_PER_PAGE,
    RECORDS_PER_PERSON,
    HomeView,
    Nav,
    PersonView,
    RecordView,
    SettingsView,
    build_home,
)
from bot.digest import DigestService
from bot.directory import UnknownUser, UserDirectory
from bot.log import get_logger
from bot.schedule import local_date, slot_instant, zone_for
from bot.settings import Settings, format_days, parse_clock, parse_days
from storage import home as store
from storage import prefs
from storage.db import Database
from storage.digests import Claim
from storage.models import ClaimStatus
from storage.privacy import capture_enabled
from storage.users import cached_users, workspace_active

log = get_logger(__name__)
USER_ID = re.compile(r"^[UW][A-Z0-9]{2,30}$")


class BadValue(Exception):
    """A setting value the person typed or picked that can't be used; the message says why."""


def _record(r: store.Record) -> RecordView:
    return RecordView(
        r.id, r.other_id, r.direction, r.source, r.reason, r.happened_at, r.channel_id, r.permalink, r.undoable
    )


class HomeService:
    def __init__(
        self,
        *,
        settings: Settings,
        db: Database,
        slack: WebClient,
        clock: Callable[[], dt.datetime],
        background: Background,
        directory: UserDirectory | None = None,
        planner: DigestService | None = None,
    ) -> None:
        self._settings, self._db, self._slack, self._clock = settings, db, slack, clock
        self._directory = directory
        self._background = background
        # The Home is a standing list, not a nudge: it shows everyone the digest rules would
        # suggest today, without the digest's "not again within N days" rule.
        self._planner = planner or DigestService(
            settings=settings.model_copy(update={"repeat_after_days": 0}), db=db, slack=slack, clock=clock
        )

    # ---- reading -----------------------------------------------------------------------------

    def zone(self, team_id: str, user_id: str) -> tuple[str, str | None, str | None]:
        """(effective zone, Slack's zone, the person's override)."""
        with self._db.reader() as session:
            p = prefs.get_prefs(session, team_id, user_id)
            cached = cached_users(session, team_id, [user_id]).get(user_id)
            slack_tz = cached.tz if cached else None
        return zone_for(p.tz_override or slack_tz, self._settings.default_timezone).key, slack_tz, p.tz_override

    def view(
        self,
        team_id: str,
        user_id: str,
        nav: Nav | None = None,
        *,
        notice: str | None = None,
        undo_ask: str | None = None,
    ) -> dict[str, Any]:
        nav = nav or Nav()
        now = self._clock()
        zone_key, slack_tz, override = self.zone(team_id, user_id)
        zone = zone_for(zone_key, self._settings.default_timezone)
        claim = Claim(id=0, team_id=team_id, user_id=user_id, local_date=local_date(now, zone), claimed_at=now)
        give_back = self._planner.plan([claim], now)[0].view
        person: PersonView | None = None
        with self._db.reader() as session:
            total = store.count_people(session, team_id, user_id)
            page = min(nav.page, max((total - 1) // PEOPLE_PER_PAGE, 0))
            nav = Nav(page, nav.person, nav.person_page)
            people = []
            for b in store.balances(session, team_id, user_id, offset=page * PEOPLE_PER_PAGE, limit=PEOPLE_PER_PAGE):
                records = store.records_with(session, team_id, user_id, b.other_id, limit=RECORDS_PER_PERSON)
                count = store.count_records(session, team_id, user_id, b.other_id)
                people.append(
                    PersonView(b.other_id, b.helped_you, b.you_helped, b.last_at, tuple(map(_record, records)), count)
                )
            if nav.person:
                balance = store.balance_with(session, team_id, user_id, nav.person)
                if balance is None:
                    nav = Nav(page)
                else:
                    count = store.count_records(session, team_id, user_id, nav.person)
                    person_page = min(nav.person_page, max((count - 1) // RECORDS_PER_PAGE, 0))
                    nav = Nav(page, nav.person, person_page)
                    records = store.records_with(
                        session,
                        team_id,
                        user_id,
                        nav.person,
                        offset=person_page * RECORDS_PER_PAGE,
                        limit=RECORDS_PER_PAGE,
                    )
                    person = PersonView(
                        nav.person,
                        balance.helped_you,
                        balance.you_helped,
                        balance.last_at,
                        tuple(map(_record, records)),
                        count,
                    )
            claims = store.claims(session, team_id, user_id, limit=CLAIMS_SHOWN)
            total_claims = store.count_claims(session, team_id, user_id)
            p = prefs.get_prefs(session, team_id, user_id)
            rules = prefs.rules_for(session, team_id, user_id)
            muted = tuple(sorted(o for o, r in rules.items() if r.muted))
            snoozed = tuple(
                sorted(
                    (
                        (o, r.snoozed_until)
                        for o, r in rules.items()
                        if r.snoozed_until and r.snoozed_until > now and not r.muted
                    ),
                    key=lambda x: x[1],
                )
            )
            capturing = capture_enabled(session, team_id, user_id)
        settings = SettingsView(
            digest_enabled=p.digest_enabled,
            digest_time=_clock_or(p.digest_time, self._settings.digest_time),
            digest_days=_days_or(p.digest_days, self._settings.digest_days),
            paused_until=p.paused_until,
            slack_tz=slack_tz,
            tz_override=override,
            zone=zone_key,
            suggestable=p.suggestable,
            capture_enabled=capturing,
            muted=muted,
            snoozed=snoozed,
        )
        return build_home(
            HomeView(
                user_id=user_id,
                now=now,
                zone=zone,
                give_back=give_back,
                people=tuple(people),
                total_people=total,
                nav=nav,
                person=person,
                claims=tuple(map(_record, claims)),
                total_claims=total_claims,
                settings=settings,
                notice=notice,
                undo_ask=undo_ask,
            )
        )

    # ---- publishing --------------------------------------------------------------------------

    def publish(
        self,
        team_id: str,
        user_id: str,
        nav: Nav | None = None,
        *,
        notice: str | None = None,
        undo_ask: str | None = None,
    ) -> bool:
        """Build and publish now; False when the workspace has uninstalled Giveback."""
        with self._db.reader() as session:
            if not workspace_active(session, team_id):
                log.info("home.skipped_inactive_workspace", team_id=team_id)
                return False
        if self._directory is not None:
            # The reader's own zone (and name) from users.info: cached, refreshed once a day.
            try:
                self._directory.lookup(team_id, [user_id])
            except UnknownUser:
                log.info("home.unknown_user", team_id=team_id, user=user_id)
                return False
        view = self.view(team_id, user_id, nav, notice=notice, undo_ask=undo_ask)
        self._slack.views_publish(user_id=user_id, view=view)
        log.info("home.published", team_id=team_id, user=user_id, blocks=len(view["blocks"]))
        return True

    def refresh(
        self,
        team_id: str,
        user_id: str,
        nav: Nav | None = None,
        *,
        notice: str | None = None,
        undo_ask: str | None = None,
    ) -> None:
        """Republish someone's Home in the background (after any change, from anywhere)."""
        if team_id and user_id:
            self._background.submit("home.publish", self._publish_kw, team_id, user_id, nav, notice, undo_ask)

    def _publish_kw(
        self, team_id: str, user_id: str, nav: Nav | None, notice: str | None, undo_ask: str | None
    ) -> None:
        self.publish(team_id, user_id, nav, notice=notice, undo_ask=undo_ask)

    # ---- the ledger --------------------------------------------------------------------------

    def undo_record(self, team_id: str, user_id: str, edge_id: int) -> int:
        with self._db.transaction() as session:
            count = store.undo_record(session, team_id, user_id, edge_id, self._clock())
        log.info("home.undo_record", team_id=team_id, user=user_id, edge=edge_id, retracted=count)
        return count

    def review_claim(self, team_id: str, user_id: str, edge_id: int, *, accurate: bool) -> int:
        status = ClaimStatus.CONFIRMED if accurate else ClaimStatus.REJECTED
        with self._db.transaction() as session:
            count = store.review_claim(session, team_id, user_id, edge_id, status)
        log.info("home.claim_reviewed", team_id=team_id, user=user_id, edge=edge_id, status=status.value, changed=count)
        return count

    def give_back(self, team_id: str, user_id: str, other_id: str, action_id: str) -> tuple[str, str | None]:
        """A digest button pressed on the Home; returns (notice, value for its Undo)."""
        if not USER_ID.match(other_id) or other_id == user_id:
            raise BadValue("That button doesn't name a person.")
        now = self._clock()
        with self._db.transaction() as session:
            if action_id == ids.DIGEST_ASKED:
                prefs.record_ask(session, team_id, user_id, other_id, now)
                notice = f"You asked <@{other_id}> ✓ — they leave your suggestions until they help again."
                return notice, other_id
            if action_id == ids.DIGEST_SNOOZE:
                until = now + dt.timedelta(days=self._settings.snooze_days)
                prefs.snooze(session, team_id, user_id, other_id, now, until)
                return f"Snoozed <@{other_id}> for {self._settings.snooze_days} days (un-snooze in Settings).", None
            if action_id == ids.DIGEST_MUTE:
                prefs.set_muted(session, team_id, user_id, other_id, now, muted=True)
                return f"Giveback won't suggest <@{other_id}> again (un-mute in Settings).", None
        raise BadValue(f"unknown action {action_id}")

    def undo_ask(self, team_id: str, user_id: str, other_id: str) -> int:
        """The Undo next to "You asked …": retracts the latest *I asked them* for that person."""
        if not USER_ID.match(other_id):
            raise BadValue("That Undo button is malformed.")
        with self._db.transaction() as session:
            return prefs.undo_ask(session, team_id, user_id, other_id)

    def unmute(self, team_id: str, user_id: str, other_id: str) -> None:
        with self._db.transaction() as session:
            prefs.set_muted(session, team_id, user_id, other_id, self._clock(), muted=False)

    def unsnooze(self, team_id: str, user_id: str, other_id: str) -> None:
        with self._db.transaction() as session:
            prefs.snooze(session, team_id, user_id, other_id, self._clock(), None)

    # ---- settings (Home and /giveback) -------------------------------------------------------

    def set_digest_enabled(self, team_id: str, user_id: str, enabled: bool) -> None:
        with self._db.transaction() as session:
            prefs.set_paused(session, team_id, user_id, self._clock(), paused=not enabled)

    def pause_for(self, team_id: str, user_id: str, days: int) -> dt.datetime:
        until = self._clock() + dt.timedelta(days=days)
        with self._db.transaction() as session:
            prefs.pause_until(session, team_id, user_id, self._clock(), until)
        return until

    def pause_until_date(self, team_id: str, user_id: str, day: str) -> dt.datetime | None:
        """The Home's date picker: no digest before that local date (a past date lifts the pause)."""
        try:
            date = dt.date.fromisoformat(day)
        except ValueError:
            raise BadValue(f"{day!r} is not a date.") from None
        zone = zone_for(self.zone(team_id, user_id)[0], self._settings.default_timezone)
        now = self._clock()
        until = slot_instant(date, dt.time(0, 0), zone) if date > local_date(now, zone) else None
        with self._db.transaction() as session:
            prefs.pause_until(session, team_id, user_id, now, until)
        return until

    def resume(self, team_id: str, user_id: str) -> None:
        """`/giveback resume`: digests on, and any vacation pause lifted."""
        now = self._clock()
        with self._db.transaction() as session:
            prefs.set_paused(session, team_id, user_id, now, paused=False)
            prefs.pause_until(session, team_id, user_id, now, None)

    def set_time(self, team_id: str, user_id: str, value: str) -> str:
        try:
            clock = parse_clock(value).strftime("%H:%M")
        except ValueError as err:
            raise BadValue(str(err)) from None
        self._set_schedule(team_id, user_id, digest_time=clock)
        return clock

    def set_days(self, team_id: str, user_id: str, value: str) -> str:
        try:
            days = format_days(parse_days(value))
        except ValueError as err:
            raise BadValue(str(err)) from None
        self._set_schedule(team_id, user_id, digest_days=days)
        return days

    def set_zone(self, team_id: str, user_id: str, zone: str) -> None:
        """An IANA zone, or "" to follow the zone Slack reports for the person."""
        self._set_schedule(team_id, user_id, tz_override=zone or None)

    def _set_schedule(self, team_id: str, user_id: str, **change: str | None) -> None:
        now = self._clock()
        with self._db.transaction() as session:
            current = prefs.get_prefs(session, team_id, user_id)
            values = {
                "digest_time": current.digest_time,
                "digest_days": current.digest_days,
                "tz_override": current.tz_override,
            }
            values.update(change)
            prefs.set_schedule(session, team_id, user_id, now, **values)

    def set_suggestable(self, team_id: str, user_id: str, suggestable: bool) -> None:
        with self._db.transaction() as session:
            prefs.set_suggestable(session, team_id, user_id, self._clock(), suggestable=suggestable)


def _clock_or(value: str | None, default: dt.time) -> dt.time:
    try:
        return parse_clock(value) if value else default
    except ValueError:
        return default


def _days_or(value: str | None, default: frozenset[int]) -> frozenset[int]:
    try:
        return parse_days(value) if value else default
    except ValueError:
        return default
