"""Price library at scale: per-edition counts stored with the edition, and a compact
snapshot of each published edition.

Revision ID: library_0005_snapshot
Revises: library_0004_signature
Create Date: 2026-11-30

Issue 8 "Performance" (1 000 editions of 15 000 resources and 3 000 analyses; opening an
edition and searching the catalogue ≤ 100 ms):

* ``book.resource_count`` / ``book.analysis_count``: written with the content (add, update,
  derive), so listing editions reads the ``book`` rows only, never counts over the content
  tables (15 M rows at 1 000 editions). Existing editions are counted here once.
* ``book.snapshot``: the published edition's rows as one zlib-compressed canonical JSON
  (``dtpl_studio.storage.library`` ``_snapshot_bytes``), written in the same UPDATE that
  publishes it (the guards refuse UPDATE of a row that *is* published, not the one that
  publishes it), read in one go by ``load_edition`` and verified against the content hash.
  NULL for drafts and for editions published before this revision (read from the rows).

The counts of already published editions are written with the published-edition guard of
``book`` set aside for this one UPDATE (SQLite: the ``library_0001`` trigger dropped and
re-created with the same SQL; PostgreSQL: ``DISABLE``/``ENABLE TRIGGER``, inside the
migration's transaction). All columns are added in place (``ALTER TABLE … ADD COLUMN``),
so the SQLite triggers of ``library_0001`` stay.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "library_0005_snapshot"
down_revision: str | Sequence[str] | None = "library_0004_signature"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: library_0001's guard of the book row, re-created verbatim after the backfill
SQLITE_BOOK_TRIGGER = ("CREATE TRIGGER book_published_no_update BEFORE UPDATE ON book "
                       "WHEN OLD.status = 'published' "
                       "BEGIN SELECT RAISE(ABORT, 'published edition is immutable'); END")
BACKFILL = ("UPDATE book SET"
            " resource_count = (SELECT count(*) FROM book_resource r WHERE r.book_id = book.id),"
            " analysis_count = (SELECT count(*) FROM book_analysis a WHERE a.book_id = book.id)")


def upgrade() -> None:
    op.add_column("book", sa.Column("resource_count", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("book", sa.Column("analysis_count", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("book", sa.Column("snapshot", sa.LargeBinary(), nullable=True))
    if op.get_context().dialect.name == "postgresql":
        op.execute("ALTER TABLE book DISABLE TRIGGER book_published_guard")
        op.execute(BACKFILL)
        op.execute("ALTER TABLE book ENABLE TRIGGER book_published_guard")
    else:
        op.execute("DROP TRIGGER IF EXISTS book_published_no_update")
        op.execute(BACKFILL)
        op.execute(SQLITE_BOOK_TRIGGER)


def downgrade() -> None:
    op.drop_column("book", "snapshot")  # in place (SQLite >= 3.35): the 0001 triggers stay
    op.drop_column("book", "analysis_count")
    op.drop_column("book", "resource_count")
