"""Follow-up register of proposals, the review queue of ingested reports, and meeting details on saves.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("saves") as batch:  # the meeting a save recorded: title, place, source
        batch.add_column(sa.Column("title", sa.Text))
        batch.add_column(sa.Column("place", sa.Text))
        batch.add_column(sa.Column("source_url", sa.Text))
    op.create_table(
        "followups",
        sa.Column("row_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("region_iso", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("meeting_id", sa.Text),
        sa.Column("last_mentioned", sa.Text),
        sa.Column("source_url", sa.Text, nullable=False),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("added_by", sa.Text, nullable=False),
        sa.Column("added_at", sa.Text, nullable=False),
        sa.Column("report_id", sa.Text),
        sa.Column("save_id", sa.Integer),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("deleted_at", sa.Text),
    )
    op.create_index("ix_followups_region", "followups", ["region_iso"])
    op.create_table(
        "drafts",
        sa.Column("report_id", sa.Text, primary_key=True),
        sa.Column("file_name", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("record", sa.Text, nullable=False),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("added_at", sa.Text, nullable=False),
        sa.Column("save_id", sa.Integer),
    )


def downgrade() -> None:
    with op.batch_alter_table("saves") as batch:
        for column in ("source_url", "place", "title"):
            batch.drop_column(column)
    op.drop_table("drafts")
    op.drop_table("followups")
