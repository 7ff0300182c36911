"""tools/cleaned.py prints the cleaned paragraphs of any dossier's seeds (--root), and every failure is one line
on stderr with exit 1 or 2, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

SEED = "Turbines recalled\nShare this story\n  The company said on Monday it would recall 1,200 turbines.  \n"


def cleaned(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "tools/cleaned.py"), *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=60)


def one_line_failure(result: subprocess.CompletedProcess[str], code: int) -> str:
    assert result.returncode == code, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_root_prints_the_cleaned_paragraphs_of_another_dossier_with_their_seed_lines(mini_dossier) -> None:
    root = mini_dossier({"seeds/a.txt": SEED, "seeds/b.txt": "Second\n"})
    result = cleaned("--root", str(root))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ("===== a.txt\n[0 line 1] Turbines recalled\n"
                             "[1 line 3] The company said on Monday it would recall 1,200 turbines.\n"
                             "===== b.txt\n[0 line 1] Second\n")


def test_a_seed_named_on_the_command_line_is_found_under_the_roots_seeds_folder(mini_dossier) -> None:
    root = mini_dossier({"seeds/a.txt": SEED, "seeds/b.txt": "Second\n"})
    result = cleaned("--root", str(root), "b.txt")
    assert (result.returncode, result.stdout) == (0, "===== b.txt\n[0 line 1] Second\n")


def test_without_root_it_reads_the_default_dossier() -> None:
    result = cleaned()
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("===== ") == len(list((ROOT / "seeds").glob("*.txt")))


def test_a_missing_dossier_folder_is_a_usage_error(tmp_path: Path) -> None:
    line = one_line_failure(cleaned("--root", str(tmp_path / "nowhere")), 2)
    assert line == f"tools/cleaned.py: error: no dossier folder at {tmp_path / 'nowhere'}"


def test_a_folder_without_site_yaml_says_so(tmp_path: Path) -> None:
    line = one_line_failure(cleaned("--root", str(tmp_path)), 1)
    assert line.startswith(f"{tmp_path / 'site.yaml'}: error: site.yaml is missing")


def test_a_broken_site_yaml_is_one_line_at_its_position(mini_dossier) -> None:
    root = mini_dossier({"seeds/a.txt": SEED, "site.yaml": "title: [unclosed\n"})
    line = one_line_failure(cleaned("--root", str(root)), 1)
    assert line.startswith(f"{root / 'site.yaml'}:") and ": error: " in line


def test_a_site_yaml_that_is_not_utf8_is_one_line(mini_dossier) -> None:
    root = mini_dossier({"seeds/a.txt": SEED, "site.yaml": b"title: Caf\xe9\n"})
    line = one_line_failure(cleaned("--root", str(root)), 1)
    assert "not valid UTF-8" in line


def test_an_unknown_seed_name_is_one_line_with_a_did_you_mean(mini_dossier) -> None:
    root = mini_dossier({"seeds/a.txt": SEED})
    result = cleaned("--root", str(root), "a.tx")
    line = one_line_failure(result, 1)
    assert line == f'a.tx: error: seed "a.tx" not found in {root / "seeds"}/ (did you mean "a.txt"?)'


def test_a_seed_that_is_not_valid_in_its_encoding_is_one_line_and_the_others_still_print(mini_dossier) -> None:
    root = mini_dossier({"seeds/a.txt": b"Caf\xe9 talks\n", "seeds/b.txt": "Second\n"})
    result = cleaned("--root", str(root))
    line = one_line_failure(result, 1)
    assert line.startswith(f"{root / 'seeds/a.txt'}:1:4: error: seed is not valid utf-8 (byte 0xe9)")
    assert result.stdout == "===== b.txt\n[0 line 1] Second\n"


@pytest.mark.skipif(os.name != "posix", reason="file permissions and /proc are POSIX")
def test_an_unreadable_seed_is_one_line(mini_dossier) -> None:
    root = mini_dossier({"seeds/a.txt": SEED})
    if os.geteuid() != 0:
        (root / "seeds/a.txt").chmod(0)
        line = one_line_failure(cleaned("--root", str(root)), 1)
        assert line.startswith(f"{root / 'seeds/a.txt'}: error: cannot read the seed")
    # root reads any file; /proc/self/mem is a regular file whose reading fails with an I/O error
    line = one_line_failure(cleaned("--root", str(root), "/proc/self/mem"), 1)
    assert line == "/proc/self/mem: error: cannot read the seed (Input/output error)"


def test_a_seed_that_is_a_folder_is_skipped_and_a_named_one_is_an_error(mini_dossier) -> None:
    root = mini_dossier({"seeds/a.txt": SEED, "seeds/sub/x.txt": "x\n"})
    assert cleaned("--root", str(root)).returncode == 0
    line = one_line_failure(cleaned("--root", str(root), "sub"), 1)
    assert 'seed "sub" not found' in line


def test_control_characters_in_a_seed_are_shown_not_sent_to_the_terminal(mini_dossier) -> None:
    root = mini_dossier({"seeds/a.txt": "Talks \x1b[2J resume\n"})
    result = cleaned("--root", str(root))
    assert "\x1b" not in result.stdout and "Talks \\x1b[2J resume" in result.stdout
