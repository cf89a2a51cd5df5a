"""The Unicode TTF font family of the DTPL package, embedded in every PDF.

The font is Bitstream Vera (Sans, Bold, Oblique, Bold Oblique), the TTF files that ship
inside the ``reportlab`` wheel (``reportlab/fonts/Vera*.ttf``). It is the design DejaVu Sans
grew from, covers Latin-1 plus the typographic signs a RAB prints (``×``, ``−``, ``≤``,
``–``, ``…``, ``²``, ``³``), and needs no Debian package: wherever reportlab is installed the
font is there, so the PDF is the same on every machine (DESIGN.md §10, deterministic output).
No pip package among the project's dependencies ships the DejaVu TTFs themselves.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

import reportlab
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

#: Folder of the TTFs bundled with reportlab.
FONT_DIR = Path(reportlab.__file__).resolve().parent / "fonts"


@dataclass(frozen=True, slots=True)
class FontFamily:
    """Registered font names of one family (as used in styles and ``setFont``)."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


FAMILY = FontFamily("DtplSans", "DtplSans-Bold", "DtplSans-Italic", "DtplSans-BoldItalic")

_FILES = {
    FAMILY.regular: "Vera.ttf",
    FAMILY.bold: "VeraBd.ttf",
    FAMILY.italic: "VeraIt.ttf",
    FAMILY.bold_italic: "VeraBI.ttf",
}


def register_fonts() -> FontFamily:
    """Register the family with reportlab (idempotent) and return its names.

    ``<b>`` and ``<i>`` in Paragraph markup map to the bold and italic faces.

    Raises:
        FileNotFoundError: the reportlab installation lacks its bundled Vera TTFs.
    """
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, filename in _FILES.items():
        if name in registered:
            continue
        path = FONT_DIR / filename
        if not path.is_file():
            raise FileNotFoundError(f"bundled font {filename} not found in {FONT_DIR}")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    addMapping(FAMILY.regular, 0, 0, FAMILY.regular)
    addMapping(FAMILY.regular, 1, 0, FAMILY.bold)
    addMapping(FAMILY.regular, 0, 1, FAMILY.italic)
    addMapping(FAMILY.regular, 1, 1, FAMILY.bold_italic)
    return FAMILY


#: Characters met in real price books that Vera lacks, with a look-alike it has
#: (``φ 10`` for a bar diameter, ``ℓ`` for litre, modifier-letter angle brackets).
SUBSTITUTES: dict[str, str] = {
    "φ": "ø", "ϕ": "ø", "⌀": "ø", "∅": "ø", "Φ": "Ø",
    "ℓ": "l", "˂": "<", "˃": ">", "˄": "^",
    "Σ": "Sum", "∑": "Sum", "√": "V",
    "\u200b": "", "\ufeff": "",
}


def _covered() -> frozenset[int]:
    register_fonts()
    face = pdfmetrics.getFont(FAMILY.regular).face
    return frozenset(face.charToGlyph)


_COVERED: frozenset[int] | None = None


def printable(text: str) -> str:
    """``text`` with every character the embedded font lacks replaced by a look-alike
    (:data:`SUBSTITUTES`), its NFKC form when the font has that, or ``?``.

    The PDF never shows an empty box; the document hash is taken over the original text.
    """
    global _COVERED
    if text.isascii():
        return text
    if _COVERED is None:
        _COVERED = _covered()
    out = []
    for ch in text:
        if ord(ch) in _COVERED or ch in "\n\t":
            out.append(ch)
        elif ch in SUBSTITUTES:
            out.append(SUBSTITUTES[ch])
        else:
            folded = unicodedata.normalize("NFKC", ch)
            out.append(folded if all(ord(c) in _COVERED for c in folded) else "?")
    return "".join(out)
