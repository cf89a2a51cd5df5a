"""Price library on PostgreSQL too: the published-edition guards as plpgsql triggers, a
version counter per resource and analysis (optimistic locking of a team library), and an
index for looking a resource up by its code within an edition.

Revision ID: library_0003_pg
Revises: library_0002_audit
Create Date: 2026-11-30

Issue 8 point 6 (DESIGN.md §7: "a PostgreSQL URL for a team that shares one library
(optimistic locking, roles: editors vs readers). Same schema, Alembic for both").

* PostgreSQL: one trigger function refuses UPDATE/DELETE of a published ``book`` row and
  INSERT/UPDATE/DELETE of a published edition's resources, analyses and lines, with the
  message of the SQLite triggers of ``library_0001`` (``published edition is immutable``)
  and SQLSTATE 23000 (integrity constraint violation), so both drivers raise
  ``IntegrityError``. TRUNCATE (which skips row triggers) is refused while any edition is
  published. Only the tables' owner can drop these triggers (editors and readers cannot,
  ``dtpl_studio.storage.library_roles``).
* Both: ``book_resource.version`` and ``book_analysis.version`` (existing rows: 1), added
  in place (``ALTER TABLE … ADD COLUMN``, no SQLite table rebuild, so the SQLite triggers of
  ``library_0001`` stay); index ``ix_book_resource_book_id_code``.

Money, coefficients and percentages stay TEXT on both dialects (``DecimalText``: the
canonical ``str(Decimal)``), never NUMERIC: PostgreSQL's NUMERIC would keep the digits but
not, e.g., an exponent form such as ``1E+2``, and the content hash hashes ``str(value)``.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "library_0003_pg"
down_revision: str | Sequence[str] | None = "library_0002_audit"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_IMMUTABLE = "published edition is immutable"  # the same words as the SQLite triggers
CONTENT_TABLES = ("book_resource", "book_analysis", "book_analysis_line")

#: The plpgsql function behind every row trigger: which edition(s) the OLD/NEW row belongs
#: to (a line through its analysis), refused when one of them is published. ``SET search_path
#: FROM CURRENT`` binds the table names to the library's schema, whatever the search path of
#: the session that writes.
GUARD_FUNCTION = f"""
CREATE OR REPLACE FUNCTION dtpl_guard_published() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    books integer[] := '{{}}';
BEGIN
    IF TG_TABLE_NAME = 'book' THEN
        IF OLD.status = 'published' THEN
            RAISE EXCEPTION USING MESSAGE = '{_IMMUTABLE}', ERRCODE = '23000',
                DETAIL = format('book %s: %s refused', OLD.id, TG_OP);
        END IF;
    ELSIF TG_TABLE_NAME = 'book_analysis_line' THEN
        IF TG_OP <> 'INSERT' THEN
            books := books || (SELECT book_id FROM book_analysis WHERE id = OLD.analysis_id);
        END IF;
        IF TG_OP <> 'DELETE' THEN
            books := books || (SELECT book_id FROM book_analysis WHERE id = NEW.analysis_id);
        END IF;
    ELSE
        IF TG_OP <> 'INSERT' THEN books := books || OLD.book_id; END IF;
        IF TG_OP <> 'DELETE' THEN books := books || NEW.book_id; END IF;
    END IF;
    IF EXISTS (SELECT 1 FROM book WHERE id = ANY (books) AND status = 'published') THEN
        RAISE EXCEPTION USING MESSAGE = '{_IMMUTABLE}', ERRCODE = '23000',
            DETAIL = format('%s on %s refused', TG_OP, TG_TABLE_NAME);
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$
"""

TRUNCATE_FUNCTION = f"""
CREATE OR REPLACE FUNCTION dtpl_guard_truncate() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM book WHERE status = 'published') THEN
        RAISE EXCEPTION USING MESSAGE = '{_IMMUTABLE}', ERRCODE = '23000',
            DETAIL = format('TRUNCATE %s refused', TG_TABLE_NAME);
    END IF;
    RETURN NULL;
END
$$
"""


def pg_triggers() -> list[tuple[str, str, str]]:
    """``(name, table, CREATE TRIGGER sql)`` of the PostgreSQL guards."""
    out = [("book_published_guard", "book",
            "CREATE TRIGGER book_published_guard BEFORE UPDATE OR DELETE ON book "
            "FOR EACH ROW WHEN (OLD.status = 'published') EXECUTE FUNCTION dtpl_guard_published()")]
    out += [(f"{t}_published_guard", t,
             f"CREATE TRIGGER {t}_published_guard BEFORE INSERT OR UPDATE OR DELETE ON {t} "
             "FOR EACH ROW EXECUTE FUNCTION dtpl_guard_published()") for t in CONTENT_TABLES]
    out += [(f"{t}_truncate_guard", t,
             f"CREATE TRIGGER {t}_truncate_guard BEFORE TRUNCATE ON {t} "
             "FOR EACH STATEMENT EXECUTE FUNCTION dtpl_guard_truncate()")
            for t in ("book", *CONTENT_TABLES)]
    return out


def upgrade() -> None:
    for table in ("book_resource", "book_analysis"):
        op.add_column(table, sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    op.create_index("ix_book_resource_book_id_code", "book_resource", ["book_id", "code"])
    if op.get_context().dialect.name == "postgresql":
        op.execute(GUARD_FUNCTION)
        op.execute(TRUNCATE_FUNCTION)
        for _name, _table, sql in pg_triggers():
            op.execute(sql)


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        for name, table, _sql in reversed(pg_triggers()):
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        op.execute("DROP FUNCTION IF EXISTS dtpl_guard_truncate()")
        op.execute("DROP FUNCTION IF EXISTS dtpl_guard_published()")
    op.drop_index("ix_book_resource_book_id_code", table_name="book_resource")
    for table in ("book_analysis", "book_resource"):
        op.drop_column(table, "version")  # in place (SQLite >= 3.35): the 0001 triggers stay
