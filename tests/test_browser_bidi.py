"""Text in another direction than the site's, laid out by a real browser (Debian's chromium via Playwright): an
editor's Hebrew note on an English site ends with its full stop on the left, as Hebrew does; a witness's column
takes its direction from its own paragraph, not from the words of the base it lacks (review 69: a French quote
compared with a Hebrew one was laid out right to left, its full stop on the left)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import mini, run_build

pytestmark = pytest.mark.browser

HEBREW = "נתניהו אמר: «נעשה את זה לבד» אחרי הפגישה.\n"
ENGLISH = "\"We will do it alone\" Netanyahu said after the meeting.\n"
FILES = {
    "seeds/he.txt": HEBREW, "seeds/en.txt": ENGLISH,
    "content/articles/he.yaml": "seed: he.txt\ntitle: Hebrew report\nsource: outlet-a\ndate: 2024-03-22\n",
    "content/articles/en.yaml": ("seed: en.txt\ntitle: English report\nsource: outlet-b\ndate: 2024-03-22\n"
                                 "annotations:\n  - id: alone\n    quote: We will do it alone\n"
                                 "    note: אותו ניסוח כמו בהארץ.\n"),
    "content/comparisons/alone.yaml": ("title: Alone\nquestion: Who said what?\nkind: quote\nwitnesses:\n  - article: he\n"
                                       "    quote: נעשה את זה לבד\n  - article: en\n    quote: We will do it alone\n"),
}
# Where the first letter and the last character that is not a space, of what an element shows (hidden labels,
# hidden renderings and a witness's missing words left out), are: their x, and how far the first character (a
# letter, or the witness's opening quotation mark) is from the element's left and right edges.
ENDS = """el => {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), spots = [];
  for (let node; (node = walker.nextNode());) {
    if (node.parentElement.closest(".visually-hidden, del, [hidden]")) continue;
    for (let i = 0; i < node.data.length; i++) if (node.data[i].trim()) spots.push([node, i]);
  }
  const box = ([node, i]) => { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
                               return r.getBoundingClientRect(); };
  const letter = box(spots.find(([node, i]) => /\\p{L}/u.test(node.data[i]))), edge = el.getBoundingClientRect();
  const first = box(spots[0]);
  return {letter: letter.left, last: box(spots[spots.length - 1]).left,
          fromLeft: first.left - edge.left, fromRight: edge.right - first.right};
}"""


@pytest.fixture(scope="module")
def site_url(tmp_path_factory, http_server) -> str:
    root = mini(tmp_path_factory.mktemp("bidi"), FILES)
    out = root.parent / "_site"
    result = run_build(root, "--out", str(out), "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr
    return http_server(out)


def test_a_hebrew_note_on_an_english_site_is_laid_out_right_to_left(browser, site_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url + "articles/en/")
    ends = page.locator(".sidenote .np").evaluate(ENDS)
    assert ends["last"] < ends["letter"]  # (the full stop left of the note's first word)
    page.close()


def test_an_english_witness_compared_with_a_hebrew_base_is_laid_out_left_to_right(browser, site_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url + "compare/alone/")
    page.locator("#base-w-he").check()  # (the differences marked against the Hebrew: its words come first)
    ends = page.locator('blockquote.wit-text[cite$="/articles/en/"] p').evaluate(ENDS)
    assert ends["fromLeft"] < ends["fromRight"]  # (its opening quotation mark at the left edge, not the right)
    page.close()
