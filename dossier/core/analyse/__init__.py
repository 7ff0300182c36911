"""Stage 2, analyse: the model → one Library (quotes anchored, mentions linked, witnesses aligned, passages found)."""
