"""The real-pages fixture (tests/fixtures/real-pages/) is itself checked: every expected value was typed by hand
from the page source, so these tests catch typos and drift before an accuracy test trusts the manifest."""

from __future__ import annotations

import datetime as dt
import gzip
import html
import json
import re
from collections import Counter
from pathlib import Path

import pytest

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "real-pages"
MANIFEST = json.loads((FIXTURE / "expected.json").read_text(encoding="utf-8"))
REQUIRED = ("file", "source", "title", "date", "outlet", "outlet_domain", "canonical_url", "language")
OPTIONAL = ("saved_from", "title_variants", "date_variants", "note")
CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)


def page_text(entry: dict) -> str:
    """The page decoded with the charset it declares (UTF-8 when it declares none), entities unescaped,
    whitespace folded: the text a reader's eye (and a title check) works on."""
    raw = gzip.decompress((FIXTURE / entry["file"]).read_bytes())
    declared = CHARSET.search(raw[:4096])
    text = raw.decode(declared.group(1).decode("ascii") if declared else "utf-8")
    return re.sub(r"\s+", " ", html.unescape(text))


def ids(entries: list[dict]) -> list[str]:
    return [e["file"] for e in entries]


def test_the_manifest_lists_at_least_24_pages_sorted_by_file_with_no_duplicates() -> None:
    files = ids(MANIFEST)
    assert len(files) >= 24
    assert files == sorted(files)
    assert len(set(files)) == len(files)


def test_the_manifest_and_the_folder_hold_the_same_pages() -> None:
    on_disk = sorted(p.name for p in FIXTURE.glob("*.html.gz"))
    assert on_disk == ids(MANIFEST)


@pytest.mark.parametrize("entry", MANIFEST, ids=ids(MANIFEST))
def test_every_entry_has_exactly_the_documented_keys(entry: dict) -> None:
    assert all(key in entry for key in REQUIRED), entry["file"]
    assert set(entry) <= set(REQUIRED) | set(OPTIONAL)
    assert entry["source"].startswith(("trafilatura tests/eval/", "trafilatura tests/cache/"))
    assert re.fullmatch(r"[a-z]{2}", entry["language"])
    assert isinstance(entry["title"], str) and entry["title"] == entry["title"].strip() and entry["title"]
    assert isinstance(entry["outlet"], str) and entry["outlet"]


@pytest.mark.parametrize("entry", MANIFEST, ids=ids(MANIFEST))
def test_every_page_decompresses_to_an_html_document(entry: dict) -> None:
    raw = gzip.decompress((FIXTURE / entry["file"]).read_bytes())
    assert re.search(rb"<html[\s>]", raw[:20000], re.I), entry["file"]
    assert b"</html>" in raw[-20000:].lower(), entry["file"]


@pytest.mark.parametrize("entry", MANIFEST, ids=ids(MANIFEST))
def test_every_date_is_a_real_calendar_date_or_null(entry: dict) -> None:
    for value in [entry["date"], *entry.get("date_variants", [])]:
        if value is not None:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), value
            assert dt.date.fromisoformat(value) <= dt.date(2026, 1, 1)
    assert entry["date"] not in entry.get("date_variants", [])


@pytest.mark.parametrize("entry", MANIFEST, ids=ids(MANIFEST))
def test_every_expected_title_and_title_variant_occurs_in_the_page(entry: dict) -> None:
    text = page_text(entry)
    for title in [entry["title"], *entry.get("title_variants", [])]:
        assert title in text, f"{entry['file']}: {title!r} not in the page"


@pytest.mark.parametrize("entry", MANIFEST, ids=ids(MANIFEST))
def test_every_outlet_domain_and_canonical_url_occurs_in_the_page(entry: dict) -> None:
    text = page_text(entry).lower()
    assert entry["outlet_domain"].lower() in text
    canonical = entry["canonical_url"]
    if canonical is not None:
        assert re.fullmatch(r"https?://[^\s\"'<>]+", canonical)
        assert canonical.lower() in text, f"{entry['file']}: {canonical} not in the page"


def test_at_least_five_pages_are_not_in_english_in_at_least_three_languages() -> None:
    others = [e["language"] for e in MANIFEST if e["language"] != "en"]
    assert len(others) >= 5
    assert len(set(others)) >= 3


def test_no_outlet_domain_has_more_than_three_pages() -> None:
    counts = Counter(e["outlet_domain"] for e in MANIFEST)
    assert max(counts.values()) <= 3, counts.most_common(3)
