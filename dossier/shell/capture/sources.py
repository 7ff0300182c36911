"""Turning each SOURCE argument of `--add` into pages to capture: URLs, saved pages, web archives, folders."""

from __future__ import annotations

import gzip
import io
import hashlib
from dataclasses import field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

from .fetch import fetch
from .warc import PAGE_LIMIT, html_records
from ...core.common.controls import visible_name
from ...core.common.records import frozen

PAGE_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
ARCHIVE_SUFFIXES = (".warc", ".warc.gz")


@frozen
class Page:
    """One page to capture. Invariant: `evidence` is exactly the bytes received (the HTTP body, the saved
    file, or the archive's record) and `body` the HTML inside them; `provenance` is JSON-ready."""

    label: str
    body: bytes
    content_type: str
    url: str                       # where it was read (final URL after redirects; "" for a saved page)
    evidence: bytes
    evidence_suffix: str
    provenance: dict[str, Any] = field(default_factory=dict)

    @property
    def shown(self) -> str:
        """The label as printed: a file name's line feed or tab (a saved page's, an archive's) made visible too."""
        return visible_name(self.label)

    @property
    def raw_sha256(self) -> str:
        return hashlib.sha256(self.evidence).hexdigest()


def now_utc() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def from_url(url: str) -> Page:
    fetched_at = now_utc()
    got = fetch(url)
    return Page(url, got.body, got.content_type, got.final_url, got.body, ".html", {
        "source": url, "url": url, "final_url": got.final_url,
        "redirects": [{"status": s, "location": loc} for s, loc in got.redirects],
        "fetched_at": fetched_at, "http_status": got.status, "content_type": got.content_type})


def from_saved(path: Path) -> Page:
    from .extract import ExtractError

    if path.stat().st_size > PAGE_LIMIT:
        raise ExtractError(f"too large: over the {PAGE_LIMIT >> 20} MB a page may be")
    data = path.read_bytes()
    body = _decompressed(data) if path.name.lower().endswith(".gz") else data
    if not body.strip():
        raise ExtractError("the file is empty")
    utf16 = body.startswith((b"\xff\xfe", b"\xfe\xff"))  # (a page saved as UTF-16 has NULs: it is text)
    if body.startswith(b"%PDF-") or (b"\0" in body[:1024] and not utf16):  # (else: "no article text found")
        raise ExtractError("a PDF, not a web page" if body.startswith(b"%PDF-") else "not a web page (binary data)")
    suffix = ".html.gz" if path.name.lower().endswith(".gz") else ".html"
    saved = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc).replace(microsecond=0)
    return Page(str(path), body, "text/html", "", data, suffix, {
        "source": str(path), "url": None, "final_url": None, "redirects": [],
        "fetched_at": None, "file_modified_at": saved.isoformat().replace("+00:00", "Z"),
        "http_status": None, "content_type": "text/html (a saved file; the server's headers are not known)"})


def _decompressed(data: bytes) -> bytes:
    """A .html.gz's page, read no further than PAGE_LIMIT: a few compressed megabytes can be gigabytes."""
    from .extract import ExtractError

    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as unzipped:
            body = unzipped.read(PAGE_LIMIT + 1)
    except (OSError, EOFError) as exc:
        raise ExtractError(f"not a readable .gz file ({exc})") from None
    if len(body) > PAGE_LIMIT:
        raise ExtractError(f"too large: over the {PAGE_LIMIT >> 20} MB a page may be, decompressed")
    return body


def from_archive(path: Path) -> Iterator[Page]:
    for rec in html_records(path):
        yield Page(f"{path} record {rec.number} ({rec.url})", rec.body, rec.content_type, rec.url, rec.raw,
                   ".warc.gz" if rec.gzipped else ".warc", {
                       "source": str(path), "url": rec.url, "final_url": rec.url, "redirects": [],
                       "fetched_at": rec.date, "http_status": rec.status, "content_type": rec.content_type,
                       "warc": {"file": path.name, "record_id": rec.record_id, "offset": rec.offset},
                       **({"damaged": True} if rec.damaged else {})})


def kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(ARCHIVE_SUFFIXES):
        return "archive"
    if name.endswith(PAGE_SUFFIXES):
        return "page"
    return ""


def expand(source: str) -> tuple[list[str], list[str], list[str]]:
    """(SOURCE items to capture, errors, notes) for one argument, each error and note one line: a folder
    becomes its pages and archives (sorted, recursively; other files are noted as skipped); a URL or a file
    stays itself."""
    if source.startswith(("http://", "https://")):
        return [source], [], []
    path = Path(source)
    if path.is_dir():
        companions = _companions(path)
        files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".") and
                       not any(folder in companions for folder in p.parents))
        items = [str(p) for p in files if kind(p)]
        skipped = [f"{folder}: skipped: the files a browser saved with {page.name} (its pictures, styles and "
                   f"frames), not pages of their own" for folder, page in sorted(companions.items())]
        skipped += [f"{p}: skipped: not a .html, .htm, .warc or .warc.gz file{_text_hint(p)}" for p in files
                    if not kind(p)]
        if not items:
            return [], [f"{source}: no saved pages or web archives in this folder"], skipped
        return items, [], skipped
    if not path.exists():
        return [], [f"{source}: no such file or folder (a web address starts with http:// or https://)"], []
    if not kind(path):
        return [], [f"{source}: not a web address, a saved page (.html, .htm) or a web archive (.warc, .warc.gz)"
                    + _text_hint(path)], []
    return [source], [], []


def _text_hint(path: Path) -> str:
    """For a plain text file (an article's text, copied), the command that takes it: --import (review 116)."""
    if path.suffix.lower() not in (".txt", ".text", ".md"):
        return ""
    return "\n    hint: an article's plain text is imported: copy it into seeds/ and run python build.py --import"


def _companions(folder: Path) -> dict[Path, Path]:
    """The folders a browser's "Web page, complete" wrote beside a saved page (Name.html and Name_files/, which
    holds its pictures, styles, scripts and the documents of its frames: a tweet's or an ad's, never the
    article), each with its page, anywhere under `folder`."""
    found: dict[Path, Path] = {}
    for sub in folder.rglob("*_files"):
        stem = sub.name[:-len("_files")]
        page = next((sub.with_name(stem + ext) for ext in (".html", ".htm") if sub.with_name(stem + ext).is_file()),
                    None)
        if sub.is_dir() and page is not None:
            found[sub] = page
    return found


def pages(item: str) -> Iterator[Page]:
    """The pages of one item (a URL, a saved page or an archive). Raises FetchError/ArchiveError/OSError."""
    if item.startswith(("http://", "https://")):
        yield from_url(item)
    elif kind(Path(item)) == "archive":
        yield from from_archive(Path(item))
    else:
        yield from_saved(Path(item))
