"""*Data umum* of a DTPL (issue 9 point 3): the area, the community institutions, the
location, the beneficiaries, the existing condition and the operation and maintenance plan.

Shapes:

* :class:`ProgramData` — per programme (the kelurahan's): Koordinator BKM/LKM and the
  *tempat, tanggal* of the lembar pengesahan. Kelurahan/desa, kecamatan, kota/kabupaten,
  provinsi and the BKM/LKM name are fields of :class:`~dtpl_studio.costing.rab.Program`.
* :class:`PackageData` — per package (each physical work has its own site and users): Ketua
  KSM/TPK, RT/RW, coordinates (decimal degrees, WGS 84), beneficiaries (KK, jiwa, KK miskin,
  perempuan: whole numbers ≥ 0, ``None`` = not filled), existing condition and problem
  (text), and the KPP plan (who, what, funds; text). The KSM name and the free location text
  are fields of :class:`~dtpl_studio.costing.rab.Package`.

Both are frozen: an edit replaces the whole value, so the inverse is exact.

Rules and their sources:

* the fields of the data umum: DOMAIN.md §4.4 item 4 ("lokasi, kawasan prioritas, jumlah
  KK/jiwa pemanfaat (including poor HHs and women), KSM members, existing condition") and
  item 16 (Rencana O&P: KPP, iuran) — an assembled outline [U], so the list of *required*
  fields (:data:`REQUIRED_PROGRAM`, :data:`REQUIRED_PHYSICAL`) is a warning, never a refusal;
* ``perempuan ≤ jiwa`` and ``KK miskin ≤ KK``: the parts cannot exceed the whole (logic);
* latitude −90..90, longitude −180..180 (WGS 84 range); outside Indonesia's extent
  (lat −11..6, lon 95..141, approximate bounding box) a warning, since a swapped pair is the
  usual typo;
* NIP (Nomor Induk Pegawai of a civil servant) is 18 digits (PP 11/2017 practice: birth date
  8 + TMT 6 + sex 1 + serial 3), often written in groups with spaces: a warning when not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from dtpl_studio.costing.findings import Finding, Severity
from dtpl_studio.costing.funding import Component

if TYPE_CHECKING:
    from dtpl_studio.costing.rab import Program, Signatory

#: The largest count accepted for a beneficiary field (far above a kelurahan's population).
MAX_COUNT = 10_000_000
#: Approximate extent of Indonesia (decimal degrees): outside it a coordinate is a warning.
INDONESIA_LAT = (Decimal(-11), Decimal(6))
INDONESIA_LON = (Decimal(95), Decimal(141))


@dataclass(frozen=True, slots=True)
class ProgramData:
    """Data umum of the programme (see the module docstring)."""

    bkm_ketua: str = ""
    #: *tempat* of the lembar pengesahan ("" = the kelurahan's name)
    sign_place: str = ""
    #: *tanggal* of the lembar pengesahan, as printed ("12 Desember 2026"); "" = blank line
    sign_date: str = ""


@dataclass(frozen=True, slots=True)
class PackageData:
    """Data umum of one package (see the module docstring)."""

    ksm_ketua: str = ""
    rt: str = ""
    rw: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    kk: int | None = None
    jiwa: int | None = None
    kk_miskin: int | None = None
    perempuan: int | None = None
    kondisi: str = ""
    masalah: str = ""
    kpp_nama: str = ""
    kpp_kegiatan: str = ""
    kpp_dana: str = ""


#: Indonesian name of every field, as the window and the PDF print it.
LABELS: dict[str, str] = {
    "kelurahan": "Kelurahan/desa",
    "kecamatan": "Kecamatan",
    "kota": "Kota/kabupaten",
    "provinsi": "Provinsi",
    "bkm": "BKM/LKM",
    "bkm_ketua": "Koordinator BKM/LKM",
    "sign_place": "Tempat pengesahan",
    "sign_date": "Tanggal pengesahan",
    "ksm": "KSM/TPK",
    "ksm_ketua": "Ketua KSM/TPK",
    "location": "Alamat/lokasi",
    "rt": "RT",
    "rw": "RW",
    "latitude": "Lintang (latitude)",
    "longitude": "Bujur (longitude)",
    "kk": "Jumlah KK",
    "jiwa": "Jumlah jiwa",
    "kk_miskin": "Jumlah KK miskin",
    "perempuan": "Jumlah perempuan",
    "kondisi": "Kondisi eksisting",
    "masalah": "Permasalahan yang diatasi",
    "kpp_nama": "KPP (pengelola)",
    "kpp_kegiatan": "Kegiatan pemeliharaan",
    "kpp_dana": "Sumber dana pemeliharaan",
}

COUNT_FIELDS = ("kk", "jiwa", "kk_miskin", "perempuan")

#: Programme fields a complete data umum fills (DOMAIN.md §4.4 items 1 and 4) [U].
REQUIRED_PROGRAM = ("kelurahan", "kecamatan", "kota", "provinsi", "bkm", "bkm_ketua")
#: Fields of a physical package a complete data umum fills (DOMAIN.md §4.4 items 4 and 16)
#: [U]. A planning package covers the kawasan, not one site: it requires none of them.
REQUIRED_PHYSICAL = ("ksm", "ksm_ketua", "rt", "rw", "latitude", "longitude", *COUNT_FIELDS,
                     "kondisi", "masalah", "kpp_nama", "kpp_kegiatan", "kpp_dana")


class DataUmumError(ValueError):
    """A data umum value that cannot be taken; the message is Indonesian and names the field."""


def parse_count(text: str, name: str) -> int | None:
    """A beneficiary count typed by a user: ``""`` → None; digits with ``.`` or space as
    thousands separators (``1.250``) → int.

    Raises:
        DataUmumError: not a whole number ≥ 0, or above :data:`MAX_COUNT`; names the field.
    """
    raw = text.strip()
    if not raw:
        return None
    cleaned = raw.replace(".", "").replace(" ", "").replace("\u00a0", "")
    if not cleaned.isdigit() or not cleaned.isascii():
        raise DataUmumError(f"{LABELS[name]}: '{raw}' bukan bilangan bulat ≥ 0")
    value = int(cleaned)
    if value > MAX_COUNT:
        raise DataUmumError(f"{LABELS[name]}: {raw} melebihi batas {MAX_COUNT:,}".replace(",", "."))
    return value


def parse_coordinate(text: str, name: str) -> Decimal | None:
    """A latitude/longitude in decimal degrees (``-6,9175`` or ``-6.9175``); ``""`` → None.

    Raises:
        DataUmumError: not a number, or out of range (latitude −90..90, longitude −180..180).
    """
    raw = text.strip()
    if not raw:
        return None
    try:
        value = Decimal(raw.replace(",", "."))
    except InvalidOperation:
        raise DataUmumError(f"{LABELS[name]}: '{raw}' bukan angka derajat desimal (contoh -6,9175)") from None
    if not value.is_finite():
        raise DataUmumError(f"{LABELS[name]}: '{raw}' bukan angka derajat desimal (contoh -6,9175)")
    _check_range(value, name)
    return value


def _check_range(value: Decimal, name: str) -> None:
    limit = Decimal(90) if name == "latitude" else Decimal(180)
    if not -limit <= value <= limit:
        raise DataUmumError(f"{LABELS[name]}: {value} di luar rentang -{limit}..{limit} derajat")


def package_data_problems(data: PackageData) -> list[str]:
    """Why ``data`` cannot be stored (empty list = it can): Indonesian messages naming the
    field. Counts must be whole numbers in 0..:data:`MAX_COUNT`; ``perempuan ≤ jiwa`` and
    ``kk_miskin ≤ kk`` when both are filled; coordinates in their WGS 84 range."""
    problems: list[str] = []
    for name in COUNT_FIELDS:
        value = getattr(data, name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_COUNT:
            problems.append(f"{LABELS[name]}: {value!r} bukan bilangan bulat 0..{MAX_COUNT}")
    if not problems:
        if data.perempuan is not None and data.jiwa is not None and data.perempuan > data.jiwa:
            problems.append(f"{LABELS['perempuan']} ({data.perempuan}) tidak boleh melebihi "
                            f"{LABELS['jiwa'].lower()} ({data.jiwa})")
        if data.kk_miskin is not None and data.kk is not None and data.kk_miskin > data.kk:
            problems.append(f"{LABELS['kk_miskin']} ({data.kk_miskin}) tidak boleh melebihi "
                            f"{LABELS['kk'].lower()} ({data.kk})")
    for name in ("latitude", "longitude"):
        value = getattr(data, name)
        if value is None:
            continue
        try:
            if not isinstance(value, Decimal) or not value.is_finite():
                raise DataUmumError(f"{LABELS[name]}: {value!r} bukan angka derajat desimal")
            _check_range(value, name)
        except DataUmumError as exc:
            problems.append(str(exc))
    return problems


NIP_DIGITS = 18
_NIP_SEPARATORS = re.compile(r"[\s.\-]")


def nip_problem(nip: str) -> str | None:
    """None when ``nip`` is empty or 18 digits (spaces, dots or dashes between groups
    allowed: ``19700101 199503 1 001``); otherwise the Indonesian reason."""
    raw = nip.strip()
    if not raw:
        return None
    digits = _NIP_SEPARATORS.sub("", raw)
    if not (digits.isascii() and digits.isdigit()):
        return f"NIP '{raw}' hanya boleh berisi angka (boleh dipisah spasi)"
    if len(digits) != NIP_DIGITS:
        return f"NIP '{raw}' berisi {len(digits)} angka, seharusnya {NIP_DIGITS}"
    return None


def is_filled(value: object) -> bool:
    """Whether a data umum value counts as filled (a non-blank text, any number)."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    return True


def package_value(package, name: str) -> object:
    """The value of data umum field ``name`` of ``package`` (``ksm``/``location`` from the
    package itself, the others from :attr:`Package.data`)."""
    if name in ("ksm", "location"):
        return getattr(package, name)
    return getattr(package.data, name)


def program_value(program: Program, name: str) -> object:
    """The value of data umum field ``name`` of ``program`` (area and BKM from the
    programme, the others from :attr:`Program.data`)."""
    if name in ProgramData.__slots__:
        return getattr(program.data, name)
    return getattr(program, name)


def data_umum_findings(program: Program) -> list[Finding]:
    """Warnings on the data umum of ``program`` (none is an error: the verdict is not
    changed by them).

    * ``data-umum-missing``: one per programme/package listing the required fields that are
      empty (:data:`REQUIRED_PROGRAM`, :data:`REQUIRED_PHYSICAL`);
    * ``data-umum-outside-id``: coordinates outside Indonesia's extent (swapped?);
    * ``data-umum-invalid``: a stored value that the window would refuse (from a file);
    * ``nip-format``: a signatory's NIP that is not 18 digits.
    """
    out: list[Finding] = []
    missing = [LABELS[n] for n in REQUIRED_PROGRAM if not is_filled(program_value(program, n))]
    if missing:
        out.append(Finding(Severity.WARNING, "data umum belum lengkap: " + ", ".join(missing),
                           location="Data umum program", code="data-umum-missing",
                           params=(("fields", ", ".join(missing)), ("where", "program")),
                           source="DOMAIN.md §4.4 butir 4 (isi data umum DTPL) [U]",
                           remedy="lengkapi melalui menu Proyek → Data umum"))
    for pkg in program.packages:
        where = f"Data umum {pkg.name}"
        if Component(pkg.component) is Component.FISIK:
            missing = [LABELS[n] for n in REQUIRED_PHYSICAL if not is_filled(package_value(pkg, n))]
            if missing:
                out.append(Finding(Severity.WARNING, "data umum belum lengkap: " + ", ".join(missing),
                                   location=where, code="data-umum-missing", package_id=pkg.id,
                                   params=(("fields", ", ".join(missing)), ("where", pkg.name)),
                                   source="DOMAIN.md §4.4 butir 4 dan 16 (data umum, rencana O&P) [U]",
                                   remedy="lengkapi melalui menu Proyek → Data umum"))
        for problem in package_data_problems(pkg.data):
            out.append(Finding(Severity.WARNING, problem, location=where, code="data-umum-invalid",
                               package_id=pkg.id, params=(("problem", problem),)))
        lat, lon = pkg.data.latitude, pkg.data.longitude
        if (isinstance(lat, Decimal) and isinstance(lon, Decimal) and lat.is_finite() and lon.is_finite()
                and not (INDONESIA_LAT[0] <= lat <= INDONESIA_LAT[1]
                         and INDONESIA_LON[0] <= lon <= INDONESIA_LON[1])):
            message = (f"koordinat {lat}, {lon} berada di luar wilayah Indonesia "
                       "(lintang dan bujur tertukar?)")
            out.append(Finding(Severity.WARNING, message, location=where, code="data-umum-outside-id",
                               package_id=pkg.id, params=(("lat", str(lat)), ("lon", str(lon)))))
    for s in program.signatories:
        problem = nip_problem(s.nip)
        if problem:
            who = " ".join(p for p in (s.position, s.name) if p) or s.role
            out.append(Finding(Severity.WARNING, f"{problem} ({who})", location="Penanda tangan",
                               code="nip-format", raw=s.nip,
                               params=(("nip", s.nip), ("who", who)),
                               source="NIP pegawai negeri sipil: 18 angka"))
    return out


def signatory_nip_problems(signatories: list[Signatory]) -> list[str]:
    """The NIP problems of ``signatories`` as messages naming the signatory."""
    out = []
    for s in signatories:
        problem = nip_problem(s.nip)
        if problem:
            out.append(f"{problem} ({s.position or s.role or s.name})")
    return out


def field_names(cls: type) -> tuple[str, ...]:
    """Field names of :class:`ProgramData` / :class:`PackageData`, in order."""
    return tuple(f.name for f in fields(cls))


__all__ = [
    "COUNT_FIELDS", "LABELS", "MAX_COUNT", "NIP_DIGITS", "REQUIRED_PHYSICAL", "REQUIRED_PROGRAM",
    "DataUmumError", "PackageData", "ProgramData", "data_umum_findings", "field_names",
    "is_filled", "nip_problem", "package_data_problems", "package_value", "parse_coordinate",
    "parse_count", "program_value", "signatory_nip_problems",
]
