"""The comparison page in a real browser: picking another base re-marks the differences; phones stack columns."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_build, write_tree
from test_compare_pages import dossier_files

pytestmark = pytest.mark.browser

MARKS = """(col) => Array.from(document.querySelectorAll('#' + col + ' .r:not([hidden]) :is(ins, del, mark)'))
                       .map(e => e.tagName.toLowerCase() + ':' + e.textContent)"""


@pytest.fixture(scope="module")
def site_url(tmp_path_factory, http_server) -> str:
    root = write_tree(tmp_path_factory.mktemp("browser-cmp") / "dossier", dossier_files())
    out: Path = root / "_site"
    result = run_build(root, "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    return http_server(out)


def marks(page, column: str) -> list[str]:
    return page.evaluate(MARKS, column)


def test_switching_the_base_re_marks_the_differences_without_a_reload(tab, site_url) -> None:
    page = tab
    page.goto(site_url + "compare/alone/")
    page.evaluate("window.notReloaded = true")
    assert page.locator(".base-chooser").is_visible()
    assert marks(page, "w-art-a") == []
    assert marks(page, "w-art-b") == ["del:would", "ins:will"]
    assert page.locator("#w-art-a .base-flag").is_visible()

    page.get_by_role("radio", name="Outlet B").check()

    assert marks(page, "w-art-b") == []
    assert marks(page, "w-art-a") == ["del:will", "ins:would"]
    assert "ins:And" in marks(page, "w-art-c")
    assert page.locator("#w-art-b .base-flag").is_visible()
    assert not page.locator("#w-art-a .base-flag").is_visible()
    assert page.locator("#cmp-w .heat-text:visible").get_attribute("data-base") == "art-b"
    assert page.locator("[data-live]").text_content() == "Differences are now marked against Outlet B."
    assert page.evaluate("window.notReloaded") is True


def test_the_base_can_be_chosen_with_the_keyboard(tab, site_url) -> None:
    page = tab
    page.goto(site_url + "compare/alone/")
    page.locator("#base-w-art-a").focus()
    page.keyboard.press("ArrowRight")
    assert page.locator("#base-w-art-b").is_checked()
    assert marks(page, "w-art-b") == []
    assert marks(page, "w-art-a") == ["del:will", "ins:would"]


def test_without_javascript_the_default_base_is_marked_and_the_chooser_is_hidden(browser, site_url) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + "compare/alone/")
    assert not page.locator(".base-chooser").is_visible()
    assert marks(page, "w-art-b") == ["del:would", "ins:will"]
    assert page.locator(".base-static").inner_text().startswith("Differences are marked against Outlet A")
    context.close()


def boxes(page) -> list[dict[str, float]]:
    return [page.locator(f"#w-art-{x}").bounding_box() for x in "abc"]


def test_on_a_phone_the_columns_stack_each_below_the_previous_at_full_width(tab, site_url) -> None:
    page = tab
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(site_url + "compare/alone/")
    cols = boxes(page)
    container = page.locator("#cmp-w .cols").bounding_box()
    for above, below in zip(cols, cols[1:]):
        assert below["y"] >= above["y"] + above["height"]
    for box in cols:
        assert abs(box["x"] - container["x"]) < 1 and abs(box["width"] - container["width"]) < 1
    assert container["width"] > 300  # the page's full measure on a 375 px screen, not a squeezed column
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # nothing overflows sideways


def test_on_a_wide_screen_the_columns_stand_side_by_side(tab, site_url) -> None:
    page = tab
    page.goto(site_url + "compare/alone/")
    cols = boxes(page)
    assert len({round(b["y"]) for b in cols}) == 1
    assert cols[0]["x"] < cols[1]["x"] < cols[2]["x"]


def test_a_badge_on_the_article_leads_to_the_witness_column(tab, site_url) -> None:
    page = tab
    page.goto(site_url + "articles/art-b/")
    page.locator("#w-alone").click()
    page.wait_for_url("**/compare/alone/#w-art-b")
    assert page.evaluate("document.querySelector(':target').id") == "w-art-b"


def test_a_shared_passage_links_to_its_place_in_each_article(tab, site_url) -> None:
    page = tab
    page.goto(site_url + "passages/")
    page.goto(page.eval_on_selector(".passage-list a", "a => a.href"))  # (the first passage's own page)
    hrefs = page.eval_on_selector_all(".occurrences li > a:first-child", "els => els.map(e => e.href)")
    assert len(hrefs) >= 2 and all(":~:text=" in h for h in hrefs)
    for href in hrefs:
        # A short window, so the passage is below the fold unless the text fragment scrolls to it.
        page = tab
        page.set_viewport_size({"width": 375, "height": 200})
        page.goto(href)
        page.wait_for_function("window.scrollY > 0", timeout=5000)


HE_TITLE = "Hamas דוחה את הקריאה לעצור ברפיח"
TWO_OF_ONE_OUTLET = {  # (an English and a Hebrew report of Outlet A: the comparison tells them apart by title)
    "seeds/h.txt": "כותרת\nנתניהו אמר: אם נצטרך, נעשה את זה לבד.\n",
    "content/articles/art-h.yaml": (f'seed: h.txt\ntitle: "{HE_TITLE}"\nsource: outlet-a\ndate: 2024-03-22\n'
                                    "language: he\n"),
    "content/comparisons/both.yaml": ("title: Both\nquestion: How?\nkind: quote\nbase: art-a\nwitnesses:\n"
                                      "  - article: art-a\n    quote: if necessary we will do it alone\n"
                                      "  - article: art-h\n    quote: אם נצטרך, נעשה את זה לבד\n"),
}
# What the live region holds: its text, and each element of it with a language, its words, `lang` and `dir`
LIVE = """el => [el.textContent, Array.from(el.querySelectorAll('[lang], [dir]'),
                                          e => [e.textContent, e.lang, e.dir])]"""


def test_a_new_base_is_announced_with_its_title_in_its_article_s_language_and_direction(
        tab, tmp_path, http_server) -> None:
    """The announcement copied the column heading's text, so that the Hebrew title that tells two reports of one
    outlet apart was read with the English voice, and laid out from its first (Latin) letter."""
    root = write_tree(tmp_path / "dossier", dossier_files(**TWO_OF_ONE_OUTLET))
    result = run_build(root, "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr
    page = tab
    page.goto(http_server(root / "_site") + "compare/both/")
    page.locator("input[value='art-h']").check()
    text, marked = page.locator("[data-live]").evaluate(LIVE)
    assert text == f"Differences are now marked against Outlet A: {HE_TITLE}."
    assert [m for m in marked if m[1]] == [[HE_TITLE, "he", "rtl"]]
    assert page.locator("[data-live] [id]").count() == 0   # (no id of the page's twice)
    page.locator("input[value='art-a']").check()
    assert page.locator("[data-live]").evaluate(LIVE)[0] == \
        "Differences are now marked against Outlet A: Israel will go it alone."
