"""Anchoring speed: a 300-character quote in a 300 kB article (exact, fuzzy, orphan). Run by hand; prints a table."""

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from dossier.core.analyse.anchors import anchor_quote  # noqa: E402


def article(size: int = 300_000) -> str:
    rng = random.Random(20240321)
    words = ("Israel Rafah Hamas Gaza Washington official said army cabinet offensive refugees city support plan "
             "ceasefire talks Cairo Egypt border aid trucks minister spoke Thursday the a of to in and that").split()
    out, n = [], 0
    while n < size:
        p = " ".join(rng.choice(words) for _ in range(rng.randint(30, 90))) + "."
        out.append(p)
        n += len(p) + 2
    return "\n\n".join(out)[:size]


def main() -> None:
    text = article()
    start = text.index(" ", 150_000) + 1
    end = text.index(" ", start + 300)
    quote = text[start:end]
    cases = {"exact": quote, "one word inserted": quote.replace(" ", " the ", 1),
             "orphan": "Nothing in this sentence appears anywhere in the article, not one bit of it. " * 4}
    # The same article with some letters decomposed ("e" + U+0301): matched in NFC, the map is built once.
    decomposed = text.replace("official", "officie\u0301l")
    runs_of = {name: (text, q) for name, q in cases.items()}
    runs_of["exact, NFD article"] = (decomposed, quote.replace("official", "offici\u00e9l"))
    print(f"{'case':<20} {'median ms':>10} {'best ms':>8}  (target < 50 ms)")
    for name, (article_text, q) in runs_of.items():
        runs = []
        for _ in range(9):
            t = time.perf_counter()
            anchor_quote(article_text, q)
            runs.append((time.perf_counter() - t) * 1000)
        print(f"{name:<20} {statistics.median(runs):>10.1f} {min(runs):>8.1f}")


if __name__ == "__main__":
    main()
