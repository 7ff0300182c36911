"""The dossier as frozen values. Everything here was parsed and shape-checked at the boundary (load.py)."""

from __future__ import annotations

from dataclasses import field
from typing import TYPE_CHECKING

from .cleaning import CleanText
from .config import SiteConfig
from ..common.hashonce import hash_once
from ..common.records import frozen, record

if TYPE_CHECKING:
    from .registry_ids import DefinedIds


@record
class Origin:
    """Where a value was written: file relative to the dossier root, 1-based line and column.

    `raw` is the value exactly as written (kept for Markdown fields), so that a problem inside it, such as
    a link in the third line of a `note: |` block, can be placed at its own line and column.
    """

    file: str
    line: int = 1
    col: int = 1
    raw: str = ""

    def inside(self, needle: str, nth: int = 0) -> "Origin":
        """Where the `nth` occurrence of `needle` is written inside this value; the value's start when the
        text was written differently (an escape in a quoted string)."""
        at = -1
        for _ in range(nth + 1):
            at = self.raw.find(needle, at + 1)
            if at < 0:
                return Origin(self.file, self.line, self.col)
        before = self.raw[:at]
        newlines = before.count("\n")
        col = self.col + at if not newlines else at - before.rfind("\n")
        return Origin(self.file, self.line + newlines, col)


@frozen
class Source:
    """An outlet. Invariant: id is a slug."""

    id: str
    name: str
    homepage: str = ""
    country: str = ""
    note: str = ""   # Markdown, shown with the outlet on the sources page
    note_origin: Origin | None = None
    id_origin: Origin | None = None   # where its id, the key, is written (an outlet renamed is said there)


@record
class Annotation:
    """An editor's note on exact words of an article. Invariant: id is a slug unique within its article."""

    id: str
    quote: str
    origin: Origin
    prefix: str | None = None
    suffix: str | None = None
    note: str = ""
    kind: str = ""
    speaker: str = ""
    tags: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    date: str = ""
    verdict: str = ""
    note_origin: Origin | None = None  # where `note:` is written (problems in the note point there)
    speaker_origin: Origin | None = None
    entity_origins: tuple[Origin, ...] = ()  # where each item of `entities:` is written
    tag_origins: tuple[Origin, ...] = ()
    prefix_origin: Origin | None = None      # where `prefix:` and `suffix:` are written
    suffix_origin: Origin | None = None


@hash_once  # (a key of the live preview's memo, build after build: common/hashonce.py)
@frozen
class ArticleMeta:
    """Editors' metadata for one seed (content/articles/<slug>.yaml). Invariant: slug matches [a-z0-9-]+.
    `made`: the digest of what made it (loader.parse_files: the file's path, bytes and schema; "" when made
    otherwise), as CleanText's."""

    slug: str
    origin: Origin
    seed: str
    title: str
    source: str
    date: str
    wire: str = ""
    date_note: str = ""
    url: str = ""
    byline: str = ""
    summary: str = ""
    annotations: tuple[Annotation, ...] = ()
    language: str = ""  # the BCP 47 tag of its text, when the editors gave one (else the site's language)
    seed_origin: Origin | None = None    # where `seed:`, `source:` and `date:` are written, for precise problems;
    source_origin: Origin | None = None  # None where the key is absent (a key whose value was wrong is present:
    summary_origin: Origin | None = None  # it is reported once, as wrong, not again as missing)
    date_origin: Origin | None = None
    # where the key, absent, is written in a comment (`--import`'s and `--add`'s stubs: "# date: YYYY-MM-DD")
    commented: tuple[tuple[str, Origin], ...] = ()
    # its annotations written under a misspelt key (`anotations:`, an error): not read, so what links into them
    # is not judged (an annotation named from another file was said missing, review 71)
    unread_annotations: bool = False
    made: str = field(default="", init=False, compare=False, repr=False)


@hash_once
@frozen
class Article:
    """An article ready to anchor: its metadata and its cleaned seed text."""

    meta: ArticleMeta
    text: CleanText

    @property
    def slug(self) -> str:
        return self.meta.slug

    @property
    def made(self) -> tuple[str, str] | None:
        """What names it, as digests (its metadata's and its text's `made`), when both are known; else None."""
        return (self.meta.made, self.text.made) if self.meta.made and self.text.made else None


@frozen
class EntityExclusion:
    """A place where an entity's alias is not a mention of it (entities.yaml `exclude:`): an alias, an article
    or a context, any of them absent."""

    alias: str | None
    article: str | None
    context: str | None
    origin: Origin | None = None           # where the exclusion is written
    article_origin: Origin | None = None   # where its `article:` is written
    alias_origin: Origin | None = None     # where its `alias:` is written


@frozen
class Role:
    """A role an entity held (entities.yaml `roles:`): its title, of what, and when."""

    title: str
    of: str = ""                          # an entity id (linked on the entity page) or text shown as written
    start: str = ""
    end: str = ""
    of_origin: Origin | None = None       # where `of:` is written


@frozen
class Entity:
    """A person, organisation, place, event or other. Invariant: id is a slug; aliases exclude the name itself."""

    id: str
    name: str
    kind: str
    origin: Origin
    aliases: tuple[str, ...] = ()
    summary: str = ""
    wikidata: str = ""
    roles: tuple[Role, ...] = ()
    exclude: tuple[EntityExclusion, ...] = ()
    summary_origin: Origin | None = None
    name_origin: Origin | None = None           # where the name is written
    alias_origins: tuple[Origin, ...] = ()      # where each alias is written, in the order of `aliases`
    id_origin: Origin | None = None             # where its id, the key, is written (`origin`: its value's start)

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name,) + tuple(a for a in self.aliases if a != self.name)


@frozen
class Witness:
    """One outlet's rendering in a comparison, anchored like an annotation."""

    article: str
    quote: str
    origin: Origin
    prefix: str | None = None
    suffix: str | None = None
    note: str = ""
    value: float | None = None
    unit: str = ""
    qualifier: str = ""
    note_origin: Origin | None = None
    article_origin: Origin | None = None   # where `article:` is written (an unknown article points there)
    prefix_origin: Origin | None = None    # where `prefix:` and `suffix:` are written
    suffix_origin: Origin | None = None
    value_origin: Origin | None = None     # where `value:` is written
    unit_origin: Origin | None = None      # where `unit:` is written


@frozen
class Comparison:
    """The same quote, figure or framing across outlets (content/comparisons/<id>.yaml)."""

    id: str
    origin: Origin
    title: str
    question: str
    kind: str
    witnesses: tuple[Witness, ...]
    speaker: str = ""
    summary: str = ""
    base: str = ""
    base_origin: Origin | None = None
    speaker_origin: Origin | None = None
    summary_origin: Origin | None = None
    incomplete: bool = False   # a witness was left out for a mistake of its own, or the list is unusable


Place = tuple[str, int, int]   # a file, a line and a column where something is written


@frozen
class Misread:
    """What site.yaml's `encoding:` breaks, the seeds being UTF-8 while it names another (misread.py): its problem
    says `said` of the seeds, then how many quotes it breaks. `lost`: the quotes not in the text as declared, in
    it as UTF-8; `whole`: those found in the text read as UTF-8 as written, whole words, once where their context
    says. Each is where it is written, then where its prefix and suffix are (`whole`'s, those given): a problem of
    anchoring there is the misreading's."""

    said: tuple[str, ...]
    lost: tuple[tuple[Place, ...], ...] = ()
    whole: tuple[tuple[Place, ...], ...] = ()


@frozen
class Dossier:
    """Everything loaded, before anchoring and linking. Tuples are sorted by id/slug."""

    config: SiteConfig
    sources: tuple[Source, ...]
    articles: tuple[Article, ...]
    entities: tuple[Entity, ...]
    comparisons: tuple[Comparison, ...]
    # Registries ("sources", "entities") whose files failed to parse, and article slugs whose files exist but
    # could not be used: references to them are not reported again (one broken file, one error).
    broken: frozenset[str] = frozenset()
    unusable_articles: frozenset[str] = frozenset()
    unusable_comparisons: frozenset[str] = frozenset()   # comparison files that exist but failed to load
    # Article files that parsed but have no usable seed (missing, unreadable, or a `seed:` that was wrong):
    # they are not published, but their references (entities, tags, links in notes) are still checked.
    detached: tuple[ArticleMeta, ...] = ()
    # What each registry file in `broken` defines, as far as its text tells (registry_ids.py): the references to
    # it are checked against that when it is known
    defined: tuple[DefinedIds, ...] = ()
    # The quotes that site.yaml's `encoding:` breaks, the seeds being UTF-8 (misread.py): their problems are said
    # by the one at that line
    misread: Misread | None = None
    # The editors' files in the wrong place (misplaced.py), each with the kind it holds ("article", "comparison",
    # "entities", "sources"): not read, each said by one error
    misplaced: tuple[tuple[str, str], ...] = ()
    # The ids of the entities whose id failed its check (slugs.is_id; reported at its key, schema-form): dropped, no
    # entity and no page, but references to them are not reported unknown as well (their key is the one to fix)
    misnamed_entities: frozenset[str] = frozenset()
