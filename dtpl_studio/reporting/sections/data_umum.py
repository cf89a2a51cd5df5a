"""Data Umum (issue 9 point 3; DOMAIN.md §4.4 items 4 and 16): the area and institutions of
the programme, then per package its institution, location, beneficiaries, existing condition
and problem, and the operation and maintenance plan (KPP), as two-column tables.

Every field is printed; an empty one prints "–". The required fields that are empty are
listed after the tables as warnings (:func:`~dtpl_studio.costing.data_umum.data_umum_findings`),
which do not change the verdict.
"""

from __future__ import annotations

from decimal import Decimal

from reportlab.platypus import Flowable, PageBreak, Spacer

from dtpl_studio.costing.data_umum import LABELS, data_umum_findings
from dtpl_studio.costing.formatting import format_number
from dtpl_studio.costing.rab import Package, Program
from dtpl_studio.reporting import labels as L
from dtpl_studio.reporting.common import BuildContext, Paragraph, esc
from dtpl_studio.reporting.fonts import FAMILY
from dtpl_studio.reporting.longtable import text_table
from dtpl_studio.reporting.styles import DIVISION_BG, HEADER_BG, grid_style, widths

EMPTY = "–"
#: Column widths (mm): label | value.
WIDTHS = (52, 123)


def _text(value: object) -> str:
    if value is None:
        return EMPTY
    text = str(value).strip()
    return text or EMPTY


def _count(value: int | None, unit: str) -> str:
    return EMPTY if value is None else f"{format_number(Decimal(value))} {unit}"


def _degrees(value: Decimal | None, positive: str, negative: str) -> str:
    if value is None:
        return EMPTY
    hemisphere = positive if value >= 0 else negative
    return f"{format_number(abs(value))}° {hemisphere}"


def coordinates(pkg: Package) -> str:
    """``7,0123° LS, 110,4187° BT`` (– for a missing half)."""
    d = pkg.data
    if d.latitude is None and d.longitude is None:
        return EMPTY
    return f"{_degrees(d.latitude, 'LU', 'LS')}, {_degrees(d.longitude, 'BT', 'BB')}"


def rt_rw(pkg: Package) -> str:
    d = pkg.data
    if not d.rt.strip() and not d.rw.strip():
        return EMPTY
    return f"RT {_text(d.rt)} / RW {_text(d.rw)}"


def program_rows(program: Program) -> list[tuple[str, str]]:
    """``(label, value)`` rows of the programme's area and institutions."""
    year = str(program.fiscal_year) if program.fiscal_year else EMPTY
    return [
        ("Program", L.PROGRAM_NAMES.get(program.program, program.program) or EMPTY),
        ("Tahun anggaran", year),
        (LABELS["kelurahan"], _text(program.kelurahan)),
        (LABELS["kecamatan"], _text(program.kecamatan)),
        (LABELS["kota"], _text(program.kota)),
        (LABELS["provinsi"], _text(program.provinsi)),
        (LABELS["bkm"], _text(program.bkm)),
        (LABELS["bkm_ketua"], _text(program.data.bkm_ketua)),
    ]


def package_groups(pkg: Package) -> list[tuple[str, list[tuple[str, str]]]]:
    """``(group title, rows)`` of one package's data umum."""
    d = pkg.data
    return [
        ("Kelembagaan", [(LABELS["ksm"], _text(pkg.ksm)), (LABELS["ksm_ketua"], _text(d.ksm_ketua))]),
        ("Lokasi", [(LABELS["location"], _text(pkg.location)), ("RT/RW", rt_rw(pkg)),
                    ("Koordinat", coordinates(pkg))]),
        ("Penerima manfaat", [(LABELS["kk"], _count(d.kk, "KK")),
                              (LABELS["jiwa"], _count(d.jiwa, "jiwa")),
                              (LABELS["kk_miskin"], _count(d.kk_miskin, "KK")),
                              (LABELS["perempuan"], _count(d.perempuan, "jiwa"))]),
        ("Kondisi dan permasalahan", [(LABELS["kondisi"], _text(d.kondisi)),
                                      (LABELS["masalah"], _text(d.masalah))]),
        ("Rencana operasi dan pemeliharaan (KPP)", [(LABELS["kpp_nama"], _text(d.kpp_nama)),
                                                   (LABELS["kpp_kegiatan"], _text(d.kpp_kegiatan)),
                                                   (LABELS["kpp_dana"], _text(d.kpp_dana))]),
    ]


def _table(rows: list[list], group_rows: set[int]) -> Flowable:
    row_styles = {i: [("SPAN", (0, 0), (1, 0)), ("BACKGROUND", (0, 0), (1, 0), DIVISION_BG)]
                  for i in group_rows}
    cells: list[list] = []
    for i, row in enumerate(rows):
        if i in group_rows:
            cells.append([(row[0], FAMILY.bold), ""])
        else:
            cells.append(row)
    return text_table(cells, widths(*WIDTHS),
                      grid_style(header_rows=0, extra=[("BACKGROUND", (0, 0), (0, -1), HEADER_BG)]),
                      size=8.5, row_styles=row_styles)


def build_data_umum(ctx: BuildContext) -> list[Flowable]:
    """New page, the DATA UMUM heading, the programme table, a table per package, and the
    warnings listing empty required fields."""
    s = ctx.styles
    program = ctx.priced.program
    title = ctx.template.title("data_umum")
    story: list[Flowable] = [PageBreak(), ctx.heading(title.upper(), 0, section=title)]
    sub = "Wilayah dan kelembagaan"
    # sub-headings stay out of the Daftar isi (it lists the section once, kept short)
    story += [ctx.heading(f"A. {sub}", 1, in_toc=False, section=f"{title} · {sub}"),
              _table([list(r) for r in program_rows(program)], set()), Spacer(1, 6)]
    for number, pp in enumerate(ctx.priced.packages, start=1):
        pkg = pp.package
        head = f"{_letter(number)}. {pkg.name} (paket {number})"
        rows: list[list] = []
        groups: set[int] = set()
        for group, items in package_groups(pkg):
            groups.add(len(rows))
            rows.append([group, ""])
            rows += [list(r) for r in items]
        story += [ctx.heading(head, 1, in_toc=False, section=f"{title} · Paket {number}"),
                  _table(rows, groups), Spacer(1, 6)]
    findings = data_umum_findings(program)
    if findings:
        story.append(ctx.heading("Catatan kelengkapan", 2, in_toc=False, style=s.h3))
        for f in findings:
            where = f"{f.location}: " if f.location else ""
            story.append(Paragraph(f"<b>Peringatan</b> – {esc(where + f.message)}", s.note))
    return story


def _letter(n: int) -> str:
    """B, C, … for packages 1, 2, … (A is the programme)."""
    out = ""
    n += 1
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(ord("A") + r) + out
    return out
