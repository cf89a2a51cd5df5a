"""One builder per section of the DTPL package (DESIGN.md §3, AESTHETICS.md §2.3).

Each ``build_<section>(ctx, …)`` returns a list of flowables; :mod:`dtpl_studio.reporting.dtpl_pdf`
puts them in order (DOMAIN.md §4.4).
"""

from dtpl_studio.reporting.sections.analysis import build_analyses
from dtpl_studio.reporting.sections.approval import build_approval
from dtpl_studio.reporting.sections.blm import build_blm_check
from dtpl_studio.reporting.sections.cover import build_cover
from dtpl_studio.reporting.sections.data_umum import build_data_umum
from dtpl_studio.reporting.sections.document_info import build_document_info
from dtpl_studio.reporting.sections.jadwal import build_jadwal
from dtpl_studio.reporting.sections.kebutuhan import build_kebutuhan
from dtpl_studio.reporting.sections.prices import build_price_lists
from dtpl_studio.reporting.sections.rab import (
    build_backup_volume,
    build_package_heading,
    build_rab_detail,
    build_rab_summary,
)
from dtpl_studio.reporting.sections.toc import build_toc

__all__ = [
    "build_analyses", "build_approval", "build_backup_volume", "build_blm_check", "build_cover", "build_data_umum",
    "build_document_info", "build_jadwal", "build_kebutuhan", "build_package_heading", "build_price_lists", "build_rab_detail",
    "build_rab_summary", "build_toc",
]
