"""covering ledger indexes for digest planning

Digest planning reads, for a batch of people, their help received inside the look-back window
(by recipient) and their own `/gave` records (by helper). With the old three-column indexes
every matching index entry cost a table-row lookup to read the helper, `active`, the reporter and
the claim status; profiling the planning benchmark (10k people, 1M records) showed those random
lookups were most of the time. The same indexes now carry those columns, so both scans are
index-only (SQLite "COVERING INDEX"; PostgreSQL "Index Only Scan" once the visibility map is
set, which autovacuum does). Same names and the same leading columns: every query that used the
old indexes can use the new ones.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

RECIPIENT = ["team_id", "recipient_id", "happened_at", "helper_id", "active", "reporter_id", "claim_status"]
HELPER = ["team_id", "helper_id", "happened_at", "source", "recipient_id", "reporter_id", "active"]


def upgrade() -> None:
    with op.batch_alter_table("help_edges", schema=None) as batch_op:
        batch_op.drop_index("ix_help_edges_recipient")
        batch_op.drop_index("ix_help_edges_helper")
        batch_op.create_index("ix_help_edges_recipient", RECIPIENT, unique=False)
        batch_op.create_index("ix_help_edges_helper", HELPER, unique=False)


def downgrade() -> None:
    with op.batch_alter_table("help_edges", schema=None) as batch_op:
        batch_op.drop_index("ix_help_edges_helper")
        batch_op.drop_index("ix_help_edges_recipient")
        batch_op.create_index("ix_help_edges_helper", ["team_id", "helper_id", "happened_at"], unique=False)
        batch_op.create_index("ix_help_edges_recipient", ["team_id", "recipient_id", "happened_at"], unique=False)
