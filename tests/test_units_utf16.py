"""Is a file saved as UTF-16 (dossier/core/common/utf16.py): one answer for the message and the snippet."""

from __future__ import annotations

import pytest

from dossier.core.common.utf16 import utf16_order


@pytest.mark.parametrize("data, found", [
    ("Talks".encode("utf-16-le"), ("little", False)),
    ("Talks".encode("utf-16-be"), ("big", False)),
    (b"\xff\xfe" + "x".encode("utf-16-le"), ("little", True)),
    (b"\xfe\xff", ("big", True)),
    ("plain text".encode(), None),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None),        # NULs at both places: binary
    (b"A long line of text" * 20 + b"\x00x\x00", None),    # two stray NULs in much text
])
def test_utf16_order_tells_the_order_and_the_mark(data: bytes, found: tuple[str, bool] | None) -> None:
    assert utf16_order(data) == found
