"""collector.give_back hands freed heap memory back to the operating system (glibc's malloc_trim): the build
calls it before Pagefind's processes start beside it."""

from __future__ import annotations

import platform

import pytest

from dossier.shell.collector import give_back


def _resident_kib() -> int:
    with open("/proc/self/status") as status:
        return int(next(line for line in status if line.startswith("VmRSS:")).split()[1])


@pytest.mark.skipif(platform.system() != "Linux" or platform.libc_ver()[0] != "glibc", reason="glibc only")
def test_memory_freed_by_the_program_leaves_the_process() -> None:
    kept, freed = [], []
    for _ in range(2000):  # 100 MB in 50 kB blocks from glibc's heap, each followed by a small block that stays
        freed.append(bytes(50_000) + b"x")
        kept.append(bytearray(1000))
    del freed  # free, but between live blocks: glibc keeps it (it only trims the top of its heap by itself)
    before = _resident_kib()
    give_back()
    assert before - _resident_kib() > 50_000, "at least half of the 100 MB freed went back to the system"
    assert len(kept) == 2000
