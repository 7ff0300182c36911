"""A quote matched only approximately, in a real browser (Debian's chromium via Playwright): its highlight is
underlined, its note and its comparison column say so where a reader sees them, in colours that axe-core finds
readable in the light and the dark theme."""

from __future__ import annotations

import pytest

from conftest import mini, run_build
from test_approximate_marks import LABEL, files
from test_quality_a11y import AXE, RUN_AXE, format_violations

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def approximate_site(tmp_path_factory):
    root = mini(tmp_path_factory.mktemp("approx-browser"), files())
    result = run_build(root, "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "_site"


def test_an_approximate_highlight_is_underlined_and_its_note_says_so_in_the_margin(tab, approximate_site,
                                                                                   http_server):
    page = tab
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(http_server(approximate_site) + "articles/a/")
    style = page.eval_on_selector("#a-support", "e => getComputedStyle(e).textDecorationStyle")
    exact = page.eval_on_selector("#a-alone", "e => getComputedStyle(e).textDecorationStyle")
    assert (style, exact) == ("wavy", "solid")   # (solid: none drawn, textDecorationLine is "none")
    assert page.eval_on_selector("#a-alone", "e => getComputedStyle(e).textDecorationLine") == "none"
    label = page.locator("#n-support .sn-approx")
    assert label.is_visible() and label.inner_text() == LABEL


def test_on_a_phone_the_approximate_note_opens_with_its_label(tab, approximate_site, http_server):
    page = tab
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(http_server(approximate_site) + "articles/a/")
    label = page.locator("#n-support .sn-approx")
    assert not label.is_visible()
    page.locator('label[for="sn-support"]').click()
    assert label.is_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_approximate_marks_meet_colour_contrast(browser, approximate_site, http_server, scheme):
    if not AXE.exists():
        pytest.skip("node_modules/axe-core is missing: run `npm ci --ignore-scripts` (make test does)")
    base = http_server(approximate_site)
    context = browser.new_context(bypass_csp=True, color_scheme=scheme, viewport={"width": 1280, "height": 900})
    failures = []
    try:
        page = context.new_page()
        for rel in ("articles/a/", "compare/toll/", "report/"):
            page.goto(base + rel, wait_until="load")
            page.add_script_tag(path=str(AXE))
            failures += format_violations(f"{rel} [{scheme}]", page.evaluate(RUN_AXE, ["color-contrast"]))
        assert page.locator(".col-approx").count() == 0   # (the report: witnesses are listed, not marked)
        page.goto(base + "compare/toll/")
        assert page.locator("#w-a .col-approx").is_visible() and page.locator("#w-b .col-approx").count() == 0
    finally:
        context.close()
    assert not failures, "\n".join(failures)
