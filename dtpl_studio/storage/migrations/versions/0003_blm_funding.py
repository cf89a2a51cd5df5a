"""Project file: funding per section (inherited) and funding splits per item; section kind.

Revision ID: project_0003_blm_funding
Revises: project_0002_blm
Create Date: 2026-11-30

Issue 6 points 2 and 3: ``section.funding`` (the source of the items below that name none;
NULL = the parent's), ``section.kind`` (a PLP-BK planning category or DED, "" = none) and the
``item_funding`` table (shares of an item paid by other sources: percent, amount, or in kind
valued from the book when both are NULL). ``item.funding`` keeps its column; "" now means
"the section's". Decimal columns are TEXT holding ``str(Decimal)`` as in 0001.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "project_0003_blm_funding"
down_revision: str | Sequence[str] | None = "project_0002_blm"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("section", sa.Column("funding", sa.String(), nullable=True))
    op.add_column("section", sa.Column("kind", sa.String(), nullable=False, server_default=""))
    op.create_table(
        "item_funding",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("percent", sa.Text(), nullable=True),
        sa.Column("amount", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["item_id"], ["item.id"],
                                name=op.f("fk_item_funding_item_id_item"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item_funding")),
        sa.UniqueConstraint("item_id", "position", name=op.f("uq_item_funding_item_id_position")),
    )


def downgrade() -> None:
    op.drop_table("item_funding")
    with op.batch_alter_table("section") as batch:
        batch.drop_column("kind")
        batch.drop_column("funding")
