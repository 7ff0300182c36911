"""Print the cleaned text of each seed, paragraph by paragraph, as the build sees it (for editors).

    python tools/cleaned.py [--root DIR] [SEED ...]

SEED is a file name under DIR/seeds/ (or a path to a seed file); without any, every seed is printed. Every failure
is one line on stderr, never a traceback: exit 2 for a bad command line or a missing dossier folder, 1 for a
broken site.yaml or a seed that cannot be read or found (the other seeds are still printed).
"""

from __future__ import annotations

import argparse
import json
import re
import signal
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
from dossier.shell.bootstrap import with_dependencies  # noqa: E402

with_dependencies(PROJECT, "tools/cleaned.py")  # (the system's Python: restarted under .venv)
from dossier.core.load.cleaning import clean, decode_seed  # noqa: E402
from dossier.core.load.config import SiteConfig, parse_site  # noqa: E402
from dossier.core.common.errors import Problem, did_you_mean  # noqa: E402

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """Control characters shown as \\xNN, so a seed cannot drive the terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def one_line(p: Problem, folder: Path | None = None) -> str:
    """A problem on one line: `file:line:col: error: message (hint: ...)`; `file` under `folder` when given."""
    where = (str(folder / p.file) if folder else p.file) + (f":{p.line}:{p.col or 1}" if p.line else "")
    return visible(f"{where}: {p.severity}: {p.message}" + (f" [{p.check}]" if p.check else "") +
                   (f" (hint: {' '.join(p.hint.split())})" if p.hint else ""))


def load_config(root: Path) -> tuple[SiteConfig | None, list[str]]:
    """site.yaml of the dossier at `root`, or the one-line reasons it cannot be used."""
    path = root / "site.yaml"
    try:
        text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    except FileNotFoundError:
        return None, [f"{path}: error: site.yaml is missing (is {root} a dossier folder?)"]
    except OSError as exc:
        return None, [f"{path}: error: cannot read it ({exc.strerror or 'unreadable'})"]
    except UnicodeDecodeError:
        return None, [f"{path}: error: the file is not valid UTF-8 (save it as UTF-8 in your editor)"]
    schema = json.loads((PROJECT / "schemas/site.schema.json").read_text("utf-8"))
    config, problems = parse_site("site.yaml", text, schema)
    return config, [one_line(p, root) for p in problems if p.severity == "error"]


def seed_paths(root: Path, names: list[str]) -> tuple[list[Path], list[str]]:
    """The seed files to print (every file in seeds/ when no name is given), and one line per unknown name."""
    folder = root / "seeds"
    try:
        known = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    except OSError as exc:
        known = []
        if not names:
            return [], [visible(f"{folder}: error: cannot list the seeds ({exc.strerror or 'unreadable'})")]
    if not names:
        return known, []
    paths, problems = [], []
    for name in names:
        if (folder / name).is_file():
            paths.append(folder / name)
        elif Path(name).is_file():
            paths.append(Path(name))
        else:
            hint = did_you_mean(name, [p.name for p in known]) or f"seed names are file names under {folder}/"
            problems.append(visible(f'{name}: error: seed "{name}" not found in {folder}/ ({hint})'))
    return paths, problems


def print_seed(path: Path, config: SiteConfig) -> str | None:
    """Print one seed's paragraphs; returns the one-line reason when it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return visible(f"{path}: error: cannot read the seed ({exc.strerror or 'unreadable'})")
    text, problems = decode_seed(str(path), data, config.encoding)
    if text is None:
        return "; ".join(one_line(p) for p in problems)
    print(visible(f"===== {path.name}"))
    for i, p in enumerate(clean(text, config).paragraphs):
        print(visible(f"[{i} line {p.line}] {p.text}"))
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tools/cleaned.py",
                                     description="Print the cleaned paragraphs that quotes are matched against.")
    parser.add_argument("--root", default=str(PROJECT), help="the dossier folder (default: the project's)")
    parser.add_argument("seeds", nargs="*", help="seed file names under seeds/ (default: every seed)")
    args = parser.parse_args(argv)
    root = Path(args.root)
    if not root.is_dir():
        print(f"tools/cleaned.py: error: no dossier folder at {visible(str(root))}", file=sys.stderr)
        return 2
    config, failures = load_config(root)
    if config is None:
        print("\n".join(failures), file=sys.stderr)
        return 1
    paths, failures = seed_paths(root, args.seeds)
    for path in paths:
        if (failure := print_seed(path, config)) is not None:
            failures.append(failure)
    sys.stdout.flush()
    if failures:
        print("\n".join(failures), file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    if hasattr(signal, "SIGPIPE"):   # `cleaned.py | head` ends quietly, as other command-line tools do
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    sys.exit(main())
