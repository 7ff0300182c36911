"""A saved article's or comparison's pages, and the open pages after a template edit, made from the last analysis
(dossier/core/execute/ahead.py): for every kind of edit it accepts, the very bytes a whole build of the edited
dossier makes; for every edit that could change what the page reads from the rest of the dossier, or that has
problems of its own, nothing (the whole build shows the page, as before); in the live preview, the page is on
disk before the build loads anything, and not after a failed build. On the default dossier, built in memory."""

from __future__ import annotations

import pytest

from dossier.core.common.errors import has_errors
from dossier.core.common.memo import Memo
from dossier.core.execute.ahead import Analysed, pages_ahead
from dossier.core.execute.first import First
from dossier.core.pipeline import Options, apply_levels, build_site
from dossier.shell.fs import PROJECT, read_inputs

ARTICLE = "content/articles/jpost-go-it-alone.yaml"
PAGES = ["articles/jpost-go-it-alone.md", "articles/jpost-go-it-alone/annotations.jsonld",
         "articles/jpost-go-it-alone/index.html"]
SPELLING = """\
  - id: tzahi-spelling
    quote: "Tzahi Hanegbi"
    kind: correction
"""


@pytest.fixture(scope="module")
def inputs():
    return read_inputs(PROJECT)


def analysed_build(inputs, options=Options()) -> tuple[Memo, Analysed]:
    """A preview's build: its memo and the analysis it keeps for the next save."""
    memo, kept = Memo(), []
    memo.begin()
    assert build_site(inputs, options, memo, first=First(frozenset(), lambda out: None, keep=kept.append)).ok
    memo.sweep()
    assert len(kept) == 1 and isinstance(kept[0], Analysed)
    return memo, kept[0]


@pytest.fixture(scope="module")
def before(inputs):
    return build_site(inputs, Options()).outputs


@pytest.fixture(scope="module")
def last(inputs):
    return analysed_build(inputs)


def edited(inputs, changes: dict[str, object]):
    """`inputs` with each path's bytes changed: a function of the old bytes, or the new bytes themselves."""
    files = dict(inputs.files)
    for path, change in changes.items():
        files[path] = change(files[path]) if callable(change) else change
        assert files[path] != inputs.files.get(path), f"the edit of {path} changes nothing"
    return type(inputs)(**{**inputs.__dict__, "files": files})


def ahead(last, new, changed=(ARTICLE,), options=Options(), visited=()):
    memo, analysed = last
    memo.begin()
    return pages_ahead(analysed, new, options, First(frozenset(changed), lambda out: None, visited=visited), memo,
                       lambda found, config: has_errors(apply_levels(found, config, options.strict)))


def swap(old: str, new: str):
    def change(data: bytes) -> bytes:
        text = data.decode("utf-8")
        assert old in text
        return text.replace(old, new, 1).encode("utf-8")
    return change


ACCEPTED = {
    "a note reworded": swap("The key line.", "The key line, reworded."),
    "a note that grows by lines (every origin below it moves)": swap(
        "    note: >-\n      The key line.", "    note: >-\n      The key line.\n\n      A new paragraph.\n\n     "
                                             " And another."),
    "the title": swap("title: Israel will go it alone", "title: Israel would go it alone"),
    "the summary": swap("Reports Netanyahu's message", "Reports Benjamin Netanyahu's message"),
    "a tag added": swap("tags: [typo]", "tags: [typo, grammar]"),
    "an entity named": swap("entities: [tzachi-hanegbi]", "entities: [tzachi-hanegbi, rafah]"),
    "a speaker given": swap(SPELLING, SPELLING + "    speaker: tzachi-hanegbi\n"),
    "an annotation removed": swap(SPELLING, "  - id: tzahi-spelling-gone\n    quote: \"Tzahi Hanegbi\"\n"
                                            "    kind: correction\n    note: Gone.\n  - id: placeholder\n"
                                            "    quote: \"Tzahi Hanegbi\"\n    kind: correction\n"),
    "a quote moved": swap('quote: "told Blinken when the two men in Tel Aviv."', 'quote: "when the two men in Tel Aviv."'),
    "an annotation's kind": swap("    quote: \"Tzahi Hanegbi\"\n    kind: correction", "    quote: \"Tzahi Hanegbi\"\n"
                                                                                     "    kind: context"),
}


@pytest.mark.parametrize("edit", sorted(ACCEPTED))
def test_an_accepted_edit_gives_the_very_pages_of_the_whole_build(inputs, last, before, edit):
    shows_the_whole_builds_pages(inputs, last, before, ARTICLE, ACCEPTED[edit], PAGES)


def shows_the_whole_builds_pages(inputs, last, before, path, edit, pages) -> None:
    new = edited(inputs, {path: edit})
    shown = ahead(last, new, (path,))
    assert shown is not None and sorted(shown) == pages
    whole = build_site(new, Options())  # (cold: no memo, nothing kept)
    assert whole.ok, whole.problems
    for page in pages:
        assert shown[page] == whole.outputs[page], page
    assert any(shown[p] != before[p] for p in pages)  # (the edit shows)


COMPARISON = "content/comparisons/netanyahu-do-it-alone.yaml"
BEACON = ("  - article: free-beacon-we-will-do-it-alone\n    quote: \"And I told him that I hope we will do it with the"
          " support of the U.S., but if we have to—we will do it alone\"\n")
USA = "I told him that I hope we will do it with the support of the USA, but if we have to - we will do it alone"
ACCEPTED_COMPARISON = {
    "a witness's note reworded": swap("Followed by “he added”", "Followed by “he said”"),
    "the title": swap('title: "“We will do it alone”"', 'title: "“We will do it alone”, three ways"'),
    "the summary": swap("All three versions end", "The three versions all end"),
    "a witness removed": swap(BEACON + "    note: Said “in a video statement to reporters”; the headline quotes the "
                                       "last words as ‘We Will Do It Alone’.\n", ""),
    "a witness placed with a prefix": swap(BEACON, "  - article: free-beacon-we-will-do-it-alone\n    quote: \"we will do it alone\"\n"
                                      "    prefix: \"if we have to—\"\n"),
    "a witness's quote shortened": swap(f'quote: "{USA}"', 'quote: "with the support of the USA"'),
    "the speaker left out": swap("speaker: benjamin-netanyahu\n", ""),
}


@pytest.mark.parametrize("edit", sorted(ACCEPTED_COMPARISON))
def test_an_accepted_comparison_edit_gives_the_very_page_of_the_whole_build(inputs, last, before, edit):
    shows_the_whole_builds_pages(inputs, last, before, COMPARISON, ACCEPTED_COMPARISON[edit],
                                 ["compare/netanyahu-do-it-alone/index.html"])


DECLINED_COMPARISON = {
    "a witness of an unknown article": swap("- article: jpost-go-it-alone", "- article: no-such-article"),
    "a witness's quote not in its article": swap(f'quote: "{USA}"', 'quote: "zebra crossings in Oslo at midnight"'),
    "an unknown speaker": swap("speaker: benjamin-netanyahu", "speaker: nobody-known"),
    "a YAML error": swap("title: ", "title: [", ),
    "its base's witness removed": swap("  - article: jpost-go-it-alone\n    quote: \"" + USA + "\"\n    note: Followed"
                                       " by “he added”; it comes after the sentence about Rafah and the battalions.\n", ""),
    "a witness note's link to no comparison": swap("Followed by “he added”", "Followed by ([see](compare:nope))"),
}


@pytest.mark.parametrize("edit", sorted(DECLINED_COMPARISON))
def test_a_comparison_edit_with_problems_of_its_own_gives_nothing(inputs, last, edit):
    assert ahead(last, edited(inputs, {COMPARISON: DECLINED_COMPARISON[edit]}), (COMPARISON,)) is None


SOURCE = "jerusalem-post"
DECLINED = {
    "the date (the article's place in the order)": {ARTICLE: swap("date: 2024-03-22", "date: 2024-03-23")},
    "the outlet": {ARTICLE: swap(f"source: {SOURCE}", "source: times-of-israel")},
    "the seed (the text)": {ARTICLE: swap("seed: 002_5b7bcf2cbf6902ac.txt", "seed: 001_other.txt")},
    "an unknown speaker": {ARTICLE: swap(SPELLING, SPELLING + "    speaker: nobody-known\n")},
    "an unknown entity": {ARTICLE: swap("entities: [tzachi-hanegbi]", "entities: [tzachi-hanegbi, nobody-known]")},
    "a YAML error": {ARTICLE: swap("title: Israel", "title: [Israel")},
    "a quote not in the text (an error)": {ARTICLE: swap('quote: "Tzahi Hanegbi"', 'quote: "Tzahi Hanegbi said nothing"')},
    "a note's link to no article": {ARTICLE: swap("The key line.", "The key line ([see](article:jpost-go-it-alon)).")},
    # the same page as another spelling of the tag ("typo" is written here and elsewhere): a tag-clash
    "a tag spelled as another of its page": {ARTICLE: swap("tags: [typo]", "tags: [typo, Typo]")},
    # another article's note links to #a-alone-quote: the whole build fails at that note
    "an annotation id another file links to, renamed": {ARTICLE: swap("  - id: alone-quote\n", "  - id: alone-quote-2\n")},
}


@pytest.mark.parametrize("edit", sorted(DECLINED))
def test_an_edit_that_could_change_what_the_page_reads_elsewhere_gives_nothing(inputs, last, edit):
    assert ahead(last, edited(inputs, DECLINED[edit])) is None


def test_only_a_single_saved_file_on_top_of_the_same_inputs_is_shown_ahead(inputs, last):
    note = {ARTICLE: ACCEPTED["a note reworded"]}
    assert ahead(last, edited(inputs, note)) is not None
    # another file changed too, whether or not the caller names it
    both = edited(inputs, {**note, "content/entities.yaml": lambda b: b + b"\n"})
    assert ahead(last, both) is None and ahead(last, both, (ARTICLE, "content/entities.yaml")) is None
    templates = dict(inputs.templates)
    templates["article.html"] += "\n"
    assert ahead(last, type(inputs)(**{**edited(inputs, note).__dict__, "templates": templates})) is None
    # not an article or comparison file, or one the last analysis does not have, or other options
    sources = "content/sources.yaml"
    assert ahead(last, edited(inputs, {sources: lambda b: b + b"\n"}), (sources,)) is None
    new_file = "content/articles/a-new-one.yaml"
    added = edited(inputs, {new_file: inputs.files[ARTICLE]})
    assert ahead(last, added, (new_file,)) is None
    assert ahead(last, edited(inputs, note), options=Options(strict=True)) is None


OPEN = ("compare/netanyahu-do-it-alone/index.html", "articles/jpost-go-it-alone/index.html", "entities/index.html")


def with_templates(inputs, **changes: object):
    templates = dict(inputs.templates)
    for name, change in changes.items():
        templates[name.replace("_", ".")] = change(templates[name.replace("_", ".")])
    return type(inputs)(**{**inputs.__dict__, "templates": templates})


def retemplated(text: str) -> str:
    assert "</footer>" in text
    return text.replace("</footer>", "<p>A new line of the footer.</p>\n</footer>", 1)


def test_after_a_template_edit_the_open_article_and_comparison_pages_are_the_whole_builds(inputs, last, before):
    new = with_templates(inputs, base_html=retemplated)
    shown = ahead(last, new, ("templates/base.html",), visited=OPEN)
    # (an entity page is not one the preview shows first: only article and comparison pages)
    assert shown is not None and sorted(shown) == sorted(OPEN[:2])
    whole = build_site(new, Options())
    for page in OPEN[:2]:
        assert shown[page] == whole.outputs[page] != before[page], page
    assert ahead(last, new, ("templates/base.html",)) is None  # no page open: none to show


def test_a_template_edit_that_breaks_a_page_or_comes_with_another_edit_gives_nothing(inputs, last):
    broken = with_templates(inputs, base_html=lambda text: text.replace("</footer>", "{% if %}</footer>", 1))
    assert ahead(last, broken, ("templates/base.html",), visited=OPEN) is None
    both = edited(with_templates(inputs, base_html=retemplated), {ARTICLE: ACCEPTED["a note reworded"]})
    assert ahead(last, both, ("templates/base.html", ARTICLE), visited=OPEN) is None


def test_pages_shown_ahead_are_not_rendered_again_by_the_build_that_follows(inputs):
    new = edited(inputs, {ARTICLE: ACCEPTED["a note reworded"]})
    handed: dict[str, list] = {"plain": [], "ahead": []}
    memos = {}
    for name in handed:
        memo, analysed = analysed_build(inputs)
        memo.begin()
        first = First(frozenset({ARTICLE}), handed[name].append, last=analysed if name == "ahead" else None)
        assert build_site(new, Options(), memo, first=first).ok
        memos[name] = memo
    assert len(handed["plain"]) == 1 and len(handed["ahead"]) == 2  # ahead, then the whole build's first pages
    assert handed["ahead"][0] == handed["ahead"][1] == handed["plain"][0]
    assert memos["ahead"].misses["page"] == memos["plain"].misses["page"]
    assert memos["ahead"].hits["page"] == memos["plain"].hits["page"] + len(PAGES)


MINI = {
    "seeds/a.txt": "Headline\nThe minister said the plan would go ahead on Monday.\nCritics said it was rushed.\n",
    "content/articles/a.yaml": "seed: a.txt\ntitle: A headline\nsource: outlet-a\ndate: 2024-03-22\nannotations:\n"
                               "  - id: plan\n    quote: the plan would go ahead\n    note: First note.\n",
}


def test_the_live_preview_shows_a_saved_note_before_the_build_loads_anything(mini_dossier, monkeypatch):
    import io

    import dossier.core.pipeline as pipeline
    from dossier.shell.serve_preview import Preview

    root = mini_dossier(MINI)
    preview = Preview(root, root / "_site", Options(), stream=io.StringIO(), search=False)
    page = root / "_site/articles/a/index.html"
    at_load: list[str] = []
    real = pipeline.load_dossier

    def load_dossier(*args, **kwargs):  # what the saved article's page holds when the build starts loading
        at_load.append(page.read_text("utf-8") if page.exists() else "")
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "load_dossier", load_dossier)

    def save(note: str) -> None:
        (root / "content/articles/a.yaml").write_text(MINI["content/articles/a.yaml"].replace("First note.", note))
        with preview.cond:
            preview.generations.changed()
            started = preview.generations.start()
        preview.rebuild(frozenset({"content/articles/a.yaml"}), started)

    save("First note.")  # (the first build: nothing to show ahead of it)
    save("Second note.")
    assert "Second note." in at_load[-1] and preview.status.state == "ok"
    save("See [this](/articles/a/#nowhere).")  # shown ahead; the whole build's link check fails it, takes it back
    assert preview.status.state == "failed" and "Second note." in page.read_text("utf-8")
    save("Third note.")  # after a failure the whole build shows the page, as before
    assert "Third note." not in at_load[-1] and "Third note." in page.read_text("utf-8")
    save("Fourth note.")
    assert "Fourth note." in at_load[-1] and preview.status.state == "ok"


def test_a_saved_file_that_keeps_what_references_may_name_is_checked_alone(inputs, last, before, monkeypatch):
    """While the saved file keeps its annotation ids and tags (and a comparison its id), the other files'
    references are as good as in the last build: only the saved file's are checked (the whole check of the
    dossier is not run); a tag added or an id changed checks the whole dossier, as the whole build does."""
    from dossier.core.execute import ahead as module

    whole: list[str] = []
    for name in ("check_references", "entity_references"):
        real = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *a, real=real, name=name, **k: whole.append(name) or real(*a, **k))
    shows_the_whole_builds_pages(inputs, last, before, ARTICLE, ACCEPTED["a note reworded"], PAGES)
    shows_the_whole_builds_pages(inputs, last, before, COMPARISON, ACCEPTED_COMPARISON["the summary"],
                                 ["compare/netanyahu-do-it-alone/index.html"])
    assert ahead(last, edited(inputs, DECLINED["a note's link to no article"])) is None  # (its own link)
    assert ahead(last, edited(inputs, DECLINED["an unknown entity"])) is None
    assert ahead(last, edited(inputs, {COMPARISON: DECLINED_COMPARISON["its base's witness removed"]}),
                 (COMPARISON,)) is None
    assert whole == []
    shows_the_whole_builds_pages(inputs, last, before, ARTICLE, ACCEPTED["a tag added"], PAGES)
    assert whole == ["check_references", "entity_references"]
    assert ahead(last, edited(inputs, DECLINED["an annotation id another file links to, renamed"])) is None
    assert len(whole) == 4


BROKEN = {  # references gone wrong in four files, found by the whole check
    ARTICLE: swap("The key line.", "The key line ([a](article:nope), [b](tag:nope), [c](#a-nope))."),
    "content/articles/ynet-rafah-rift.yaml": swap("  - id: dermer-alone-quote\n", "  - id: dermer-quote\n"),
    "content/articles/free-beacon-we-will-do-it-alone.yaml": swap("    kind: quote\n    speaker: benjamin-netanyahu",
                                                                  "    kind: quote\n    speaker: nobody-known"),
    COMPARISON: swap("speaker: benjamin-netanyahu\nbase: jpost-go-it-alone",
                     "speaker: nobody-known\nbase: no-such-witness"),
}


def test_each_files_references_checked_alone_are_what_the_whole_check_finds_in_it(inputs):
    from dossier.core.analyse import entity_links
    from dossier.core.load.loader import load_config, load_dossier
    from dossier.core.load.references import check_file, checked_references

    new = edited(inputs, BROKEN)
    dossier = load_dossier(new, load_config(new, Options())[0])[0]
    found, names = checked_references(dossier)
    entities = entity_links.check_references(dossier)
    files = sorted(p for p in new.files if p.startswith(("content/articles/", "content/comparisons/")))
    for path in files:
        assert check_file(dossier, path, names) == [p for p in found if p.file == path], path
        assert entity_links.check_file(dossier, path) == [p for p in entities if p.file == path], path
    assert len({p.file for p in found + entities}) == 4 and set(files) >= {p.file for p in found + entities}
