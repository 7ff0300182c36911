"""feed.xml and sitemap.xml stay well-formed XML 1.0 whatever the titles and summaries hold: control characters
are shown as on the HTML pages (ESC as U+241B, a bidi override as [U+202E]) and the characters XML forbids
outright become U+FFFD, so every feed reader can still read the feed."""

from __future__ import annotations

import xml.dom.minidom
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

from conftest import mini, run_build
from dossier.core.plan.reader_pages import xml_escape

ATOM = "{http://www.w3.org/2005/Atom}"
SEED = "Talks resume in Washington\nThe minister said the talks would resume next week.\n"
# YAML double-quoted escapes: ESC, BEL, U+0001, a form feed, a bidi override, a noncharacter
TITLE = "Talks \\e[2J\\e]0;pwned\\a \\x01\\f \\u202eevil\\u202c \\uffff end"
SUMMARY = "A summary with a bell \\a and an escape \\e[31m."


class Heading(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth, self.text = 0, ""

    def handle_starttag(self, tag, attrs):
        self.depth += tag == "h1"

    def handle_endtag(self, tag):
        self.depth -= tag == "h1" and self.depth > 0

    def handle_data(self, data):
        if self.depth:
            self.text += data


def test_a_title_with_control_characters_gives_a_feed_every_xml_parser_reads(tmp_path):
    article = (f'seed: a.txt\ntitle: "{TITLE}"\nsource: outlet-a\ndate: 2024-03-22\n'
               f'summary: "{SUMMARY}"\n')
    root = mini(tmp_path, {"seeds/a.txt": SEED, "content/articles/a.yaml": article})
    out = tmp_path / "site"
    result = run_build(root, "--out", str(out), "--no-search")
    assert result.returncode == 0, result.stderr
    data = (out / "feed.xml").read_bytes()
    xml.dom.minidom.parseString(data)  # raises on any character XML 1.0 forbids
    feed = ET.fromstring(data)
    title = feed.find(f"{ATOM}entry/{ATOM}title").text
    assert title == "Talks \u241b[2J\u241b]0;pwned\u2407 \u2401\u240c [U+202E]evil[U+202C] \ufffd end"
    page = Heading()
    page.feed((out / "articles" / "a" / "index.html").read_text("utf-8"))
    assert title.replace("\ufffd", "\uffff") in page.text  # the same visible form as the page's heading
    summary = feed.find(f"{ATOM}entry/{ATOM}summary").text
    assert "\u2407" in summary and "\u241b[31m" in summary
    ET.fromstring((out / "sitemap.xml").read_bytes())


def test_xml_escape_leaves_no_character_that_xml_forbids():
    forbidden = "".join(chr(c) for c in range(0x20) if c not in (9, 10, 13)) + "\ufffe\uffff\ud800\udfff"
    escaped = xml_escape(f'<a href="x">{forbidden}&</a>')
    ET.fromstring(f"<r>{escaped.encode('utf-8', 'strict').decode('utf-8')}</r>")
    assert escaped.startswith("&lt;a href=&quot;x&quot;&gt;\u2400\u2401")


def test_a_host_written_in_another_script_is_published_in_its_ascii_form(tmp_path):
    """`--base-url https://bücher.de/…` wrote the host as it was into the sitemap (whose addresses must be ASCII,
    RFC 3986), the feed, robots.txt and the canonical links; its IDNA form is the same host (review 67)."""
    article = "seed: a.txt\ntitle: Talks\nsource: outlet-a\ndate: 2024-03-22\n"
    root = mini(tmp_path, {"seeds/a.txt": SEED, "content/articles/a.yaml": article})
    out = tmp_path / "site"
    result = run_build(root, "--out", str(out), "--no-search", "--base-url", "https://Bücher.de/dossier/")
    assert result.returncode == 0, result.stderr
    locs = [e.text for e in ET.fromstring((out / "sitemap.xml").read_bytes()).iter()
            if e.tag.endswith("}loc")]
    assert locs and all(loc.startswith("https://xn--bcher-kva.de/dossier/") for loc in locs), locs
    for name in ("feed.xml", "robots.txt", "articles/a/index.html"):
        text = (out / name).read_text("utf-8")
        assert "xn--bcher-kva.de/dossier/" in text and "bücher" not in text.lower(), name
