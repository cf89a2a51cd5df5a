"""Style sheets set only when they change (issue 10: the edit path).

``QWidget.setStyleSheet`` re-polishes the widget and asks its layout again even when the
text is the one it has; the panels that follow every edit (BLM panel, measurement total,
status bar) set their colours through :func:`set_style` so that an edit which leaves a colour
as it was costs nothing on screen.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def set_style(widget: QWidget, style: str) -> None:
    """``widget.setStyleSheet(style)`` unless ``widget`` has exactly that style sheet already."""
    if widget.styleSheet() != style:
        widget.setStyleSheet(style)
