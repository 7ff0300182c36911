"""Reading web archives (.warc, .warc.gz): every HTML response record, with its own bytes as evidence.

warcio is imported here only, so normal builds never pay for it.
"""

from __future__ import annotations

import io
import re
from contextlib import redirect_stderr
from pathlib import Path
from typing import Any

from .fetch import HTML_TYPES
from ...core.common.records import frozen


# The most a captured page may be, decompressed (a browser's single-file save inlines its pictures: tens of MB);
# a 400 KB .html.gz that decompressed to 200 MB took 900 MB of memory before anything said no (review 61)
PAGE_LIMIT = 100 << 20
ARCHIVE_LIMIT = 300 << 20  # all the pages of one archive (six records of 90 MB took 760 MB at once, review 66)


class ArchiveError(Exception):
    """An archive that cannot be read; the message is one line in an editor's words."""


@frozen
class Record:
    """One HTML response of an archive. Invariant: `raw` is the record exactly as stored in the archive (for a
    .warc.gz, its own gzip member, itself a valid one-record archive); `body` is the decoded HTTP payload."""

    raw: bytes
    gzipped: bool
    url: str
    date: str           # WARC-Date: when it was fetched
    record_id: str
    offset: int
    status: int
    content_type: str
    body: bytes
    damaged: bool = False   # the record is cut short: the archive ends in the middle of it
    number: int = 0         # its place among all the archive's records (warcinfo, requests, …), from 1


def html_records(path: Path) -> list[Record]:
    """The HTML responses stored in the archive at `path`, in archive order."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with open(path, "rb") as handle:
        gzipped = handle.read(2) == b"\x1f\x8b"
        handle.seek(0)
        try:
            records = ArchiveIterator(handle)
            with redirect_stderr(io.StringIO()):  # (warcio prints its own warnings about malformed records)
                found = _responses(records)
            if records.err_count and not found:
                raise ArchiveError(f"{path.name} is not a readable web archive (its records are malformed)")
        except (ArchiveLoadFailed, ValueError, OSError, EOFError) as exc:
            first = (str(exc).splitlines() or [type(exc).__name__])[0][:80]
            raise ArchiveError(f"{path.name} is not a readable web archive ({first})") from None
        out = []
        for offset, length, url, date, record_id, status, ctype, body, number in found:
            handle.seek(offset)  # the record's own bytes, as stored: the evidence
            raw, damaged = (handle.read(length), False) if gzipped else _whole_record(handle, offset)
            out.append(Record(raw, gzipped, url, date, record_id, offset, status, ctype, body,
                              _cut_short(raw) if gzipped else damaged, number))
    return out


def _whole_record(handle: Any, offset: int) -> tuple[bytes, bool]:
    """(the record at `offset` of an uncompressed archive, whether it is cut short): its header, the block its
    Content-Length declares and the blank line that ends it (warcio's record length leaves that out, so that
    the evidence alone was no valid archive), as far as the file holds them; cut short when the file ends
    before the block does (warcio reads what there is, silently)."""
    handle.seek(offset)
    head = b""
    while b"\r\n\r\n" not in head:
        more = handle.read(4096)
        if not more:
            return head, True
        head += more
    end = head.index(b"\r\n\r\n") + 4
    declared = re.search(rb"(?im)^content-length:[ \t]*([0-9]+)[ \t]*\r?$", head[:end])
    if declared is None:
        return head[:end], True
    handle.seek(offset + end)
    block = handle.read(int(declared.group(1)))
    trailer = handle.read(4)
    return head[:end] + block + (trailer if trailer == b"\r\n\r\n" else b""), len(block) < int(declared.group(1))


def _responses(records: Any) -> list[list[Any]]:
    """Each HTML response the iterator reads: [offset, length, url, date, record id, status, type, body, its
    place among all the records]."""
    found: list[list[Any]] = []
    total = 0
    for number, record in enumerate(records, 1):
        if record.rec_type != "response" or record.http_headers is None:
            continue
        ctype = record.http_headers.get_header("Content-Type") or ""
        if ctype.split(";")[0].strip().lower() not in HTML_TYPES:
            continue
        code = (record.http_headers.get_statuscode() or "0")[:3]
        body = record.content_stream().read(PAGE_LIMIT + 1)
        total += len(body)
        if len(body) > PAGE_LIMIT or total > ARCHIVE_LIMIT:  # (a few compressed MB can decompress to GBs)
            what = f"is over the {PAGE_LIMIT >> 20} MB a page may be" if len(body) > PAGE_LIMIT else \
                f"brings the archive's pages over the {ARCHIVE_LIMIT >> 20} MB they may be together"
            raise ArchiveError(f"record {number} ({record.rec_headers.get_header('WARC-Target-URI') or 'no address'})"
                               f" {what}, decompressed; nothing read")
        headers = record.rec_headers
        found.append([records.get_record_offset(), 0, headers.get_header("WARC-Target-URI") or "",
                      headers.get_header("WARC-Date") or "", headers.get_header("WARC-Record-ID") or "",
                      int(code) if code.isdigit() else 0, ctype, body, number])
        records.read_to_end(record)
        found[-1][1] = records.get_record_length()
    return found


def _cut_short(member: bytes) -> bool:
    """Whether a gzip member ends before its end-of-stream marker (warcio reads what there is, silently); read
    a piece at a time, no further than twice PAGE_LIMIT (a member of 3 MB held gigabytes of blank lines)."""
    import zlib

    unzip = zlib.decompressobj(16 + zlib.MAX_WBITS)
    data, out = member, 0
    try:
        while data and not unzip.eof:
            out += len(unzip.decompress(data, 1 << 20))
            data = unzip.unconsumed_tail
            if out > 2 * PAGE_LIMIT:
                raise ArchiveError(f"a record is over the {PAGE_LIMIT >> 20} MB a page may be, decompressed")
    except zlib.error:
        return True
    return not unzip.eof
