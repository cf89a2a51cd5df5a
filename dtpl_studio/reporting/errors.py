"""Errors raised while building a report."""

from __future__ import annotations

from dtpl_studio.errors import DtplError


class ReportError(DtplError):
    """A report could not be written."""

    default_code = "report.failed"


class ReportCancelled(ReportError):
    """The caller's ``cancelled()`` turned true; no output file was left behind."""

    default_code = "report.cancelled"
