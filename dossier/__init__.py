"""dossier: a static site generator for annotated news dossiers.

`dossier.core` is the pure core (no disk, no clock, no network); `dossier.shell` is the thin shell around it
(files, worker processes, the search binary, the preview server, the command line). Imports go one way:
shell → core, never back (tests/test_architecture.py checks it).
"""

__version__ = "0.1.0"
