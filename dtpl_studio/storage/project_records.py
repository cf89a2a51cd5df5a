"""Typed ORM of the project file (``.dtpl``): one SQLite file, self-contained.

Tables (migrations in ``dtpl_studio/storage/migrations/versions``)::

    meta(key, value)                         format, schema_revision, app_version, created_at…
    audit_log(id, at, who, action, detail)   appended on every save, carried from save to save
    program(id, kelurahan, …, blm_allocation)              one row
      funding_rule(program_id, position, …, year)          the ceiling table of the program
      termin(program_id, position, percent, milestone, amount)   the BLM disbursement plan
      signatory(program_id, position, role, name, job_title, date, kind, nip)
      data_umum(program_id, package_id?, key, value)      data umum, NULL package = programme
      attachment(program_id, position, uid, package_uid, kind, …, sha256, data)   drawings, photos…
      spec_text(program_id, position, key, title, keywords, scope … measurement)  edited RKS
      spec_link(program_id, position, node_uid, keys)      RKS clauses chosen per item/section
      package(program_id, position, uid, …, book_id)       a paket kegiatan
        package_settings(package_id, volume_decimals, ppn_rate, total_rounding_*,
                         crew_size, work_days_per_week)
        package_parameter(package_id, position, name, value, unit, description)   P = 25 m
        book(…meta…, content_hash)  ← the pinned price book, shared if packages shared it
          book_resource / book_analysis / book_analysis_line
        section(package_id, parent_id → section, position, uid, title)   any depth
          item(section_id, position, uid, …, start_week, duration_weeks)
            item_funding(item_id, position, source, percent, amount)   funding split
            measurement(item_id, position, uid, description, sign, expression, link_uid)
              factor(measurement_id, position, label, value, unit)

Children of a section are sections *and* items; they share one ``position`` sequence so the
mixed order of :attr:`Section.children` survives. ``uid`` holds the model's stable ids
(``Item.id`` …) and is not unique on purpose (a copied package may repeat them; a save must
never fail on that).
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import ForeignKey, LargeBinary, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from dtpl_studio.storage.records import (
    TYPE_ANNOTATION_MAP,
    AnalysisColumns,
    AnalysisLineColumns,
    AuditColumns,
    BookMetaColumns,
    KeyValueColumns,
    ResourceColumns,
    new_metadata,
)


class ProjectBase(DeclarativeBase):
    """Declarative base of the project file schema (its own MetaData)."""

    metadata = new_metadata()
    type_annotation_map = TYPE_ANNOTATION_MAP


class MetaRecord(KeyValueColumns, ProjectBase):
    __tablename__ = "meta"


class AuditLogRecord(AuditColumns, ProjectBase):
    __tablename__ = "audit_log"


class ProgramRecord(ProjectBase):
    """The one :class:`~dtpl_studio.costing.rab.Program` of the file."""

    __tablename__ = "program"

    id: Mapped[int] = mapped_column(primary_key=True)
    kelurahan: Mapped[str] = mapped_column(default="")
    kecamatan: Mapped[str] = mapped_column(default="")
    kota: Mapped[str] = mapped_column(default="")
    provinsi: Mapped[str] = mapped_column(default="")
    program: Mapped[str] = mapped_column(default="")
    fiscal_year: Mapped[int | None]
    bkm: Mapped[str] = mapped_column(default="")
    blm_allocation: Mapped[Decimal | None]
    title: Mapped[str] = mapped_column(default="")
    swadaya_min_share: Mapped[Decimal | None]
    swadaya_rule_source: Mapped[str] = mapped_column(default="")

    rules: Mapped[list[FundingRuleRecord]] = relationship(
        order_by="FundingRuleRecord.position", cascade="all, delete-orphan", passive_deletes=True
    )
    signatories: Mapped[list[SignatoryRecord]] = relationship(
        order_by="SignatoryRecord.position", cascade="all, delete-orphan", passive_deletes=True
    )
    packages: Mapped[list[PackageRecord]] = relationship(
        order_by="PackageRecord.position", cascade="all, delete-orphan", passive_deletes=True
    )
    termins: Mapped[list[TerminRecord]] = relationship(
        order_by="TerminRecord.position", cascade="all, delete-orphan", passive_deletes=True
    )


class FundingRuleRecord(ProjectBase):
    """A :class:`~dtpl_studio.costing.funding.FundingRule` (ceiling) of the program."""

    __tablename__ = "funding_rule"
    __table_args__ = (UniqueConstraint("program_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id", ondelete="CASCADE"))
    position: Mapped[int]
    program: Mapped[str] = mapped_column(default="")
    component: Mapped[str]
    ceiling: Mapped[Decimal]
    source_ref: Mapped[str] = mapped_column(default="")
    note: Mapped[str] = mapped_column(default="")
    year: Mapped[int | None]


class TerminRecord(ProjectBase):
    """A :class:`~dtpl_studio.costing.funding.Termin` of the program's disbursement plan."""

    __tablename__ = "termin"
    __table_args__ = (UniqueConstraint("program_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id", ondelete="CASCADE"))
    position: Mapped[int]
    percent: Mapped[Decimal]
    milestone: Mapped[str] = mapped_column(default="")
    amount: Mapped[Decimal | None]


class SignatoryRecord(ProjectBase):
    """A :class:`~dtpl_studio.costing.rab.Signatory`; its ``position`` field is ``job_title``
    here because ``position`` is the order column in every table."""

    __tablename__ = "signatory"
    __table_args__ = (UniqueConstraint("program_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id", ondelete="CASCADE"))
    position: Mapped[int]
    role: Mapped[str] = mapped_column(default="")
    name: Mapped[str] = mapped_column(default="")
    job_title: Mapped[str] = mapped_column(default="")
    date: Mapped[str] = mapped_column(default="")
    kind: Mapped[str] = mapped_column(default="")
    nip: Mapped[str] = mapped_column(default="")


class DataUmumRecord(ProjectBase):
    """One field of the data umum (:mod:`dtpl_studio.costing.data_umum`) as text: of the
    programme (``package_id`` NULL) or of one package; an empty field has no row."""

    __tablename__ = "data_umum"
    __table_args__ = (UniqueConstraint("program_id", "package_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id", ondelete="CASCADE"))
    package_id: Mapped[int | None] = mapped_column(ForeignKey("package.id", ondelete="CASCADE"))
    key: Mapped[str]
    value: Mapped[str]


class AttachmentRecord(ProjectBase):
    """An :class:`~dtpl_studio.costing.attachments.Attachment` of the program: the file's
    bytes in ``data`` (BLOB) with their ``sha256`` (hex), checked when read.
    ``package_uid`` is the owning package's model id ("" = the whole program)."""

    __tablename__ = "attachment"
    __table_args__ = (UniqueConstraint("program_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id", ondelete="CASCADE"))
    position: Mapped[int]
    uid: Mapped[str] = mapped_column(default="")
    package_uid: Mapped[str] = mapped_column(default="")
    kind: Mapped[str]
    title: Mapped[str] = mapped_column(default="")
    sheet: Mapped[str] = mapped_column(default="")
    scale: Mapped[str] = mapped_column(default="")
    note: Mapped[str] = mapped_column(default="")
    filename: Mapped[str] = mapped_column(default="")
    media_type: Mapped[str]
    pages: Mapped[int] = mapped_column(default=1)
    width: Mapped[int] = mapped_column(default=0)
    height: Mapped[int] = mapped_column(default=0)
    sha256: Mapped[str]
    data: Mapped[bytes] = mapped_column(LargeBinary)


class SpecTextRecord(ProjectBase):
    """The project's own text of a :class:`~dtpl_studio.costing.specs.SpecClause`
    (``keywords`` joined by ", ")."""

    __tablename__ = "spec_text"
    __table_args__ = (UniqueConstraint("program_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id", ondelete="CASCADE"))
    position: Mapped[int]
    key: Mapped[str]
    title: Mapped[str] = mapped_column(default="")
    keywords: Mapped[str] = mapped_column(default="")
    scope: Mapped[str] = mapped_column(default="")
    materials: Mapped[str] = mapped_column(default="")
    method: Mapped[str] = mapped_column(default="")
    quality: Mapped[str] = mapped_column(default="")
    measurement: Mapped[str] = mapped_column(default="")


class SpecLinkRecord(ProjectBase):
    """The clauses chosen for an item or section: ``keys`` joined by "," ("" = none)."""

    __tablename__ = "spec_link"
    __table_args__ = (UniqueConstraint("program_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id", ondelete="CASCADE"))
    position: Mapped[int]
    node_uid: Mapped[str]
    keys: Mapped[str] = mapped_column(default="")


class BookRecord(BookMetaColumns, ProjectBase):
    """A pinned price book (meta + ``content_hash`` recorded at save time)."""

    __tablename__ = "book"

    resources: Mapped[list[BookResourceRecord]] = relationship(
        order_by="BookResourceRecord.position", cascade="all, delete-orphan", passive_deletes=True
    )
    analyses: Mapped[list[BookAnalysisRecord]] = relationship(
        order_by="BookAnalysisRecord.position", cascade="all, delete-orphan", passive_deletes=True
    )


class BookResourceRecord(ResourceColumns, ProjectBase):
    __tablename__ = "book_resource"


class BookAnalysisRecord(AnalysisColumns, ProjectBase):
    __tablename__ = "book_analysis"

    lines: Mapped[list[BookAnalysisLineRecord]] = relationship(
        order_by="BookAnalysisLineRecord.position", cascade="all, delete-orphan", passive_deletes=True
    )


class BookAnalysisLineRecord(AnalysisLineColumns, ProjectBase):
    __tablename__ = "book_analysis_line"


class PackageRecord(ProjectBase):
    """A :class:`~dtpl_studio.costing.rab.Package`; ``book_id`` names its pinned book."""

    __tablename__ = "package"
    __table_args__ = (UniqueConstraint("program_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id", ondelete="CASCADE"))
    position: Mapped[int]
    uid: Mapped[str] = mapped_column(default="")
    name: Mapped[str] = mapped_column(default="")
    component: Mapped[str]
    ksm: Mapped[str] = mapped_column(default="")
    location: Mapped[str] = mapped_column(default="")
    description: Mapped[str] = mapped_column(default="")
    price_basis_note: Mapped[str] = mapped_column(default="")
    book_id: Mapped[int] = mapped_column(ForeignKey("book.id", ondelete="RESTRICT"), index=True)

    book: Mapped[BookRecord] = relationship()
    settings: Mapped[PackageSettingsRecord] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, uselist=False
    )


class PackageSettingsRecord(ProjectBase):
    """:class:`~dtpl_studio.costing.rab.PackageSettings` of one package (1:1)."""

    __tablename__ = "package_settings"

    package_id: Mapped[int] = mapped_column(
        ForeignKey("package.id", ondelete="CASCADE"), primary_key=True
    )
    volume_decimals: Mapped[int]
    ppn_rate: Mapped[Decimal]
    ppn_label: Mapped[str] = mapped_column(default="PPN")
    total_rounding_step: Mapped[Decimal]
    total_rounding_mode: Mapped[str]
    crew_size: Mapped[int] = mapped_column(default=10, server_default="10")
    work_days_per_week: Mapped[int] = mapped_column(default=6, server_default="6")


class PackageParameterRecord(ProjectBase):
    """A :class:`~dtpl_studio.costing.expressions.Parameter` of a package (``P = 25 m``)."""

    __tablename__ = "package_parameter"
    __table_args__ = (UniqueConstraint("package_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[int] = mapped_column(ForeignKey("package.id", ondelete="CASCADE"))
    position: Mapped[int]
    name: Mapped[str]
    value: Mapped[Decimal]
    unit: Mapped[str] = mapped_column(default="")
    description: Mapped[str] = mapped_column(default="")


class SectionRecord(ProjectBase):
    """A :class:`~dtpl_studio.costing.rab.Section`; ``parent_id`` NULL = a top division."""

    __tablename__ = "section"

    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[int] = mapped_column(ForeignKey("package.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("section.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    uid: Mapped[str] = mapped_column(default="")
    title: Mapped[str] = mapped_column(default="")
    funding: Mapped[str | None]
    kind: Mapped[str] = mapped_column(default="")

    package: Mapped[PackageRecord] = relationship()
    parent: Mapped[SectionRecord | None] = relationship(remote_side=[id])


class ItemRecord(ProjectBase):
    """An :class:`~dtpl_studio.costing.rab.Item` inside a section."""

    __tablename__ = "item"

    id: Mapped[int] = mapped_column(primary_key=True)
    section_id: Mapped[int] = mapped_column(ForeignKey("section.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    uid: Mapped[str] = mapped_column(default="")
    description: Mapped[str] = mapped_column(default="")
    unit: Mapped[str] = mapped_column(default="")
    analysis_code: Mapped[str | None]
    custom_rate: Mapped[Decimal | None]
    custom_reason: Mapped[str] = mapped_column(default="")
    #: where a custom rate comes from (project_0009_item_source)
    custom_source: Mapped[str] = mapped_column(default="")
    volume: Mapped[Decimal]
    funding: Mapped[str]
    rate_override: Mapped[Decimal | None]
    override_reason: Mapped[str] = mapped_column(default="")
    note: Mapped[str] = mapped_column(default="")
    start_week: Mapped[int | None]
    duration_weeks: Mapped[int | None]

    section: Mapped[SectionRecord] = relationship()
    measurements: Mapped[list[MeasurementRecord]] = relationship(
        order_by="MeasurementRecord.position", cascade="all, delete-orphan", passive_deletes=True
    )
    shares: Mapped[list[ItemFundingRecord]] = relationship(
        order_by="ItemFundingRecord.position", cascade="all, delete-orphan", passive_deletes=True
    )


class ItemFundingRecord(ProjectBase):
    """A :class:`~dtpl_studio.costing.funding.FundingShare` of an item."""

    __tablename__ = "item_funding"
    __table_args__ = (UniqueConstraint("item_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id", ondelete="CASCADE"))
    position: Mapped[int]
    source: Mapped[str]
    percent: Mapped[Decimal | None]
    amount: Mapped[Decimal | None]


class MeasurementRecord(ProjectBase):
    """A :class:`~dtpl_studio.costing.rab.Measurement` line (``sign`` −1 = deduction)."""

    __tablename__ = "measurement"
    __table_args__ = (UniqueConstraint("item_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("item.id", ondelete="CASCADE"))
    position: Mapped[int]
    uid: Mapped[str] = mapped_column(default="")
    description: Mapped[str] = mapped_column(default="")
    sign: Mapped[int] = mapped_column(default=1)
    #: an expression with the package's parameters ("" = the factors are the line)
    expression: Mapped[str] = mapped_column(default="", server_default="")
    #: uid of the item of the same package whose volume the line takes (NULL = none)
    link_uid: Mapped[str | None]

    factors: Mapped[list[FactorRecord]] = relationship(
        order_by="FactorRecord.position", cascade="all, delete-orphan", passive_deletes=True
    )


class FactorRecord(ProjectBase):
    """A :class:`~dtpl_studio.costing.rab.Factor` of a measurement line."""

    __tablename__ = "factor"
    __table_args__ = (UniqueConstraint("measurement_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    measurement_id: Mapped[int] = mapped_column(ForeignKey("measurement.id", ondelete="CASCADE"))
    position: Mapped[int]
    label: Mapped[str] = mapped_column(default="")
    value: Mapped[Decimal]
    unit: Mapped[str] = mapped_column(default="")


__all__ = [
    "AttachmentRecord", "AuditLogRecord", "BookAnalysisLineRecord", "BookAnalysisRecord", "BookRecord",
    "BookResourceRecord", "FactorRecord", "FundingRuleRecord", "ItemFundingRecord", "ItemRecord", "MeasurementRecord",
    "DataUmumRecord", "MetaRecord", "PackageParameterRecord", "PackageRecord", "PackageSettingsRecord", "ProgramRecord", "ProjectBase",
    "SectionRecord", "SignatoryRecord", "SpecLinkRecord", "SpecTextRecord", "TerminRecord",
]
