"""A person's control over their data (export, forget, opt in again) and a workspace's lifecycle
(uninstall, revoked tokens, the purge after the grace period)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import IO, Any

from slack_sdk import WebClient

from bot.directory import UserDirectory
from bot.log import get_logger
from bot.settings import Settings
from storage import privacy as store
from storage.db import Database
from storage.help import claim_event
from storage.users import workspace_active

log = get_logger(__name__)
EXPORT_FORMAT = "giveback-export/1"


@dataclass(frozen=True, slots=True)
class Exported:
    file_id: str | None
    records: int
    digests: int
    size: int


class WorkspaceInactive(Exception):
    """Giveback was uninstalled from this workspace (or its token revoked): nothing is sent."""


class PrivacyService:
    def __init__(
        self,
        *,
        settings: Settings,
        db: Database,
        slack: WebClient,
        directory: UserDirectory,
        clock: Callable[[], dt.datetime],
    ) -> None:
        self._settings, self._db, self._slack, self._directory, self._clock = settings, db, slack, directory, clock

    # ---- export ------------------------------------------------------------------------------

    def write_export(self, team_id: str, user_id: str, out: IO[str]) -> tuple[int, int]:
        """Stream everything stored about the person as one JSON document; (records, digests).

        Rows are read a batch at a time and written as they come, so memory stays flat however
        long the history is.
        """
        now = self._clock()
        with self._db.reader() as session:
            out.write("{\n")
            out.write(f'"format": {json.dumps(EXPORT_FORMAT)},\n')
            out.write(f'"team_id": {json.dumps(team_id)},\n"user_id": {json.dumps(user_id)},\n')
            out.write(f'"exported_at": {json.dumps(now.isoformat())},\n')
            out.write(f'"settings": {json.dumps(store.settings_of(session, team_id, user_id))},\n')
            out.write(f'"suggestion_rules": {json.dumps(store.rules_of(session, team_id, user_id))},\n')
            out.write(f'"give_backs": {json.dumps(store.give_backs_of(session, team_id, user_id))},\n')
            records = _write_array(out, "help_records", store.iter_help_records(session, team_id, user_id))
            out.write(",\n")
            digests = _write_array(out, "digests", store.iter_digests(session, team_id, user_id))
            out.write("\n}\n")
        return records, digests

    def export(self, team_id: str, user_id: str) -> Exported:
        """Write the export to a temporary file and send it to the person in a DM."""
        with self._db.reader() as session:
            if not workspace_active(session, team_id):
                raise WorkspaceInactive(team_id)
        fd, path = tempfile.mkstemp(prefix="giveback-export-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                records, digests = self.write_export(team_id, user_id, out)
            size = os.path.getsize(path)
            channel = self._slack.conversations_open(users=user_id)["channel"]["id"]
            day = self._clock().date().isoformat()
            response = self._slack.files_upload_v2(
                file=path,
                filename=f"giveback-export-{day}.json",
                title=f"Your Giveback data ({day})",
                channel=channel,
                initial_comment=(
                    f"Here is everything Giveback stores about you: {records} help records and"
                    f" {digests} digests, plus your settings. `/giveback forget` deletes all of it."
                ),
            )
        finally:
            os.unlink(path)
        file = (response.get("files") or [response.get("file") or {}])[0]
        log.info("privacy.exported", team_id=team_id, user=user_id, records=records, digests=digests, bytes=size)
        return Exported(file.get("id"), records, digests, size)

    def first_time(self, team_id: str, key: str) -> bool:
        """False when this request (e.g. a replayed `/giveback export`) was already handled."""
        digest = "gb:" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:48]
        with self._db.transaction() as session:
            return claim_event(session, team_id, digest, self._clock())

    # ---- forget and opt in -------------------------------------------------------------------

    def forget(self, team_id: str, user_id: str) -> dict[str, int]:
        with self._db.transaction() as session:
            counts = store.forget_user(session, team_id, user_id, self._clock())
        # Counts only: what was deleted is gone, and must not reappear in the logs.
        log.info("privacy.forgotten", team_id=team_id, rows=sum(counts.values()), tables=len(counts))
        return counts

    def opt_in(self, team_id: str, user_id: str) -> bool:
        with self._db.transaction() as session:
            changed = store.opt_in(session, team_id, user_id, self._clock())
        log.info("privacy.opted_in", team_id=team_id, user=user_id, changed=changed)
        return changed

    # ---- lifecycle ---------------------------------------------------------------------------

    def user_changed(self, team_id: str, user: dict[str, Any]) -> None:
        """`user_change`: new zone, deactivated, turned into a bot — the digest reads the cache."""
        if not isinstance(user, dict) or not user.get("id"):
            return
        person = self._directory.remember(team_id, user)
        log.info("lifecycle.user_changed", team_id=team_id, user=person.user_id, deleted=person.deleted)

    def uninstalled(self, team_id: str) -> None:
        with self._db.transaction() as session:
            store.mark_uninstalled(session, team_id, self._clock())
        log.info("lifecycle.uninstalled", team_id=team_id, purge_after_days=self._settings.uninstall_grace_days)

    def tokens_revoked(self, team_id: str, bot_user_ids: Iterable[str], our_bot_user_id: str | None) -> bool:
        """True when our bot's token is among the revoked ones (a user token is none of ours)."""
        revoked = set(bot_user_ids)
        if not revoked or (our_bot_user_id is not None and our_bot_user_id not in revoked):
            return False
        with self._db.transaction() as session:
            store.mark_tokens_revoked(session, team_id, self._clock())
        log.info("lifecycle.tokens_revoked", team_id=team_id)
        return True

    def seen(self, team_id: str) -> None:
        """A signed request from a workspace marked gone: it reinstalled Giveback."""
        if not team_id:
            return
        with self._db.transaction() as session:
            if store.reactivate(session, team_id, self._clock()):
                log.info("lifecycle.reinstalled", team_id=team_id)

    def purge_uninstalled(self, now: dt.datetime | None = None) -> list[str]:
        """Delete every row of workspaces uninstalled more than the grace period ago."""
        now = now or self._clock()
        before = now - dt.timedelta(days=self._settings.uninstall_grace_days)
        with self._db.reader() as session:
            teams = store.uninstalled_before(session, before)
        for team_id in teams:
            with self._db.transaction() as session:
                counts = store.purge_workspace(session, team_id)
            log.info("lifecycle.purged", team_id=team_id, rows=sum(counts.values()))
        return teams


def _write_array(out: IO[str], name: str, rows: Iterable[dict[str, Any]]) -> int:
    out.write(f'"{name}": [')
    count = 0
    for row in rows:
        out.write(("," if count else "") + "\n  " + json.dumps(row, ensure_ascii=False))
        count += 1
    out.write("\n]" if count else "]")
    return count
