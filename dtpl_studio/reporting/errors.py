"""Errors raised while building a report."""

from __future__ import annotations


class ReportError(Exception):
    """A report could not be written."""


class ReportCancelled(ReportError):
    """The caller's ``cancelled()`` turned true; no output file was left behind."""
