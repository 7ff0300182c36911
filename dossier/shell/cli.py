"""The command line: parse arguments, call the pipeline and the writer (writer.py), print problems and one
summary line."""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping

from . import fs, outdir, uptodate
from .interrupt import Interrupted, deferred, signalled, stoppable, stopped
from .terminal import VisibleStream, formatted, report, say
from .summary import anchoring_line

if TYPE_CHECKING:
    from .writer import Writer


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="build.py", description="Build an annotated news dossier into a static site.")
    p.add_argument("--root", default=".", help="dossier folder (site.yaml, seeds/, content/); default: .")
    p.add_argument("--out", help="output folder; default: <root>/_site")
    p.add_argument("--base-url", type=_base_url, help="where the site will be served: /sub/path/ or https://host/sub/path/")
    mode = p.add_mutually_exclusive_group()  # one thing per run: each of these is its own command
    mode.add_argument("--check", action="store_true", help="build in memory and report problems; write no site (only the cache, .dossier-cache/)")
    p.add_argument("--strict", action="store_true", help="treat warnings (e.g. fuzzy anchors) as errors")
    mode.add_argument("--import", dest="do_import", action="store_true",
                   help="write a stub content/articles/<slug>.yaml for each seed that has none (never overwrites)")
    mode.add_argument("--add", nargs="+", metavar="SOURCE",
                   help="capture articles: a URL, a saved .html/.htm page, a .warc/.warc.gz archive, or a folder of "
                        "these; writes the seed, its evidence and a stub article file for each (never overwrites)")
    mode.add_argument("--suggest", action="store_true", help="print candidate entities and comparisons for editors")
    p.add_argument("--no-search", action="store_true", help="skip the Pagefind search index (faster builds)")
    mode.add_argument("--serve", action="store_true", help="live preview: build, serve, rebuild on every save")
    p.add_argument("--host", default="127.0.0.1", help="--serve: address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=_port, default=8000, help="--serve: port, 1-65535 (default 8000)")
    return p


def _base_url(text: str) -> str:
    """A base URL the site can be served from (config.base_url_problem), refused before anything runs."""
    from ..core.load.config import base_url_problem

    wrong = base_url_problem(text)
    if wrong:
        raise argparse.ArgumentTypeError(f"{text!r} cannot be used: {wrong}")
    return text


def _port(text: str) -> int:
    """A TCP port number; anything else is refused before the server starts (the server took 99999 modulo
    65536 and announced a port it was not listening on)."""
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (1-65535)")
    return int(text)


def main(argv: list[str] | None = None) -> int:
    code: int | None = None
    try:
        args = parser().parse_args(argv)  # (a Ctrl-C before the build begins is said as one during it)
        if args.serve:
            return _run(args)  # the live preview stops on its own terms (serve.py)
        with stoppable():
            code = _run(args)
        return code
    except BaseException as exc:  # Ctrl-C or SIGTERM (interrupt.py): workers are gone, staging removed
        stop = signalled(exc)
        if stop is None:
            raise
        if code is not None:
            return code  # (the build had ended and said so: a Ctrl-C as its handlers were put back changes nothing)
        message, code = stopped(stop)
        say(f"build.py: {message}", file=sys.stderr)
        return code


def _run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    root = Path(args.root)
    if args.add and not root.exists():
        root.mkdir(parents=True)  # `--add` may start a dossier from nothing (see README, Adding articles)
    if not root.is_dir():
        say(f"build.py: error: --root {root} is not a folder", file=sys.stderr)
        return 2
    out = Path(args.out) if args.out else root / "_site"
    if args.add:
        from .capture.add import run
        return run(root, args.add)
    if not _a_dossier(root):
        return 2
    key: dict[str, Any] = {}
    scanned: dict[str, tuple[int, ...]] = {}
    walks: dict[tuple[str, str], Any] = {}  # (the scan's walks, which the build's read of the dossier uses)
    if not (args.serve or args.do_import or args.suggest or args.check):
        # The no-change rebuild: answered from file stats before anything of the build is imported.
        key = _key(args, root)
        scanned = uptodate.scan(root, walks)
        if _up_to_date(out, key, scanned, started):
            return 0
    from ..core.pipeline import Options

    options = Options(base_url=args.base_url, strict=args.strict)
    if args.serve or args.do_import or args.suggest:
        return _other_command(args, root, out, options)
    if args.check:
        return _build(args, root, out, options, None, started, key, scanned)
    try:
        outdir.check_output_dir(root, out)
    except fs.OutputError as exc:
        say(f"build.py: error: {exc}", file=sys.stderr)
        return 2
    from .writer import staged
    # Outputs stream into a staging folder inside `out` as they are made (memory stays flat however large the
    # site); they are moved into place only if the whole build succeeds (writer.py).
    try:
        with staged(out, lambda: say(f"build.py: another build is writing into {out}; waiting for it to finish",
                                     file=sys.stderr)) as writer:
            return _build(args, root, out, options, writer, started, key, scanned, walks)
    except fs.OutputError as exc:  # (found when the site was to be put in place: nothing of it was)
        say(f"build.py: error: {exc}\n    hint: nothing was written; {out} is as it was", file=sys.stderr)
        return 2
    except fs.WriteFailed as exc:  # (the staging folder was removed: nothing of the new site was put in place)
        say(f"build.py: error: could not write {exc.rel} into {out}: {exc.reason}\n"
            f"    hint: {_write_hint(exc.errno)}; nothing was put in place, {out} is as it was", file=sys.stderr)
        return 1


def _a_dossier(root: Path) -> bool:
    """Whether `root` holds a dossier (site.yaml, seeds/ or content/); else says so: a mistyped --root (a
    dossier's seeds/, an empty folder) was built as a dossier with site.yaml missing, its cache left there."""
    if any((root / name).exists() for name in ("site.yaml", "seeds", "content")):
        return True
    say(f"build.py: error: {root} is not a dossier folder: it has no site.yaml, seeds/ or content/\n"
        "    hint: run it in a dossier's folder or name one with --root (nothing was written); "
        "`--add URL` starts a new dossier", file=sys.stderr)
    return False


def _write_hint(errno: int | None) -> str:
    """What to do about an output that could not be written, by the system's reason."""
    import errno as codes

    if errno in (codes.ENOSPC, codes.EDQUOT):
        return "free some space on that disk, or build elsewhere with --out"
    if errno in (codes.EACCES, codes.EPERM, codes.EROFS):
        return ("check that you may write into that folder and that the file is not locked (read-only, or Locked "
                "in the Finder, or `chattr +i`), or build elsewhere with --out")
    return "check that folder and its disk, or build elsewhere with --out"


def _up_to_date(out: Path, key: dict[str, Any], scanned: dict[str, tuple[int, ...]], started: float) -> bool:
    """When nothing changed since the last build of `out`: repeat its problems and summary and say so."""
    done = uptodate.up_to_date(out, key, scanned)
    if done is None:
        return False
    summary = done["summary"]
    for line in summary.get("problems", ()):
        say(line, file=sys.stderr)
    if summary.get("anchoring"):
        say(summary["anchoring"])
    say(f"up to date: {summary.get('pages', 0)} pages ({summary.get('files', 0)} files) in {out}, "
        f"nothing changed since the last build; 0 errors, {summary.get('warnings', 0)} warning(s) "
        f"in {time.perf_counter() - started:.2f}s")
    return True


def _other_command(args: argparse.Namespace, root: Path, out: Path, options: Any) -> int:
    """--serve, --import or --suggest."""
    if args.serve:
        from .serve import serve
        return serve(root, out, options, args.host, args.port, search=not args.no_search)
    if args.do_import:
        from .capture.importing import run as run_import
        return run_import(root, options)
    from .suggestions import suggest
    try:
        return suggest(root, options, VisibleStream(sys.stdout), VisibleStream(sys.stderr))
    finally:
        _say_lost()  # (its per-file steps run in forked workers too)


def _key(args: argparse.Namespace, root: Path) -> dict[str, Any]:
    """What a build's output depends on besides its files: the options, which dossier, and the Python and the
    libraries the build renders with (one upgraded since may render other bytes, review 59)."""
    from . import search_binary, versions

    return {"base_url": args.base_url, "strict": args.strict, "search": not args.no_search,
            "root": uptodate.path_id(root), "python": sys.version,
            "libraries": {name: versions.version(name) for name in versions.LIBRARIES},
            "pagefind": search_binary.identity() if not args.no_search else "-"}


def _build(args: argparse.Namespace, root: Path, out: Path, options: Any, writer: Writer | None,
           started: float, key: dict[str, Any], scanned: dict[str, tuple[int, ...]],
           walks: Mapping[tuple[str, str], Any] | None = None) -> int:
    """Build and report; unless --check (`writer` None), index for search and put the staged site in place.
    `walks`: the folders as the scan that gave `scanned` walked them (uptodate.scan)."""
    from ..core.pipeline import build_site
    from .cache import Cache
    from .collector import fewer_collections
    from .compile_ahead import compile_ahead
    from ..core.load.schema import keep_compiled
    from .parallel import stop_background
    from .writer import memory_shards

    inputs = fs.read_inputs(root, walks=walks)
    shards = memory_shards() if writer is None else writer.shards
    # The persistent cache, <root>/.dossier-cache/ (cache.py); the pages it keeps are the files of `out`
    cache = Cache(root, shards, stage=_kept_pages(root, out) if writer is None else writer.stage)
    # Fewer collections until the end: after the build the heap is large (the Library is alive), and reading
    # the output folder's record for the commit once took 1.4 s of full collections at 5,000 articles.
    with fewer_collections():
        keep_compiled(cache.compiled_schemas())  # (the validators, compiled by an earlier run)
        compiled = cache.compiled_templates()
        try:
            compile_ahead(compiled, inputs.templates)  # (a cold build: in a process of its own, while it loads)
            result = build_site(inputs, options, memo=cache, sink=None if writer is None else writer.sink,
                                shards=shards, compiled=compiled)
        except BaseException:
            cache.close()  # (a build that raised never reaches `finish`)
            raise
        finally:
            keep_compiled(None)
            stop_background()  # (a step begun in its own process whose result a failed build never asked for)
        _say_lost()
        try:
            code = _finish(args, out, result, inputs, writer, cache, started, key, scanned)
        except BaseException as exc:
            _save(cache, writer, exc)
            raise
        _save(cache, writer, None)
        return code


def _kept_pages(root: Path, out: Path) -> Any:
    """--check's stage: it writes nothing, but the pages an earlier build left in `out` are read back and reused
    where their digest is the page index's (readback.ReadBack: never trusted unread), so that it renders only the
    pages whose input changed (every page was rendered: 7.1 s at 1,000 articles); None where `out` is no folder a
    build may write (outdir.check_output_dir), or none yet."""
    from .readback import ReadBack

    try:
        outdir.check_output_dir(root, out)
    except fs.OutputError:
        return None
    return ReadBack(out) if out.is_dir() else None


def _save(cache: Any, writer: Writer | None, ended: BaseException | None) -> None:
    """Save the cache (after the search index: it keeps its parts too), however the build ended (`ended`: what it
    raised). Once the site is in place, a signal, in the build's last lines or while the cache is saved, stops
    the build as one after the site was written; one while the cache is saved leaves it as far as it was
    saved, which only costs the next build time (each of its files is written whole, or not at all: cache.py)."""
    committed = writer is not None and writer.committed
    try:
        cache.finish()
    except KeyboardInterrupt as exc:
        cache.close()  # (a signal before `finish` got to its own clean-up)
        if not committed:
            raise
        raise Interrupted(_signum(exc), completed=True, saved=False) from None
    if committed and isinstance(ended, KeyboardInterrupt) and not getattr(ended, "completed", False):
        raise Interrupted(_signum(ended), completed=True) from None


def _signum(exc: KeyboardInterrupt) -> int:
    """The signal that raised `exc` (interrupt.Interrupted), SIGINT for a KeyboardInterrupt of Python's own."""
    return exc.signum if isinstance(exc, Interrupted) else signal.SIGINT


def _say_foreign(out: Path, gone: list[str]) -> None:
    """Name the files a build removed from its output folder that no build had made there."""
    shown = ", ".join(gone[:5]) + (f" and {len(gone) - 5} more" if len(gone) > 5 else "")
    what = "file(s) and folder(s)" if any(path.endswith("/") for path in gone) else "file(s)"
    say(f"build.py: warning: removed {len(gone)} {what} from {out} that no build had made: {shown}\n"
        f"    hint: the output folder holds only what the build makes; keep other files elsewhere and copy them in "
        f"after the build (or publish a copy of the folder)", file=sys.stderr)


def _index_left(out: Path) -> Path | None:
    """The search index an earlier build left in `out`, if any."""
    from .search_parts import BUNDLE

    index = out / BUNDLE
    return index if index.is_dir() else None


def _say_unindexed(index: Path) -> None:
    """Say that a --no-search build removed the search index an earlier build had left (the search page of the
    site says from now on that search is not available): kept, it would find the pages as they were when it was
    made, and pages since removed (the live preview, which is no site to publish, keeps it: serve_preview.py)."""
    say(f"build.py: note: removed the search index an earlier build left in {index}: a --no-search build "
        f"makes none, and the old one would find pages as they were then, pages since removed too\n"
        f"    hint: the search page says search is not available until a build without --no-search", file=sys.stderr)


def _say_lost() -> None:
    """Tell of each worker process that died before it answered (parallel.py made its share again here)."""
    from .parallel import said_lost

    for line in said_lost():
        say(f"build.py: {line}", file=sys.stderr)


def _finish(args: argparse.Namespace, out: Path, result: Any, inputs: Any, writer: Writer | None, cache: Any,
            started: float, key: dict[str, Any], scanned: dict[str, tuple[int, ...]]) -> int:
    """Report the build; unless it failed or is a --check, index it for search and commit the staged site."""
    sources = fs.sources_of(inputs)
    errors, warnings = report(result, sources=sources)
    seconds = time.perf_counter() - started
    # (a failed build leaves the last site, whose report is not this build's: said once the site is in place,
    # review 116; after the search index, which may fail it too, review 119)
    anchoring = anchoring_line(result, writer is not None and not errors)
    if anchoring and (writer is None or errors):
        say(anchoring)
    if errors:  # leaving the writer's block without a commit leaves the previous site as it was
        say(f"build failed: {errors} error(s), {warnings} warning(s); {out} left as it was ({seconds:.2f}s)")
        return 1
    if writer is None:
        say(f"check passed: {result.counts.get('pages', 0)} pages would be written; "
            f"{warnings} warning(s) ({seconds:.2f}s)")
        return 0
    if not args.no_search and not _indexed(writer, result, cache):
        return 1
    summary = {"pages": result.counts.get("pages", 0), "files": writer.files, "warnings": warnings,
               "problems": formatted(result, sources), "anchoring": anchoring}
    unindexed = _index_left(out) if args.no_search else None  # (the commit removes it: this build makes none)
    # A signal waits until the site is in place and this is said of it (what was removed by hand with it): it then
    # stops the build as one after the site was written (interrupt.stopped), before the cache is saved (_build).
    with deferred():
        try:
            written, deleted = writer.commit(key, scanned, summary)
        except BaseException:  # (nothing written, the site as it was: its report is the last build's, review 121)
            if anchoring:
                say(anchoring_line(result, False))
            raise
        cache.trust_output()
        if anchoring:
            say(anchoring)
        _say_built(out, writer, summary, written, deleted, started, unindexed)
    return 0


def _indexed(writer: Writer, result: Any, cache: Any) -> bool:
    """The search index staged with the site; False, said, when the Pagefind binary failed (the build then fails:
    the site would have a dead search page)."""
    from .collector import give_back

    give_back()  # (the build's freed memory, before Pagefind's processes start beside this one)
    try:
        writer.index(result.paths, result.base_path, result.search_part_pages, cache)
    except fs.WriteFailed:
        raise  # (its files could not be staged: said as any output that cannot be written)
    except Exception as exc:  # noqa: BLE001 - whatever the binary did, the build fails with it said
        anchoring = anchoring_line(result, False)
        if anchoring:
            say(anchoring)
        say(f"build.py: error: the search index could not be built: {exc}\n"
            f"    hint: pip install 'pagefind[bin]' (see requirements.txt), or build with --no-search", file=sys.stderr)
        return False
    return True


def _say_built(out: Path, writer: Writer, summary: Mapping[str, Any], written: int, deleted: int, started: float,
               unindexed: Path | None) -> None:
    """The summary of a build whose site was put in place, and what it removed or could not record."""
    seconds = time.perf_counter() - started
    say(f"built {summary['pages']} pages ({summary['files']} files, {written} changed, {deleted} removed) into "
        f"{out}; 0 errors, {summary['warnings']} warning(s) in {seconds:.2f}s")
    if writer.stage.foreign:
        _say_foreign(out, writer.stage.foreign)
    if unindexed is not None:
        _say_unindexed(unindexed)
    if writer.unrecorded:
        say(f"build.py: warning: the site is in place, but its record {fs.MARKER} could not be written "
            f"({writer.unrecorded})\n    hint: the next build will check every file; free some space on that "
            f"disk", file=sys.stderr)
