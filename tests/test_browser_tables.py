"""Long tables on a phone and a desktop, in a real browser (Debian's chromium via Playwright). Found by a reader
review of a 1,000-article dossier (review 141): the coverage matrix was a box as tall as the matrix, its scroll bar
out of sight at its bottom, its headers out of view once scrolled (marks without labels), cut even on a desktop;
the other tables cut their last column at a phone's edge, or squeezed a long one into a column a few letters
wide. The matrix keeps its headers in view in a box no taller than the screen; the others are lists of cards on a
phone, each row a card, their table semantics kept."""

from __future__ import annotations

import base64
import re

import pytest

import dossier_synth
from conftest import run_build
from test_browser_hovercard_keys import accessibility_tree, ax

pytestmark = pytest.mark.browser

MATRIX = ".table-wrap:has(.coverage-matrix)"
BOXES = """box => { const r = e => { const b = e.getBoundingClientRect();
                                  return {left: b.left, right: b.right, top: b.top, bottom: b.bottom}; };
  const rows = box.querySelectorAll("tbody tr");
  return {box: r(box), inside: [box.clientWidth, box.scrollWidth], tabindex: box.tabIndex,
          corner: r(box.querySelector("thead th")), lastHead: r([...box.querySelectorAll("thead th")].at(-1)),
          lastRow: r(rows[rows.length - 1].querySelector("th"))}; }"""


@pytest.mark.parametrize("width", [390, 360])
def test_the_coverage_matrix_scrolls_in_a_box_no_taller_than_the_screen_and_keeps_its_headers_in_view(
        new_page, default_site, http_server, width):
    page = new_page(viewport={"width": width, "height": 700})
    page.goto(http_server(default_site) + "sources/")
    box = page.locator(MATRIX)
    box.scroll_into_view_if_needed()
    found = box.evaluate(BOXES)
    assert found["inside"][1] > found["inside"][0], "the matrix is wider than a phone (else this shows nothing)"
    assert found["box"]["bottom"] - found["box"]["top"] <= 700, found["box"]   # (its scroll bar in view)
    # a region the keyboard can focus (and scroll), named by the matrix's caption
    caption = page.locator(".coverage-matrix caption").text_content()
    assert found["tabindex"] == 0 and page.get_by_role("region", name=caption).count() == 1
    box.evaluate("box => { box.scrollLeft = box.scrollWidth; box.scrollTop = box.scrollHeight; }")
    scrolled = box.evaluate(BOXES)
    edge, row, head = scrolled["box"], scrolled["lastRow"], scrolled["lastHead"]
    assert abs(row["left"] - edge["left"]) <= 1.5 and row["right"] < edge["right"], scrolled   # the row's title
    assert abs(head["top"] - edge["top"]) <= 1.5 and head["bottom"] < edge["bottom"], scrolled   # the outlets'
    assert abs(scrolled["corner"]["left"] - edge["left"]) <= 1.5 and abs(scrolled["corner"]["top"] - edge["top"]) <= 1.5
    page.close()


EDGE_SHADE = """async ([png, x]) => { const img = new Image(); img.src = "data:image/png;base64," + png;
  await img.decode(); const c = document.createElement("canvas"); c.width = img.width; c.height = img.height;
  const g = c.getContext("2d"); g.drawImage(img, 0, 0);
  const d = g.getImageData(x, 0, 1, img.height).data; let sum = 0;
  for (let i = 0; i < d.length; i += 4) sum += (d[i] + d[i + 1] + d[i + 2]) / 3;
  return sum / (d.length / 4); }"""


def test_a_table_that_goes_on_past_its_box_shades_that_edge_until_scrolled_there(new_page, default_site,
                                                                                  http_server):
    """Nothing said that a table scrolled inside its box: a cut column looked like the table's last."""
    page = new_page(viewport={"width": 360, "height": 700})
    page.goto(http_server(default_site) + "sources/")
    box = page.locator(MATRIX)
    box.scroll_into_view_if_needed()
    b = box.bounding_box()
    assert b is not None
    # the box's last pixel column, over the rows (below the outlets' names): darker while the table goes on
    clip = {"x": b["x"] + b["width"] - 2, "y": b["y"] + b["height"] / 2, "width": 2, "height": b["height"] / 3}

    def lightness() -> float:
        png = base64.b64encode(page.screenshot(clip=clip, animations="disabled")).decode()
        return page.evaluate(EDGE_SHADE, [png, 1])

    going_on = lightness()
    box.evaluate("box => box.scrollLeft = box.scrollWidth")
    at_end = lightness()
    assert going_on < at_end - 15, (going_on, at_end)
    page.close()


@pytest.fixture(scope="module")
def twelve_outlets(tmp_path_factory, http_server) -> str:
    """The generated dossier's twelve outlets ("World Wire Review", "The Lantern", …), an article each."""
    root = tmp_path_factory.mktemp("outlets") / "dossier"
    dossier_synth.generate(root, 12, seed=3)
    result = run_build(root, "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr
    return http_server(root / "_site")


@pytest.mark.parametrize("width", [1280, 1366])
def test_a_dozen_outlets_fit_the_coverage_matrix_on_a_desktop(new_page, twelve_outlets, width):
    """The matrix was 1,210px wide in a box of 960: the last outlets and the totals were cut, even at 1920px."""
    page = new_page(viewport={"width": width, "height": 900})
    page.goto(twelve_outlets + "sources/")
    heads = page.locator(".coverage-matrix thead th")
    assert heads.count() == 14   # the comparisons', twelve outlets', the number of outlets
    inside = page.locator(MATRIX).evaluate("box => [box.clientWidth, box.scrollWidth]")
    assert inside[1] <= inside[0], inside
    page.close()


STICKS_OUT = """table => { const box = table.closest(".table-wrap").getBoundingClientRect(), out = [];
  for (const cell of table.querySelectorAll("tbody th, tbody td")) { const r = cell.getBoundingClientRect();
    if (r.width && (r.left < box.left - 0.5 || r.right > box.right + 0.5))
      out.push(cell.textContent.trim().slice(0, 40) + " " + Math.round(r.left) + ".." + Math.round(r.right)); }
  const wrap = table.closest(".table-wrap");
  return {cut: out, inside: [wrap.clientWidth, wrap.scrollWidth]}; }"""


@pytest.mark.parametrize("width", [390, 360])
@pytest.mark.parametrize("path, table", [("report/", "table.report"), ("compare/", "table.compare-list"),
                                         ("compare/death-toll/", "table.figure-table"),
                                         ("entities/benjamin-netanyahu/", "table.entity-sources")])
def test_on_a_phone_a_long_table_is_a_list_of_cards_that_cuts_no_column(new_page, default_site, http_server,
                                                                        width, path, table):
    """The figures' "Agreement" ran to 427px in a box of 374, the comparisons' "Question" and an entity's
    "Mentions" were cut at the screen's edge; the report's "Written at" wrapped to 9 lines in a column of 81px."""
    page = new_page(viewport={"width": width, "height": 800})
    page.goto(http_server(default_site) + path)
    found = page.locator(table).first.evaluate(STICKS_OUT)
    assert not found["cut"] and found["inside"][1] <= found["inside"][0], found
    # still a table to a screen reader: its column headers, rows and cells (Chromium's accessibility tree)
    roles = [ax(n, "role") for n in accessibility_tree(page) if not n.get("ignored")]
    headers = page.locator(f"{table} thead th").count()
    assert roles.count("columnheader") >= headers > 0 and "cell" in roles and "table" in roles
    page.close()


def test_on_a_phone_an_outlets_articles_take_the_screens_width_and_say_how_many(new_page, default_site,
                                                                                http_server):
    """Each outlet's articles were listed in a column of 138px beside two nearly empty ones: 75 to 97 links in a
    row 7,769 to 10,006px tall, the rest of the screen empty, and no count of them."""
    page = new_page(viewport={"width": 390, "height": 800})
    page.goto(http_server(default_site) + "sources/")
    widths = page.locator("table.sources tbody tr").evaluate_all(
        "rows => rows.map(r => [r.lastElementChild.getBoundingClientRect().width, r.getBoundingClientRect().width])")
    assert widths and all(cell >= 0.9 * row for cell, row in widths), widths
    counts = page.locator("table.sources tbody tr td:last-child .count").all_text_contents()
    assert counts == ["1 article"] * len(widths), counts
    page.close()



@pytest.fixture(scope="module")
def thirty_articles(tmp_path_factory, http_server) -> str:
    """The generated dossier at 30 articles: 300 annotations, more than a page of the report."""
    root = tmp_path_factory.mktemp("report") / "dossier"
    dossier_synth.generate(root, 30, seed=3)
    result = run_build(root, "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr
    return http_server(root / "_site")


def test_on_a_phone_a_page_of_the_report_is_a_few_screens_tall_and_each_row_is_read_whole(new_page, thirty_articles):
    """At 1,000 articles a page of the report held 1,000 rows, each a card of four lines: 124,500px on a 390x844
    phone (review 141). A page holds fewer rows, and a row after its article's first is a line: the article and its
    file, the same as the row's above, are not shown again, but a screen reader still reads them in the row."""
    page = new_page(viewport={"width": 390, "height": 844})
    page.goto(thirty_articles + "report/")
    rows = page.locator("table.report tbody tr")
    assert 0 < rows.count() <= 200 and page.locator(".pagination").count() == 2
    height = page.evaluate("document.scrollingElement.scrollHeight")
    assert height <= 60 * rows.count() + 3000, (height, rows.count())
    again = page.locator("table.report tbody tr.again").first
    box = again.bounding_box()
    assert box is not None and box["height"] < 40, box
    said = again.aria_snapshot()
    article = again.locator("td").first.text_content()
    assert article and article in said and f"content/articles/{article}.yaml:" in said, said
    page.close()


def test_each_numbered_page_link_is_named_page_then_its_number_a_colon_and_what_the_page_holds(tab, thirty_articles):
    """The number is shown and the words around it were hidden spans: Chromium parts a hidden (absolutely placed)
    span and the page's span (a block under the number) from the number with a space, so a screen reader said
    "Page 2 : Abbas – Gantz". The name a reader hears is the one the link is given, whole."""
    tab.goto(thirty_articles + "report/")
    names = [ax(n, "name") for n in accessibility_tree(tab) if ax(n, "role") == "link"]
    pages = [name for name in names if name.startswith("Page ")]
    assert len(pages) >= 4, names   # two navigations of two pages or more
    assert all(re.fullmatch(r"Page \d+: \S+( \S+)*", name) for name in pages), pages
    assert "Next page: " + pages[1].split(": ", 1)[1] + " ›" in names, names
