"""JSON Schema failures in an editor's words, each at the line of the value (or key) that is wrong.

jsonschema's own messages are Python reprs ("[{'article': 'a'}] is too short", "'x' does not match
'^[a-z]+$'"); none of them reaches an editor. Every validator kind the schemas use, and the common ones
they might come to use, has its own sentence here; anything else gets a plain fallback built from the
schema's `description`, never from jsonschema's text.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Callable

from ..common.errors import Problem, did_you_mean, error
from .dates import calendar_slip, date_hint
from .yamlsrc import Loaded

Path = tuple[Any, ...]
Found = list[tuple["Path | None", Problem]]   # each problem with the path of the value it spoils (or None)

_KINDS = {"string": "text", "array": "a list", "object": "a mapping", "number": "a number",
          "integer": "a whole number", "boolean": "true or false", "null": "empty"}


def to_problems(loaded: Loaded, err: Any) -> Found:
    """One jsonschema ValidationError → Problems, each with the path of the value it spoils."""
    path = tuple(err.absolute_path)
    if "propertyNames" in err.schema_path:
        return _key_form(loaded, path, err)
    word = _WORDS.get(err.validator)
    if word is None:
        return _other(loaded, path, err)
    return word(loaded, path, err)


def where(path: Path) -> str:
    """" (at annotations[0].kind)": the key path, as the editor would point at it."""
    if not path:
        return ""
    text = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")
    return f" (at {text})"


def shown(value: Any) -> str:
    """A value as the editor wrote it, in words: "March 22" in quotes, a list as "a list", never a repr."""
    if isinstance(value, str):
        text = f'"{value}"'
        return text if len(text) <= 60 else text[:56] + '…"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "an empty value"
    if isinstance(value, (int, float)):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, list):
        return f"a list of {len(value)} item{'s' if len(value) != 1 else ''}"
    return "a mapping"


def _description(err: Any) -> str:
    return err.schema.get("description", "") if isinstance(err.schema, dict) else ""


def _about(err: Any) -> str:
    """" (what the key is for)", from the schema's description, to close a hint with."""
    return f" ({_description(err)})" if _description(err) else ""


def _at(loaded: Loaded, path: Path, message: str, hint: str, code: str) -> Found:
    line, col = loaded.at(path)
    return [(path, error(loaded.file, line, col, message + where(path), hint, code))]


def _unknown_keys(loaded: Loaded, path: Path, err: Any) -> Found:
    if not isinstance(err.instance, dict):
        return _other(loaded, path, err)
    allowed = list(err.schema.get("properties", {}))
    out: Found = []
    for key in sorted(set(err.instance) - set(allowed), key=str):
        line, col = loaded.key_at(path + (key,))
        hint = _nested(str(key), err.schema) or did_you_mean(str(key), allowed) or \
            ("allowed keys: " + ", ".join(allowed) if allowed else "")
        out.append((path + (key,), error(loaded.file, line, col, f'unknown key "{key}"{where(path)}', hint,
                                         "schema-unknown-key")))
    return out


def _nested(key: str, schema: Any) -> str:
    """For a key that is unknown here but a key of the items of a list this mapping holds (an annotation's
    `note:` dedented to the top of the file): where it belongs, since it was most likely indented too little."""
    for name, sub in (schema.get("properties") or {}).items():
        items = sub.get("items") if isinstance(sub, dict) else None
        if isinstance(items, dict) and key in (items.get("properties") or {}):
            return (f'"{key}" is a key of each item of {name}: (indent it to line up with the keys of the item '
                    "above it)")
    return ""


def _required(loaded: Loaded, path: Path, err: Any) -> Found:
    """Each required key that is missing, unless an unknown key beside it is its misspelling ("nmae"): that one's
    "unknown key … did you mean" is the whole mistake, not a second error."""
    present = err.instance if isinstance(err.instance, dict) else {}
    allowed = list(err.schema.get("properties", {}))
    # (what the unknown keys' own did-you-means name: "nmae" names "name", "notes" names "note", not "quote")
    meant = {did_you_mean(str(k), allowed) for k in present if k not in allowed}
    out: Found = []
    for key in err.validator_value:
        if key not in present and f'did you mean "{key}"?' not in meant:
            wanted = err.schema.get("properties", {}).get(key, {})
            about, options = wanted.get("description", ""), wanted.get("enum")
            hint = f"add {key}: ..." + (f" ({about})" if about else "")
            if isinstance(options, list) and options:  # (the values it may take, not only what it is for)
                hint = f"add {key}: ..., one of: " + ", ".join(str(o) for o in options)
            out += [(path + (key,), p) for _, p in
                    _at(loaded, path, f'missing required key "{key}"', hint, "schema-missing-key")]
    return out


def invisible(value: Any) -> tuple[str, str] | None:
    """The first character of a text that cannot be seen (a zero-width space or joiner, a byte-order mark, a
    direction mark, a control character, a space other than the plain one) and its name, "zero width space
    (U+200B)"; None when there is none. Pasted from a web page or a word processor, it makes an id or a date
    look right and fail its pattern."""
    if not isinstance(value, str):
        return None
    for char in value:
        if char != " " and unicodedata.category(char) in ("Cf", "Cc", "Zs", "Zl", "Zp"):
            return char, f"{unicodedata.name(char, 'control character').lower()} (U+{ord(char):04X})"
    return None


def _hidden(loaded: Loaded, at: tuple[int, int], value: Any) -> tuple[int, int, str] | None:
    """(line, column, what the message says) for a value or key of the wrong form that holds an invisible
    character: the column is the character's own, so the caret points at what cannot be seen."""
    found = invisible(value)
    if found is None:
        return None
    char, name = found
    lines = loaded.text.split("\n")
    source = lines[at[0] - 1] if 0 < at[0] <= len(lines) else ""
    index = source.find(char, at[1] - 1)
    shown_value = shown("".join(c if invisible(c) is None else f"\\x{ord(c):02x}" if ord(c) < 0x100 else
                                f"\\u{ord(c):04x}" for c in value))
    return at[0], (index + 1 if index >= 0 else at[1]), f"{shown_value} holds a {name}, which cannot be seen"


_HIDDEN_HINT = "delete that character (retype the value there)"


def _pattern(loaded: Loaded, path: Path, err: Any) -> Found:
    hidden = _hidden(loaded, loaded.at(path), err.instance)
    if hidden:
        return [(path, error(loaded.file, hidden[0], hidden[1], hidden[2] + where(path), _HIDDEN_HINT,
                             "schema-form"))]
    dated = date_hint(err.instance) if "[0-9]{4}-" in err.validator_value else ""
    slip = calendar_slip(err.instance) if "[0-9]{4}" in err.validator_value else None
    if slip:
        return _at(loaded, path, slip[0], slip[1], "date-impossible")
    # (an annotation's id names no page or file, only a place in its article: "aux" is one)
    page = not (len(path) >= 3 and path[-3] == "annotations" and path[-1] == "id")
    return _at(loaded, path, f"{shown(err.instance)} does not have the expected form",
               dated or pattern_hint(err.validator_value, _description(err), err.instance, page), "schema-form")


def _key_form(loaded: Loaded, path: Path, err: Any) -> Found:
    """A mapping key of the wrong form (an outlet or entity id): reported at the key itself. It spoils
    nothing: the entry stays known under that id, so references to it are not reported as unknown too."""
    key = err.instance
    line, col = loaded.key_at(path + (key,))
    hidden = _hidden(loaded, (line, col), key)
    if hidden:
        return [(None, error(loaded.file, hidden[0], hidden[1], f"the id {hidden[2]}{where(path)}", _HIDDEN_HINT,
                             "schema-form"))]
    if isinstance(err.validator_value, int):  # (maxLength: an id is a page's file name, review 75)
        return [(None, error(loaded.file, line, col, f"the id {shown(key)} is {len(str(key))} characters long, more "
                             f"than the {err.validator_value} an id may have{where(path)}",
                             "shorten it (the id names the entity's page, and a file name cannot be that long)",
                             "schema-form"))]
    message = f"the id {shown(key)} does not have the expected form{where(path)}"
    return [(None, error(loaded.file, line, col, message,
                                            pattern_hint(err.validator_value, "", key), "schema-form"))]


def _enum(loaded: Loaded, path: Path, err: Any) -> Found:
    options = [str(v) for v in err.validator_value]
    hint = did_you_mean(str(err.instance), options) or "use one of: " + ", ".join(options)
    return _at(loaded, path, f"{shown(err.instance)} is not allowed", hint, "schema-choice")


def _const(loaded: Loaded, path: Path, err: Any) -> Found:
    return _at(loaded, path, f"{shown(err.instance)} is not allowed", f"the only value allowed here is "
               f"{shown(err.validator_value)}", "schema-choice")


def _type(loaded: Loaded, path: Path, err: Any) -> Found:
    expected = err.validator_value
    kinds = [expected] if isinstance(expected, str) else list(expected)
    wanted = " or ".join(_KINDS.get(k, str(k)) for k in kinds)
    hints = {"string": "quote the value to make it text", "array": "write a list: [a, b], or one \"- item\" per line",
             "object": "write a mapping: one \"key: value\" per line", "number": "write a number, without quotes",
             "integer": "write a whole number, without quotes", "boolean": "write true or false"}
    hint = hints.get(kinds[0], "") if len(kinds) == 1 else ""
    if err.instance is None and kinds[0] == "string":  # (`language:` left empty: quoted, "" was an error too)
        hint = "write the value after the colon"
    if kinds[0] in ("number", "integer") and isinstance(err.instance, str):
        hint = _number_hint(err.instance, kinds[0], loaded.raw(path).lstrip()[:1] in ("'", '"'))
    pattern = err.schema.get("pattern") if kinds == ["string"] and isinstance(err.schema, dict) else None
    if isinstance(pattern, str) and isinstance(err.instance, (int, float)) and not isinstance(err.instance, bool) \
            and not re.search(pattern, str(err.instance)):
        hint = _text_hint(str(err.instance), pattern)  # (quoted, it would be of the wrong form: review 58)
    return _at(loaded, path, f"{shown(err.instance)} should be {wanted}", hint or f"write {wanted} here",
               "schema-type")


def _text_hint(text: str, pattern: str) -> str:
    """What to write for a number where text of a form is wanted, that the number quoted is not of: a date
    written 20240322, a Wikidata id without its Q."""
    if "[0-9]{4}" in pattern:
        return date_hint(text) or pattern_hint(pattern, "", text)
    if pattern.startswith("^Q") and re.search(pattern, "Q" + text):
        return f"write Q{text}: a Wikidata id starts with Q"
    return pattern_hint(pattern, "", text)


def _number_hint(text: str, kind: str, quoted: bool) -> str:
    """What to write for a number written as text: "5,0" with a decimal comma, "1,000" with a thousands
    separator, or a quoted number (only then is "without quotes" the fix)."""
    plain = text.strip()
    if re.fullmatch(r"-?\d{1,3}(,\d{3})+", plain):
        return f"write it without separators: {plain.replace(',', '')}"
    if kind == "number" and re.fullmatch(r"-?\d+,\d+", plain):
        return f"write the decimals after a point: {plain.replace(',', '.')}"
    if quoted and re.fullmatch(r"-?\d+(\.\d+)?", plain):
        return "remove the quotes: a number is written without them"
    if kind == "integer":
        return "write a whole number (digits only)"
    return "write a number (digits, a point for decimals)"


def _length(loaded: Loaded, path: Path, err: Any) -> Found:
    limit = err.validator_value
    if err.validator == "minLength":
        message = "the value is empty" if limit == 1 else f"the text is shorter than {limit} characters"
        hint = "write a value here, or remove the key" + _about(err)
    else:
        message, hint = f"the text is longer than {limit} characters", "shorten it"
    return _at(loaded, path, message, hint, "schema-length")


def _items(loaded: Loaded, path: Path, err: Any) -> Found:
    count, limit = len(err.instance), err.validator_value
    plural = "s" if count != 1 else ""
    # A list of the wrong length spoils no item: the items that are there are still read and checked.
    if err.validator == "minItems":
        hint = (f"add {limit - count} more; " if limit > count else "") + (_description(err) or "")
        if path and path[-1] == "witnesses":
            hint = "a comparison sets at least two articles side by side: add another article's witness"
        found = _at(loaded, path, f"the list has {count} item{plural}; at least {limit} are needed",
                    hint.strip("; "), "schema-items")
    else:
        found = _at(loaded, path, f"the list has {count} item{plural}; at most {limit} are allowed",
                    f"remove {count - limit}", "schema-items")
    return [(None, problem) for _, problem in found]


def _unique(loaded: Loaded, path: Path, err: Any) -> Found:
    seen: list[Any] = []
    for i, item in enumerate(err.instance):
        if item in seen:
            first = seen.index(item)
            return _at(loaded, path + (i,), f"{shown(item)} is listed twice",
                       f"it is already item {first + 1} of the list; remove one", "schema-items")
        seen.append(item)
    return _at(loaded, path, "the list repeats an item", "remove the repeated item", "schema-items")


def _range(loaded: Loaded, path: Path, err: Any) -> Found:
    limit = shown(err.validator_value)
    low = err.validator in ("minimum", "exclusiveMinimum")
    message = f"{shown(err.instance)} is {'below' if low else 'above'} the {'lowest' if low else 'highest'} " \
              f"value allowed, {limit}"
    return _at(loaded, path, message, f"use a number {'from' if low else 'up to'} {limit}" + _about(err),
               "schema-range")


def _format(loaded: Loaded, path: Path, err: Any) -> Found:
    return _at(loaded, path, f"{shown(err.instance)} is not a valid {err.validator_value}",
               _description(err) or f"write a {err.validator_value}", "schema-form")


def _keys(loaded: Loaded, path: Path, err: Any) -> Found:
    """A mapping with fewer keys than it needs (an empty one, where that would mean "everything")."""
    limit, names = err.validator_value, sorted(err.schema.get("properties", {}))
    need = f"at least {limit} of its keys {'is' if limit == 1 else 'are'} needed"
    hint = (f"write {'one' if limit == 1 else limit} of: {', '.join(names)}" if names else "") + _about(err)
    return _at(loaded, path, f"this mapping is empty; {need}" if not err.instance else f"too few keys; {need}",
               hint or "see README.md for this file's format", "schema-shape")


def _other(loaded: Loaded, path: Path, err: Any) -> Found:
    """oneOf, anyOf, not, dependentRequired, …: no jsonschema text, the schema's own description instead."""
    return _at(loaded, path, "this value does not have one of the allowed shapes",
               _description(err) or "see README.md for this file's format", "schema-shape")


_WORDS: dict[str, Callable[[Loaded, Path, Any], Found]] = {
    "additionalProperties": _unknown_keys, "required": _required, "pattern": _pattern, "enum": _enum,
    "const": _const, "type": _type, "minLength": _length, "maxLength": _length, "minItems": _items,
    "maxItems": _items, "uniqueItems": _unique, "minimum": _range, "maximum": _range,
    "exclusiveMinimum": _range, "exclusiveMaximum": _range, "format": _format, "minProperties": _keys,
}


def _address_hint(value: Any, pattern: str) -> str:
    """A web address's hint: the value with https:// before it where it lacks a scheme ("www.jpost.com", review 135),
    else what such an address is."""
    written = value.strip() if isinstance(value, str) else ""
    if written and "://" not in written and " " not in written and "." in written.split("/", 1)[0]:
        meant = "https://" + written + ("" if "/" in written else "/")
        if re.match(pattern, meant):
            return f'write it as "{meant}"'
    return "use a full http:// or https:// address, with spaces and \" < > encoded (%20, %22, %3C, %3E)"


def pattern_hint(pattern: str, description: str, value: Any = None, page: bool = True) -> str:
    """What a pattern asks for, in words (the regular expression itself is never shown); for an id, the `value`
    written as one when that is one ("Headline Biden": headline-biden), and, for an id that names a `page`, no
    name Windows keeps for a device ("Aux": aux-1, as slugs.slug_hint: an entity's id names its page, and aux
    would be a windows-name warning; an annotation's id names none, and "aux" is offered)."""
    if "[a-z0-9]" in pattern:
        from ..common.slugs import portable, slugify

        made = slugify(value, "") if isinstance(value, str) else ""
        made = portable(made) if page else made
        if made and made != value and re.match(pattern, made):
            return f"write it as {made}: lower-case letters, digits and hyphens only"
        return "use lower-case letters, digits and hyphens only, e.g. benjamin-netanyahu"
    if pattern.startswith("^[0-9]{4}(-"):
        return "write a year, a month or a day: 2022, 2022-12 or 2022-12-01"
    if "[0-9]{4}-" in pattern:
        return "write dates as YYYY-MM-DD, e.g. 2024-03-22"
    if "https?" in pattern:
        return _address_hint(value, pattern)
    if pattern.startswith("^Q"):  # ("q6279", "6279", the page's address: the id in it, review 135)
        found = re.search(r"(?:^|/|\b)[Qq]?(\d+)$", value.strip()) if isinstance(value, str) else None
        return f"write it as Q{found.group(1)}" if found and re.match(pattern, f"Q{found.group(1)}") else \
            "a Wikidata id looks like Q43723"
    if "[^/" in pattern:
        written = value.replace("\\", "/") if isinstance(value, str) else ""
        name = written.rsplit("/", 1)[-1] if re.match(r"^(?:\./)?seeds/[^/]+$", written) else ""  # (seeds/a.txt)
        return (f"write {name}: " if name and name not in (".", "..") and re.match(pattern, name) else "write ") + \
            "a file name only, without / or \\ (the file must be directly in seeds/)"
    if pattern.startswith("^[a-zA-Z]{2,3}(-"):
        from .language import tag_hint

        return tag_hint(value)
    if pattern.startswith("^(?:[^\\s\\x00"):
        return "write it on one line, without spaces at either end or control characters"
    return f"expected: {description}" if description else "see README.md for the form this value takes"
