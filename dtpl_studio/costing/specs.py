"""Technical specifications (*RKS / spesifikasi teknis*) of the works a RAB uses (issue 9
point 2, DOMAIN.md §4.4 item 7).

A :class:`SpecClause` is one standard text for one kind of work (persiapan, galian, urugan,
pasangan batu, beton, pembesian …) in five parts: scope, materials, method, quality check,
and measurement & payment (how the RAB item's volume is measured). The standard texts ship
in ``templates/spesifikasi/*.md`` (written for DTPL Studio; :func:`parse_clause` reads one);
a project keeps its own edited copy of a clause (:attr:`Program.spec_texts`), which then
wins over the template.

Which clauses an item needs: the keys linked to the item (:attr:`Program.spec_links`), else
those linked to the nearest section above it, else the template clauses whose keywords occur
in the item's description or its analysis name (:func:`matching_keys`). :func:`specs_in_rab_order`
gives the clauses of a programme in RAB order, each once, with the items it covers.

Pure Python; no file access except :func:`parse_clause` on text given to it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

__all__ = [
    "PARTS", "SpecClause", "SpecError", "SpecUse", "clause_for", "iter_keys_per_item", "keys_per_item",
    "matching_keys", "uses_any_spec",
    "parse_clause",
    "render_clause", "specs_in_rab_order",
]


class SpecError(ValueError):
    """A specification text that cannot be read (the message names the file and the line)."""


#: The five parts of a clause: (field name, heading as written in the template).
PARTS: tuple[tuple[str, str], ...] = (
    ("scope", "Lingkup"),
    ("materials", "Bahan"),
    ("method", "Metode Pelaksanaan"),
    ("quality", "Pemeriksaan Mutu"),
    ("measurement", "Pengukuran dan Pembayaran"),
)
_HEADINGS = {heading.lower(): name for name, heading in PARTS}


@dataclass(frozen=True, slots=True)
class SpecClause:
    """One specification clause.

    Attributes:
        key: stable identifier (``beton``); links and project copies use it.
        title: the printed title (``Pekerjaan Beton dan Rabat Beton``).
        keywords: lower-case words/phrases whose occurrence in an item's description or
            analysis name attaches the clause to it by default.
        scope, materials, method, quality, measurement: the five texts (paragraphs separated
            by blank lines).
    """

    key: str
    title: str
    keywords: tuple[str, ...] = ()
    scope: str = ""
    materials: str = ""
    method: str = ""
    quality: str = ""
    measurement: str = ""

    def parts(self) -> list[tuple[str, str]]:
        """``(heading, text)`` of the non-empty parts, in print order."""
        return [(heading, getattr(self, name)) for name, heading in PARTS if getattr(self, name).strip()]


_FRONT = re.compile(r"^(kunci|judul|kata_kunci)\s*:\s*(.*)$")


def parse_clause(text: str, source: str = "") -> SpecClause:
    """Read a clause written as in ``templates/spesifikasi/*.md``::

        ---
        kunci: galian
        judul: Pekerjaan Galian Tanah
        kata_kunci: galian, gali, penggalian
        ---
        ## Lingkup
        …
        ## Pengukuran dan Pembayaran
        …

    Raises:
        SpecError: no front matter, a missing ``kunci``/``judul``, an unknown heading or
            front-matter key; the message names ``source`` and the line.
    """
    lines = text.replace("\r\n", "\n").split("\n")
    where = source or "spesifikasi"
    if not lines or lines[0].strip() != "---":
        raise SpecError(f"{where}: baris 1 harus '---' (awal keterangan kunci/judul)")
    meta: dict[str, str] = {}
    i = 1
    while i < len(lines) and lines[i].strip() != "---":
        line = lines[i].strip()
        if line:
            m = _FRONT.match(line)
            if not m:
                raise SpecError(f"{where}: baris {i + 1}: {line!r} bukan 'kunci:', 'judul:' atau 'kata_kunci:'")
            meta[m.group(1)] = m.group(2).strip()
        i += 1
    if i >= len(lines):
        raise SpecError(f"{where}: penutup '---' tidak ada")
    for needed in ("kunci", "judul"):
        if not meta.get(needed):
            raise SpecError(f"{where}: '{needed}:' tidak ada atau kosong")
    parts: dict[str, list[str]] = {}
    current: str | None = None
    for n in range(i + 1, len(lines)):
        line = lines[n]
        if line.startswith("## "):
            name = _HEADINGS.get(line[3:].strip().lower())
            if name is None:
                raise SpecError(f"{where}: baris {n + 1}: judul bagian {line[3:].strip()!r} tidak dikenal "
                                f"(yang sah: {', '.join(h for _, h in PARTS)})")
            current = name
            parts[current] = []
        elif current is not None:
            parts[current].append(line)
        elif line.strip():
            raise SpecError(f"{where}: baris {n + 1}: teks sebelum judul bagian '## …'")
    keywords = tuple(k.strip().lower() for k in meta.get("kata_kunci", "").split(",") if k.strip())
    return SpecClause(key=meta["kunci"], title=meta["judul"], keywords=keywords,
                      **{name: "\n".join(body).strip() for name, body in parts.items()})


def render_clause(clause: SpecClause) -> str:
    """The clause written back in the template format (:func:`parse_clause` reads it)."""
    out = ["---", f"kunci: {clause.key}", f"judul: {clause.title}",
           f"kata_kunci: {', '.join(clause.keywords)}", "---"]
    for name, heading in PARTS:
        out += [f"## {heading}", getattr(clause, name).strip(), ""]
    return "\n".join(out).rstrip() + "\n"


_NON_WORD = re.compile(r"[^0-9a-z']+")


def _normal(text: str) -> str:
    return " " + _NON_WORD.sub(" ", text.lower()) + " "


#: a keyword normalised once, not once per item (issue 9 point 9: opening the export
#: dialog checked every item against every keyword, 1,5 s at 2 000 items)
_normal_keyword = functools.lru_cache(maxsize=4096)(_normal)


def matching_keys(text: str, clauses: Iterable[SpecClause]) -> tuple[str, ...]:
    """Keys of the ``clauses`` (in their order) one of whose keywords occurs in ``text`` as
    whole words (``galian`` matches "Galian tanah biasa", not "penggaliannya")."""
    haystack = _normal(text)
    found = []
    for clause in clauses:
        if any(_normal_keyword(k) in haystack for k in clause.keywords if k):
            found.append(clause.key)
    return tuple(found)


def clause_for(key: str, templates: Mapping[str, SpecClause],
               project: Mapping[str, SpecClause]) -> SpecClause | None:
    """The text printed for ``key``: the project's copy, else the template's, else None."""
    return project.get(key) or templates.get(key)


@dataclass(slots=True)
class SpecUse:
    """A clause as printed: the clause and the RAB numbers of the items it covers
    (``[(package number, "II.1"), …]``), in RAB order."""

    clause: SpecClause
    items: list[tuple[int, str]] = field(default_factory=list)


def keys_per_item(program, priced_packages, templates: Mapping[str, SpecClause]
                  ) -> list[tuple[int, object, tuple[str, ...], str]]:
    """Every item in RAB order as ``(package number, priced item, keys, why)``: ``keys`` the
    clauses that apply, ``why`` one of ``item`` (chosen for the item), ``section`` (chosen
    for a section above it) or ``auto`` (keyword match). Arguments as
    :func:`specs_in_rab_order`."""
    return list(iter_keys_per_item(program, priced_packages, templates))


def iter_keys_per_item(program, priced_packages, templates: Mapping[str, SpecClause]
                       ) -> Iterator[tuple[int, object, tuple[str, ...], str]]:
    """:func:`keys_per_item` one item at a time (a caller that stops early does not match
    the rest: :func:`uses_any_spec`)."""
    from dtpl_studio.costing.rab import PricedItem, PricedSection

    pool = {**templates, **program.spec_texts}

    def walk(node, inherited: tuple[str, ...] | None, n: int, book):
        if isinstance(node, PricedSection):
            link = program.spec_links.get(node.section.id)
            for child in node.children:
                yield from walk(child, link if link is not None else inherited, n, book)
            return
        assert isinstance(node, PricedItem)
        item = node.item
        keys, why = program.spec_links.get(item.id), "item"
        if keys is None:
            keys, why = inherited, "section"
        if keys is None:
            name = ""
            if item.analysis_code and item.analysis_code in book.analyses:
                name = book.analyses[item.analysis_code].name
            keys, why = matching_keys(f"{item.description} {name}", pool.values()), "auto"
        yield (n, node, tuple(keys), why)

    for n, pp in enumerate(priced_packages, start=1):
        for root in pp.sections:
            yield from walk(root, None, n, pp.package.book)


def uses_any_spec(program, priced_packages, templates: Mapping[str, SpecClause]) -> bool:
    """Whether :func:`specs_in_rab_order` is not empty, stopping at the first item that takes
    a known clause (the export dialog asks this on the window's thread)."""
    return any(clause_for(key, templates, program.spec_texts) is not None
               for _n, _node, keys, _why in iter_keys_per_item(program, priced_packages, templates)
               for key in keys)


def specs_in_rab_order(program, priced_packages, templates: Mapping[str, SpecClause]) -> list[SpecUse]:
    """The clauses the programme uses, in the order their first item appears in the RAB
    (packages in order, rows in order), each once, with the items each covers.

    Args:
        program: the :class:`~dtpl_studio.costing.rab.Program` (``spec_links``, ``spec_texts``).
        priced_packages: its priced packages (for the RAB numbers), in order.
        templates: key → template clause, in template order (the keyword match order).

    Which clauses an item takes: :func:`keys_per_item`. A key that neither the project nor
    the template knows is skipped.
    """
    uses: dict[str, SpecUse] = {}
    for n, node, keys, _why in keys_per_item(program, priced_packages, templates):
        for key in keys:
            clause = clause_for(key, templates, program.spec_texts)
            if clause is None:
                continue
            uses.setdefault(key, SpecUse(clause)).items.append((n, node.number))
    return list(uses.values())
