"""`python build.py --add SOURCE ...`: capture pages into seeds/, keep the evidence, write article stubs.

For each page: extract (extract.py), guess (core/capture/page_guess.py, pure), then write everything for that article
at once (seed, evidence, provenance, article stub, outlet appended to sources.yaml) or nothing. A failed
source is reported in one line and the others go on; the exit status is 1 if any failed.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping, TextIO
from urllib.parse import unquote, urlsplit

from .. import fs
from . import stubfiles
from ..terminal import visible, visible_name
from .sources import Page, expand, pages

EVIDENCE = "seeds/evidence"


@dataclass
class Dossier:
    """What --add needs to know about the dossier it adds to, updated as articles are added in one run."""

    root: Path
    taken: set[str]                          # slugs of article files and names of seeds
    sources: dict[str, tuple[str, str]]      # the outlets' files: id → (name, homepage)
    sources_broken: str                      # the outlets' file that has errors ("": none); never append then
    known_raw: dict[str, str]                # sha256 of evidence, or final URL, already kept → its seed
    language: str = ""                       # site.yaml's language: its legacy code pages are tried first
    captured: dict[str, str] = field(default_factory=dict)  # seed file → sha256 of its text as captured


def load(root: Path) -> Dossier:
    taken = {p.stem for p in (root / "content" / "articles").glob("*.yaml")}
    taken |= {p.stem for p in (root / "seeds").glob("*") if p.is_file()}
    taken |= {p.name.split(".", 1)[0] for p in (root / EVIDENCE).glob("*")}  # evidence outlives a deleted seed
    sources, broken = _outlets(root)
    known: dict[str, str] = {}
    captured: dict[str, str] = {}
    for prov in sorted((root / EVIDENCE).glob("*.provenance.json")):
        try:
            record = json.loads(prov.read_text("utf-8"))
            known[record["raw"]["sha256"]] = record["seed"]["file"]
            captured[record["seed"]["file"]] = record["seed"].get("sha256", "")
            for key in ("final_url", "article_url"):  # fetched or saved again, a page's bytes differ (ads,
                if record.get(key):                    # clocks, a comment); its address, or the one it cites, not
                    known[record[key]] = record["seed"]["file"]
        except (OSError, ValueError, KeyError, TypeError):
            continue  # an edited or broken record: it only loses duplicate detection
    return Dossier(root, taken, sources, broken, known, _language(root), captured)


def _outlets(root: Path) -> tuple[dict[str, tuple[str, str]], str]:
    """The outlets the build reads (content/sources.yaml and the YAML files of content/sources/), id → (name,
    homepage), and the first of those files that could not be read ("" when none): an outlet already defined in
    content/sources/ is no new one to append to sources.yaml. The files are those the build reads, listed as it
    lists them (tree.walk_tree: editors' junk and hidden files skipped, no link out of the dossier followed) and
    taken as loader.jobs takes them: a glob of the folder read a macOS ._wires.yaml (binary), and said the folder
    had errors while the build passed, or an outlet of a hidden .draft.yaml the build does not know (review 145)."""
    from ...core.load.load import parse_sources
    from ...core.load.loader import jobs
    from ..tree import tree_files

    listed = jobs(dict.fromkeys(tree_files(root, "content", (".yaml",)), b""))
    schema = json.loads((fs.PROJECT / "schemas" / "sources.schema.json").read_text("utf-8"))
    sources: dict[str, tuple[str, str]] = {}
    broken = ""
    for rel in (rel for step, rel in listed if step == "sources"):
        try:
            parsed, _ = parse_sources(rel, (root / rel).read_text("utf-8"), schema)
        except (OSError, UnicodeDecodeError):  # (a file the build says it cannot read: not appended beside it)
            parsed = None
        broken = broken or ("" if parsed is not None else rel)
        for s in parsed or ():
            sources.setdefault(s.id, (s.name, s.homepage))
    return sources, broken


def _language(root: Path) -> str:
    """site.yaml's `language:` ("" when it has none, or cannot be read: the page is then read as it declares)."""
    from ...core.load.yamlsrc import parse_yaml

    try:
        loaded, _ = parse_yaml("site.yaml", (root / "site.yaml").read_text("utf-8"))
    except (OSError, UnicodeDecodeError):
        return ""
    value = loaded.data.get("language") if loaded is not None and isinstance(loaded.data, dict) else None
    return value if isinstance(value, str) else ""


def guess(body: bytes, content_type: str, url: str, sources: Mapping[str, tuple[str, str]], language: str = ""
          ) -> tuple[Any, Any]:
    """(extracted text and metadata, guesses) for one page's bytes: the extraction and the pure guessing.
    `language`: the site's, whose legacy code pages a page may be in whatever it declares."""
    from ...core.capture.page_guess import guess_page
    from ...core.capture.pagemeta import read_page
    from .extract import extract

    got = extract(body, content_type, url, language)
    return got, guess_page(read_page(got.html), got.fields, url, got.text, sources, dropped=got.furniture)


def plan(page: Page, dossier: Dossier) -> tuple[dict[str, bytes], str, str, Any]:
    """Everything to write for one page: (files by path relative to the root, text to append to sources.yaml,
    the line to print, the guesses). Pure apart from running the extractor."""
    from ...core.capture.stubs import article_stub, entries_text, outlet_entry, suggest_slug
    from ...core.common.slugs import slugify

    got, g = guess(page.body, page.content_type, page.url, dossier.sources, dossier.language)
    # (a headline in another script gives no slug: its address's last part, else its date, names it then)
    stem = unquote(urlsplit(g.url.value).path.rstrip("/").rsplit("/", 1)[-1]).rsplit(".", 1)[0]
    fallback = stem if slugify(stem, "") else f"article-{g.date.value}" if g.date.value else ""
    slug = suggest_slug(fallback, g.title.value or g.outlet.name or "article", dossier.taken)
    seed = f"{slug}.txt"
    seed_bytes = g.body.text.encode("utf-8")  # (the extracted text, or the JSON-LD articleBody that holds more)
    rel = f"content/articles/{slug}.yaml"
    stub = article_stub(stubfiles.schema_ref(dossier.root, rel, "article"), seed, g.title, g.date, g.outlet, g.byline,
                        g.url, g.wire, "--add", g.language, dossier.language or "en", g.body.where)
    evidence = f"{EVIDENCE}/{slug}{page.evidence_suffix}"
    provenance = dict(page.provenance)
    provenance.update({
        "raw": {"file": evidence[len("seeds/"):], "sha256": page.raw_sha256, "bytes": len(page.evidence),
                "encoding": got.encoding},
        "seed": {"file": seed, "sha256": hashlib.sha256(seed_bytes).hexdigest(), "bytes": len(seed_bytes),
                 "text": "the JSON-LD articleBody" if g.body.where else "the extractor's main text",
                 # (the lines of page furniture left out of the extractor's text, with their line in it: review 72;
                 # or out of the JSON-LD articleBody, one paragraph a line, when the seed is that)
                 "furniture": [{"line": d.line, "what": d.kind, "text": d.text}
                               for d in (g.body.furniture if g.body.where else got.furniture)],
                 # (the extractor's line moved to the seed's top, with its line in the extractor's text: review 125)
                 "moved": [{"line": m.line, "to": 1, "what": m.kind, "text": m.text}
                           for m in (() if g.body.where else got.moved)]},
        "extractor": {"name": "trafilatura", "version": got.tools["trafilatura"]},
        "date_fallback": {"name": "htmldate", "version": got.tools["htmldate"]},
        "article": rel, "article_url": g.url.value or None})
    files = {f"seeds/{seed}": seed_bytes, evidence: page.evidence,
             f"{EVIDENCE}/{slug}.provenance.json": (json.dumps(provenance, indent=2, ensure_ascii=False) + "\n"
                                                    ).encode("utf-8"),
             rel: stub.encode("utf-8")}
    addition = entries_text([outlet_entry(g.outlet, g.url.value or page.label)]) if g.outlet.new else ""
    return files, addition, slug, g


def summary(slug: str, g: Any, site_language: str = "") -> str:
    """One line: slug, title, date, outlet, and what is uncertain (control characters made visible): the language
    too, when the stub gives one other than the site's (`site_language`) that it is not sure of."""
    from ...core.load.language import primary

    doubts = [name for name, guess in (("title", g.title), ("date", g.date), ("outlet", g.outlet.guess))
              if not guess.certain]
    if g.language.value and not g.language.certain and primary(g.language.value) != primary(site_language or "en"):
        doubts.append(f"language ({g.language.value})")
    outlet = f"{g.outlet.name} ({g.outlet.id}{', new' if g.outlet.new else ''})" if g.outlet.id else "outlet unknown"
    title = f'"{g.title.value}"' if g.title.value else "no title found (the stub names the seed: write the headline)"
    line = f'added {slug}: {title} · {g.date.value or "undated"} · {outlet}'
    line += " · text from the JSON-LD articleBody" if g.body.where else ""  # (the extractor found less: ld_body)
    return visible(line + (f" · uncertain: {', '.join(doubts)}" if doubts else ""))


def _valid_after(root: Path, block: str) -> tuple[str, str]:
    """(sources.yaml's text now, the text to append) when appending `block` keeps it valid per its schema,
    else ("", "")."""
    from ...core.load.load import parse_sources
    from ...core.capture.stubs import append_text

    path = root / "content" / "sources.yaml"
    existing = path.read_text("utf-8") if path.is_file() else ""
    text = append_text(existing, block, stubfiles.schema_ref(root, "content/sources.yaml", "sources"))
    schema = json.loads((fs.PROJECT / "schemas" / "sources.schema.json").read_text("utf-8"))
    if parse_sources("content/sources.yaml", existing + text, schema)[0] is None:
        return "", ""
    return existing, text


def append_entries(root: Path, block: str) -> str:
    """Append outlet entries to sources.yaml if the result stays valid; returns a problem line or ""."""
    entry = "\n".join("    " + line for line in block.strip("\n").split("\n"))
    outside = stubfiles.outside(root, ["content/sources.yaml"])
    if outside:
        return f"the new outlet(s) were not appended: {outside.rpartition(';')[0]}; add them by hand:\n{entry}"
    existing, text = _valid_after(root, block)
    if not text:  # (a mapping written in flow style, "{}", takes no block entry after it)
        return (f"the new outlet(s) were not appended to content/sources.yaml, which would not stay valid with "
                f"them (is it written {{…}} on one line?); add them by hand:\n{entry}")
    path = root / "content" / "sources.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8", newline="") as handle:  # append only: the editor's bytes stay
        handle.write(text)
    return ""


def _appended(root: Path, addition: str, label: str) -> Callable[[], None] | None:
    """`append_entries`, a problem said as a warning; returns what takes the entries back (None: none appended)."""
    path = root / "content" / "sources.yaml"
    size = path.stat().st_size if path.is_file() else None
    problem = append_entries(root, addition)
    if problem:
        print(visible(f"{visible_name(label)}: warning: {problem}"), file=sys.stderr)
        return None

    def take_back() -> None:
        if size is None:
            path.unlink(missing_ok=True)
        else:
            os.truncate(path, size)
    return take_back


def _seen_before(page: Page, dossier: Dossier, out: TextIO) -> bool:
    """Whether the page was added before (its bytes or its address): said, and nothing is written."""
    seen = dossier.known_raw.get(page.raw_sha256) or dossier.known_raw.get(page.url or "\0")
    if seen and not (dossier.root / "seeds" / seen).is_file():  # the editor deleted the seed, not its evidence
        stem = seen.rsplit(".", 1)[0]
        print(visible(f"{page.shown}: added before as seeds/{seen}, since deleted; its evidence is still in "
                      f"{EVIDENCE}/ ({stem}.*): delete those files to add the page again; nothing written"), file=out)
    elif seen:
        print(visible(f"{page.shown}: already added (seeds/{seen}); nothing written"), file=out)
    return bool(seen)


def _capture(page: Page, dossier: Dossier, out: TextIO, named: bool = False) -> bool:
    """Capture one page; True when it was added or was already there. `named`: its line names the page (one
    of several a source gave: a folder's, an archive's; review 72 matched 49 stubs to their pages by hand)."""
    if _seen_before(page, dossier, out):
        return True
    files, addition, slug, g = plan(page, dossier)
    same = dossier.known_raw.get(g.url.value) if g.url.value else None
    text_sha = hashlib.sha256(files[f"seeds/{slug}.txt"]).hexdigest()
    if same and dossier.captured.get(same, "") in ("", text_sha):
        # (a page saved again: other bytes, an ad or a clock, the same address and the same article)
        print(visible(f"{page.shown}: already added (seeds/{same}, the same address {g.url.value}); nothing "
                      f"written"), file=out)
        return True
    if same:  # (a page updated since, or another page of a long article that names the first as canonical)
        print(visible(f"{page.shown}: warning: the same address as seeds/{same} ({g.url.value}), but its text "
                      f"differs: kept as an article of its own, {slug}, so that both versions are evidence"),
              file=sys.stderr)
    if addition and dossier.sources_broken:
        where = "to it" if dossier.sources_broken == "content/sources.yaml" else "(it may be defined there)"
        raise CaptureError(f"{dossier.sources_broken} has errors, so the new outlet cannot be added {where}; "
                           "fix it (python build.py --check) and add again")
    outside = stubfiles.outside(dossier.root, [*files, "site.yaml", *(["content/sources.yaml"] if addition else [])])
    if outside:
        raise CaptureError(outside)
    # The outlet first, then the files, so that a sources.yaml that cannot be written leaves nothing written
    # (review 74: the seed, stub and evidence were written, "nothing was written" said, and the outlet was never
    # appended); files that cannot be written take the appended outlet back.
    appended = _appended(dossier.root, addition, page.label) if addition else None
    try:
        start_dossier(dossier.root, out)  # (when the first page is added: a failed --add leaves no site.yaml)
        stubfiles.write_new(dossier.root, files)
    except BaseException:
        if appended is not None:
            appended()
        raise
    if addition:
        dossier.sources[g.outlet.id] = (g.outlet.name, g.outlet.homepage)
    dossier.taken |= {slug}
    dossier.known_raw[page.raw_sha256] = f"{slug}.txt"
    dossier.captured[f"{slug}.txt"] = text_sha
    for address in (page.url, g.url.value):
        if address:
            dossier.known_raw[address] = f"{slug}.txt"
    print(summary(slug, g, dossier.language) + (visible(f" · from {page.shown}") if named else ""), file=out)
    from ...core.capture.thin import thin_page

    for warning in thin_page(files[f"seeds/{slug}.txt"].decode("utf-8"), g.paid):
        print(visible(f"{page.shown}: warning: {warning}"), file=sys.stderr)
    return True


def start_dossier(root: Path, out: TextIO) -> None:
    """A folder without site.yaml becomes a dossier: the smallest site.yaml (its title from the folder's name),
    so that the first `--add` is followed by a build that works. Never replaces a file."""
    try:
        with open(root / "site.yaml", "x", encoding="utf-8") as handle:
            handle.write(f"# yaml-language-server: $schema={stubfiles.schema_ref(root, 'site.yaml', 'site')}\n"
                         f"title: {json.dumps(root.resolve().name or 'My dossier', ensure_ascii=False)}\n")
    except FileExistsError:
        return
    print("wrote site.yaml (a new dossier: edit its title)", file=out)


class CaptureError(Exception):
    """One source could not be added; the message is one line in an editor's words."""


def _page_of(page: Page, dossier: Dossier, out: TextIO, err: TextIO, named: bool) -> int:
    """Capture one page of a source (`named`: its line names it, one of several the source gave); 1 when it
    failed, else 0. A record an archive cut short fails; an archive's redirect or error page is passed over."""
    from .extract import ExtractError

    if page.provenance.get("damaged"):
        print(visible(f"error: {page.shown}: the archive is cut short in the middle of this record (a download or "
                      "copy that did not finish); nothing was written for it"), file=err)
        return 1
    status = page.provenance.get("http_status")
    if isinstance(status, int) and status and not 200 <= status < 300:
        print(visible(f"warning: {page.shown}: skipped, the server answered {status}, not a page"), file=err)
        return 0
    try:
        _capture(page, dossier, out, named)
    except (ExtractError, CaptureError) as exc:
        print(visible(f"error: {page.shown}: {exc}"), file=err)
        return 1
    return 0


def run(root: Path, items: list[str], out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Add every SOURCE; returns the exit status (1 if any source failed, else 0)."""
    from .extract import ExtractError
    from .fetch import FetchError
    from .warc import ArchiveError

    dossier = load(root)
    failed = 0
    for source in items:
        expanded, errors, notes = expand(source)
        for line in notes:
            print(visible(f"warning: {line}"), file=err)
        for line in errors:
            print(visible(f"error: {line}"), file=err)
        failed += len(errors)
        for item in expanded:
            try:
                found = False
                for page in pages(item):
                    found = True  # (the page named on its line when the source gave several: a folder, an archive)
                    failed += _page_of(page, dossier, out, err,
                                       not (len(items) == 1 and len(expanded) == 1 and page.label == source))
                if not found:
                    print(visible_name(f"error: {item}: no HTML pages in this web archive"), file=err)
                    failed += 1
            except (FetchError, ArchiveError, ExtractError) as exc:
                print(visible_name(f"error: {item}: {exc}"), file=err)
                failed += 1
            except OSError as exc:
                where = f" {exc.filename}" if exc.filename else ""
                print(visible_name(f"error: {item}: cannot read or write{where}: {exc.strerror or exc}"), file=err)
                failed += 1
    if failed:
        print(f"{failed} source(s) failed; nothing was written for them", file=err)
    return 1 if failed else 0
