"""Make a Pagefind bundle byte-for-byte reproducible.

Pagefind writes each filter's values in the order of a randomly seeded hash map, so two identical builds give
different filter files (and, through their content-derived names, a different meta file and entry). Here the
filter files are re-encoded with their values sorted, renamed from a hash of their new bytes, and the meta file
and pagefind-entry.json are updated to match. The bundle's meaning is unchanged; only the order is fixed.

Pagefind's files are gzip-compressed CBOR behind a "pagefind_dcd" signature; this module decodes the small
CBOR subset they use (arrays, maps, text and byte strings, unsigned and negative integers, simple values).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import struct
from typing import Any

SIGNATURE = b"pagefind_dcd"


class _Reader:
    def __init__(self, data: bytes, pos: int = 0) -> None:
        self.data, self.pos = data, pos

    def _arg(self, info: int) -> int:
        if info < 24:
            return info
        size = {24: 1, 25: 2, 26: 4, 27: 8}[info]
        value = int.from_bytes(self.data[self.pos:self.pos + size], "big")
        self.pos += size
        return value

    def read(self) -> Any:
        head = self.data[self.pos]
        self.pos += 1
        major, info = head >> 5, head & 31
        if major == 7:
            if info == 20:
                return False
            if info == 21:
                return True
            if info == 22:
                return None
            if info == 27:
                value = struct.unpack(">d", self.data[self.pos:self.pos + 8])[0]
                self.pos += 8
                return value
            raise ValueError(f"unsupported CBOR simple value {info}")
        n = self._arg(info)
        if major == 0:
            return n
        if major == 1:
            return -1 - n
        if major in (2, 3):
            raw = self.data[self.pos:self.pos + n]
            self.pos += n
            return bytes(raw) if major == 2 else raw.decode("utf-8")
        if major == 4:
            return [self.read() for _ in range(n)]
        if major == 5:
            return {"__map__": [(self.read(), self.read()) for _ in range(n)]}
        raise ValueError(f"unsupported CBOR major type {major}")


def _head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * size):
            return bytes([major << 5 | info]) + n.to_bytes(size, "big")
    raise ValueError("integer too large")


def encode(value: Any) -> bytes:
    if value is False:
        return b"\xf4"
    if value is True:
        return b"\xf5"
    if value is None:
        return b"\xf6"
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, float):
        return b"\xfb" + struct.pack(">d", value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(encode(v) for v in value)
    if isinstance(value, dict) and "__map__" in value:
        pairs = value["__map__"]
        return _head(5, len(pairs)) + b"".join(encode(k) + encode(v) for k, v in pairs)
    raise TypeError(type(value))


def _unpack(data: bytes) -> Any:
    raw = gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
    if not raw.startswith(SIGNATURE):
        raise ValueError("not a Pagefind data file")
    return _Reader(raw, len(SIGNATURE)).read()


def _pack(value: Any) -> bytes:
    return gzip.compress(SIGNATURE + encode(value), compresslevel=9, mtime=0)


def _name(prefix: str, data: bytes, size: int) -> str:
    return f"{prefix}_{hashlib.sha256(data).hexdigest()[:size]}"


def canonicalise(files: dict[str, bytes], bundle: str = "pagefind") -> dict[str, bytes]:
    """Return the bundle with sorted filters and names derived from the sorted bytes."""
    out = dict(files)
    entry_path = f"{bundle}/pagefind-entry.json"
    entry = json.loads(out[entry_path])
    for lang, info in sorted(entry["languages"].items()):
        meta_path = f"{bundle}/pagefind.{info['hash']}.pf_meta"
        meta = _unpack(out.pop(meta_path))
        filters = _find_filters(meta, info["hash"].split("_", 1)[0])
        renamed = []
        for filter_name, old in filters:
            data = _unpack(out.pop(f"{bundle}/filter/{old}.pf_filter"))
            data = _sort_filter(data)
            packed = _pack(data)
            new = _name(old.split("_", 1)[0], packed, len(old.split("_", 1)[1]))
            out[f"{bundle}/filter/{new}.pf_filter"] = packed
            renamed.append([filter_name, new])
        filters[:] = sorted(renamed)
        packed_meta = _pack(meta)
        new_hash = _name(info["hash"].split("_", 1)[0], packed_meta, len(info["hash"].split("_", 1)[1]))
        out[f"{bundle}/pagefind.{new_hash}.pf_meta"] = packed_meta
        info["hash"] = new_hash
    text = out[entry_path].decode("utf-8")
    for lang, info in entry["languages"].items():
        text = re.sub(rf'("{re.escape(lang)}":\{{"hash":")[^"]+"', lambda m: m.group(1) + info["hash"] + '"', text)
    out[entry_path] = text.encode("utf-8")
    return out


def _find_filters(meta: Any, language: str) -> list[list[Any]]:
    """The meta file's list of [filter name, filter file hash] pairs (the last array of such pairs); a hash begins
    with the index's `language` as Pagefind writes it ("en", "pt-br": a site in "pt-BR" had its filters found in no
    list, left in Pagefind's random order, and two builds of the same inputs differed, review 133)."""
    found = None
    hashed = re.compile(rf"^{re.escape(language)}_[0-9a-f]+$")
    for item in meta:
        if isinstance(item, list) and item and all(
                isinstance(x, list) and len(x) == 2 and all(isinstance(y, str) for y in x) for x in item):
            if all(hashed.match(x[1]) and not x[0].startswith(x[1][:3]) for x in item):
                found = item
    if found is None:
        return []
    return found


def _sort_filter(data: Any) -> Any:
    """A filter file is [name, [[value, [page numbers]], ...]]: sort the values."""
    if isinstance(data, list) and len(data) == 2 and isinstance(data[1], list):
        return [data[0], sorted(data[1], key=lambda pair: str(pair[0]))]
    return data
