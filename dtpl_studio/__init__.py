"""DTPL Studio: RAB cost estimates from AHSP unit-price analyses and the DTPL package.

Layers (see ``../shared/DESIGN.md`` §3): ``ui -> services -> {storage, spreadsheets,
reporting} -> costing``. Only :mod:`dtpl_studio.costing` is imported here, and lazily.
"""

__version__ = "0.1.0"
