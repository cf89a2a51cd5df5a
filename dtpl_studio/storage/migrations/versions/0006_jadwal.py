"""Project file: jadwal pelaksanaan (start week and duration per item; crew per package).

Revision ID: project_0006_jadwal
Revises: project_0005_specs
Create Date: 2026-11-30

Issue 9 point 4: ``item.start_week`` and ``item.duration_weeks`` (NULL = the default of
``dtpl_studio.costing.jadwal``: sequential by division, duration from the labour HOK);
``package_settings.crew_size`` (workers on site per day, default 10) and
``package_settings.work_days_per_week`` (default 6), the assumption a default duration rests
on. An older file gets the defaults: its schedule is the default one.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "project_0006_jadwal"
down_revision: str | Sequence[str] | None = "project_0005_specs"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("item", sa.Column("start_week", sa.Integer(), nullable=True))
    op.add_column("item", sa.Column("duration_weeks", sa.Integer(), nullable=True))
    op.add_column("package_settings",
                  sa.Column("crew_size", sa.Integer(), nullable=False, server_default="10"))
    op.add_column("package_settings",
                  sa.Column("work_days_per_week", sa.Integer(), nullable=False, server_default="6"))


def downgrade() -> None:
    with op.batch_alter_table("package_settings") as batch:
        batch.drop_column("work_days_per_week")
        batch.drop_column("crew_size")
    with op.batch_alter_table("item") as batch:
        batch.drop_column("duration_weeks")
        batch.drop_column("start_week")
