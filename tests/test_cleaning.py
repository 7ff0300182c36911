"""Unit tables for cleaning: seed bytes → text (decode_seed) → paragraphs and dropped furniture (clean)."""

from __future__ import annotations

import codecs
import re

import pytest

from dossier.core.load.cleaning import (PARAGRAPH_BREAK, RULE_SECONDS, CleanText, RuleTimedOut, binary_kind, clean,
                                       control_characters, decode_seed, timed_out, utf16)
from dossier.core.load.config import Rule, SiteConfig


def config(drop: tuple[tuple[str, str], ...] = (), strip: tuple[tuple[str, str], ...] = (),
           echoes: bool = True) -> SiteConfig:
    return SiteConfig(title="t", drop_lines=tuple(Rule(re.compile(p), why) for p, why in drop),
                      strip=tuple(Rule(re.compile(p), why) for p, why in strip), drop_caption_echoes=echoes)


SHARE = (r"^Share this", "share prompt")
CREDIT = (r"\((photo )?credit: [^)]*\)\s*$", "photo caption and credit")
FOLLOW = (r"^<< Follow .* >>$", "follow prompt")
STAMP = (r"^ ?date \d{4}-\d{2}-\d{2} ", "scraped date stamp")
CAPTION = "Rafah residents queue for water near the crossing"


def assert_invariant(result: CleanText) -> None:
    assert result.text == PARAGRAPH_BREAK.join(p.text for p in result.paragraphs)
    for p in result.paragraphs:
        assert result.text[p.start:p.start + len(p.text)] == p.text
        assert p.text and p.text == p.text.strip()
        assert result.line_of(p.start) == p.line
        assert result.line_of(p.start + len(p.text) - 1) == p.line


# (name, seed text, drop rules, strip rules, expected paragraphs as (line, text), expected dropped as (line, text, why, whole))
CLEAN_TABLE = [
    ("plain lines become paragraphs", "One\nTwo\nThree", (), (),
     [(1, "One"), (2, "Two"), (3, "Three")], []),
    ("a drop rule removes the whole line and records why", "Title\nShare this on X\nBody", (SHARE,), (),
     [(1, "Title"), (3, "Body")], [(2, "Share this on X", "share prompt", True)]),
    ("a drop rule matches anywhere in the line with search", "A (credit: AP)\nBody", (CREDIT,), (),
     [(2, "Body")], [(1, "A (credit: AP)", "photo caption and credit", True)]),
    ("the first matching drop rule is the recorded reason", "Share this (credit: AP)", (CREDIT, SHARE), (),
     [], [(1, "Share this (credit: AP)", "photo caption and credit", True)]),
    ("a drop rule that does not match the whole prompt keeps the line", "<< Follow Ynet >> now\nBody", (FOLLOW,), (),
     [(1, "<< Follow Ynet >> now"), (2, "Body")], []),
    ("a strip rule cuts part of a line and keeps the rest", " date 2024-03-22 Body text", (), (STAMP,),
     [(1, "Body text")], [(1, " date 2024-03-22 ", "scraped date stamp", False)]),
    ("a strip rule that leaves nothing drops the line", "date 2024-03-22 ", (), (STAMP,),
     [], [(1, "date 2024-03-22 ", "scraped date stamp", False)]),
    ("a strip rule matching nothing records nothing", "Body", (), ((r"x*", "empty match"),),
     [(1, "Body")], []),
    ("blank and whitespace-only lines are skipped", "One\n\n   \n\t\nTwo\n", (), (),
     [(1, "One"), (5, "Two")], []),
    ("surrounding whitespace is trimmed but inner spaces and typos are kept", "  teh  minister  said\u00a0 \t", (), (),
     [(1, "teh  minister  said")], []),
    ("a caption echo after a dropped caption is dropped", f"{CAPTION} (credit: Reuters)\n{CAPTION}\nBody",
     (CREDIT,), (),
     [(3, "Body")], [(1, f"{CAPTION} (credit: Reuters)", "photo caption and credit", True),
                     (2, CAPTION, "repeats the caption above", True)]),
    ("a caption echo one blank line later is still dropped", f"{CAPTION} (credit: Reuters)\n\n{CAPTION}",
     (CREDIT,), (),
     [], [(1, f"{CAPTION} (credit: Reuters)", "photo caption and credit", True),
          (3, CAPTION, "repeats the caption above", True)]),
    ("an echo repeating only the start of the caption is dropped", f"{CAPTION} at dawn (credit: AP)\n{CAPTION}",
     (CREDIT,), (),
     [], [(1, f"{CAPTION} at dawn (credit: AP)", "photo caption and credit", True),
          (2, CAPTION, "repeats the caption above", True)]),
    ("a repeated line three lines after the caption is kept", f"{CAPTION} (credit: AP)\nA\n\n{CAPTION}",
     (CREDIT,), (),
     [(2, "A"), (4, CAPTION)], [(1, f"{CAPTION} (credit: AP)", "photo caption and credit", True)]),
    ("a short echo under 20 characters is kept", "Gaza, Friday (credit: AP)\nGaza, Friday",
     (CREDIT,), (),
     [(2, "Gaza, Friday")], [(1, "Gaza, Friday (credit: AP)", "photo caption and credit", True)]),
    ("a line that is not the start of the caption is kept", f"{CAPTION} (credit: AP)\nResidents queue for water near",
     (CREDIT,), (),
     [(2, "Residents queue for water near")], [(1, f"{CAPTION} (credit: AP)", "photo caption and credit", True)]),
]


@pytest.mark.parametrize("name, text, drop, strip, paragraphs, dropped", CLEAN_TABLE, ids=[c[0] for c in CLEAN_TABLE])
def test_cleaning_keeps_or_drops_each_line_by_rule(name, text, drop, strip, paragraphs, dropped) -> None:
    result = clean(text, config(drop, strip))
    assert [(p.line, p.text) for p in result.paragraphs] == paragraphs
    assert [(d.line, d.text, d.why, d.whole_line) for d in result.dropped] == dropped
    assert_invariant(result)


def test_caption_echoes_are_kept_when_the_site_turns_echo_dropping_off() -> None:
    result = clean(f"{CAPTION} (credit: AP)\n{CAPTION}", config((CREDIT,), echoes=False))
    assert [(p.line, p.text) for p in result.paragraphs] == [(2, CAPTION)]
    assert [d.why for d in result.dropped] == ["photo caption and credit"]


def test_text_is_the_paragraphs_joined_by_blank_lines_with_agreeing_offsets() -> None:
    result = clean("Head\nShare this\n\n  Body one  \n date 2024-01-01 Body two\nEnd", config((SHARE,), (STAMP,)))
    assert result.text == "Head\n\nBody one\n\nBody two\n\nEnd"
    assert [p.start for p in result.paragraphs] == [0, 6, 16, 26]
    assert_invariant(result)


@pytest.mark.parametrize("offset, line", [(0, 1), (3, 1), (4, 1), (5, 1), (6, 4), (13, 4), (16, 5), (26, 6), (28, 6)])
def test_line_of_maps_a_text_offset_to_its_seed_line(offset: int, line: int) -> None:
    result = clean("Head\nShare this\n\nBody one\nBody two\nEnd", config((SHARE,)))
    assert result.text == "Head\n\nBody one\n\nBody two\n\nEnd"
    assert result.line_of(offset) == line


def test_an_empty_seed_cleans_to_no_paragraphs() -> None:
    result = clean("\n\n", config())
    assert result.text == "" and result.paragraphs == () and result.dropped == ()
    assert result.line_of(0) == 1


def test_cleaning_is_deterministic() -> None:
    text = f"Head\n{CAPTION} (credit: AP)\n{CAPTION}\n date 2024-03-22 Body"
    assert clean(text, config((CREDIT,), (STAMP,))) == clean(text, config((CREDIT,), (STAMP,)))


# --- decode_seed --------------------------------------------------------------------------------------

DECODE_TABLE = [
    ("plain utf-8 is decoded as is", "Caf\u00e9 \u201cRafah\u201d \u2014 ok".encode("utf-8"), "utf-8",
     "Caf\u00e9 \u201cRafah\u201d \u2014 ok"),
    ("a UTF-8 BOM is dropped", codecs.BOM_UTF8 + b"Title\nBody", "utf-8", "Title\nBody"),
    ("a UTF-8 BOM is dropped when the encoding is spelt utf8", codecs.BOM_UTF8 + b"Title", "utf8", "Title"),
    ("CRLF becomes LF", b"One\r\nTwo\r\n", "utf-8", "One\nTwo\n"),
    ("a lone CR becomes LF", b"One\rTwo\r\rThree", "utf-8", "One\nTwo\n\nThree"),
    ("mixed line endings all become LF", b"A\r\nB\rC\nD", "utf-8", "A\nB\nC\nD"),
    ("cp1252 is decoded when declared", b"caf\xe9 \x93quoted\x94 \x96 \x85", "cp1252",
     "caf\u00e9 \u201cquoted\u201d \u2013 \u2026"),
    ("latin-1 is decoded when declared", b"na\xefve", "latin-1", "na\u00efve"),
]


@pytest.mark.parametrize("name, data, encoding, text", DECODE_TABLE, ids=[c[0] for c in DECODE_TABLE])
def test_decoding_a_seed_normalises_line_endings_and_the_bom(name, data, encoding, text) -> None:
    assert decode_seed("seeds/a.txt", data, encoding) == (text, ())


@pytest.mark.parametrize("data, line, col, byte", [
    (b"\xff starts badly", 1, 1, "0xff"),
    (b"ok\nfine \xe9t\xe9", 2, 6, "0xe9"),
    (b"one\r\ntwo\r\nthree \x96 dash", 3, 7, "0x96"),
    (b"a\nb\nc\n\x80", 4, 1, "0x80"),
])
def test_a_seed_that_is_not_utf8_is_an_error_at_its_line_and_column(data: bytes, line: int, col: int, byte: str) -> None:
    text, problems = decode_seed("seeds/bad.txt", data)
    assert text is None
    assert len(problems) == 1
    p = problems[0]
    assert (p.file, p.line, p.col, p.severity) == ("seeds/bad.txt", line, col, "error")
    assert p.message == f"seed is not valid utf-8 (byte {byte})"
    assert "encoding:" in p.hint and "site.yaml" in p.hint
    assert p.format().startswith(f"seeds/bad.txt:{line}:{col}: error: seed is not valid utf-8")


def test_the_same_cp1252_bytes_fail_as_utf8_but_decode_when_declared() -> None:
    data = b"Netanyahu said \x93alone\x94"
    assert decode_seed("seeds/a.txt", data)[0] is None
    assert decode_seed("seeds/a.txt", data, "cp1252") == ("Netanyahu said \u201calone\u201d", ())


def test_a_utf8_seed_read_as_another_declared_encoding_is_a_warning_showing_the_garbled_word() -> None:
    """Text in latin-1 or cp1252 is almost never valid UTF-8; UTF-8 read as latin-1 would be published garbled
    (and every quote copied from it match only approximately), where the build had passed without a word."""
    data = "Title\nThe Hamas terror organization\u2019s last stronghold".encode("utf-8")
    text, problems = decode_seed("seeds/a.txt", data, "latin-1")
    assert text == data.decode("latin-1")
    (p,) = problems
    assert (p.line, p.col, p.severity, p.check) == (2, 30, "warning", "seed-encoding")
    assert p.message == ('seed is UTF-8, but site.yaml declares latin-1: "organization\u2019s" would be published '
                         'as "organization\u00e2\x80\x99s"')
    assert "remove import: encoding:" in p.hint
    assert decode_seed("seeds/a.txt", b"plain ASCII", "latin-1") == ("plain ASCII", ())
    assert decode_seed("seeds/a.txt", b"caf\xe9", "latin-1") == ("caf\u00e9", ())   # not UTF-8: latin-1 it is
    assert decode_seed("seeds/a.txt", data, "UTF8") == (data.decode("utf-8"), ())
    assert decode_seed("seeds/a.txt", data, "utf-8-sig") == (data.decode("utf-8"), ())     # UTF-8 too


@pytest.mark.parametrize("data, words", [
    ("Talks resume".encode("utf-16"), "UTF-16 (little-endian, with a byte-order mark)"),  # (this machine's order)
    ("Talks resume".encode("utf-16-be"), "UTF-16 (big-endian)"),
    (codecs.BOM_UTF16_BE + "Talks".encode("utf-16-be"), "UTF-16 (big-endian, with a byte-order mark)"),
    ("title: a\n".encode("utf-16-le"), "UTF-16 (little-endian)"),
    ("Talks resume".encode("utf-8"), None),
    (b"ab\x00", None),                                           # too short to tell
    (b"a\x00b\x00\x00\x00", None),                                # NULs at both places: no text
    ("“Alone,” he said".encode("utf-16-le"), "UTF-16 (little-endian)"),      # beyond ASCII at its start
    ("Нетаньяху сказал Блинкену".encode("utf-16-be"), "UTF-16 (big-endian)"),  # NULs only in its spaces
    ((b"Talks resume. " * 30)[:21] + b"\x00" + (b"Talks resume. " * 30)[22:41] + b"\x00" + b"x" * 300, None),
])
def test_utf16_tells_a_file_saved_as_utf16_by_its_mark_or_its_nuls(data: bytes, words: str | None) -> None:
    assert utf16(data) == words


def test_a_utf16_seed_is_said_to_be_utf16_unless_declared() -> None:
    data = "Talks resume\nin Washington".encode("utf-16")
    text, (problem,) = decode_seed("seeds/a.txt", data, "latin-1")     # latin-1 would decode it, NULs and all
    assert text is None and (problem.line, problem.col, problem.check) == (1, 1, "seed-encoding")
    assert problem.message == "seed is saved as UTF-16 (little-endian, with a byte-order mark), not latin-1"
    assert decode_seed("seeds/a.txt", data, "utf-16") == ("Talks resume\nin Washington", ())


@pytest.mark.parametrize("data, kind", [
    (b"\x89PNG\r\n\x1a\n\x00\x00", "a PNG image"), (b"%PDF-1.7\n", "a PDF"), (b"PK\x03\x04..", "a zip archive"),
    (b"text\x00more", "binary data"), (b"plain text\n", None), ("UTF-16 text".encode("utf-16-le"), None),
    (b"\x7fELF" + b"\x02\x01\x01\x00" * 100 + b"x" * 5000, "binary data"),
    # (one NUL in text is text with a control character, said at its line: review 135)
    (b"Talks resume. " * 20 + b"\x00" + b"Talks resume. " * 300, None),
])
def test_binary_kind_names_a_file_that_is_no_text(data: bytes, kind: str | None) -> None:
    found = binary_kind(data)
    assert (found is None) if kind is None else (found is not None and found.startswith(kind)), found


@pytest.mark.parametrize("text, where, also", [
    ("Talks resume\nin Wash\x00ington\n", (2, 8), ""),              # at byte 200: said as binary, at no line
    ("Talks resume\n" * 400 + "in Washington\x00", (401, 14), ""),  # past 4,096 bytes: published in the page
    ("Talks\x00 resume\x07\n\x00", (1, 6), ", and 1 more after it"),  # (a bell is made visible where shown)
])
def test_a_control_character_in_a_seed_is_one_error_at_its_line_and_column(text: str, where: tuple[int, int],
                                                                           also: str) -> None:
    (problem,) = control_characters("seeds/a.txt", text)
    assert (problem.file, problem.line, problem.col, problem.severity) == ("seeds/a.txt", *where, "error")
    assert problem.message.startswith(f"seed has a control character (NUL){also}: ")
    assert problem.hint.startswith("remove it")
    assert control_characters("seeds/a.txt", "Talks\tresume\n\x0cin Washington\x07\n") == ()


def test_a_seed_that_is_no_text_is_said_to_be_so_not_to_be_in_another_encoding() -> None:
    text, (problem,) = decode_seed("seeds/scan.png", b"\x89PNG\r\n\x1a\n\x00", "latin-1")
    assert text is None and (problem.check, problem.severity) == ("seed-binary", "error")
    assert problem.message == "seed is not a text file: it is a PNG image"


def test_an_unknown_encoding_is_an_error_about_site_yaml() -> None:
    text, problems = decode_seed("seeds/a.txt", b"x", "klingon")
    assert text is None
    assert [(p.file, p.severity, p.message) for p in problems] == [("site.yaml", "error", 'unknown encoding "klingon"')]
    assert "utf-8" in problems[0].hint


def test_decoded_crlf_seeds_clean_to_the_same_text_as_lf_seeds() -> None:
    crlf, _ = decode_seed("seeds/a.txt", b"Head\r\nShare this\r\n\r\nBody  text\r\n")
    lf, _ = decode_seed("seeds/a.txt", b"Head\nShare this\n\nBody  text\n")
    assert crlf is not None and lf is not None
    assert clean(crlf, config((SHARE,))) == clean(lf, config((SHARE,)))
    assert clean(crlf, config((SHARE,))).text == "Head\n\nBody  text"


def test_the_column_of_a_bad_byte_counts_characters_not_bytes() -> None:
    _, problems = decode_seed("seeds/bad.txt", "caf\u00e9 \u2014 ".encode("utf-8") + b"\xff")
    assert (problems[0].line, problems[0].col) == (1, 8)


ENDLESS = r"^(a|aa)+$"   # on a line of a's ending in b: about twice as long for each a more (minutes at 64)


@pytest.mark.parametrize("kind", ["drop_lines", "strip"])
def test_a_rule_that_backtracks_without_end_is_stopped_at_its_line(kind: str) -> None:
    rule = Rule(re.compile(ENDLESS), "a row of a's", kind, (6, 16))
    rules = SiteConfig(title="t", **{kind: (rule,)})
    with pytest.raises(RuleTimedOut) as stopped:
        clean("Title\naaa\n" + "a" * 64 + "b\nBody", rules)
    assert (stopped.value.rule, stopped.value.number) == (rule, 3)
    said = timed_out("seeds/x.txt", stopped.value)
    assert (said.file, said.line, said.col, said.severity, said.check) == \
        ("site.yaml", 6, 16, "error", "site-regex-stopped")
    assert f'the {kind} pattern "{ENDLESS}" ran for over {RULE_SECONDS:g} s on line 3 of seeds/x.txt' in said.message


def test_rules_match_as_python_re_does_under_the_guard() -> None:
    """The guard runs the patterns with `regex`: what they drop and cut is what `re` finds (flags included)."""
    text = "Title\nSHARE THIS now\nBody (photo credit: AP)  \n<< Follow us >>"
    result = clean(text, config(drop=(("(?i)^share this", "share"), FOLLOW), strip=(CREDIT,)))
    assert [(d.line, d.text, d.whole_line) for d in result.dropped] == [
        (2, "SHARE THIS now", True), (3, "(photo credit: AP)  ", False), (4, "<< Follow us >>", True)]
    assert [p.text for p in result.paragraphs] == ["Title", "Body"]

