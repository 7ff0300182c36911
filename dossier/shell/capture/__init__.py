"""Capturing real pages for `--add`: HTTP, web archives, extraction, and writing the evidence (the shell)."""
