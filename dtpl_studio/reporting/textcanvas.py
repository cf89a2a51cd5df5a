"""A ReportLab canvas whose one-line strings are written in one step, each distinct string
encoded once.

Every table cell, every line of a :class:`~dtpl_studio.reporting.longtable.TextLines` cell,
every bar label of the schedule and every running header is one ``drawString``,
``drawRightString`` or ``drawCentredString``: some 85 000 of them for a package of 1 000 RAB
lines. ReportLab builds a :class:`~reportlab.pdfgen.textobject.PDFTextObject` for each, and
splits the text into the embedded font's subsets again each time (issue 9: a fifth of the
export time). :class:`TextCanvas` writes the very same operators
(``BT 1 0 0 1 x y Tm /F1+0 8 Tf 9.6 TL (…) Tj T* ET``) directly, and keeps the encoded text
and its width per (font, size, leading, text) for the page being built and the next ones: a
string met again (a unit, a column title, a price) is not encoded again.

The output is byte-identical to ReportLab's own :class:`~reportlab.pdfgen.canvas.Canvas`
(``tests/reporting/test_fast_paths.py``). Anything but the plain case (text render mode,
character or word spacing, a direction, shaping, a top-down canvas, a non-TrueType font)
goes to ReportLab's own code.
"""

from __future__ import annotations

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen.canvas import Canvas

#: Most distinct strings kept per canvas (a bound on memory: about 100 bytes each).
MAX_CACHED = 200_000


class TextCanvas(Canvas):
    """:class:`~reportlab.pdfgen.canvas.Canvas` with a fast path for one-line strings."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._encoded: dict[tuple, tuple[str, float] | None] = {}

    def _encode(self, text: str) -> tuple[str, float] | None:
        """``(text operators, width in points)`` of ``text`` in the current font, size and
        leading, or None when ReportLab's own path must draw it."""
        key = (self._fontname, self._fontsize, self._leading, text)
        found = self._encoded.get(key, False)
        if found is not False:
            return found
        font = getFont(self._fontname)
        result: tuple[str, float] | None = None
        if getattr(font, "_dynamicFont", 0) and type(text) is str:
            doc = self._doc
            tmpl = f"{fp_str(self._fontsize)} Tf {fp_str(self._leading)} TL"
            parts: list[str] = []
            current = -1
            for subset, chunk in font.splitString(text, doc):
                if subset != current:
                    parts.append(f"{font.getSubsetInternalName(subset, doc)} {tmpl}")
                    current = subset
                parts.append(f"({self._escape(chunk)}) Tj")
            result = (" ".join(parts), stringWidth(text, self._fontname, self._fontsize))
        if len(self._encoded) < MAX_CACHED:
            self._encoded[key] = result
        return result

    def _plain(self, mode, charSpace, direction, wordSpace, shaping) -> bool:  # noqa: N803
        return (mode is None and not charSpace and not direction and not wordSpace
                and not shaping and self.bottomup)

    def _emit(self, x: float, y: float, ops: str) -> None:
        self._code.append(f"BT 1 0 0 1 {fp_str(x, y)} Tm {ops} T* ET")

    def drawString(self, x, y, text, mode=None, charSpace=0, direction=None,  # noqa: N802, N803
                   wordSpace=None, shaping=False):
        """As :meth:`Canvas.drawString`."""
        enc = self._encode(text) if self._plain(mode, charSpace, direction, wordSpace, shaping) else None
        if enc is None:
            return super().drawString(x, y, text, mode, charSpace, direction, wordSpace, shaping)
        self._emit(x, y, enc[0])
        return None

    def drawRightString(self, x, y, text, mode=None, charSpace=0, direction=None,  # noqa: N802, N803
                        wordSpace=None, shaping=False):
        """As :meth:`Canvas.drawRightString`."""
        enc = self._encode(text) if self._plain(mode, charSpace, direction, wordSpace, shaping) else None
        if enc is None:
            return super().drawRightString(x, y, text, mode, charSpace, direction, wordSpace, shaping)
        self._emit(x - enc[1], y, enc[0])
        return None

    def drawCentredString(self, x, y, text, mode=None, charSpace=0, direction=None,  # noqa: N802, N803
                          wordSpace=None, shaping=False):
        """As :meth:`Canvas.drawCentredString`."""
        enc = self._encode(text) if self._plain(mode, charSpace, direction, wordSpace, shaping) else None
        if enc is None:
            return super().drawCentredString(x, y, text, mode, charSpace, direction, wordSpace, shaping)
        self._emit(x - 0.5 * enc[1], y, enc[0])
        return None
