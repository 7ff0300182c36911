"""Is a file saved as UTF-16 (Windows Notepad's "Unicode")? One answer for the message that says so
(load/cleaning.py) and for the snippet that shows the file's line (snippet.py). Pure.
"""

from __future__ import annotations


def utf16_order(data: bytes) -> tuple[str, bool] | None:
    """("little" or "big", whether it begins with a byte-order mark) for a file saved as UTF-16, else None: a
    byte-order mark, or (without one) NULs in its start all at odd places or all at even ones, as a text in
    UTF-16 has them (every letter of ASCII, every space of Russian or Greek text), where a binary file has them
    anywhere, at least one in twenty letters (a few stray NULs are no text); and that start decodes as UTF-16."""
    for mark, order in ((b"\xff\xfe", "little"), (b"\xfe\xff", "big")):
        if data.startswith(mark):
            return order, True
    head = data[:min(len(data), 4096) // 2 * 2]
    odd, even = head[1::2].count(0), head[0::2].count(0)
    enough = max(2, len(head) // 40)
    for zeros, others, order in ((odd, even, "little"), (even, odd, "big")):
        if zeros >= enough and not others and _decodes(head, f"utf-16-{order[0]}e"):
            return order, False
    return None


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError as exc:
        return exc.start >= len(data) - 2  # (a surrogate pair cut at the end of the start: still UTF-16)
    return True
