"""Test helpers: strict well-formedness check and visible text of HTML fragments (stdlib only)."""

from __future__ import annotations

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOCK = {"p", "div", "section", "ol", "ul", "li", "h1", "h2", "h3", "table", "blockquote", "details", "aside"}


class _Checker(HTMLParser):
    def __init__(self, skip_classes: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.errors: list[str] = []
        self.text: list[str] = []
        self.skip_classes = skip_classes
        self.ids: list[str] = []

    def _skipping(self) -> bool:
        return any(skip for _, skip in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag in VOID:
            return
        if tag in BLOCK and any(t in ("p", "span", "a", "h1") for t, _ in self.stack):
            self.errors.append(f"<{tag}> inside phrasing content {[t for t, _ in self.stack]}")
        if tag == "a" and any(t == "a" for t, _ in self.stack):
            self.errors.append("nested <a>")
        classes = set((attrs.get("class") or "").split())
        self.stack.append((tag, bool(classes & self.skip_classes) or tag == "section"))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> does not close {self.stack[-1][0] if self.stack else 'anything'}")
            return
        self.stack.pop()

    def handle_data(self, data):
        if not self._skipping():
            self.text.append(data)


def check(html: str, skip_classes: set[str] = frozenset({"sn", "badge", "bw"})) -> tuple[list[str], str, list[str]]:
    """(well-formedness errors, visible text without notes/badges/endnotes, ids in order)."""
    checker = _Checker(set(skip_classes))
    checker.feed(html)
    checker.close()
    if checker.stack:
        checker.errors.append(f"unclosed: {checker.stack}")
    return checker.errors, "".join(checker.text), checker.ids
