#!/usr/bin/env python3
"""Build the dossier: `python build.py --help`."""

import sys

from dossier.shell.cli import main

if __name__ == "__main__":
    sys.exit(main())
