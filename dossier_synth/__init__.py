"""A deterministic generator of synthetic dossiers, shared by the benchmarks and the tests.

    python bench/generate.py OUT --articles 1000 [--entities 500] [--comparisons 200] [--seed 1]

writes OUT/site.yaml, OUT/seeds/*.txt, OUT/content/{sources,entities}.yaml, OUT/content/articles/*.yaml and
OUT/content/comparisons/*.yaml: a dossier that builds without a problem and looks like the real thing at
scale. The same arguments always give byte-identical files (`random.Random` streams seeded from `--seed`,
sorted iteration, no clock).

What is in it, and why:
- articles of ~700 words in 12-20 paragraphs, grouped into stories of 3-8 reports by different outlets; the
  sentences come from many short templates with names, places, organisations and numbers in their slots,
  so articles differ the way real ones do, while each story's wire paragraphs are shared word for word
  (text reuse to find) and its key quote and figure vary slightly from outlet to outlet (something to
  compare);
- page furniture lines in every seed ("Share this article", "Advertisement", a photo credit) that
  site.yaml's import rules drop;
- 500 entities (`--entities`; about 45 % people, 20 % organisations, 35 % places) whose names and aliases
  (surnames, initials, "Port X") occur in the text: each story has a cast of 4 people, 2 organisations and
  2 places drawn from the registry, and every article also mentions 3-8 further entities taken in turn
  from one shuffled list of the whole registry, so mentions spread over all the entities and all the
  articles (every entity is mentioned when entities ≤ 8 × articles);
- 10 annotations per article: the key quote, the figure, a sentence that occurs twice in the article (one
  annotation needs a `prefix`, one a `suffix`), two overlapping annotations, and plain spans; every quote is
  exact text of the cleaned article and the context given makes it unique;
- 200 comparisons (`--comparisons`) of 3-6 witnesses, each from a different article of one story: the key
  quote as each outlet printed it, the figure as each gave it, each outlet's opening sentence; first over a
  story's first six articles, then over other sets of its articles (see Generator.comparisons).

The issue's numbers (500 entities, 200 comparisons) are the defaults from 100 articles up, whatever the
size, so cost can be read against the article count. Below 100 articles the defaults shrink with the
dossier, to 5 entities and 2 comparisons an article (a 5-article dossier with 500 entities and 200
comparisons would be mostly pages of names it never mentions and 40 comparisons an article; the tests
build such small dossiers often). Given explicitly, both are honoured at any size, except that a dossier
of fewer than 3 articles has no comparisons (a comparison's witnesses are different articles).

Three random streams (text, cast, comparisons): at one article count and seed, `--comparisons` changes
only the comparison files (and the counts in site.yaml), and `--entities` only which names the sentences
use, so the two can be varied to see how the build's cost grows with them (`bench/run.py --scaling`).

Issue 8 reuses `generate()`; the benchmarks time builds and the live preview against its output. The tests
import this package (never bench/): `generate(out, articles, seed)` writes a dossier, `render_files(...)`
returns it as path → text without touching the disk.

Modules: words (vocabulary and sizes), cast (entities, stories, slot values, the flat text), generator
(the three random streams and what they draw), files (the YAML and seeds, written).
"""

from .files import generate, render_files
from .words import (
    ANNOTATIONS_PER_ARTICLE, COMPARISONS, ENTITIES, FULL_SIZE, MIN_ENTITIES, default_comparisons, default_entities,
)

__all__ = ["ANNOTATIONS_PER_ARTICLE", "COMPARISONS", "ENTITIES", "FULL_SIZE", "MIN_ENTITIES", "default_comparisons",
           "default_entities", "generate", "render_files"]
