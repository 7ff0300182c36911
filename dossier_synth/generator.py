"""The synthetic dossier's generator: stories, articles with their annotations, and comparisons, drawn from
three seeded random streams."""

from __future__ import annotations

import itertools
import random
import re

from .cast import Entity, Slots, Story, Text, fmt_num, pick, slugify
from .words import (
    ANNOTATIONS_PER_ARTICLE, A_BEFORE_VOWEL, CLAUSES, DAYS, DETS, FIRST, FURNITURE, MAX_EXTRAS, MIN_EXTRAS,
    MONTHS, ORG_HEADS, ORG_KINDS, OUTLETS, PAST, PREPS, QUOTE_GROUPS, QUOTE_STEMS, QUOTE_VERBS, SUBJECTS,
    SYLLABLES, TAGS, TAILS, TOPICS, UNITS, VARIANTS, VERBS, WIRES, WORDS_PER_ARTICLE, default_comparisons,
    default_entities,
)


class Generator:
    def __init__(self, seed: int):
        # Three independent streams, so that --entities changes only which names the articles use (not their
        # sentences) and --comparisons nothing but the comparison files (and site.yaml's counts).
        self.rng = random.Random(seed)                          # the text
        self.cast_rng = random.Random(f"{seed}:cast")           # the entities and who appears where
        self.comp_rng = random.Random(f"{seed}:comparisons")    # which comparisons, over which articles

    # -- the cast -------------------------------------------------------------------------------------
    def surname(self, used: set[str], rng: random.Random | None = None) -> str:
        rng = rng or self.rng
        while True:
            word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
            if word not in used and len(word) >= 5:
                used.add(word)
                return word

    def cast(self, n_entities: int) -> tuple[list[Entity], list[Entity], list[Entity]]:
        """`n_entities` entities: about 45 % people, 20 % organisations, 35 % places (at least 4, 2, 2)."""
        rng = self.cast_rng
        n_people = max(4, round(n_entities * 0.45))
        n_orgs = max(2, round(n_entities * 0.2))
        n_places = n_entities - n_people - n_orgs
        used: set[str] = set()
        people, orgs, places = [], [], []
        for _ in range(n_people):
            first, last = rng.choice(FIRST), self.surname(used, rng)
            role = rng.choice(["minister", "mayor", "union leader", "engineer", "spokesperson", "senator"])
            people.append(Entity(slugify(f"{first} {last}"), f"{first} {last}", "person", [last],
                                 f"A {role} in this synthetic dossier."))
        for _ in range(n_orgs):
            head = self.surname(used, rng)
            name = f"{head} {rng.choice(ORG_HEADS)} {rng.choice(ORG_KINDS)}"
            initials = "".join(w[0] for w in name.split())
            aliases = [initials] if initials not in used else []
            used.add(initials)
            orgs.append(Entity(slugify(name), name, "organisation", aliases, "An organisation of this dossier."))
        for _ in range(n_places):
            name = self.surname(used, rng)
            aliases = [f"Port {name}"] if rng.random() < 0.3 else []
            places.append(Entity(slugify(name), name, "place", aliases, "A place of this dossier."))
        return people, orgs, places

    # -- stories ----------------------------------------------------------------------------------------
    def story(self, index: int, people: list[Entity], orgs: list[Entity], places: list[Entity]) -> Story:
        rng, cast_rng = self.rng, self.cast_rng
        topic = rng.choice(TOPICS)
        # Each story has a place of its own while there are enough (so its lead and quote are its own), and
        # one it shares. Who appears is drawn from the cast's own stream: the text's does not depend on it.
        story_places = [places[index % len(places)], cast_rng.choice(places)]
        if story_places[1] is story_places[0]:
            story_places[1] = places[(index + 1) % len(places)]
        story_people = cast_rng.sample(people, 4)
        story_orgs = cast_rng.sample(orgs, 2)
        stem = rng.choice(QUOTE_STEMS)
        quote = stem.format(verb=rng.choice(QUOTE_VERBS), topic=topic[0], group=rng.choice(QUOTE_GROUPS),
                            place=story_places[0].name, org=story_orgs[0].name, month=rng.choice(MONTHS))
        quote = quote[0].upper() + quote[1:]
        story = Story(index, topic, story_places[0], story_places, story_people, story_orgs, story_people[0],
                      quote, rng.randint(120, 48000), rng.choice(UNITS), (rng.randint(1, 12), rng.randint(1, 28)),
                      [])
        story.wire_paragraphs = [self.paragraph(story, 3, wire=True) for _ in range(2)]
        return story

    def fill(self, template: str, story: Story) -> str:
        """The template with its slots filled; only the slots it uses are drawn (in order of appearance)."""
        return template.format_map(Slots(self.rng, story))

    def clause(self, subject: str | None = None) -> str:
        rng = self.rng
        drawn = pick(rng, SUBJECTS)
        return pick(rng, CLAUSES).format(
            subject=drawn if subject is None else subject, past=pick(rng, PAST), det=pick(rng, DETS), det2=pick(rng, DETS),
            prep=pick(rng, PREPS), tail=pick(rng, TAILS), adj="{adj}", adj2="{adj2}", noun="{noun}",
            noun2="{noun2}", num="{num}", unit="{unit}", topic="{topic}")

    def sentence(self, story: Story) -> str:
        text = self.clause()
        if self.rng.random() < 0.4:  # compound sentences: long enough for two overlapping annotations
            text += self.rng.choice([", and ", ", while ", ", but "]) + self.clause()
        text = self.fill(text, story)
        return text[0].upper() + text[1:] + "."

    def paragraph(self, story: Story, sentences: int, wire: bool = False) -> str:
        text = " ".join(self.sentence(story) for _ in range(sentences))
        return A_BEFORE_VOWEL.sub(r"\1n ", text)

    def mention_sentence(self, story: Story, entity: Entity) -> str:
        """A filler sentence whose subject names `entity` (by its name or one of its aliases): how entities
        beyond the story's own cast get mentioned. Draws the same random numbers whatever the entity."""
        form, how = self.rng.random(), self.rng.random()
        name = entity.aliases[0] if entity.aliases and form < 0.4 else entity.name
        if entity.kind == "organisation":
            subject = f"the {name}"
        elif entity.kind == "place":
            subject = ["officials in {}", "residents of {}", "the mayor of {}", "{}"][int(how * 4)].format(name)
        else:
            subject = name
        text = self.clause(subject)
        if self.rng.random() < 0.4:
            text += self.rng.choice([", and ", ", while ", ", but "]) + self.clause()
        text = self.fill(text, story)
        return A_BEFORE_VOWEL.sub(r"\1n ", text[0].upper() + text[1:] + ".")

    def quote_variant(self, story: Story) -> str:
        """The key quote as one outlet printed it: half copy it exactly, the others change one wording
        (as translations and re-transcriptions do)."""
        if self.rng.random() < 0.5:
            return story.quote
        options = [(a, b) for a, b in VARIANTS if a in story.quote]
        if not options:
            return story.quote
        a, b = self.rng.choice(options)
        return story.quote.replace(a, b, 1)

    def figure_variant(self, story: Story) -> tuple[str, float, str]:
        n = story.figure
        choice = self.rng.randrange(4)
        if choice == 0:
            return f"at least {fmt_num(n)}", n, "at least"
        if choice == 1:
            rounded = max(100, round(n, -2))
            return f"more than {fmt_num(rounded)}", rounded, "more than"
        if choice == 2:
            rounded = max(100, round(n, -2))
            return f"about {fmt_num(rounded)}", rounded, "about"
        written = n + self.rng.randint(1, 90)  # (the value an editor reads in it: what it says, not the story's)
        return f"almost {fmt_num(written)}", written + 0.0, "almost"

    # -- one article ----------------------------------------------------------------------------------
    def article(self, story: Story, number: int, outlet: tuple[str, str, str], extras: list[Entity]) -> dict:
        """One article of `story`; `extras` are entities beyond the story's cast that it mentions too."""
        rng = self.rng
        speaker = story.speaker
        quote = self.quote_variant(story)
        figure_text, figure_value, qualifier = self.figure_variant(story)
        unit, happened = story.unit
        verb = rng.choice(["vows", "defends", "questions", "delays", "backs"])
        mood = rng.choice(["waits", "protests", "counts the cost", "divides"])
        title = f"{speaker.aliases[0]} {verb} {story.topic[0]} as {story.place.name} {mood}"
        org_short = story.orgs[1].name
        repeated = f"The {org_short} said it was reviewing the figures."
        figure_sentence = f"Officials said {figure_text} {unit} {happened} {story.place.name}."
        quote_sentence = f"“{quote},” {speaker.aliases[0]} {rng.choice(VERBS)}."
        lead = (f"{speaker.name} {rng.choice(VERBS)} on {rng.choice(DAYS)} that the {story.topic[0]} in "
                f"{story.place.name} would go ahead.")
        body: list[str] = [f"{lead} {quote_sentence}", self.paragraph(story, 2) + " " + figure_sentence]
        mentions = [self.mention_sentence(story, e) for e in extras]
        wire = [p for p in story.wire_paragraphs if rng.random() < 0.6]
        words = sum(len(p.split()) for p in body + mentions)
        target = WORDS_PER_ARTICLE + rng.randint(-60, 60)
        own: list[int] = []          # this article's own paragraphs (not the story's shared wire copy)
        while words < target:
            if wire and rng.random() < 0.3:
                p = wire.pop()
            else:
                p = self.paragraph(story, rng.randint(2, 4))
                own.append(len(body))
            body.append(p)
            words += len(p.split())
        # The same sentence twice, after different words: one annotation needs a prefix, one a suffix.
        a, b = sorted(rng.sample(range(2, len(body)), 2))
        body[a] = body[a] + " " + repeated + " " + self.fill("{Surname} {verb} nothing more.", story)
        body[b] = self.fill("Asked again on {day}, officials were brief.", story) + " " + repeated
        for sentence in mentions:    # at the end of one of its own paragraphs (the wire copy stays verbatim)
            i = own[int(rng.random() * len(own))] if own else 1
            body[i] = body[i] + " " + sentence
        lines = [title, f"By {rng.choice(FIRST)} {self.surname(set())}", FURNITURE[0]]
        for i, p in enumerate(body):
            lines.append(p)
            if i == 4:
                lines.append(FURNITURE[1])
            if i == 8:
                lines.append(FURNITURE[2].format(title=rng.choice(TOPICS)[0].capitalize() + " explained"))
        lines.append(FURNITURE[3].format(name=rng.choice(FIRST), outlet=outlet[1]))
        seed_text = "\n".join(lines) + "\n"
        kept = [title, lines[1]] + body          # what cleaning keeps, in order (furniture dropped)
        slug = f"{outlet[0]}-{number:04d}-{slugify(story.topic[0])}"
        month, day = story.date
        date = f"2024-{month:02d}-{min(28, day + rng.randint(0, 2)):02d}"
        text = Text(kept)
        s = text.flat.index(lead)
        art = {"slug": slug, "seed": f"{number:04d}_{rng.getrandbits(64):016x}.txt", "title": title,
               "source": outlet[0], "date": date, "wire": rng.choice(WIRES), "seed_text": seed_text,
               "quote": quote, "figure": (f"{figure_text} {unit}", figure_value, qualifier, unit),
               "lead": (lead, text.context(s, s + len(lead), "auto")), "text": text,
               "body_start": len(title) + len(lines[1]) + 2}
        art["annotations"] = self.annotations(story, text, quote, f"{figure_text} {unit}", repeated, slug)
        return art

    def annotations(self, story: Story, text: Text, quote: str, figure: str, repeated: str, slug: str
                    ) -> list[dict]:
        rng = self.rng
        people = [e.id for e in story.people]
        out: list[dict] = []

        def add(kind: str, start: int, end: int, note: str, context: str = "auto", **extra: object) -> None:
            tags = sorted(rng.sample(TAGS, rng.randint(1, 2)))
            ann = {"id": f"{kind}-{len(out) + 1}", "quote": text.flat[start:end], "kind": kind,
                   "note": note.replace("{tag}", tags[0]), "tags": tags}
            ann.update(text.context(start, end, context))
            ann.update(extra)
            out.append(ann)

        s = text.flat.index(quote)
        add("quote", s, s + len(quote), f"{story.speaker.name}'s words as this outlet printed them; other "
            f"reports of the story word it differently.", speaker=story.speaker.id, entities=[story.speaker.id])
        s = text.flat.index(figure)
        add("figure", s, s + len(figure), f"The figure is attributed to officials; compare the **{len(figure)}**"
            f" characters of other outlets' versions.", entities=[story.place.id])
        first = text.flat.index(repeated)
        second = text.flat.index(repeated, first + 1)
        add("context", second, second + len(repeated), "The second time the article says this.", "prefix")
        add("context", first, first + len(repeated), "The first time; it is followed by a reply.", "suffix")
        # Two overlapping annotations inside one long sentence.
        sentences = text.sentences(min_words=12)
        s0, e0 = rng.choice(sentences)
        cut = [m.start() for m in re.finditer(r" ", text.flat[s0:e0])]
        a_end = s0 + cut[7]
        b_start = s0 + cut[4] + 1
        add("claim", s0, a_end, "Stated without a source.", entities=rng.sample(people, 1))
        add("framing", b_start, e0, "Note the choice of words, and see [a report of the same day]"
            f"(https://example.org/{slug}).")
        while len(out) < ANNOTATIONS_PER_ARTICLE:
            s0, e0 = rng.choice(sentences)
            spaces = [m.start() for m in re.finditer(r" ", text.flat[s0:e0])]
            i = rng.randrange(0, len(spaces) - 4)
            j = min(len(spaces) - 1, i + rng.randint(3, 9))
            start, end = s0 + (spaces[i] + 1 if i else 0), s0 + spaces[j]
            end = start + len(text.flat[start:end].rstrip(",.;:"))
            if any(a["quote"] == text.flat[start:end] for a in out):
                continue
            add(rng.choice(["context", "question", "claim"]), start, end,
                rng.choice(["Unclear who said this first.", "Other reports give a *different* order of events.",
                            "See the [tag page](tag:{tag}) for similar passages.",
                            "The article does not name its source for this."]))
        return out

    # -- the whole dossier ------------------------------------------------------------------------------
    def dossier(self, n_articles: int, n_entities: int | None = None, n_comparisons: int | None = None) -> dict:
        n_entities = default_entities(n_articles) if n_entities is None else n_entities
        n_comparisons = default_comparisons(n_articles) if n_comparisons is None else n_comparisons
        n_stories = max(1, n_articles // 6)
        people, orgs, places = self.cast(n_entities)
        stories = [self.story(i, people, orgs, places) for i in range(n_stories)]
        # Every article also mentions a few entities beyond its story's cast, taken in turn from one shuffled
        # list, so that the mentions spread over the whole registry (every entity is mentioned somewhere once
        # articles × extras ≥ entities) and over the whole dossier.
        order = people + orgs + places
        self.cast_rng.shuffle(order)
        per_article = min(MAX_EXTRAS, max(MIN_EXTRAS, -(-len(order) // n_articles)))
        for number in range(n_articles):
            story = stories[number % n_stories] if number < n_stories * 3 else self.rng.choice(stories)
            outlets_used = {a["source"] for a in story.articles}
            free = [o for o in OUTLETS if o[0] not in outlets_used] or OUTLETS
            extras = [order[(number * per_article + k) % len(order)] for k in range(per_article)]
            story.articles.append(self.article(story, number, self.rng.choice(free), extras))
        return {"people": people, "orgs": orgs, "places": places, "stories": stories,
                "comparisons": self.comparisons(stories, n_comparisons)}

    # -- comparisons ------------------------------------------------------------------------------------
    def comparisons(self, stories: list[Story], n: int) -> dict[str, dict]:
        """`n` comparisons of 3-6 witnesses, each witness from a different article of one story.

        What a story offers to compare: its key quote as each outlet printed it (`quote`), its figure as each
        gave it (`figure`) and each outlet's opening sentence (`framing`). Round 1 compares them over the
        story's first six articles; each further round over another set of 3-6 of its articles, until `n` is
        reached (a round larger than what is still needed contributes a random selection of its
        comparisons, so they spread over the dossier and mix the three kinds). Only a dossier too small to
        offer `n` distinct sets of articles (under ~12 articles) gets the last kind: `framing` comparisons of
        sentences drawn from 3-6 of a story's articles (a sentence may then be quoted by several
        comparisons). With fewer than 3 articles there is nothing to compare: no comparisons."""
        rng = self.comp_rng
        eligible = [s for s in stories if len(s.articles) >= 3]
        out: dict[str, dict] = {}
        if not eligible or n <= 0:
            return out
        used: dict[int, set[tuple[int, ...]]] = {s.index: set() for s in eligible}
        round_no = 0
        while len(out) < n:
            batch = []
            for story in eligible:
                picked = self._article_set(story, used[story.index], round_no)
                if picked is not None:
                    arts = [story.articles[i] for i in picked]
                    batch += [(story, kind, arts, round_no) for kind in ("quote", "figure", "framing")]
            if not batch:
                break
            if len(batch) > n - len(out):
                batch = [batch[i] for i in sorted(rng.sample(range(len(batch)), n - len(out)))]
            for item in batch:
                cid, comp = self._comparison(*item)
                out[cid] = comp
            round_no += 1
        number = 0
        while len(out) < n:      # tiny dossiers only: sentences of a story's articles
            story = eligible[number % len(eligible)]
            k = len(story.articles)
            arts = [story.articles[i] for i in sorted(rng.sample(range(k), rng.randint(3, min(6, k))))]
            witnesses = []
            for a in arts:
                text = a["text"]
                spans = a.get("sentences")
                if spans is None:
                    spans = a["sentences"] = [sp for sp in text.sentences(min_words=8) if sp[0] >= a["body_start"]]
                s, e = spans[rng.randrange(len(spans))]
                witnesses.append(dict(text.context(s, e, "auto"), article=a["slug"], quote=text.flat[s:e]))
            number += 1
            out[f"story-{story.index:04d}-sentences-{number:03d}"] = {
                "title": f"Sentences on the {story.topic[0]}, set {number}",
                "question": f"How do {len(arts)} outlets word their reports on the {story.topic[0]} in "
                            f"{story.place.name}?", "kind": "framing", "witnesses": witnesses}
        return out

    def _article_set(self, story: Story, used: set[tuple[int, ...]], round_no: int) -> tuple[int, ...] | None:
        """Positions in story.articles of a set of 3-6 of its articles not compared yet: the first six in
        round 0, a random set after; None when every set has been used."""
        k = len(story.articles)
        if round_no == 0:
            picked: tuple[int, ...] | None = tuple(range(min(6, k)))
        else:
            picked = None
            for _ in range(20):
                candidate = tuple(sorted(self.comp_rng.sample(range(k), self.comp_rng.randint(3, min(6, k)))))
                if candidate not in used:
                    picked = candidate
                    break
            else:      # nearly exhausted (small stories): the first unused set in a fixed order
                sets = (c for w in range(3, min(6, k) + 1) for c in itertools.combinations(range(k), w))
                picked = next((c for c in sets if c not in used), None)
        if picked is not None:
            used.add(picked)
        return picked

    def _comparison(self, story: Story, kind: str, arts: list[dict], round_no: int) -> tuple[str, dict]:
        cid = f"story-{story.index:04d}-{kind}" + (f"-{round_no + 1}" if round_no else "")
        which = f" ({len(arts)} outlets, set {round_no + 1})" if round_no else ""
        if kind == "quote":
            return cid, {
                "title": f"{story.speaker.name} on the {story.topic[0]}{which}",
                "question": f"How did each outlet report what {story.speaker.name} said?", "kind": "quote",
                "speaker": story.speaker.id, "base": arts[0]["slug"],
                "witnesses": [dict(_context(a["annotations"][0]), article=a["slug"], quote=a["quote"])
                              for a in arts]}
        if kind == "figure":
            return cid, {
                "title": f"How many {story.unit[0]} in {story.place.name}?{which}",
                "question": f"What figure does each outlet give for {story.place.name}?", "kind": "figure",
                "witnesses": [dict(_context(a["annotations"][1]), article=a["slug"], quote=a["figure"][0],
                                   value=a["figure"][1], unit=a["figure"][3], qualifier=a["figure"][2])
                              for a in arts]}
        return cid, {
            "title": f"How the {story.topic[0]} story opened{which}",
            "question": f"How did each outlet open its report on the {story.topic[0]} in {story.place.name}?",
            "kind": "framing",
            "witnesses": [dict(a["lead"][1], article=a["slug"], quote=a["lead"][0]) for a in arts]}


def _context(annotation: dict) -> dict[str, str]:
    """The prefix/suffix an annotation needed: a witness on the same words needs the same."""
    return {k: annotation[k] for k in ("prefix", "suffix") if k in annotation}


