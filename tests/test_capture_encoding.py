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


def test_a_page_saved_as_utf16_is_text_not_binary(tmp_path) -> None:
    """Its NUL bytes are no sign of a binary file when it starts with a UTF-16 byte-order mark."""
    from dossier.shell.capture.extract import ExtractError
    from dossier.shell.capture.sources import from_saved
    import pytest

    saved = tmp_path / "page.html"
    saved.write_bytes(PAGE.format("utf-16").encode("utf-16"))
    assert from_saved(saved).body.startswith(b"\xff\xfe")
    (tmp_path / "data.html").write_bytes(b"\x00\x01\x02 not a page")
    with pytest.raises(ExtractError, match="binary"):
        from_saved(tmp_path / "data.html")



def test_an_undeclared_page_that_is_utf8_but_for_a_stray_byte_keeps_its_utf8() -> None:
    """Read as a whole in the detector's guess, every curly quote and dash of it was garbled."""
    page = '<title>L’envoyé — Rafah</title><p>C’est l’été, dit-il\x92</p>'.encode().replace(b"\xc2\x92", b"\x92")
    text, encoding = decode_html(page)
    assert text == "<title>L’envoyé — Rafah</title><p>C’est l’été, dit-il’</p>"
    assert encoding == "utf-8 (but for 1 byte read as windows-1252)"


def test_mostly_utf8_tells_a_few_stray_bytes_from_a_legacy_text() -> None:
    from dossier.shell.capture.mixed import mostly_utf8

    assert mostly_utf8("all “UTF-8”".encode()) is None                      # nothing stray
    assert mostly_utf8("Café crème".encode("cp1252")) is None                # no UTF-8 letter: legacy text
    assert mostly_utf8("é".encode() + b"\xe9\xe9") is None                    # more stray than UTF-8
    text, count, first = mostly_utf8("“a” é\nb".encode() + b"\x85\x81")      # (0x81: none in windows-1252)
    assert (text, count, first) == ("“a” é\nb…\x81", 2, [(2, 2, 0x85), (2, 3, 0x81)])


def test_a_utf8_arabic_or_cyrillic_page_declared_in_its_legacy_code_page_is_read_as_utf8() -> None:
    """Review 57: the UTF-8 reading of a page declared in a one-byte encoding was tried for Latin ones only;
    windows-1256 decodes any bytes, so a UTF-8 Arabic page declared windows-1256 was mojibake, silently."""
    for charset, words in (("windows-1256", "نتنياهو لبلينكن: سندخل رفح وحدنا"), ("koi8-r", "Переговоры в Каире"),
                           ("iso-8859-8", "נתניהו לבלינקן")):
        page = f'<meta charset="{charset}"><h1>{words}</h1>'
        assert decode_html(page.encode("utf-8")) == (page, f"utf-8 (declared {charset})")
    assert decode_html('<meta charset="shift_jis"><p>交渉</p>'.encode("shift_jis"))[1] == "shift_jis"


def test_a_hebrew_or_arabic_page_declared_latin_or_undeclared_is_read_in_the_site_languages_code_page() -> None:
    """Review 57: a windows-1255 Hebrew page declared iso-8859-1 gave "ðúðéäå", with no warning, in a dossier
    whose site.yaml says `language: he`. Read in the language's code pages (as --import reads seeds) when that
    gives its words; a Western page stays windows-1252, and a site of another language is not affected."""
    hebrew = "<meta charset=iso-8859-1><h1>נתניהו לבלינקן: ניכנס לרפיח גם לבד</h1><p>ראש הממשלה אמר</p>"
    text, encoding = decode_html(hebrew.encode("cp1255"), language="he")
    assert text == hebrew and encoding == "cp1255 (declared iso-8859-1; read in the site's language)"
    assert decode_html(hebrew.encode("cp1255"))[1] == "windows-1252 (declared iso-8859-1)"  # (no language given)
    arabic = "<h1>نتنياهو لبلينكن: سندخل رفح وحدنا</h1><p>قال رئيس الوزراء</p>"
    assert decode_html(arabic.encode("cp1256"), language="ar") == (arabic, "cp1256 (the site's language)")
    western = "<meta charset=iso-8859-1><p>Café owners in Zürich protest, “again”</p>"
    assert decode_html(western.encode("cp1252"), language="he") == (western, "windows-1252 (declared iso-8859-1)")


def test_an_articles_table_is_kept_as_plain_lines_of_cells() -> None:
    """Review 57: a table of figures in an article (aid trucks a day, by month) was left out of the seed without
    a word; those are the figures a comparison quotes. Kept, each row a line of its cells."""
    from dossier.shell.capture.extract import table_rows

    text = ("Intro.\n| Aid trucks a day |  | \n|---|---|\n| Month | Trucks | \n|:--|--:|\n| January | 147 | \n"
            "|  |  |\nAfter.\n\nA line | with a pipe, as written.")
    assert table_rows(text) == ("Intro.\nAid trucks a day\nMonth | Trucks\nJanuary | 147\nAfter.\n\n"
                                "A line | with a pipe, as written.")
