"""Article files whose `seed:` lines were swapped (dossier/core/analyse/swapped_seeds.py): one problem at each
`seed:` line, naming the seed to write, instead of "quote not found" at every quote of both articles (review 151:
64 errors in the default dossier, each hinted to move its annotation to the other file)."""

from __future__ import annotations

from conftest import MINIMAL_SITE, copy_of_default_dossier, documented, write_tree
from dossier.core.analyse.swapped_seeds import said_at_swapped_seeds
from dossier.core.common.errors import error, warning
from dossier.core.load.cleaning import CleanText
from dossier.core.load.config import SiteConfig
from dossier.core.load.model import Annotation, Article, ArticleMeta, Dossier, Origin
from dossier.core.pipeline import build_site
from dossier.shell import fs

SOURCES = "outlet-a: {name: Outlet A}\noutlet-b: {name: Outlet B}\noutlet-c: {name: Outlet C}\n"
TEXTS = {
    "a": "Talks\nThe talks would resume in Cairo next week, the minister said.\nDelegations arrive on Sunday.\n",
    "b": "Envoy\nThe envoy left Doha on Tuesday without a deal.\nA gap remains between the parties.\n",
    "c": "Border\nThe crossing at Rafah stayed closed for a third day.\nAid trucks waited in long lines.\n"}
QUOTES = {"a": ("would resume in Cairo next week", "Delegations arrive on Sunday"),
          "b": ("left Doha on Tuesday without a deal", "A gap remains between the parties"),
          "c": ("stayed closed for a third day", "Aid trucks waited in long lines")}


def _article(slug: str, seed: str, quotes: tuple[str, ...]) -> str:
    notes = "".join(f"  - id: q{n}\n    quote: {quote}\n" for n, quote in enumerate(quotes))
    return f"seed: {seed}.txt\ntitle: {slug}\nsource: outlet-{slug}\ndate: 2024-03-22\nannotations:\n{notes}"


def _problems(tmp_path, seeds: dict[str, str], quotes: dict[str, tuple[str, ...]] = QUOTES) -> list:
    """The problems of a dossier of articles a, b and c whose files name the seeds `seeds` (slug → seed)."""
    files = {"site.yaml": MINIMAL_SITE, "content/sources.yaml": SOURCES,
             **{f"seeds/{slug}.txt": text for slug, text in TEXTS.items()},
             **{f"content/articles/{slug}.yaml": _article(slug, seeds[slug], quotes[slug]) for slug in TEXTS}}
    return list(build_site(fs.read_inputs(write_tree(tmp_path / "dossier", files))).problems)


def test_seeds_written_each_in_another_s_file_around_a_ring_of_three_are_one_error_at_each_seed_line(tmp_path) -> None:
    problems = _problems(tmp_path, {"a": "b", "b": "c", "c": "a"})
    assert [(p.file, p.line, p.col, p.severity, p.check) for p in problems] == [
        (f"content/articles/{slug}.yaml", 1, 7, "error", "seed-swapped") for slug in "abc"], problems
    assert problems[0].message == (
        'seed "b.txt" is the text of content/articles/b.yaml, whose seed is not its text either: the seeds of 3 files '
        "are each written in another's (content/articles/a.yaml, content/articles/b.yaml, content/articles/c.yaml), "
        "so 2 of this article's quotes are not found")
    assert problems[0].hint == ("seeds/a.txt, the seed of content/articles/c.yaml, holds all 2 quotes of this "
                                "article's annotations and the witnesses naming it: write seed: a.txt here")
    # (a's file quoting b's text, b's its own, is no swap: each of a's quotes is told to move, as before)
    problems = _problems(tmp_path / "moved", {"a": "a", "b": "b", "c": "c"}, {**QUOTES, "a": QUOTES["b"]})
    assert [(p.file, p.check) for p in problems] == [("content/articles/a.yaml", "anchor-not-found")] * 2
    assert all("move the annotation to that file" in p.hint for p in problems)


def test_only_the_problems_of_the_two_articles_quotes_are_said_by_the_swap() -> None:
    """A quote of a third article not found, and the swapped articles' other problems, are said as they are."""
    def article(slug: str, seed: str, quotes: tuple[str, ...]) -> Article:
        file = f"content/articles/{slug}.yaml"
        notes = tuple(Annotation(f"q{n}", quote, Origin(file, 7 + n, 12)) for n, quote in enumerate(quotes))
        meta = ArticleMeta(slug, Origin(file, 1, 1), f"{seed}.txt", slug, f"outlet-{slug}", "", annotations=notes,
                           seed_origin=Origin(file, 1, 7))
        return Article(meta, CleanText(TEXTS[seed], (), ()))

    articles = (article("a", "b", QUOTES["a"]), article("b", "a", QUOTES["b"]), article("c", "c", ("Rafah gate",)))
    dossier = Dossier(SiteConfig(title="x"), (), articles, (), ())
    lost = [error(f"content/articles/{slug}.yaml", 7 + n, 12, f'annotation "q{n}": quote not found in seeds/x.txt',
                  "", "anchor-not-found") for slug in "abc" for n in range(2 if slug != "c" else 1)]
    undated = warning("content/articles/a.yaml", 1, 1, 'undated: the article has no "date:" key', "", "undated")
    said = said_at_swapped_seeds([*lost, undated], dossier)
    assert [(p.file, p.line, p.check) for p in said] == [
        ("content/articles/a.yaml", 1, "seed-swapped"), ("content/articles/b.yaml", 1, "seed-swapped"),
        ("content/articles/c.yaml", 7, "anchor-not-found"), ("content/articles/a.yaml", 1, "undated")]


def test_the_documented_swap_of_the_default_dossier_is_said_as_the_docs_show(tmp_path) -> None:
    """The review's 64 errors: the seed: lines of jpost-go-it-alone.yaml and ynet-rafah-rift.yaml swapped."""
    root = copy_of_default_dossier(tmp_path)
    articles = root / "content/articles"
    for name, old, new in (("jpost-go-it-alone", "002_5b7bcf2cbf6902ac", "000_662ca594744e9246"),
                           ("ynet-rafah-rift", "000_662ca594744e9246", "002_5b7bcf2cbf6902ac")):
        path = articles / f"{name}.yaml"
        path.write_text(path.read_text("utf-8").replace(f"seed: {old}.txt", f"seed: {new}.txt"), "utf-8")
    said = [p.format().splitlines() for p in build_site(fs.read_inputs(root)).problems]
    assert [s[0].split(": error: ")[0] for s in said] == ["content/articles/jpost-go-it-alone.yaml:2:7",
                                                          "content/articles/ynet-rafah-rift.yaml:2:7"], said
    assert [line.strip() for line in said[0]] == documented("is the text of content/articles/ynet-rafah-rift.yaml")
