"""Price library: the audit log becomes a hash chain with subject, old and new value.

Revision ID: library_0002_audit
Revises: library_0001
Create Date: 2026-11-30

Issue 5 (audit log): imports (``add``) and publications are appended with who and when in a
hash chain, so an edited history is detected. Existing rows are chained as found
(``migrations/audit_chain.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

from dtpl_studio.storage.migrations import audit_chain

revision: str = "library_0002_audit"
down_revision: str | Sequence[str] | None = "library_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    audit_chain.upgrade()


def downgrade() -> None:
    audit_chain.downgrade()
