"""Jinja2 rendering: templates (given as text) + view models → bytes. StrictUndefined, autoescape on."""

from __future__ import annotations

from typing import Any, Mapping

import jinja2

from .errors import Problem, error


class Renderer:
    """Renders named templates. Invariant: a missing variable is an error, never an empty string."""

    def __init__(self, templates: Mapping[str, str]):
        self.env = jinja2.Environment(
            loader=jinja2.DictLoader(dict(templates)), undefined=jinja2.StrictUndefined,
            autoescape=True, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)

    def render(self, template: str, context: Mapping[str, Any], out_path: str) -> tuple[bytes, tuple[Problem, ...]]:
        try:
            text = self.env.get_template(template).render(**context)
        except jinja2.TemplateSyntaxError as exc:
            return b"", (error(f"templates/{exc.name or template}", exc.lineno, 1,
                               f"template syntax error: {exc.message}", "check the {% %} and {{ }} tags", "template"),)
        except jinja2.TemplateNotFound as exc:
            return b"", (error(f"templates/{template}", 0, 0, f"template not found: {exc.name}",
                               "templates fall back to the project's templates/ folder", "template"),)
        except jinja2.UndefinedError as exc:
            return b"", (error(f"templates/{template}", _lineno(exc), 1,
                               f"template error while rendering {out_path}: {exc.message}",
                               "the variable is not part of this page's view model (see dossier/core/views.py)",
                               "template"),)
        except Exception as exc:  # a filter or test raising: report, do not crash the preview
            return b"", (error(f"templates/{template}", _lineno(exc), 1,
                               f"template error while rendering {out_path}: {exc}", "", "template"),)
        return text.encode("utf-8"), ()


def _lineno(exc: BaseException) -> int:
    tb = exc.__traceback__
    line = 0
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.startswith("<template>") or "template" in tb.tb_frame.f_code.co_filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
