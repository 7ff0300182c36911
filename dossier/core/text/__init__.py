"""Text machinery: Unicode normalisation, typography, word edges and diffs, and the Markdown renderers."""
