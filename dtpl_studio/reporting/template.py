"""The DTPL section layout, read from a JSON template in the top-level ``templates/`` folder.

``templates/dtpl-plpbk.json`` holds the ordered list of the package's sections with their
Indonesian titles and on/off flags, and the default signature blocks of the lembar
pengesahan; ``templates/README.md`` explains the format. The builder reads the template on
every build (an edited file takes effect on the next export), lays the sections out in the
template's order and skips the disabled ones; the Daftar isi follows, since it is made of
the headings actually printed.

Every other string of the package (column headers, finding texts …) stays in
:mod:`dtpl_studio.reporting.labels`; no title lives in both places.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dtpl_studio._data import data_path
from dtpl_studio.reporting.errors import ReportError

#: The template the builder reads unless it is given another one (``templates/`` at the
#: repository root, shipped inside the package: :func:`dtpl_studio._data.data_path`).
DEFAULT_TEMPLATE = data_path("templates", "dtpl-plpbk.json")

FORMAT = "dtpl-studio/dtpl-template/1"

#: Top-level sections, with the one-line meaning README.md gives them.
SECTION_IDS: dict[str, str] = {
    "cover": "Sampul",
    "approval": "Lembar pengesahan",
    "toc": "Daftar isi",
    "data_umum": "Data umum: wilayah, kelembagaan, lokasi, penerima manfaat, kondisi, KPP",
    "gambar": "Peta lokasi, site plan dan gambar kerja (lampiran gambar/peta; kosong = tidak dicetak)",
    "spesifikasi": "Spesifikasi teknis (RKS) dari templates/spesifikasi, urut RAB (kosong = tidak dicetak)",
    "packages": "Per paket: data paket, lalu bagian-bagiannya (parts)",
    "analysis": "Analisa harga satuan pekerjaan",
    "prices": "Daftar harga satuan dasar",
    "kebutuhan": "Rekap kebutuhan bahan & tenaga kerja",
    "jadwal": "Jadwal pelaksanaan dan kurva S",
    "blm": "Pemeriksaan pagu BLM",
    "lampiran": "Lampiran: foto kondisi 0 % dan berkas pindaian (kosong = tidak dicetak)",
    "document": "Keterangan dokumen (kode SHA-256)",
}
#: Sections added after the format was fixed: a template that does not list one (written
#: before it existed) is read as if it listed it disabled, so it prints what it printed
#: before; every other section must be listed (``"enabled": false`` to leave it out).
OPTIONAL_SECTION_IDS = frozenset({"kebutuhan", "gambar", "spesifikasi", "lampiran", "jadwal", "data_umum"})
#: Parts of each package (inside ``packages``).
PART_IDS: dict[str, str] = {
    "rekap": "Rekapitulasi RAB",
    "rincian": "Rincian RAB",
    "backup": "Back-up perhitungan volume",
}

_SECTION_KEYS = {"id", "title", "enabled", "parts"}
_TOP_KEYS = {"format", "name", "sections", "signatures", "description", "signatory_roles",
             "sheet_signatures"}
_ROLE_KEYS = {"id", "title", "match", "nip", "stamp", "components", "source"}
_COMPONENTS = ("perencanaan", "fisik")


@dataclass(frozen=True, slots=True)
class SectionSpec:
    """One section (or package part) of the template."""

    id: str
    title: str
    enabled: bool
    parts: tuple[SectionSpec, ...] = ()


@dataclass(frozen=True, slots=True)
class RoleSpec:
    """A signatory role of the template (``signatory_roles``).

    Attributes:
        id: stable key (``ketua_ksm``), stored as :attr:`Signatory.kind`.
        title: printed position (``Ketua KSM/TPK``).
        match: lower-case words; a signatory without a kind whose position contains one of
            them has this role (``"ksm"`` in ``Ketua KSM Maju Bersama``).
        nip: an official: a NIP line is printed under the name.
        stamp: a space for the stamp (*cap*) is left beside the signature.
        components: the package components this role may sign (empty = all): the rule
            "a planning package is not signed by a KSM" is ``components: ["fisik"]``.
        source: where the rule comes from (printed nowhere; kept with the data).
    """

    id: str
    title: str
    match: tuple[str, ...] = ()
    nip: bool = False
    stamp: bool = False
    components: tuple[str, ...] = ()
    source: str = ""

    def signs(self, component: str) -> bool:
        """Whether this role signs a package of ``component`` (``"perencanaan"``/``"fisik"``)."""
        return not self.components or component in self.components


@dataclass(frozen=True, slots=True)
class SheetColumn:
    """A column of the Dibuat/Diperiksa/Disetujui block under every RAB and rekap sheet:
    its ``label`` and the role ids that may fill it, first allowed one wins."""

    label: str
    roles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DtplTemplate:
    """A loaded, validated template.

    Attributes:
        path: the file it was read from.
        name: its display name.
        sections: every top-level section in print order (disabled ones included).
        signatures: default signature blocks ``(role, position)`` of the lembar pengesahan,
            printed when the programme names no signatories.
    """

    path: Path
    name: str
    sections: tuple[SectionSpec, ...]
    signatures: tuple[tuple[str, str], ...]
    #: signatory roles (``signatory_roles``), in order; empty for an older template
    roles: tuple[RoleSpec, ...] = ()
    #: columns of the block under every RAB and rekap sheet; empty = no block
    sheet_columns: tuple[SheetColumn, ...] = ()

    def role(self, role_id: str) -> RoleSpec | None:
        """The role with ``role_id`` (None when the template has none)."""
        return next((r for r in self.roles if r.id == role_id), None)

    def title(self, section_id: str) -> str:
        """The title of a section or package part, enabled or not."""
        for spec in self.sections:
            if spec.id == section_id:
                return spec.title
            for part in spec.parts:
                if part.id == section_id:
                    return part.title
        raise KeyError(section_id)

    def enabled(self) -> list[SectionSpec]:
        """The enabled top-level sections, in order."""
        return [s for s in self.sections if s.enabled]

    def enabled_parts(self) -> list[SectionSpec]:
        """The enabled parts of a package, in order."""
        for spec in self.sections:
            if spec.id == "packages":
                return [p for p in spec.parts if p.enabled]
        return []

    def package_title(self, number: int, name: str) -> str:
        """``Paket 2: Rabat beton …`` from the ``packages`` title (``{n}`` and ``{name}``)."""
        return self.title("packages").format(n=number, name=name)


def load_template(path: Path | None = None) -> DtplTemplate:
    """Read and check a template (the default one when ``path`` is None).

    Raises:
        ReportError: the file is missing, is not JSON, or a key is missing or wrong; the
            message names the file and the key (``sections[3].enabled``).
    """
    path = Path(path) if path is not None else DEFAULT_TEMPLATE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ReportError(f"template DTPL tidak ditemukan: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ReportError(f"template DTPL {path} tidak dapat dibaca: {exc}") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReportError(f"template DTPL {path}: bukan JSON yang sah (baris {exc.lineno}, "
                          f"kolom {exc.colno}: {exc.msg})") from exc
    return _parse(path, data)


def _fail(path: Path, key: str, problem: str) -> ReportError:
    return ReportError(f"template DTPL {path}: kunci '{key}' {problem}")


def _parse(path: Path, data: Any) -> DtplTemplate:
    if not isinstance(data, dict):
        raise ReportError(f"template DTPL {path}: isi berkas harus sebuah objek JSON {{…}}")
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise _fail(path, unknown[0], f"tidak dikenal (kunci yang sah: {', '.join(sorted(_TOP_KEYS))})")
    fmt = data.get("format", FORMAT)
    if fmt != FORMAT:
        raise _fail(path, "format", f"harus \"{FORMAT}\", bukan {fmt!r}")
    name = data.get("name", path.stem)
    if not isinstance(name, str):
        raise _fail(path, "name", "harus berupa teks")
    sections = _sections(path, data, "sections", SECTION_IDS, top=True)
    signatures = _signatures(path, data)
    roles = _roles(path, data)
    columns = _sheet_columns(path, data, {r.id for r in roles})
    return DtplTemplate(path, name, sections, signatures, roles, columns)


def _text(path: Path, obj: dict, key: str, where: str) -> str:
    if key not in obj:
        raise _fail(path, f"{where}.{key}", "tidak ada")
    value = obj[key]
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, f"{where}.{key}", f"harus berupa teks yang tidak kosong, bukan {value!r}")
    return value.strip()


def _sections(path: Path, container: dict, key: str, known: dict[str, str], *,
              top: bool, where: str = "") -> tuple[SectionSpec, ...]:
    full = f"{where}.{key}" if where else key
    if key not in container:
        raise _fail(path, full, "tidak ada")
    items = container[key]
    if not isinstance(items, list) or not items:
        raise _fail(path, full, "harus berupa daftar [...] yang tidak kosong")
    seen: set[str] = set()
    specs = []
    for i, obj in enumerate(items):
        at = f"{full}[{i}]"
        if not isinstance(obj, dict):
            raise _fail(path, at, "harus berupa objek {\"id\": …, \"title\": …, \"enabled\": …}")
        allowed = _SECTION_KEYS if top else _SECTION_KEYS - {"parts"}
        unknown = sorted(set(obj) - allowed)
        if unknown:
            raise _fail(path, f"{at}.{unknown[0]}",
                        f"tidak dikenal (kunci yang sah: {', '.join(sorted(allowed))})")
        sid = _text(path, obj, "id", at)
        if sid not in known:
            raise _fail(path, f"{at}.id", f"{sid!r} tidak dikenal (yang sah: {', '.join(known)})")
        if sid in seen:
            raise _fail(path, f"{at}.id", f"{sid!r} muncul dua kali")
        seen.add(sid)
        title = _text(path, obj, "title", at)
        enabled = obj.get("enabled", True)
        if not isinstance(enabled, bool):
            raise _fail(path, f"{at}.enabled", f"harus true atau false, bukan {enabled!r}")
        parts: tuple[SectionSpec, ...] = ()
        if sid == "packages":
            try:
                title.format(n=1, name="x")
            except (KeyError, IndexError, ValueError) as exc:
                raise _fail(path, f"{at}.title", "hanya boleh memakai {n} (nomor paket) dan "
                            f"{{name}} (nama paket): {title!r} ({exc})") from None
            parts = _sections(path, obj, "parts", PART_IDS, top=False, where=at)
        elif "parts" in obj:
            raise _fail(path, f"{at}.parts", "hanya berlaku untuk bagian \"packages\"")
        specs.append(SectionSpec(sid, title, enabled, parts))
    missing = [sid for sid in known if sid not in seen and sid not in OPTIONAL_SECTION_IDS]
    if missing:
        raise _fail(path, full, f"tidak memuat bagian {', '.join(repr(m) for m in missing)}; "
                    "untuk tidak mencetaknya tulis \"enabled\": false")
    return tuple(specs)


def _signatures(path: Path, data: dict) -> tuple[tuple[str, str], ...]:
    if "signatures" not in data:
        raise _fail(path, "signatures", "tidak ada")
    items = data["signatures"]
    if not isinstance(items, list) or not items:
        raise _fail(path, "signatures", "harus berupa daftar [...] yang tidak kosong")
    result = []
    for i, obj in enumerate(items):
        at = f"signatures[{i}]"
        if not isinstance(obj, dict):
            raise _fail(path, at, "harus berupa objek {\"role\": …, \"position\": …}")
        unknown = sorted(set(obj) - {"role", "position"})
        if unknown:
            raise _fail(path, f"{at}.{unknown[0]}", "tidak dikenal (kunci yang sah: position, role)")
        role = _text(path, obj, "role", at)
        position = obj.get("position", "")
        if not isinstance(position, str):
            raise _fail(path, f"{at}.position", f"harus berupa teks, bukan {position!r}")
        result.append((role, position.strip()))
    return tuple(result)


def _words(path: Path, obj: dict, key: str, at: str, allowed: tuple[str, ...] | None = None
           ) -> tuple[str, ...]:
    value = obj.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(path, f"{at}.{key}", f"harus berupa daftar teks, bukan {value!r}")
    words = tuple(v.strip() for v in value)
    if allowed is not None:
        bad = [w for w in words if w not in allowed]
        if bad:
            raise _fail(path, f"{at}.{key}", f"{bad[0]!r} tidak dikenal (yang sah: {', '.join(allowed)})")
    return words


def _flag(path: Path, obj: dict, key: str, at: str) -> bool:
    value = obj.get(key, False)
    if not isinstance(value, bool):
        raise _fail(path, f"{at}.{key}", f"harus true atau false, bukan {value!r}")
    return value


def _roles(path: Path, data: dict) -> tuple[RoleSpec, ...]:
    items = data.get("signatory_roles", [])
    if not isinstance(items, list):
        raise _fail(path, "signatory_roles", "harus berupa daftar [...]")
    roles: list[RoleSpec] = []
    for i, obj in enumerate(items):
        at = f"signatory_roles[{i}]"
        if not isinstance(obj, dict):
            raise _fail(path, at, "harus berupa objek {\"id\": …, \"title\": …}")
        unknown = sorted(set(obj) - _ROLE_KEYS)
        if unknown:
            raise _fail(path, f"{at}.{unknown[0]}",
                        f"tidak dikenal (kunci yang sah: {', '.join(sorted(_ROLE_KEYS))})")
        rid = _text(path, obj, "id", at)
        if any(r.id == rid for r in roles):
            raise _fail(path, f"{at}.id", f"{rid!r} muncul dua kali")
        source = obj.get("source", "")
        if not isinstance(source, str):
            raise _fail(path, f"{at}.source", "harus berupa teks")
        roles.append(RoleSpec(
            rid, _text(path, obj, "title", at),
            tuple(w.casefold() for w in _words(path, obj, "match", at)),
            _flag(path, obj, "nip", at), _flag(path, obj, "stamp", at),
            _words(path, obj, "components", at, _COMPONENTS), source))
    return tuple(roles)


def _sheet_columns(path: Path, data: dict, role_ids: set[str]) -> tuple[SheetColumn, ...]:
    items = data.get("sheet_signatures", [])
    if not isinstance(items, list):
        raise _fail(path, "sheet_signatures", "harus berupa daftar [...]")
    columns = []
    for i, obj in enumerate(items):
        at = f"sheet_signatures[{i}]"
        if not isinstance(obj, dict):
            raise _fail(path, at, "harus berupa objek {\"label\": …, \"roles\": […]}")
        unknown = sorted(set(obj) - {"label", "roles"})
        if unknown:
            raise _fail(path, f"{at}.{unknown[0]}", "tidak dikenal (kunci yang sah: label, roles)")
        roles = _words(path, obj, "roles", at, tuple(sorted(role_ids)))
        if not roles:
            raise _fail(path, f"{at}.roles", "harus memuat paling sedikit satu peran")
        columns.append(SheetColumn(_text(path, obj, "label", at), roles))
    return tuple(columns)
