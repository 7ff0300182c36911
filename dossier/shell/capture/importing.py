"""`python build.py --import`: stubs for plain-text seeds, new outlets appended, other encodings converted.

A new seed that is not in the dossier's encoding is never skipped in silence: its encoding is detected with
charset-normalizer, the original bytes move to seeds/evidence/ with a provenance record, the seed becomes the
same text in UTF-8, and a warning names the encoding, so the stub's title and the build agree.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path
from typing import TextIO

from .. import fs
from . import stubfiles
from ..terminal import visible, visible_name
from .add import EVIDENCE, append_entries
from .mixed import mostly_utf8, windows_byte


def detect(data: bytes, language: str = "") -> tuple[str, str, str] | None:
    """(encoding, text, how it was told) of bytes that are not UTF-8: mostly UTF-8 with a few stray bytes
    (`mostly_utf8`); else a code page of the site's `language` (site.yaml) that reads as its script
    (codepages.py: Hebrew, Arabic); else by charset-normalizer. Among its equally clean readings,
    windows-1252 wins when it gives the same text: short Western texts are too short for the detector to tell
    cp1252 from Baltic or Central European code pages, and cp1252 is by far the most common of them."""
    from charset_normalizer import from_bytes

    from ...core.load.codepages import read_in_language

    mixed = mostly_utf8(data)
    if mixed is not None:
        text, count, first = mixed
        places = "; ".join(f"line {line}, column {col}: 0x{byte:02x}, {windows_byte(bytes([byte]))}"
                           for line, col, byte in first) + ("; …" if count > len(first) else "")
        return f"UTF-8 but for {count} byte{'s' * (count > 1)} read as windows-1252 ({places})", text, ""
    reading = read_in_language(data, language)
    if reading is not None:
        return reading[0], reading[1], f"the code page of the site's language ({language})"
    results = list(from_bytes(data))
    if not results:
        return None
    best = min(results, key=lambda m: m.chaos)
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and any(str(m) == western for m in results if m.chaos <= best.chaos + 0.01):
        return "cp1252", western, _DETECTOR
    return best.encoding, str(best), _DETECTOR


_DETECTOR = "detected by charset-normalizer"


def _convert(root: Path, rel: str, data: bytes, err: TextIO, language: str = "", stub: bool = True) -> bool:
    """Whether the seed could be converted to UTF-8 (see the module's docstring); each case said on `err`.
    `stub`: whether a stub is to be written for it (the seed has no article file yet)."""
    from charset_normalizer import __version__ as cn_version

    found, shown = detect(data, language), visible_name(rel)  # (a name's line feed is no layout: review 163)
    if found is None:
        print(visible(f"{shown}: warning: not valid UTF-8 and its encoding cannot be told"
                      f"{'; no stub written' if stub else ''}\n"
                      f"    hint: save it as UTF-8, or declare its encoding in site.yaml under import: encoding:"),
              file=err)
        return False
    encoding, decoded, told = found
    name = rel.split("/", 1)[1]
    evidence = root / EVIDENCE / name
    # its record is named after its stem; after its whole name where another file has that (statement.txt and
    # statement.md, or a page `--add` captured as statement.html)
    provenance = next((p for p in (evidence.with_name(name.rsplit(".", 1)[0] + ".provenance.json"),
                                   evidence.with_name(name + ".provenance.json")) if not p.exists()), None)
    if evidence.exists() or provenance is None:
        taken = name if evidence.exists() else name + ".provenance.json"
        print(visible(f"{shown}: warning: not valid UTF-8 (looks like {encoding}), and "
                      f"{EVIDENCE}/{visible_name(taken)} already exists; left as it is"), file=err)
        return False
    text = decoded.encode("utf-8")
    record = {"source": rel, "converted_by": "python build.py --import", "encoding": encoding,
              "detector": ({"name": "charset-normalizer", "version": cn_version} if told == _DETECTOR else
                           {"name": "dossier", "rule": told or "UTF-8 with a few stray bytes, read as windows-1252"}),
              "raw": {"file": f"evidence/{name}", "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)},
              "seed": {"file": name, "sha256": hashlib.sha256(text).hexdigest(), "bytes": len(text)}}
    outside = stubfiles.outside(root, [f"{EVIDENCE}/{name}", f"{EVIDENCE}/{provenance.name}", rel])
    if outside:
        print(visible(f"{shown}: warning: not valid UTF-8 (looks like {encoding}), but {outside}"), file=err)
        return False
    evidence.parent.mkdir(parents=True, exist_ok=True)
    with open(provenance, "x", encoding="utf-8") as handle:  # (first: its name is the one that can be taken)
        handle.write(json.dumps(record, indent=2, ensure_ascii=False) + "\n")
    try:
        with open(evidence, "xb") as handle:  # never replaces: the original bytes are the evidence
            handle.write(data)
    except BaseException:
        provenance.unlink()
        raise
    os.replace(stubfiles.new_temporary(root / rel, text), root / rel)
    print(visible(f"{shown}: warning: not valid UTF-8: read as {encoding}{f' ({told})' if told else ''}; "
                  f"converted to UTF-8, the original bytes kept in {EVIDENCE}/{visible_name(name)}"), file=err)
    return True


def convert_new_seeds(root: Path, options: object, err: TextIO) -> int:
    """Convert every seed that does not decode in the dossier's encoding, whether an article file names it yet or
    not (a file that is no text is left as it is: a picture or a PDF has no encoding; a seed named already was
    left too, though the build's hint said --import converts it, review 71); how many of those without an
    article file were left without a stub."""
    from ...core.load.cleaning import binary_kind, decode_seed
    from ...core.load.seed_names import seeds_named_in
    from ...core.pipeline import load_config

    inputs = fs.read_inputs(root)
    config, _ = load_config(inputs, options)  # type: ignore[arg-type]
    if config is None:
        return 0
    left = 0
    articles = "\n".join(data.decode("utf-8", "replace") for path, data in inputs.files.items()
                         if path.startswith("content/articles/"))
    seeds = sorted(rel for rel in inputs.files if rel.startswith("seeds/") and rel.count("/") == 1)
    named = seeds_named_in((rel[len("seeds/"):] for rel in seeds), [articles])
    for rel in seeds:
        data = inputs.files[rel]
        new = rel[len("seeds/"):] not in named
        text, problems = decode_seed(rel, data, config.encoding)
        kind = binary_kind(data) if any(p.check == "seed-binary" for p in problems) else None
        if kind and new:
            left += 1
            print(visible(f"{visible_name(rel)}: warning: not a text file (it is {kind}); no stub written\n"
                          "    hint: a seed is an article's plain text; a web page saved or archived is captured with "
                          "--add"), file=err)
        elif text is None and not kind:
            left += not _convert(root, rel, data, err, config.language, new) and new
    return left


def run(root: Path, options: object, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """`--import`; returns the exit status."""
    from ..terminal import report
    from ...core.pipeline import import_stubs
    from .add import start_dossier

    start_dossier(root, out)  # (a folder of seeds becomes a dossier, as with --add: review 71)
    left = convert_new_seeds(root, options, err)
    inputs = fs.read_inputs(root)
    ref = stubfiles.schema_ref(root, "content/articles/x.yaml", "article")
    result = import_stubs(inputs, options, ref)  # type: ignore[arg-type]
    report(result, err, fs.sources_of(inputs))
    stubs = dict(result.stubs)
    addition = stubs.pop("content/sources.yaml", "")
    written = stubfiles.write_stubs(root, stubs)
    for rel in written:
        print(visible_name(f"wrote {rel}"), file=out)
    if addition and written:
        problem = append_entries(root, addition)
        print(visible(f"content/sources.yaml: warning: {problem}") if problem else
              "appended new outlets to content/sources.yaml", file=err if problem else out)
    if not stubs:  # (site.yaml or the seeds unread: no seed is known to have its file, review 71; a copy has none)
        print("no stub written" if left or not result.ok or any(p.check == "seed-unused" for p in result.problems)
              else "every seed already has an article file", file=out)
    return 1 if not result.ok else 0
