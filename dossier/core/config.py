"""site.yaml → SiteConfig, the one typed configuration object (no settings dicts travel inward)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Mapping

from .errors import Problem, error
from .schema import validate
from .yamlsrc import parse_yaml

CHECK_NAMES = ("anchor-fuzzy", "links", "entities-unknown", "seed-unused", "import-stub", "undated", "outlet-unknown")


@dataclass(frozen=True)
class Rule:
    """One page-furniture rule: a compiled regex and why it exists (shown to readers in the provenance view)."""

    pattern: re.Pattern[str]
    why: str


@dataclass(frozen=True)
class SiteConfig:
    """The dossier's configuration. Invariant: base_path starts and ends with "/"; regexes compile."""

    title: str
    description: str = ""
    language: str = "en"
    base_path: str = "/"        # path part of base_url, used for every internal link
    origin: str = ""            # scheme://host of base_url, "" when only a path was given
    author: str = ""
    encoding: str = "utf-8"
    drop_lines: tuple[Rule, ...] = ()
    strip: tuple[Rule, ...] = ()
    drop_caption_echoes: bool = True
    checks: tuple[tuple[str, str], ...] = ()
    fuzzy_floor: float = 85.0

    def level(self, check: str, default: str = "error") -> str:
        return dict(self.checks).get(check, default)

    @property
    def base_url(self) -> str:
        return self.origin + self.base_path


def split_base_url(url: str) -> tuple[str, str]:
    """("https://example.org", "/dossier/") from any spelling of a base URL or path."""
    match = re.match(r"^(https?://[^/]+)(.*)$", url.strip())
    origin, path = (match.group(1), match.group(2)) if match else ("", url.strip())
    path = "/" + path.strip("/") + "/" if path.strip("/") else "/"
    return origin, path


def parse_site(file: str, text: str, schema: Mapping[str, Any],
               base_url_override: str | None = None) -> tuple[SiteConfig | None, tuple[Problem, ...]]:
    loaded, problems = parse_yaml(file, text)
    if loaded is None:
        return None, problems
    if not isinstance(loaded.data, dict):
        return None, (error(file, 1, 1, "site.yaml must be a mapping of settings", "start with: title: My dossier"),)
    problems = validate(loaded, dict(schema))
    if problems:
        return None, problems
    data = loaded.data
    imp = data.get("import", {})
    rules: dict[str, list[Rule]] = {"drop_lines": [], "strip": []}
    bad: list[Problem] = []
    for kind in rules:
        for i, item in enumerate(imp.get(kind, [])):
            try:
                rules[kind].append(Rule(re.compile(item["pattern"]), item["why"]))
            except re.error as exc:
                line, col = loaded.at(("import", kind, i, "pattern"))
                bad.append(error(file, line, col, f"invalid regular expression: {exc}",
                                 "escape special characters such as ( ) [ ] . * + ? with a backslash"))
    checks = data.get("checks", {})
    for name in sorted(checks):
        if name not in CHECK_NAMES:
            line, col = loaded.key_at(("checks", name))
            from .errors import did_you_mean
            bad.append(error(file, line, col, f'unknown check "{name}"',
                             did_you_mean(name, CHECK_NAMES) or "checks: " + ", ".join(CHECK_NAMES)))
    if bad:
        return None, tuple(bad)
    origin, path = split_base_url(base_url_override if base_url_override is not None else data.get("base_url", "/"))
    return SiteConfig(
        title=data["title"], description=data.get("description", ""), language=data.get("language", "en"),
        base_path=path, origin=origin, author=data.get("author", ""),
        encoding=imp.get("encoding", "utf-8"), drop_lines=tuple(rules["drop_lines"]), strip=tuple(rules["strip"]),
        drop_caption_echoes=imp.get("drop_caption_echoes", True),
        checks=tuple(sorted(checks.items())), fuzzy_floor=float(data.get("fuzzy_floor", 85.0)),
    ), ()
