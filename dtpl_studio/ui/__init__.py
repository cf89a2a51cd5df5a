"""PySide6 GUI: main window, item models, undo commands, workers (Qt only here).

PySide6 is pinned below 6.12 in ``pyproject.toml``: PySide6-Essentials 6.12.0 drops a
reference to ``None``/``True`` on every void call and signal emit, which aborts CPython 3.11
(``Fatal Python error: none_dealloc``) after a few hundred RAB edits.
``tests/ui/test_binding_refcounts.py`` fails if an installed binding brings the bug back.
"""
