"""`python build.py --import` for plain-text seeds: honest guesses, encodings, outlets, and a build at once."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import run_build, write_tree
from dossier.core.load.yamlsrc import parse_yaml

SITE = """\
title: Mini dossier
import:
  drop_lines:
    - pattern: '^Accessibility links$'
      why: page furniture
    - pattern: '^Skip to content$'
      why: page furniture
"""


def stub(root: Path) -> tuple[str, dict]:
    files = sorted((root / "content/articles").glob("*.yaml"))
    assert len(files) == 1, files
    text = files[0].read_text("utf-8")
    loaded, problems = parse_yaml("stub.yaml", text)
    assert problems == () and loaded is not None
    return text, loaded.data


def test_furniture_lines_are_never_the_title_and_a_wire_credit_names_the_outlet(tmp_path: Path) -> None:
    seed = ("Accessibility links\nSkip to content\nIsrael will go into Rafah alone, Netanyahu tells Blinken\n"
            "March 22, 2024\nJERUSALEM, March 22 (Reuters) - Prime Minister Benjamin Netanyahu said on Friday.\n")
    root = write_tree(tmp_path / "d", {"site.yaml": SITE, "seeds/a.txt": seed,
                                       "content/sources.yaml": "outlet-a: {name: Outlet A}\n"})
    result = run_build(root, "--import")
    assert result.returncode == 0, result.stderr
    text, data = stub(root)
    assert data["title"] == "Israel will go into Rafah alone, Netanyahu tells Blinken"
    assert data["date"] == "2024-03-22" and data["source"] == "reuters"
    assert "# uncertain: from the dateline (line 4 of the text)" in text
    assert '# uncertain: the credit "Reuters" in the text' in text
    sources = (root / "content/sources.yaml").read_text("utf-8")
    assert sources.startswith("outlet-a: {name: Outlet A}\n") and '\nreuters:\n  name: "Reuters"\n' in sources
    assert "# Added by `python build.py --import` for seeds/a.txt" in sources
    built = run_build(root, "--no-search")
    assert built.returncode == 0, built.stdout + built.stderr


def test_with_sources_yaml_broken_an_outlet_is_left_as_a_comment_that_says_why(tmp_path: Path) -> None:
    """The stub said source: "reuters" and nothing was appended nor said: the next build's first word was
    'unknown source "reuters"', once sources.yaml was mended."""
    seed = "Israel to press on with Rafah\nJERUSALEM (Reuters) - Israel said on Friday it would go on.\n"
    root = write_tree(tmp_path / "d", {"site.yaml": SITE, "seeds/a.txt": seed,
                                       "content/sources.yaml": "ap: {name: AP\n"})
    result = run_build(root, "--import")
    assert "content/sources.yaml:1:5: error: YAML syntax error" in result.stderr
    text, data = stub(root)
    assert "source" not in data
    assert ('# source: an-outlet-id-from-content/sources.yaml  # not found: the text names "Reuters", but '
            "content/sources.yaml could not be read") in text
    assert (root / "content/sources.yaml").read_text("utf-8") == "ap: {name: AP\n"


def test_a_latin_1_seed_is_converted_with_a_warning_and_its_title_then_builds(tmp_path: Path) -> None:
    seed = "Café owners in Zürich protest new rules\nBy Zoë Müller, reuters.com\nThe café said so.\n"
    raw = seed.encode("latin-1")
    root = write_tree(tmp_path / "d", {"site.yaml": SITE, "seeds/a.txt": raw})
    result = run_build(root, "--import")
    assert result.returncode == 0, result.stderr
    assert "every seed already has an article file" not in result.stdout
    warning = [line for line in result.stderr.splitlines() if line.startswith("seeds/a.txt: warning:")]
    assert warning and "not valid UTF-8: read as" in warning[0] and "seeds/evidence/a.txt" in warning[0]
    assert (root / "seeds/evidence/a.txt").read_bytes() == raw
    assert (root / "seeds/a.txt").read_text("utf-8") == seed
    prov = json.loads((root / "seeds/evidence/a.provenance.json").read_text("utf-8"))
    assert prov["detector"]["name"] == "charset-normalizer" and prov["encoding"]
    _, data = stub(root)
    assert data["title"] == "Café owners in Zürich protest new rules"
    built = run_build(root, "--no-search")
    assert built.returncode == 0, built.stdout + built.stderr
    assert "Café owners in Zürich" in (root / "_site/index.html").read_text("utf-8")


@pytest.mark.parametrize("language, seed, encoding", [
    ("he", "Netanyahu: נעשה את זה לבד (Reuters)\nראש הממשלה אמר כי ישראל תיכנס לרפיח.\n", "cp1255"),
    ("he", "ראש הממשלה אמר כי ישראל תיכנס לרפיח\n", "iso8859_8"),
    ("ar", "قال نتنياهو إن إسرائيل ستدخل رفح وحدها\n", "iso8859_6"),
    ("ar", "Blinken: قال نتنياهو إن إسرائيل ستدخل رفح\n", "cp1256"),
])
def test_a_short_hebrew_or_arabic_legacy_seed_is_read_in_the_code_page_of_the_sites_language(
        tmp_path: Path, language: str, seed: str, encoding: str) -> None:
    """Short seeds in windows-1255, ISO-8859-8, ISO-8859-6, windows-1256 were read by the detector as windows-1258,
    Cyrillic or Thai, and the seed rewritten garbled (review 38): site.yaml's language names the code pages."""
    raw = seed.encode(encoding)
    root = write_tree(tmp_path / "d", {"site.yaml": SITE + f"language: {language}\n", "seeds/a.txt": raw})
    result = run_build(root, "--import")
    assert result.returncode == 0, result.stderr
    assert (root / "seeds/a.txt").read_text("utf-8") == seed
    assert f"the code page of the site's language ({language})" in result.stderr
    prov = json.loads((root / "seeds/evidence/a.provenance.json").read_text("utf-8"))
    assert prov["detector"] == {"name": "dossier", "rule": f"the code page of the site's language ({language})"}
    assert (root / "seeds/evidence/a.txt").read_bytes() == raw


def test_a_western_seed_in_a_hebrew_dossier_is_not_read_as_hebrew(tmp_path: Path) -> None:
    seed = "Café owners in Zürich protest new rules\nThe café said so.\n"
    root = write_tree(tmp_path / "d", {"site.yaml": SITE + "language: he\n", "seeds/a.txt": seed.encode("cp1252")})
    assert run_build(root, "--import").returncode == 0
    assert (root / "seeds/a.txt").read_text("utf-8") == seed


def test_a_utf8_seed_with_a_stray_windows_byte_keeps_its_utf8_and_reads_only_that_byte(tmp_path: Path) -> None:
    """A Windows editor's ’ typed into a UTF-8 file: the whole file was read as one legacy encoding guessed by
    the detector (mac_iceland), every curly quote and dash published garbled ("‚Äú" for "“")."""
    seed = ("Netanyahu tells Blinken Israel will act “alone”\nIsrael’s army would enter Rafah — with or without "
            "support.\nHe added that Hamas’s battalions remained\n")
    raw = seed.encode("utf-8").replace("Hamas’s".encode("utf-8"), b"Hamas\x92s")
    root = write_tree(tmp_path / "d", {"site.yaml": SITE, "seeds/a.txt": raw})
    result = run_build(root, "--import")
    assert result.returncode == 0, result.stderr
    assert (root / "seeds/a.txt").read_text("utf-8") == seed
    assert (root / "seeds/evidence/a.txt").read_bytes() == raw
    (warning,) = [line for line in result.stderr.splitlines() if line.startswith("seeds/a.txt: warning:")]
    assert "read as UTF-8 but for 1 byte read as windows-1252 (line 3, column 20: 0x92, ’)" in warning
    prov = json.loads((root / "seeds/evidence/a.provenance.json").read_text("utf-8"))
    assert prov["detector"]["name"] == "dossier"
    _, data = stub(root)
    assert data["title"] == "Netanyahu tells Blinken Israel will act “alone”"


def test_a_picture_in_seeds_is_left_as_it_is_and_said_to_be_no_text(tmp_path: Path) -> None:
    """It was converted "from cp1252" (binary data) or "of an encoding that cannot be told", and the run ended
    with "every seed already has an article file"."""
    root = write_tree(tmp_path / "d", {"site.yaml": SITE, "seeds/scan.png": b"\x89PNG\r\n\x1a\n\x00\x00",
                                       "seeds/data.bin": b"x\x00y"})
    result = run_build(root, "--import")
    assert result.returncode == 0, result.stderr
    assert "seeds/scan.png: warning: not a text file (it is a PNG image); no stub written" in result.stderr
    assert "seeds/data.bin: warning: not a text file (it is binary data); no stub written" in result.stderr
    assert result.stdout.strip() == "no stub written"
    assert not (root / "seeds/evidence").exists() and (root / "seeds/data.bin").read_bytes() == b"x\x00y"


def test_a_seed_with_nothing_to_go_on_still_gets_a_stub_that_builds_with_warnings(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "d", {"site.yaml": SITE, "seeds/a.txt": "Some words\nMore words here.\n"})
    result = run_build(root, "--import")
    assert result.returncode == 0, result.stderr
    text, data = stub(root)
    assert "date" not in data and "source" not in data
    assert "# date: YYYY-MM-DD  # not found" in text and "# source: " in text
    built = run_build(root, "--no-search")
    assert built.returncode == 0, built.stdout + built.stderr
    assert "warning: undated" in built.stderr and "warning: outlet unknown" in built.stderr
    # each said at the stub's commented line (it was said at `seed:`), with what to do there
    lines = text.splitlines()
    for key, what in (("date", "undated"), ("source", "outlet unknown")):
        number = next(i for i, line in enumerate(lines, start=1) if line.startswith(f"# {key}: "))
        assert re.search(rf'content/articles/[a-z-]+\.yaml:{number}:1: warning: {what}: "{key}:" is commented out',
                         built.stderr), built.stderr
    assert 'hint: remove the "#" and write "date: YYYY-MM-DD"' in built.stderr
    assert "# date: YYYY-MM-DD  # not found: no date in the first lines of the text" in text
    # (a byline too, as `--add` writes it: review 72)
    assert '# byline: "the author\'s name"  # not found: a plain-text seed\'s byline is not read' in text


def test_a_missing_key_written_nowhere_is_said_at_the_files_first_key(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "d", {"site.yaml": SITE, "seeds/a.txt": "Some words\nMore words here.\n",
                                       "content/articles/a.yaml": "# a note: dates later\nseed: a.txt\ntitle: A\n"})
    built = run_build(root, "--no-search")
    assert built.returncode == 0, built.stdout + built.stderr
    assert 'content/articles/a.yaml:2:1: warning: undated: the article has no "date:" key' in built.stderr
    assert 'hint: add "date: YYYY-MM-DD"' in built.stderr


def test_the_schema_header_of_a_stub_resolves_to_the_project_schema_for_any_root(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "d", {"site.yaml": SITE, "seeds/a.txt": "A headline of some words\n"})
    assert run_build(root, "--import").returncode == 0
    path = next((root / "content/articles").glob("*.yaml"))
    header = path.read_text("utf-8").splitlines()[0]
    ref = header.split("$schema=", 1)[1]
    target = (path.parent / ref).resolve() if not ref.startswith("file://") else Path(ref[len("file://"):])
    assert target.is_file() and target.name == "article.schema.json", header


def test_a_seed_whose_name_ends_another_seeds_name_still_gets_its_stub(tmp_path: Path) -> None:
    """Review 57: with nytimes.txt's article file in place, times.txt was taken as named by it (a substring test):
    `--import` said every seed had an article file while the build said times.txt had none, round and round."""
    article = "seed: nytimes.txt\ntitle: Netanyahu tells Blinken\nsource: nyt\ndate: 2024-03-22\n"
    root = write_tree(tmp_path / "d", {"site.yaml": SITE, "seeds/nytimes.txt": "Netanyahu tells Blinken\nText.\n",
                                       "content/articles/nytimes.yaml": article,
                                       "seeds/times.txt": "Netanyahu defies Blinken over Rafah\nMore text.\n"})
    result = run_build(root, "--import")
    assert "wrote content/articles/netanyahu-defies-blinken-over-rafah.yaml" in result.stdout, result.stdout
    named = run_build(root, "--import")  # (and a seed named by its own file, quoted, is named)
    assert "every seed already has an article file" in named.stdout, named.stdout


def test_two_legacy_seeds_of_one_stem_each_keep_their_record_and_no_traceback(tmp_path: Path) -> None:
    """Review 57: statement.txt and statement.md, both windows-1252, both wanted seeds/evidence/
    statement.provenance.json: a traceback, the evidence of the second written, and every later run said it
    existed already, with no stub. The second record takes the seed's whole name; a record name taken by a
    page `--add` captured is passed over the same way."""
    raw = "Statement by the Prime Minister’s Office\nThe Prime Minister said “alone”.\n".encode("cp1252")
    root = write_tree(tmp_path / "d", {"site.yaml": SITE, "seeds/statement.txt": raw, "seeds/statement.md": raw + b"x",
                                       "seeds/evidence/capture.provenance.json": "{}\n",
                                       "seeds/capture.txt": raw + b"y"})
    result = run_build(root, "--import")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    evidence = root / "seeds/evidence"
    assert json.loads((evidence / "statement.provenance.json").read_text("utf-8"))["source"] == "seeds/statement.md"
    assert json.loads((evidence / "statement.txt.provenance.json").read_text("utf-8"))["source"] == \
        "seeds/statement.txt"
    assert json.loads((evidence / "capture.txt.provenance.json").read_text("utf-8"))["source"] == "seeds/capture.txt"
    assert (evidence / "capture.provenance.json").read_text("utf-8") == "{}\n"
    assert len(list((root / "content/articles").glob("*.yaml"))) == 3


@pytest.mark.parametrize("plant", ["seeds/a.txt.dossier-tmp", "seeds/evidence"])
def test_a_converted_seed_is_never_written_through_a_link_out_of_the_dossier(tmp_path: Path, plant: str) -> None:
    """Review 61: `--import` wrote the converted seed to `seeds/<name>.dossier-tmp` (a link planted there was
    written through, to any file outside), and the evidence into `seeds/evidence/` even when that is a link to a
    folder outside (`--add` refused it). Neither is written through now; the file outside stays as it was."""
    raw = "Café owners in Zürich protest new rules\nThe café said so.\n".encode("latin-1")
    root = write_tree(tmp_path / "d", {"site.yaml": SITE, "seeds/a.txt": raw})
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "victim.txt").write_text("mine\n", "utf-8")
    (root / plant).symlink_to(outside / "victim.txt" if plant.endswith("tmp") else outside)
    result = run_build(root, "--import")
    assert (outside / "victim.txt").read_text("utf-8") == "mine\n"
    assert sorted(p.name for p in outside.iterdir()) == ["victim.txt"]
    if plant.endswith("tmp"):
        assert (root / "seeds/a.txt").read_text("utf-8").startswith("Café owners")  # (converted, beside the link)
        assert "seeds/a.txt.dossier-tmp" in result.stderr  # (the planted link itself: refused, as any link out)
    else:
        assert "seeds/evidence is a symbolic link to" in result.stderr and (root / "seeds/a.txt").read_bytes() == raw


def test_a_folder_of_seeds_alone_becomes_a_dossier_that_builds(tmp_path: Path) -> None:
    """Review 71: --import in a folder of seeds said "every seed already has an article file" (there was none)
    and stopped at site.yaml missing; --add starts a dossier with the smallest site.yaml, so does --import."""
    seed = "Bridge to close for repairs\nEASTBROOK, March 5 (Reuters) - The city said on Tuesday it would close.\n"
    root = write_tree(tmp_path / "bridge", {"seeds/bridge.txt": seed})
    result = run_build(root, "--import")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("wrote site.yaml (a new dossier: edit its title)\n")
    assert 'title: "bridge"' in (root / "site.yaml").read_text("utf-8")
    stub(root)
    built = run_build(root, "--no-search")
    assert built.returncode == 0, built.stdout + built.stderr


def test_with_site_yaml_broken_no_seed_is_said_to_have_its_article_file(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "d", {"site.yaml": "title: [x\n", "seeds/a.txt": "A title\nSome text.\n"})
    result = run_build(root, "--import")
    assert result.returncode == 1 and "site.yaml:1:8: error: YAML syntax error" in result.stderr
    assert "every seed already has an article file" not in result.stdout
    assert result.stdout == "no stub written\n"
    assert (root / "site.yaml").read_text("utf-8") == "title: [x\n"


def test_a_seed_whose_article_file_cannot_be_read_is_not_said_unused_nor_given_a_second_file(tmp_path: Path) -> None:
    """Review 71: an empty wire.yaml (or one saved as UTF-16) left wire.txt "without an article file", with
    --import's hint, which wrote a second file for it; once the first was mended, the seed was named twice."""
    utf16 = "seed: other.txt\ntitle: Other\nsource: outlet-a\ndate: 2024-03-05\n".encode("utf-16")
    root = write_tree(tmp_path / "d", {"site.yaml": SITE, "seeds/wire.txt": "Bridge closes\nThe bridge closes.\n",
                                       "seeds/other.txt": "Other story\nOther text.\n",
                                       "content/sources.yaml": "outlet-a: {name: Outlet A}\n",
                                       "content/articles/wire.yaml": "", "content/articles/herald.yaml": utf16})
    built = run_build(root, "--no-search")
    assert "content/articles/wire.yaml:1:1: error: the file is empty" in built.stderr
    assert "content/articles/herald.yaml:1:1: error: the file is saved as UTF-16" in built.stderr
    assert "seed has no article file" not in built.stderr
    result = run_build(root, "--import")
    assert result.stdout == "every seed already has an article file\n"
    assert sorted(p.name for p in (root / "content/articles").iterdir()) == ["herald.yaml", "wire.yaml"]


def test_a_new_seed_in_another_encoding_is_a_warning_and_one_an_article_reads_is_converted_too(tmp_path: Path) -> None:
    """Review 71: a new Latin-1 seed with no article file failed the whole build (a UTF-8 one is only a warning),
    and --import, which the error's hint suggests, converted only seeds without an article file."""
    files = {"site.yaml": SITE, "content/sources.yaml": "outlet-a: {name: Outlet A}\n",
             "seeds/cafe.txt": "Café owners protest\nThe café said so on Tuesday.\n".encode("latin-1"),
             "seeds/named.txt": "Zürich talks\nThe Zürich talks went on.\n".encode("latin-1"),
             "content/articles/named.yaml": "seed: named.txt\ntitle: Zürich talks\nsource: outlet-a\ndate: 2024-03-05\n"}
    root = write_tree(tmp_path / "d", files)
    built = run_build(root, "--no-search")
    assert ("seeds/cafe.txt:1:4: warning: seed is not valid utf-8 (byte 0xe9), and it has no article file, so it is "
            "not published") in built.stderr
    assert "seeds/named.txt:1:2: error: seed is not valid utf-8 (byte 0xfc)" in built.stderr
    assert "1 error(s)" in built.stdout + built.stderr
    result = run_build(root, "--import")
    assert result.returncode == 0, result.stderr
    assert "seeds/named.txt: warning: not valid UTF-8: read as" in result.stderr
    assert (root / "seeds/named.txt").read_text("utf-8") == "Zürich talks\nThe Zürich talks went on.\n"
    assert (root / "seeds/evidence/named.txt").read_bytes() == files["seeds/named.txt"]
    assert sorted(p.name for p in (root / "content/articles").iterdir()) == ["cafe-owners-protest.yaml", "named.yaml"]
    again = run_build(root, "--no-search")
    assert again.returncode == 0, again.stdout + again.stderr


def test_a_seed_in_another_language_than_the_site_s_gets_its_language_flagged(tmp_path: Path) -> None:
    french = ("Le pont ferme pour un an\n\nLe conseil municipal a voté la fermeture du pont pour des travaux. Les "
              "habitants prendront le bac, et la ville dit que la décision est la seule possible pour la sécurité de "
              "tous les usagers du pont et des quais.\n")
    root = write_tree(tmp_path / "d", {"site.yaml": SITE, "seeds/pont.txt": french})
    assert run_build(root, "--import").returncode == 0
    text, data = stub(root)
    assert data["language"] == "fr" and "# uncertain: from its commonest words" in text


def test_an_article_file_ending_in_yml_is_said_by_import_as_by_the_build_and_given_no_second_file(
        tmp_path: Path) -> None:
    """An article file saved as wire.yml names its seed, so --import writes no stub for it; it said "every seed
    already has an article file" while the build does not read that file: it says the build's error now."""
    article = "seed: wire.txt\ntitle: Bridge closes\nsource: outlet-a\ndate: 2024-03-05\n"
    root = write_tree(tmp_path / "d", {"site.yaml": SITE, "seeds/wire.txt": "Bridge closes\nThe bridge closes.\n",
                                       "content/sources.yaml": "outlet-a: {name: Outlet A}\n",
                                       "content/articles/wire.yml": article})
    said = "content/articles/wire.yml: error: article files end in .yaml: this file is not read"
    assert said in run_build(root, "--no-search").stderr
    result = run_build(root, "--import")
    assert said in result.stderr and "hint: rename it to wire.yaml" in result.stderr
    assert result.returncode == 1 and result.stdout == "no stub written\n"
    assert sorted(p.name for p in (root / "content/articles").iterdir()) == ["wire.yml"]


@pytest.mark.parametrize("seed, hint", [("002_5b7bcf2c.txt", "write `seed: cairo-talks.txt`"),   # renamed
                                        ("cairo-talk.txt", 'did you mean "cairo-talks.txt"?')])  # mistyped
def test_a_seed_an_article_s_seed_missing_error_offers_as_its_own_gets_no_second_article(tmp_path: Path, seed: str,
                                                                                         hint: str) -> None:
    """A seed renamed (or its name mistyped in the article file) is the article's: --import wrote it a second
    article of the same text. The error is said instead, and no stub written."""
    article = (f"seed: {seed}\ntitle: Talks\nsource: outlet-a\ndate: 2024-03-22\nannotations:\n"
               "  - id: alone\n    quote: we will do it alone\n")
    root = write_tree(tmp_path / "d", {"site.yaml": SITE, "content/sources.yaml": "outlet-a: {name: Outlet A}\n",
                                       "seeds/cairo-talks.txt": "Talks\nNetanyahu said: we will do it alone.\n",
                                       "content/articles/talks.yaml": article})
    result = run_build(root, "--import")
    assert sorted(p.name for p in (root / "content/articles").iterdir()) == ["talks.yaml"]
    assert f'content/articles/talks.yaml:1:7: error: seed "{seed}" not found in seeds/ [seed-missing]' in result.stderr
    assert hint in result.stderr and result.stdout == "no stub written\n" and result.returncode == 1


def test_a_stub_is_not_written_under_the_name_an_article_file_ending_in_yml_is_to_be_renamed_to(
        tmp_path: Path) -> None:
    """`taken` cut five characters off every file name, right for talks.yaml and wrong for talks.yml ("talks-to-
    resume-in-cair"): a seed whose title makes the .yml file's name was given a stub under it, beside the article file
    the build says to rename to that very name (and which, once the stub was there, it took for a copy left beside
    it)."""
    article = "seed: envoy.txt\ntitle: Envoy leaves\nsource: outlet-a\ndate: 2024-03-05\n"
    root = write_tree(tmp_path / "d", {"site.yaml": SITE, "content/sources.yaml": "outlet-a: {name: Outlet A}\n",
                                       "seeds/envoy.txt": "Envoy leaves\nThe envoy left Doha on Sunday.\n",
                                       "seeds/talks.txt": "Talks to resume in Cairo\nThe talks resume on Monday.\n",
                                       "content/articles/talks-to-resume-in-cairo.yml": article})
    result = run_build(root, "--import")
    assert "hint: rename it to talks-to-resume-in-cairo.yaml" in result.stderr
    assert result.stdout == "wrote content/articles/talks-to-resume-in-cairo-2.yaml\n", result.stdout
    assert sorted(p.name for p in (root / "content/articles").iterdir()) == [
        "talks-to-resume-in-cairo-2.yaml", "talks-to-resume-in-cairo.yml"]
