"""No empty boxes: every character the PDF shows maps to a real glyph of the embedded font.

Checked through the embedded font subsets themselves, not by eye: for every subset font in
the PDF, each code its ``/ToUnicode`` map names is looked up in the subset's own ``cmap``
table; the glyph must not be glyph 0 (``.notdef``) and must have an outline in ``glyf``
(a space may be empty). Vera's cmap maps about 27 characters (``∅ ≡ ∓ Đ`` …) to ``.notdef``,
so a character being *in* the cmap is not enough.
"""

from __future__ import annotations

import re
import struct
import unicodedata
from decimal import Decimal
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ByteStringObject, TextStringObject
from reportlab.pdfgen.canvas import Canvas

from dtpl_studio.costing.funding import Component
from dtpl_studio.costing.rab import Item, Package, PackageSettings, Program, Section, price_program
from dtpl_studio.reporting import build_dtpl_pdf
from dtpl_studio.reporting.fonts import FAMILY, SUBSTITUTES, covered_codepoints, printable
from dtpl_studio.services.prices import load_default_book

# -- reading the embedded TrueType subsets ----------------------------------------------


def _tables(font: bytes) -> dict[bytes, bytes]:
    (num,) = struct.unpack(">H", font[4:6])
    tables = {}
    for i in range(num):
        tag, _sum, offset, length = struct.unpack(">4sIII", font[12 + 16 * i:28 + 16 * i])
        tables[tag] = font[offset:offset + length]
    return tables


def _cmap(table: bytes) -> dict[int, int]:
    """Code → glyph of the first subtable (reportlab subsets write format 6, sometimes 0)."""
    (_version, count) = struct.unpack(">HH", table[:4])
    assert count >= 1
    (_platform, _encoding, offset) = struct.unpack(">HHI", table[4:12])
    sub = table[offset:]
    (fmt,) = struct.unpack(">H", sub[:2])
    if fmt == 6:
        first, entries = struct.unpack(">HH", sub[6:10])
        ids = struct.unpack(f">{entries}H", sub[10:10 + 2 * entries])
        return {first + i: g for i, g in enumerate(ids)}
    if fmt == 0:
        return dict(enumerate(sub[6:262]))
    raise AssertionError(f"unexpected cmap format {fmt} in an embedded subset")


def _outline_lengths(tables: dict[bytes, bytes]) -> list[int]:
    """Length of every glyph's outline in ``glyf`` (0 = empty glyph), from ``loca``."""
    (long_offsets,) = struct.unpack(">h", tables[b"head"][50:52])
    (glyphs,) = struct.unpack(">H", tables[b"maxp"][4:6])
    loca = tables[b"loca"]
    if long_offsets:
        pos = struct.unpack(f">{glyphs + 1}I", loca[:4 * (glyphs + 1)])
    else:
        pos = [2 * p for p in struct.unpack(f">{glyphs + 1}H", loca[:2 * (glyphs + 1)])]
    return [pos[g + 1] - pos[g] for g in range(glyphs)]


def _to_unicode(stream: bytes) -> dict[int, str]:
    text = stream.decode("latin-1")
    result: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for code, uni in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            chars = bytes.fromhex(uni).decode("utf-16-be")
            if chars != "\x00":
                result[int(code, 16)] = chars
    return result


def missing_glyphs(pdf: Path) -> dict[str, set[str]]:
    """``{font name: characters shown with .notdef or an empty glyph}`` over all pages.

    Only the codes a page actually shows count: the text operators' strings are decoded
    through each font's code space (one byte per code in reportlab's TrueType subsets).
    """
    reader = PdfReader(pdf)
    fonts: dict[str, tuple[dict[int, str], dict[int, int], list[int]]] = {}
    used: dict[str, set[int]] = {}
    for page in reader.pages:
        resources = page["/Resources"].get_object()
        names: dict[str, str] = {}
        for key, ref in resources["/Font"].items():
            font = ref.get_object()
            base = str(font["/BaseFont"])
            if font["/Subtype"] != "/TrueType":
                continue  # not embedded (a bare canvas's Helvetica); the PDF uses none
            names[key] = base
            if base in fonts:
                continue
            data = font["/FontDescriptor"].get_object()["/FontFile2"].get_object().get_data()
            tables = _tables(data)
            fonts[base] = (_to_unicode(font["/ToUnicode"].get_object().get_data()),
                           _cmap(tables[b"cmap"]), _outline_lengths(tables))
        content = page.get_contents()
        ops = content.operations if content is not None else []
        current = None
        for operands, op in ops:
            if op == b"Tf":
                current = names.get(str(operands[0]))
            elif op in (b"Tj", b"'", b'"', b"TJ") and current is not None:
                strings = operands[0] if op == b"TJ" else [operands[-1]]
                for s in strings:
                    if isinstance(s, ByteStringObject):
                        used.setdefault(current, set()).update(bytes(s))
                    elif isinstance(s, TextStringObject):
                        used.setdefault(current, set()).update(s.get_original_bytes())
    bad: dict[str, set[str]] = {}
    for base, codes in used.items():
        to_uni, cmap, lengths = fonts[base]
        for code in codes:
            char = to_uni.get(code, f"<code {code}>")
            glyph = cmap.get(code, 0)
            blank = glyph >= len(lengths) or lengths[glyph] == 0
            if glyph == 0 or (blank and not all(unicodedata.category(c) == "Zs" for c in char)):
                bad.setdefault(base, set()).add(char)
    return bad


# -- the tests ------------------------------------------------------------------------------


def test_the_check_sees_a_notdef_glyph(tmp_path):
    """The checker itself: characters DejaVu lacks, drawn raw (not through printable),
    are reported."""
    from dtpl_studio.reporting.fonts import register_fonts

    register_fonts()
    path = tmp_path / "raw.pdf"
    canvas = Canvas(str(path), invariant=1)
    canvas.setFont(FAMILY.regular, 12)
    canvas.drawString(72, 720, "tanaman ∅ 2 cm 漢 한 ก")
    canvas.save()
    bad = missing_glyphs(path)
    found = set().union(*bad.values())
    # DejaVu's cmap has no entry for them: ReportLab writes code 0 (.notdef)
    assert found and found <= {"漢", "한", "ก", "<code 0>"}


def test_covered_excludes_notdef_characters():
    covered = covered_codepoints()
    for ch in "漢한ก\uffff":
        assert ord(ch) not in covered, ch
    # what Indonesian technical texts print (issue 9: ∅ φ ⌀ Σ must be drawable)
    for ch in "Aaø±²×−–…≤≥’”ØÉ ∅φ⌀ΣℓĐ≡∓":
        assert ord(ch) in covered, ch


def test_substitutes_are_drawable():
    covered = covered_codepoints()
    for src, dst in SUBSTITUTES.items():
        assert all(ord(c) in covered for c in dst), (src, dst)
    assert printable("s.d. tanaman ∅ 2 cm, besi φ10, ⌀ 50, Σ") == \
        "s.d. tanaman ∅ 2 cm, besi φ10, ⌀ 50, Σ"
    assert printable("a ∓ b ≡ c, Đ") == "a ∓ b ≡ c, Đ"
    assert printable("gudang 漢") == "gudang ?"


def _default_book_program() -> tuple[Program, str]:
    """A package on the shipped book using, for every non-ASCII character of its analysis
    names, one analysis whose name has it; plus an item named with every such character."""
    book = load_default_book()
    names = {code: a.name for code, a in book.analyses.items()}
    chars = sorted({c for name in names.values() for c in name if not c.isascii()})
    assert "∅" in chars  # A.7 "… s.d. tanaman ∅ 2 cm"
    codes = []
    for ch in chars:
        code = next(k for k, name in names.items() if ch in name)
        if code not in codes:
            codes.append(code)
    items = [Item(book.analyses[c].name, book.analyses[c].unit, analysis_code=c,
                  volume=Decimal(1)) for c in codes]
    every = "".join(chars)
    items.append(Item(f"Semua karakter nama analisa: {every}", "ls",
                      custom_rate=Decimal(1000), custom_reason=every, volume=Decimal(1)))
    package = Package(name=f"Paket karakter {every}", component=Component.FISIK, book=book,
                      ksm="KSM Uji", settings=PackageSettings(volume_decimals=2),
                      sections=[Section(f"PEKERJAAN {every}", items)])
    program = Program(kelurahan="Uji", kota="Kota Uji", fiscal_year=2025,
                      title=f"Uji glif {every}", packages=[package])
    return program, every


def test_no_missing_glyph_for_the_shipped_book(tmp_path):
    program, every = _default_book_program()
    pdf = build_dtpl_pdf(price_program(program), tmp_path / "glyphs.pdf")
    assert missing_glyphs(pdf) == {}
    text = " ".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "tanaman ∅ 2 cm" in re.sub(r"\s+", " ", text)
