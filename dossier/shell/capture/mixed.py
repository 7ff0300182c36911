"""Text that is UTF-8 but for a few stray bytes: a Windows editor's ’ or … typed into a UTF-8 file, a page
pasted together from two sources. Read as one legacy encoding (what a detector guesses for bytes that are not
UTF-8), every curly quote and dash of such text is garbled ("‚Äú" for "“"); read as UTF-8 with each stray byte
read as windows-1252, it is what its writer saw.
"""

from __future__ import annotations

import re

_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def windows_byte(byte: bytes) -> str:
    """A byte that is not UTF-8 read as windows-1252 (as latin-1 where windows-1252 has no character)."""
    try:
        return byte.decode("cp1252")
    except UnicodeDecodeError:
        return byte.decode("latin-1")


_STRAY = re.compile("[\udc80-\udcff]")  # a byte that is not UTF-8, as Python's surrogateescape leaves it


def mostly_utf8(data: bytes) -> tuple[str, int, list[tuple[int, int, int]]] | None:
    """(text, how many stray bytes, (line, column, byte) of the first three) of UTF-8 text with a few bytes
    that are not UTF-8 (more valid UTF-8 letters beyond ASCII than stray bytes), each stray byte read as
    windows-1252; None for text that is UTF-8, or not mostly UTF-8."""
    escaped = data.decode("utf-8", "surrogateescape")
    strays = [m.start() for m in _STRAY.finditer(escaped)]
    if not strays or len(_MULTIBYTE.findall(data)) <= len(strays):
        return None
    places = [(escaped.count("\n", 0, at) + 1, at - escaped.rfind("\n", 0, at), ord(escaped[at]) - 0xDC00)
              for at in strays[:3]]
    return _STRAY.sub(lambda m: windows_byte(bytes([ord(m.group()) - 0xDC00])), escaped), len(strays), places
