"""collector.give_back hands freed heap memory back to the operating system (glibc's malloc_trim): the build
calls it before Pagefind's processes start beside it. Measured in a fresh interpreter, whose heap holds nothing
else (in the test process, earlier tests' free memory would take some of the blocks)."""

from __future__ import annotations

import platform
import subprocess
import sys

import pytest

from conftest import ROOT

SCRIPT = """
import sys
sys.path.insert(0, sys.argv[1])
from dossier.shell.collector import give_back

def resident_kib():
    with open("/proc/self/status") as status:
        return int(next(line for line in status if line.startswith("VmRSS:")).split()[1])

kept, freed = [], []
for _ in range(2000):  # 100 MB in 50 kB blocks from glibc's heap, each followed by a small block that stays
    freed.append(bytes(50_000) + b"x")
    kept.append(bytearray(1000))
del freed  # free, but between live blocks: glibc keeps it (it only trims the top of its heap by itself)
before = resident_kib()
if sys.argv[2] == "give_back":
    give_back()
print(before - resident_kib(), len(kept))
"""


def _returned_kib(how: str) -> int:
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOT), how], capture_output=True, text=True,
                          timeout=60, check=True)
    returned, kept = map(int, done.stdout.split())
    assert kept == 2000
    return returned


@pytest.mark.skipif(platform.system() != "Linux" or platform.libc_ver()[0] != "glibc", reason="glibc only")
def test_memory_freed_by_the_program_leaves_the_process() -> None:
    assert _returned_kib("nothing") < 10_000, "without it, glibc keeps the freed blocks"
    assert _returned_kib("give_back") > 50_000, "at least half of the 100 MB freed goes back to the system"
