"""Project file: data umum (programme and package) and signatory role id and NIP.

Revision ID: project_0006_data_umum
Revises: project_0006_jadwal
Create Date: 2026-11-30

Issue 9 points 3 and 5: the ``data_umum`` table holds the data umum as ``(key, value)``
text pairs, of the programme (``package_id`` NULL: ``bkm_ketua``, ``sign_place``,
``sign_date``) or of one package (``ksm_ketua``, ``rt``, ``rw``, ``latitude``, ``longitude``,
``kk``, ``jiwa``, ``kk_miskin``, ``perempuan``, ``kondisi``, ``masalah``, ``kpp_nama``,
``kpp_kegiatan``, ``kpp_dana``); numbers as ``str(int)`` / ``str(Decimal)``, an empty field
has no row. ``signatory.kind`` (the template's role id, "" = found from the position) and
``signatory.nip`` are new columns; an older file reads as "no data umum" and "no NIP".
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "project_0006_data_umum"
down_revision: str | Sequence[str] | None = "project_0006_jadwal"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("signatory", sa.Column("kind", sa.String(), nullable=False, server_default=""))
    op.add_column("signatory", sa.Column("nip", sa.String(), nullable=False, server_default=""))
    op.create_table(
        "data_umum",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("package_id", sa.Integer(), nullable=True),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["program_id"], ["program.id"],
                                name=op.f("fk_data_umum_program_id_program"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["package_id"], ["package.id"],
                                name=op.f("fk_data_umum_package_id_package"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_data_umum")),
        sa.UniqueConstraint("program_id", "package_id", "key",
                            name=op.f("uq_data_umum_program_id_package_id_key")),
    )


def downgrade() -> None:
    op.drop_table("data_umum")
    with op.batch_alter_table("signatory") as batch:
        batch.drop_column("nip")
        batch.drop_column("kind")
