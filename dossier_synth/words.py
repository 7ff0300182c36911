"""The synthetic dossier's vocabulary and sizes: word lists the sentence templates draw from, and the default
numbers of entities and comparisons for a dossier of n articles."""

from __future__ import annotations

import re

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


# "a" before a vowel becomes "an" once the slots are filled ("a early vote" reads as a bug).
A_BEFORE_VOWEL = re.compile(r"\b([Aa]) (?=[aeiou])")
