"""Suggestions for editors (--suggest): candidate entities and comparisons."""
