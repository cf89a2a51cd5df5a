"""Qt item models of the GUI (RAB tree, measurement lines, analysis catalogue)."""
