"""Entry point of the standalone bundle (PyInstaller): the same ``dtpl-studio`` command."""

import sys

from dtpl_studio.cli import main

if __name__ == "__main__":
    sys.exit(main())
