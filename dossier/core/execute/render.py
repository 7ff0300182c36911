"""Jinja2 rendering: templates (given as text) + view models → bytes. StrictUndefined, autoescape on."""

from __future__ import annotations

from typing import Any, Iterable, Mapping

import hashlib
import re

import jinja2

from ..common.controls import visible_controls
from ..common.errors import Problem, did_you_mean, error


_DICT_ATTRIBUTES = frozenset(dir(dict))


class _Environment(jinja2.Environment):
    """Jinja with `row.key` on a plain dict looked up as an item first. Jinja tries the attribute first and
    catches the AttributeError, which was the largest single cost of rendering our dict view models; the
    result is the same, since only names that are not dict attributes take the short way."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


_LAST: list["Renderer"] = []  # the last Renderer made without a bytecode cache (Renderer.for_templates)


class Renderer:
    """Renders named templates. Invariant: a missing variable is an error, never an empty string."""

    def __init__(self, templates: Mapping[str, str], compiled: jinja2.BytecodeCache | None = None):
        """`compiled` (optional, the shell's): where Jinja keeps templates compiled by earlier runs, by name and
        checksum of their source (jinja2's bytecode cache), so that an unchanged template is not compiled again."""
        sources = self.sources = dict(templates)
        self.env = _Environment(
            loader=jinja2.DictLoader(sources), undefined=jinja2.StrictUndefined, bytecode_cache=compiled,
            autoescape=True, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
        # A digest of every template's name and text (part of a kept page's key: a page's template may include,
        # extend or import any other). Made here, before the executor forks, not once in every worker.
        h = hashlib.sha256()
        for name, text in sorted(sources.items()):
            h.update(f"{len(name)}:{name}{len(text)}:".encode("utf-8") + text.encode("utf-8"))
        self.digest = h.hexdigest()

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
        try:
            # Applied once to the whole page rather than to each {{ }} output (a Jinja `finalize` hook ran a
            # million times in a 1,000-article build): templates' own text has no controls, and the symbols
            # contain nothing that escaping would change, so the result is the same.
            text = visible_controls(self.env.get_template(template).render(**context))
        except jinja2.TemplateSyntaxError as exc:
            return b"", (error(f"templates/{exc.name or template}", exc.lineno, 1,
                               f"template syntax error: {exc.message}", "check the {% %} and {{ }} tags",
                               "template-syntax"),)
        except jinja2.TemplateNotFound as exc:
            names = self.env.loader.list_templates() if self.env.loader else []
            return b"", (error(f"templates/{template}", _lineno(exc), 1 if _lineno(exc) else 0,
                               f'template "{exc.name}" not found',
                               did_you_mean(str(exc.name), names) or
                               "templates are the files of templates/ (the dossier's own, else the project's)",
                               "template-missing"),)
        except jinja2.UndefinedError as exc:
            return b"", (error(f"templates/{template}", _lineno(exc), 1,
                               f"template error while rendering {out_path}: {_undefined(exc.message or '')}",
                               "the variable is not part of this page's view model (see dossier/core/plan/views.py)",
                               "template-variable"),)
        except Exception as exc:  # a filter or test raising: a bug in a template or in dossier, shown as such
            return b"", (error(f"templates/{template}", _lineno(exc), 1,
                               f"template error while rendering {out_path}: {type(exc).__name__}: {exc}",
                               "a filter or test in this template failed; this is a bug in the template or in "
                               "dossier, not in the dossier's content", "template-crash"),)
        return text.encode("utf-8"), ()


def _undefined(message: str) -> str:
    """Jinja's "'x' is undefined" / "'dict object' has no attribute 'y'" in words, without Python quotes."""
    match = re.match(r"^'(.+)' is undefined$", message)
    if match:
        return f'the variable "{match.group(1)}" is not defined'
    match = re.match(r"^'(.+)' has no attribute '(.+)'$", message)
    if match:
        return f'"{match.group(2)}" is not a field of this value ({match.group(1).replace("object", "").strip()})'
    return message


def _lineno(exc: BaseException) -> int:
    tb = exc.__traceback__
    line = 0
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.startswith("<template>") or "template" in tb.tb_frame.f_code.co_filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
