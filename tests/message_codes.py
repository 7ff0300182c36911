"""The message codes the code base can emit, found by reading its source (AST), for the catalogue test.

A code is the `check` argument of an `error(...)`/`warning(...)` call (dossier/core/common/errors.py): the last
positional argument, or `check=`. It must be a literal kebab-case string, so that it can be found here; or a
parameter of the enclosing function whose every caller in the module passes a literal (a helper such as
schema_messages._at); or `<problem>.check` (a problem re-created at a better position keeps its code).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

CODE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


@dataclass
class Scan:
    codes: dict[str, list[str]] = field(default_factory=dict)   # code → "file:line" of each call
    without: list[str] = field(default_factory=list)             # calls with no literal code: "file:line: why"


def _code_arg(call: ast.Call) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == "check":
            return keyword.value
    width = sum(3 if isinstance(a, ast.Starred) else 1 for a in call.args)  # *where is (file, line, col)
    return call.args[-1] if width >= 6 and not isinstance(call.args[-1], ast.Starred) else None


def _literals_for(module: ast.Module, function: ast.FunctionDef, param: str) -> list[str] | None:
    """The literal values every call of `function` in `module` passes for `param`; None if one is not literal."""
    names = [a.arg for a in function.args.args]
    index = names.index(param)
    found = []
    for node in ast.walk(module):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == function.name:
            value = next((k.value for k in node.keywords if k.arg == param), None)
            if value is None and index < len(node.args):
                value = node.args[index]
            if not (isinstance(value, ast.Constant) and isinstance(value.value, str)):
                return None
            found.append(value.value)
    return found


def _enclosing(module: ast.Module) -> dict[int, ast.FunctionDef]:
    parents = {}
    for node in ast.walk(module):
        if isinstance(node, ast.FunctionDef):
            for inner in ast.walk(node):
                parents.setdefault(id(inner), node)  # ast.walk is breadth-first: the outermost comes first …
            for inner in ast.walk(node):
                if isinstance(inner, ast.FunctionDef) and inner is not node:
                    for deeper in ast.walk(inner):
                        parents[id(deeper)] = inner  # … so nested functions override it
    return parents


def _imports_problem_makers(module: ast.Module) -> bool:
    return any(isinstance(n, ast.ImportFrom) and (n.module or "").endswith("errors")
               and {a.name for a in n.names} & {"error", "warning"} for n in ast.walk(module))


def scan(package: Path) -> Scan:
    """Every code of every `error(...)`/`warning(...)` call under `package`, and the calls that have none."""
    result = Scan()
    for path in sorted(package.rglob("*.py")):
        module = ast.parse(path.read_text("utf-8"))
        if not _imports_problem_makers(module) and path.name != "errors.py":
            continue
        parents = _enclosing(module)
        for call in ast.walk(module):
            if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
                    and call.func.id in ("error", "warning")):
                continue
            where = f"{path.relative_to(package.parent).as_posix()}:{call.lineno}"
            arg = _code_arg(call)
            codes: list[str] | None = None
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                codes = [arg.value]
            elif isinstance(arg, ast.Attribute) and arg.attr == "check":
                continue  # re-created problem: keeps the code it was made with
            elif isinstance(arg, ast.Name) and id(call) in parents and \
                    arg.id in [a.arg for a in parents[id(call)].args.args]:
                codes = _literals_for(module, parents[id(call)], arg.id)
            if path.name == "errors.py" and isinstance(arg, ast.Name):
                continue  # the definitions of error() and warning() themselves
            if not codes or not all(CODE.match(c) for c in codes):
                result.without.append(f"{where}: no literal kebab-case code")
                continue
            for code in codes:
                result.codes.setdefault(code, []).append(where)
    return result
