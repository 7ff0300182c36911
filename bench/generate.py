#!/usr/bin/env python3
"""A deterministic generator of synthetic dossiers, for benchmarks and tests.

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

Issue 8 reuses `generate()`; the benchmarks time builds and the live preview against its output.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

WORDS_PER_ARTICLE = 700
ANNOTATIONS_PER_ARTICLE = 10
ENTITIES = 500          # the numbers: the defaults from FULL_SIZE articles up
COMPARISONS = 200
FULL_SIZE = 100         # below it, the defaults shrink with the dossier: 5 entities and 2 comparisons an article
MIN_ENTITIES = 8        # one story's cast: 4 people, 2 organisations, 2 places


def default_entities(n_articles: int) -> int:
    """500 from 100 articles up; 5 an article below (a 5-article dossier with 500 entities would be mostly
    entity pages of names it never mentions)."""
    return max(MIN_ENTITIES, min(ENTITIES, n_articles * ENTITIES // FULL_SIZE))


def default_comparisons(n_articles: int) -> int:
    """200 from 100 articles up; 2 an article below (200 comparisons of 5 articles would be 40 comparisons an
    article, each quoting the same few sentences again, and most of a small build's time)."""
    return min(COMPARISONS, n_articles * COMPARISONS // FULL_SIZE)
MIN_EXTRAS, MAX_EXTRAS = 3, 8   # entities beyond its story's cast that one article mentions

OUTLETS = [
    ("harbour-gazette", "The Harbour Gazette", "Valdria"), ("northern-courier", "Northern Courier", "Valdria"),
    ("daily-meridian", "The Daily Meridian", "Ostrava Union"), ("coastline-post", "Coastline Post", "Valdria"),
    ("capital-ledger", "Capital Ledger", "Ostrava Union"), ("evening-signal", "Evening Signal", "Marendia"),
    ("river-times", "River Times", "Marendia"), ("world-wire-review", "World Wire Review", "Kesh"),
    ("plains-observer", "Plains Observer", "Kesh"), ("the-lantern", "The Lantern", "Marendia"),
    ("metro-dispatch", "Metro Dispatch", "Valdria"), ("island-herald", "Island Herald", "Sorrel Isles"),
]
WIRES = ["", "", "Continental Press", "Meridian Wire Service"]
FIRST = ["Amara", "Bastian", "Corin", "Delia", "Emeric", "Fiora", "Galen", "Hesper", "Ilsa", "Joren", "Kalia",
         "Lisandro", "Mireille", "Nestor", "Orla", "Pascal", "Quilla", "Rurik", "Selene", "Tobiah", "Ulla",
         "Vesna", "Wendel", "Xenia", "Yorick", "Zora"]
SYLLABLES = ["ka", "ver", "lo", "dan", "mir", "ost", "bel", "ran", "tis", "vo", "gal", "hen", "sa", "tor",
             "mel", "dra", "kov", "lin", "zar", "ped", "quin", "rho", "sel", "vash"]
ORG_HEADS = ["Water", "Harbour", "Grain", "Railway", "Energy", "Border", "Health", "Housing", "Customs",
             "Fisheries", "Aviation", "Mining"]
ORG_KINDS = ["Authority", "Ministry", "Commission", "Council", "Agency", "Federation", "Institute", "Union"]
TOPICS = [("flood barrier", "flood barriers"), ("grain levy", "grain levies"), ("rail tunnel", "rail tunnels"),
          ("port expansion", "port expansions"), ("water tariff", "water tariffs"),
          ("border crossing", "border crossings"), ("fishing quota", "fishing quotas"),
          ("power line", "power lines"), ("housing scheme", "housing schemes"), ("mine closure", "mine closures"),
          ("airport runway", "airport runways"), ("customs reform", "customs reforms")]
UNITS = [("people", "had been evacuated from"), ("households", "were left without water in"),
         ("workers", "walked off the job in"), ("hectares", "were flooded around"),
         ("tonnes of grain", "were held at the port of"), ("passengers", "were stranded in")]
VERBS = ["said", "told reporters", "said in a statement", "wrote on social media", "told a news conference",
         "said in an interview", "told local radio", "added"]
ADJ = ["sharp", "cautious", "unexpected", "long-awaited", "contested", "modest", "sweeping", "brief", "formal",
       "quiet", "public", "costly", "temporary", "final", "rare", "early", "detailed", "hurried", "leaked", "revised",
       "internal", "independent", "joint", "second", "confidential", "angry", "careful", "belated", "draft", "new",
       "narrow", "broad", "vague", "blunt", "lengthy", "urgent", "technical", "regional", "annual", "secret",
       "partial", "amended", "unsigned", "informal", "binding", "disputed", "routine", "overdue", "preliminary",
       "surprising", "legal", "fiscal", "municipal", "provisional", "emergency", "unusual", "critical", "fresh",
       "tentative", "sober"]
NOUNS = ["proposal", "review", "budget", "deadline", "agreement", "inquiry", "timetable", "report", "vote",
         "warning", "plan", "delay", "contract", "hearing", "survey", "audit", "petition", "tender", "ruling",
         "estimate", "memo", "briefing", "forecast", "settlement", "appeal", "assessment", "motion", "study",
         "compromise", "ultimatum", "statement", "letter", "complaint", "decree", "amendment", "schedule",
         "permit", "licence", "subsidy", "loan", "levy", "tariff", "quota", "census", "map", "register",
         "protocol", "charter", "clause", "draft", "mandate", "verdict", "bulletin", "dossier", "poll", "tally",
         "roadmap", "framework", "strategy", "programme", "blueprint", "accord", "treaty", "waiver", "notice",
         "summons", "injunction", "referendum", "manifesto", "pledge", "veto", "directive", "guideline",
         "benchmark", "indicator", "ledger", "invoice", "receipt", "ballot", "minute"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TAGS = ["quote", "figures", "framing", "sourcing", "timeline", "context", "wording", "dispute", "officials",
        "economy", "infrastructure", "local"]
QUOTE_STEMS = [
    "we will not {verb} the {topic} in {place} until every {group} has been heard",
    "this {topic} was promised to the people of {place} and we intend to {verb} it this year",
    "nobody in {place} should have to wait another winter for the {topic}",
    "the {org} has given {place} no reason to believe the {topic} is safe",
    "if we have to {verb} the {topic} in {place} alone, we will do it alone",
    "the numbers from {place} are worse than anything we were told in {month}",
]
QUOTE_VERBS = ["approve", "finish", "sign", "fund", "build", "reopen", "defend", "delay"]
QUOTE_GROUPS = ["family", "farmer", "worker", "council", "resident", "trader"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
# Filler sentences have a slot from a large pool at least every other word, so two articles practically
# never share eight words by accident (the passage finder's threshold): text reuse in the dossier is what
# the stories share on purpose (the wire paragraphs, the key quote), as in real coverage.
SUBJECTS = ["{Name}", "{Surname}", "officials in {place}", "the {org}", "a spokesperson for {Surname}",
            "residents of {place}", "critics of the {noun}", "{Surname2}'s office", "several {group}s",
            "the mayor of {place}", "lawyers for {Surname}", "engineers in {place}", "a {adj} committee",
            "local media", "two {group}s from {place}"]
PAST = ["rejected", "welcomed", "questioned", "defended", "published", "blamed", "backed", "challenged",
        "signed", "delayed", "leaked", "criticised", "praised", "revised", "cited", "ignored", "disputed",
        "endorsed", "postponed", "drafted", "examined", "announced", "withdrew", "opposed", "summarised",
        "circulated", "amended", "accepted", "contested", "mentioned"]
DETS = ["the", "a", "its", "their", "this", "that", "another", "one"]
PREPS = ["on", "over", "about", "for", "near", "after", "before", "against", "despite", "beside", "within"]
TAILS = ["", "", "", " on {day}", " in {month}", " in {place}", " late on {day}", " earlier this year",
         ", according to {Surname}", " for the {ordinal} time", " at a {adj2} meeting", " since {year}",
         " within {small} days", ", {num} {unit} said"]
ORDINALS = ["second", "third", "fourth", "fifth", "sixth"]
GROUPS = ["farmer", "trader", "teacher", "resident", "worker", "nurse", "driver", "fisher", "student",
          "pensioner", "builder", "doctor"]
CLAUSES = [
    "{subject} {past} {det} {adj} {noun} {prep} {det2} {noun2}{tail}",
    "{subject} {past} {det} {noun} {prep} {det2} {adj} {noun2}{tail}",
    "{subject} {past} {det} {adj} {noun}{tail}",
    "{subject} said {det} {noun} {prep} the {topic} was {adj}{tail}",
    "{subject} counted {num} {unit} {prep} {det} {adj} {noun}{tail}",
    "{subject} {past} {num} {unit} {prep} {det} {noun}{tail}",
]
# One-wording differences between outlets' versions of the same quote.
VARIANTS = [("we will not", "we won't"), ("we will", "we'll"), ("every", "each"), ("the people of", "people in"),
            ("this year", "in the coming year"), ("nobody", "no one"), ("another winter", "one more winter"),
            ("has given us no reason", "has not given us any reason"), ("alone, we", "on our own, we"),
            ("worse than anything", "far worse than what"), ("intend to", "are going to"), ("safe", "sound")]
FURNITURE = ["Share this article", "Advertisement", "Read more: {title}", "Photo: {name} / {outlet}"]


_AN = re.compile(r"\b([Aa]) (?=[aeiou])")


@dataclass
class Entity:
    id: str
    name: str
    kind: str
    aliases: list[str]
    summary: str


@dataclass
class Story:
    index: int
    topic: tuple[str, str]
    place: Entity
    places: list[Entity]
    people: list[Entity]
    orgs: list[Entity]
    speaker: Entity
    quote: str
    figure: int
    unit: tuple[str, str]
    date: tuple[int, int]
    wire_paragraphs: list[str]
    articles: list[dict] = field(default_factory=list)


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def fmt_num(n: int) -> str:
    return f"{n:,}"


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
        return template.format_map(_Slots(self.rng, story))

    def clause(self, subject: str | None = None) -> str:
        rng = self.rng
        drawn = _pick(rng, SUBJECTS)
        return _pick(rng, CLAUSES).format(
            subject=drawn if subject is None else subject, past=_pick(rng, PAST), det=_pick(rng, DETS), det2=_pick(rng, DETS),
            prep=_pick(rng, PREPS), tail=_pick(rng, TAILS), adj="{adj}", adj2="{adj2}", noun="{noun}",
            noun2="{noun2}", num="{num}", unit="{unit}", topic="{topic}")

    def sentence(self, story: Story) -> str:
        text = self.clause()
        if self.rng.random() < 0.4:  # compound sentences: long enough for two overlapping annotations
            text += self.rng.choice([", and ", ", while ", ", but "]) + self.clause()
        text = self.fill(text, story)
        return text[0].upper() + text[1:] + "."

    def paragraph(self, story: Story, sentences: int, wire: bool = False) -> str:
        text = " ".join(self.sentence(story) for _ in range(sentences))
        return _AN.sub(r"\1n ", text)

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
        return _AN.sub(r"\1n ", text[0].upper() + text[1:] + ".")

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
        return f"almost {fmt_num(n + self.rng.randint(1, 90))}", n + 0.0, "almost"

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


def _pick(rng: random.Random, seq: list) -> Any:
    return seq[int(rng.random() * len(seq))]  # random.choice, without its rejection loop: ~3x faster


_DRAW: dict[str, Callable[[random.Random, Story], str]] = {
    "verb": lambda rng, st: _pick(rng, VERBS), "noun": lambda rng, st: _pick(rng, NOUNS),
    "noun2": lambda rng, st: _pick(rng, NOUNS), "topic": lambda rng, st: st.topic[0],
    "adj": lambda rng, st: _pick(rng, ADJ), "adj2": lambda rng, st: _pick(rng, ADJ),
    "place": lambda rng, st: _pick(rng, st.places).name, "org": lambda rng, st: _pick(rng, st.orgs).name,
    "num": lambda rng, st: fmt_num(3 + int(rng.random() * 8998)), "unit": lambda rng, st: _pick(rng, UNITS)[0],
    "month": lambda rng, st: _pick(rng, MONTHS), "day": lambda rng, st: _pick(rng, DAYS),
    "small": lambda rng, st: str(2 + int(rng.random() * 18)),
    "year": lambda rng, st: str(1950 + int(rng.random() * 66)),
    "group": lambda rng, st: _pick(rng, GROUPS), "ordinal": lambda rng, st: _pick(rng, ORDINALS),
}


class _Slots(dict):
    """Slot values drawn on first use (a template uses a few of the ~20 slots); {Name} and {Surname} are one
    person, {Surname2} another."""

    def __init__(self, rng: random.Random, story: Story) -> None:
        super().__init__()
        self.rng, self.story = rng, story

    def __missing__(self, key: str) -> str:
        if key in ("Name", "Surname", "Surname2"):
            if "_p1" not in self:
                self["_p1"], self["_p2"] = self.rng.sample(self.story.people, 2)
            person = self["_p2"] if key == "Surname2" else self["_p1"]
            return person.name if key == "Name" else person.aliases[0]
        value = self[key] = _DRAW[key](self.rng, self.story)
        return value


class Text:
    """The cleaned article as the pipeline will see it, flattened with single spaces between paragraphs
    (the anchoring treats every whitespace run alike, so offsets in this flat text are enough to decide
    whether a quote is unique and which context makes it so)."""

    def __init__(self, paragraphs: list[str]):
        self.flat = " ".join(paragraphs)

    def occurrences(self, quote: str) -> list[int]:
        out, i = [], self.flat.find(quote)
        while i >= 0:
            out.append(i)
            i = self.flat.find(quote, i + 1)
        return out

    def sentences(self, min_words: int) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in re.finditer(r"[A-Z][^.“”]*?\.(?= |$)", self.flat)
                if len(m.group(0).split()) >= min_words]

    def context(self, start: int, end: int, want: str) -> dict[str, str]:
        """The fewest whole words before (prefix) or after (suffix) that single out this occurrence."""
        quote = self.flat[start:end]
        others = [o for o in self.occurrences(quote) if o != start]
        if not others and want == "auto":
            return {}
        side = "suffix" if want == "suffix" else "prefix"
        for k in range(1, 40):
            mine = self._words(start, end, side, k)
            if mine is None:
                break
            if all(not self._fits(o, o + len(quote), side, mine) for o in others):
                return {side: " ".join(mine)}
        raise ValueError(f"no unique {side} for {quote!r}")

    def _words(self, start: int, end: int, side: str, k: int) -> list[str] | None:
        words = self.flat[:start].split() if side == "prefix" else self.flat[end:].split()
        if len(words) < k:
            return None
        return words[-k:] if side == "prefix" else words[:k]

    def _fits(self, start: int, end: int, side: str, wanted: list[str]) -> bool:
        # Mirrors the anchoring: inner words equal, the outermost one ends (prefix) or starts (suffix) with it.
        got = self._words(start, end, side, len(wanted))
        if got is None:
            return False
        if side == "prefix":
            return got[1:] == wanted[1:] and got[0].endswith(wanted[0])
        return got[:-1] == wanted[:-1] and got[-1].startswith(wanted[-1])


def _entities_yaml(groups: list[tuple[str, list[Entity]]]) -> str:
    lines = ["# yaml-language-server: $schema=../schemas/entities.schema.json"]
    for heading, entities in groups:
        lines += ["", f"# {heading}", ""]
        for e in sorted(entities, key=lambda e: e.id):
            lines += [f"{e.id}:", f"  name: {q(e.name)}", f"  kind: {e.kind}"]
            if e.aliases:
                lines.append(f"  aliases: [{', '.join(q(a) for a in e.aliases)}]")
            lines.append(f"  summary: {q(e.summary)}")
    return "\n".join(lines) + "\n"


def _article_yaml(art: dict) -> str:
    lines = ["# yaml-language-server: $schema=../../schemas/article.schema.json", f"seed: {art['seed']}",
             f"title: {q(art['title'])}", f"source: {art['source']}", f"date: {art['date']}"]
    if art["wire"]:
        lines.append(f"wire: {q(art['wire'])}")
    lines.append("annotations:")
    for ann in art["annotations"]:
        lines.append(f"  - id: {ann['id']}")
        for key in ("quote", "prefix", "suffix"):
            if key in ann:
                lines.append(f"    {key}: {q(ann[key])}")
        lines.append(f"    kind: {ann['kind']}")
        if "speaker" in ann:
            lines.append(f"    speaker: {ann['speaker']}")
        lines.append(f"    note: {q(ann['note'])}")
        lines.append(f"    tags: [{', '.join(ann['tags'])}]")
        if ann.get("entities"):
            lines.append(f"    entities: [{', '.join(ann['entities'])}]")
    return "\n".join(lines) + "\n"


def _comparison_yaml(comp: dict) -> str:
    lines = ["# yaml-language-server: $schema=../../schemas/comparison.schema.json", f"title: {q(comp['title'])}",
             f"question: {q(comp['question'])}", f"kind: {comp['kind']}"]
    for key in ("speaker", "base"):
        if key in comp:
            lines.append(f"{key}: {comp[key]}")
    lines.append("witnesses:")
    for w in comp["witnesses"]:
        lines.append(f"  - article: {w['article']}")
        for key in ("quote", "prefix", "suffix"):
            if key in w:
                lines.append(f"    {key}: {q(w[key])}")
        if "value" in w:
            value = w["value"]
            lines.append(f"    value: {int(value) if float(value).is_integer() else value}")
            lines.append(f"    unit: {q(w['unit'])}")
            lines.append(f"    qualifier: {w['qualifier']}")
    return "\n".join(lines) + "\n"


SITE_YAML = """\
# yaml-language-server: $schema=schemas/site.schema.json
title: "Synthetic dossier: {n} articles"
description: >-
  A generated dossier (bench/generate.py, seed {seed}) for benchmarks: {n} articles in {stories} stories,
  {annotations} annotations, {entities} entities and {comparisons} comparisons.
language: en
base_url: /
author: bench/generate.py
import:
  encoding: utf-8
  drop_lines:
    - pattern: '^Share this article$'
      why: share prompt
    - pattern: '^Advertisement$'
      why: advertisement label
    - pattern: '^Read more: '
      why: related-stories link
    - pattern: '^Photo: '
      why: photo credit
checks:
  anchor-fuzzy: warning
"""


def render_files(n_articles: int, seed: int, entities: int | None = None, comparisons: int | None = None
                 ) -> dict[str, str]:
    """Every file of the dossier as path → text, without touching the disk. `entities` and `comparisons`:
    None for the defaults (default_entities, default_comparisons)."""
    data = Generator(seed).dossier(n_articles, entities, comparisons)
    files: dict[str, str] = {}
    articles = [a for s in data["stories"] for a in s.articles]
    entities = data["people"] + data["orgs"] + data["places"]
    files["site.yaml"] = SITE_YAML.format(n=n_articles, seed=seed, stories=len(data["stories"]),
                                          annotations=sum(len(a["annotations"]) for a in articles),
                                          entities=len(entities), comparisons=len(data["comparisons"]))
    files["content/sources.yaml"] = "# yaml-language-server: $schema=../schemas/sources.schema.json\n" + "".join(
        f"{oid}:\n  name: {q(name)}\n  homepage: https://{oid}.example.org/\n  country: {q(country)}\n"
        for oid, name, country in sorted(OUTLETS))
    files["content/entities.yaml"] = _entities_yaml([("People", data["people"]), ("Organisations", data["orgs"]),
                                                     ("Places", data["places"])])
    for art in articles:
        files[f"seeds/{art['seed']}"] = art["seed_text"]
        files[f"content/articles/{art['slug']}.yaml"] = _article_yaml(art)
    for cid, comp in sorted(data["comparisons"].items()):
        files[f"content/comparisons/{cid}.yaml"] = _comparison_yaml(comp)
    return dict(sorted(files.items()))


def generate(out: Path, articles: int, seed: int = 1, force: bool = False, entities: int | None = None,
             comparisons: int | None = None) -> dict[str, int]:
    """Write a synthetic dossier into `out` (which must be empty or missing, unless `force`). `entities` and
    `comparisons`: None for the defaults. Returns counts: files, articles, annotations, entities, comparisons."""
    entities = default_entities(articles) if entities is None else entities
    if entities < MIN_ENTITIES:
        raise ValueError(f"entities must be at least {MIN_ENTITIES} (a story's cast)")
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        if not force:
            raise FileExistsError(f"{out} is not empty (use --force to replace it)")
        for sub in ("seeds", "content", "site.yaml"):
            target = out / sub
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
    files = render_files(articles, seed, entities, comparisons)
    for rel, text in files.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return {"files": len(files), "articles": articles,
            "annotations": articles * ANNOTATIONS_PER_ARTICLE, "entities": entities,
            "comparisons": sum(1 for p in files if p.startswith("content/comparisons/"))}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out", type=Path, help="folder to write the dossier into (empty or missing)")
    p.add_argument("--articles", type=int, default=100, help="number of articles (default 100)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--entities", type=int,
                   help=f"entities in content/entities.yaml (default {ENTITIES}; under {FULL_SIZE} articles 5 an "
                        f"article; at least {MIN_ENTITIES})")
    p.add_argument("--comparisons", type=int,
                   help=f"comparisons of 3-6 witnesses (default {COMPARISONS}; under {FULL_SIZE} articles 2 an "
                        "article; none under 3 articles)")
    p.add_argument("--force", action="store_true", help="replace site.yaml, seeds/ and content/ in OUT")
    args = p.parse_args(argv)
    if args.articles < 1:
        p.error("--articles must be at least 1")
    if args.entities is not None and args.entities < MIN_ENTITIES:
        p.error(f"--entities must be at least {MIN_ENTITIES} (a story's cast: 4 people, 2 organisations, 2 places)")
    if args.comparisons is not None and args.comparisons < 0:
        p.error("--comparisons must not be negative")
    try:
        counts = generate(args.out, args.articles, args.seed, args.force, args.entities, args.comparisons)
    except FileExistsError as exc:
        print(f"generate.py: error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {counts['files']} files into {args.out}: {counts['articles']} articles, "
          f"{counts['annotations']} annotations, {counts['entities']} entities, {counts['comparisons']} comparisons")
    if args.comparisons and counts["comparisons"] < args.comparisons:
        print(f"generate.py: note: {counts['comparisons']} comparisons, not {args.comparisons}: a comparison's "
              "witnesses are 3-6 different articles", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
