"""Issue 16: one run shows every mistake, each at the line and column of the key (or list item, or link) that
is wrong. Mini-dossiers built in memory with the real pipeline (fs.read_inputs + build_site), as the shell does."""

from __future__ import annotations

from conftest import MINIMAL_SITE, run_build
from dossier.shell import fs
from dossier.core.pipeline import build_site
from dossier.core.common.errors import Problem

SOURCES = "outlet-a: {name: Outlet A}\noutlet-b: {name: Outlet B}\n"
SEED_A = "Talks to resume\nThe minister said the talks would resume next week in Washington.\nThe delegation is expected on Monday.\n"
SEED_B = "Talks resume\nOfficials said the talks would resume next week.\n"
ENTITIES = "washington:\n  name: Washington\n  kind: place\ncairo:\n  name: Cairo\n  kind: place\n"
ARTICLE_B = "seed: b.txt\ntitle: B\nsource: outlet-b\ndate: 2024-03-23\nannotations:\n  - id: said\n    quote: Officials said\n    tags: [talks]\n"


ARTICLE_A = "seed: a.txt\ntitle: A\nsource: outlet-a\ndate: 2024-03-22\n"


def talks(*articles: str, base: str = "") -> str:
    """A quote comparison (content/comparisons/talks.yaml) of "talks would resume" in each of `articles`."""
    return ("title: T\nquestion: Q?\nkind: quote\n" + (f"base: {base}\n" if base else "") + "witnesses:\n" +
            "".join(f"  - {{article: {a}, quote: talks would resume}}\n" for a in articles))


def errors_of(mini_dossier, files: dict[str, str], b_file: str = "content/articles/b.yaml") -> list[Problem]:
    """The errors of a build of the mini dossier (article b's file named `b_file`) with `files` added."""
    base = {"site.yaml": MINIMAL_SITE, "content/sources.yaml": SOURCES, "content/entities.yaml": ENTITIES,
            "seeds/a.txt": SEED_A, "seeds/b.txt": SEED_B, b_file: ARTICLE_B}
    base.update(files)
    return [p for p in build_site(fs.read_inputs(mini_dossier(base, defaults=False))).problems if p.severity == "error"]


def problems_of(mini_dossier, files: dict[str, str]) -> list[tuple[str, int, int, str]]:
    return [(p.file, p.line, p.col, p.message) for p in errors_of(mini_dossier, files)]


def test_one_check_reports_five_independent_mistakes_of_one_article_each_at_its_own_line(mini_dossier) -> None:
    article = ("seed: a.txt\ntitle: Talks\nsource: outlet-c\ndate: March 22, 2024\nannotations:\n"
               "  - id: resume\n    quote: the talks would resume next week\n    entities: [washington, kairo]\n"
               "  - id: resume\n    quote: expected on Monday\n"
               "  - id: collapse\n    quote: negotiations had collapsed\n")
    root = mini_dossier({"site.yaml": MINIMAL_SITE, "content/sources.yaml": SOURCES,
                         "content/entities.yaml": ENTITIES, "seeds/a.txt": SEED_A,
                         "content/articles/a.yaml": article}, defaults=False)
    result = run_build(root, "--check")
    assert result.returncode == 1
    headers = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert [h.split(": error: ")[0] for h in headers] == [
        "content/articles/a.yaml:3:9", "content/articles/a.yaml:4:7", "content/articles/a.yaml:8:28",
        "content/articles/a.yaml:9:9", "content/articles/a.yaml:12:12"], result.stderr
    assert [h.split(": error: ")[1].split(" ")[0] for h in headers] == [
        "unknown", '"March', 'annotation', "duplicate", "annotation"]
    assert "quote not found" in headers[-1] and 'unknown entity "kairo"' in headers[2]
    assert ": warning: " not in result.stderr   # a wrong date is reported as wrong, not again as "undated"


def test_a_broken_sources_file_is_one_error_not_one_per_article(mini_dossier) -> None:
    """The articles naming an outlet the broken file defines get no error; one naming an outlet it plainly does not
    define (the file is one line: outlet-b is in none) is said in the same run (registry_ids.py)."""
    found = problems_of(mini_dossier, {"content/sources.yaml": "outlet-a: {name: [\n",
                                       "content/articles/a.yaml": "seed: a.txt\ntitle: A\nsource: outlet-a\ndate: 2024-03-22\n"})
    assert [(f, message) for f, _, _, message in found if f != "content/sources.yaml"] == [
        ("content/articles/b.yaml", 'unknown source "outlet-b"')], found
    assert [f for f, *_ in found].count("content/sources.yaml") == 1


def test_a_comparison_with_one_witness_still_reports_its_unknown_article_at_the_article_key(mini_dossier) -> None:
    comparison = "title: T\nquestion: Q?\nkind: quote\nwitnesses:\n  - quote: talks would resume\n    article: bb\n"
    found = problems_of(mini_dossier, {"content/comparisons/talks.yaml": comparison})
    assert found == [
        ("content/comparisons/talks.yaml", 5, 3, "the list has 1 item; at least 2 are needed (at witnesses)"),
        ("content/comparisons/talks.yaml", 6, 14, 'comparison "talks": unknown article "bb"')]


def test_a_comparison_base_that_is_not_a_witness_is_reported_at_the_base_key(mini_dossier) -> None:
    comparison, a = talks("b", "a", base="bee"), ARTICLE_A
    found = problems_of(mini_dossier, {"content/comparisons/talks.yaml": comparison, "content/articles/a.yaml": a})
    assert found == [("content/comparisons/talks.yaml", 4, 7, 'comparison "talks": base "bee" is not one of its witnesses')]


def test_links_in_a_block_note_and_a_summary_are_reported_at_their_own_line_and_column(mini_dossier) -> None:
    article = ("seed: a.txt\ntitle: A\nsource: outlet-a\ndate: 2024-03-22\n"
               'summary: "See [the others](compare:talk) and [B](article:bee)."\n'
               "annotations:\n  - id: resume\n    quote: the talks would resume\n    note: |\n"
               "      First line.\n      Compare [the versions](compare:talk-versions), and [a tag](tag:talk).\n"
               "      [B's](article:b#a-sad) and [C](entity:cairoo).\n")
    found = problems_of(mini_dossier, {"content/articles/a.yaml": article})
    assert [(line, col, message) for _, line, col, message in found] == [
        (5, 28, 'link "compare:talk": unknown comparison "talk"'),
        (5, 50, 'link "article:bee": unknown article "bee"'),
        (11, 30, 'link "compare:talk-versions": unknown comparison "talk-versions"'),
        (11, 66, 'link "tag:talk": no annotation has the tag "talk"'),
        (12, 13, 'link "article:b#a-sad": article "b" has no annotation "sad"'),
        (12, 38, 'link "entity:cairoo": unknown entity "cairoo"')]


def test_every_unknown_reference_kind_gets_a_did_you_mean(mini_dossier) -> None:
    article = ("seed: a.txt\ntitle: A\nsource: outlet-bb\ndate: 2024-03-22\n"
               'summary: "[1](article:bb) [2](entity:kairo) [3](tag:talk) [4](article:b#a-sad) [5](compare:talk)"\n'
               "annotations:\n  - id: resume\n    quote: the talks would resume\n    speaker: kairo\n")
    comparison = talks("b", "aa", base="bb")
    root_files = {"content/articles/a.yaml": article, "content/comparisons/talks.yaml": comparison}
    base = {"site.yaml": MINIMAL_SITE, "content/sources.yaml": SOURCES, "content/entities.yaml": ENTITIES,
            "seeds/a.txt": SEED_A, "seeds/b.txt": SEED_B, "content/articles/b.yaml": ARTICLE_B, **root_files}
    result = build_site(fs.read_inputs(mini_dossier(base, defaults=False)))
    hints = {p.message: p.hint for p in result.problems if p.severity == "error"}
    assert hints == {
        'unknown source "outlet-bb"': 'did you mean "outlet-b"?',
        'link "article:bb": unknown article "bb"': 'did you mean "b"?',
        'link "entity:kairo": unknown entity "kairo"': 'did you mean "cairo"?',
        'link "tag:talk": no annotation has the tag "talk"': 'did you mean "talks"?',
        'link "article:b#a-sad": article "b" has no annotation "sad"': 'did you mean "said"?',
        'link "compare:talk": unknown comparison "talk"': 'did you mean "talks"?',
        'annotation "resume": unknown entity "kairo" as speaker': 'did you mean "cairo"?',
        'comparison "talks": unknown article "aa"': 'did you mean "a"?',
        'comparison "talks": base "bb" is not one of its witnesses': 'did you mean "b"?',
    }, hints


def test_a_site_path_written_with_the_base_path_is_checked_at_the_link_like_one_without_it(mini_dossier) -> None:
    from dossier.core.pipeline import Options

    article = ("seed: a.txt\ntitle: Talks\nsource: outlet-a\ndate: 2024-03-22\nannotations:\n"
               "  - id: resume\n    quote: the talks would resume next week\n"
               '    note: "See [b](/dossier/articles/bb/), [also b](/articles/bb/) and [ok](/dossier/articles/b/)."\n')
    base = {"site.yaml": MINIMAL_SITE, "content/sources.yaml": SOURCES, "content/entities.yaml": ENTITIES,
            "seeds/a.txt": SEED_A, "seeds/b.txt": SEED_B, "content/articles/b.yaml": ARTICLE_B,
            "content/articles/a.yaml": article}
    root = mini_dossier(base, defaults=False)
    result = build_site(fs.read_inputs(root), Options(base_url="/dossier/"))
    found = [(p.file, p.line, p.col, p.message, p.hint) for p in result.problems if p.severity == "error"]
    assert found == [
        ("content/articles/a.yaml", 8, 20, 'link "/dossier/articles/bb/": unknown article "bb"', 'did you mean "b"?'),
        ("content/articles/a.yaml", 8, 53, 'link "/articles/bb/": unknown article "bb"', 'did you mean "b"?')]


def test_a_relative_link_is_an_error_at_the_link_wherever_the_text_is_shown(mini_dossier) -> None:
    """A note's text is on its article's page, its tags' pages and the timeline, an entity's summary in its
    hovercard on every article: a relative link there led somewhere else from each (and was checked nowhere).
    In a note the hint says where it leads from the article's page, when that is something that exists."""
    article = ("seed: a.txt\ntitle: A\nsource: outlet-a\ndate: 2024-03-22\n"
               "annotations:\n  - id: resume\n    quote: the talks would resume\n    tags: [talks]\n"
               '    note: "[b](../b/#a-said) [x](../nowhere/) [s](../../sources/) [ok](/articles/b/)"\n')
    entities = ENTITIES.replace("kind: place\ncairo", "kind: place\n  summary: See [it](./history.html).\ncairo")
    found = problems_of(mini_dossier, {"content/articles/a.yaml": article, "content/entities.yaml": entities})
    said = "a relative link leads somewhere else from each page that shows this text"
    assert found == [("content/articles/a.yaml", 9, 16, f'link "../b/#a-said": {said}'),
                     ("content/articles/a.yaml", 9, 34, f'link "../nowhere/": {said}'),
                     ("content/articles/a.yaml", 9, 51, f'link "../../sources/": {said}'),
                     ("content/entities.yaml", 4, 21, f'link "./history.html": {said}')]
    root = mini_dossier({"site.yaml": MINIMAL_SITE, "content/sources.yaml": SOURCES, "content/entities.yaml": entities,
                         "seeds/a.txt": SEED_A, "seeds/b.txt": SEED_B, "content/articles/b.yaml": ARTICLE_B,
                         "content/articles/a.yaml": article}, defaults=False)
    hints = [p.hint for p in build_site(fs.read_inputs(root)).problems if p.severity == "error"]
    assert hints[0].startswith('did you mean "article:b#a-said"? (where it leads from the article\'s page); write ')
    assert hints[2].startswith('did you mean "/sources/"?') and hints[1] == hints[3] == (
        "write article:, entity:, compare: or tag: links, or site paths such as /articles/<slug>/")


def test_a_notes_broken_link_found_in_the_built_pages_is_said_once_at_the_link_in_the_yaml(mini_dossier) -> None:
    """The link check reads the built pages: a note's link to a page that does not exist, or to an element a
    page does not have, was one error per page that shows the note, each at `_site/<page>` with no line. It is
    said once, where the note writes it (as a site path, or as the internal link that names the page), with the
    id meant when one is close."""
    article = ("seed: a.txt\ntitle: A\nsource: outlet-a\ndate: 2024-03-22\n"
               "annotations:\n  - id: resume\n    quote: the talks would resume\n    tags: [talks]\n"
               '    note: "[s](/static/nope.css) [b](/articles/b/#a-said) [w](entity:washington#zz)"\n')
    b_page = ARTICLE_B + "    note: See [the one before](/articles/a/#n-resum).\n"
    root = mini_dossier({"site.yaml": MINIMAL_SITE, "content/sources.yaml": SOURCES, "content/entities.yaml": ENTITIES,
                         "seeds/a.txt": SEED_A, "seeds/b.txt": SEED_B, "content/articles/b.yaml": b_page,
                         "content/articles/a.yaml": article}, defaults=False)
    found = [(p.file, p.line, p.col, p.message, p.hint) for p in build_site(fs.read_inputs(root)).problems
             if p.severity == "error"]
    on = "(on 2 pages, the first articles/a/index.html)"
    assert found == [
        ("content/articles/a.yaml", 9, 16, f"broken link: /static/nope.css {on}", "no page is written at that path"),
        ("content/articles/a.yaml", 9, 63, f"broken fragment: /entities/washington/#zz {on}",
         'entities/washington/index.html has no element with id "zz"'),
        ("content/articles/b.yaml", 9, 32, "broken fragment: /articles/a/#n-resum (on 2 pages, the first "
         "articles/b/index.html)", 'articles/a/index.html has no element with id "n-resum"; did you mean '
         '"#n-resume"?')], found
    # one the inputs' check finds already (an annotation that does not exist) is said once, by that check; the
    # address that names no page of the dossier's is said too (it is wrong whatever else is: review 58), and so
    # are the fragments into pages, which that error (a link's) cannot have changed
    wrong = article.replace("#a-said", "#a-sad")
    (root / "content" / "articles" / "a.yaml").write_text(wrong, "utf-8")
    found = [(p.file, p.line, p.col, p.message) for p in build_site(fs.read_inputs(root)).problems]
    assert found == [("content/articles/a.yaml", 9, 16, f"broken link: /static/nope.css {on}"),
                     ("content/articles/a.yaml", 9, 38, 'link "/articles/b/#a-sad": article "b" has no annotation '
                      '"sad"'), ("content/articles/a.yaml", 9, 62, f"broken fragment: /entities/washington/#zz {on}"),
                     ("content/articles/b.yaml", 9, 32, "broken fragment: /articles/a/#n-resum (on 2 pages, the "
                      "first articles/b/index.html)")], found
    # an error of a's file, which may have changed its page's elements (here its date), leaves the fragments into
    # that page unsaid, not the others
    lost = article.replace("date: 2024-03-22", "date: 2024-13-22")
    (root / "content" / "articles" / "a.yaml").write_text(lost, "utf-8")
    found = [(p.file, p.line, p.message) for p in build_site(fs.read_inputs(root)).problems if p.severity == "error"]
    assert ("content/articles/a.yaml", 4, '"2024-13-22" is not a day of the calendar: there is no month 13 (at '
            'date)') in found
    assert [m for _, _, m in found if m.startswith("broken")] == [
        f"broken link: /static/nope.css {on}", f"broken fragment: /entities/washington/#zz {on}"], found


def test_links_written_with_character_references_are_each_reported_at_their_own_link(mini_dossier) -> None:
    """A target written otherwise than it reads ("&#106;avascript:") was placed at the note's start, and two of
    them at one place were said as one: the second was found only once the first was mended."""
    article = ("seed: a.txt\ntitle: A\nsource: outlet-a\ndate: 2024-03-22\n"
               "annotations:\n  - id: resume\n    quote: the talks would resume\n"
               '    note: "[b](java&#09;script:alert(1)) [c](&#106;avascript:alert(1))"\n')
    found = problems_of(mini_dossier, {"content/articles/a.yaml": article})
    assert found == [("content/articles/a.yaml", 8, 16, 'link target "java\tscript:alert(1)" is not allowed in a note'),
                     ("content/articles/a.yaml", 8, 46, 'link target "javascript:alert(1)" is not allowed in a note')]


def test_a_notes_broken_link_written_with_the_base_path_is_said_once_at_the_link(mini_dossier) -> None:
    """Under a base path (/sub/) the note's link written as /sub/articles/… was found twice in its line (the form
    without /sub/ is inside it): taken for two places, it was said on every page again."""
    from dossier.core.pipeline import Options

    article = ("seed: a.txt\ntitle: A\nsource: outlet-a\ndate: 2024-03-22\n"
               "annotations:\n  - id: resume\n    quote: the talks would resume\n    tags: [talks]\n"
               '    note: "[b](/sub/articles/b/#n-sai)"\n')
    root = mini_dossier({"site.yaml": MINIMAL_SITE, "content/sources.yaml": SOURCES, "content/entities.yaml": ENTITIES,
                         "seeds/a.txt": SEED_A, "seeds/b.txt": SEED_B, "content/articles/b.yaml": ARTICLE_B,
                         "content/articles/a.yaml": article}, defaults=False)
    found = [(p.file, p.line, p.col, p.message) for p in
             build_site(fs.read_inputs(root), Options(base_url="/sub/")).problems if p.severity == "error"]
    assert found == [("content/articles/a.yaml", 9, 16, "broken fragment: /sub/articles/b/#n-sai (on 2 pages, the "
                      "first articles/a/index.html)")], found


def test_a_base_that_names_no_article_is_said_even_when_a_witness_is_left_out(mini_dossier) -> None:
    """A witness left out for its own mistake may be the base's article, so the base is not checked against the
    witnesses then; but a base that names no article at all ("bee") was hidden until the witness was mended."""
    comparison = ("title: T\nquestion: Q?\nkind: quote\nbase: bee\nwitnesses:\n"
                  "  - {article: a, quote: talks would resume}\n  - {article: b}\n"
                  "  - {article: b, quote: talks would resume}\n")
    a = "seed: a.txt\ntitle: A\nsource: outlet-a\ndate: 2024-03-22\n"
    found = problems_of(mini_dossier, {"content/comparisons/talks.yaml": comparison, "content/articles/a.yaml": a})
    assert ("content/comparisons/talks.yaml", 4, 7, 'comparison "talks": base "bee" is not one of its witnesses') \
        in found, found
    named = comparison.replace("base: bee", "base: b").replace("  - {article: b, quote: talks would resume}\n",
                                                               "  - {article: a, quote: resume next week}\n")
    # (b is an article, and the witness left out names it: the base is not said to be wrong)
    found = problems_of(mini_dossier, {"content/comparisons/talks.yaml": named, "content/articles/a.yaml": a})
    assert not any("base" in message for *_, message in found), found


def test_links_into_annotations_written_under_a_misspelt_key_are_not_said_missing(mini_dossier) -> None:
    """Review 71: `anotations:` in b.yaml was said, and so was every link into b's annotations, from other
    files, as naming an annotation b does not have (and its tags, as tags no annotation has)."""
    article = ("seed: a.txt\ntitle: A\nsource: outlet-a\ndate: 2024-03-22\n"
               'summary: "See [B](article:b#a-said) and [the tag](tag:talks)."\n')
    misspelt = ARTICLE_B.replace("annotations:", "anotations:")
    found = errors_of(mini_dossier, {"content/articles/a.yaml": article, "content/articles/b.yaml": misspelt})
    # (the tag's link is said all the same, review 73: one misspelt key hid every unknown tag of the dossier)
    assert [(p.file, p.line, p.col, p.message) for p in found] == [
        ("content/articles/a.yaml", 5, 51, 'link "tag:talks": no annotation has the tag "talks"'),
        ("content/articles/b.yaml", 5, 1, 'unknown key "anotations"')]
    assert found[0].hint.endswith("; the annotations of b were not read (a misspelt key) and may list it")
    mended = problems_of(mini_dossier, {"content/articles/a.yaml": article.replace("a-said", "a-sad")})
    assert mended == [("content/articles/a.yaml", 5, 19, 'link "article:b#a-sad": article "b" has no annotation "sad"')]


def test_a_witness_naming_an_unknown_article_is_offered_no_other_witness_but_its_outlet_s_articles(mini_dossier) -> None:
    """Review 71: the hint offered an article that is already a witness of the comparison (following it made a
    duplicate witness), and a witness naming an outlet got only the general hint."""
    comparison, a = talks("b", "bb", "outlet-a"), ARTICLE_A
    found = errors_of(mini_dossier, {"content/articles/a.yaml": a, "content/comparisons/talks.yaml": comparison})
    assert {p.message: p.hint for p in found} == {
        'comparison "talks": unknown article "bb"': "no file content/articles/bb.yaml defines this article (1 witness "
                                                    "names it): if it was deleted, remove this witness; else create "
                                                    "that file, or name an existing article by its slug (its file "
                                                    "name in content/articles/)",
        'comparison "talks": unknown article "outlet-a"': '"outlet-a" is an outlet, not an article: name one of its '
                                                          "articles (a)"}


def test_a_file_named_with_capitals_is_one_error_there_not_one_at_every_reference_to_its_slug(mini_dossier) -> None:
    """Review 71: B.yaml (the file-name error offers "b") made every witness and link naming "b", which are
    right, an error of their own, and a second error said the file's name was named by nothing."""
    comparison, a = talks("b", "a"), ARTICLE_A + "summary: See [B](article:b#a-said).\n"
    found = errors_of(mini_dossier, {"content/articles/a.yaml": a, "content/comparisons/talks.yaml": comparison},
                      "content/articles/B.yaml")
    assert [(p.file, p.line, p.col, p.message) for p in found] == [
        ("content/articles/B.yaml", 0, 0, 'file name "B" is not a valid slug')]


def test_a_witness_naming_an_outlet_is_not_offered_its_articles_that_are_witnesses_already(mini_dossier) -> None:
    """Review 73: the outlet's articles offered included one the comparison has already."""
    comparison, a = talks("a", "outlet-a"), ARTICLE_A
    found = errors_of(mini_dossier, {"content/articles/a.yaml": a, "content/comparisons/talks.yaml": comparison})
    assert {p.message: p.hint for p in found}['comparison "talks": unknown article "outlet-a"'] == \
        "witnesses name article slugs (file names in content/articles/)"
