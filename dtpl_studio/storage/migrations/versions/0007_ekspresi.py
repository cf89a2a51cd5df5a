"""Project file: back-up expressions, package parameters and linked back-up lines.

Revision ID: project_0007_ekspresi
Revises: project_0006_data_umum
Create Date: 2026-11-30

Issue 10 point 3: ``measurement.expression`` (an expression with the package's parameters,
"" = the factors are the line), ``measurement.link_uid`` (the uid of the item of the same
package whose printed volume the line takes; NULL = none) and the table
``package_parameter(package_id, position, name, value, unit, description)``. An older file
gets "" and NULL: every line stays a factor line, and no package has parameters.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "project_0007_ekspresi"
down_revision: str | Sequence[str] | None = "project_0006_data_umum"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("measurement", sa.Column("expression", sa.String(), nullable=False, server_default=""))
    op.add_column("measurement", sa.Column("link_uid", sa.String(), nullable=True))
    op.create_table(
        "package_parameter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("package_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("unit", sa.String(), nullable=False),
        sa.Column("description", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["package_id"], ["package.id"],
                                name=op.f("fk_package_parameter_package_id_package"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_package_parameter")),
        sa.UniqueConstraint("package_id", "position", name=op.f("uq_package_parameter_package_id_position")),
    )

def downgrade() -> None:
    op.drop_table("package_parameter")
    with op.batch_alter_table("measurement") as batch:
        batch.drop_column("link_uid")
        batch.drop_column("expression")
