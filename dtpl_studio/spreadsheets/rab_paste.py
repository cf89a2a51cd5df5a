"""A tab-separated block pasted from a spreadsheet, read as RAB rows (issue 10 point 9).

A facilitator copies rows of a RAB sheet (LibreOffice, Excel, Google Sheets put them on the
clipboard as text, one row a line, cells separated by tabs) and pastes them into the RAB
tree. Each row becomes an item: an *analysis item* when a code column holds a code the
package's pinned book or the catalogue knows, else a *custom item* with the row's rate.
A row with only a description (a heading: ``PEKERJAAN TANAH``) becomes a section holding the
rows below it. Subtotal/total rows (``Jumlah``, ``Sub Total A``, ``PPN``…) and a row of
column numbers are skipped.

The header row is found as in an imported workbook (:func:`~dtpl_studio.spreadsheets.rab_table.find_header`,
the same header words); a block without a header has its columns guessed from their content
(a column of units, of known codes, of numbers…) and the guess is a finding. Numbers are read
in the block's convention (:func:`~dtpl_studio.costing.numbers.detect_convention`: ``1.234,56``
Indonesian by default, ``1,234.56`` when the block says so), units through
:func:`~dtpl_studio.costing.units.read_unit`.

Nothing is lost: a cell that cannot be read becomes a :class:`PasteFinding` (row, column,
what was read, what was done); the row is still pasted with what could be read and the
raw text in the item's note, so the facilitator sees it in the tree and fixes it. The window
shows the findings and asks before applying.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from dtpl_studio.costing.findings import Severity
from dtpl_studio.costing.formatting import format_number, format_rupiah
from dtpl_studio.costing.numbers import (
    NumberConvention,
    NumberParseError,
    detect_convention,
    parse_number,
)
from dtpl_studio.costing.rab import MAX_RATE, MAX_VOLUME, Item, Section
from dtpl_studio.costing.units import UnitDimensionError, UnknownUnitError, read_unit
from dtpl_studio.spreadsheets.rab_table import (
    Header,
    Role,
    classify_header,
    column_number_row,
    find_header,
    label_of,
)

#: A pasted block larger than this is refused (a whole sheet pasted by mistake).
MAX_ROWS = 5000
#: Reason stored on a custom item made from a pasted row.
CUSTOM_REASON = "ditempel dari lembar kerja"

_ROLE_NAMES = {Role.NO: "No", Role.URAIAN: "Uraian", Role.SPEC: "Spesifikasi", Role.CODE: "Kode",
               Role.UNIT: "Satuan", Role.VOLUME: "Volume", Role.RATE: "Harga Satuan", Role.AMOUNT: "Jumlah"}


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """An analysis code a pasted row may name: its ``name``, canonical ``unit`` and unit
    ``rate`` F (None when it cannot be computed)."""

    name: str
    unit: str
    rate: Decimal | None = None


@dataclass(frozen=True, slots=True)
class PasteFinding:
    """What was not taken as written: ``row`` (1-based line of the pasted block), ``column``
    (1-based, 0 = the whole row) and its name, the ``raw`` text and the Indonesian ``message``
    (what was read, what was done)."""

    severity: Severity
    row: int
    column: int
    column_name: str
    raw: str
    message: str

    def text(self) -> str:
        """``baris 3, kolom 4 (Volume): 'abc' bukan angka; volume 0``."""
        where = f"baris {self.row}" if self.row else "tempelan"
        if self.column:
            where += f", kolom {self.column}" + (f" ({self.column_name})" if self.column_name else "")
        raw = f" {self.raw!r}" if self.raw else ""
        return f"{where}:{raw} {self.message}"


@dataclass
class TablePaste:
    """The rows of a pasted block as RAB nodes.

    Attributes:
        nodes: top nodes in order (items; sections made from heading rows, holding the items
            below them).
        findings: every cell or row not taken as written.
        roles: column (1-based) → role read from the header or guessed.
        header_row: the header's last line (None: no header, columns guessed).
        codes: analysis codes the items use (to pin from the catalogue when the package
            lacks them).
        rows: how many lines became items.
    """

    nodes: list[Section | Item] = field(default_factory=list)
    findings: list[PasteFinding] = field(default_factory=list)
    roles: dict[int, Role] = field(default_factory=dict)
    header_row: int | None = None
    codes: set[str] = field(default_factory=set)
    rows: int = 0

    @property
    def items(self) -> list[Item]:
        out: list[Item] = []
        for node in self.nodes:
            out.extend(node.items() if isinstance(node, Section) else [node])
        return out

    @property
    def has_problems(self) -> bool:
        """A warning or an error: the window asks before applying."""
        return any(f.severity is not Severity.INFO for f in self.findings)


def split_block(text: str) -> list[list[str]]:
    """The cells of a tab-separated block: lines by ``\\r\\n``/``\\n``, cells by tab; a
    quoted cell (``"a<tab>b"``, ``"line\\nline"``, ``""`` for a quote), as spreadsheets
    write a cell holding a tab or a line break, is one cell. Trailing empty lines dropped."""
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    i, n = 0, len(text)
    at_start = True
    while i < n:
        ch = text[i]
        if at_start and ch == '"':
            j = i + 1
            buf: list[str] = []
            while j < n:
                if text[j] == '"':
                    if j + 1 < n and text[j + 1] == '"':
                        buf.append('"')
                        j += 2
                        continue
                    break
                buf.append(text[j])
                j += 1
            if j < n and (j + 1 == n or text[j + 1] in "\t\r\n"):
                cell.extend(buf)
                i = j + 1
                at_start = False
                continue
        at_start = False
        if ch == "\t":
            row.append("".join(cell))
            cell, at_start = [], True
        elif ch in "\r\n":
            if ch == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
            row.append("".join(cell))
            rows.append(row)
            row, cell, at_start = [], [], True
        else:
            cell.append(ch)
        i += 1
    if cell or row:
        row.append("".join(cell))
        rows.append(row)
    while rows and not any(c.strip() for c in rows[-1]):
        rows.pop()
    return rows


def _number(text: str, convention: NumberConvention) -> Decimal | None:
    try:
        return parse_number(text, convention)
    except NumberParseError:
        return None


def _numeric_text(text: str) -> bool:
    return any(ch.isdigit() for ch in text) and (
        _number(text, NumberConvention.ID) is not None or _number(text, NumberConvention.US) is not None)


def _guess_roles(grid: list[list[str]], codes: Mapping[str, object]) -> dict[int, Role]:
    """Column roles of a block without a header, from what the columns hold."""
    width = max(len(r) for r in grid)
    stats = []
    for c in range(width):
        values = [r[c].strip() for r in grid if c < len(r) and r[c].strip()]
        count = len(values) or 1
        numeric = sum(_numeric_text(v) for v in values) / count
        units = 0
        for v in values:
            if _numeric_text(v):
                continue
            try:
                read_unit(v)
                units += 1
            except (UnknownUnitError, UnitDimensionError):
                pass
        known = sum(v in codes for v in values) / count
        length = sum(len(v) for v in values) / count
        stats.append((c + 1, values, numeric, units / count, known, length))
    roles: dict[int, Role] = {}
    taken: set[int] = set()
    code_cols = [s for s in stats if s[4] >= 0.5]
    if code_cols:
        col = max(code_cols, key=lambda s: s[4])[0]
        roles[col] = Role.CODE
        taken.add(col)
    unit_cols = [s for s in stats if s[3] >= 0.5 and s[0] not in taken]
    if unit_cols:
        col = max(unit_cols, key=lambda s: s[3])[0]
        roles[col] = Role.UNIT
        taken.add(col)
    texts = [s for s in stats if s[0] not in taken and s[2] < 0.5 and s[1]]
    if texts:
        col = max(texts, key=lambda s: s[5])[0]
        roles[col] = Role.URAIAN
        taken.add(col)
        # short entries left of the description (1, 2, a, II.1…) are the No column
        first = stats[0]
        if first[0] < col and first[0] not in taken and first[1] and all(len(v) <= 6 for v in first[1]):
            roles[first[0]] = Role.NO
            taken.add(first[0])
    numbers = [s[0] for s in stats if s[0] not in taken and s[2] >= 0.5]
    for col, role in zip(numbers, (Role.VOLUME, Role.RATE, Role.AMOUNT), strict=False):
        roles[col] = role
    return roles


def read_block(text: str, codes: Mapping[str, CodeInfo] | None = None) -> TablePaste:
    """Read a pasted tab-separated block into RAB nodes (see the module docstring).

    Args:
        text: the clipboard text.
        codes: analysis codes that price an item (the package's pinned book and the
            catalogue): code → :class:`CodeInfo`.

    Returns:
        A :class:`TablePaste`; with no node when nothing could be read (the findings say why).
    """
    codes = codes or {}
    result = TablePaste()
    grid = split_block(text)
    if not grid:
        result.findings.append(PasteFinding(Severity.ERROR, 0, 0, "", "", "tidak ada baris untuk ditempel"))
        return result
    if len(grid) > MAX_ROWS:
        result.findings.append(PasteFinding(Severity.ERROR, 0, 0, "", "",
                                            f"{len(grid)} baris: lebih dari {MAX_ROWS}, tidak ditempel"))
        return result
    width = max(len(r) for r in grid)

    def cell(row: int, col: int) -> str:
        cells = grid[row - 1]
        return cells[col - 1].strip() if col - 1 < len(cells) else ""

    def texts_of(row: int, col: int) -> str:
        value = cell(row, col)
        return "" if _numeric_text(value) else value

    def numeric(row: int, col: int) -> bool:
        return _numeric_text(cell(row, col))

    header: Header | None = find_header(texts_of, numeric, len(grid), width)
    if header is None:  # a short header (no rate or amount column) on the first line
        named = {c: classify_header(cell(1, c)) for c in range(1, width + 1)}
        roles = {c: r for c, r in named.items() if r is not None}
        if Role.URAIAN in roles.values() and len(roles) >= 2:
            header = Header(1, 1, roles, {c: cell(1, c) for c in roles}, len(roles))
    if header is not None:
        result.roles = dict(header.roles)
        result.header_row = header.last_row
        first = header.last_row + 1
    else:
        result.roles = _guess_roles(grid, codes)
        first = 1
        guessed = ", ".join(f"{c}={_ROLE_NAMES[r]}" for c, r in sorted(result.roles.items()))
        result.findings.append(PasteFinding(Severity.INFO, 0, 0, "", "",
                                            f"tanpa baris judul; kolom dibaca sebagai {guessed or '-'}"))
    roles = result.roles
    if Role.URAIAN not in roles.values():
        result.findings.append(PasteFinding(Severity.ERROR, 0, 0, "", "",
                                            "kolom uraian tidak ditemukan; tidak ada yang ditempel"))
        return result

    def cols(role: Role) -> list[int]:
        return sorted(c for c, r in roles.items() if r is role)

    def name(col: int) -> str:
        role = roles.get(col)
        if header is not None and col in header.texts:
            return " ".join(header.texts[col].split())
        return _ROLE_NAMES.get(role, "") if role else ""

    samples = [cell(r, c) for r in range(first, len(grid) + 1)
               for c in cols(Role.VOLUME) + cols(Role.RATE) + cols(Role.AMOUNT)]
    convention = detect_convention(s for s in samples if s) or NumberConvention.ID
    if convention is NumberConvention.US:
        result.findings.append(PasteFinding(Severity.INFO, 0, 0, "", "",
                                            "angka ditulis gaya AS (1,234.56): dibaca begitu"))
    open_section: Section | None = None

    def note(severity: Severity, row: int, col: int, raw: str, message: str) -> None:
        result.findings.append(PasteFinding(severity, row, col, name(col), raw, message))

    def read_number(row: int, col: int | None, what: str) -> tuple[Decimal | None, str]:
        """(value, raw): None for an empty cell or one that cannot be read (a finding)."""
        if col is None:
            return None, ""
        raw = cell(row, col)
        if not raw:
            return None, ""
        value = _number(raw, convention)
        if value is None or not value.is_finite():
            note(Severity.ERROR, row, col, raw, f"bukan angka ({what}); dikosongkan, teks disimpan di catatan item")
            return None, raw
        if value < 0:
            note(Severity.ERROR, row, col, raw, f"{what} negatif; dikosongkan, teks disimpan di catatan item")
            return None, raw
        limit = MAX_VOLUME if what == "volume" else MAX_RATE
        if value > limit:
            note(Severity.ERROR, row, col, raw, f"{what} melebihi batas {format_number(limit)}; dikosongkan, "
                                                "teks disimpan di catatan item")
            return None, raw
        return value, raw

    for row in range(first, len(grid) + 1):
        values = [cell(row, c) for c in range(1, width + 1)]
        if not any(values):
            continue
        if column_number_row(values):
            note(Severity.INFO, row, 0, "", "baris nomor kolom; dilewati")
            continue
        description = " ".join(cell(row, c) for c in cols(Role.URAIAN) if cell(row, c))
        spec = " ".join(cell(row, c) for c in cols(Role.SPEC) if cell(row, c))
        label = label_of(description) if description else None
        if label is not None:
            note(Severity.INFO, row, 0, description, "baris jumlah/total; dilewati (dihitung ulang)")
            continue
        code_col = next(iter(cols(Role.CODE)), None)
        unit_col = next(iter(cols(Role.UNIT)), None)
        vol_col = next(iter(cols(Role.VOLUME)), None)
        rate_col = next(iter(cols(Role.RATE)), None)
        amount_col = next(iter(cols(Role.AMOUNT)), None)
        code = cell(row, code_col) if code_col else ""
        unit_raw = cell(row, unit_col) if unit_col else ""
        filled = [cell(row, c) for c in (vol_col, rate_col) if c] + [code, unit_raw]
        if not any(filled):
            if not description:
                note(Severity.WARNING, row, 0, " | ".join(v for v in values if v),
                     "baris tanpa uraian, satuan, volume atau harga; dilewati")
                continue
            open_section = Section(description)  # a heading: the rows below go into it
            result.nodes.append(open_section)
            continue
        if not description:
            description = spec or code or f"Item baris {row}"
            note(Severity.WARNING, row, cols(Role.URAIAN)[0], "", f"uraian kosong; diberi nama {description!r}")
        elif spec:
            description = f"{description} ({spec})"
        notes: list[str] = []
        analysis = codes.get(code) if code else None
        if code and analysis is None:
            note(Severity.WARNING, row, code_col, code,
                 "kode tidak ada di buku harga paket maupun katalog; dibuat item harga khusus")
        unit = ""
        if unit_raw:
            try:
                reading = read_unit(unit_raw)
                unit = reading.symbol
                if reading.note:
                    note(Severity.INFO, row, unit_col, unit_raw, f"{reading.note}; dibaca {unit}")
            except (UnknownUnitError, UnitDimensionError):
                unit = unit_raw
                note(Severity.ERROR, row, unit_col, unit_raw, "satuan tidak dikenal; ditempel apa adanya, perbaiki di tabel")
        elif analysis is not None:
            unit = analysis.unit
            note(Severity.INFO, row, unit_col or 0, "", f"satuan kosong; dipakai satuan analisa {unit}")
        else:
            note(Severity.ERROR, row, unit_col or 0, "", "satuan kosong; isi di tabel")
        if analysis is not None and unit and unit != analysis.unit:
            note(Severity.WARNING, row, unit_col, unit_raw,
                 f"satuan berbeda dari analisa {code} ({analysis.unit})")
        volume, raw_volume = read_number(row, vol_col, "volume")
        if raw_volume and volume is None:
            notes.append(f"volume ditempel: {raw_volume}")
        if volume is None and not raw_volume:
            note(Severity.WARNING, row, vol_col or 0, "", "volume kosong; diisi 0")
        rate, raw_rate = read_number(row, rate_col, "harga satuan")
        if raw_rate and rate is None:
            notes.append(f"harga satuan ditempel: {raw_rate}")
        amount, _ = read_number(row, amount_col, "jumlah")
        item = Item(description, unit, volume=volume if volume is not None else Decimal(0),
                    note="; ".join(notes))
        if analysis is not None:
            item.analysis_code = code
            result.codes.add(code)
            rate_of = analysis.rate
            if rate is not None and rate_of is not None and rate != rate_of:
                note(Severity.WARNING, row, rate_col, raw_rate,
                     f"harga satuan berbeda dari analisa {code} (Rp {format_rupiah(rate_of)}); "
                     "dipakai harga analisa")
        elif rate is not None:
            item.custom_rate = rate
            item.custom_reason = f"{CUSTOM_REASON} (baris {row})"
        elif not raw_rate:
            note(Severity.WARNING, row, rate_col or 0, "", "harga satuan kosong; item tanpa harga, isi di tabel")
        if amount is not None and volume is not None and rate is not None:
            made = (volume * rate).quantize(Decimal(1), rounding=ROUND_HALF_UP)
            if abs(made - amount) > 1:
                note(Severity.WARNING, row, amount_col, format_rupiah(amount),
                     f"jumlah tidak sama dengan volume × harga ({format_number(volume)} × "
                     f"{format_rupiah(rate)} = {format_rupiah(made)}); jumlah dihitung ulang")
        if open_section is not None:
            open_section.children.append(item)
        else:
            result.nodes.append(item)
        result.rows += 1
    custom = sum(1 for i in result.items if i.custom_rate is not None)
    if custom:  # the reason says the rows were pasted; where the figures come from is the user's
        result.findings.append(PasteFinding(Severity.INFO, 0, 0, "", "",
                                            f"{custom} item harga khusus: tulis sumber harganya (survei, "
                                            "penawaran, SBU/SSH) setelah menempel"))
    if not result.nodes:
        result.findings.append(PasteFinding(Severity.ERROR, 0, 0, "", "", "tidak ada baris yang dapat dibaca"))
    return result


__all__ = ["CUSTOM_REASON", "CodeInfo", "MAX_ROWS", "PasteFinding", "TablePaste", "read_block", "split_block"]
