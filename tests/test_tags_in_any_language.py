"""Tags written in any language (slugs.tag_page): each has a page named by its slug, shown as written, linked from
its annotations and from `tag:` links; two spellings that would share a page are a `tag-clash` error."""

from __future__ import annotations

import re
from types import SimpleNamespace

from dossier.core.common.slugs import tag_page
from dossier.core.pipeline import build_site
from dossier.shell import fs

SEED = "Talks to resume in Washington\nThe minister said the talks would resume next week in Washington.\n" \
       "Officials in Cairo said the talks would resume once the delegation returned.\n"


def article(tags: str, note: str = "") -> str:
    return f"""\
        seed: a.txt
        title: Talks to resume in Washington
        source: outlet-a
        date: 2024-03-22
        annotations:
          - id: resume
            quote: the talks would resume next week
            tags: {tags}
          - id: returned
            quote: once the delegation returned
            note: "{note}"
        """


def build(mini_dossier, tags: str, note: str = ""):
    root = mini_dossier({"seeds/a.txt": SEED, "content/articles/a.yaml": article(tags, note)})
    return build_site(fs.read_inputs(root))


def test_a_tags_page_is_named_by_the_tag_or_its_words_or_its_romanisation_and_a_digest():
    assert tag_page("netanyahu-quote") == "netanyahu-quote"  # an English dossier's tags: their pages as before
    assert tag_page("Économie") == tag_page("economie") == tag_page("e\u0301conomie") == "economie"
    assert tag_page("Fact check") == tag_page("fact-check") == "fact-check"
    hebrew, cyrillic = tag_page("ציטוט"), tag_page("выборы")
    assert re.fullmatch(r"tzytvt-[0-9a-f]{8}", hebrew) and hebrew == tag_page("צִיטוּט")  # (points: one tag)
    assert re.fullmatch(r"tag-[0-9a-f]{8}", cyrillic) and cyrillic == tag_page("Выборы") != tag_page("выбор")
    # different words that a romanisation, or dropping a script, makes alike keep different pages
    for one, other in (("עם", "אם"), ("حرب", "هرب"), ("Выборы 2024", "Война 2024"), ("COVID-19 ワクチン", "COVID-19 マスク")):
        assert tag_page(one) != tag_page(other), (one, other)
    long = tag_page("Économie " * 30)
    assert len(long) <= 80 and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", long) and long.startswith("economie-economie")
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", tag_page(t)) for t in ("..", "!!!", "🙂", "a/b", "x#y?z"))


def test_tags_in_any_language_have_their_pages_shown_as_written(mini_dossier):
    result = build(mini_dossier, "[Économie, ציטוט, выборы, quote]", "See [the others](tag:economie).")
    assert result.ok, result.problems
    out = {path: data.decode("utf-8") for path, data in result.outputs.items() if path.endswith(".html")}
    pages = {"economie": "Économie", tag_page("ציטוט"): "ציטוט", tag_page("выборы"): "выборы", "quote": "quote"}
    for name, tag in pages.items():
        assert f"<h1>Tag: <bdi>{tag}</bdi></h1>" in out[f"tags/{name}/index.html"]
        # (each isolated: a right-to-left tag kept its place among others, and its "#")
        assert f'href="/tags/{name}/">#<bdi>{tag}</bdi></a>' in out["articles/a/index.html"]  # the sidenote
        assert f'href="/tags/{name}/"><bdi>{tag}</bdi></a>' in out["tags/index.html"]
    assert 'href="/tags/economie/">the others</a>' in out["articles/a/index.html"]  # tag: names the page
    listed = re.findall(r'<a href="/tags/[^"]+/"><bdi>([^<]+)</bdi></a>', out["tags/index.html"])
    assert listed == ["Économie", "quote", "выборы", "ציטוט"]  # in order without accents and capitals


def test_a_tag_link_written_as_the_tag_is_refused_with_its_pages_name(mini_dossier):
    result = build(mini_dossier, "[Économie]", "See [the others](tag:Économie).")
    found = [p for p in result.problems if p.severity == "error"]
    assert [(p.check, p.file, p.line, p.col) for p in found] == [("links", "content/articles/a.yaml", 11, 29)]
    assert found[0].message == ('link "tag:Économie": "Économie" is not the name of a tag\'s page (tag: links name '
                                "the page: lower-case letters, digits and hyphens)")
    assert found[0].hint == 'did you mean "tag:economie"?'
    name = tag_page("выборы")  # (a name with a digest, which no editor could guess)
    result = build(mini_dossier, "[выборы]", "See [the others](tag:выборы).")
    found = [p for p in result.problems if p.severity == "error"]
    assert [p.hint for p in found] == [f'did you mean "tag:{name}"?']
    # the page's address written with the tag, as a site path: said at the note, not in the built page
    found = [p for p in build(mini_dossier, "[выборы]", "See [them](/tags/выборы/).").problems if p.severity == "error"]
    assert [(p.check, p.file, p.line, p.message, p.hint) for p in found] == [
        ("links", "content/articles/a.yaml", 11, 'link "/tags/выборы/": no tag\'s page is named so (a tag\'s page is '
         "named in lower-case letters, digits and hyphens)",
         f'did you mean "/tags/{name}/"? (tag:{name} names it too)')]


def test_two_spellings_of_one_tags_page_are_a_tag_clash_at_the_rarer(mini_dossier):
    result = build(mini_dossier, "[Délégation, delegation]")
    assert not result.ok
    clashes = [p for p in result.problems if p.check == "tag-clash"]
    assert [(p.line, p.col) for p in clashes] == [(8, 24)], result.problems  # (as often: the first is kept)
    assert clashes[0].message == ('tags "delegation" and "Délégation" (content/articles/a.yaml:8) would have one '
                                  "page, /tags/delegation/")
    assert [p for p in result.problems if p.severity == "error"] == clashes  # and nothing else: no collision


def test_tags_that_differ_in_capitals_or_points_clash_in_every_script_and_nfc_spellings_are_one(mini_dossier):
    for tags in ("[Выборы, выборы]", "[ציטוט, צִיטוּט]"):
        clashes = [p for p in build(mini_dossier, tags).problems if p.severity == "error"]
        assert [p.check for p in clashes] == ["tag-clash"], (tags, clashes)
        assert "differ by more than capitals, accents and punctuation" in clashes[0].hint
    # the same word typed composed and decomposed is one tag, written as typed first (in NFC)
    result = build(mini_dossier, '["économie", "e\u0301conomie"]')
    assert result.ok, result.problems
    assert "<h1>Tag: <bdi>économie</bdi></h1>" in result.outputs["tags/economie/index.html"].decode("utf-8")
    # different Hebrew words that romanise alike: two tags, two pages
    assert build(mini_dossier, "[עם, אם]").ok


def test_a_tag_with_a_character_that_cannot_be_seen_or_nothing_at_all_is_refused(mini_dossier):
    for tags in ('["zero\u200bwidth"]', '["\u200b"]', '["a\u2028b"]', '[""]'):
        found = [p for p in build(mini_dossier, tags).problems if p.severity == "error"]
        # (a line separator is refused before the schema reads the file: YAML would read it as a line break)
        kind = "yaml-character" if "\u2028" in tags else "schema-"
        assert len(found) == 1 and found[0].check.startswith(kind) and found[0].line == 8, (tags, found)


def test_the_spelling_written_most_often_is_kept_whatever_the_order() -> None:
    from dossier.core.load.model import Origin
    from dossier.core.load.tag_clashes import tag_clashes

    def meta(*tags):
        origins = tuple(Origin("a.yaml", n + 1, 7) for n in range(len(tags)))
        return SimpleNamespace(annotations=[SimpleNamespace(tags=tags, tag_origins=origins)])

    clashes = tag_clashes([meta("Délégation", "delegation", "delegation")])
    assert [(p.line, p.message) for p in clashes] == [
        (1, 'tags "Délégation" and "delegation" (a.yaml:2) would have one page, /tags/delegation/')]
    assert tag_clashes([meta("delegation", "other")]) == []


def _tagged(*files: tuple[str, tuple[str, ...]]) -> list:
    """Article metadata whose annotations hold one tag each: (file, its annotations' tags), at lines 10, 20, …"""
    from dossier.core.load.model import Origin

    return [SimpleNamespace(annotations=[SimpleNamespace(tags=(tag,), tag_origins=(Origin(file, 10 * (n + 1), 12),))
                                         for n, tag in enumerate(tags)]) for file, tags in files]


def test_a_tag_renamed_in_one_file_beside_the_one_other_files_write_is_one_tag_typo_warning() -> None:
    """Review 146: "netanyahu-quote" made "netanyahu-quotes" in one article (4 annotations) was two tag pages
    without a word: tag-typo said only a variant on exactly one annotation."""
    from dossier.core.load.tag_clashes import tag_clashes

    found = tag_clashes(_tagged(("a.yaml", ("netanyahu-quotes",) * 4), ("b.yaml", ("netanyahu-quote",) * 4),
                                ("c.yaml", ("netanyahu-quote",) * 3)))
    assert [(p.file, p.line, p.check, p.message, p.hint) for p in found] == [(
        "a.yaml", 10, "tag-typo", 'tag "netanyahu-quotes" is on 4 annotations, all in this file, and '
        '"netanyahu-quote" on 7 in 2 other files: each has a page of its own', 'did you mean "netanyahu-quote"? '
        'write it at lines 10, 20, 30 and 40 (if "netanyahu-quotes" is meant, silence this with checks: '
        '{tag-typo: ignore} in site.yaml)')]
    # a typo of it, in one file, likewise; a singular written in several files, beside its plural written more
    found = tag_clashes(_tagged(("a.yaml", ("netanyahu-qoute",) * 2 + ("casualty",)),
                                ("b.yaml", ("netanyahu-quote",) * 3 + ("casualties",) * 3), ("c.yaml", ("casualty",))))
    assert [(p.file, p.line, p.message) for p in found] == [
        ("a.yaml", 10, 'tag "netanyahu-qoute" is on 2 annotations, all in this file, and "netanyahu-quote" on 3 in 1 '
                       "other file: each has a page of its own"),
        ("a.yaml", 30, 'tag "casualty" is on 2 annotations, in 2 files, and "casualties" on 3 in 1 other file: each '
                       "has a page of its own")]
    assert "write it at a.yaml:30 and c.yaml:10 " in found[1].hint


def test_tags_that_differ_by_more_than_a_slip_or_are_written_alike_in_one_file_are_no_tag_typo() -> None:
    from dossier.core.load.tag_clashes import tag_clashes

    # two tags written in one file as often as each other elsewhere; a short word changed ("us", "uk"); the default
    # dossier's own tags, each in several files
    assert tag_clashes(_tagged(("a.yaml", ("military", "militia", "delegation", "delegations")),
                               ("b.yaml", ("military", "militia") * 2))) == []
    assert tag_clashes(_tagged(("a.yaml", ("uk-position",) * 2), ("b.yaml", ("us-position",) * 3))) == []
    assert tag_clashes(_tagged(("a.yaml", ("uk-position",)), ("b.yaml", ("us-position",) * 3))) == []
    default = ("us-position", "attribution", "military", "sourcing", "netanyahu-quote", "naming-hamas",
               "humanitarian-aid", "delegation", "displacement", "hostages", "dermer-quote", "ceasefire-talks",
               "casualties", "typo", "wire-copy")
    assert tag_clashes(_tagged(*((f"{n}.yaml", default * 2) for n in range(3)))) == []
