"""The live preview in a real browser: `build.py --serve` on a temporary copy of the default dossier, Chromium
(Debian's, via Playwright) on an article page while the test edits files as an editor would."""

from __future__ import annotations

import re
import shutil

import pytest
from playwright.sync_api import Error as PlaywrightError, expect

from conftest import ROOT
from test_serve_process import PreviewServer

pytestmark = pytest.mark.browser

SLUG = "jpost-go-it-alone"
ARTICLE = f"content/articles/{SLUG}.yaml"
NOTE_START = "In this subheadline the first name is spelled"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# One broken article also breaks the comparisons that cite it, so the count varies with the dossier.
TITLE = re.compile(r"^Build failed: \d+ errors?")
SHOW = re.compile(r"^\u26a0 Build failed: \d+ errors?.*: show$")


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    root = tmp_path_factory.mktemp("preview") / "dossier"
    root.mkdir()
    shutil.copy(ROOT / "site.yaml", root / "site.yaml")
    for sub in ("seeds", "content"):
        shutil.copytree(ROOT / sub, root / sub)
    server = PreviewServer(root)
    server.ready()
    yield server
    assert server.stop() == 0


@pytest.fixture
def article(preview):
    """The article file, restored after each test so that every test starts from a good build."""
    path = preview.root / ARTICLE
    original = path.read_text("utf-8")
    yield path
    if path.read_text("utf-8") != original:
        path.write_text(original, "utf-8")
        preview.wait(lambda s: s["state"] == "ok" and not s["building"])


def open_page(new_page, preview):
    page = new_page()
    page.goto(f"{preview.url}articles/{SLUG}/")
    preview.wait(lambda s: s["clients"] >= 1, timeout=30)   # livereload's websocket is connected
    for attempt in range(5):
        # A reload sent for the previous test's last build may still reach this new page: let it land first.
        try:
            page.wait_for_load_state("load")
            page.evaluate("window.__notReloaded = true")
            return page
        except PlaywrightError as exc:
            if "Execution context was destroyed" not in str(exc) or attempt == 4:
                raise
            page.wait_for_timeout(200)
    return page


def shows(page, preview, text: str) -> None:
    """The page shows `text` within a minute (the preview rebuilt and reloaded it); if not, the failure says what
    the preview was doing and what it printed (a stale page was seen once, in a full run, with no clue why)."""
    try:
        expect(page.locator("main")).to_contain_text(text, timeout=60_000)
    except AssertionError as exc:
        try:
            status = preview.status()
        except (OSError, ValueError) as failed:  # (a preview that died: its log says why)
            status = f"not answering ({failed})"
        raise AssertionError(f"{exc}\nthe page: {page.url}\nthe preview: {status}\n{preview.log}") from exc


def reloaded(page) -> bool:
    return page.evaluate("window.__notReloaded === undefined")


def test_an_edited_note_shows_in_the_open_page_without_a_manual_reload(new_page, preview, article):
    page = open_page(new_page, preview)
    article.write_text(article.read_text("utf-8").replace(NOTE_START, "Edited live. " + NOTE_START), "utf-8")
    shows(page, preview, "Edited live.")
    assert reloaded(page)
    page.close()


def test_a_note_edit_reloads_its_page_once_and_leaves_pages_it_did_not_change_alone(new_page, preview, article):
    page = open_page(new_page, preview)
    other = new_page()   # another article's page: a note elsewhere does not change it
    other.goto(f"{preview.url}articles/ynet-rafah-rift/")
    other.wait_for_load_state("load")
    other.evaluate("window.__notReloaded = true")
    loads = []
    page.on("load", lambda _: loads.append(page.url))
    before = preview.status()["published"]
    article.write_text(article.read_text("utf-8").replace(NOTE_START, "Shown first. " + NOTE_START), "utf-8")
    shows(page, preview, "Shown first.")
    # the article's pages are written first, then the rest of the site: two builds on record
    preview.wait(lambda s: s["published"] >= before + 2 and not s["building"], timeout=60)
    page.wait_for_timeout(2500)                # longer than the overlay's 2 s status poll
    assert reloaded(page) and len(loads) == 1  # the edited page reloaded once, when it was shown first
    assert not reloaded(other)                 # livereload's messages and the poll both asked first
    other.close()
    page.close()


def test_a_yaml_error_shows_an_accessible_overlay_and_fixing_it_removes_it(browser, new_page, preview, article):
    page = open_page(new_page, preview)
    good = article.read_text("utf-8")
    article.write_text(good.replace("title: Israel will go", "title: [Israel will go"), "utf-8")

    dialog = page.get_by_role("alertdialog")
    expect(dialog).to_be_visible(timeout=60_000)
    # file:line:col of the YAML error, listed first (before the errors it causes elsewhere), with its hint
    first = dialog.get_by_role("listitem").first
    expect(first).to_contain_text(re.compile(re.escape(ARTICLE) + r":\d+:\d+ error: YAML syntax error"))
    expect(first).to_contain_text("[yaml-syntax]")  # (its code, as the terminal prints it: review 73)
    expect(first).to_contain_text("hint: ")
    expect(dialog.get_by_role("heading", name=TITLE)).to_be_visible()
    expect(dialog).to_be_focused()
    expect(page.locator("main")).to_contain_text("Israel will go it alone")   # the last good site stays
    # its English lines stay left to right over a Hebrew or Arabic site's page (dir="rtl"), which it inherited
    page.evaluate("document.documentElement.dir = 'rtl'")
    assert dialog.evaluate("node => getComputedStyle(node).direction") == "ltr"
    page.evaluate("document.documentElement.removeAttribute('dir')")

    # keyboard: Tab reaches the close button; Escape closes; a button brings the list back
    page.keyboard.press("Tab")
    expect(dialog.get_by_role("button", name="Close the problem list (Escape)")).to_be_focused()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    reopen = page.get_by_role("button", name=SHOW)
    expect(reopen).to_be_visible()
    reopen.click()
    expect(dialog).to_be_visible()
    if AXE.exists():  # axe-core, in a context that lets its script past the site's CSP
        context = browser.new_context(bypass_csp=True)
        checked = context.new_page()
        checked.goto(f"{preview.url}articles/{SLUG}/")
        expect(checked.get_by_role("alertdialog")).to_be_visible(timeout=30_000)
        checked.add_script_tag(path=str(AXE))
        violations = checked.evaluate("""async () => (await axe.run({include: [["#dossier-preview-overlay"]]},
            {resultTypes: ["violations"]})).violations.map(v => v.id + ": " + v.help)""")
        context.close()
        assert violations == []
    dialog.get_by_role("button", name="Close the problem list (Escape)").click()
    expect(dialog).to_be_hidden()

    article.write_text(good.replace(NOTE_START, "Fixed live. " + NOTE_START), "utf-8")
    shows(page, preview, "Fixed live.")
    expect(page.get_by_role("alertdialog")).to_have_count(0)
    expect(page.get_by_role("button", name=SHOW)).to_have_count(0)
    page.close()


def test_the_overlay_is_on_every_page_and_twenty_bad_saves_keep_the_server_answering(new_page, preview, article):
    good = article.read_text("utf-8")
    page = open_page(new_page, preview)
    for i in range(20):
        article.write_text(good.replace("seed: ", f"seed: [{i} "), "utf-8")
        page.wait_for_timeout(40)
    preview.wait(lambda s: s["state"] == "failed" and not s["building"])
    for path in ("", "sources/", f"articles/{SLUG}/"):
        other = new_page()
        response = other.goto(preview.url + path)
        assert response is not None and response.ok
        expect(other.get_by_role("alertdialog")).to_contain_text(f"{ARTICLE}:", timeout=30_000)
        other.close()
    page.close()


def test_a_page_left_open_while_the_preview_restarts_reloads_on_the_next_save(new_page, tmp_path):
    """The build numbers of a restarted preview start again at 1: a tab left open at build 7 of the last run took
    every build of the new one as older than itself, and stayed stale. Pages carry the run's id too."""
    root = tmp_path / "dossier"
    root.mkdir()
    shutil.copy(ROOT / "site.yaml", root / "site.yaml")
    for sub in ("seeds", "content"):
        shutil.copytree(ROOT / sub, root / sub)
    path = root / ARTICLE
    first = PreviewServer(root)
    first.ready()
    for n in range(3):  # builds of the first run, so that the open page's number is ahead of the next run's
        path.write_text(path.read_text("utf-8").replace(NOTE_START, f"Run one, save {n}. " + NOTE_START), "utf-8")
        first.wait(lambda s, n=n: s["published"] >= 2 * n + 3 and not s["building"], timeout=60)
    page = open_page(new_page, first)
    old = page.locator("script[data-published]").get_attribute("data-published")
    assert first.stop() == 0
    second = PreviewServer(root, port=first.port)
    try:
        second.ready()
        second.wait(lambda s: s["clients"] >= 1, timeout=30)  # livereload.js reconnected to the new run
        assert second.status()["published"] < int(old)
        path.write_text(path.read_text("utf-8").replace(NOTE_START, "After the restart. " + NOTE_START), "utf-8")
        shows(page, second, "After the restart.")
        assert reloaded(page)
    finally:
        page.close()
        assert second.stop() == 0


def test_the_overlay_of_a_failed_first_build_does_not_claim_a_last_good_build(new_page, tmp_path):
    """Before any build has succeeded the placeholder page has no good build to be: the overlay says so."""
    root = tmp_path / "dossier"
    root.mkdir()
    (root / "site.yaml").write_text("title: [unclosed\n", "utf-8")
    for sub in ("seeds", "content"):
        shutil.copytree(ROOT / sub, root / sub)
    server = PreviewServer(root)
    page = new_page()
    try:
        server.wait(lambda s: s["state"] == "failed")
        page.goto(server.url)
        intro = page.get_by_role("alertdialog").locator("#dossier-overlay-intro")
        expect(intro).to_contain_text("No build has succeeded yet.", timeout=30_000)
        expect(intro).not_to_contain_text("last good build")
    finally:
        page.close()
        assert server.stop() == 0

