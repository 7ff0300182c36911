"""The encoding of a captured page, read as browsers read it (dossier/shell/capture/extract.py `decode_html`)."""

from __future__ import annotations

from dossier.shell.capture.extract import decode_html

PAGE = '<html><head><meta charset="{}"><title>L’envoyé — Rafah</title></head><body><p>C’est l’été…</p></body></html>'


def test_a_page_declared_iso_8859_1_is_read_as_windows_1252_keeping_its_quotes_and_dashes() -> None:
    """Latin-1 has control codes where windows-1252 has ’ “ ” — …; they were dropped from the text ("Cest lété")."""
    text, encoding = decode_html(PAGE.format("iso-8859-1").encode("cp1252"))
    assert "C’est l’été…" in text and "L’envoyé — Rafah" in text
    assert encoding == "windows-1252 (declared iso-8859-1)"
    assert decode_html(b"<p>x</p>", "text/html; charset=US-ASCII")[1] == "windows-1252 (declared us-ascii)"
    assert decode_html(b"<meta charset=latin1><p>\x81</p>")[0] == "<meta charset=latin1><p>\x81</p>"  # (undefined)


def test_a_page_declared_in_a_one_byte_encoding_but_written_in_utf8_is_read_as_utf8() -> None:
    text, encoding = decode_html(PAGE.format("iso-8859-1").encode("utf-8"))
    assert "C’est l’été…" in text and encoding == "utf-8 (declared iso-8859-1)"


def test_other_declared_encodings_are_read_as_declared() -> None:
    page = '<meta charset="windows-1251"><p>Переговоры</p>'
    assert decode_html(page.encode("cp1251")) == (page, "windows-1251")
