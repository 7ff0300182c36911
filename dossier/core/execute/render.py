"""Jinja2 rendering: templates (given as text) + view models → bytes. StrictUndefined, autoescape on."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Iterable, Mapping, Sequence

import hashlib
import re

import jinja2
import markupsafe
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ..common.controls import visible_controls
from ..common.errors import Problem, did_you_mean, error
from .syntax_at import syntax_at, unknown_name_at
from ..plan.page import Row


_DICT_ATTRIBUTES = frozenset(dir(dict))


def _escaped(value: Any, _str: type = str, _inner: Any = getattr(markupsafe, "_escape_inner", None),
             _escape: Any = markupsafe.escape) -> str:
    """What a template's `{{ value }}` writes: markupsafe.escape(value), as a plain str when `value` is one.
    Jinja's code calls `escape` only to output a value (yielded, or appended to a block's buffer, which it then
    makes Markup of whole), so the text is all that counts; markupsafe's makes each a Markup through a Python
    `__new__` (1.8 million of them in a cold build of 1,000 articles: 0.3 µs each). Anything else (Markup, a
    number, an undefined value) goes to markupsafe.escape, as before."""
    if type(value) is _str and _inner is not None:
        return _inner(value)  # type: ignore[no-any-return]
    return _escape(value)  # type: ignore[no-any-return]


class _Template(jinja2.Template):
    """A template whose code outputs its values through `_escaped` (the name `escape` in its module's globals,
    which its render functions, blocks and macros share)."""

    @classmethod
    def from_code(cls, environment: jinja2.Environment, code: Any, globals: Any, uptodate: Any = None
                  ) -> jinja2.Template:
        made = super().from_code(environment, code, globals, uptodate)
        made.root_render_func.__globals__["escape"] = _escaped
        return made


class _Environment(ImmutableSandboxedEnvironment):
    """Jinja in its sandbox, with `row.key` on a plain dict (or a listing row, page.Row) looked up as an item
    first. Jinja tries the attribute first and catches the AttributeError, which was the largest single cost of
    rendering our dict view models; the result is the same, since only names that are not dict attributes take
    the short way (and a dict's items are data: nothing the sandbox guards).

    The sandbox: a dossier may bring its own templates (templates/), and a contributed dossier's templates ran
    any Python when it was built, checked or previewed (`cycler.__init__.__globals__.os.system(…)`, review 75),
    where the README promises that building a contributed dossier reads nothing of the machine's. In the sandbox
    a template reaches no attribute starting with "_", no function's globals, and changes no value it is given."""

    template_class = _Template

    def getattr(self, obj: Any, attribute: str) -> Any:
        if (type(obj) is dict or type(obj) is Row) and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


class _Sources(jinja2.DictLoader):
    """Templates from their texts, each compiled under the file name FILE + its name: a traceback through a
    template then names it (`_place`), so that an error in an included or extended template is reported in
    that template's file, not in the page's."""

    def __init__(self, mapping: Mapping[str, str]) -> None:
        super().__init__(mapping)
        self.stand_ins: set[str] = set()  # missing templates read as empty while one page is rendered again

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Any]:
        if template not in self.mapping and template in self.stand_ins:
            return "", FILE + template, lambda: template in self.stand_ins  # (dropped from Jinja's cache after)
        source, _, uptodate = super().get_source(environment, template)
        return source, FILE + template, uptodate


FILE = "<template>/"
MISSING_AT_MOST = 8  # missing templates read as empty, one after another, for one page
_LAST: list["Renderer"] = []  # the last Renderer made without a bytecode cache (Renderer.for_templates)


class Renderer:
    """Renders named templates. Invariant: a missing variable is an error, never an empty string."""

    def __init__(self, templates: Mapping[str, str], compiled: jinja2.BytecodeCache | None = None):
        """`compiled` (optional, the shell's): where Jinja keeps templates compiled by earlier runs, by name and
        checksum of their source (jinja2's bytecode cache), so that an unchanged template is not compiled again."""
        sources = self.sources = dict(templates)
        self.loader = _Sources(sources)
        self.env = _Environment(
            loader=self.loader, undefined=jinja2.StrictUndefined, bytecode_cache=compiled,
            autoescape=True, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
        # A digest of every template's name and text (part of a kept page's key: a page's template may include,
        # extend or import any other). Made here, before the executor forks, not once in every worker.
        h = hashlib.sha256()
        for name, text in sorted(sources.items()):
            h.update(f"{len(name)}:{name}{len(text)}:".encode("utf-8") + text.encode("utf-8"))
        self.digest = h.hexdigest()
        self.syntax: dict[tuple[Any, ...], tuple[int, int, str]] = {}  # where each syntax error is (syntax_at.py)

    @classmethod
    def for_templates(cls, templates: Mapping[str, str], compiled: jinja2.BytecodeCache | None = None) -> "Renderer":
        """A Renderer of `templates`. Without a bytecode cache (the live preview, which builds again at every
        save), the last one made for the same templates, which has compiled them already."""
        if compiled is None and _LAST and _LAST[0].sources == templates:
            return _LAST[0]
        made = cls(templates, compiled)
        if compiled is None:
            _LAST[:] = [made]
        return made

    def compile(self, names: Iterable[str]) -> None:
        """Compile the named templates now (the executor does it before forking, so that workers share them
        instead of each compiling its own); a broken one is reported when it is rendered, not here."""
        for name in names:
            try:
                self.env.get_template(name)
            except Exception:
                pass

    def render(self, template: str, context: Mapping[str, Any], out_path: str) -> tuple[bytes, tuple[Problem, ...]]:
        """The page's bytes, or b"" and its template's problems. A template that another includes and that is
        missing is read as empty while the page is rendered again, so that the mistakes of the templates after
        it (in the page's own, which extends the one including it) are said in the same run, not one by one."""
        problems: tuple[Problem, ...] = ()
        try:
            for _ in range(MISSING_AT_MOST):
                text, said, missing = self._render(template, context, out_path)
                problems += said
                if missing is None or missing == template or missing in self.loader.stand_ins:
                    break
                self.loader.stand_ins.add(missing)
        finally:
            self.loader.stand_ins.clear()
        return (b"", problems) if problems else (text, ())

    def _render(self, template: str, context: Mapping[str, Any], out_path: str
                ) -> tuple[bytes, tuple[Problem, ...], str | None]:
        """One rendering: (bytes, problems, the name of a template found missing)."""
        try:
            # Applied once to the whole page rather than to each {{ }} output (a Jinja `finalize` hook ran a
            # million times in a 1,000-article build): templates' own text has no controls, and the symbols
            # contain nothing that escaping would change, so the result is the same.
            text = visible_controls(self.env.get_template(template).render(**context))
        except jinja2.TemplateSyntaxError as exc:
            name = exc.name or template
            place = (name, exc.lineno, exc.message)  # (said for every page the template renders: found once)
            if place not in self.syntax:
                self.syntax[place] = syntax_at(self.env, self.sources.get(name, ""), exc)
            line, col, note = self.syntax[place]
            hint = "; ".join(part for part in (note, "check the {% %} and {{ }} tags") if part)
            return b"", (error(f"templates/{name}", line, col, f"template syntax error: {exc.message}", hint,
                               "template-syntax"),), None
        except jinja2.TemplateNotFound as exc:
            names = self.loader.list_templates()
            file, line = _place(exc, template)
            written = (self.sources.get(file, "").split("\n") + [""])[line - 1] if line else ""
            col = written.find(str(exc.name)) + 1 or 1 if line else 0  # (at the name, in its include or extends)
            return b"", (error(f"templates/{file}", line, col, f'template "{exc.name}" not found',
                               did_you_mean(str(exc.name), names) or
                               "templates are the files of templates/ (the dossier's own, else the project's)",
                               "template-missing"),), str(exc.name)
        except jinja2.UndefinedError as exc:
            file, line, col = _undefined_at(exc, template, self.sources)
            missing = _UNDEFINED.match(exc.message or "")
            field = _NO_ATTRIBUTE.match(exc.message or "")
            return b"", (error(f"templates/{file}", line, col,
                               f"template error while rendering {out_path}: {_undefined(exc.message or '')}",
                               (did_you_mean(missing.group(1), list(context), True) if missing else "") or
                               (did_you_mean(field.group(2), _fields(context), True) if field else "") or
                               "the variable is not part of this page's view model (see dossier/core/plan/views.py)",
                               "template-variable"),), None
        except Exception as exc:  # a filter or test raising (a bug in a template or in dossier), or the sandbox
            return b"", (self._failed(exc, template, out_path),), None
        return text.encode("utf-8"), (), None

    def _failed(self, exc: Exception, template: str, out_path: str) -> Problem:
        """The problem of a rendering that raised: the sandbox's refusal (see _Environment), a test no Jinja has,
        or a filter or test that failed."""
        file, line = _place(exc, template)
        if isinstance(exc, SecurityError):
            return error(f"templates/{file}", line, 1, f"template error while rendering {out_path}: {exc}",
                         "a template may use the page's view model, filters and macros, not Python's own objects "
                         "(names starting with _, a function's globals), nor change a list or mapping (a value "
                         "that changes in a loop is a namespace(): {% set ns = namespace(n=0) %}): templates run "
                         "in Jinja's sandbox", "template-unsafe")
        unknown = unknown_name_at(self.env, self.sources.get(file, ""), line, str(exc)) \
            if isinstance(exc, jinja2.TemplateRuntimeError) else None
        if unknown:  # (a test no Jinja has, named in an {% if %}: looked up when it runs)
            return error(f"templates/{file}", unknown[0], unknown[1], f"template syntax error: {exc}",
                         "; ".join(p for p in (unknown[2], "check the {% %} and {{ }} tags") if p), "template-syntax")
        return error(f"templates/{file}", line, 1,
                     f"template error while rendering {out_path}: {type(exc).__name__}: {exc}",
                     "a filter or test in this template failed; this is a bug in the template or in dossier, not "
                     "in the dossier's content", "template-crash")


def _fields(value: Any, depth: int = 0) -> set[str]:
    """The names of the fields of the view model's values (its mappings' keys, three levels down): those a
    template may have meant by a field it names that is not one ("nmae": name)."""
    names: set[str] = set()
    if depth > 3:
        return names
    if isinstance(value, Mapping):
        for key, item in value.items():
            names.add(str(key))
            names |= _fields(item, depth + 1)
    elif isinstance(value, (list, tuple)) and value:
        names |= _fields(value[0], depth + 1)
    return names


_WHILE = re.compile(r"^template error while rendering (\S+): ")


def once_each(problems: Sequence[Problem]) -> list[Problem]:
    """Template problems once each, in order: one mistake in a template every page extends was one error per
    page (91 for the default dossier's base.html). The same problem of several pages (the same place, check and
    message, but for the page named) is said once, naming the first page and how many others; the other
    problems are kept as they are."""
    first: dict[tuple[Any, ...], int] = {}
    pages: dict[int, int] = {}
    out: list[Problem] = []
    for p in problems:
        if not p.check.startswith("template-"):
            out.append(p)
            continue
        match = _WHILE.match(p.message)
        key = (p.file, p.line, p.col, p.check, p.severity, p.hint, p.message[match.end():] if match else p.message)
        if key in first:
            pages[first[key]] = pages.get(first[key], 1) + 1
            continue
        first[key] = len(out)
        out.append(p)
    for i, n in pages.items():
        match = _WHILE.match(out[i].message)
        if match:
            path = match.group(1)
            message = out[i].message.replace(path, f"{path} (and {n - 1} other page{'s' if n > 2 else ''})", 1)
            out[i] = replace(out[i], message=message)
    return out


_UNDEFINED = re.compile(r"^'(.+)' is undefined$")                     # Jinja's words for a missing name
_NO_ATTRIBUTE = re.compile(r"^'(.+)' has no attribute '(.+)'$")       # and for a missing field


def _undefined(message: str) -> str:
    """Jinja's "'x' is undefined" / "'dict object' has no attribute 'y'" in words, without Python quotes."""
    match = _UNDEFINED.match(message)
    if match:
        return f'the variable "{match.group(1)}" is not defined'
    match = _NO_ATTRIBUTE.match(message)
    if match:
        kind = match.group(1).replace("object", "").strip()
        return f'"{match.group(2)}" is not a field of this value ({_KINDS.get(kind, kind)})'
    return message


# Python's names of the values a view model holds, in words
_KINDS = {"dict": "a set of named fields", "list": "a list", "tuple": "a list", "str": "text", "int": "a number",
          "float": "a number", "bool": "yes or no", "None": "nothing", "Markup": "text",
          f"{Row.__module__}.{Row.__qualname__}": "a set of named fields"}


_TAG = re.compile(r"\{#.*?#\}|\{\{.*?\}\}|\{%.*?%\}", re.S)  # (a tag may span lines; {# #} is a comment)
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")


def _name_at(source: str, message: str | None, line: int = 0) -> int | None:
    """Where in a template's `source` the name Jinja found undefined ("'x' is undefined": x; "... has no
    attribute 'y'": .y or ['y']) first stands as a whole name inside a {{ }} or {% %} tag, not in a quoted
    string; with `line`, only in a tag that touches that line (a tag may span lines). None when it does
    not."""
    undefined, attribute = _UNDEFINED.match(message or ""), _NO_ATTRIBUTE.match(message or "")
    if undefined:
        pattern = rf"(?<![\w.]){re.escape(undefined.group(1))}\b"
    elif attribute:  # (.y, or ['y'] / ["y"], whose quotes are not a string the name is in)
        name = re.escape(attribute.group(2))
        pattern = rf"\.\s*{name}\b|\[\s*'{name}'\s*\]|\[\s*\"{name}\"\s*\]"
    else:
        return None
    code = [(m.start(), m.end()) for m in _TAG.finditer(source) if not m.group().startswith("{#")]
    if line:
        lines = source.splitlines(keepends=True)
        first = sum(len(text) for text in lines[:line - 1])
        last = first + len(lines[line - 1]) if line <= len(lines) else first
        code = [(a, b) for a, b in code if a < last and b > first]
    quoted = [(m.start(), m.end()) for a, b in code for m in _QUOTED.finditer(source, a, b)]
    for found in re.finditer(pattern, source):
        at = found.start()
        if any(a <= at < b for a, b in code) and not any(a <= at < b for a, b in quoted):
            return at
    return None


def _frames(exc: BaseException) -> list[tuple[str, int]]:
    """The templates `exc`'s traceback passes through (an included, imported or extended one's own frames
    too; Jinja's tracebacks give template lines), outermost first: (name, line)."""
    tb, frames = exc.__traceback__, []
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.startswith(FILE):
            frames.append((filename[len(FILE):], tb.tb_lineno))
        tb = tb.tb_next
    return frames


def _place(exc: BaseException, template: str) -> tuple[str, int]:
    """Where in the templates `exc` was raised: the innermost template frame, else `template` and line 0
    (raised before any template code ran)."""
    frames = _frames(exc)
    return frames[-1] if frames else (template, 0)


def _undefined_at(exc: jinja2.UndefinedError, template: str, sources: Mapping[str, str]) -> tuple[str, int, int]:
    """Where the name Jinja found undefined is written: in a tag at the line of the innermost template frame
    that has it (a macro's argument is named by its caller's line, not the macro's), else first in the
    innermost template (a value `set` from it is undefined where it is used), else at the innermost frame:
    (template, line, column)."""
    frames = _frames(exc)
    innermost = frames[-1] if frames else (template, 0)
    for name, line in [*reversed(frames), (innermost[0], 0)]:  # (line 0: the whole template)
        source = sources.get(name, "")
        at = _name_at(source, exc.message, line)
        if at is not None:
            before = source[:at]
            return name, before.count("\n") + 1, at - before.rfind("\n")
    return innermost[0], innermost[1], 1
