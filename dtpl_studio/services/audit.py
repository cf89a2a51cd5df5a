"""The audit log of a project: read and check it, say when it was edited, print it.

Qt-free use cases for the window and the CLI (``dtpl-studio audit PROJECT [--pdf OUT]``).
The log itself is written by the project file's save (``storage/audit_log.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dtpl_studio.audit import AuditEntry
from dtpl_studio.costing.findings import Finding, Severity


@dataclass(frozen=True)
class AuditTrail:
    """The audit log of one file.

    Attributes:
        path: the project file.
        entries: oldest first.
        broken: index of the first entry edited outside DTPL Studio, or None.
    """

    path: Path
    entries: list[AuditEntry]
    broken: int | None

    @property
    def intact(self) -> bool:
        """True when the hash chain holds."""
        return self.broken is None


def audit_trail(path: Path, *, checked: bool = False) -> AuditTrail:
    """Read and check the audit log of the project file ``path``.

    Args:
        checked: the file was just opened (and so checked) or saved by this process: its
            SQLite integrity check is not run a second time (issue 10).

    Raises:
        dtpl_studio.storage.errors.ProjectFileError: not a readable project file.
    """
    from dtpl_studio.storage.project_file import verify_audit_log

    entries, broken = verify_audit_log(Path(path), checked=checked)
    return AuditTrail(Path(path), entries, broken)


def audit_findings(trail: AuditTrail) -> list[Finding]:
    """A warning naming the first broken entry (number, time, who) when the log was edited
    outside DTPL Studio; nothing when it holds. Code ``audit-broken``; the words are the
    caller's (``finding.audit-broken``), the default message is Indonesian."""
    if trail.broken is None:
        return []
    entry = trail.entries[trail.broken] if trail.broken < len(trail.entries) else None
    number = trail.broken + 1
    at = entry.at if entry else ""
    who = entry.who if entry else ""
    message = (f"Riwayat perubahan (log audit) {trail.path.name} diubah di luar DTPL Studio mulai "
               f"entri #{number} ({at}, {who})")
    return [Finding(Severity.WARNING, message, location=f"{trail.path.name} | log audit #{number}",
                    code="audit-broken", params=(("entry", str(number)), ("at", at), ("who", who),
                                                 ("file", trail.path.name)))]


def export_audit_pdf(path: Path, out_path: Path) -> Path:
    """Print the audit log of ``path`` to ``out_path`` (the appendix alone).

    Raises:
        ExportTargetError: see :func:`dtpl_studio.services.project.check_pdf_target`.
        ProjectFileError: ``path`` is not a readable project file.
    """
    from dtpl_studio.reporting.sections.audit import build_audit_pdf
    from dtpl_studio.services.project import check_pdf_target

    check_pdf_target(out_path, path)
    trail = audit_trail(path)
    return build_audit_pdf(trail.entries, trail.broken, Path(out_path), source=Path(path).name)
