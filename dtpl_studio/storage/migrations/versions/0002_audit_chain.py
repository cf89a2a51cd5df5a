"""Project file: the audit log becomes a hash chain with subject, old and new value.

Revision ID: project_0002_audit
Revises: project_0001
Create Date: 2026-11-30

Issue 5 (audit log): every price edit, override and re-price is appended with who, when,
old and new value; each entry holds the hash of the previous one, so an edited history is
detected on open. Existing rows are chained as found (``migrations/audit_chain.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

from dtpl_studio.storage.migrations import audit_chain

revision: str = "project_0002_audit"
down_revision: str | Sequence[str] | None = "project_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    audit_chain.upgrade()


def downgrade() -> None:
    audit_chain.downgrade()
