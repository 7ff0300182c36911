"""The architecture, checked on the source: the pure core (dossier/core/) touches no disk, clock, process or
network and imports nothing from the shell (dossier/shell/); imports go one way, shell → core; no import cycles;
modules and functions stay short."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

from conftest import ROOT

CORE = ROOT / "dossier" / "core"
PACKAGE = ROOT / "dossier"
FORBIDDEN_MODULES = {"os", "shutil", "time", "subprocess", "socket", "pathlib", "livereload", "tornado"}
SHELL = ROOT / "dossier" / "shell"
MAX_LINES = 400
MAX_FUNCTION_LINES = 50
# Exceptions to the limits: none (the reshape of issue 13 split what was over them). Nothing may be added here.
MODULES_BEING_SPLIT: set[str] = set()
FUNCTIONS_BEING_SPLIT: set[tuple[str, str]] = set()

CORE_MODULES = sorted(CORE.rglob("*.py"))
SHELL_MODULES = sorted(SHELL.rglob("*.py"))
ALL_MODULES = sorted(PACKAGE.rglob("*.py"))


def imported_modules(tree: ast.AST, module_name: str) -> set[str]:
    """Absolute names of every module imported anywhere in the tree (also inside functions)."""
    package = module_name.rsplit(".", 1)[0]
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names.add(target)
            names.update(f"{target}.{alias.name}" for alias in node.names)  # `from dossier.shell import fs`
    return names


def dynamic_imports(tree: ast.AST) -> list[str]:
    """`__import__("os")` and `importlib.import_module("os")` spelt with a literal."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name in ("__import__", "import_module"):
                found.append(str(node.args[0].value))
    return found


def opens_files(tree: ast.AST) -> list[int]:
    """Lines that call open(...), io.open(...), or Path-style .open()/.read_text()/.write_bytes() etc."""
    lines = []
    io_methods = {"open", "read_text", "read_bytes", "write_text", "write_bytes", "unlink", "mkdir", "rmdir"}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id == "open":
                lines.append(node.lineno)
            elif isinstance(func, ast.Attribute) and func.attr in io_methods:
                lines.append(node.lineno)
    return sorted(lines)


def module_name(path: Path) -> str:
    """dossier/core/load/model.py → dossier.core.load.model; a package's __init__.py → the package itself."""
    rel = path.relative_to(ROOT).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def import_graph(paths: list[Path]) -> dict[str, set[str]]:
    """Module → the package's modules it imports (anywhere in it: a lazy import inside a function is an edge too)."""
    names = {module_name(path): path for path in paths}
    graph = {}
    for name, path in names.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        imported = imported_modules(parse(path), package + ".__init__")
        graph[name] = {other for other in imported if other in names and other != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import cycle a depth-first walk meets, each as the modules along it, the first repeated at the end."""
    found: list[list[str]] = []
    state: dict[str, str] = {}

    def visit(name: str, path: list[str]) -> None:
        state[name] = "open"
        path.append(name)
        for other in sorted(graph.get(name, ())):
            if state.get(other) == "open":
                found.append(path[path.index(other):] + [other])
            elif other not in state:
                visit(other, path)
        path.pop()
        state[name] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [])
    return found


def long_functions(tree: ast.AST, limit: int) -> list[tuple[str, int, int]]:
    """(name, first line, length) of every function or method longer than `limit` lines, decorators excluded."""
    return sorted((node.name, node.lineno, node.end_lineno - node.lineno + 1) for node in ast.walk(tree)
                  if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.end_lineno - node.lineno + 1 > limit)


@functools.cache
def parse(path: Path) -> ast.AST:
    return ast.parse(path.read_text("utf-8"), filename=str(path))


def test_the_core_has_modules_to_check() -> None:
    assert len(CORE_MODULES) >= 10
    assert CORE / "load" / "cleaning.py" in CORE_MODULES


@pytest.mark.parametrize("path", CORE_MODULES, ids=lambda p: p.relative_to(CORE).as_posix())
def test_a_core_module_imports_no_disk_clock_process_or_network_module(path: Path) -> None:
    tree = parse(path)
    imported = imported_modules(tree, module_name(path)) | set(dynamic_imports(tree))
    bad = sorted(name for name in imported if name.split(".")[0] in FORBIDDEN_MODULES)
    assert not bad, f"{path.relative_to(ROOT)} imports {bad}; only the shell (dossier/shell/) may"


@pytest.mark.parametrize("path", CORE_MODULES, ids=lambda p: p.relative_to(CORE).as_posix())
def test_a_core_module_never_opens_a_file(path: Path) -> None:
    lines = opens_files(parse(path))
    assert not lines, f"{path.relative_to(ROOT)} does file I/O on lines {lines}; reading files is fs.py's job"


@pytest.mark.parametrize("path", CORE_MODULES, ids=lambda p: p.relative_to(CORE).as_posix())
def test_a_core_module_imports_nothing_from_the_shell(path: Path) -> None:
    imported = imported_modules(parse(path), module_name(path))
    named = sorted(name for name in imported if name == "dossier.shell" or name.startswith("dossier.shell."))
    assert not named, f"{path.relative_to(ROOT)} imports {named}: imports go one way, shell → core"
    outside = sorted(name for name in imported if name.startswith("dossier.") and not name.startswith("dossier.core"))
    assert not outside, f"{path.relative_to(ROOT)} imports {outside} from outside dossier/core/"


def test_the_root_of_the_package_holds_only_the_core_and_the_shell() -> None:
    # A module beside core/ and shell/ would hide which side of the boundary it is on.
    entries = sorted(p.name for p in PACKAGE.iterdir() if p.name != "__pycache__")
    assert entries == ["__init__.py", "core", "shell"]


@pytest.mark.parametrize("path", SHELL_MODULES, ids=lambda p: str(p.relative_to(SHELL)))
def test_a_shell_module_imports_only_the_core_the_shell_and_the_version(path: Path) -> None:
    imported = imported_modules(parse(path), module_name(path) + ("" if path.name != "__init__.py" else ".__init__"))
    ours = {name for name in imported if name == "dossier" or name.startswith("dossier.")}
    allowed = ("dossier.core", "dossier.shell")
    stray = sorted(name for name in ours - {"dossier", "dossier.__version__"}
                   if not any(name == side or name.startswith(side + ".") for side in allowed))
    assert not stray, f"{path.relative_to(ROOT)} imports {stray}"


def test_the_shell_does_use_the_core() -> None:
    # The layering test above would pass on a shell that imported nothing; the CLI is where the two meet.
    graph = import_graph(ALL_MODULES)
    assert any(name.startswith("dossier.core.") for name in graph["dossier.shell.cli"])


def test_no_two_modules_of_the_package_import_each_other_even_through_others() -> None:
    found = cycles(import_graph(ALL_MODULES))
    assert not found, "import cycles: " + "; ".join(" → ".join(cycle) for cycle in found)


@pytest.mark.parametrize("path", ALL_MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_module_of_the_package_is_at_most_400_lines(path: Path) -> None:
    lines = len(path.read_text("utf-8").splitlines())
    if str(path.relative_to(ROOT)) in MODULES_BEING_SPLIT:
        return
    assert lines <= MAX_LINES, f"{path.relative_to(ROOT)} has {lines} lines (limit {MAX_LINES}): split it by concept"


@pytest.mark.parametrize("path", ALL_MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_function_of_the_package_is_at_most_50_lines(path: Path) -> None:
    rel = str(path.relative_to(ROOT))
    long = [(name, line, length) for name, line, length in long_functions(parse(path), MAX_FUNCTION_LINES)
            if (rel, name) not in FUNCTIONS_BEING_SPLIT]
    assert not long, f"{rel}: " + ", ".join(f"{name} (line {line}) has {length} lines" for name, line, length in long) \
        + f"; split it into named steps of at most {MAX_FUNCTION_LINES}"


# --- the checkers themselves must be able to fail ---------------------------------------------------------

@pytest.mark.parametrize("source, found", [
    ("import os", {"os"}),
    ("import os.path as p", {"os.path"}),
    ("from pathlib import Path", {"pathlib", "pathlib.Path"}),
    ("def f():\n    import time\n", {"time"}),
    ("from .. import fs", {"dossier", "dossier.fs"}),
    ("from ..fs import read_inputs", {"dossier.fs", "dossier.fs.read_inputs"}),
    ("from .errors import error", {"dossier.core.errors", "dossier.core.errors.error"}),
])
def test_the_import_finder_sees_every_spelling_of_an_import(source: str, found: set[str]) -> None:
    assert imported_modules(ast.parse(source), "dossier.core.example") == found


def test_the_file_io_finder_sees_open_and_path_methods() -> None:
    source = "open('x')\nwith open('y') as f: pass\nPath('z').read_text()\nprint('open')\n"
    assert opens_files(ast.parse(source)) == [1, 2, 3]


def test_the_cycle_finder_sees_a_cycle_through_a_third_module_and_none_in_a_tree() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b", "c"}, "b": {"c"}, "c": set()}) == []


def test_the_long_function_finder_measures_from_def_to_last_line() -> None:
    source = "def short():\n    return 1\n\ndef long():\n" + "    x = 1\n" * 50 + "    return x\n"
    assert long_functions(ast.parse(source), 50) == [("long", 4, 52)]


def test_the_dynamic_import_finder_sees_dunder_import_and_import_module() -> None:
    source = "__import__('os')\nimportlib.import_module('shutil')\n"
    assert dynamic_imports(ast.parse(source)) == ["os", "shutil"]


# --- the tests' own layering (issue 13): through public functions, never through bench/ --------------------

TESTS = ROOT / "tests"
TEST_MODULES = sorted(p for p in TESTS.glob("*.py"))
# Being rewritten into load → analyse → plan → execute while this check was written; their tests follow the
# new shape. Every other core module must be imported by at least one test.
RESHAPED_CORE: set[str] = set()


def bench_imports(tree: ast.AST) -> list[str]:
    """Imports of bench/ modules: `import bench...`, `from bench...`, and a module loaded from a file path or a
    sys.path entry spelt with "bench" (how tests used to load bench/generate.py)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if alias.name.split(".")[0] in ("bench", "generate")]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in ("bench", "generate"):
            found.append(node.module or "")
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name in ("spec_from_file_location", "insert", "append", "run_path", "import_module"):
                literals = [n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
                found += [f"{name}({text!r})" for text in literals if "bench" in text]
    return found


def private_uses(tree: ast.AST) -> list[str]:
    """Underscore names taken from dossier: `from dossier.x import _y`, `import dossier._x`, and `m._y` where
    `m` is a name imported from dossier (a module, class or function). Dunder names are public protocol."""
    def private(name: str) -> bool:
        return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))

    found, bound = [], set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "dossier":
                    bound.add(alias.asname or "dossier")
                    found += [alias.name for part in alias.name.split(".") if private(part)]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "dossier":
            found += [f"{node.module}.{part}" for part in (node.module or "").split(".") if private(part)]
            for alias in node.names:
                bound.add(alias.asname or alias.name)
                if private(alias.name):
                    found.append(f"{node.module}.{alias.name}")
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and private(node.attr):
            root = node.value
            while isinstance(root, ast.Attribute):
                root = root.value
            if isinstance(root, ast.Name) and root.id in bound:
                found.append(f"{ast.unparse(node)} (line {node.lineno})")
    return sorted(set(found))


def core_modules_imported(tree: ast.AST) -> set[str]:
    """Names of dossier/core modules a test imports, however it spells the import (a module in a stage folder
    is named by its file: `from dossier.core.load import cleaning` and `import dossier.core.load.cleaning` both
    give "cleaning")."""
    def is_module(dotted: str) -> bool:
        return (ROOT.joinpath(*dotted.split(".")).with_suffix(".py")).is_file()

    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.rsplit(".", 1)[-1] for a in node.names
                         if a.name.startswith("dossier.core.") and is_module(a.name))
        elif isinstance(node, ast.ImportFrom) and node.module and (node.module + ".").startswith("dossier.core."):
            if is_module(node.module):
                names.add(node.module.rsplit(".", 1)[-1])
            else:
                names.update(a.name for a in node.names if is_module(f"{node.module}.{a.name}"))
    return names


@pytest.mark.parametrize("path", TEST_MODULES, ids=lambda p: p.name)
def test_no_test_imports_bench_or_an_underscore_name_of_dossier(path: Path) -> None:
    tree = parse(path)
    assert not bench_imports(tree), (f"{path.name} imports from bench/ {bench_imports(tree)}: import the shared "
                                     "code (dossier_synth) instead")
    assert not private_uses(tree), (f"{path.name} reaches into {private_uses(tree)}: test the behaviour through "
                                    "public functions")


def test_every_core_module_outside_the_reshape_is_imported_by_a_test() -> None:
    imported = set().union(*(core_modules_imported(parse(path)) for path in TEST_MODULES))
    untested = sorted(p.stem for p in CORE_MODULES if p.stem != "__init__" and p.stem not in imported | RESHAPED_CORE)
    assert not untested, f"core modules no test imports: {untested}; give each a unit test of its public functions"


@pytest.mark.parametrize("source, found", [
    ("import bench.generate", ["bench.generate"]),
    ("from bench import generate", ["bench"]),
    ("import generate", ["generate"]),
    ("spec_from_file_location('g', ROOT / 'bench' / 'generate.py')", ["spec_from_file_location('bench')"]),
    ("sys.path.insert(0, str(ROOT / 'bench'))", ["insert('bench')"]),
    ("import dossier_synth\nsubprocess.run([sys.executable, 'bench/generate.py'])", []),
])
def test_the_bench_import_finder_sees_every_way_tests_loaded_bench(source: str, found: list[str]) -> None:
    assert bench_imports(ast.parse(source)) == found


@pytest.mark.parametrize("source, found", [
    ("from dossier.core.passages import _keys", ["dossier.core.passages._keys"]),
    ("from dossier.core import passages as p\np._keys('x')", ["p._keys (line 2)"]),
    ("import dossier.core.load.schema as s\ns._FAST.clear()", ["s._FAST (line 2)"]),
    ("from dossier import search\nsearch._Service.x", ["search._Service (line 2)"]),
    ("import dossier._x", ["dossier._x"]),
    ("from dossier.core.passages import find_shared_passages\nself._open = []\nPath.__name__", []),
])
def test_the_underscore_finder_sees_private_names_of_dossier_only(source: str, found: list[str]) -> None:
    assert private_uses(ast.parse(source)) == found


def test_the_core_import_finder_sees_every_spelling_of_a_core_import() -> None:
    source = ("from dossier.core.common.slugs import slugify\nfrom dossier.core.common import errors, urls\n"
              "import dossier.core.text.nfc\nfrom dossier.core.pipeline import build_site\n")
    assert core_modules_imported(ast.parse(source)) == {"slugs", "errors", "urls", "nfc", "pipeline"}


def test_every_test_file_named_to_run_first_exists() -> None:
    """conftest's SLOW_FIRST orders the run by file name: a renamed file would silently drop back to its place."""
    from conftest import SLOW_FIRST

    missing = [name for name in SLOW_FIRST if not (ROOT / "tests" / name).is_file()]
    assert SLOW_FIRST and not missing, missing
