"""Project file: BLM rule table with a year, swadaya minimum, price-basis note, termin plan.

Revision ID: project_0002_blm
Revises: project_0002_audit
Create Date: 2026-11-30

Issue 6 points 4 and 5: ``funding_rule.year`` (a rule row may apply to one fiscal year),
``program.swadaya_min_share`` / ``swadaya_rule_source`` (an optional minimum swadaya share
with its source), ``package.price_basis_note`` (the user's recorded reason for accepting the
pinned book as price basis) and the ``termin`` table (disbursement plan: percent, milestone,
stated amount). Decimal columns are TEXT holding ``str(Decimal)`` as in 0001. Columns are added in place (no table rebuild); existing rows get the
neutral values (no year, no minimum, no note, no termin).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "project_0002_blm"
down_revision: str | Sequence[str] | None = "project_0002_audit"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("funding_rule", sa.Column("year", sa.Integer(), nullable=True))
    op.add_column("program", sa.Column("swadaya_min_share", sa.Text(), nullable=True))
    op.add_column("program", sa.Column("swadaya_rule_source", sa.String(), nullable=False,
                                       server_default=""))
    op.add_column("package", sa.Column("price_basis_note", sa.String(), nullable=False,
                                       server_default=""))
    op.create_table(
        "termin",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("percent", sa.Text(), nullable=False),
        sa.Column("milestone", sa.String(), nullable=False),
        sa.Column("amount", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["program_id"], ["program.id"],
                                name=op.f("fk_termin_program_id_program"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_termin")),
        sa.UniqueConstraint("program_id", "position", name=op.f("uq_termin_program_id_position")),
    )


def downgrade() -> None:
    op.drop_table("termin")
    with op.batch_alter_table("package") as batch:
        batch.drop_column("price_basis_note")
    with op.batch_alter_table("program") as batch:
        batch.drop_column("swadaya_rule_source")
        batch.drop_column("swadaya_min_share")
    with op.batch_alter_table("funding_rule") as batch:
        batch.drop_column("year")
