"""Anchoring speed: a 300-character quote in a 300 kB article (exact, fuzzy, orphan), and quotes of a long transcript
that leave a word out and name their speaker as the prefix. Run by hand; prints a table."""

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


def transcript(size: int = 1_000_000) -> tuple[str, dict[str, list[str]]]:
    """A briefing's transcript of ~2,000-character paragraphs, every fifth of the first 500 the minister's
    ("BLINKEN:", 100 places of the prefix), the others a reporter's; and ten quotes of the minister's paragraphs
    and ten of the reporter's, each a paragraph with its second word left out (not found as written)."""
    rng = random.Random(20240322)
    words = ("Israel Rafah Hamas Gaza Washington official said army cabinet offensive refugees city support plan "
             "ceasefire talks Cairo Egypt border aid trucks minister spoke Thursday the a of to in and that").split()
    paragraphs, n = [], 0
    while n < size:
        speaker = "BLINKEN:" if len(paragraphs) % 5 == 0 and len(paragraphs) < 500 else "REPORTER:"
        paragraphs.append(f"{speaker} The " + " ".join(rng.choice(words) for _ in range(330)) + ".")
        n += len(paragraphs[-1]) + 2

    def left_out(paragraph: str) -> str:
        said = paragraph.split()[1:]   # (the speaker's label is the prefix)
        return " ".join(said[:1] + said[2:])

    minister = [left_out(p) for p in paragraphs if p.startswith("BLINKEN:")][::10]
    reporter = [left_out(p) for p in paragraphs if p.startswith("REPORTER:")][::37][:10]
    return "\n\n".join(["Transcript of the briefing", *paragraphs]), {
        "transcript, prefix": minister, "transcript, stale prefix": reporter}


def transcript_cases() -> None:
    """Each quote of the transcript with the prefix "BLINKEN:": the minister's own paragraphs (the prefix is
    right), and the reporter's (a stale prefix, read at its 100 places and fitting none). Per quote."""
    text, cases = transcript()
    for name, quotes in cases.items():
        runs = []
        for _ in range(3):
            t = time.perf_counter()
            for quote in quotes:
                anchor_quote(text, quote, prefix="BLINKEN:")
            runs.append((time.perf_counter() - t) * 1000 / len(quotes))
        print(f"{name:<26} {statistics.median(runs):>10.1f} {min(runs):>8.1f}  (a quote of ~2,000 characters)")


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
    print(f"{'case':<26} {'median ms':>10} {'best ms':>8}  (target < 50 ms)")
    for name, (article_text, q) in runs_of.items():
        runs = []
        for _ in range(9):
            t = time.perf_counter()
            anchor_quote(article_text, q)
            runs.append((time.perf_counter() - t) * 1000)
        print(f"{name:<26} {statistics.median(runs):>10.1f} {min(runs):>8.1f}")
    transcript_cases()


if __name__ == "__main__":
    main()
