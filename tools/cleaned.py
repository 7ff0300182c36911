"""Print the cleaned text of each seed, paragraph by paragraph, as the build sees it (for editors)."""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from dossier.core.cleaning import clean, decode_seed  # noqa: E402
from dossier.core.config import parse_site  # noqa: E402

root = Path(__file__).resolve().parent.parent
config, problems = parse_site("site.yaml", (root / "site.yaml").read_text(),
                              json.loads((root / "schemas/site.schema.json").read_text()))
if config is None:
    sys.exit("\n".join(p.format() for p in problems))
for seed in sys.argv[1:] or sorted(str(p) for p in (root / "seeds").glob("*.txt")):
    text, _ = decode_seed(seed, Path(seed).read_bytes(), config.encoding)
    cleaned = clean(text or "", config)
    print(f"===== {Path(seed).name}")
    for i, p in enumerate(cleaned.paragraphs):
        print(f"[{i} line {p.line}] {p.text}")
