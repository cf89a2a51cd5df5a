"""Price library: how each edition reached the library (signed edition packages).

Revision ID: library_0004_signature
Revises: library_0003_pg
Create Date: 2026-11-30

Issue 8 point 5: ``book.verification`` (``""`` = imported here, ``verified`` = from a package
signed by a trusted key, ``unverified`` = from an unsigned package or an unknown key) and
``book.signer``. Added in place (``ALTER TABLE … ADD COLUMN``: no SQLite table rebuild, so
the published-edition triggers of ``library_0001`` stay); existing editions get "".
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "library_0004_signature"
down_revision: str | Sequence[str] | None = "library_0003_pg"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("book", sa.Column("verification", sa.String(), nullable=False, server_default=""))
    op.add_column("book", sa.Column("signer", sa.String(), nullable=False, server_default=""))


def downgrade() -> None:
    op.drop_column("book", "signer")
    op.drop_column("book", "verification")
