"""The one pint registry for the whole application, with construction units and aliases.

* :data:`ureg` is the only :class:`pint.UnitRegistry`; it works in ``Decimal``
  (``non_int_type=Decimal``) and loads ``units.txt`` beside this file.
* Every unit string met in a file goes through :func:`normalize_unit`, which maps the
  spellings seen in ``../shared/data/public/`` (``M3``, ``m³``, ``mÂ²``, ``m'``, ``m1``,
  ``Bh``, ``Is`` for ls, ``unit hari``…) to a canonical symbol, and raises
  :class:`UnknownUnitError` for anything else: an unknown spelling is reported by the
  caller, never dropped.
* Canonical symbols are the ones printed on RABs (``m3``, ``m2``, ``m'``, ``OH``, ``bh``…);
  :data:`CANONICAL` gives the pint expression behind each.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from importlib.resources import files
from pathlib import Path

import pint


def _cache_folder() -> Path | None:
    """Where pint may keep its parsed definitions: ``$DTPL_STUDIO_CACHE``, else ``cache/`` in
    ``$DTPL_STUDIO_HOME``, else platformdirs' user cache folder; None when ``DTPL_STUDIO_CACHE``
    is ``off``."""
    explicit = os.environ.get("DTPL_STUDIO_CACHE")
    if explicit:
        return None if explicit == "off" else Path(explicit) / "pint"
    home = os.environ.get("DTPL_STUDIO_HOME")
    if home:
        return Path(home) / "cache" / "pint"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("dtpl-studio", appauthor=False)) / "pint"


def _make_registry() -> pint.UnitRegistry:
    """The registry with ``units.txt``; pint's disk cache of parsed definitions makes it
    ~20× faster to build after the first run (issue 10: 0,2 s of ``dtpl-studio check``).
    Any trouble with the cache (read-only folder, a damaged cache file) falls back to
    parsing the definitions, which is what the cache holds anyway."""
    definitions = str(files("dtpl_studio.costing").joinpath("units.txt"))
    folder = _cache_folder()
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            registry = pint.UnitRegistry(non_int_type=Decimal, autoconvert_offset_to_baseunit=True,
                                         cache_folder=folder)
            registry.load_definitions(definitions)
            return registry
        except Exception:  # noqa: BLE001 - the cache is an optimisation only
            pass
    registry = pint.UnitRegistry(non_int_type=Decimal, autoconvert_offset_to_baseunit=True)
    registry.load_definitions(definitions)
    return registry


ureg = _make_registry()
Quantity = ureg.Quantity

#: canonical symbol → pint expression. Symbols are what a RAB prints.
CANONICAL: dict[str, str] = {
    "m": "meter",
    "m'": "meter",  # meter lari: a run of length, printed m'
    "cm": "centimeter",
    "mm": "millimeter",
    "km": "kilometer",
    "m2": "meter ** 2",
    "cm2": "centimeter ** 2",
    "ha": "hectare",
    "m3": "meter ** 3",
    "liter": "liter",
    "ml": "milliliter",
    "kg": "kilogram",
    "gram": "gram",
    "ton": "metric_ton",
    "OH": "orang_hari",
    "OJ": "orang_jam",
    "OB": "orang_bulan",
    "ls": "lump_sum",
    "bh": "buah",
    "titik": "titik",
    "zak": "zak",
    "btg": "batang",
    "lbr": "lembar",
    "unit": "unit_",
    "set": "set_",
    "lot": "lot",
    "roll": "roll",
    "psg": "pasang",
    "tgl": "tunggul",
    "dus": "dus",
    "kaleng": "kaleng",
    "tabung": "tabung",
    "rit": "rit",
    "pohon": "pohon",
    "hari": "hari_sewa",
    "jam": "jam_sewa",
    "bulan": "bulan_sewa",
    "kali": "kali",
    "paket": "paket",
    "lusin": "lusin",
    "ikat": "ikat",
    "pak": "pak",
    "tube": "tube",
    "VA": "volt_ampere",
    "kWh": "kilowatt_hour",
    "polybag": "polybag",
    "daun": "daun",
    "jerigen": "jerigen",
    "galon": "galon",
    "karung": "karung",
    "bks": "bungkus",
    "keping": "keping",
    "eksemplar": "eksemplar",
    "ons": "ons",  # electricity connection fees are priced per VA of connected load
    "%": "dimensionless",
    "": "dimensionless",
}

#: lower-cased, space-folded spelling → canonical symbol. Sources: the unit columns of every
#: file in ``../shared/data/public/`` (DOMAIN.md §7.4 item 2 lists the families).
ALIASES: dict[str, str] = {
    # length
    "m": "m", "meter": "m", "mtr": "m", "m1": "m'", "m¹": "m'", "m'": "m'", "m’": "m'",
    "m‘": "m'", "m`": "m'", "m''": "m'", "m lari": "m'", "meter lari": "m'",
    "mlari": "m'", "m panjang": "m'", "m'.": "m'",
    "cm": "cm", "mm": "mm", "km": "km",
    # area
    "m2": "m2", "m²": "m2", "m^2": "m2", "meter persegi": "m2", "m 2": "m2", "m2.": "m2",
    "cm2": "cm2", "ha": "ha", "hektar": "ha",
    # volume
    "m3": "m3", "m³": "m3", "m^3": "m3", "meter kubik": "m3", "kubik": "m3", "m 3": "m3",
    "liter": "liter", "ltr": "liter", "lt": "liter", "l": "liter", "litre": "liter",
    # ml / mL / Ml / ML are millilitres, never metre run (issue 5 fault 5): case folding must
    # not turn a volume into a length. A metre run is written m', m1, M1, m lari.
    "ml": "ml", "mililiter": "ml", "milliliter": "ml", "millilitre": "ml", "cc": "ml",
    # mass
    "kg": "kg", "kilogram": "kg", "kgs": "kg", "gram": "gram", "gr": "gram", "g": "gram",
    "ton": "ton", "tonne": "ton",
    # labour
    "oh": "OH", "o.h": "OH", "o.h.": "OH", "org/hari": "OH", "orang/hari": "OH", "hok": "OH",
    "orang hari": "OH", "oj": "OJ", "o.j": "OJ", "orang jam": "OJ", "org/jam": "OJ",
    "orang/jam": "OJ", "ob": "OB", "orang/bulan": "OB", "orang bulan": "OB", "org/bln": "OB",
    # lump sum (also mis-read as "Is")
    "ls": "ls", "l.s": "ls", "l.s.": "ls", "lumpsum": "ls", "lump sum": "ls", "is": "ls",
    "lumpsump": "ls",
    # counts
    "bh": "bh", "buah": "bh", "bh.": "bh", "pcs": "bh", "pc": "bh", "biji": "bh", "bj": "bh",
    "titik": "titik", "ttk": "titik", "tt": "titik", "titk": "titik",
    "zak": "zak", "sak": "zak", "zak.": "zak",
    "btg": "btg", "batang": "btg", "bt": "btg", "lonjor": "btg", "ljr": "btg",
    # "lb" is not here: it is the pound (a mass); a sheet is lbr / lembar
    "lbr": "lbr", "lembar": "lbr", "lmbr": "lbr",
    "unit": "unit", "unt": "unit", "set": "set", "stel": "set", "lot": "lot",
    "roll": "roll", "rol": "roll", "psg": "psg", "pasang": "psg", "tgl": "tgl",
    "tunggul": "tgl", "dus": "dus", "doz": "lusin", "box": "dus", "kaleng": "kaleng",
    "klg": "kaleng", "dos": "dus", "tabung": "tabung", "tbg": "tabung", "rit": "rit", "truk": "rit",
    "ret": "rit", "pohon": "pohon", "phn": "pohon", "kali": "kali", "paket": "paket",
    "pkt": "paket", "lusin": "lusin", "ikat": "ikat", "ikt": "ikat", "pak": "pak",
    "pack": "pak", "tube": "tube", "tub": "tube",
    # electrical load (AHSP.xlsx Upah Bahan: BP, GIL, SLO, UJL connection fees per VA)
    "va": "VA", "volt ampere": "VA",
    # spellings met in Upah Bahan.csv, SNI_2025_AHSP.xlsx and tb_ssh_2023.csv
    # (../shared/data/public): typos kept explicit so that a new typo is still reported
    "gulung": "roll", "kotak": "dus", "bauh": "bh", "buag": "bh", "lolt": "lot",
    "polybag": "polybag", "daun": "daun", "kwh": "kWh", "jerigen": "jerigen",
    "jerrycan": "jerigen", "galon": "galon", "karung": "karung", "bks": "bks",
    "bungkus": "bks", "keping": "keping", "kpg": "keping", "eksemplar": "eksemplar",
    "eks": "eksemplar", "lembaran": "lbr", "ons": "ons", "lsn": "lusin",
    "o/hari": "OH", "orang /hari": "OH", "orang / hari": "OH", "o/b": "OB",
    "per hari": "hari",
    # mapped with a note (UNIT_NOTES): typos and foreign abbreviations common in real RABs
    "1s": "ls", "nos": "bh",
    # a dash in the unit column of a RAB line (a lump-sum line with no unit of its own):
    # read as ls, with a note (rab-contractor style workbooks; issue 10 point 8)
    "-": "ls", "–": "ls", "—": "ls",
    # rental time
    "hari": "hari", "hr": "hari", "unit hari": "hari", "buah hari": "hari", "unit/hari": "hari",
    "jam": "jam", "j": "jam", "unit jam": "jam", "jam/unit": "jam", "unit/jam": "jam",
    "bulan": "bulan", "bln": "bulan", "bl": "bulan",
    "%": "%",
}

#: Spellings that are read, but never silently: :func:`read_unit` returns this note with the
#: symbol so the caller records an info finding (issue 5 fault 5: "``1s`` (a typo for ls) and
#: ``NOS`` (a count) are common in real RABs: map them with a finding").
UNIT_NOTES: dict[str, str] = {
    "1s": "'1s' dibaca sebagai ls (lump sum): angka 1 di tempat huruf l",
    "is": "'Is' dibaca sebagai ls (lump sum): huruf I di tempat huruf l",
    "nos": "'NOS' (numbers) dibaca sebagai bh (hitungan buah)",
    "bauh": "'bauh' (salah ketik) dibaca sebagai bh",
    "buag": "'buag' (salah ketik) dibaca sebagai bh",
    "lolt": "'lolt' (salah ketik) dibaca sebagai lot",
    "titk": "'titk' (salah ketik) dibaca sebagai titik",
    "lumpsump": "'lumpsump' (salah ketik) dibaca sebagai ls",
    "-": "'-' (tanpa satuan) dibaca sebagai ls (lump sum): satu paket pekerjaan",
    "–": "'–' (tanpa satuan) dibaca sebagai ls (lump sum): satu paket pekerjaan",
    "—": "'—' (tanpa satuan) dibaca sebagai ls (lump sum): satu paket pekerjaan",
}

#: Base dimensions that are physical quantities; every other base dimension of
#: ``units.txt`` is a count of things (buah, titik, zak, OH, ls, set…).
PHYSICAL_DIMENSIONS = frozenset({"[length]", "[mass]", "[time]", "[current]", "[temperature]",
                                 "[substance]", "[luminosity]"})

_MOJIBAKE = {"Â²": "²", "Â³": "³", "Â¹": "¹", "Â°": "°", "â€™": "’", "â€˜": "‘"}


class UnknownUnitError(ValueError):
    """A unit spelling that is not in :data:`ALIASES`; the caller reports it."""

    def __init__(self, raw: str):
        # the text reaches users as a finding detail: Indonesian (DESIGN.md, user texts)
        super().__init__(f"satuan {raw!r} tidak dikenal" if raw.strip() else "satuan kosong")
        self.raw = raw


class UnitMismatchError(ValueError):
    """Two units of different dimensions (``m2`` into ``m3``, ``bh`` into ``kg``)."""


class UnitDimensionError(UnitMismatchError):
    """A unit that was read, but whose dimension is not the one its place measures
    (``5 Ml``, a millilitre, typed as a length).

    Attributes:
        raw: the spelling as written; symbol: what it was read as; like: the canonical
        symbol whose dimension was expected; got / expected: those dimensions in Indonesian
        (:func:`dimension_name`, ``volume (m3)`` / ``panjang (m)``).
    """

    def __init__(self, raw: str, symbol: str, like: str):
        self.raw, self.symbol, self.like = raw, symbol, like
        self.got, self.expected = dimension_name(symbol), dimension_name(like)
        super().__init__(f"{raw!r} adalah {self.got}, bukan {self.expected}")


def _fold(raw: str) -> str:
    text = raw
    for bad, good in _MOJIBAKE.items():
        text = text.replace(bad, good)
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").strip().lower()
    text = re.sub(r"\s+", " ", text)
    return text


@dataclass(frozen=True, slots=True)
class UnitReading:
    """How a unit spelling was read: the canonical ``symbol`` and, for a typo or a foreign
    abbreviation (:data:`UNIT_NOTES`), a ``note`` in Indonesian for the caller's finding."""

    symbol: str
    note: str = ""


#: The user's own spellings (folded spelling → canonical symbol), resolved once with
#: ``dtpl-studio units --map`` and registered at startup by the services
#: (:func:`register_user_aliases`); the core keeps no storage of them.
_USER_ALIASES: dict[str, str] = {}


def fold_spelling(raw: str) -> str:
    """A unit spelling as :func:`read_unit` compares it (mojibake, case and spaces folded)."""
    return _fold(str(raw))


def register_user_aliases(mapping: dict[str, str]) -> dict[str, str]:
    """Make :func:`read_unit` read each spelling of ``mapping`` (spelling → a canonical symbol
    or any known spelling of one) as that unit, with a note saying it is the user's mapping.
    Replaces the previous registration. Returns the registered table (folded spelling →
    canonical symbol).

    Raises:
        UnknownUnitError: a target is not a unit we know (the table is then unchanged).
    """
    table = {}
    for spelling, target in mapping.items():
        symbol = target if target in CANONICAL and target else read_unit(target).symbol
        table[_fold(spelling)] = symbol
    _USER_ALIASES.clear()
    _USER_ALIASES.update(table)
    return dict(table)


def read_unit(raw: str | None, like: str | None = None) -> UnitReading:
    """Read a unit as spelled in a file or typed in the window (the one reading of unit
    spellings): the canonical symbol and a note when the spelling is a known typo or foreign
    abbreviation (``'1s'`` → ``ls``, ``'NOS'`` → ``bh``, each with its :data:`UNIT_NOTES`
    note) rather than a regular spelling.

    Args:
        raw: the spelling (case, spaces and mojibake are folded).
        like: a canonical symbol whose dimension the unit must have (``"m"`` for a length
            factor), or None for any.

    A spelling the user mapped (:func:`register_user_aliases`) is read with a note naming
    the mapping, so an importer records it (info).

    Raises:
        UnknownUnitError: the spelling is not known (never guessed).
        UnitDimensionError: it is known, but not of ``like``'s dimension (``Ml`` is a
            millilitre, never a length).
    """
    if raw is None:
        raise UnknownUnitError("")
    folded = _fold(str(raw))
    for key in (folded, folded.rstrip(".").strip()):
        if key in ALIASES or key in _USER_ALIASES:
            if key in ALIASES:
                reading = UnitReading(ALIASES[key], UNIT_NOTES.get(key, ""))
            else:
                reading = UnitReading(_USER_ALIASES[key],
                                      f"{str(raw).strip()!r} dibaca {_USER_ALIASES[key]} menurut pemetaan pengguna")
            if like is not None and not units_compatible(reading.symbol, like):
                raise UnitDimensionError(str(raw).strip(), reading.symbol, like)
            return reading
    raise UnknownUnitError(str(raw))


def normalize_unit(raw: str | None) -> str:
    """Return the canonical symbol for a unit as spelled in a file.

    ``'M3'``, ``'m³'``, ``'mÂ³'`` → ``'m3'``; ``"m'"``, ``'m1'``, ``'M¹'`` → ``"m'"``;
    ``'Is'`` → ``'ls'``; ``'Bh'`` → ``'bh'``. Leading/trailing spaces and case are ignored.

    ``'ml'``, ``'mL'``, ``'Ml'`` → ``'ml'`` (millilitre). Typos such as ``'1s'`` are read
    too; :func:`read_unit` also returns the note a caller should record for them.

    Raises:
        UnknownUnitError: the spelling is not known (never guessed).
    """
    return read_unit(raw).symbol


def to_pint(symbol: str) -> pint.Unit:
    """The pint unit behind a canonical symbol (:data:`CANONICAL`).

    Raises:
        UnknownUnitError: ``symbol`` is not canonical.
    """
    try:
        return ureg.Unit(CANONICAL[symbol])
    except KeyError as exc:
        raise UnknownUnitError(symbol) from exc


def conversion_factor(from_symbol: str, to_symbol: str) -> Decimal:
    """How many ``to`` units one ``from`` unit is (``cm`` → ``m`` gives ``0.01``).

    Raises:
        UnitMismatchError: the dimensions differ.
        UnknownUnitError: either symbol is not canonical.
    """
    if from_symbol == to_symbol:
        return Decimal(1)
    q = Quantity(Decimal(1), to_pint(from_symbol))
    try:
        return Decimal(q.to(to_pint(to_symbol)).magnitude)
    except pint.DimensionalityError as exc:
        raise UnitMismatchError(f"satuan {from_symbol} tidak dapat diubah ke {to_symbol}") from exc


_DIMENSION_NAMES = {
    "": "bilangan tanpa satuan",
    "[length]": "panjang (m)",
    "[length] ** 2": "luas (m2)",
    "[length] ** 3": "volume (m3)",
    "[mass]": "berat (kg)",
}


def describe_dimension(q: pint.Quantity) -> str:
    """Indonesian name of a quantity's dimension: ``luas (m2)``, ``volume (m3)``…; other
    dimensions are named by their unit."""
    key = str(q.dimensionality) if q.dimensionality else ""
    key = "" if key == "dimensionless" else key
    return _DIMENSION_NAMES.get(key, f"satuan {q.units:~}")


def dimension_name(symbol: str) -> str:
    """Indonesian name of the dimension of a canonical ``symbol``: ``panjang (m)`` for m, cm
    and m'; ``volume (m3)`` for ml and liter; ``luas (m2)``; ``berat (kg)``; a count by its
    symbol (``hitungan (bh)``, ``hitungan (ls)``); any other unit by its symbol (``satuan VA``).

    Raises:
        UnknownUnitError: ``symbol`` is not canonical.
    """
    q = Quantity(Decimal(1), to_pint(symbol))
    key = str(q.dimensionality) if q.dimensionality else ""
    key = "" if key == "dimensionless" else key
    if key not in _DIMENSION_NAMES and is_count_unit(symbol):
        return f"hitungan ({symbol})"
    return _DIMENSION_NAMES.get(key, f"satuan {symbol}")


def convert_quantity(q: pint.Quantity, to_symbol: str) -> Decimal:
    """Magnitude of a pint quantity in the canonical unit ``to_symbol`` (Decimal).

    Raises:
        UnitMismatchError: the quantity's dimension is not that of ``to_symbol``; the
            message names both in plain words (``hasil luas (m2), item bersatuan m3``).
    """
    try:
        return Decimal(q.to(to_pint(to_symbol)).magnitude)
    except pint.DimensionalityError as exc:
        raise UnitMismatchError(
            f"hasil {describe_dimension(q)} tidak sesuai dengan satuan item {to_symbol}"
        ) from exc


def is_count_unit(symbol: str) -> bool:
    """True when the canonical ``symbol`` counts things (``bh``, ``titik``, ``unit``, ``ls``,
    ``set``, ``zak``, ``OH``, ``lusin``…): its dimension is one of the count dimensions of
    ``units.txt``, not a physical one (length, mass, time…) and not dimensionless.

    On such an item a bare number in a back-up line *is* that many units (issue 5 fault 6:
    a line ``5`` on an item per bh is 5 bh).
    """
    try:
        dims = dict(to_pint(symbol).dimensionality)
    except UnknownUnitError:
        return False
    return len(dims) == 1 and next(iter(dims.values())) == 1 and not (set(dims) & PHYSICAL_DIMENSIONS)


def units_compatible(a: str, b: str) -> bool:
    """True when the canonical symbols ``a`` and ``b`` share a dimension."""
    return to_pint(a).dimensionality == to_pint(b).dimensionality


#: (factor unit symbols, target symbol) → conversion factor, or None when the product is
#: already in the target unit. Filled by :func:`product_factor`; only successes are kept.
_PRODUCT_FACTORS: dict[tuple[tuple[str, ...], str], Decimal | None] = {}


def product_factor(symbols: tuple[str, ...], to_symbol: str) -> Decimal | None:
    """The factor that turns a product of magnitudes in the canonical units ``symbols`` into
    the canonical unit ``to_symbol`` (``('m', 'm', 'cm')`` → ``'m3'`` gives ``0.01``), or None
    when the product is already in that unit.

    This is what ``(Π Quantity(vᵢ, symbolᵢ)).to(to_symbol)`` multiplies the magnitude by, so
    ``Π vᵢ × factor`` equals pint's result digit for digit; pint parses and converts each
    combination once per process instead of once per measurement line (issue 10: the unit
    parsing was most of a recompute).

    Raises:
        UnknownUnitError: a symbol is not canonical.
        UnitMismatchError: the product's dimension is not ``to_symbol``'s (message as
            :func:`convert_quantity`). Failures are not cached.
    """
    key = (symbols, to_symbol)
    try:
        return _PRODUCT_FACTORS[key]
    except KeyError:
        pass
    units = to_pint("")
    for symbol in symbols:
        units = units * to_pint(symbol)
    target = to_pint(to_symbol)
    factor = None if units == target else convert_quantity(Quantity(Decimal(1), units), to_symbol)
    _PRODUCT_FACTORS[key] = factor
    return factor
