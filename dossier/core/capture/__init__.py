"""Guessing an article's title, date and outlet from a page or a plain-text seed (--add, --import)."""
