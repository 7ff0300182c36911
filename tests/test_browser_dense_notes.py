"""Dense annotation on a wide screen, in a real browser (Debian's chromium via Playwright): margin notes stack
below each other, and with a note on every sentence each sat further below its words, 15,000 px down a long
article (review 68). Where one would sit more than a screen below its number, the notes open and close in the
text, as on a phone; an article annotated as usual keeps its margin notes."""

from __future__ import annotations

import pytest

from conftest import mini, run_build

pytestmark = pytest.mark.browser

SENTENCES = ["The minister said the talks in the capital would resume on Monday after a pause of {n} days.",
             "Officials from both delegations confirmed the schedule to reporters outside building {n}.",
             "Aid groups said {n} trucks were still waiting at the crossing for permission to enter.",
             "A spokesman declined to say whether the offer discussed in round {n} was still on the table."]


def _dense_dossier(tmp_path):
    paragraphs = [" ".join(s.format(n=n) for s in SENTENCES) for n in range(1, 61)]
    note = "what this sentence claims, and where else it is reported. " * 3
    annotations = "".join(f"  - id: s{n}-{k}\n    quote: \"{SENTENCES[k].format(n=n)}\"\n"
                          f"    note: \"Note {n}.{k}: {note}\"\n" for n in range(1, 61) for k in range(4))
    return mini(tmp_path, {"seeds/a.txt": "Title\n" + "\n".join(paragraphs) + "\n",
                           "content/articles/a.yaml": ("seed: a.txt\ntitle: T\nsource: outlet-a\ndate: 2024-03-22\n"
                                                       "annotations:\n" + annotations)})


def test_dense_notes_open_in_the_text_and_usual_ones_stay_in_the_margin(browser, http_server, default_site, tmp_path):
    root = _dense_dossier(tmp_path)
    result = run_build(root, "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(http_server(root / "_site") + "articles/a/")
    assert page.locator(".article-body.notes-inline").count() == 1
    note = page.locator("#n-s30-2")
    assert not note.is_visible()
    page.locator('label[for="sn-s30-2"]').click()  # (its number opens it, in the text)
    assert note.is_visible()
    top = page.evaluate("document.getElementById('n-s30-2').getBoundingClientRect().top")
    number = page.evaluate("document.querySelector('label[for=\"sn-s30-2\"]').getBoundingClientRect().top")
    assert 0 <= top - number < 200
    page.goto(http_server(default_site) + "articles/jpost-go-it-alone/")
    assert page.locator(".article-body.notes-inline").count() == 0
    assert page.locator(".sidenote").first.evaluate("n => getComputedStyle(n).float") != "none"
    page.close()


def test_the_switch_to_notes_in_the_text_is_made_again_when_the_window_changes(browser, http_server, tmp_path):
    """Measured only at load, the choice stayed when the window was made shorter or longer (review 70)."""
    root = _dense_dossier(tmp_path)
    assert run_build(root, "--no-search").returncode == 0
    page = browser.new_page(viewport={"width": 1400, "height": 16000})  # (taller than the notes drift)
    page.goto(http_server(root / "_site") + "articles/a/")
    assert page.locator(".article-body.notes-inline").count() == 0
    page.set_viewport_size({"width": 1400, "height": 900})
    page.wait_for_selector(".article-body.notes-inline", state="attached")
    page.set_viewport_size({"width": 1400, "height": 16000})
    page.wait_for_selector(".article-body:not(.notes-inline)", state="attached")
    page.close()
