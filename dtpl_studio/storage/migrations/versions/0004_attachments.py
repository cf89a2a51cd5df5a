"""Project file: attachments (drawings, maps, photos, scans) with their bytes and SHA-256.

Revision ID: project_0004_attachments
Revises: project_0003_blm_funding
Create Date: 2026-11-30

Issue 9 point 1: the ``attachment`` table holds each attached file inside the project (the
``.dtpl`` stays self-contained and can be emailed): its kind (``gambar``, ``peta``, ``foto``,
``scan``), title, sheet number, scale, original file name, media type, page count and first
page size, the SHA-256 of the bytes (hex) and the bytes themselves (BLOB), in print order
(``position``), for the whole program (``package_uid`` "") or one package (its model id).
An older file gets the empty table: no attachment.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "project_0004_attachments"
down_revision: str | Sequence[str] | None = "project_0003_blm_funding"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(), nullable=False),
        sa.Column("package_uid", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("sheet", sa.String(), nullable=False),
        sa.Column("scale", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("filename", sa.String(), nullable=False),
        sa.Column("media_type", sa.String(), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["program_id"], ["program.id"],
                                name=op.f("fk_attachment_program_id_program"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
        sa.UniqueConstraint("program_id", "position", name=op.f("uq_attachment_program_id_position")),
    )


def downgrade() -> None:
    op.drop_table("attachment")
