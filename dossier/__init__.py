"""dossier: a static site generator for annotated news dossiers.

`dossier.core` is the pure core (no disk, no clock, no network); `dossier.fs`, `dossier.serve`
and `dossier.cli` are the thin shell around it.
"""

__version__ = "0.1.0"
