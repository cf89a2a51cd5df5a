"""Shared body of the ``*_audit_chain`` migrations (project file and price library).

Adds ``subject``, ``old_value``, ``new_value``, ``prev_hash`` and ``entry_hash`` to
``audit_log`` and chains the rows already there (oldest first, by id): a history written
before the chain existed is taken as found at the moment of the upgrade.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from dtpl_studio.audit import GENESIS, AuditEntry, hash_entry

COLUMNS = ("subject", "old_value", "new_value", "prev_hash", "entry_hash")


def upgrade() -> None:
    """Add the columns (in place, no table rebuild), then hash the existing rows."""
    for name in COLUMNS:
        op.add_column("audit_log", sa.Column(name, sa.String(), nullable=False, server_default=""))
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, at, who, action, detail FROM audit_log ORDER BY id")).fetchall()
    prev = GENESIS
    for row in rows:
        entry = AuditEntry(str(row.at), str(row.who), str(row.action), str(row.detail))
        digest = hash_entry(entry, prev)
        conn.execute(sa.text("UPDATE audit_log SET prev_hash = :p, entry_hash = :h WHERE id = :i"),
                     {"p": prev, "h": digest, "i": row.id})
        prev = digest


def downgrade() -> None:
    """Drop the columns (batch mode: SQLite rebuilds the table)."""
    with op.batch_alter_table("audit_log") as batch:
        for name in reversed(COLUMNS):
            batch.drop_column(name)
