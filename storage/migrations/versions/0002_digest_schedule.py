"""digest schedule: what each stored next_digest_at was computed from, and job cursors

`user_settings.schedule_key` records the zone, time and days that `next_digest_at` was computed
from, so a pass can find people whose zone (from `users.info`) or the workspace defaults changed
with one indexed comparison instead of recomputing everyone. `job_state` holds small named
cursors, such as how far the digest job has scanned the ledger for new recipients.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.types

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("user_settings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("schedule_key", sa.String(length=160), nullable=True))
    op.create_table(
        "job_state",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_job_state")),
    )
    with op.batch_alter_table("digests", schema=None) as batch_op:
        batch_op.create_index("ix_digests_retry", ["status", "next_attempt_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("digests", schema=None) as batch_op:
        batch_op.drop_index("ix_digests_retry")
    op.drop_table("job_state")
    with op.batch_alter_table("user_settings", schema=None) as batch_op:
        batch_op.drop_column("schedule_key")
