#!/usr/bin/env python3
"""Write a deterministic synthetic dossier, for benchmarks and tests.

    python bench/generate.py OUT --articles 1000 [--entities 500] [--comparisons 200] [--seed 1]

The generator itself is the package dossier_synth/ at the repo root (its docstring says what a generated
dossier holds and why), so the tests can import it too without reaching into bench/; this is its command line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# A script's folder (bench/) is what Python puts on sys.path; the package lives one level up, beside dossier/.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from dossier_synth import COMPARISONS, ENTITIES, FULL_SIZE, MIN_ENTITIES, generate  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out", type=Path, help="folder to write the dossier into (empty or missing)")
    p.add_argument("--articles", type=int, default=100, help="number of articles (default 100)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--entities", type=int,
                   help=f"entities in content/entities.yaml (default {ENTITIES}; under {FULL_SIZE} articles 5 an "
                        f"article; at least {MIN_ENTITIES})")
    p.add_argument("--comparisons", type=int,
                   help=f"comparisons of 3-6 witnesses (default {COMPARISONS}; under {FULL_SIZE} articles 2 an "
                        "article; none under 3 articles)")
    p.add_argument("--force", action="store_true", help="replace site.yaml, seeds/ and content/ in OUT")
    args = p.parse_args(argv)
    if args.articles < 1:
        p.error("--articles must be at least 1")
    if args.entities is not None and args.entities < MIN_ENTITIES:
        p.error(f"--entities must be at least {MIN_ENTITIES} (a story's cast: 4 people, 2 organisations, 2 places)")
    if args.comparisons is not None and args.comparisons < 0:
        p.error("--comparisons must not be negative")
    try:
        counts = generate(args.out, args.articles, args.seed, args.force, args.entities, args.comparisons)
    except FileExistsError as exc:
        print(f"generate.py: error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {counts['files']} files into {args.out}: {counts['articles']} articles, "
          f"{counts['annotations']} annotations, {counts['entities']} entities, {counts['comparisons']} comparisons")
    if args.comparisons and counts["comparisons"] < args.comparisons:
        print(f"generate.py: note: {counts['comparisons']} comparisons, not {args.comparisons}: a comparison's "
              "witnesses are 3-6 different articles", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
