"""Use cases, Qt-free: open/save a project, import prices, build the demo, export, check.

The GUI and the CLI both call these; nothing here imports PySide6.
"""
