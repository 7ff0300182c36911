"""Seed text → cleaned article text, by rules only.

Seeds are evidence: nothing is rewritten. A line is either kept (as one paragraph, with only its surrounding
whitespace trimmed), dropped whole by a `drop_lines` rule, or has a part cut by a `strip` rule; every drop is
recorded with its seed line and reason so the provenance view can show it.
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_right
from dataclasses import field
from functools import lru_cache
from typing import Any

from .config import Rule, SiteConfig
from ..common.errors import Problem, error, warning
from ..common.hashonce import hash_once
from ..common.utf16 import utf16_order
from ..common.records import frozen, record

PARAGRAPH_BREAK = "\n\n"


@record
class Paragraph:
    """A kept seed line. Invariant: `text` is a substring of seed line `line` (1-based) and is non-empty."""

    text: str
    line: int
    start: int  # offset of this paragraph in CleanText.text


@record
class Dropped:
    """Furniture removed from the seed: a whole line, or a part cut from a kept line. `at`: the line and column
    of the pattern of site.yaml that removed it ((0, 0): no rule did, a caption's echo)."""

    line: int
    text: str
    why: str
    whole_line: bool
    at: tuple[int, int] = (0, 0)


@hash_once  # (a key of the live preview's memo, build after build: common/hashonce.py)
@frozen
class CleanText:
    """Invariant: text == PARAGRAPH_BREAK.join(p.text for p in paragraphs), offsets agree. `made`: a digest of
    its value (loader.parse_files sets it on each seed's; "" when made otherwise), which keys of the steps that
    read it may hold instead of the whole text; not part of its value, and not kept by replace()."""

    text: str
    paragraphs: tuple[Paragraph, ...]
    dropped: tuple[Dropped, ...]
    made: str = field(default="", init=False, compare=False, repr=False)

    def line_of(self, offset: int) -> int:
        """Seed line number of a text offset (for messages and provenance): the line of the last paragraph that
        starts at or before it (found by halves: a quote in 6,600 places of a transcript was listed with each
        place's line, a walk through every paragraph each, review 68)."""
        if not self.paragraphs:
            return 1
        before = bisect_right(self.paragraphs, offset, key=lambda p: p.start)
        return self.paragraphs[max(before - 1, 0)].line

    def paragraph_index(self, offset: int) -> int:
        index = 0
        for i, p in enumerate(self.paragraphs):
            if p.start > offset:
                break
            index = i
        return index


def utf16(data: bytes) -> str | None:
    """How a file is saved as UTF-16, in words ("UTF-16 (little-endian, with a byte-order mark)"), or None
    (common/utf16.py tells)."""
    found = utf16_order(data)
    if found is None:
        return None
    order, marked = found
    return f"UTF-16 ({order}-endian{', with a byte-order mark' if marked else ''})"


_SIGNATURES = ((b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
               (b"%PDF-", "a PDF"), (b"PK\x03\x04", "a zip archive (a Word or OpenDocument file is one)"),
               (b"\xd0\xcf\x11\xe0", "an old Word or Excel file"), (b"{\\rtf", "an RTF document"),
               (b"\x1f\x8b", "a gzip archive"), (b"RIFF", "a media file"), (b"WARC/", "a web archive"))


def binary_kind(data: bytes) -> str | None:
    """What a file that is no plain text is, in words ("a PNG image"), or None for text: a known signature, or
    NUL bytes in its start, one in a hundred bytes or more (not text saved as UTF-16, whose NULs stand between
    letters). A stray NUL in text is text with a control character (`control_characters`: review 135)."""
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    start = data[:4096]
    return "binary data" if start.count(0) * 100 >= len(start) > 0 and b"\x00" in start and utf16(data) is None \
        else None


# The NUL: no text, and published as it is in a page's Markdown. (The other control characters are made visible or
# replaced where a seed's text is published: tests/hostile/ has them, and its site is built.)
_CONTROL = re.compile("\x00")


def control_characters(file: str, text: str) -> tuple[Problem, ...]:
    """An error at the first NUL of a seed's decoded `text` that is otherwise text, naming how many more there
    are: a NUL anywhere in it was said only in the first 4,096 bytes, as binary data and at no
    line, and one further on was published in the page (review 135)."""
    found = _CONTROL.search(text)
    if found is None:
        return ()
    at, more = found.start(), len(_CONTROL.findall(text)) - 1
    char = found.group(0)
    name = "NUL" if char == "\x00" else f"U+{ord(char):04X}"
    line, col = text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
    also = f", and {more} more after it" if more else ""
    return (error(file, line, col, f"seed has a control character ({name}){also}: it is no text, and would be "
                  "published as it is", "remove it (an editor may show it as ^@, <0x00> or a box; copied text "
                  "can bring it)", "seed-encoding"),)


def decode_seed(file: str, data: bytes, encoding: str = "utf-8") -> tuple[str | None, tuple[Problem, ...]]:
    """Bytes → text. A UTF-8 BOM is dropped, CRLF and lone CR become LF; undecodable bytes are an error."""
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        return None, (error("site.yaml", 0, 0, f'unknown encoding "{encoding}"', "use e.g. utf-8, cp1252, latin-1",
                            "site-encoding"),)
    legacy = not codec.startswith(("utf-16", "utf-32"))  # (a UTF-16 or UTF-32 seed declared so has its NULs)
    kind = binary_kind(data) if legacy else None
    if kind:
        return None, (error(file, 0, 0, f"seed is not a text file: it is {kind}", "a seed is the article's plain "
                            "text; a web page saved or archived is captured with --add", "seed-binary"),)
    saved_as = utf16(data) if legacy else None
    if saved_as:  # (as latin-1 it would decode, a NUL between every two letters)
        return None, (error(file, 1, 1, f"seed is saved as {saved_as}, not {encoding}",
                            "convert it to UTF-8 (\"Save as\", then the encoding UTF-8)", "seed-encoding"),)
    if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        # The column counts characters, as an editor shows them, not bytes.
        col = len(data[line_start:exc.start].decode(encoding, "replace")) + 1
        return None, (error(file, line, col, f"seed is not valid {encoding} (byte 0x{data[exc.start]:02x})",
                            "convert it to UTF-8 (`python build.py --import` does, keeping the original bytes in "
                            "seeds/evidence/), or, when every seed is in one encoding, declare it in site.yaml under "
                            "import: encoding:",
                            "seed-encoding"),)
    seed = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return seed, (() if codec in ("utf-8", "utf-8-sig") else _utf8_declared_as(file, data, encoding))


_NOT_ASCII = re.compile(rb"[\x80-\xff]")


def _utf8_declared_as(file: str, data: bytes, encoding: str) -> tuple[Problem, ...]:
    """A warning when the seed is UTF-8 with non-ASCII text but site.yaml declares another encoding (not UTF-8):
    every curly quote and accent would be published garbled ("organization’s" as "organizationâ€™s") and quotes
    copied from the seed match only approximately. (Text in another encoding is almost never valid UTF-8.)"""
    found = garbled(data, encoding)
    if found is None:
        return ()
    line, col, word, read = found
    return (warning(file, line, col, f'seed is UTF-8, but site.yaml declares {encoding}: "{word}" would be '
                    f'published as "{read}"',
                    "remove import: encoding: from site.yaml (UTF-8 is the default), or convert the seed",
                    "seed-encoding"),)


def garbled(data: bytes, encoding: str) -> tuple[int, int, str, str] | None:
    """Where a seed in UTF-8 is first garbled when read as `encoding`: (line, column, the word around its first
    character beyond ASCII, that word as the whole seed read so shows it), or None when it is not UTF-8 or has no
    such character."""
    beyond = _NOT_ASCII.search(data)
    if beyond is None:
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    at = beyond.start()
    line_start = data.rfind(b"\n", 0, at) + 1
    start = max(line_start, data.rfind(b" ", 0, at) + 1, at - 24)  # (the word around the first such character)
    ends = [i for i in (data.find(b" ", at), data.find(b"\n", at)) if i >= 0]
    end = min([*ends, at + 24, len(data)])
    word = data[start:end].decode("utf-8", "ignore")
    line, col = data[:at].count(b"\n") + 1, len(data[line_start:at].decode("utf-8")) + 1
    return line, col, word, _read_at(data, encoding, start, end)


def _read_at(data: bytes, encoding: str, start: int, end: int) -> str:
    """The bytes `data[start:end]` as the whole of `data` read in `encoding` shows them (what would be published):
    the characters whose last byte is among them. Read alone, they may be read otherwise: UTF-16 pairs a byte with
    the one before it when the word starts at an odd offset ("organization’s" is "漠杲湡…" there, not "牯慧…")."""
    def chars(upto: int) -> int:  # (how many characters the bytes before `upto` end; a character cut is not one)
        return len(data[:upto].decode(encoding, "ignore"))
    return data.decode(encoding, "replace")[chars(start):chars(end)]


def rule_named(d: Dropped) -> str:
    """What left `d` out, as a message names it: "the drop_lines rule at site.yaml:24:16 (why: weather widget)"."""
    if d.at == (0, 0):  # (no rule: a caption printed again right after the one a rule dropped)
        return f"site.yaml's drop_caption_echoes (why: {d.why})"
    return f"the {'drop_lines' if d.whole_line else 'strip'} rule at site.yaml:{d.at[0]}:{d.at[1]} (why: {d.why})"


def holding(text: CleanText, quote: str) -> Dropped | None:
    """The text an import rule dropped (a whole line, or a part cut from one) that holds `quote`, its spacing
    aside (None: none does)."""
    wanted = " ".join(quote.split())
    return next((d for d in text.dropped if wanted and wanted in " ".join(d.text.split())), None)


def clean(text: str, config: SiteConfig) -> CleanText:
    """Apply the furniture rules line by line. Deterministic; never alters a kept character."""
    paragraphs: list[Paragraph] = []
    dropped: list[Dropped] = []
    last_dropped: tuple[int, str] | None = None
    offset = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        rule = _first_match(config.drop_lines, raw, number)
        if rule is not None:
            dropped.append(Dropped(number, raw, rule.why, True, rule.at))
            last_dropped = (number, raw.strip())
            continue
        kept, cut = strip_cuts(raw, config.strip, number)
        dropped += [Dropped(number, "".join(raw[i] for i in where), rule.why, False, rule.at) for rule, where in cut]
        kept = kept.strip()
        if not kept:
            continue
        if (config.drop_caption_echoes and last_dropped and number - last_dropped[0] <= 2
                and len(kept) >= 20 and last_dropped[1].startswith(kept)):
            # A caption printed twice: once with its credit (dropped by a rule), once bare right after.
            dropped.append(Dropped(number, raw, "repeats the caption above", True))
            continue
        if paragraphs:
            offset += len(PARAGRAPH_BREAK)
        paragraphs.append(Paragraph(kept, number, offset))
        offset += len(kept)
    return CleanText(PARAGRAPH_BREAK.join(p.text for p in paragraphs), tuple(paragraphs), tuple(dropped))


Cuts = tuple[tuple[Rule, tuple[int, ...]], ...]


def strip_cuts(line: str, rules: tuple[Rule, ...], number: int) -> tuple[str, Cuts]:
    """`line` (seed line `number`) with the first match of each `strip` rule cut, in turn, as `clean` cuts it, and
    what each rule cut: the indices in `line` of the characters it took (in order; a run unless a rule before
    it cut inside its match), so that a quote of the line as written can be told which rule cut into it."""
    kept, index, cut = line, None, []
    for rule in rules:
        match = _search(rule, kept, number)
        if match and match.group(0):
            index = list(range(len(line))) if index is None else index  # (made for a line a rule cuts only)
            cut.append((rule, tuple(index[match.start():match.end()])))
            kept = kept[: match.start()] + kept[match.end():]
            del index[match.start():match.end()]
    return kept, tuple(cut)


def _first_match(rules: tuple[Rule, ...], line: str, number: int) -> Rule | None:
    for rule in rules:
        if _search(rule, line, number):
            return rule
    return None


class RuleTimedOut(Exception):
    """An import rule that ran for over RULE_SECONDS on one line of a seed (`number`) and was stopped."""

    def __init__(self, rule: Rule, number: int) -> None:
        super().__init__(rule.pattern.pattern, number)
        self.rule, self.number = rule, number


# Python's own engine cannot be stopped once a match runs: a pattern that backtracks without end on one line
# ((a|aa)+$ on a line of a's and a b) hung the build, and the live preview with its server (the build holds the
# interpreter). The same pattern is run by `regex` (its matching compatible with `re`'s, which checked it), whose
# matches take a timeout. No pattern a seed's line needs takes a thousandth of it.
RULE_SECONDS = 0.5


@lru_cache(maxsize=64)
def _guarded(pattern: str, flags: int) -> Any:
    import regex  # (only when a seed is cleaned by rules: 24 ms of import)
    return regex.compile(pattern, flags)


def _search(rule: Rule, line: str, number: int) -> Any:
    """`rule`'s first match in `line` (None when none), as `re` would find it, stopped after RULE_SECONDS."""
    try:
        return _guarded(rule.pattern.pattern, rule.pattern.flags).search(line, timeout=RULE_SECONDS)
    except TimeoutError:
        raise RuleTimedOut(rule, number) from None


def timed_out(seed: str, stopped: RuleTimedOut) -> Problem:
    """The error for a rule stopped on a seed's line: at the pattern in site.yaml (what to mend), naming the
    seed's line it could not finish on. The seed is not read until the pattern is mended."""
    rule, line = stopped.rule, stopped.number
    return error("site.yaml", *rule.at,
                 f'the {rule.kind} pattern "{rule.pattern.pattern}" ran for over {RULE_SECONDS:g} s on line {line} '
                 f"of {seed} and was stopped: it tries the line's letters in more and more ways (as (a|aa)+$ does "
                 "on a line of a's ending in b); the seed is not read until the pattern is mended",
                 "let each letter be matched one way only: a+$ for (a|aa)+$, [\\w\\s]+ for (\\w+\\s*)+",
                 "site-regex-stopped")
