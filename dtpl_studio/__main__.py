"""``python -m dtpl_studio`` runs the command-line entry point (GUI without arguments)."""

from dtpl_studio.cli import main

raise SystemExit(main())
