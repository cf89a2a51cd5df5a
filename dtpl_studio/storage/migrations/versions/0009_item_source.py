"""Project file: the source of an item's own rate.

Revision ID: project_0009_item_source
Revises: project_0008_tanda_tangan
Create Date: 2026-11-30

Issue 10 point 2: ``item.custom_source`` — where a custom rate (*harga sendiri*) or lump
sum comes from ("survei 3 toko", "penawaran CV …", "SBU Kab. …"), printed under the item
beside its reason. An older file gets "" (the source not said: the BLM check's
"custom-rate-source" warning asks for it unless the reason names one).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "project_0009_item_source"
down_revision: str | Sequence[str] | None = "project_0008_tanda_tangan"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("item", sa.Column("custom_source", sa.String(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("item") as batch:
        batch.drop_column("custom_source")
