"""Daftar harga satuan dasar: the wages, materials and equipment rates the analyses use,
from each package's pinned book, with the book's provenance (DOMAIN.md §4.4 item 11,
DESIGN.md §4 ``PriceBook``). A missing provenance field prints as "tidak diketahui"."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table

from dtpl_studio.costing.formatting import format_percent
from dtpl_studio.costing.pricebook import ResourceKind
from dtpl_studio.reporting import labels as L
from dtpl_studio.reporting.common import BuildContext, esc, money
from dtpl_studio.reporting.sections.books import BookUse, book_uses
from dtpl_studio.reporting.styles import HEADER_BG, grid_style, widths

#: No | Kode | Uraian | Satuan | Harga Satuan | Sumber (mm).
PRICE_WIDTHS = (9, 16, 62, 16, 27, 45)


def build_price_lists(ctx: BuildContext) -> list[Flowable]:
    """The chapter: per distinct book, its provenance and the used prices by kind."""
    title = L.SECTION_PRICES
    story: list[Flowable] = [PageBreak(), ctx.heading(title, 0, section=title)]
    uses = book_uses(ctx.priced)
    if not uses:
        story.append(ctx.p("Tidak ada harga satuan dasar yang dipakai: RAB hanya memuat harga "
                           "khusus."))
        return story
    for i, use in enumerate(uses):
        ctx.check_cancel()
        if i:
            story.append(PageBreak())
        story.append(ctx.heading(f"Buku harga: {use.label}", 1,
                                 section=f"Harga satuan dasar · {use.label}"))
        story.append(_provenance(ctx, use))
        story.append(Spacer(1, 4))
        for kind in ResourceKind:
            keys = [k for k in use.resources if use.book.resources[k].kind is kind]
            if keys:
                story += _kind_table(ctx, use, kind, keys)
        n_book = len(use.book.resources)
        story.append(Paragraph(
            f"Dicantumkan {len(use.resources)} dari {n_book} harga dalam buku: hanya harga "
            "yang dipakai oleh analisa dalam dokumen ini.", ctx.styles.note))
    return story


def _provenance(ctx: BuildContext, use: BookUse) -> Table:
    s = ctx.styles
    meta = use.book.meta

    def known(value: object) -> str:
        return str(value) if value not in (None, "") else L.UNKNOWN

    region = ", ".join(p for p in (meta.region, meta.province) if p)
    rows = [
        ("Judul", known(meta.title)),
        ("Jenis", L.BOOK_KIND.get(meta.kind, str(meta.kind))),
        ("Wilayah", known(region)),
        ("Tahun", known(meta.year)),
        ("Edisi", known(meta.edition)),
        ("Dasar hukum", known(meta.legal_ref)),
        ("Tanggal berlaku", known(meta.effective_date)),
        ("Berkas sumber", known(meta.source_file)),
        ("SHA-256 berkas sumber", known(meta.source_sha256)),
        ("Status buku", L.BOOK_STATUS.get(meta.status, known(meta.status))),
        ("Kode isi buku (SHA-256)", use.book.content_hash()),
        ("Pembulatan harga satuan", meta.rate_rounding.describe()),
        ("Biaya umum dan keuntungan", f"{format_percent(meta.default_overhead_pct)} "
                                      "(bawaan; analisa dapat menetapkan lain)"),
        ("Dipakai oleh", "; ".join(f"Paket {n}: {pp.package.name}" for n, pp in use.packages)),
    ]
    if meta.note:
        rows.append(("Catatan", meta.note))
    data = [[Paragraph(esc(k), s.cell), Paragraph(esc(v), s.cell)] for k, v in rows]
    table = Table(data, colWidths=widths(45, 130))
    table.setStyle(grid_style(header_rows=0, extra=[("BACKGROUND", (0, 0), (0, -1), HEADER_BG)]))
    return table


def _kind_table(ctx: BuildContext, use: BookUse, kind: ResourceKind,
                keys: list[str]) -> list[Flowable]:
    s = ctx.styles
    data: list[list] = [[Paragraph(h, s.cell_head) for h in L.PRICE_COLUMNS]]
    for i, key in enumerate(keys, start=1):
        r = use.book.resources[key]
        data.append([str(i), Paragraph(esc(r.code or "–"), s.cell), Paragraph(esc(r.name), s.cell),
                     r.unit, money(r.price), Paragraph(esc(r.source_ref or "–"), s.cell_note)])
    table = Table(data, colWidths=widths(*PRICE_WIDTHS), repeatRows=1, splitByRow=1)
    table.setStyle(grid_style(extra=[
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (3, 1), (3, -1), "CENTER"),
        ("ALIGN", (4, 1), (4, -1), "RIGHT"),
    ]))
    heading = ctx.heading(L.RESOURCE_KIND[kind], 2, in_toc=False, style=s.h3)
    return [heading, table]  # the heading keeps with the table (keepWithNext)
