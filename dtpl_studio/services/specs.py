"""Specifications (RKS) for the window: the shipped texts and which clauses each RAB item
takes (issue 9 point 2). The window edits through the core's edits
(:class:`~dtpl_studio.costing.edits.SetSpecText`, :class:`~dtpl_studio.costing.edits.SetSpecLinks`).
"""

from __future__ import annotations

from dtpl_studio.costing.specs import SpecClause, keys_per_item, specs_in_rab_order
from dtpl_studio.reporting.spec_templates import load_spec_templates

__all__ = ["keys_per_item", "spec_templates", "specs_in_rab_order"]


def spec_templates() -> dict[str, SpecClause]:
    """key → shipped clause (``templates/spesifikasi``), in template order.

    Raises:
        ReportError: a template file is broken (the message names it).
    """
    return load_spec_templates()
