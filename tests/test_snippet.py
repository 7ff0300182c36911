"""Problems are printed with the YAML line they are about and a caret under the column (rustc, Hugo)."""

from __future__ import annotations

import pytest

from conftest import MINIMAL_SITE, MINIMAL_SOURCES, run_build
from dossier.core.common.errors import error
from dossier.core.common.snippet import WIDTH, format_problem, snippet, source_line

TEXT = b"seed: a.txt\ntitle: T\nsource: outlet-a\ndate: March 22, 2024\n"


def test_a_problem_shows_its_line_with_a_gutter_and_a_caret_between_header_and_hint() -> None:
    problem = error("a.yaml", 4, 7, "bad date", "write YYYY-MM-DD", "schema-form")
    assert format_problem(problem, {"a.yaml": TEXT}) == (
        "a.yaml:4:7: error: bad date [schema-form]\n"
        "     |\n"
        "   4 | date: March 22, 2024\n"
        "     |       ^\n"
        "    hint: write YYYY-MM-DD")


def test_the_gutter_widens_with_the_line_number_and_a_tab_keeps_the_caret_aligned() -> None:
    text = "\n" * 11 + "note:\tsee here\n"
    shown = format_problem(error("a.yaml", 12, 7, "m"), {"a.yaml": text}).splitlines()
    assert shown[1:] == ["      |", "   12 | note:    see here", "      |          ^"]
    assert shown[2].index("s") == shown[3].index("^")


def test_a_control_character_in_the_source_line_is_shown_not_sent_to_the_terminal() -> None:
    text = "title: \x1b[2Jgone\n"
    shown = format_problem(error("a.yaml", 1, 12, "m"), {"a.yaml": text})
    assert "\x1b" not in shown and "\\x1b[2Jgone" in shown
    line, caret = shown.splitlines()[2:4]
    assert line[caret.index("^")] == "g"


def test_a_problem_without_a_line_or_a_known_file_prints_as_before() -> None:
    for problem in (error("a.yaml", 0, 0, "m", "h"), error("_site/x.html", 3, 1, "m", "h"),
                    error("a.yaml", 99, 1, "m", "h")):
        assert format_problem(problem, {"a.yaml": TEXT}) == problem.format()



def test_each_problem_shows_the_line_of_the_text_it_is_given_whatever_was_shown_before() -> None:
    """A file is decoded and split once for all its problems (5,000 errors in 2 MB of YAML took 45 s to print:
    each split the whole file); each still shows its line of the text it is given: files taken in turn, a file
    saved again under its name (the live preview's next build), new texts in the memory of dropped ones."""
    sources = {"a.yaml": "one\ntwo\n", "b.yaml": b"x: 1\r\ny: 2\r\n", "c.yaml": "up\rdown".encode("utf-16")}
    lines = {"a.yaml": ["one", "two", ""], "b.yaml": ["x: 1", "y: 2", ""], "c.yaml": ["up", "down"]}
    for file, line in [("a.yaml", 2), ("a.yaml", 1), ("b.yaml", 2), ("a.yaml", 2), ("c.yaml", 1), ("c.yaml", 2),
                       ("b.yaml", 1), ("c.yaml", 3), ("a.yaml", 3)]:
        assert source_line(sources, file, line) == (lines[file] + [None])[line - 1]
    assert source_line({**sources, "a.yaml": "one\nTWO\n"}, "a.yaml", 2) == "TWO"
    for i in range(200):  # (each text dropped before the next is made, which may take its place in memory)
        assert source_line({"f.yaml": f"x: {i}\ny: {i}".encode()}, "f.yaml", 2) == f"y: {i}"

def test_the_command_line_prints_the_snippet_of_each_problem(mini_dossier) -> None:
    root = mini_dossier({"site.yaml": MINIMAL_SITE, "content/sources.yaml": MINIMAL_SOURCES, "seeds/a.txt": "Hello world\n",
                         "content/articles/a.yaml": "seed: a.txt\ntitle: T\nsource: outlet-bb\ndate: 2024-03-22\n"},
                        defaults=False)
    result = run_build(root, "--check")
    assert ('content/articles/a.yaml:3:9: error: unknown source "outlet-bb" [source-unknown]\n'
            "     |\n   3 | source: outlet-bb\n     |         ^\n"
            '    hint: did you mean "outlet-b"?') in result.stderr, result.stderr


@pytest.mark.parametrize("col", [3, 2_000, 4_000, 5_003])
def test_a_long_line_is_shown_as_one_row_around_the_column_with_the_caret_under_it(col: int) -> None:
    line = "x: " + "".join(chr(ord("a") + i % 26) for i in range(5_000))  # one minified 5,003-character line
    shown = snippet(error("f.yaml", 1, col, "m", "h", "c"), {"f.yaml": line})
    gutter, row, caret = shown.split("\n")
    text = row[len("   1 | "):]
    assert len(text) <= WIDTH + 2  # the window and its two ellipses, never the whole line
    at = len(caret) - len("     | ") - 1
    assert caret.endswith("^") and text[at] == (line[col - 1] if col <= len(line) else "…")
    assert text.startswith("…") == (col > WIDTH // 3 + 1) and text.endswith("…") == (col < len(line) - WIDTH)


@pytest.mark.parametrize("line, columns", [
    ('quote: "נַעֲשֶׂה אֶת זֶה" kind: x', 20),       # Hebrew points take no column (the caret drifted right)
    ("title: 内塔尼亚胡 kind: x", 18),                 # CJK characters take two
    ("title: wa\u0301 kind: x", 10),                    # an accent written apart takes none
])
def test_the_caret_stands_under_its_character_whatever_columns_the_line_before_it_takes(line, columns) -> None:
    col = line.index("kind") + 1
    shown = snippet(error("f.yaml", 1, col, "m", "h", "c"), {"f.yaml": line + "\n"}).splitlines()
    caret = shown[2].split(" | ", 1)[1]
    assert caret == " " * columns + "^"
