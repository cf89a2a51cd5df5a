"""Which price layout a file holds (``dtpl-studio import-prices FILE [--layout L]``).

Known layouts (issue 8 point 2; the real files in ``../shared/data/README.md``):

* ``ahsp-xlsx`` — the AHSP Cipta Karya block workbook (:mod:`.ahsp_cipta_karya`);
* ``edisi-xlsx`` — the project's own spreadsheet of an edition (:mod:`.edition_xlsx`),
  recognised by the format marker of its ``Edisi`` sheet;
* ``hspk-json`` — a regional HSPK price set as JSON records with ``work_code``,
  ``work_description``, ``unit``, ``unit_price_idr``, ``region`` (:mod:`.hspk_json`);
* ``harga-csv`` — a price list CSV with the heading ``Kode;Komponen;Satuan;Harga_Dasar;
  Kategori`` (the Upah Bahan export; :mod:`.price_lists`);
* ``ssh-csv`` — a kab/kota SSH/SBU standard price list CSV with ``id_ssh, komponen,
  spesifikasi, satuan, harga, kelompok, tahun`` (:mod:`.price_lists`);
* ``analisa-csv`` — AHSP analysis blocks flattened into a CSV, a ``No;Uraian;Sat.;Koefisien;…``
  heading per block (:mod:`.analysis_csv`);
* ``sni-flat`` — the flat coefficient table of the 2025 AHSP, one row per component with
  ``kode_ahsp, nama_ahsp, kategori, item, satuan, koefisien`` (:mod:`.sni_flat`), recognised
  by the heading of its first sheet.

Detection reads the file's start only (the first JSON record, the CSV heading), never the
whole file twice. An unknown layout is refused with :class:`LayoutError` naming the known ones.
"""

from __future__ import annotations

import json
from pathlib import Path

from dtpl_studio.errors import DtplError

#: layout name → Indonesian description (printed in the refusal and ``--help``)
LAYOUTS: dict[str, str] = {
    "ahsp-xlsx": "buku kerja AHSP (blok analisa dan Upah Bahan, .xlsx)",
    "edisi-xlsx": "lembar kerja edisi DTPL Studio (dtpl-studio export-edition NOMOR BERKAS.xlsx)",
    "hspk-json": "HSPK per kabupaten/kota (JSON: work_code, unit_price_idr, region)",
    "harga-csv": "daftar harga upah/bahan/alat (CSV: Kode;Komponen;Satuan;Harga_Dasar;Kategori)",
    "ssh-csv": "daftar SSH/SBU kabupaten/kota (CSV: id_ssh,komponen,spesifikasi,satuan,harga,kelompok,tahun)",
    "analisa-csv": "blok analisa AHSP dalam CSV (No;Uraian;Sat.;Koefisien;Harga Satuan;Jumlah Harga)",
    "sni-flat": "tabel koefisien AHSP datar (.xlsx: kode_ahsp, nama_ahsp, kategori, item, satuan, koefisien)",
}

HSPK_KEYS = frozenset({"work_code", "work_description", "unit", "unit_price_idr"})
PRICE_LIST_HEADS = frozenset({"komponen", "satuan", "harga_dasar"})
#: how many non-blank lines of a CSV are searched for its heading row
HEADING_SEARCH = 20
SSH_HEADS = frozenset({"id_ssh", "komponen", "satuan", "harga", "kelompok"})


class LayoutError(DtplError, ValueError):
    """The file's layout is not one of :data:`LAYOUTS` (or ``--layout`` names none of them)."""

    default_code = "prices.layout_unknown"


def known_layouts_text() -> str:
    """``ahsp-xlsx (buku kerja AHSP …); hspk-json (…); …`` for messages."""
    return "; ".join(f"{name} ({words})" for name, words in LAYOUTS.items())


def _refuse(path: Path, why: str) -> LayoutError:
    return LayoutError(f"{path.name}: tata letak tidak dikenali ({why}); yang dikenal: {known_layouts_text()}",
                       path=path, params={"reason": why, "known": ", ".join(LAYOUTS)})


def check_layout(name: str) -> str:
    """``name`` if it is a known layout.

    Raises:
        LayoutError: it is not (the message lists the known ones).
    """
    if name not in LAYOUTS:
        raise LayoutError(f"tata letak {name!r} tidak dikenal; yang dikenal: {known_layouts_text()}",
                          params={"reason": f"tata letak {name!r} tidak dikenal", "known": ", ".join(LAYOUTS)})
    return name


def detect_layout(path: Path) -> str:
    """The layout of ``path`` (a key of :data:`LAYOUTS`).

    Raises:
        LayoutError: the content matches no known layout (the message says what was seen and
            which layouts are known).
        OSError: the file cannot be read.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        from dtpl_studio.spreadsheets.edition_xlsx import is_edition_workbook
        from dtpl_studio.spreadsheets.sni_flat import is_flat_table

        if is_edition_workbook(path):
            return "edisi-xlsx"
        return "sni-flat" if is_flat_table(path) else "ahsp-xlsx"
    head = path.read_bytes()[:65536]
    if suffix == ".json" or head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"[", b"{"):
        try:
            data = json.loads(path.read_bytes().decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise _refuse(path, f"JSON tidak terbaca: {exc}") from exc
        first = data[0] if isinstance(data, list) and data else None
        if isinstance(first, dict) and HSPK_KEYS <= set(first):
            return "hspk-json"
        keys = ", ".join(sorted(first)) if isinstance(first, dict) else type(data).__name__
        raise _refuse(path, f"JSON tanpa kolom {', '.join(sorted(HSPK_KEYS))} (terbaca: {keys})")
    from dtpl_studio.spreadsheets.price_lists import decode_text, sniff_dialect

    text, _ = decode_text(head, partial=True)
    lines = [ln for ln in text.splitlines() if any(ch.isalnum() for ch in ln)]
    first_line = lines[0] if lines else ""
    dialect = sniff_dialect(text)
    # the heading may sit below title rows and empty spreadsheet rows (a price list exported
    # with its title: the harga-csv reader looks for it the same way)
    for line in lines[:HEADING_SEARCH]:
        heads = {h.strip().strip('"').lower() for h in line.split(dialect.delimiter)}
        if SSH_HEADS <= heads:
            return "ssh-csv"
        if PRICE_LIST_HEADS <= heads:
            return "harga-csv"
    from dtpl_studio.spreadsheets.analysis_csv import looks_like_analysis_csv

    if looks_like_analysis_csv(text):
        return "analisa-csv"
    raise _refuse(path, f"baris judul {first_line[:80]!r}")
