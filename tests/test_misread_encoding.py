"""site.yaml's `import: encoding:` that the seeds are not in (seeds in UTF-8 declared latin-1, cp1252, utf-16,
ascii): said once, at that line, with the encoding the seeds read as, instead of at each seed and at each quote its
garbled text breaks (27 warnings of approximate matches, or 102 errors "quote not found", and the line to mend
said nowhere). Seeds that are in the declared encoding get no such message; one seed in UTF-8 among seeds in the
declared encoding is that seed's problem, as before."""

from __future__ import annotations

from dataclasses import replace

from conftest import copy_of_default_dossier, mini
from dossier.core.common.errors import error, warning
from dossier.core.load.cleaning import decode_seed, garbled
from dossier.core.load.config import SiteConfig
from dossier.core.load.misread import misread_seeds, said_at_encoding
from dossier.core.load.model import Dossier, Misread
from dossier.core.pipeline import Options, build_site
from dossier.shell import fs

SITE = """\
title: Mini dossier
import:
  encoding: latin-1
"""
SEED_A = """\
Talks in Zürich
The minister’s aides said the talks would resume in Zürich next week.
Officials said nothing more on Monday.
"""
SEED_B = """\
Café owners protest
The café’s owner said “no” to the new rules.
"""
ARTICLE_A = """\
seed: a.txt
title: Talks in Zürich
source: outlet-a
date: 2024-03-22
annotations:
  - id: resume
    quote: resume in Zürich
  - id: monday
    quote: Officials said nothing more
  - id: typo
    quote: The ministry denied everything on Tuesday
"""
ARTICLE_B = """\
seed: b.txt
title: Café owners protest
source: outlet-b
date: 2024-03-23
annotations:
  - id: owner
    quote: The café’s owner
"""
COMPARISON = """\
title: The rules
question: Who objects?
kind: quote
witnesses:
  - article: a
    quote: The minister’s aides
  - article: b
    quote: said “no”
"""


def _files(encoding: str = "utf-8", site: str = SITE) -> dict[str, str | bytes]:
    return {"site.yaml": site, "seeds/a.txt": SEED_A.encode(encoding), "seeds/b.txt": SEED_B.encode(encoding),
            "content/articles/a.yaml": ARTICLE_A, "content/articles/b.yaml": ARTICLE_B,
            "content/comparisons/rules.yaml": COMPARISON}


def _problems(tmp_path, files):
    return build_site(fs.read_inputs(mini(tmp_path, files)), Options()).problems


def test_seeds_in_utf8_declared_latin1_are_one_error_at_encoding_and_a_quote_wrong_of_its_own_is_still_said(
        tmp_path) -> None:
    problems = _problems(tmp_path, _files())
    assert [(p.file, p.line, p.col, p.severity, p.check) for p in problems] == [
        ("content/articles/a.yaml", 11, 12, "error", "anchor-not-found"),   # the typo: not in the text either way
        ("site.yaml", 3, 13, "error", "site-encoding"),
    ], "\n".join(p.format() for p in problems)
    said = problems[1]
    assert said.message == ('the seeds are UTF-8, not latin-1 as this line says: 2 seeds would be published garbled '
                            '("Zürich" as "ZÃ¼rich", at seeds/a.txt:1:11), and 4 quotes are not found as written '
                            'in them')
    assert said.hint == ("the seeds read as UTF-8: remove `encoding: latin-1` (UTF-8 is the default), or write "
                         "`encoding: utf-8`")


def test_seeds_that_are_in_the_declared_encoding_get_no_such_message(tmp_path) -> None:
    in_cp1252 = _problems(tmp_path / "cp1252", _files("cp1252", SITE.replace("latin-1", "cp1252")))
    in_utf8 = _problems(tmp_path / "utf8", _files(site=SITE.replace("latin-1", "utf-8")))
    for problems in (in_cp1252, in_utf8):   # (the typo alone)
        assert [(p.line, p.check) for p in problems] == [(11, "anchor-not-found")], [p.format() for p in problems]


def test_one_seed_in_utf8_among_seeds_in_the_declared_encoding_is_that_seed_s_own_warning(tmp_path) -> None:
    files = _files("cp1252", SITE.replace("latin-1", "cp1252")) | {"seeds/b.txt": SEED_B.encode("utf-8")}
    assert misread_seeds({k: v for k, v in files.items() if isinstance(v, bytes)}, "cp1252") == ()
    problems = _problems(tmp_path, files)
    assert "site-encoding" not in {p.check for p in problems}
    assert [(p.file, p.check) for p in problems if p.check == "seed-encoding"] == [("seeds/b.txt", "seed-encoding")]


def test_the_default_dossier_s_seeds_declared_in_another_encoding_are_one_problem_at_its_line(tmp_path) -> None:
    root = copy_of_default_dossier(tmp_path)
    site = (root / "site.yaml").read_text("utf-8")
    assert "  encoding: utf-8\n" in site
    # (before: 27 warnings at the seeds and the quotes; 4 seeds' errors and 3 quotes'; 5 seeds' and 100 quotes';
    # 4 seeds' errors)
    for encoding, severity, ending in (("latin-1", "warning", ", and 23 quotes are not found as written in them"),
                                       ("cp1252", "error", ", and 3 quotes are not found as written in them"),
                                       ("utf-16", "error", ", and 100 quotes are not found as written in them"),
                                       # review 145: before, 14 anchor-mid-word warnings beside it, whose hints
                                       # said to quote the garbled text ("ÄúA major ground operation …")
                                       *((encoding, "warning", ", 23 quotes are not found as written in them, and 14 "
                                          "quotes are found in them only inside or beside garbled words")
                                         for encoding in ("mac-roman", "cp1251", "windows-1250")),
                                       ("ascii", "error", "cannot be read as ascii at all (seeds/001_99735604145fecb3"
                                        ".txt, seeds/002_5b7bcf2cbf6902ac.txt, seeds/003_4b9e4924d22b8d51.txt and 1 "
                                        "more)")):
        (root / "site.yaml").write_text(site.replace("encoding: utf-8", f"encoding: {encoding}"), "utf-8")
        problems = build_site(fs.read_inputs(root), Options()).problems
        assert [(p.file, p.line, p.col, p.severity, p.check) for p in problems] == \
            [("site.yaml", 12, 13, severity, "site-encoding")], "\n".join(p.format() for p in problems)
        assert problems[0].message.startswith(f"the seeds are UTF-8, not {encoding} as this line says: ")
        assert problems[0].message.endswith(ending), problems[0].message


def test_the_seeds_misread_are_those_in_utf8_when_no_seed_is_in_the_declared_encoding_alone() -> None:
    utf8, latin = "Zürich talks\n".encode("utf-8"), "Zürich talks\n".encode("latin-1")
    plain = b"Talks resume\n"
    assert misread_seeds({"seeds/a.txt": utf8, "seeds/b.txt": plain}, "latin-1") == ("a.txt",)
    assert misread_seeds({"seeds/a.txt": utf8, "seeds/b.txt": latin}, "latin-1") == ()     # b is latin-1: a's own
    assert misread_seeds({"seeds/a.txt": latin, "seeds/b.txt": plain}, "cp1252") == ()
    assert misread_seeds({"seeds/a.txt": utf8}, "utf-8") == misread_seeds({"seeds/a.txt": utf8}, "UTF8") == ()
    assert misread_seeds({"seeds/b.txt": plain}, "latin-1") == ()      # plain ASCII reads the same either way
    assert misread_seeds({"seeds/b.txt": plain + b"!"}, "utf-16") == ("b.txt",)  # but not as UTF-16
    # a picture, a seed in UTF-16 and a file in a folder of seeds/ tell nothing
    assert misread_seeds({"seeds/a.txt": utf8, "seeds/p.png": b"\x89PNG\r\n\x1a\n\x00\x00",
                          "seeds/u.txt": "Zürich".encode("utf-16"), "seeds/evidence/x.txt": latin},
                         "latin-1") == ("a.txt",)


def test_the_problems_of_the_quotes_the_encoding_breaks_are_said_by_its_own_an_error_when_one_would_be() -> None:
    config = SiteConfig(title="t", encoding="latin-1", encoding_at=(3, 13))
    head = "the seeds are UTF-8, not latin-1 as this line says: 1 seed would be published garbled"
    site = warning("site.yaml", 3, 13, head, "", "site-encoding")
    fuzzy = warning("content/articles/a.yaml", 7, 12, 'annotation "x": quote matched only approximately (score 90)',
                    "", "anchor-fuzzy")
    lost = error("content/articles/a.yaml", 9, 12, 'annotation "y": quote not found in seeds/a.txt', "",
                 "anchor-not-found")
    other = error("content/articles/a.yaml", 11, 12, 'annotation "z": quote not found in seeds/a.txt', "",
                  "anchor-not-found")
    entity = warning("content/articles/a.yaml", 7, 12, "an entity problem at the same place", "", "entities-unknown")
    seeds = ("1 seed would be published garbled",)
    x, y = ("content/articles/a.yaml", 7, 12), ("content/articles/a.yaml", 9, 12)
    dossier = Dossier(config, (), (), (), (), misread=Misread(seeds, ((x,),)))
    told = replace(site, message=head + ", and 1 quote is not found as written in them")
    assert said_at_encoding([site, fuzzy, other, entity], dossier) == [told, other, entity]
    dossier = Dossier(config, (), (), (), (), misread=Misread(seeds, ((x,), (y,))))
    said = said_at_encoding([site, fuzzy, lost, other], dossier)
    assert [(p.file, p.line, p.severity) for p in said] == [("site.yaml", 3, "error"),
                                                            ("content/articles/a.yaml", 11, "error")]
    assert said[0].message == head + ", and 2 quotes are not found as written in them"
    # a fuzzy match that `checks: anchor-fuzzy: error` makes an error makes the encoding's an error too
    raised = SiteConfig(title="t", encoding="latin-1", encoding_at=(3, 13), checks=(("anchor-fuzzy", "error"),))
    assert said_at_encoding([site, fuzzy], Dossier(raised, (), (), (), (), misread=Misread(seeds, ((x,),))))[0] \
        .severity == "error"
    assert said_at_encoding([site, fuzzy], Dossier(config, (), (), (), ())) == [site, fuzzy]


def test_the_problems_of_a_quote_found_whole_only_as_utf8_are_said_by_the_encodings_counted_apart() -> None:
    """Review 145: a quote found in the misread text, but inside a garbled word ("ÄúA major ground operation"), or
    beside a garbled prefix, was an anchor-mid-word (anchor-context) warning whose hint said to quote the garbled
    text; found whole in the text read as UTF-8, every anchoring problem of it is the encoding's. A quote listed
    that has none (the misreading breaks nothing of it) is not counted."""
    config = SiteConfig(title="t", encoding="mac-roman", encoding_at=(3, 13))
    head = "the seeds are UTF-8, not mac-roman as this line says: 1 seed would be published garbled"
    site = warning("site.yaml", 3, 13, head, "", "site-encoding")
    mid = warning("content/articles/a.yaml", 7, 12, 'annotation "x": quote starts inside a word', "",
                  "anchor-mid-word")
    context = warning("content/articles/a.yaml", 10, 13, 'annotation "y": quote occurs once …, and its prefix', "",
                      "anchor-context")
    x, y, y_prefix = (("content/articles/a.yaml", n, c) for n, c in ((7, 12), (9, 12), (10, 13)))
    untouched = (("content/articles/a.yaml", 13, 12),)
    dossier = Dossier(config, (), (), (), (), misread=Misread(("1 seed would be published garbled",), (),
                                                               ((x,), (y, y_prefix), untouched)))
    said = said_at_encoding([site, mid, context], dossier)
    assert said == [replace(site, message=head + ", and 2 quotes are found in them only inside or beside garbled "
                            "words")]


MAC_SEED = """\
Rafah talks
Officials said: “A major ground operation there would be a mistake.” Talks go on.
The envoy’s aides said “no” again on Monday.
Nobody expected the ceasefire to hold.
"""
MAC_ARTICLE = """\
seed: a.txt
title: Rafah talks
source: outlet-a
date: 2024-03-22
annotations:
  - id: mistake
    quote: A major ground operation there would be a mistake.
  - id: again
    quote: again on Monday
    prefix: said “no”
  - id: cut
    quote: obody expected
  - id: plain
    quote: Talks go on.
"""


def test_quotes_found_only_inside_or_beside_garbled_words_are_said_by_the_encodings_problem(tmp_path) -> None:
    """Review 145: with `encoding: mac-roman`, a quote right after a curly quote was found inside the garbled
    word ("ÄúA major …": anchor-mid-word, its hint to quote the garbled text), one whose prefix holds a curly
    quote had a prefix that fit no more (anchor-context). Both are whole in the seed read as UTF-8: said by the
    encoding's problem, counted. A quote cut of its own ("obody") is still said at the quote."""
    site = SITE.replace("latin-1", "mac-roman")
    files = {"site.yaml": site, "seeds/a.txt": MAC_SEED.encode("utf-8"), "content/articles/a.yaml": MAC_ARTICLE}
    problems = _problems(tmp_path, files)
    assert [(p.file, p.line, p.col, p.severity, p.check) for p in problems] == [
        ("content/articles/a.yaml", 12, 12, "warning", "anchor-mid-word"),   # (its own)
        ("site.yaml", 3, 13, "warning", "site-encoding"),
    ], "\n".join(p.format() for p in problems)
    assert problems[1].message == ('the seeds are UTF-8, not mac-roman as this line says: 1 seed would be published '
                                   'garbled ("“A" as "‚ÄúA", at seeds/a.txt:2:17), and 2 quotes are found in them '
                                   'only inside or beside garbled words')


def test_the_garbled_example_is_the_word_as_the_whole_seed_read_so_would_publish_it(tmp_path) -> None:
    """Review 145: under `encoding: utf-16` the example was the word read alone ("organization’s" as
    "牯慧楮慺楴湯胢玙"), while the seed read whole pairs its bytes otherwise ("漠杲湡穩瑡潩…"): what is published is
    the word at the same place in the seed read whole."""
    data = "Talks\nAn organization’s aides said.\n".encode("utf-8")   # (the word at an odd byte offset, 9)
    line, col, word, shown = garbled(data, "utf-16")
    assert (line, col, word) == (2, 16, "organization’s")   # (at its first letter beyond ASCII)
    assert shown.startswith("漠杲") and shown in decode_seed("seeds/a.txt", data, "utf-16")[0]   # (" o", "rg"…)
    assert garbled(data, "mac-roman")[3] == "organization‚Äôs"   # (one byte a letter: the same either way)
    root = copy_of_default_dossier(tmp_path)
    site = (root / "site.yaml").read_text("utf-8")
    (root / "site.yaml").write_text(site.replace("encoding: utf-8", "encoding: utf-16"), "utf-8")
    message = build_site(fs.read_inputs(root), Options()).problems[0].message
    example = message.split('("organization’s" as "', 1)[1].split('"', 1)[0]
    seed = (root / "seeds/001_99735604145fecb3.txt").read_bytes()
    assert example.startswith("漠杲湡穩瑡潩") and example in decode_seed("seeds/x.txt", seed, "utf-16")[0]
