"""Daftar harga satuan dasar: the wages, materials and equipment rates the analyses use,
from each package's pinned book, with the book's provenance (DOMAIN.md §4.4 item 11,
DESIGN.md §4 ``PriceBook``). A missing provenance field prints as "tidak diketahui"."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Spacer, Table

from dtpl_studio.costing.pricebook import ResourceKind
from dtpl_studio.reporting import labels as L
from dtpl_studio.reporting.common import (
    BuildContext,
    ChapterBreak,
    Paragraph,
    esc,
    money,
    percent,
    plain,
)
from dtpl_studio.reporting.longtable import text_table
from dtpl_studio.reporting.sections.books import BookUse, book_uses
from dtpl_studio.reporting.styles import HEADER_BG, grid_style, widths

#: No | Kode | Uraian | Satuan | Harga Satuan | Sumber (mm).
PRICE_WIDTHS = (9, 16, 62, 16, 27, 45)


def build_price_lists(ctx: BuildContext) -> list[Flowable]:
    """The chapter: per distinct book, its provenance and the used prices by kind."""
    title = ctx.template.title("prices")
    story: list[Flowable] = [ChapterBreak(), ctx.heading(title, 0, section=title)]
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
        story.append(Paragraph(esc(_count_note(use)), ctx.styles.note))
    return story


def _count_note(use: BookUse) -> str:
    """``19 harga satuan dasar yang dipakai analisa Paket 2.`` — the count of base prices the
    package's analyses use (a project's pinned book holds only those, so no "dari N")."""
    users = [where for code in use.codes for where in use.usage.get(code, {})
             if where.startswith("Paket")]
    users = sorted(set(users), key=lambda w: int(w.split()[1]))
    names = users[0] if len(users) == 1 else ", ".join(users[:-1]) + " dan " + users[-1]
    return f"Dicantumkan {len(use.resources)} harga satuan dasar yang dipakai analisa {names}."


def _provenance(ctx: BuildContext, use: BookUse) -> Flowable:
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
        ("Kode isi buku (SHA-256)", "; ".join(
            f"Paket {n}: {pp.package.book.content_hash()}" for n, pp in use.packages)
            if len(use.packages) > 1 else use.packages[0][1].package.book.content_hash()),
        ("Pembulatan harga satuan", meta.rate_rounding.describe()),
        ("Biaya umum dan keuntungan", f"{percent(meta.default_overhead_pct)} "
                                      "(bawaan; analisa dapat menetapkan lain)"),
        ("Dipakai oleh", "; ".join(f"Paket {n}: {pp.package.name}" for n, pp in use.packages)),
    ]
    origin = L.book_origin(meta.verification, meta.signer)
    if origin:
        rows.insert(0, ("Asal edisi", origin))
    if meta.note:
        rows.append(("Catatan", meta.note))
    return text_table([list(r) for r in rows], widths(45, 130),
                      grid_style(header_rows=0, extra=[("BACKGROUND", (0, 0), (0, -1),
                                                        HEADER_BG)]))


def _kind_table(ctx: BuildContext, use: BookUse, kind: ResourceKind,
                keys: list[str]) -> list[Flowable]:
    """One table per resource kind; the Kode column is left out when no price the
    document uses has a code of its own in the book (it would be a column of dashes)."""
    s = ctx.styles
    with_code = any(use.book.resources[k].code for k in use.resources)
    columns = L.PRICE_COLUMNS if with_code else tuple(c for c in L.PRICE_COLUMNS if c != "Kode")
    data: list[list] = [[Paragraph(h, s.cell_head) for h in columns]]
    for i, key in enumerate(keys, start=1):
        r = use.book.resources[key]
        code = [Paragraph(esc(r.code or "–"), s.cell)] if with_code else []
        data.append([str(i), *code, Paragraph(esc(r.name), s.cell), plain(r.unit),
                     money(r.price), Paragraph(esc(r.source_ref or "–"), s.cell_note)])
    col_widths = PRICE_WIDTHS if with_code else (
        PRICE_WIDTHS[0], PRICE_WIDTHS[1] + PRICE_WIDTHS[2], *PRICE_WIDTHS[3:])
    unit_col = 3 if with_code else 2
    table = Table(data, colWidths=widths(*col_widths), repeatRows=1, splitByRow=1)
    table.setStyle(grid_style(extra=[
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (unit_col, 1), (unit_col, -1), "CENTER"),
        ("ALIGN", (unit_col + 1, 1), (unit_col + 1, -1), "RIGHT"),
    ]))
    heading = ctx.heading(L.RESOURCE_KIND[kind], 2, in_toc=False, style=s.h3)
    return [heading, table]  # the heading keeps with the table (keepWithNext)
