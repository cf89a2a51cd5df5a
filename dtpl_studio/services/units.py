"""Unit spellings the user maps once (issue 8 point 3: the *needs mapping* list).

Every importer reports a spelling :func:`~dtpl_studio.costing.units.read_unit` does not know
as a finding with code ``unit-needs-mapping`` (raw value = the spelling). This module keeps:

* ``satuan-pengguna.json`` in the user data folder (:func:`~dtpl_studio.services.paths.data_dir`):
  the user's mappings ``{"spelling": "symbol"}``, registered into the core at startup
  (:func:`load_user_units`; the core keeps no storage, DESIGN.md §3);
* ``satuan-belum-dipetakan.json`` beside it: the spellings the last imports could not read,
  with the files and places where they were met (:func:`remember_unmapped`), for
  ``dtpl-studio units --unmapped``; a spelling leaves the list when it is mapped.

Why JSON files and not a library table: a spelling mapping is a reading habit of one
machine's user (like the trusted keys next to it), needed before any library is opened, and it
must work when the library is a read-only team server; no migration is needed.
Both files are written whole to a temporary file and renamed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from dtpl_studio.costing.units import CANONICAL, fold_spelling, read_unit, register_user_aliases
from dtpl_studio.services.paths import data_dir
from dtpl_studio.tempfiles import temp_path

MAPPINGS = "satuan-pengguna.json"
UNMAPPED = "satuan-belum-dipetakan.json"


def _read(name: str) -> dict:
    path = data_dir() / name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        return {}  # a damaged file reads as empty; the next write replaces it
    return data if isinstance(data, dict) else {}


def _write(name: str, data: dict) -> None:
    path = data_dir() / name
    tmp = temp_path(path, "tmp")
    try:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def canonical_units() -> list[str]:
    """The canonical unit symbols (``m2``, ``m3``, ``OH``, ``zak``, …), sorted, for a
    mapping field's completer."""
    return sorted(CANONICAL, key=str.casefold)


def user_units() -> dict[str, str]:
    """The user's mappings (spelling as typed → canonical symbol)."""
    return {str(k): str(v) for k, v in _read(MAPPINGS).items()}


def load_user_units() -> dict[str, str]:
    """Register the user's mappings into the core (:func:`register_user_aliases`); a mapping
    whose target is no longer known is skipped. Returns the registered table."""
    good = {}
    for spelling, target in user_units().items():
        try:
            read_unit(target) if target not in CANONICAL else None
        except ValueError:
            continue
        good[spelling] = target
    return register_user_aliases(good)


def map_unit(spelling: str, target: str) -> str:
    """Remember that ``spelling`` means the unit ``target`` (a canonical symbol such as ``m2``
    or any spelling we read: ``M2``, ``meter persegi``); registers it at once and removes it
    from the unmapped list. Returns the canonical symbol.

    Raises:
        ValueError: empty spelling.
        dtpl_studio.costing.units.UnknownUnitError: ``target`` is not a unit we know.
    """
    if not spelling.strip():
        raise ValueError("satuan kosong")
    symbol = target if target in CANONICAL and target else read_unit(target).symbol
    mappings = user_units()
    mappings[spelling.strip()] = symbol
    _write(MAPPINGS, mappings)
    unmapped = _read(UNMAPPED)
    key = fold_spelling(spelling)
    _write(UNMAPPED, {k: v for k, v in unmapped.items() if k != key})
    load_user_units()
    return symbol


def remember_unmapped(report) -> int:
    """Add the ``unit-needs-mapping`` findings of an :class:`ImportReport` to the unmapped
    list (spelling folded; count, files and the first places). Returns how many findings."""
    found = [f for f in report.findings if f.code == "unit-needs-mapping"]
    if not found:
        return 0
    data = _read(UNMAPPED)
    for finding in found:
        spelling = finding.raw.strip()
        entry = data.setdefault(fold_spelling(spelling), {"spelling": spelling, "count": 0, "places": []})
        entry["count"] = int(entry.get("count", 0)) + 1
        if len(entry["places"]) < 5 and finding.location not in entry["places"]:
            entry["places"].append(finding.location)
    _write(UNMAPPED, data)
    return len(found)


def unmapped_units() -> list[tuple[str, int, list[str]]]:
    """``(spelling, times met, first places)`` of the spellings still unmapped, most met first."""
    data = _read(UNMAPPED)
    rows = [(str(v.get("spelling", k)), int(v.get("count", 0)), list(v.get("places", []))) for k, v in data.items()]
    return sorted(rows, key=lambda r: (-r[1], r[0]))


def unmapped_path() -> Path:
    """Where the unmapped list is kept."""
    return data_dir() / UNMAPPED
