"""The Unicode TTF font family of the DTPL package, embedded in every PDF.

The font is DejaVu Sans (Book, Bold, Oblique, Bold Oblique) from Debian's maintained
``fonts-dejavu-core`` and ``fonts-dejavu-extra`` packages, installed by
``scripts/system-deps.sh`` (``make`` runs it). DejaVu covers what Indonesian technical texts
print: Latin with accents, Greek (``φ``, ``Σ``), the diameter and empty-set signs (``⌀``,
``∅``), ``×``, ``−``, ``≤``, ``²``, ``³``, ``ℓ``. No maintained PyPI package ships the
static DejaVu or Noto TTFs (``fontpkg-noto-sans`` ships only variable fonts, without a bold
face ReportLab can use). When the Debian files are absent the family falls back to
Bitstream Vera, the TTFs inside the ``reportlab`` wheel (the design DejaVu grew from, with
fewer characters); :func:`printable` then replaces what Vera lacks and the document lists
every replaced character as a finding. The PDF bytes depend on the font files: the same
Debian package version gives the same bytes.
"""

from __future__ import annotations

import contextvars
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import reportlab
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

#: Folder of Debian's DejaVu TTFs (fonts-dejavu-core, fonts-dejavu-extra).
DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")
#: Folder of the TTFs bundled with reportlab (the fallback).
FONT_DIR = Path(reportlab.__file__).resolve().parent / "fonts"


@dataclass(frozen=True, slots=True)
class FontFamily:
    """Registered font names of one family (as used in styles and ``setFont``)."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


FAMILY = FontFamily("DtplSans", "DtplSans-Bold", "DtplSans-Italic", "DtplSans-BoldItalic")

_DEJAVU = {
    FAMILY.regular: "DejaVuSans.ttf",
    FAMILY.bold: "DejaVuSans-Bold.ttf",
    FAMILY.italic: "DejaVuSans-Oblique.ttf",
    FAMILY.bold_italic: "DejaVuSans-BoldOblique.ttf",
}
_VERA = {
    FAMILY.regular: "Vera.ttf",
    FAMILY.bold: "VeraBd.ttf",
    FAMILY.italic: "VeraIt.ttf",
    FAMILY.bold_italic: "VeraBI.ttf",
}


def font_files() -> dict[str, Path]:
    """The TTF of each face: DejaVu Sans when all four Debian files are there, else the
    Vera files bundled with reportlab."""
    dejavu = {name: DEJAVU_DIR / f for name, f in _DEJAVU.items()}
    if all(p.is_file() for p in dejavu.values()):
        return dejavu
    return {name: FONT_DIR / f for name, f in _VERA.items()}


def register_fonts() -> FontFamily:
    """Register the family with reportlab (idempotent) and return its names.

    ``<b>`` and ``<i>`` in Paragraph markup map to the bold and italic faces.

    Raises:
        FileNotFoundError: neither DejaVu nor reportlab's bundled Vera TTFs are found.
    """
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, path in font_files().items():
        if name in registered:
            continue
        if not path.is_file():
            raise FileNotFoundError(f"font {path.name} not found in {path.parent}")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    addMapping(FAMILY.regular, 0, 0, FAMILY.regular)
    addMapping(FAMILY.regular, 1, 0, FAMILY.bold)
    addMapping(FAMILY.regular, 0, 1, FAMILY.italic)
    addMapping(FAMILY.regular, 1, 1, FAMILY.bold_italic)
    return FAMILY


#: Characters the embedded font cannot draw, with a look-alike it can (``φ 10`` for a bar
#: diameter, ``∅`` for a diameter sign, ``ℓ`` for litre, modifier-letter angle brackets …).
#: Vera's cmap maps some characters (``∅ ≡ ∓ Đ ‖`` …) to its empty ``.notdef`` glyph: those
#: are *not* covered (see :func:`covered_codepoints`) and go through this map too.
SUBSTITUTES: dict[str, str] = {
    "φ": "ø", "ϕ": "ø", "⌀": "Ø", "∅": "Ø", "Φ": "Ø",
    "ℓ": "l", "˂": "<", "˃": ">", "˄": "^",
    "Σ": "Sum", "∑": "Sum", "√": "V",
    # mapped to .notdef in Vera
    "Đ": "D", "Ď": "D", "ď": "d",
    "―": "—", "‖": "||", "‗": "_", "‛": "‘", "‟": "“", "‣": "•", "․": ".", "‥": "..",
    "∓": "−/+", "∔": "+", "∖": "\\", "∗": "*", "∘": "°", "∛": "^(1/3)", "∜": "^(1/4)",
    "∝": "~", "≡": "=", "≢": "≠", "≣": "=",
    "\u200b": "", "\ufeff": "", "\uffff": "",
}


def covered_codepoints() -> frozenset[int]:
    """Code points every face of the family really draws.

    A character counts only when each face's cmap maps it to a glyph other than glyph 0
    (``.notdef``, the empty box) and that glyph has an outline — or the character is a
    space separator (its glyph is empty by design). Vera maps about 27 characters it has
    no drawing for (``∅ ≡ ∓ Đ …``) to ``.notdef``; they are left out here.
    """
    register_fonts()
    result: set[int] | None = None
    for name in (FAMILY.regular, FAMILY.bold, FAMILY.italic, FAMILY.bold_italic):
        face = pdfmetrics.getFont(name).face
        pos = face.glyphPos  # loca: glyph g's outline is pos[g]:pos[g + 1]
        drawn = {
            code for code, glyph in face.charToGlyph.items()
            if glyph != 0 and 0 < glyph + 1 < len(pos)
            and (pos[glyph + 1] > pos[glyph] or unicodedata.category(chr(code)) == "Zs")
        }
        result = drawn if result is None else result & drawn
    return frozenset(result or ())


_COVERED: frozenset[int] | None = None


def _covers(text: str) -> bool:
    assert _COVERED is not None
    return all(ord(c) in _COVERED or c in "\n\t" for c in text)


#: Characters replaced by :func:`printable` during the current export (original → shown).
_REPLACED: contextvars.ContextVar[dict[str, str] | None] = contextvars.ContextVar(
    "dtpl_replaced_characters", default=None)


@contextmanager
def collect_replacements() -> Iterator[dict[str, str]]:
    """Collect, while the block runs, every character :func:`printable` had to replace
    (the document lists them as a finding, issue 9 point 7)."""
    found: dict[str, str] = {}
    token = _REPLACED.set(found)
    try:
        yield found
    finally:
        _REPLACED.reset(token)


def replaced_characters() -> dict[str, str]:
    """The characters replaced so far in the current :func:`collect_replacements` block."""
    return dict(_REPLACED.get() or {})


def _note(ch: str, shown: str) -> str:
    found = _REPLACED.get()
    if found is not None:
        found.setdefault(ch, shown)
    return shown


def printable(text: str) -> str:
    """``text`` with every character the embedded font cannot draw replaced by a look-alike
    (:data:`SUBSTITUTES`), its NFKC form, its letters without accents (NFKD without the
    combining marks) when the font draws those, else ``?``.

    The PDF never shows an empty box; the document hash is taken over the original text.
    """
    global _COVERED
    if text.isascii():
        return text
    if _COVERED is None:
        _COVERED = covered_codepoints()
    out = []
    for ch in text:
        if ord(ch) in _COVERED or ch in "\n\t":
            out.append(ch)
        elif ch in SUBSTITUTES:
            out.append(_note(ch, SUBSTITUTES[ch]))
        else:
            folded = unicodedata.normalize("NFKC", ch)
            if folded != ch and _covers(folded):
                out.append(_note(ch, folded))
                continue
            bare = "".join(c for c in unicodedata.normalize("NFKD", ch)
                           if not unicodedata.combining(c))
            out.append(_note(ch, bare if bare and bare != ch and _covers(bare) else "?"))
    return "".join(out)
