"""Reporting: the DTPL package PDF (reportlab lives only in this package, DESIGN.md §3).

Public API:

* :func:`build_dtpl_pdf` — write the package of a
  :class:`~dtpl_studio.costing.rab.PricedProgram` to a PDF file.
* :func:`document_hash` — SHA-256 of the priced content printed on the package.
* :func:`will_be_draft` — whether the DRAFT watermark will be printed.
* :func:`render_dtpl_pdf` — the PDF bytes; :func:`verify_pdf_bytes` — is a PDF exactly
  what a project prints (``dtpl-studio verify``); :func:`document_date` — its CreationDate.
* :class:`ReportCancelled` / :class:`ReportError`.
"""

from dtpl_studio.reporting.dtpl_pdf import build_dtpl_pdf, render_dtpl_pdf, will_be_draft
from dtpl_studio.reporting.errors import ReportCancelled, ReportError
from dtpl_studio.reporting.hashing import document_hash
from dtpl_studio.reporting.verify import Verdict, document_date, verify_pdf_bytes

__all__ = ["ReportCancelled", "ReportError", "Verdict", "build_dtpl_pdf", "document_date",
           "document_hash", "render_dtpl_pdf", "verify_pdf_bytes", "will_be_draft"]
