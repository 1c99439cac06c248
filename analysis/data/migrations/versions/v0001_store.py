"""The first store: every curated table as text columns plus provenance, saves, history, revision.

Revision ID: 0001
Revises: none
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# The curated tables' columns as they were at this version (frozen: later changes get a new revision).
COLUMNS = {
    "sectors": ("sector_id", "parent_id", "area", "name_en", "name_ru", "kind", "scope", "hs_codes",
                "ebops_codes", "keywords_en", "keywords_ru"),
    "regions": ("iso_code", "country", "name_en", "name_ru", "name_iso", "type", "federal_district", "capital",
                "capital_ru", "lat", "lon", "geo_source", "population", "population_year", "population_source",
                "grp_value", "grp_unit", "grp_year", "grp_source"),
    "region_aliases": ("iso_code", "alias", "lang", "kind"),
    "fx_rates": ("year", "currency", "per_usd", "source_url", "publisher", "published", "published_basis", "note"),
    "trade_facts": ("fact_id", "region_iso", "period", "period_start", "period_end", "flow", "value", "unit",
                    "currency", "value_musd", "qualifier", "change_pct", "side", "status", "coverage",
                    "period_inferred", "source_url", "publisher", "published", "published_basis", "note"),
    "meetings": ("meeting_id", "date", "date_basis", "region_iso", "level", "by_side", "region_side", "sectors",
                 "target_flow", "target_value", "target_unit", "target_currency", "target_year", "target_note",
                 "source_url"),
    "product_mentions": ("region_iso", "period", "direction", "product", "hs_chapter", "sector_id", "source_url",
                         "published", "published_basis"),
    "sector_facts": ("sector_id", "period", "scope", "product", "hs_chapter", "metric", "value", "value_text",
                     "unit", "currency", "side", "source_url", "publisher", "published", "published_basis", "note"),
}  # fmt: skip


def provenance() -> list[sa.Column]:
    """Who added a row, when, from which report, and its edit state (same on every data table)."""
    return [
        sa.Column("row_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("added_by", sa.Text, nullable=False),
        sa.Column("added_at", sa.Text, nullable=False),
        sa.Column("report_id", sa.Text),
        sa.Column("save_id", sa.Integer),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("deleted_at", sa.Text),
    ]


def upgrade() -> None:
    for name, cols in COLUMNS.items():
        op.create_table(name, *provenance(), *(sa.Column(c, sa.Text) for c in cols))
        op.create_index(f"ix_{name}_origin", name, ["origin"])
    op.create_table(
        "store_revision",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("revision", sa.Integer, nullable=False),
    )
    op.bulk_insert(
        sa.table("store_revision", sa.column("id", sa.Integer), sa.column("revision", sa.Integer)),
        [{"id": 1, "revision": 0}],
    )
    op.create_table("meta", sa.Column("key", sa.Text, primary_key=True), sa.Column("value", sa.Text))
    op.create_table(
        "saves",
        sa.Column("save_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("added_by", sa.Text, nullable=False),
        sa.Column("added_at", sa.Text, nullable=False),
        sa.Column("report_id", sa.Text),
        sa.Column("summary", sa.Text),
        sa.Column("undone_at", sa.Text),
    )
    op.create_table(
        "history",
        sa.Column("history_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("save_id", sa.Integer),
        sa.Column("table_name", sa.Text, nullable=False),
        sa.Column("row_id", sa.Integer, nullable=False),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("old", sa.Text),
        sa.Column("new", sa.Text),
        sa.Column("reason", sa.Text),
        sa.Column("changed_by", sa.Text, nullable=False),
        sa.Column("changed_at", sa.Text, nullable=False),
    )
    op.create_index("ix_history_row", "history", ["table_name", "row_id"])


def downgrade() -> None:
    for name in ("history", "saves", "meta", "store_revision", *COLUMNS):
        op.drop_table(name)
