"""What the reader did not read, and what is then left unsaid. Pure.

fs.read_inputs refuses a link out of the dossier, a FIFO, a file it may not open and a file where a folder
belongs, each with an error of its own, and hands their paths over as `Inputs.unread`. What such a path holds
is unknown: a linked `seeds/` may hold every seed the article files name, a linked `content/` every article
file, source and entity. So nothing is said to be missing, unused or unknown for want of it: no "seed not
found" for each article (a linked seeds/ was one error and then one per article), no "seed has no article
file" for each seed, no unknown source, entity, article or comparison in the files that name them. The error
of the path itself is the one to mend; the build fails on it, and what is really missing is said once it is read.
"""

from __future__ import annotations

from ..common.records import frozen
from ..common.slugs import file_stem

FOLDERS = {"article": "content/articles", "comparison": "content/comparisons", "entities": "content/entities",
           "sources": "content/sources"}
FILES = {"sources": "content/sources.yaml", "entities": "content/entities.yaml"}


@frozen
class Unread:
    """The paths (posix, relative to the dossier root: files or folders) that exist but were not read."""

    paths: frozenset[str] = frozenset()

    def covers(self, path: str) -> bool:
        """Whether `path` is one of the unread paths or inside one of them (it may exist, unread)."""
        parts = path.split("/")
        return any("/".join(parts[:n]) in self.paths for n in range(1, len(parts) + 1))

    def steps(self) -> frozenset[str]:
        """The kinds of file ("sources", "entities", "article", "comparison") of which any number may be unread:
        a registry's file unread, or the folder of such files, or a folder in it (a file unread alone is one of
        `stems`)."""
        return frozenset(step for step in (*FILES, *FOLDERS) if self.refused(step))

    def refused(self, step: str) -> list[str]:
        """What makes `step` one of `steps()`, as the summary line names it (sorted): the registry's file when an
        unread path holds it (a linked content/ too), else the folder of its files, else each unread path in that
        folder (a file of content/entities/ refused is no "content/entities.yaml could not be used"; the same for
        content/sources/)."""
        out = set()
        for p in self.paths:
            whole = [w for w in (FILES.get(step), FOLDERS.get(step)) if w and (w == p or w.startswith(p + "/"))]
            if whole:
                out.add(whole[0])
            elif step in FOLDERS and p.startswith(FOLDERS[step] + "/") and (not p.endswith(".yaml") or
                                                                          step in FILES):
                out.add(p)
        return sorted(out)

    def stems(self, step: str) -> set[str]:
        """The slugs of the article or comparison files (`step`) unread one by one."""
        return {file_stem(p) for p in self.paths if p.startswith(FOLDERS[step] + "/") and p.endswith(".yaml")}

    def any_article(self) -> bool:
        """Whether an article file may be unread: it may name any seed, so none is said to have no article file."""
        return "article" in self.steps() or bool(self.stems("article"))
