"""What an import saw and did: :class:`ImportReport`, one shape for every importer.

DESIGN.md §6: "every cell that is not taken as-is becomes a finding with file, sheet, cell,
raw value, what was done, and severity". A report holds those findings
(:class:`~dtpl_studio.costing.findings.FindingList`), counts, and — for importers of priced
analyses — one :class:`RateComparison` per analysis: our unit rate F against the rate the
workbook cached, with the diagnosed reason when they differ.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from dtpl_studio.costing.findings import Finding, FindingList, Severity
from dtpl_studio.costing.money import format_plain
from dtpl_studio.errors import DtplError


class WorkbookImportError(DtplError, ValueError):
    """The file cannot be imported at all (missing, not an xlsx, layout not recognised).

    ``report`` holds the findings gathered before the import stopped; nothing was imported
    (an import commits whole or not at all).
    """

    default_code = "workbook.layout"

    def __init__(self, message: str, report: ImportReport | None = None, **fields):
        super().__init__(message, **fields)
        self.report = report


#: Reason codes of :class:`RateComparison` and what they mean (printed in the report legend).
REASONS: dict[str, str] = {
    "match": "identical to the rupiah",
    "text-decimal-comma-value-error": (
        "a coefficient is stored as text with an Indonesian decimal comma ('0,1667'); Excel "
        "could not compute with it and cached #VALUE! up to the unit rate; we read the comma "
        "as the decimal mark"
    ),
    "text-decimal-comma-thousands": (
        "a coefficient is stored as text with an Indonesian decimal comma ('2,625'); Excel read "
        "the comma as a thousands separator (2625), so the cached rate is about 1000x too high; "
        "we read the comma as the decimal mark"
    ),
    "float-rounddown-boundary": (
        "the exact rate is (within 1e-6) a multiple of Rp 100; Excel's binary floating point "
        "landed below it by more than its 15-digit view absorbs (Excel rounds the value as shown "
        "to 15 significant digits), so ROUNDDOWN(F,-2) dropped Rp 100; our Decimal arithmetic "
        "does not"
    ),
    "workbook-rounding-rule": (
        "this block rounds differently from the book's rule (e.g. ROUNDDOWN(F,0) instead of "
        "ROUNDDOWN(F,-2)); we apply the book's rule to every analysis"
    ),
    "workbook-formula-error": (
        "a total in the block does not add what it should (e.g. row D adds a line instead of the "
        "labour subtotal); Excel's cached rate follows the faulty formula, ours is A + B + C + E"
    ),
    "lookup-wrong-row": (
        "a line's price formula looks up another row's name (Persiapan!G388 on the 'Waterpass' "
        "line is =VLOOKUP(D356,…), D356 being 'Pekerja'), so Excel prices the line as that other "
        "resource; ours prices it with its own name (its resource, price and unit)"
    ),
    "stale-cached-value": (
        "the cached value does not follow from the workbook's own formulas and current prices "
        "(the workbook was saved without recalculating, or a linked value changed)"
    ),
    "no-cached-value": (
        "the workbook holds no cached value for the rate cell (saved by a program that does not "
        "calculate, e.g. openpyxl): there is nothing to compare with"
    ),
    "missing-price": "a line has no price (name not in Upah Bahan; Excel shows #N/A)",
    "model-differs": (
        "the workbook's formulas, evaluated exactly, give a different rate than the imported "
        "analysis (see the findings for the block)"
    ),
    "unexplained": "differs; no diagnosis reproduced the cached value",
}


@dataclass(slots=True)
class RateComparison:
    """Our unit rate against the workbook's cached one, for one analysis.

    Attributes:
        code: analysis code (``A.1``).
        name: analysis name.
        location: ``AHSP.xlsx | Persiapan!I4`` (the cell holding the cached rounded rate).
        ours: our F (rounded by the book's rule), Rp per unit; None if the analysis could not
            be priced.
        ours_exact: our unrounded D + E.
        cached: the workbook's cached rounded rate as Decimal, or None when the cache is an
            error or empty.
        cached_raw: the cached cell as text (``'792200'``, ``'#VALUE!'``).
        excel_recomputed: our float re-run of the block's formulas the way Excel computes
            (text, for the report), or ``''``.
        reason_code: a key of :data:`REASONS` (``"match"`` when identical).
        reason: the diagnosis in words, naming the cells involved.
    """

    code: str
    name: str
    location: str
    ours: Decimal | None
    ours_exact: Decimal | None
    cached: Decimal | None
    cached_raw: str
    excel_recomputed: str = ""
    reason_code: str = "match"
    reason: str = ""

    @property
    def matches(self) -> bool:
        """True when our F equals the cached rate to the rupiah."""
        return self.ours is not None and self.cached is not None and self.ours == self.cached

    def line(self) -> str:
        """One line of the report: code, name, ours, cached, reason."""
        ours = "-" if self.ours is None else format_plain(self.ours)
        return (
            f"{self.code} | {self.name} | ours {ours} | cached {self.cached_raw} | "
            f"{self.reason_code}: {self.reason}"
        )


@dataclass
class ImportReport:
    """Everything an importer has to say about one source file.

    Attributes:
        source_file: file name as given (no directory, so reports are portable).
        source_sha256: SHA-256 of the file's bytes (hex).
        importer: dotted name of the importer (``dtpl_studio.spreadsheets.ahsp_cipta_karya``).
        importer_version: that importer's version string.
        findings: every cell not taken as-is and every check that failed.
        counts: named counts (``resources``, ``analyses``, ``analysis_lines``…).
        comparisons: one :class:`RateComparison` per analysis block (empty for plain price
            lists).
        notes: free sentences for the header (sheets skipped and why, region unknown…).
    """

    source_file: str
    source_sha256: str = ""
    importer: str = ""
    importer_version: str = ""
    findings: FindingList = field(default_factory=FindingList)
    counts: dict[str, int] = field(default_factory=dict)
    comparisons: list[RateComparison] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    # -- findings ------------------------------------------------------------------------
    def location(self, sheet: str, cell: str = "") -> str:
        """``AHSP.xlsx | Sheet!A1`` — the location format of every finding."""
        place = f"{sheet}!{cell}" if cell else sheet
        return f"{self.source_file} | {place}"

    def add(
        self,
        severity: Severity,
        code: str,
        message: str,
        *,
        sheet: str = "",
        cell: str = "",
        raw: object = "",
        action: str = "",
    ) -> Finding:
        """Add a finding located at ``sheet!cell`` of the source file."""
        location = self.location(sheet, cell) if sheet else self.source_file
        raw_text = "" if raw is None or raw == "" else str(raw)
        return self.findings.add(
            severity, message, location=location, raw=raw_text, action=action, code=code
        )

    @property
    def has_errors(self) -> bool:
        """True when a finding has severity ``error`` (something was not imported)."""
        return self.findings.has_errors

    @property
    def usable(self) -> bool:
        """False when the import has errors: something in the file was not imported (an
        analysis left out, a workbook without cached values…), so the book must not be used as
        if it were the file's content. The summary then starts with ``NOT USABLE``."""
        return not self.has_errors

    def status_line(self) -> str:
        """``NOT USABLE: 415 errors; 207 of 670 analyses could not be read`` when the import
        has errors, else ``''``."""
        if self.usable:
            return ""
        errors = self.findings.count(Severity.ERROR)
        text = f"NOT USABLE: {errors} error{'s' if errors != 1 else ''}"
        if self.comparisons:
            unread = sum(1 for c in self.comparisons if c.ours is None)
            text += f"; {unread} of {len(self.comparisons)} analyses could not be read"
        return text + " (see the error findings; fix the workbook and import again)"

    # -- comparisons ---------------------------------------------------------------------
    @property
    def matching(self) -> list[RateComparison]:
        """Comparisons where our F equals the cached rate to the rupiah."""
        return [c for c in self.comparisons if c.matches]

    @property
    def differing(self) -> list[RateComparison]:
        """Comparisons that differ (each with a reason)."""
        return [c for c in self.comparisons if not c.matches]

    def by_reason(self) -> dict[str, list[RateComparison]]:
        """Differing comparisons grouped by reason code, in :data:`REASONS` order."""
        groups: dict[str, list[RateComparison]] = {}
        for code in REASONS:
            members = [c for c in self.differing if c.reason_code == code]
            if members:
                groups[code] = members
        for c in self.differing:
            if c.reason_code not in REASONS:
                groups.setdefault(c.reason_code, []).append(c)
        return groups

    # -- rendering -----------------------------------------------------------------------
    def summary(self) -> str:
        """A few lines: file, counts, findings by severity, comparison totals; first of all
        :meth:`status_line` when the import is not usable."""
        lines = [self.status_line()] if not self.usable else []
        lines.append(f"Import report: {self.source_file}")
        if self.source_sha256:
            lines.append(f"sha256: {self.source_sha256}")
        if self.importer:
            lines.append(f"importer: {self.importer} {self.importer_version}".rstrip())
        if self.counts:
            lines.append("counts: " + ", ".join(f"{k} {v}" for k, v in self.counts.items()))
        lines.append(
            "findings: " + ", ".join(f"{self.findings.count(s)} {s.value}" for s in Severity)
        )
        if self.comparisons:
            lines.append(
                f"unit rates: {len(self.matching)} of {len(self.comparisons)} identical to the "
                f"rupiah, {len(self.differing)} differ"
            )
        return "\n".join(lines)

    def render_text(self) -> str:
        """The full report as plain UTF-8 text: summary, notes, differing rates grouped by
        reason, then every finding grouped by code. Deterministic (no timestamps), so the
        text can be committed and diffed."""
        out = [self.summary(), ""]
        if self.notes:
            out.append("Notes")
            out.extend(f"- {note}" for note in self.notes)
            out.append("")
        if self.comparisons:
            out.append("Unit rates that differ from the workbook's cached value")
            groups = self.by_reason()
            if not groups:
                out.append("(none)")
            for code, members in groups.items():
                out.append(f"[{code}] {len(members)}: {REASONS.get(code, '')}")
                out.extend(f"  {c.line()}" for c in members)
            out.append("")
        out.append("Findings by kind")
        counts = Counter(f.code or "other" for f in self.findings)
        for code in sorted(counts):
            members = [f for f in self.findings if (f.code or "other") == code]
            worst = max((f.severity for f in members), key=list(Severity).index)
            out.append(f"[{code}] {len(members)} ({worst.value})")
            out.extend(f"  {f}" for f in members)
        out.append("")
        return "\n".join(out)

    def render(self) -> str:
        """Same as :meth:`render_text` (the name the CLI's ``--report`` option calls)."""
        return self.render_text()

    def __str__(self) -> str:
        return self.summary()
