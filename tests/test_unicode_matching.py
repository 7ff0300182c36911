"""Names and quotes match whatever Unicode form editors and seeds use ("Zoë" as U+00EB or as "e" + U+0308):
both sides are compared in NFC, and every span found covers exactly the seed's own characters."""

from __future__ import annotations

import unicodedata

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from conftest import run_build
from dossier.core.analyse.anchors import anchor_quote
from dossier.core.analyse.mentions import AliasSpec, MentionMatcher, match_key
from dossier.core.text.nfc import nfc_text

NFD_ZOE = "Zoe\u0308"      # "Zoë" decomposed: four code points
NFC_ZOE = "Zo\u00eb"       # "Zoë" precomposed: three


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


# --- anchoring ------------------------------------------------------------------------------------------

def test_a_precomposed_quote_anchors_exactly_on_a_decomposed_seed_covering_its_own_code_points() -> None:
    text = f"Then {NFD_ZOE} Bronte\u0308 said no."
    result = anchor_quote(text, f"{NFC_ZOE} Bront\u00eb said")
    assert result.status == "exact"
    assert text[result.start:result.end] == f"{NFD_ZOE} Bronte\u0308 said"


def test_a_decomposed_quote_anchors_exactly_on_a_precomposed_seed() -> None:
    text = f"Then {NFC_ZOE} said no."
    result = anchor_quote(text, f"{NFD_ZOE} said")
    assert (result.status, text[result.start:result.end]) == ("exact", f"{NFC_ZOE} said")


def test_a_quote_ending_on_a_decomposed_letter_keeps_its_combining_mark_inside_the_span() -> None:
    text = f"Ask {NFD_ZOE}. Then go."
    result = anchor_quote(text, f"Ask {NFC_ZOE}")
    assert text[result.start:result.end] == f"Ask {NFD_ZOE}"
    assert result.end == text.index(".")


def test_a_prefix_in_the_other_form_chooses_between_occurrences_in_original_offsets() -> None:
    text = f"{NFD_ZOE} said yes. Cafe\u0301 owner {NFD_ZOE} said no."
    result = anchor_quote(text, f"{NFC_ZOE} said", prefix="Caf\u00e9 owner")
    assert result.status == "disambiguated"
    assert result.start == text.rindex(NFD_ZOE)
    ambiguous = anchor_quote(text, f"{NFC_ZOE} said")
    assert [text[c.start:c.end] for c in ambiguous.candidates] == [f"{NFD_ZOE} said"] * 2
    assert [c.start for c in ambiguous.candidates] == [0, text.rindex(NFD_ZOE)]


def test_a_fuzzy_match_on_a_decomposed_seed_reports_original_offsets() -> None:
    text = f"Earlier. Minister {NFD_ZOE} Bronte\u0308 would not comment on the talks today."
    result = anchor_quote(text, f"Minister {NFC_ZOE} Bront\u00eb will not comment on the talks today")
    assert result.status == "fuzzy"
    assert text[result.start:result.end] == text[text.index("Minister"):-1]


def test_a_quote_never_ends_before_a_combining_mark_that_belongs_to_its_last_letter() -> None:
    text = "the caf\u00e9\u0301 and the caf\u00e9 ."      # "é" with a second accent, then a plain "é"
    result = anchor_quote(text, "the caf\u00e9")
    assert (result.status, result.start) == ("exact", text.rindex("the"))


def test_a_hangul_seed_in_jamo_matches_a_quote_in_syllables() -> None:
    text = "\u1100\u1161\u11a8 \u1112\u1161\u11ab \u1100\u1161"   # 각 한 가, written as jamo
    result = anchor_quote(text, nfc("\u1112\u1161\u11ab \u1100\u1161"))
    assert result.status == "exact"
    assert text[result.start:result.end] == "\u1112\u1161\u11ab \u1100\u1161"


def test_the_nfc_map_of_an_nfc_text_is_skipped() -> None:
    assert nfc_text(f"Then {NFC_ZOE} said.") is None
    assert nfc_text(f"Then {NFD_ZOE} said.") is not None


# --- entity names ---------------------------------------------------------------------------------------

def test_a_precomposed_entity_name_links_a_decomposed_mention_and_vice_versa() -> None:
    text = f"{NFD_ZOE} met Bront\u00eb; then {NFC_ZOE} left."
    matcher = MentionMatcher([AliasSpec("zoe", NFC_ZOE), AliasSpec("bronte", "Bronte\u0308")])
    found = [(m.entity, text[m.start:m.end]) for m in matcher.find(text)]
    assert found == [("zoe", NFD_ZOE), ("bronte", "Bront\u00eb"), ("zoe", NFC_ZOE)]


def test_forbidden_ranges_are_honoured_in_a_decomposed_text() -> None:
    text = f"{NFD_ZOE}\n\n{NFD_ZOE} again"
    matcher = MentionMatcher([AliasSpec("zoe", NFC_ZOE)])
    assert [m.start for m in matcher.find(text, forbidden=[(0, len(NFD_ZOE))])] == [len(NFD_ZOE) + 2]


def test_two_entities_claiming_one_name_in_two_forms_collide() -> None:
    from dossier.core.analyse.mentions import alias_collisions
    assert alias_collisions([AliasSpec("a", NFC_ZOE), AliasSpec("b", NFD_ZOE)]) == ((match_key(NFC_ZOE), ("a", "b")),)


def test_a_decomposed_seed_builds_with_its_quote_highlighted_and_its_entity_linked(mini_dossier) -> None:
    seed = f"{NFD_ZOE} Bronte\u0308 speaks\nThe minister {NFD_ZOE} Bronte\u0308 said the talks would resume.\n"
    root = mini_dossier({
        "seeds/a.txt": seed,
        "content/entities.yaml": f"zoe-bronte:\n  name: {NFC_ZOE} Bront\u00eb\n  kind: person\n",
        "content/articles/a.yaml": f"""\
            seed: a.txt
            title: {NFC_ZOE} speaks
            source: outlet-a
            date: 2024-03-22
            annotations:
              - id: said
                quote: "{NFC_ZOE} Bront\u00eb said the talks"
                entities: [zoe-bronte]
            """})
    result = run_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    page = (root / "_site/articles/a/index.html").read_text("utf-8")
    body = page.split('class="article-body"')[1].split('<section class="endnotes"')[0]
    linked = f'<a href="/entities/zoe-bronte/" id="m-2" class="m m-again">{NFD_ZOE} Bronte\u0308</a>'
    assert f'<span id="a-said" data-a="said" data-depth="1" class="hl">{linked}</span>' in body
    assert NFC_ZOE not in body   # the seed's own characters, not the editor's


# --- properties -----------------------------------------------------------------------------------------

MARKS = ["\u0300", "\u0301", "\u0308", "\u0323", "\u0327", "\u030a"]
BASES = list("aeouAEZnc")
# Clusters whose NFC composes across two starters: Hangul jamo, an Oriya two-part vowel sign.
STARTER_PAIRS = ["\u1100\u1161", "\u1100\u1161\u11a8", "\u0b15\u0b47\u0b3e"]

clusters = st.one_of(st.builds(lambda b, m: b + "".join(m), st.sampled_from(BASES),
                               st.lists(st.sampled_from(MARKS), max_size=2)),
                     st.sampled_from(STARTER_PAIRS))
words = st.lists(clusters, min_size=1, max_size=4).map("".join)
forms = st.sampled_from([lambda s: s, nfc, nfd])    # as written (marks in any order), composed, decomposed
PROPERTIES = settings(max_examples=300, deadline=None)


@st.composite
def mixed_text_and_quote(draw: st.DrawFn, one_word: bool = False) -> tuple[str, str, int, int]:
    """A text of words each written in a random form, and a run of its words in a random form: the quote, and
    where those words sit in the text. `one_word`: a run of one word (a name; drawn as such, where rejecting
    the longer runs threw away two draws in three)."""
    ws = draw(st.lists(words, min_size=1, max_size=12))
    written = [draw(forms)(w) for w in ws]
    seps = [draw(st.sampled_from([" ", "\n\n", "\u00a0", ", "])) for _ in ws[1:]]
    i = draw(st.integers(0, len(ws) - 1))
    j = i + 1 if one_word else draw(st.integers(i + 1, len(ws)))
    assume(all(s != ", " for s in seps[i:j - 1]))   # the quote's words are separated by whitespace only
    text = written[0] + "".join(s + w for s, w in zip(seps, written[1:]))
    start = sum(len(w) for w in written[:i]) + sum(len(s) for s in seps[:i])
    end = start + sum(len(w) for w in written[i:j]) + sum(len(s) for s in seps[i:j - 1])
    quote = draw(forms)(" ".join(ws[i:j]))
    return text, quote, start, end


@PROPERTIES
@given(mixed_text_and_quote())
def test_a_quote_taken_from_a_mixed_form_text_anchors_on_the_original_characters_it_came_from(case) -> None:
    text, quote, start, end = case
    result = anchor_quote(text, quote)
    assert result.status in ("exact", "ambiguous")
    spans = [(result.start, result.end)] if result.status == "exact" else [(c.start, c.end) for c in result.candidates]
    assert (start, end) in spans
    for s, e in spans:
        assert " ".join(nfc(text[s:e]).split()) == " ".join(nfc(quote).split())
        # Whole original characters: the span never splits what NFC composes.
        assert nfc(text[:s]) + nfc(text[s:e]) + nfc(text[e:]) == nfc(text)


@PROPERTIES
@given(mixed_text_and_quote(one_word=True))
def test_a_name_in_one_form_is_found_in_a_mixed_form_text_on_whole_original_characters(case) -> None:
    text, name, start, end = case
    assume(any(c.isalpha() for c in name) and " " not in name)   # one word: names never span a paragraph break
    # (a name all in capitals is an acronym, which words in capitals around it make no name: test_mentions.py)
    assume(any(c.islower() for c in name))
    matcher = MentionMatcher([AliasSpec("x", " ".join(name.split()))])
    mentions = matcher.find(text)
    for m in mentions:
        assert match_key(" ".join(text[m.start:m.end].split())) == match_key(" ".join(name.split()))
        assert nfc(text[:m.start]) + nfc(text[m.start:m.end]) + nfc(text[m.end:]) == nfc(text)
    # Ours is found unless an overlapping occurrence starts earlier (leftmost-longest).
    assert any(m.start <= start < m.end or (m.start, m.end) == (start, end) for m in mentions) or \
        any(m.start < start for m in mentions)


# --- comparisons and shared passages ----------------------------------------------------------------------

def test_a_decomposed_and_a_precomposed_rendering_of_one_quote_align_as_equal() -> None:
    from dossier.core.analyse.alignment import align, differing_base_tokens, tokenize
    base, other = f"said {NFD_ZOE} Bronte\u0308 today", f"said {NFC_ZOE} Bront\u00eb today"
    assert [t.text for t in tokenize(base)] == ["said", NFD_ZOE, "Bronte\u0308", "today"]
    assert {op.kind for op in align(base, other)} == {"equal"}
    assert differing_base_tokens(base, other) == frozenset()


def test_a_passage_shared_by_a_decomposed_and_a_precomposed_seed_is_found_on_original_characters() -> None:
    from dossier.core.load.cleaning import clean
    from dossier.core.analyse.shared_passages import shared_passages
    from dossier.core.load.config import SiteConfig
    from dossier.core.load.model import Article, ArticleMeta, Origin

    def art(slug: str, text: str) -> Article:
        return Article(ArticleMeta(slug, Origin(f"content/articles/{slug}.yaml"), f"{slug}.txt", slug, "src",
                                   "2024-03-22"), clean(text, SiteConfig(title="t")))

    # Seven words either side of the name: neither half alone is long enough to count as a shared passage.
    words = "the minister told reporters in Cairo that {} said the border would stay open tonight"
    one = art("one", "Headline\n" + words.format(f"{NFD_ZOE} Bronte\u0308") + ".\n")
    two = art("two", "Other\nOn Friday " + words.format(f"{NFC_ZOE} Bront\u00eb") + ", he said.\n")
    [passage] = shared_passages([one, two])
    by_doc = {o.doc: (one if o.doc == "one" else two).text.text[o.start:o.end] for o in passage.occurrences}
    assert by_doc == {"one": words.format(f"{NFD_ZOE} Bronte\u0308"), "two": words.format(f"{NFC_ZOE} Bront\u00eb")}
    assert passage.text == by_doc["one"]


ANY_TEXT = st.text(alphabet=st.sampled_from(list("aeAZ .,\n") + MARKS + ["\u00e9", "\u1100", "\u1161", "\u11a8",
                                                                         "\uac00", "\u0b47", "\u0b3e", "\u0b15"]),
                   max_size=40)


@PROPERTIES
@given(ANY_TEXT)
def test_the_nfc_map_cuts_only_where_nfc_would_not_compose_and_maps_offsets_in_order(source: str) -> None:
    mapped = nfc_text(source)
    if mapped is None:
        assert unicodedata.is_normalized("NFC", source)
        return
    assert mapped.text == nfc(source)
    starts = [mapped.start(k) for k in range(len(mapped.text))]
    ends = [mapped.end(k) for k in range(1, len(mapped.text) + 1)]
    assert starts == sorted(starts) and ends == sorted(ends)
    assert mapped.span(0, len(mapped.text)) == (0, len(source))
    for cut in set(starts) | set(ends):
        assert nfc(source[:cut]) + nfc(source[cut:]) == mapped.text   # every mapped offset is a safe cut
