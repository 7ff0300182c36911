"""site.yaml → SiteConfig, the one typed configuration object (no settings dicts travel inward)."""

from __future__ import annotations

import codecs
import re
import sys
from typing import Any, Callable, Mapping

from ..common.errors import Problem, did_you_mean, error, warning
from .language import Direction, text_direction, unknown_language
from .slow_regex import MAX_LENGTH, MAX_WEIGHT, repeats_a_repetition, weight
from .schema import SchemaCheck, check_shape
from .yamlsrc import Loaded, parse_yaml
from ..common.records import frozen

CHECK_NAMES = ("anchor-fuzzy", "anchor-mid-word", "anchor-context", "links", "entities-unknown", "seed-empty",
               "seed-unused", "undated", "outlet-unknown", "template-unused", "placeholder", "yaml-item-in-text",
               "yaml-comment-in-text", "alias-lower-case", "tag-typo", "figure-unit", "site-language",
               "role-of-unknown", "figure-value", "file-empty", "file-ignored", "seed-binary")
# Checks `checks:` sets the level of the warnings of only: their code is an error where what the file holds is
# lost (an empty article file, an article file named .yml or put in the wrong folder, an article's seed that is
# no text, an empty seed leaving annotations unanchored), and `file-ignored: ignore`, written for a notes.txt kept
# in content/articles/, must not hide that
WARNINGS_ONLY = ("file-empty", "file-ignored", "seed-binary", "seed-empty")


@frozen
class Rule:
    """One page-furniture rule: a compiled regex and why it exists (shown to readers in the provenance view)."""

    pattern: re.Pattern[str]
    why: str
    kind: str = ""               # "drop_lines" or "strip": where site.yaml writes it
    at: tuple[int, int] = (0, 0)  # the pattern's line and column in site.yaml


@frozen
class SiteConfig:
    """The dossier's configuration. Invariant: base_path starts and ends with "/"; regexes compile."""

    title: str
    description: str = ""
    language: str = "en"
    language_at: tuple[int, int] = (0, 0)      # where `language:`'s value is written ((0, 0): it is not)
    base_path: str = "/"        # path part of base_url, used for every internal link
    origin: str = ""            # scheme://host of base_url, "" when only a path was given
    author: str = ""
    encoding: str = "utf-8"
    encoding_at: tuple[int, int] = (0, 0)      # where `import: encoding:`'s value is written ((0, 0): it is not)
    drop_lines: tuple[Rule, ...] = ()
    strip: tuple[Rule, ...] = ()
    drop_caption_echoes: bool = True
    checks: tuple[tuple[str, str], ...] = ()
    fuzzy_floor: float = 85.0
    search_part_pages: int = 0                 # pages per part of the search index; 0: by the site's size
                                               # (shell/search_parts.py)
    description_at: tuple[int, int] = (0, 0)   # where `description:` is written, and as written (Markdown
    description_raw: str = ""                  # links in it are reported at their own line)

    def level(self, check: str, default: str = "error") -> str:
        """The level `checks:` gives `check`, else `default` (the problem's own); an error of a check it sets for
        its warnings only (WARNINGS_ONLY) stays one."""
        if default == "error" and check in WARNINGS_ONLY:
            return default
        return dict(self.checks).get(check, default)

    @property
    def direction(self) -> Direction:
        """The text direction of `language` ("rtl" for Hebrew, Arabic, Persian…): the site's layout follows it."""
        return text_direction(self.language)

    @property
    def base_url(self) -> str:
        return self.origin + self.base_path


def split_base_url(url: str) -> tuple[str, str]:
    """("https://example.org", "/dossier/") from any spelling of a base URL or path (the scheme and the host in
    lower case, as browsers compare them)."""
    origin, path = _split(url)
    return _ascii_origin(origin), path


def _split(url: str) -> tuple[str, str]:
    """`split_base_url`, its host as written."""
    match = re.match(r"^(https?://[^/]+)(.*)$", url.strip(), re.I)
    origin, path = (match.group(1).lower(), match.group(2)) if match else ("", url.strip())
    return origin, "/" + path.strip("/") + "/" if path.strip("/") else "/"


# Characters IDNA 2003 maps to others (ß to ss, ς to σ, the joiners to nothing) where browsers keep them: a host
# holding one names two domains
_DEVIATIONS = frozenset("\u00df\u03c2\u200c\u200d")


def _ascii_origin(origin: str) -> str:
    """An origin whose host is written in another script, in the ASCII form of its host (IDNA: "https://bücher.de"
    → "https://xn--bcher-kva.de"), which a sitemap's and a feed's addresses must have (review 67); as it is when
    it has no such form (base_url_problem says what is wrong with it)."""
    if origin.isascii():
        return origin
    scheme, _, host = origin.partition("://")
    name, colon, port = host.partition(":")
    try:
        return f"{scheme}://{name.encode('idna').decode('ascii')}{colon}{port}"
    except UnicodeError:
        return origin


_PATH_CHARS = re.compile(r"^[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$")  # what an address path may hold (RFC 3986)
# What a host may be: a name of letters (any script), digits, "-", "_" and ".", or an IPv6 address in brackets,
# with an optional port of any digits (its range is _port_problem's to say: review 173, ":070000" was no host)
_HOST = re.compile(r"^(?:[^\W][\w.-]*|\[[0-9A-Fa-f:.]+\])(?::[0-9]+)?$")


def _percent(char: str) -> str:
    return "".join(f"%{b:02X}" for b in char.encode("utf-8"))


def base_url_problem(url: str) -> str | None:
    """Why `url` cannot be where a site is served (in words), or None. Allowed: a path (/dossier/) or an
    http(s) address (https://example.org/dossier/); every internal link of the site starts with its path."""
    text = url.strip()
    slips = re.match(r"^(https?)(?::/{3,}|:/?|/{2,})(?=[^/\s])", text, re.I)  # https//x, https:/x, https:///x
    if slips and not re.match(r"^https?://[^/\s]", text, re.I):
        return f'its scheme is not written "{slips.group(1)}://": write "{slips.group(1).lower()}://{text[slips.end():]}"'
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", text) and not re.match(r"^https?://[^/\s]+", text, re.I):
        return "it is neither a path nor an http(s) address"
    # "example.org/dossier/" or "//example.org/x/" (not a file name such as "index.html")
    host = re.match(r"^(?://)?((?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,})(?::[0-9]+)?(?:/|$)", text)
    if host and (text.startswith("//") or not re.match(r"^[^.]+\.(html?|xml|json|php)$", host.group(1))):
        return (f'it reads as the address of a host without its scheme, so every link would start with '
                f'"/{host.group(1)}/": write "https://{text.lstrip("/")}"' +
                (f', or "/{text}" if it is a folder' if not text.startswith("/") else ""))
    origin, path = _split(text)
    host = origin.partition("://")[2]
    deviating = sorted(set(host) & _DEVIATIONS)
    if deviating:  # (review 70)
        return (f'its host "{host}" holds {", ".join(repr(c) for c in deviating)}, which browsers and older tools '
                f'turn into different addresses ("faß.de" is xn--fa-hia.de to a browser, fass.de to IDNA 2003): '
                f'write the host in its ASCII form (xn--…), as the registrar gives it')
    if origin and not _HOST.match(host):
        return (f'its host "{host}" is not the name of one (letters, digits, "-" and "." with an optional ":port")'
                + (": it holds a space" if re.search(r"\s", host) else ""))
    odd = sorted({c for c in path if not _PATH_CHARS.match(c)})
    if odd:
        return (f"its path holds {', '.join(repr(c) if c != ' ' else 'a space' for c in odd)}, which an address "
                f"path cannot hold as it is" + (f" (write {_percent(odd[0])} for {odd[0]!r})" if odd[0].isalnum()
                                                else ""))
    # (a dot percent-encoded is one to browsers: "%2e%2e" and ".%2E" are "..", review 163)
    dotted = [(part, _DOT.sub(".", part)) for part in path.split("/") if _DOT.sub(".", part) in (".", "..")]
    if dotted and dotted[0][0] != dotted[0][1]:
        return f'its path has a "{dotted[0][0]}" part, which browsers read as "{dotted[0][1]}" and resolve away'
    if dotted:
        return 'its path has a "." or ".." part, which browsers resolve away'
    return _port_problem(host)


_DOT = re.compile("%2e", re.I)


def _port_problem(host: str) -> str | None:
    """Why the port of `host` (a base URL's, "example.org:8080") is none an address may have, or None."""
    port = re.search(r":([0-9]+)$", host)
    if port and int(port.group(1)) > 65535:  # (the last there is: browsers refuse an address with a larger one)
        return f"its port {port.group(1)} is beyond 65535, the highest there is, so browsers refuse its addresses"
    if port and int(port.group(1)) == 0:  # (an address may be written with it, but no browser connects there)
        return f"its port {port.group(1)} is none a browser connects to: write the port the site is served on"
    return None


def parse_site(file: str, text: str, schema: Mapping[str, Any] | SchemaCheck,
               base_url_override: str | None = None) -> tuple[SiteConfig | None, tuple[Problem, ...]]:
    """site.yaml → SiteConfig. A wrong setting is reported and left at its default, so the rest of the
    dossier is still checked in the same run; except under `import:` (how seeds are decoded and cleaned):
    guessing there would report every quote of every article again, so the build stops at site.yaml."""
    loaded, problems = parse_yaml(file, text)
    if loaded is None:
        return None, problems
    if not isinstance(loaded.data, dict):
        return None, problems + (error(file, 1, 1, "site.yaml must be a mapping of settings",
                                       "start with: title: My dossier", "site-not-mapping"),)
    shape, spoilt = check_shape(loaded, schema if isinstance(schema, SchemaCheck) else dict(schema))
    problems += shape
    data = loaded.data

    def ok(*path: Any) -> bool:
        return not any(b[:len(path)] == path for b in spoilt)

    imp, rules, checks, more = _sections(file, loaded, ok)
    problems += more
    if not ok("import") or any(p.check in ("site-regex", "site-encoding") for p in problems):
        return None, problems
    base_url = data.get("base_url", "/") if ok("base_url") else "/"
    wrong = base_url_problem(base_url)
    if wrong:
        line, col = loaded.at(("base_url",))
        problems += (error(file, line, col, f'base_url "{base_url}" cannot be used: {wrong}',
                           "write a path such as /dossier/ or an address such as https://example.org/dossier/",
                           "site-base-url"),)
        base_url = "/"
    origin, path = split_base_url(base_url_override if base_url_override is not None else base_url)
    # (interned: the live preview keeps values while what made them is the very same objects, identity.py, and
    # a base path other than "/" would otherwise be a new string at every build, review 52)
    path = sys.intern(path)
    setting = {key: data[key] for key in data if ok(key)}
    unknown = unknown_language(file, *loaded.at(("language",)), setting["language"]) if "language" in setting else None
    problems += (unknown,) if unknown else ()
    return SiteConfig(
        title=setting.get("title", ""), description=setting.get("description", ""),
        language=setting.get("language", "en"), base_path=path, origin=origin, author=setting.get("author", ""),
        language_at=loaded.at(("language",)) if "language" in setting else (0, 0),
        encoding=imp.get("encoding", "utf-8"), drop_lines=tuple(rules["drop_lines"]), strip=tuple(rules["strip"]),
        drop_caption_echoes=imp.get("drop_caption_echoes", True),
        encoding_at=loaded.at(("import", "encoding")) if "encoding" in imp else (0, 0),
        checks=tuple(sorted((k, v) for k, v in checks.items() if k in CHECK_NAMES)),
        fuzzy_floor=float(setting.get("fuzzy_floor", 85.0)),
        search_part_pages=int(setting.get("search_part_pages", 0)),
        description_at=loaded.at(("description",)) if "description" in setting else (0, 0),
        description_raw=loaded.raw(("description",)) if "description" in setting else "",
    ), problems


def _sections(file: str, loaded: Loaded, ok: Callable[..., bool]
              ) -> tuple[Mapping[str, Any], dict[str, list[Rule]], dict[str, Any], tuple[Problem, ...]]:
    """(`import:`, its rules compiled, the `checks:` that are right, the problems of both). Every mistake of
    either is said, not only the first (review 58): their parts that are right are read even where another is
    wrong (a wrong import rule still stops the build: parse_site)."""
    data = loaded.data
    imp = data.get("import") if isinstance(data.get("import"), dict) else {}
    rules, problems = _import_rules(file, loaded, imp)
    encoding = imp.get("encoding", "utf-8")
    problems += _encoding_problems(file, loaded, encoding) if isinstance(encoding, str) else ()
    written = data["checks"] if isinstance(data.get("checks"), dict) else {}
    problems += _check_problems(file, loaded, written)
    return imp, rules, {k: v for k, v in written.items() if ok("checks", k)}, problems


def _import_rules(file: str, loaded: Loaded, imp: Mapping[str, Any]
                  ) -> tuple[dict[str, list[Rule]], tuple[Problem, ...]]:
    """`import: drop_lines:` and `strip:` as compiled rules; a pattern that is not a regular expression is a
    problem at its line."""
    problems: tuple[Problem, ...] = ()
    rules: dict[str, list[Rule]] = {"drop_lines": [], "strip": []}
    for kind in rules:
        items = imp.get(kind)
        for i, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, dict) or not isinstance(item.get("pattern"), str):
                continue  # (said by the schema)
            try:
                compiled = re.compile(item["pattern"])
                line, col = at = loaded.at(("import", kind, i, "pattern"))
                heavy = _too_heavy(item["pattern"])
                if heavy:
                    problems += (error(file, line, col, f"the pattern is too large to run: {heavy}",
                                       "repeat less, and write what a line of furniture holds: (?:a{100}){100} "
                                       "is ten thousand letters", "site-regex"),)
                    continue
                rules[kind].append(Rule(compiled, str(item.get("why", "")), kind, at))
                if repeats_a_repetition(item["pattern"]):
                    problems += (warning(file, line, col, f'the pattern "{item["pattern"]}" repeats a repetition '
                                         "(as (a+)+ does): on a line it almost matches it can run for minutes (the "
                                         "build stops it after 0.5 s, an error)", "repeat once: (a+)+ matches what a+ "
                                         r"matches, (\w+\s*)+ what [\w\s]+ matches", "site-regex-slow"),)
            except re.error as exc:
                path = ("import", kind, i, "pattern")
                line, col = loaded.at(path)
                # the caret under the character the message names, where the pattern is written as it reads
                raw = loaded.raw(path)
                if "\n" not in raw and item["pattern"] in raw:  # else (an escape, a folded line): the value's start
                    col += raw.find(item["pattern"]) + (exc.pos or 0)
                problems += (error(file, line, col, regex_message(exc), regex_hint(exc), "site-regex"),)
    return rules, problems


def _too_heavy(pattern: str) -> str:
    """Why `pattern` is too large to run (slow_regex.weight: it would take the machine's memory), or ""."""
    if len(pattern) > MAX_LENGTH:
        return f"{len(pattern):,} characters long (at most {MAX_LENGTH:,})"
    size = weight(pattern)
    return f"{size:,} items once its repeats are written out (at most {MAX_WEIGHT:,})" if size > MAX_WEIGHT else ""


def _encoding_problems(file: str, loaded: Loaded, encoding: str) -> tuple[Problem, ...]:
    try:
        codecs.lookup(encoding)
    except LookupError:
        line, col = loaded.at(("import", "encoding"))
        return (error(file, line, col, f'unknown encoding "{encoding}"',
                      did_you_mean(encoding.lower(), _ENCODINGS) or "use e.g. " + ", ".join(_ENCODINGS),
                      "site-encoding"),)
    return ()


def _check_problems(file: str, loaded: Loaded, checks: Mapping[str, Any]) -> tuple[Problem, ...]:
    """An unknown name under `checks:`, at its key."""
    problems: tuple[Problem, ...] = ()
    for name in sorted(checks):
        if name not in CHECK_NAMES:
            line, col = loaded.key_at(("checks", name))
            problems += (error(file, line, col, f'unknown check "{name}"',
                               did_you_mean(name, CHECK_NAMES) or "checks: " + ", ".join(CHECK_NAMES),
                               "site-check-unknown"),)
    return problems


_ENCODINGS = ("utf-8", "cp1252", "latin-1", "iso-8859-15", "mac-roman", "utf-16")
_ESCAPE = "escape special characters such as ( ) [ ] . * + ? with a backslash"
# Python's words for a pattern that does not compile (by how they start) → ours, and what to do
_REGEX_WORDS = (
    ("missing ), unterminated subpattern", "a ( is never closed", "close it with ), or write \\( for a bracket"),
    ("missing -, : or )", "a (? group is not finished", "close it with ), or write \\( for a bracket"),
    ("missing )", "a ( is never closed", "close it with ), or write \\( for a bracket"),
    ("unbalanced parenthesis", "a ) has no ( before it", "remove it, or write \\) for a bracket"),
    ("unterminated character set", "a [ is never closed", "close it with ], or write \\[ for a bracket"),
    ("nothing to repeat", "*, + or ? has nothing before it to repeat", "write \\* \\+ \\? for the sign itself"),
    ("multiple repeat", "two repeat signs (*, +, ?) in a row", "keep one, or write \\* \\+ \\? for the sign"),
    ("bad escape (end of pattern)", "the pattern ends with a lone backslash", "write \\\\ for a backslash"),
    ("bad escape", "an unknown escape", "Python's regular expressions have no such escape (no \\p{…} classes "
                                        "either): write \\\\ for a backslash"),
    ("bad character range", "a range in [ ] runs backwards, or has a class such as \\w at one end",
     "write its lower end first, e.g. [a-z]; for a hyphen itself, put - last: [\\w.-]"),
    ("min repeat greater than max repeat", "a {m,n} repeat asks for more at least than at most",
     "write the smaller number first, e.g. {1,3}"),
    ("look-behind requires fixed-width pattern", "a look-behind (?<= or (?<! must match a fixed number of "
                                                 "characters", "put text of one length in it: no * + ? or {m,n}, "
                                                               "and alternatives a|bc of the same length"),
    ("redefinition of group name", "a group name is used twice", "give each (?P<name>…) a name of its own"),
    ("missing >", "a (?P<name> group's name is not closed with >", "close the name with >"),
    ("missing :", "a (? group is not finished", "close it with ), or write \\( for a bracket"),
    ("unknown extension", "an unknown (? group", "write \\( and \\? for the signs themselves"),
)


def _regex_words(exc: re.error) -> tuple[str, str]:
    text = str(exc.msg)
    return next(((words, hint) for key, words, hint in _REGEX_WORDS if text.startswith(key)),
                ("it does not compile", _ESCAPE))


def regex_message(exc: re.error) -> str:
    """A pattern that does not compile, in words, with the character where it goes wrong (1-based)."""
    at = f" (at character {exc.pos + 1})" if exc.pos is not None else ""
    return f"invalid regular expression: {_regex_words(exc)[0]}{at}"


def regex_hint(exc: re.error) -> str:
    """What to do about a pattern that does not compile (`regex_message`'s)."""
    return _regex_words(exc)[1]
