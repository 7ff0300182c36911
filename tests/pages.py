"""Browser pages for the tests, opened in one browser context that a test module shares.

`browser.new_page()` makes a context of its own for each page, and a new context starts a new renderer process:
about a third of a second of CPU each time, against a twentieth for a page in a context already open. The site's
pages keep nothing in a context between tests (no cookies, no local storage), so a shared context shows each
test what a fresh one would. Tests that need a context of their own (a phone's touch, a bypassed CSP) still make
one. Import `new_page` and `shared_context` into a test module to use them."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def shared_context(browser):
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture
def new_page(shared_context):
    """A function: a new page in the module's context, at `viewport` (else Playwright's default, 1280x720)."""
    def open_page(viewport: dict[str, int] | None = None):
        page = shared_context.new_page()
        if viewport is not None:
            page.set_viewport_size(viewport)
        return page
    return open_page
