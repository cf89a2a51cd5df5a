"""Helpers of the xlsx export tests: generated small programmes and the comparison of a
workbook's (recomputed) figures with the app's.

``figures(priced, xmap)`` lists every figure the export must reproduce as
``(what, cell reference, app value)``: each item's volume, rate and amount, each subtotal,
the rekap (JUMLAH, PPN, TOTAL, DIBULATKAN) and each analysis rate.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st
from openpyxl import Workbook

from dtpl_studio.costing.funding import Component
from dtpl_studio.costing.money import RoundingMode, RoundingRule
from dtpl_studio.costing.pricebook import (
    Analysis,
    AnalysisLine,
    LineKind,
    PriceBook,
    PriceBookMeta,
    Resource,
    ResourceKind,
)
from dtpl_studio.costing.rab import (
    Factor,
    Item,
    Measurement,
    Package,
    PackageSettings,
    PricedProgram,
    PricedSection,
    Program,
    Section,
)
from dtpl_studio.spreadsheets.formula import ExcelEmulator, Grid
from dtpl_studio.spreadsheets.rab_export import ExportMap


def split_ref(reference: str) -> tuple[str, str]:
    """``'RAB 1'!F12`` → ``("RAB 1", "F12")``."""
    sheet, cell = reference.rsplit("!", 1)
    return sheet.strip("'"), cell


def figures(priced: PricedProgram, xmap: ExportMap) -> list[tuple[str, str, Decimal]]:
    out: list[tuple[str, str, Decimal]] = []
    for i, pp in enumerate(priced.packages, start=1):
        for pi in pp.items():
            cells = xmap.items.get((i, pi.item.id))
            if cells is None:
                assert pi.error, f"item {pi.number} is not in the workbook"
                continue
            out += [(f"{i}:{pi.number} volume", cells["volume"], pi.volume),
                    (f"{i}:{pi.number} rate", cells["rate"], pi.rate),
                    (f"{i}:{pi.number} amount", cells["amount"], pi.amount)]

        def walk(ps: PricedSection, i=i, out=out):
            out.append((f"{i}:{ps.number} subtotal", xmap.subtotals[(i, ps.section.id)], ps.total))
            for child in ps.children:
                if isinstance(child, PricedSection):
                    walk(child, i, out)

        for ps in pp.sections:
            walk(ps)
        rekap = xmap.rekap[i]
        out += [(f"{i}:JUMLAH", rekap["jumlah"], pp.direct), (f"{i}:PPN", rekap["ppn"], pp.ppn),
                (f"{i}:TOTAL", rekap["total"], pp.total), (f"{i}:DIBULATKAN", rekap["dibulatkan"], pp.rounded)]
        book = xmap.package_books[i]
        for code in pp.package.book.analyses:
            if (book, code) in xmap.rates:
                out.append((f"{i}:rate {code}", xmap.rates[(book, code)], pp.package.book.compute(code).f))
    return out


def grid_of(wb: Workbook) -> Grid:
    """The workbook's cells as an emulator :class:`Grid` (no cached values)."""
    grid = Grid()
    for ws in wb.worksheets:
        cells = grid.raw.setdefault(ws.title, {})
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    cells[(c.row, c.column)] = c.value
    return grid


def evaluate(wb: Workbook, reference: str, mode: str = "exact", emulator: ExcelEmulator | None = None):
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    emulator = emulator or ExcelEmulator(grid_of(wb), mode)
    sheet, cell = split_ref(reference)
    col, row = coordinate_from_string(cell)
    return emulator.value(sheet, row, column_index_from_string(col))


# -- generated small programmes ----------------------------------------------------------

money = st.decimals(min_value=Decimal("0.01"), max_value=Decimal(2_000_000), places=2)
coefficients = st.decimals(min_value=Decimal("0.0001"), max_value=Decimal(5), places=4)
rules = st.builds(RoundingRule, st.sampled_from([Decimal(0), Decimal(1), Decimal(10), Decimal(100),
                                                 Decimal(500), Decimal(1000)]),
                  st.sampled_from(list(RoundingMode)))


@st.composite
def books(draw) -> PriceBook:
    book = PriceBook(PriceBookMeta(edition="uji", rate_rounding=draw(rules),
                                   default_overhead_pct=draw(st.sampled_from([Decimal("0.10"), Decimal("0.15")]))))
    kinds = [ResourceKind.LABOUR, ResourceKind.MATERIAL, ResourceKind.EQUIPMENT]
    units = {ResourceKind.LABOUR: "OH", ResourceKind.MATERIAL: "kg", ResourceKind.EQUIPMENT: "hari"}
    for k in range(draw(st.integers(3, 6))):
        kind = kinds[k % 3]
        book.add_resource(Resource(f"r{k}", f"Sumber {k}", kind, units[kind], draw(money)))
    for n in range(draw(st.integers(1, 4))):
        lines = []
        for key in draw(st.lists(st.sampled_from(sorted(book.resources)), min_size=1, max_size=4, unique=True)):
            res = book.resources[key]
            unit = res.unit
            if res.unit == "kg" and draw(st.booleans()):
                unit = draw(st.sampled_from(["ton", "gram"]))  # a converted line: price × 1000 / 0,001
            lines.append(AnalysisLine(LineKind(res.kind.value), key, draw(coefficients), unit=unit))
        if n > 0 and draw(st.booleans()):
            lines.append(AnalysisLine(LineKind.SUB_ANALYSIS, f"A.{n - 1}", draw(coefficients),
                                      group=draw(st.sampled_from(kinds))))
        if draw(st.booleans()):
            lines.append(AnalysisLine(LineKind.PCT_OF_MATERIAL, "", draw(st.sampled_from(
                [Decimal("0.05"), Decimal("0.015")]))))
        if draw(st.booleans()):
            lines.append(AnalysisLine(LineKind.MATERIAL, "manual", Decimal(1), unit="ls",
                                      description="harga tangan", price_override=draw(money)))
        book.put_analysis(Analysis(
            f"A.{n}", f"Analisa {n}", "m3", lines,
            overhead_pct=draw(st.sampled_from([None, Decimal("0.12")])),
            rate_rounding=draw(st.one_of(st.none(), rules))))
    return book


@st.composite
def items(draw, book: PriceBook) -> Item:
    kind = draw(st.sampled_from(["analysis", "custom", "override"]))
    code = draw(st.sampled_from(sorted(book.analyses)))
    item = Item(f"Pekerjaan {kind}", "m3")
    if kind == "custom":
        item.custom_rate, item.custom_reason = draw(money), "survei 3 toko"
    else:
        item.analysis_code = code
        if kind == "override":
            item.rate_override, item.override_reason = draw(money), "koreksi reviewer"
    if draw(st.booleans()):
        item.volume = draw(st.decimals(min_value=Decimal(0), max_value=Decimal(5000), places=3))
    else:
        plus = [Measurement("panjang × lebar × tinggi", [
            Factor("n", Decimal(draw(st.integers(1, 4)))),
            Factor("p", draw(st.decimals(min_value=Decimal(1), max_value=Decimal(200), places=2)), "m"),
            Factor("l", draw(st.decimals(min_value=Decimal("0.1"), max_value=Decimal(5), places=2)), "m"),
            Factor("t", draw(st.decimals(min_value=Decimal(1), max_value=Decimal(60), places=1)), "cm"),
        ])]
        if draw(st.booleans()):  # a deduction smaller than the line above
            plus.append(Measurement("dikurangi bukaan", [
                Factor("p", Decimal("0.8"), "m"), Factor("l", Decimal("0.5"), "m"), Factor("t", Decimal("0.3"), "m")],
                sign=-1))
        item.measurements = plus
    return item


@st.composite
def sections(draw, book: PriceBook, depth: int = 0) -> Section:
    section = Section(f"Divisi {depth}")
    for _ in range(draw(st.integers(1, 3))):
        if depth < 2 and draw(st.integers(0, 3)) == 0:
            section.children.append(draw(sections(book, depth + 1)))
        else:
            section.children.append(draw(items(book)))
    return section


@st.composite
def programs(draw) -> Program:
    packages = []
    for k in range(draw(st.integers(1, 2))):
        book = draw(books())
        settings = PackageSettings(
            volume_decimals=draw(st.integers(0, 3)),
            ppn_rate=draw(st.sampled_from([Decimal(0), Decimal("0.11"), Decimal("0.12")])),
            total_rounding=draw(st.builds(RoundingRule, st.sampled_from(
                [Decimal(0), Decimal(1), Decimal(1000), Decimal(5000)]), st.sampled_from(list(RoundingMode)))))
        packages.append(Package(f"Paket {k}", Component.FISIK, book,
                                [draw(sections(book)) for _ in range(draw(st.integers(1, 3)))], settings=settings))
    return Program("Uji", packages=packages)
