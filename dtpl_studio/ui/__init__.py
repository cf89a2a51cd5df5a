"""PySide6 GUI: main window, item models, undo commands, workers (Qt only here).

Importing this package first applies :mod:`dtpl_studio.ui.qtfix` (a guard against a
reference-count bug of PySide6 6.12 on CPython 3.11).
"""

from dtpl_studio.ui import qtfix  # noqa: F401 - applies the guard on import
