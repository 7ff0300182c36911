#!/usr/bin/env python3
"""Profile one in-process build of a dossier folder: where does the time go? Run by hand; never a test.

    python bench/profile_build.py DOSSIER [--top 25] [--pyinstrument] [--with-errors] [--save FILE.prof]

Times `fs.read_inputs(root)` + `pipeline.build_site(inputs)` (the whole build in memory: load, anchor, link,
compare, render, link check), not the search index nor the writing of files, under cProfile (default) or
pyinstrument, and prints the top functions by cumulative and by total (own) time, then a few lines naming the
top costs. `bench/run.py --profile` runs this on the largest size it generated.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Frames that are plumbing rather than cost: never "the top cost" even though their cumulative time is large.
_PLUMBING = ("<built-in method builtins.exec>", "<module>", "build_site", "profile_build.py", "{method 'enable'",
             "<string>:1(<module>)")


def _label(func: tuple[str, int, str]) -> str:
    file, line, name = func
    if file == "~":
        return name
    path = Path(file)
    try:
        rel = path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        parts = path.parts
        rel = "/".join(parts[parts.index("site-packages") + 1:]) if "site-packages" in parts else path.name
    return f"{rel}:{line}({name})"


def _table(stats: pstats.Stats, key: str, top: int, total: float) -> list[str]:
    rows = sorted(stats.stats.items(), key=lambda kv: kv[1][3 if key == "cumulative" else 2], reverse=True)
    out = [f"| # | function | calls | own (s) | cumulative (s) | cum % |", "|---:|---|---:|---:|---:|---:|"]
    for i, (func, (cc, nc, tt, ct, _callers)) in enumerate(rows[:top], 1):
        calls = f"{nc}" if nc == cc else f"{nc}/{cc}"
        out.append(f"| {i} | `{_label(func)}` | {calls} | {tt:.2f} | {ct:.2f} | {100 * ct / total:.0f}% |")
    return out


def _named_costs(stats: pstats.Stats, total: float, n: int = 8) -> list[str]:
    """The biggest costs in words: the project functions with the most cumulative time that are not mere
    plumbing, and the library functions with the most own time."""
    items = stats.stats.items()
    project = [(ct, tt, func) for func, (cc, nc, tt, ct, _c) in items
               if str(ROOT / "dossier") in func[0] and not any(p in _label(func) for p in _PLUMBING)]
    lines = ["Top costs (project functions by cumulative time; a caller's time includes its callees):"]
    for ct, tt, func in sorted(project, reverse=True)[:n]:
        lines.append(f"- {_label(func)}: {ct:.2f} s cumulative ({100 * ct / total:.0f}%), {tt:.2f} s own")
    own = sorted(((tt, func) for func, (cc, nc, tt, ct, _c) in items), reverse=True)[:n]
    lines.append("Top own-time functions (where the CPU actually is):")
    for tt, func in own:
        lines.append(f"- {_label(func)}: {tt:.2f} s own ({100 * tt / total:.0f}%)")
    return lines


def profile(root: Path, top: int = 25, use_pyinstrument: bool = False, save: Path | None = None,
            wall_clock: bool = False, with_errors: bool = False) -> str:
    from dossier.shell import fs
    from dossier.core.pipeline import build_site

    def run():
        result = build_site(fs.read_inputs(root))
        if not result.ok and not with_errors:
            raise SystemExit(f"profile_build.py: the build of {root} failed (--with-errors profiles it anyway):\n" +
                             "\n".join(p.format() for p in result.problems[:20]))
        return result

    def failed(result) -> str:
        """What the header says of a build that failed (profiled with --with-errors: its pages were not kept)."""
        errors = sum(p.severity == "error" for p in result.problems)
        return f", failed with {errors} error(s) (its pages made, not kept)" if errors else ""

    if use_pyinstrument:
        from pyinstrument import Profiler
        profiler = Profiler(interval=0.001)
        started = time.perf_counter()
        profiler.start()
        result = run()
        profiler.stop()
        wall = time.perf_counter() - started
        text = profiler.output_text(unicode=True, color=False, show_all=False)
        return f"in-process build of {root}: {wall:.2f} s wall under pyinstrument, " \
               f"{result.counts.get('pages', 0)} pages{failed(result)}\n\n{text}"
    # CPU time, not wall time, by default: on a shared 2-core machine a wall-clock profile mostly measures
    # the other processes' load.
    prof = cProfile.Profile(time.perf_counter) if wall_clock else cProfile.Profile(time.process_time)
    started = time.perf_counter()
    prof.enable()
    result = run()
    prof.disable()
    wall = time.perf_counter() - started
    if save:
        prof.dump_stats(str(save))
    stats = pstats.Stats(prof, stream=io.StringIO())
    # The whole build's cumulative time (the `run` frame), so that percentages are of the build.
    total = max((ct for (cc, nc, tt, ct, _c) in stats.stats.values()), default=1e-9) or 1e-9
    clock = "wall-clock" if wall_clock else "CPU"
    lines = [f"in-process build of {root}: {wall:.2f} s wall, {total:.2f} s {clock} time under cProfile (its per-call "
             f"overhead inflates call-heavy code several times over: read shares, not seconds), {result.counts.get('pages', 0)} pages, "
             f"{len(result.outputs)} files{failed(result)}; times below are {clock} seconds", "",
             f"### Top {top} by cumulative time", "", *_table(stats, "cumulative", top, total), "",
             f"### Top {top} by total (own) time", "", *_table(stats, "tottime", top, total), "",
             *_named_costs(stats, total)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("root", type=Path, help="dossier folder (site.yaml, seeds/, content/)")
    p.add_argument("--top", type=int, default=25, help="rows per table (default 25)")
    p.add_argument("--pyinstrument", action="store_true", help="use pyinstrument (bench/requirements.txt) instead")
    p.add_argument("--wall", action="store_true", help="cProfile with wall-clock time (default: CPU time)")
    p.add_argument("--with-errors", action="store_true",
                   help="profile a build that fails too (e.g. the fuzzy anchoring of misspelt quotes)")
    p.add_argument("--save", type=Path, help="also write the raw cProfile stats here (for snakeviz, pstats)")
    args = p.parse_args(argv)
    print(profile(args.root, args.top, args.pyinstrument, args.save, args.wall, args.with_errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
