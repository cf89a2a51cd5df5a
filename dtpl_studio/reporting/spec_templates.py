"""The shipped specification texts: ``templates/spesifikasi/*.md`` (issue 9 point 2).

One file per kind of work, read in file-name order (``01-persiapan.md`` …), each parsed by
:func:`dtpl_studio.costing.specs.parse_clause`; ``templates/README.md`` describes the format.
Read on every call (an edited file takes effect on the next export), like the section
template.
"""

from __future__ import annotations

from pathlib import Path

from dtpl_studio._data import data_path
from dtpl_studio.costing.specs import SpecClause, SpecError, parse_clause
from dtpl_studio.reporting.errors import ReportError

__all__ = ["DEFAULT_SPEC_FOLDER", "load_spec_templates"]

#: The folder of the shipped texts.
DEFAULT_SPEC_FOLDER = data_path("templates", "spesifikasi")


def load_spec_templates(folder: Path | None = None) -> dict[str, SpecClause]:
    """key → clause of every ``*.md`` in ``folder`` (default :data:`DEFAULT_SPEC_FOLDER`),
    in file-name order.

    Raises:
        ReportError: a file cannot be read or parsed, or two files use the same key (the
            message names the file).
    """
    folder = Path(folder) if folder is not None else DEFAULT_SPEC_FOLDER
    clauses: dict[str, SpecClause] = {}
    for path in sorted(folder.glob("*.md")):
        try:
            clause = parse_clause(path.read_text(encoding="utf-8"), path.name)
        except (OSError, UnicodeDecodeError, SpecError) as exc:
            raise ReportError(f"templat spesifikasi {path}: {exc}") from exc
        if clause.key in clauses:
            raise ReportError(f"templat spesifikasi {path}: kunci {clause.key!r} sudah dipakai berkas lain")
        clauses[clause.key] = clause
    return clauses
