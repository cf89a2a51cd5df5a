"""A large synthetic PLP-BK programme for the PDF benchmark (``make bench``) and the
scaling tests: ``items`` RAB lines priced with up to ``analyses`` distinct analyses of the
shipped AHSP Cipta Karya 2023 book, each line with two or three measurement lines.

Built by code from the book (like the demo), deterministic for the same arguments: item
``i`` uses the ``i mod analyses``-th computable analysis, its measurement factors follow the
analysis unit (``m3`` → p × l × t, ``m2`` → p × l, ``m``/``m'`` → p, else n × q).
"""

from __future__ import annotations

from decimal import Decimal

from dtpl_studio.costing.pricebook import PriceBook, PriceBookError
from dtpl_studio.costing.rab import Factor, Item, Measurement, Package, Program, Section
from dtpl_studio.costing.units import UnitMismatchError, UnknownUnitError, convert_quantity
from dtpl_studio.services.demo import build_demo_program

D = Decimal
ITEMS_PER_SECTION = 12
SECTIONS_PER_DIVISION = 5


def _usable_codes(book: PriceBook, limit: int) -> list[str]:
    codes = []
    for code, analysis in book.analyses.items():
        try:
            book.compute(code)
        except (KeyError, PriceBookError):
            continue
        if not analysis.unit:
            continue
        codes.append(code)
        if len(codes) >= limit:
            break
    return codes


def _measurements(unit: str, i: int) -> list[Measurement]:
    p = D(10 + i % 37) + D("0.5")
    shapes = {
        "m3": [("p", p, "m"), ("l", D("1.20"), "m"), ("t", D(10 + i % 5), "cm")],
        "m2": [("p", p, "m"), ("l", D("2.50"), "m")],
        "m": [("p", p, "m")],
    }
    lines = []
    for j, label in enumerate(("Ruas RT 01/RW 05", "Ruas RT 02/RW 05", "Bak kontrol")):
        for factors in shapes.values():
            try:
                convert_quantity(Measurement("", [Factor(lbl, v, u) for lbl, v, u in factors])
                                 .quantity(), unit)
            except (UnitMismatchError, UnknownUnitError, ValueError):
                continue
            break
        else:
            factors = [("n", D(2 + j), ""), ("q", D(3 + i % 7), unit)]
        lines.append(Measurement(f"{label}, segmen {i % 9 + 1}",
                                 [Factor(lbl, v, u) for lbl, v, u in factors],
                                 sign=-1 if j == 2 else 1))
        if j == 2 and i % 3:
            lines.pop()
    return lines


def build_big_program(book: PriceBook, items: int, analyses: int = 300) -> Program:
    """The demo programme whose physical package is replaced by ``items`` RAB lines using
    ``analyses`` distinct analyses (fewer when ``items`` is smaller)."""
    program = build_demo_program(book)
    codes = _usable_codes(book, min(analyses, items))
    divisions: list[Section] = []
    sections: list[Section] = []
    current: list[Item] = []
    for i in range(items):
        code = codes[i % len(codes)]
        a = book.analyses[code]
        try:
            measurements = _measurements(a.unit, i)
            for m in measurements:
                m.volume_in(a.unit)
            item = Item(" ".join(a.name.split()), a.unit, analysis_code=code,
                        measurements=measurements)
        except (UnitMismatchError, UnknownUnitError, ValueError):
            item = Item(" ".join(a.name.split()), a.unit, analysis_code=code,
                        volume=D(5 + i % 11))
        current.append(item)
        if len(current) == ITEMS_PER_SECTION or i == items - 1:
            sections.append(Section(f"Segmen {len(sections) + 1}", current))
            current = []
        if len(sections) == SECTIONS_PER_DIVISION or (i == items - 1 and sections):
            divisions.append(Section(f"PEKERJAAN ZONA {len(divisions) + 1}", sections))
            sections = []
    physical = program.packages[1]
    used = {it.analysis_code for d in divisions for it in d.items() if it.analysis_code}
    program.packages[1] = Package(
        name=physical.name, component=physical.component, book=book.subset(used),
        sections=divisions, ksm=physical.ksm, location=physical.location,
        settings=physical.settings, description=physical.description)
    return program


def drawing_set_pdf(pages: int = 20) -> bytes:
    """A deterministic PDF of ``pages`` A3-landscape drawing sheets (frame, a channel
    cross-section with hatching and dimension lines, a title block): the *gambar kerja* of
    the PDF benchmark (issue 9: "a package with … 20 drawing pages")."""
    import io

    from reportlab.lib.pagesizes import A3, landscape
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    size = landscape(A3)
    canvas = Canvas(buf, pagesize=size, invariant=1)
    w, h = size
    for n in range(1, pages + 1):
        canvas.setLineWidth(1.5)
        canvas.rect(20, 20, w - 40, h - 40)
        canvas.setLineWidth(0.5)
        cx, cy = w / 2, h / 2
        for k in range(60):  # hatching: a few hundred vector strokes per sheet
            canvas.line(cx - 300 + 10 * k, cy - 120, cx - 280 + 10 * k, cy - 100)
        canvas.line(cx - 300, cy + 150, cx + 300, cy + 150)
        canvas.line(cx - 200, cy + 150, cx - 120, cy - 100)
        canvas.line(cx + 200, cy + 150, cx + 120, cy - 100)
        canvas.setFont("Helvetica-Bold", 22)
        canvas.drawCentredString(cx, h - 80, f"POTONGAN MELINTANG TIPIKAL {n}")
        canvas.setFont("Helvetica", 11)
        canvas.rect(w - 320, 20, 300, 90)
        canvas.drawString(w - 310, 80, f"Lembar GK-{n:02d}  Skala 1 : 50")
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def attach_drawings(program: Program, pages: int = 20) -> None:
    """Attach :func:`drawing_set_pdf` (``pages`` sheets) to ``program``'s last package."""
    from dtpl_studio.costing.attachments import AttachmentKind, make_attachment
    from dtpl_studio.costing.edits import InsertAttachment

    data = drawing_set_pdf(pages)
    att = make_attachment(data, kind=AttachmentKind.DRAWING, title="Gambar kerja tipikal",
                          filename="gambar-kerja.pdf", media_type="application/pdf", pages=pages,
                          width=1191, height=842, sheet=f"GK-01 s.d. GK-{pages:02d}",
                          scale="1 : 50", package_id=program.packages[-1].id)
    InsertAttachment(att).apply(program)
