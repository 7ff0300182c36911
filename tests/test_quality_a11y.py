"""Quality gate: axe-core finds 0 accessibility violations on every page type, at desktop and phone sizes
(and in the dark theme).

Page types are discovered from the built output, so a new kind of page is covered as soon as the build writes
it: every top-level page (home, 404, ...), and in each top-level folder one page per depth (the folder's own
index, e.g. /entities/, and one page below it, e.g. /entities/<id>/). Of several pages of one type the
largest is checked, as it has the most content. One browser runs every check; axe-core comes from npm
(pinned in package-lock.json) and is injected into each page (the context bypasses the site's CSP, which
would rightly refuse an injected script). axe runs with its default rules (WCAG 2.x A/AA and best practices).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# name → (viewport, colour scheme, axe rules): every rule at desktop and phone size in the default light theme;
# in the dark theme (which follows the system setting) only the rules that depend on colour, as nothing else
# changes with it.
ALL_RULES: list[str] | None = None
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
VIEWPORTS = {"desktop": ({"width": 1280, "height": 900}, "light", ALL_RULES),
             "phone": ({"width": 375, "height": 800}, "light", ALL_RULES),
             "desktop-dark": ({"width": 1280, "height": 900}, "dark", COLOUR_RULES)}

# Only what a report needs, so a large page does not send the whole axe result back to Python.
RUN_AXE = """async (rules) => {
  const options = {resultTypes: ["violations"]};
  if (rules) options.runOnly = {type: "rule", values: rules};
  const result = await axe.run(document, options);
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target.map(String).join(" "), html: n.html.slice(0, 200),
                              summary: (n.failureSummary || "").replace(/\\s+/g, " ").slice(0, 300)}))
  }));
}"""


def page_types(site: Path) -> dict[str, str]:
    """Page type → the site path of the page that represents it (largest of its kind)."""
    groups: dict[str, list[Path]] = {}
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site)
        if len(rel.parts) == 1:
            key = rel.stem                                      # index, 404, and any later top-level page
        elif rel.name == "index.html":
            key = "/".join([rel.parts[0]] + ["*"] * (len(rel.parts) - 2))   # articles/*, tags, tags/*
        else:
            key = f"{rel.parts[0]}/*.html"
        groups.setdefault(key, []).append(rel)
    return {key: max(pages, key=lambda p: ((site / p).stat().st_size, p.as_posix())).as_posix()
            for key, pages in sorted(groups.items())}


def url_of(base: str, rel: str) -> str:
    return base + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def format_violations(where: str, violations: list[dict]) -> list[str]:
    lines = []
    for v in violations:
        lines.append(f"{where}: {v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"][:8]:
            lines.append(f"    {node['target']}: {node['html']}")
            if node["summary"]:
                lines.append(f"      {node['summary']}")
        if len(v["nodes"]) > 8:
            lines.append(f"    ... and {len(v['nodes']) - 8} more element(s)")
    return lines


@pytest.fixture(scope="module")
def axe_path() -> Path:
    if not AXE.exists():
        message = f"{AXE.relative_to(ROOT)} is missing: run `npm ci --ignore-scripts` (make test does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return AXE


def test_page_types_are_discovered_from_the_output_tree(tmp_path: Path) -> None:
    for rel in ["index.html", "404.html", "articles/a/index.html", "articles/b/index.html", "tags/index.html",
                "tags/x/index.html", "entities/index.html", "entities/e/index.html", "new/index.html"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x" * (2 if rel.startswith("articles/b") else 1))
    assert page_types(tmp_path) == {
        "404": "404.html", "index": "index.html", "articles/*": "articles/b/index.html",
        "entities": "entities/index.html", "entities/*": "entities/e/index.html", "new": "new/index.html",
        "tags": "tags/index.html", "tags/*": "tags/x/index.html"}


@pytest.fixture(scope="module")
def axe_results(browser, default_site, http_server, axe_path) -> dict[str, tuple[int, list[str]]]:
    """Viewport name → (pages checked, violations as report lines). Each page is loaded once, axe injected once,
    then run at every size and colour scheme in turn (a resize or media change re-lays the page out, as
    rotating a phone does), which keeps the gate fast; one browser does it all."""
    base = http_server(default_site)
    types = page_types(default_site)
    assert {"index", "404", "articles/*"} <= set(types), types
    results: dict[str, list[str]] = {name: [] for name in VIEWPORTS}
    context = browser.new_context(bypass_csp=True)
    try:
        page = context.new_page()
        for kind, rel in types.items():
            first_size, first_scheme, _ = next(iter(VIEWPORTS.values()))
            page.set_viewport_size(first_size)
            page.emulate_media(color_scheme=first_scheme)
            response = page.goto(url_of(base, rel), wait_until="load")
            assert response is not None and response.ok, f"{rel}: HTTP {response and response.status}"
            page.add_script_tag(path=str(axe_path))
            for name, (size, scheme, rules) in VIEWPORTS.items():
                page.set_viewport_size(size)
                page.emulate_media(color_scheme=scheme)
                violations = page.evaluate(RUN_AXE, rules)
                results[name] += format_violations(f"{rel} [{kind}, {name}]", violations)
    finally:
        context.close()
    return {name: (len(types), lines) for name, lines in results.items()}


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_every_page_type_has_no_accessibility_violations(viewport, axe_results) -> None:
    count, failures = axe_results[viewport]
    size, scheme, _ = VIEWPORTS[viewport]
    assert not failures, (f"axe-core {viewport} ({size['width']}x{size['height']}, {scheme}): violations on "
                          f"{count} page types:\n" + "\n".join(failures))
