"""Quality gate: every internal link and #fragment in the built output resolves.

The build checks its links itself (dossier/core/execute/linkcheck.py); this re-checks the written files on their own,
with a separate parser and the browser's rules: relative URLs are resolved against the page (the build's
checker leaves them alone), every attribute that loads or links something is followed (href, src, srcset,
action, poster, data, formaction), and so are `url()` in stylesheets and the link destinations of the published
Markdown (articles/<slug>.md, where editors' shorthand such as compare:<id> must have been resolved). A
fragment must name an element's id (or an <a name>) in the target page. Directory URLs resolve to their
index.html as on any static host. The same check runs on a build under a sub-path in
test_quality_determinism.py.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit


URL_ATTRIBUTES = {"href", "src", "action", "poster", "data", "formaction", "cite", "background"}
MD_LINK = re.compile(r"\]\(<?([^)\s>]+)")
INTERNAL_SCHEME = re.compile(r"^(article|entity|compare|tag):")   # editors' shorthand, resolved by the build
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")


class Page(HTMLParser):
    """The URLs a page refers to (with their line) and the fragment targets it defines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[int, str, str]] = []   # (line, tag.attribute, url)
        self.targets: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.targets.add(value)
            elif name in URL_ATTRIBUTES:
                if tag == "meta" or (tag == "link" and name == "href" and _is_hint(attrs)):
                    continue
                self.urls.append((line, f"{tag}.{name}", value.strip()))
            elif name in ("srcset", "imagesrcset"):
                for candidate in value.split(","):
                    if candidate.strip():
                        self.urls.append((line, f"{tag}.{name}", candidate.split()[0]))

    handle_startendtag = handle_starttag


def _is_hint(attrs: list[tuple[str, str | None]]) -> bool:
    rel = dict(attrs).get("rel") or ""
    return bool({"dns-prefetch", "preconnect"} & set(rel.split()))


class Site:
    """The output folder seen as a static host serves it, under a base path."""

    def __init__(self, folder: Path, base: str = "/", origin: str = "") -> None:
        self.folder, self.base = folder, base
        self.host = urlsplit(origin).netloc or "site.invalid"   # absolute links to the site's own origin are internal
        self._pages: dict[str, Page] = {}

    def page(self, rel: str) -> Page:
        if rel not in self._pages:
            parser = Page()
            parser.feed((self.folder / rel).read_text(encoding="utf-8"))
            parser.close()
            self._pages[rel] = parser
        return self._pages[rel]

    def url_of(self, rel: str) -> str:
        path = rel[: -len("index.html")] if rel == "index.html" or rel.endswith("/index.html") else rel
        return "http://site.invalid" + self.base + path

    def file_for(self, url: str) -> str | None:
        """Absolute URL on this site → the output file it serves (None: not under the base path)."""
        path = unquote(urlsplit(url).path)
        if not path.startswith(self.base):
            return None
        rest = path[len(self.base):]
        if rest == "" or rest.endswith("/"):
            rest += "index.html"
        elif (self.folder / rest).is_dir():
            rest += "/index.html"   # a static host redirects /x to /x/
        return rest

    def problems(self, rel: str, line: int, where: str, url: str) -> list[str]:
        at = f"{rel}:{line}: {where}"
        if not url:
            return [f"{at}: empty URL"]
        absolute = urljoin(self.url_of(rel), url)
        parts = urlsplit(absolute)
        if parts.scheme not in ("http", "https") or parts.netloc not in ("site.invalid", self.host):
            return []   # external, mailto: and the like are not checked offline
        target = self.file_for(absolute)
        if target is None:
            return [f"{at}: {url} points outside the site's base path {self.base}"]
        if not (self.folder / target).is_file():
            return [f"{at}: {url} is broken (no file {target})"]
        fragment = unquote(parts.fragment)
        if fragment and target.endswith(".html") and not fragment.startswith(":~:") and fragment != "top":
            if fragment not in self.page(target).targets:
                return [f"{at}: {url}: {target} has no element with id \"{fragment}\""]
        return []

    def check(self) -> tuple[list[str], int]:
        problems: list[str] = []
        count = 0
        for file in sorted(self.folder.rglob("*")):
            rel = file.relative_to(self.folder).as_posix()
            if file.suffix == ".html":
                for line, where, url in self.page(rel).urls:
                    count += 1
                    problems += self.problems(rel, line, where, url)
            elif file.suffix == ".md":
                # The annotated Markdown is published too: its links must work where it is served.
                for number, text in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
                    for match in MD_LINK.finditer(text):
                        count += 1
                        url = match.group(1)
                        if INTERNAL_SCHEME.match(url):
                            problems.append(f"{rel}:{number}: link {url} was never resolved to a URL")
                        else:
                            problems += self.problems(rel, number, "markdown link", url)
            elif file.suffix == ".css":
                for number, text in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
                    for match in CSS_URL.finditer(text):
                        if not match.group(2).startswith("data:"):
                            count += 1
                            problems += self.problems(rel, number, "url()", match.group(2))
        return problems, count


def test_every_internal_link_and_fragment_of_the_default_dossier_resolves(default_site: Path) -> None:
    problems, count = Site(default_site).check()
    assert count > 100, f"only {count} links found: is the site built?"
    assert not problems, f"{len(problems)} broken internal link(s):\n" + "\n".join(problems)


def test_the_checker_finds_broken_links_and_fragments(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/">ok</a><a href="/a/#x">ok</a><a href="b/">broken</a>'
                                         '<a href="#nope">bad fragment</a><img src="../../up.png">')
    (tmp_path / "a" / "index.html").write_text('<p id="x"><a href="../#nope">bad</a> <a href="..">ok</a></p>')
    problems, count = Site(tmp_path).check()
    assert count == 7
    assert [p.split(": ", 2)[2].split(" ")[0].rstrip(":") for p in problems] == \
        ["../#nope", "b/", "#nope", "../../up.png"]
