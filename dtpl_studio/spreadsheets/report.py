"""What an import saw and did: :class:`ImportReport`, one shape for every importer.

DESIGN.md §6: "every cell that is not taken as-is becomes a finding with file, sheet, cell,
raw value, what was done, and severity". A report holds those findings
(:class:`~dtpl_studio.costing.findings.FindingList`), counts, and — for importers of priced
analyses — one :class:`RateComparison` per analysis: our unit rate F against the rate the
workbook cached, with the diagnosed reason when they differ.
"""

from __future__ import annotations

import math
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from dtpl_studio.costing.findings import Finding, FindingList, Severity
from dtpl_studio.costing.formatting import format_number
from dtpl_studio.errors import DtplError


class WorkbookImportError(DtplError, ValueError):
    """The file cannot be imported at all (missing, not an xlsx, layout not recognised).

    ``str()`` is an Indonesian sentence naming the file (the CLI and the window put their
    words on the ``code``; the sentence is the detail of a layout failure).

    ``report`` holds the findings gathered before the import stopped; nothing was imported
    (an import commits whole or not at all).
    """

    default_code = "workbook.layout"

    def __init__(self, message: str, report: ImportReport | None = None, **fields):
        params = dict(fields.pop("params", None) or {})
        # the words of ``err.workbook.layout`` say why (the file is named on its own line)
        params.setdefault("reason", re.sub(r"^[^:\n]*\.xls[xm]?: ", "", message))
        super().__init__(message, params=params, **fields)
        self.report = report


#: Reason codes of :class:`RateComparison` and what they mean, in Indonesian (printed in the
#: report legend; the codes are stable keys, the words are chosen where they are shown).
REASONS: dict[str, str] = {
    "match": "sama persis sampai rupiah",
    "text-decimal-comma-value-error": (
        "sebuah koefisien tersimpan sebagai teks dengan koma desimal Indonesia ('0,1667'); Excel "
        "tidak dapat menghitung dengannya dan menyimpan #VALUE! sampai ke harga satuan; kami "
        "membaca koma itu sebagai tanda desimal"
    ),
    "text-decimal-comma-thousands": (
        "sebuah koefisien tersimpan sebagai teks dengan koma desimal Indonesia ('2,625'); Excel "
        "membaca koma itu sebagai pemisah ribuan (2625), sehingga harga tersimpan kira-kira 1000 "
        "kali terlalu tinggi; kami membaca koma itu sebagai tanda desimal"
    ),
    "float-rounddown-boundary": (
        "harga tepatnya (dalam selisih 1E-6) adalah kelipatan Rp 100; bilangan biner titik-"
        "mengambang Excel jatuh di bawahnya lebih jauh daripada yang tertutup oleh tampilan 15 "
        "angka pentingnya (Excel membulatkan nilai seperti yang tampak ke 15 angka penting), "
        "sehingga ROUNDDOWN(F,-2) kehilangan Rp 100; aritmetika Decimal kami tidak"
    ),
    "workbook-rounding-rule": (
        "blok ini membulatkan dengan aturan lain daripada aturan buku (mis. ROUNDDOWN(F,0), bukan "
        "ROUNDDOWN(F,-2)); kami menerapkan aturan buku pada setiap analisa"
    ),
    "workbook-formula-error": (
        "sebuah jumlah dalam blok tidak menjumlahkan yang seharusnya (mis. baris D menjumlahkan "
        "sebuah baris, bukan subtotal tenaga kerja); harga tersimpan Excel mengikuti rumus yang "
        "keliru, harga kami A + B + C + E"
    ),
    "lookup-wrong-row": (
        "rumus harga sebuah baris mencari nama baris lain (Persiapan!G388 pada baris 'Waterpass' "
        "berisi =VLOOKUP(D356,…), dan D356 berisi 'Pekerja'), sehingga Excel memberi baris itu "
        "harga upah/bahan/alat yang lain itu; kami memberi harga menurut namanya sendiri "
        "(upah/bahan/alatnya, harganya, dan satuannya)"
    ),
    "stale-cached-value": (
        "nilai tersimpan tidak sesuai dengan rumus dan harga buku kerja itu sendiri (buku kerja "
        "disimpan tanpa dihitung ulang, atau nilai yang ditautkan berubah)"
    ),
    "no-cached-value": (
        "buku kerja tidak menyimpan nilai untuk sel harga satuan (disimpan oleh program yang tidak "
        "menghitung, mis. openpyxl): tidak ada yang dapat dibandingkan"
    ),
    "missing-price": (
        "sebuah baris tidak punya harga (namanya tidak ada di Upah Bahan; Excel menampilkan #N/A)"
    ),
    "model-differs": (
        "rumus buku kerja, dihitung tepat, memberi harga lain daripada analisa hasil impor (lihat "
        "temuan untuk blok itu)"
    ),
    "unexplained": "berbeda; tidak ada diagnosis yang menghasilkan kembali nilai tersimpan",
}

#: The same legend in English (the second language, chosen by ``DTPL_STUDIO_LANG=en``).
REASONS_EN: dict[str, str] = {
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

#: The words of the summary and the report frame, Indonesian and English (``{field}``s are
#: filled by :class:`ImportReport`). Finding messages are Indonesian only (their ``code`` is
#: the stable key); this small table is the whole English of the report.
TEXTS: dict[str, dict[str, str]] = {
    "id": {
        "status": "TIDAK DAPAT DIPAKAI: {errors} galat",
        "status.unread": "; {unread} dari {total} analisa tidak dapat dibaca",
        "status.todo": (" (lihat temuan galat di laporan impor; perbaiki sel yang disebut di buku "
                        "kerja, lalu impor lagi)"),
        "title": "Laporan impor: {file}",
        "importer": "pengimpor: {importer}",
        "counts": "jumlah: {counts}",
        "findings": "temuan: {findings}",
        "rates": ("harga satuan: {same} dari {total} sama persis sampai rupiah dengan nilai "
                  "tersimpan di buku kerja, {differ} berbeda"),
        "notes": "Catatan",
        "differ": "Harga satuan yang berbeda dari nilai tersimpan di buku kerja",
        "none": "(tidak ada)",
        "by_kind": "Temuan menurut jenis",
        "line": "{code} | {name} | kami {ours} | tersimpan {cached} | {reason_code}: {reason}",
        "raw": "tertulis",
        "empty": "(kosong)",
        "cause": "penyebab: {finding}",
        "cause.effect": "  → {analyses} analisa memakai harga {cell} yang ditolak ({derived} galat turunan)",
        "cause.more": "  … dan {n} galat lain yang bukan turunan (lihat laporan impor)",
        "causes": "Penyebab galat (perbaiki ini dulu; galat turunan tercantum di bawah menurut jenis)",
        "derived": " — {n} turunan dari sel yang ditolak: {cells}",
    },
    "en": {
        "status": "NOT USABLE: {errors} error(s)",
        "status.unread": "; {unread} of {total} analyses could not be read",
        "status.todo": " (see the error findings; fix the workbook and import again)",
        "title": "Import report: {file}",
        "importer": "importer: {importer}",
        "counts": "counts: {counts}",
        "findings": "findings: {findings}",
        "rates": "unit rates: {same} of {total} identical to the rupiah, {differ} differ",
        "notes": "Notes",
        "differ": "Unit rates that differ from the workbook's cached value",
        "none": "(none)",
        "by_kind": "Findings by kind",
        "line": "{code} | {name} | ours {ours} | cached {cached} | {reason_code}: {reason}",
        "raw": "raw",
        "empty": "(empty)",
        "cause": "cause: {finding}",
        "cause.effect": "  → {analyses} analyses use the refused price {cell} ({derived} derived errors)",
        "cause.more": "  … and {n} other error(s) that are not derived (see the import report)",
        "causes": "Root causes (fix these first; the derived errors are listed below by kind)",
        "derived": " — {n} derived from refused cells: {cells}",
    },
}

#: Severity words (the window's ``severity.*`` words).
SEVERITY_WORDS: dict[str, dict[Severity, str]] = {
    "id": {Severity.INFO: "info", Severity.WARNING: "peringatan", Severity.ERROR: "galat"},
    "en": {s: s.value for s in Severity},
}

#: Names of the report's counts (keys stay stable: ``edition.json`` and tests use them).
COUNT_WORDS: dict[str, dict[str, str]] = {
    "id": {
        "resources": "upah/bahan/alat",
        "resource_duplicate_names": "nama upah/bahan/alat ganda",
        "dhsp_items": "item DHSP",
        "analysis_sheets": "lembar analisa",
        "analysis_blocks": "blok analisa",
        "analyses": "analisa",
        "analysis_lines": "baris analisa",
        "rates_identical": "harga satuan sama",
        "rates_differ": "harga satuan berbeda",
        "formulas_without_cached_value": "rumus tanpa nilai tersimpan",
        # RAB import (dtpl_studio.spreadsheets.rab_import)
        "rows_read": "baris dibaca",
        "items": "item",
        "sections": "divisi",
        "subtotals": "baris sub total",
        "subtotals_matching": "sub total sama",
        "items_without_rate": "item tanpa harga",
        "backup_lines": "baris back-up",
        # price lists and HSPK (dtpl_studio.spreadsheets.price_lists, .hspk_json)
        "left_out": "baris tidak diambil",
        "headings": "baris judul bagian",
        "blank_rows": "baris kosong",
        "duplicates": "nama ganda",
        "not_construction": "baris bukan bahan konstruksi",
        "repaired_text": "sel teks diperbaiki (mojibake)",
        # analysis CSV and flat coefficient table (.analysis_csv, .sni_flat)
        "stray_cells": "sel di luar tabel (tidak diimpor)",
        "text_coefficients": "koefisien berupa teks",
        "suspect_coefficients": "koefisien kehilangan tanda desimal",
        "parameter_rows": "baris parameter (bukan komponen)",
        "priced_from_list": "upah/bahan/alat diberi harga dari daftar",
    },
    "en": {},
}


def report_language(lang: str | None = None) -> str:
    """``lang`` when it is ``"id"`` or ``"en"``, else ``$DTPL_STUDIO_LANG`` (the language
    switch of the window and the CLI) when it is one of them, else ``"id"``."""
    if lang in TEXTS:
        return lang
    env = os.environ.get("DTPL_STUDIO_LANG", "")
    return env if env in TEXTS else "id"


def number(value: Decimal | int | float | None) -> str:
    """A number for a message or report, the Indonesian way (``1.234,5``; ``0,04397…``), never
    rounded; a float as Excel holds it (``171.438,96000000002``); very large or tiny values with
    an exponent (``1E+30``); None as ``-``. Never raises."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return repr(value)
        value = Decimal(repr(value))
    elif isinstance(value, int):
        value = Decimal(value)
    if not isinstance(value, Decimal) or not value.is_finite():
        return str(value)
    if value and not -12 <= value.adjusted() <= 20:
        return f"{value:E}".replace(".", ",")
    return format_number(value)


def rupiah(value: Decimal | int | float | None) -> str:
    """``Rp 1.234.500`` (decimals kept: ``Rp 0,5``) for a message."""
    return f"Rp {number(value)}"


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

    def line(self, lang: str | None = None) -> str:
        """One line of the report: code, name, ours, cached, reason (numbers the Indonesian
        way; ``lang`` as :func:`report_language`)."""
        words = TEXTS[report_language(lang)]
        cached = self.cached_raw
        if self.cached is not None and cached not in ("", words["empty"]):
            cached = number(self.cached)
        elif cached in ("(empty)", "(kosong)"):
            cached = words["empty"]
        return words["line"].format(
            code=self.code, name=self.name, ours=number(self.ours), cached=cached,
            reason_code=self.reason_code, reason=self.reason,
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
    #: ``id(finding)`` → the cell (``Upah Bahan!G9``) whose refusal caused it: a derived
    #: error, listed after its root cause and counted under it (:meth:`derive`)
    caused_by: dict[int, str] = field(default_factory=dict, repr=False)

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
        if isinstance(raw, int | float | Decimal) and not isinstance(raw, bool):
            raw_text = number(raw)  # as Excel in Indonesian shows it
        else:
            raw_text = "" if raw is None or raw == "" else str(raw)
        return self.findings.add(
            severity, message, location=location, raw=raw_text, action=action, code=code
        )

    def derive(self, finding: Finding, cell: str) -> None:
        """Record that ``finding`` is a consequence of the refused cell ``cell``
        (``Sheet!G9``, the location of the root-cause finding without the file)."""
        self.caused_by[id(finding)] = cell

    def is_derived(self, finding: Finding) -> bool:
        return id(finding) in self.caused_by

    def root_causes(self) -> list[tuple[Finding, int, int]]:
        """The error findings that are not consequences of another, each with
        ``(finding, analyses left out because of it, derived errors)``; those with the
        most consequences first, then in report order."""
        derived = Counter(self.caused_by.values())
        analyses = Counter(cell for f in self.findings if f.code == "analysis-skipped"
                           for cell in [self.caused_by.get(id(f))] if cell)
        roots = []
        for f in self.findings:
            if f.severity is not Severity.ERROR or id(f) in self.caused_by:
                continue
            cell = f.location.split(" | ", 1)[-1]
            roots.append((f, analyses.get(cell, 0), derived.get(cell, 0)))
        roots.sort(key=lambda r: -r[2])  # stable: report order among equals
        return roots

    def cause_lines(self, lang: str | None = None, limit: int | None = 3) -> list[str]:
        """The root causes and what each one caused (``→ 669 analisa memakai harga G9 yang
        ditolak``), at most ``limit`` of them (None = all), for the summary and the report."""
        lang = report_language(lang)
        words = TEXTS[lang]
        roots = self.root_causes()
        shown = roots if limit is None else roots[:limit]
        lines = []
        for f, analyses, derived in shown:
            lines.append(words["cause"].format(finding=self.finding_line(f, lang)))
            if derived:
                cell = f.location.split(" | ", 1)[-1]
                lines.append(words["cause.effect"].format(
                    analyses=number(analyses), cell=cell.split("!")[-1] if "!" in cell else cell,
                    derived=number(derived)))
        if len(roots) > len(shown):
            lines.append(words["cause.more"].format(n=number(len(roots) - len(shown))))
        return lines

    @property
    def has_errors(self) -> bool:
        """True when a finding has severity ``error`` (something was not imported)."""
        return self.findings.has_errors

    @property
    def usable(self) -> bool:
        """False when the import has errors: something in the file was not imported (an
        analysis left out, a workbook without cached values…), so the book must not be used as
        if it were the file's content. The summary then starts with ``TIDAK DAPAT DIPAKAI``
        (``NOT USABLE`` in English)."""
        return not self.has_errors

    def status_line(self, lang: str | None = None) -> str:
        """``TIDAK DAPAT DIPAKAI: 415 galat; 207 dari 670 analisa tidak dapat dibaca (…)`` when
        the import has errors, else ``''`` (``lang`` as :func:`report_language`)."""
        if self.usable:
            return ""
        words = TEXTS[report_language(lang)]
        text = words["status"].format(errors=number(self.findings.count(Severity.ERROR)))
        if self.comparisons:
            unread = sum(1 for c in self.comparisons if c.ours is None)
            text += words["status.unread"].format(
                unread=number(unread), total=number(len(self.comparisons))
            )
        return text + words["status.todo"]

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
    def summary(self, lang: str | None = None) -> str:
        """A few lines: file, counts, findings by severity, comparison totals; first of all
        :meth:`status_line` when the import is not usable. In ``lang`` (``"id"``/``"en"``,
        default :func:`report_language`: Indonesian unless ``DTPL_STUDIO_LANG=en``)."""
        lang = report_language(lang)
        words, severities = TEXTS[lang], SEVERITY_WORDS[lang]
        lines = [self.status_line(lang), *self.cause_lines(lang)] if not self.usable else []
        lines.append(words["title"].format(file=self.source_file))
        if self.source_sha256:
            lines.append(f"sha256: {self.source_sha256}")
        if self.importer:
            importer = f"{self.importer} {self.importer_version}".rstrip()
            lines.append(words["importer"].format(importer=importer))
        if self.counts:
            names = COUNT_WORDS[lang]
            counts = ", ".join(f"{names.get(k, k)} {number(v)}" for k, v in self.counts.items())
            lines.append(words["counts"].format(counts=counts))
        findings = ", ".join(f"{number(self.findings.count(s))} {severities[s]}" for s in Severity)
        lines.append(words["findings"].format(findings=findings))
        if self.comparisons:
            lines.append(words["rates"].format(
                same=number(len(self.matching)), total=number(len(self.comparisons)),
                differ=number(len(self.differing)),
            ))
        return "\n".join(lines)

    def finding_line(self, finding: Finding, lang: str | None = None) -> str:
        """``[peringatan] AHSP.xlsx | Kaca!H124 <message> (tertulis '=H123') → <action>``."""
        lang = report_language(lang)
        parts = [f"[{SEVERITY_WORDS[lang][finding.severity]}]"]
        if finding.location:
            parts.append(finding.location)
        parts.append(finding.message)
        if finding.raw:
            parts.append(f"({TEXTS[lang]['raw']} {finding.raw!r})")
        if finding.action:
            parts.append(f"→ {finding.action}")
        return " ".join(parts)

    def render_text(self, lang: str | None = None) -> str:
        """The full report as plain UTF-8 text: summary, notes, differing rates grouped by
        reason, then every finding grouped by code. Deterministic (no timestamps), so the
        text can be committed and diffed; the shipped edition's report is always Indonesian
        (:func:`~dtpl_studio.spreadsheets.edition.edition_texts` asks for ``"id"``)."""
        lang = report_language(lang)
        words, severities = TEXTS[lang], SEVERITY_WORDS[lang]
        legend = REASONS if lang == "id" else REASONS_EN
        out = [self.summary(lang), ""]
        if len(self.root_causes()) > 3:  # all root causes before their consequences (the
            # summary above shows the first three: issue 5, fix5 point 2)
            out.append(words["causes"])
            out.extend(self.cause_lines(lang, limit=None))
            out.append("")
        if self.notes:
            out.append(words["notes"])
            out.extend(f"- {note}" for note in self.notes)
            out.append("")
        if self.comparisons:
            out.append(words["differ"])
            groups = self.by_reason()
            if not groups:
                out.append(words["none"])
            for code, members in groups.items():
                out.append(f"[{code}] {number(len(members))}: {legend.get(code, '')}")
                out.extend(f"  {c.line(lang)}" for c in members)
            out.append("")
        out.append(words["by_kind"])
        counts = Counter(f.code or "other" for f in self.findings)
        for code in sorted(counts):
            members = [f for f in self.findings if (f.code or "other") == code]
            worst = max((f.severity for f in members), key=list(Severity).index)
            header = f"[{code}] {number(len(members))} ({severities[worst]})"
            cells = Counter(self.caused_by[id(f)] for f in members if id(f) in self.caused_by)
            if cells:
                header += words["derived"].format(
                    n=number(sum(cells.values())),
                    cells=", ".join(f"{cell} {number(n)}" for cell, n in cells.most_common()))
            out.append(header)
            # within a kind, what is not derived first (a root cause is never buried)
            members.sort(key=lambda f: id(f) in self.caused_by)
            out.extend(f"  {self.finding_line(f, lang)}" for f in members)
        out.append("")
        return "\n".join(out)

    def render(self, lang: str | None = None) -> str:
        """Same as :meth:`render_text` (the name the CLI's ``--report`` option calls)."""
        return self.render_text(lang)

    def __str__(self) -> str:
        return self.summary()
