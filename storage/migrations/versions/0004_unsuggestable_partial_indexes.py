"""partial indexes for the people digests never suggest

Digest planning drops, for every (U, P) pair of a batch, the P who are bots, deleted, or opted
out of being suggested. It tests each pair against that short list instead of joining two tables
per pair; these partial indexes hold only those people, so building the list costs the same
however large the workspace grows.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from storage.models import OPTED_OUT_SQL, UNSUGGESTABLE_USER_SQL

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _partial(name: str, table: str, predicate: str) -> None:
    where = sa.text(predicate)
    op.create_index(name, table, ["team_id", "user_id"], sqlite_where=where, postgresql_where=where)


def upgrade() -> None:
    _partial("ix_slack_users_unsuggestable", "slack_users", UNSUGGESTABLE_USER_SQL)
    _partial("ix_user_settings_opted_out", "user_settings", OPTED_OUT_SQL)


def downgrade() -> None:
    op.drop_index("ix_user_settings_opted_out", table_name="user_settings")
    op.drop_index("ix_slack_users_unsuggestable", table_name="slack_users")
