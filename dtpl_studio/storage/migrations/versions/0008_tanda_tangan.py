"""Project file: how each pinned price book reached this machine (signed edition packages).

Revision ID: project_0008_tanda_tangan
Revises: project_0007_ekspresi
Create Date: 2026-11-30

Issue 8 point 5: ``book.verification`` (``""`` = imported or shipped here, ``verified`` = from
a package signed by a trusted key, ``unverified`` = from an unsigned package or one signed by
an unknown key) and ``book.signer`` (who signed it). An older file gets "" for both: its
books were never distributed as packages.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "project_0008_tanda_tangan"
down_revision: str | Sequence[str] | None = "project_0007_ekspresi"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("book", sa.Column("verification", sa.String(), nullable=False, server_default=""))
    op.add_column("book", sa.Column("signer", sa.String(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("book") as batch:
        batch.drop_column("signer")
        batch.drop_column("verification")
