"""Widgets of the main window (RAB editor, measurement panel, BLM panel, catalogue, findings)."""
