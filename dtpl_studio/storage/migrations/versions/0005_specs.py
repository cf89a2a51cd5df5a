"""Project file: the project's specification texts and the clauses chosen per item/section.

Revision ID: project_0005_specs
Revises: project_0004_attachments
Create Date: 2026-11-30

Issue 9 point 2: ``spec_text`` holds the project's own copy of a specification clause (key,
title, keywords joined by ", ", the five parts), which wins over the shipped template
``templates/spesifikasi``; ``spec_link`` holds the clauses chosen for an item or section
(``node_uid`` = the model id, ``keys`` = keys joined by "," — "" = explicitly none). An older
file gets both tables empty: every item takes the template clauses by keyword, as before.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "project_0005_specs"
down_revision: str | Sequence[str] | None = "project_0004_attachments"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "spec_text",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("keywords", sa.String(), nullable=False),
        sa.Column("scope", sa.String(), nullable=False),
        sa.Column("materials", sa.String(), nullable=False),
        sa.Column("method", sa.String(), nullable=False),
        sa.Column("quality", sa.String(), nullable=False),
        sa.Column("measurement", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["program_id"], ["program.id"],
                                name=op.f("fk_spec_text_program_id_program"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_spec_text")),
        sa.UniqueConstraint("program_id", "position", name=op.f("uq_spec_text_program_id_position")),
    )
    op.create_table(
        "spec_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("node_uid", sa.String(), nullable=False),
        sa.Column("keys", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["program_id"], ["program.id"],
                                name=op.f("fk_spec_link_program_id_program"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_spec_link")),
        sa.UniqueConstraint("program_id", "position", name=op.f("uq_spec_link_program_id_position")),
    )


def downgrade() -> None:
    op.drop_table("spec_link")
    op.drop_table("spec_text")
