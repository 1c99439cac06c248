"""Rosstat's region and national tables, and the low end of a range target on meetings.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from analysis.data.migrations.versions.v0001_store import provenance

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# The new curated tables' columns as they are at this version (frozen: later changes get a new revision).
COLUMNS = {
    "region_indicators": ("iso_code", "indicator", "year", "value", "unit", "source", "source_url", "published",
                          "note"),
    "region_foreign_trade": ("iso_code", "year", "partner", "flow", "value", "unit", "source", "source_url",
                             "published", "note"),
    "national_goods": ("product", "product_ru", "sector_id", "direction", "year", "value", "unit", "side",
                       "unit_published", "source", "source_url", "published", "note"),
}  # fmt: skip


def upgrade() -> None:
    for name, cols in COLUMNS.items():
        op.create_table(name, *provenance(), *(sa.Column(c, sa.Text) for c in cols))
        op.create_index(f"ix_{name}_origin", name, ["origin"])
    with op.batch_alter_table("meetings") as batch:
        batch.add_column(sa.Column("target_low", sa.Text))
    op.execute("DELETE FROM meta WHERE key = 'csv:meetings'")  # reload curated meetings with the new column


def downgrade() -> None:
    with op.batch_alter_table("meetings") as batch:
        batch.drop_column("target_low")
    for name in COLUMNS:
        op.drop_table(name)
