r"""The words of page furniture, for furniture.py: the prompts before a link to another article ("Read more",
"Lesen Sie auch", "Czytaj też", …), whole lines that are only a label (an advertisement's, a photo credit, a
share button, Reuters' standards), the addresses of an outlet's standards, and the class names pages give to
teasers, sign-up boxes, share bars, credits and media players.

Every pattern is anchored: a prompt is the start of its line, and only counts with the links that follow it
(furniture.py); a label is the whole line. Words are counted as `\S+(?:\s+\S+){0,n}`, never as `(?:\S+\s*){n}`,
which tries every way of splitting a long word (31 s for one line of 40 words). The languages: those of the saved
pages the rules were measured on (English, German, French, Spanish, Portuguese, Italian, Polish, Dutch, Finnish;
Infobae's "Seguir leyendo:" and Yle's "Lue aiheesta lisää:" came with the held-out review).
"""

from __future__ import annotations

import re

from ..common.written_dates import MONTHS

_PROMPTS = (
    # English
    "read more", "read also", "also read", "read next", "read", "related", "related articles", "related stories",
    "related coverage", "related content", "related reading", "related links", "related news", "related posts",
    "see also", "more on this", "more on this story", "more on this topic", "more stories", "more news",
    "recommended", "recommended reading", "you may also like", "you might also like", "further reading",
    "don't miss", "must read", "more",
    # German
    "lesen sie auch", "lesen sie mehr", "lesen sie hier", "lesen sie weiter", "lies auch", "lies mehr",
    "mehr lesen", "mehr dazu", "mehr dazu lesen sie hier", "mehr zum thema", "weiterlesen", "auch interessant",
    "ebenfalls interessant", "das könnte sie auch interessieren", "das könnte sie interessieren",
    "das könnte dich auch interessieren", "sehen sie auch", "siehe auch", "passend dazu", "lesetipp",
    # French
    "lire aussi", "à lire aussi", "a lire aussi", "lire également", "à lire également", "voir aussi",
    "à voir aussi", "sur le même sujet", "lire la suite", "en savoir plus", "lisez aussi",
    # Spanish
    "te puede interesar", "le puede interesar", "puede interesarte", "también te puede interesar",
    "lee también", "lea también", "lee más", "lea más", "leer más", "ver también", "ver más", "mira también",
    "noticias relacionadas", "relacionado", "relacionada", "relacionadas", "te recomendamos",
    "lectura recomendada", "puedes ver", "vea también", "mira", "seguir leyendo", "sigue leyendo", "siga leyendo",
    # Portuguese
    "leia também", "leia mais", "veja também", "veja mais", "saiba mais", "confira também", "leia", "veja",
    # Italian
    "leggi anche", "leggi tutto", "potrebbe interessarti", "ti potrebbe interessare", "vedi anche",
    "per approfondire",
    # Polish
    "czytaj też", "czytaj także", "czytaj również", "czytaj więcej", "czytaj dalej", "zobacz też",
    "zobacz także", "zobacz również", "przeczytaj też", "przeczytaj także", "przeczytaj również", "przeczytaj",
    "polecamy",
    "dowiedz się więcej", "sprawdź też", "sprawdź także",
    # Dutch
    "lees ook", "lees meer", "lees verder", "ook interessant", "zie ook", "bekijk ook",
    # Finnish (held-out review: Yle's "Lue aiheesta lisää:" over its links to three other articles)
    "lue myös", "lue lisää", "lue aiheesta lisää", "lue aiheesta", "katso myös", "katso lisää",
)


def _alternatives(phrases: tuple[str, ...]) -> str:
    return "|".join(sorted((re.escape(p).replace(r"\ ", r"\s+") for p in phrases), key=len, reverse=True))


_MANY = _alternatives(tuple(p for p in _PROMPTS if " " in p))
_ONE = _alternatives(tuple(p for p in _PROMPTS if " " not in p))   # "Related", "Read", "Leia", "Weiterlesen"
_SEPARATOR = r"[\s:|»>›→–—-]"

# A prompt at the start of a line (after brackets, bullets or arrows: "(Le puede interesar: …)", ">> Mehr lesen:
# …"); a prompt of one word only with a mark after it ("Read: …", "Weiterlesen →"): "Read the report" is none
PROMPT = re.compile(rf"^[\W_]*?(?:(?:{_MANY})(?!\w){_SEPARATOR}*|"
                    rf"(?:{_ONE})(?!\w)(?:\s*[:|»>›→–—-]{_SEPARATOR}*|$))", re.I)
# A line that is only a prompt: one of several words with at most four words more ("Mehr zum Thema auf UEPO.de",
# "LIRE AUSSI SUR REGARDS.FR", "Lesen Sie auch die folgenden Beiträge:"), not a sentence (no full stop at its
# end); a prompt of one word alone ("Related", "Weiterlesen:"), never one with other words ("read only = yes")
PROMPT_LINE = re.compile(rf"^[\W_]*?(?:(?:{_MANY})(?!\w)(?:[\s:]+\S*[^\s.!?]){{0,4}}|(?:{_ONE})(?!\w))"
                         rf"\s*(?:[:…»›→]|\.\.\.)*$", re.I)
# The prompt and nothing more ("Read more:"): what ends a text with no link after it to show it is furniture
# ("More on this story as it develops" is the article's last line, review 91)
PROMPT_ALONE = re.compile(rf"^[\W_]*?(?:{_MANY}|{_ONE})(?!\w)\s*(?:[:…»›→]|\.\.\.)*$", re.I)

_NETWORKS = (r"facebook|twitter|x|whatsapp|telegram|linkedin|pinterest|reddit|xing|messenger|flipboard|instagram|"
             r"youtube|tiktok|threads|bluesky|mastodon|e-?mail|mail|print|drucken|imprimir|imprimer|stampa|"
             r"copy link|link kopieren|copier le lien|copiar enlace|copiar link")
_SHARE_VERBS = (r"share|share this(?: article| story| page| post)?|share (?:on|via) \w+|teilen|artikel teilen|"
                r"beitrag teilen|teilen auf|teilen per|jetzt teilen|partager(?: cet article| l'article)?|"
                r"partager sur|compartir|compartir en|compartilhar|compartilhe|condividi|udostępnij|"
                r"podziel się|delen|tweet|tweeten|pin it")
# A share button's label: a network's name or a share verb, the whole line (a trailing comma: "Telegram,")
SOCIAL = re.compile(rf"^(?:{_NETWORKS}|{_SHARE_VERBS})[\s,:]*$", re.I)

CREDIT_WORDS = (r"foto|fotos|photo|photos|bild|bilder|picture|pictures|image|images|credit|credits|crédit|"
                 r"crédits|crédit photo|crédits photos|photo credit|image credit|fotografía|fotografia|fotografie|"
                 r"zdjęcie|zdjęcia|photograph|bildnachweis|fotonachweis|copyright")
STANDARDS = "a link to the outlet's standards"
# Whole lines that are only a label: (what it is, pattern); a photo's credit is told in furniture_credit.py
WHOLE_LINES = (
    ("an advertisement's label", re.compile(
        r"^[\W_]*(?:anzeige|werbung|reklama|advertisement|advertising|ad|ads|publicidad|publicidade|publicité|"
        r"pubblicità|sponsored|sponsored content|gesponsert|reklame|annonce|advertentie)[\W_]*$", re.I)),
    ("a share button", re.compile(rf"^(?:{_SHARE_VERBS})[\s:]*$", re.I)),
    ("a prompt to follow the outlet", re.compile(
        r"^(?:follow us|folgen sie uns|folge uns|suivez-nous|síguenos|siga-nos|seguici|obserwuj nas)\b"
        r"(?:\s+\S+){0,8}$", re.I)),
    (STANDARDS, re.compile(r"^Our\s+Standards:\s*The\s+Thomson\s+Reuters\s+Trust\s+Principles\.?$", re.I)),
    ("the reading time", re.compile(
        r"^(?:(?:lesedauer|lesezeit|reading time|read time|temps de lecture|tiempo de lectura|tempo de leitura|"
        r"tempo di lettura|czas czytania)\b(?:[:\s]+\S+){0,4}|\d+\s*(?:min|minutes?|minuten|minutos|minuti)\.?"
        r"\s*(?:read|lesezeit|lesedauer|de lectura|de leitura|di lettura|de lecture)|ten tekst przeczytasz w .{0,30})$",
        re.I)),
)

# A date's label and nothing else ("Aktualisiert am", "Posted on", "Mis à jour le", "Stand:"): what the extractor
# leaves of a date line, as it leaves out every <time> element (furniture.py: only where the page's line goes on
# with the date). A participle, never the noun "Update" that heads an update's paragraph
_PUBLISHED_WORDS = ("published", "first published", "posted", "veröffentlicht", "erstellt", "publié", "créé",
                    "publicado", "pubblicato", "opublikowano", "gepubliceerd")
_UPDATED_WORDS = ("updated", "last updated", "last modified", "aktualisiert", "zuletzt aktualisiert",
                  "zuletzt geändert", "stand", "mis à jour", "modifié", "actualizado", "atualizado", "aggiornato",
                  "zaktualizowano", "bijgewerkt", "laatst bijgewerkt")
_ON = r"(?:\s+(?:on|at|am|um|le|à|el|em|il|op|dnia))?"
DATE_LABEL = re.compile(rf"^[\W_]*(?:{_alternatives(_PUBLISHED_WORDS + _UPDATED_WORDS)}){_ON}[\W_]*$", re.I)

# A line that is only a date's label and the date, as news pages write it ("Published: 23rd March 2024", "Posted on
# April 22, 2022", "- -Aktualisiert am 28.01.2020-15:49", "Mis à jour le 12/03/2020 à 14h02"): the article's date
# line, which the extractor kept (no <time> element held the date). A weekday may come before the date, a time
# after it; nothing else: "Published on Monday, the report said" and "Updated figures were published: 23 March
# 2024 saw" are sentences. Which label it is (`published` or `updated`) tells the date guess what the date is
_MONTH_NAMES = "|".join(sorted((re.escape(month) for month in MONTHS), key=len, reverse=True))
_WEEKDAY = (r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|"
            r"sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|lundi|mardi|mercredi|jeudi|"
            r"vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lunedì|martedì|"
            r"mercoledì|giovedì|venerdì|sabato|domenica|segunda-feira|terça-feira|quarta-feira|quinta-feira|"
            r"sexta-feira|poniedziałek|wtorek|środa|czwartek|piątek|sobota|niedziela|maandag|dinsdag|woensdag|"
            r"donderdag|vrijdag|zaterdag|zondag)\.?,?\s+")
_DATE = (rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:of\s+|de\s+)?(?:{_MONTH_NAMES})\.?,?\s+(?:de\s+)?\d{{4}}|"
         rf"(?:{_MONTH_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
         r"\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})")
_TIME = (r"(?:(?:\s*(?:[,|·•/–—-]|at|um|à|a las|alle|às|om|o|godz\.?)\s*|\s+|T)\d{1,2}"
         r"(?:[:.h]\d{2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|uhr|h)?|\s*(?:am|pm|a\.m\.|p\.m\.))"
         r"(?:\s*\(?(?:gmt|utc|bst|cet|cest|mez|mesz|est|edt|cst|cdt|mst|mdt|pst|pdt|et|pt|ist|jst|kst|hkt|z)?"
         r"(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\)?)?)?")
# ... or the date and one badge word after it, no label: the kind of piece the outlet files it under (Phys.org's
# "October 22, 2019 <a><span class="badge">report</span></a>" above its headline). A badge, never a section's name
# ("May 06, 2022 News", Kaieteur News's date and category link, stays) nor a word that goes on the sentence
_BADGES = ("report", "feature", "analysis", "update", "exclusive", "opinion", "interview", "explainer", "commentary",
           "comment", "editorial", "column", "obituary", "investigation", "essay",
           "analyse", "kommentar", "meinung", "reportage", "exklusiv", "gastbeitrag", "hintergrund",
           "éditorial", "tribune", "entretien", "exclusif", "décryptage", "chronique",
           "análisis", "opinión", "entrevista", "reportaje", "exclusiva", "crónica", "tribuna",
           "análise", "opinião", "reportagem", "exclusivo", "crônica", "analisi", "opinione", "intervista",
           "commento", "esclusiva", "editoriale", "analiza", "opinia", "wywiad", "komentarz", "reportaż",
           "opinie", "commentaar")
DATE_LINE = re.compile(rf"^[\W_]*(?:(?:(?P<published>{_alternatives(_PUBLISHED_WORDS)})|"
                       rf"(?P<updated>{_alternatives(_UPDATED_WORDS)})){_ON}[\s:|,–—-]*)?(?:{_WEEKDAY})?"
                       rf"(?P<date>{_DATE}){_TIME}"
                       rf"(?(published)|(?(updated)|[\s|·•,–—-]+(?P<badge>{_alternatives(_BADGES)})(?!\w)))"
                       r"[\s.)\]]*$", re.I)
DATED = "a date line: a label and the date"
BADGED = "a date line: the date and a badge (\"report\", \"analysis\")"
DATE_KINDS = (DATED, BADGED)   # (the lines whose date is offered to the date guess: page_guess.py)

# A word spelt in Latin and Cyrillic letters at once ("Аdvеrtіѕе wіth thе most visited news site in Веlіzе", its А, е,
# і, ѕ Cyrillic): text that reads as English to a person and as no word to an advertisement blocker. No language
# spells its words so; a slip of the keyboard's layout makes one such word, not most of a line's (furniture.py)
LOOKALIKE_WORD = re.compile(r"\b(?=\w*[A-Za-z])(?=\w*[\u0400-\u04ff])\w+")

# The last line of the text, when it is a copyright notice ("© 2022, BreakingBelizeNews.com. This article is the
# copyrighted property of …"): at most 60 words
COPYRIGHT = re.compile(r"^(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\d{4}))\s*\S+(?:\s+\S+){0,59}\s*$", re.I)

# A newsletter's prompt: its words, and the address of its link (a sign-up page); never a paywall's words
# A call to sign up, not a word that only shares its root ("paid subscribers", "inscrit", "Anmeldung der Firma":
# review 91 found a lede dropped, its link to a story on subscribers taken for the sign-up page)
SIGNUP_TEXT = re.compile(r"newsletter|\bsubscribe\b|\bsign(?:ing)? up\b|\babonnier|\babonnez\b|\babonne-toi\b|"
                         r"\bsuscr[ií]b(?:e|ete|irse)\b|\binscr[ií]b(?:e|ete|irse)\b|\binscrivez\b|\bassine\b|"
                         r"\biscriviti\b|\bzapisz si[eę]\b", re.I)
# A call to register, for anything (a conference: "Hier geht's zur Anmeldung", an article's, went): a newsletter's
# prompt only with a link to the newsletter's page
REGISTER_TEXT = re.compile(r"\bjetzt anmelden\b|\bmelden sie sich\b|\bzur anmeldung\b", re.I)
SIGNUP_HREF = re.compile(r"newsletter|/subscribe\b|/subscription\b|sign-?up|mailing-?list|//nl\.|/abo\b|"
                         r"/abonn|/anmeldung\b", re.I)
# A prompt that names a newsletter (else it is one to subscribe or sign up: "Subscribe to The Ledger")
NEWSLETTER_NAMED = re.compile(r"newsletter|nieuwsbrie[fv]|lettres? d'information|bolet[ií]n|boletim|briefing|"
                              r"bulletin|digest|mailing list|e-?mail alerts?", re.I)
# A sentence's end, a closing quotation mark or bracket after it; and words that speak to the reader or for the
# outlet, as a prompt does ("sign up for our newsletter", "Abonnieren Sie"), in the languages measured: a sentence
# on readers who subscribe is the article's (furniture_appeal.py). German's "Sie" and "Ihr" only capitalised
# ("sie" is also "they"); "tu", "je", "seu", words of other meanings too, are left out
SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
READER = re.compile(r"(?i:\b(?:you|your|yours|our|ours|vous|votre|vos|notre|nos|usted|ustedes|nuestr[oa]s?|você|"
                    r"vocês|nosso|nossa|nossos|nossas|tuo|tua|nostr[oaie]|vostr[oaie]|twój|twoja|twoje|nasz\w*|jij|"
                    r"jouw|uw|onze|unser\w*|dein\w*|dich)\b)|\b(?:Sie|Ihr\w*)\b")
PAYWALL_TEXT = re.compile(r"full (?:story|article)|continue reading|keep reading|already a subscriber|"
                          r"read the rest", re.I)

# A newsletter's prompt in a paragraph of its own, with no link or box to show it (review 116: "Click here to
# subscribe to our daily newsletter and get the latest news in your inbox."): the call at the start of the line,
# addressed to the reader (an imperative), and the outlet's own newsletter ("our", "unseren", "notre", …), in
# each language measured. furniture_appeal.py asks more of the line: see `newsletter_call` there
_CALLS = (  # (the imperatives, the outlet's possessive, the newsletter's nouns)
    (r"(?:(?:click|tap) here (?:to|and) |please )?(?:subscribe|sign up|register|get|receive)", r"our",
     r"newsletters?|e-?mail newsletters?|email briefings?|briefings?|bulletins?|digest"),
    (r"(?:jetzt )?(?:abonnieren sie|bestellen sie|melden sie sich|abonniere|melde dich)", r"unseren?|den",
     r"newsletter"),
    (r"abonnez-vous|inscrivez-vous|abonne-toi|inscris-toi", r"notre|nos", r"newsletters?|lettres? d'information"),
    (r"suscr[ií]bete|suscr[ií]base|reg[ií]strate", r"nuestr[oa]s?", r"newsletters?|bolet[ií]n|boletines"),
    (r"assine|inscreva-se|cadastre-se", r"noss[oa]s?", r"newsletters?|boletim"),
    (r"iscriviti|abbonati", r"(?:alla )?nostra", r"newsletter"),
    (r"zapisz si[eę]|zasubskrybuj", r"nasz(?:ego|ym)?", r"newsletter(?:a)?"),
    (r"abonneer je|schrijf je in|meld je aan", r"onze", r"nieuwsbrie(?:f|ven)"),
)
NEWSLETTER_CALL = re.compile(r"^[(\[]?(?:" + "|".join(
    rf"(?:{verbs})\b.{{0,60}}?\b(?:{ours})\s+(?:[\w'’\"“”«»-]+\s+){{0,3}}?(?:{nouns})"
    for verbs, ours, nouns in _CALLS) + r")\b(?P<tail>.*)$", re.I)
# What makes a call in a line the article's: after the newsletter's noun, a comma or a semicolon (a clause of its
# own: "Sign up for our newsletter, the chief executive told staff"); a quotation mark before the call is
# someone's words, and the pattern never matches it
CLAUSE = re.compile(r"[,;]")

# A box asking the reader to become a member, to subscribe or to give (furniture_appeal.py): what the page calls it
# (its class or id) and the address of its call to action, a link and nothing else ("/join", "/membership",
# "https://support.theguardian.com/contribute"); never a word of a longer name ("/joint-venture" is a story's)
APPEAL_CLASSES = frozenset({"membership", "support", "supporter", "supporters", "donate", "donation", "donations",
                            "contribute", "contribution", "contributions", "epic", "promo", "promotion", "cta",
                            "subscribe", "subscription", "subscriptions", "abo"})
APPEAL_HREF = re.compile(r"(?:^|[/.?=&])(?:join|subscribe|subscriptions?|membership|become-a-member|support(?:-us)?|"
                         r"donate|donations?|contribute|contributions?|abo|abonnement|abonnieren|abonnez-vous|"
                         r"premium)(?:[/?#.&=]|$)", re.I)

# A prompt to download the outlet's app ("For the latest stories and breaking news updates download the Nationnews
# apps for iOS and Android"): a call to download it, and words that make it the outlet's (its own, or one for the
# news), each link to an app store. An article's sentence on an app ("Residents can download the CovidSafe app for
# the latest updates") names no news of the outlet's
APP_CALL = re.compile(r"\b(?:download|install|get the|herunterladen|laden sie|installieren|téléchargez|"
                      r"télécharger|descargue|descarga|baixe|scarica)\b", re.I)
APP_OURS = re.compile(r"\b(?:our|unsere[n]?|notre|nuestra|nossa|nosso|la nostra)(?:\s+\S+){0,2}\s+"
                      r"(?:apps?|application|aplicación|aplicativo|applicazione)\b|\b(?:latest|breaking)\s+"
                      r"(?:news|stories|headlines)\b|\bneueste[n]? nachrichten\b|\bdernières infos\b", re.I)
APP_HREF = re.compile(r"^https?://(?:apps\.apple\.com|itunes\.apple\.com|play\.google\.com/store)/", re.I)

# The end of an excerpt of another article: the text cut short ("...", "…", "[…]"), then its link
EXCERPT = re.compile(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])\s*(?P<more>more|read more|mehr|weiterlesen|"
                     r"lire la suite|plus|leer más|ver más|más|leia mais|mais|czytaj więcej|więcej|lees meer|"
                     r"meer)\s*[»›→]*$", re.I)

# A link to the outlet's standards: the address of its page, and the words of the link or its label
# (a page's name, never a word of a longer one: "/business/standards-body" is a story's)
STANDARDS_HREF = re.compile(r"(?:trust-principles|(?:editorial|journalistic)[-_]?(?:standards|guidelines|principles|"
                            r"policy|policies)|/(?:our-)?standards|/ethics|/principles)(?:[/?#.]|$)", re.I)
STANDARDS_TEXT = re.compile(r"\b(?:standards?|principles|ethics|guidelines)\b", re.I)

TEASER_CLASSES = frozenset({"teaser", "teasers"})
SIGNUP_CLASSES = frozenset({"newsletter", "newsletters", "signup", "subscribe", "subscription", "optin", "mc4wp",
                            "mailchimp"})
SHARE_CLASSES = frozenset({"share", "shares", "sharing", "sharebar", "social", "socialshare"})
CREDIT_CLASSES = frozenset({"copyright", "credit", "credits", "photographer", "bildnachweis", "photocredit"})
BUTTON_CLASSES = frozenset({"btn", "button"})
MEDIA_CLASSES = frozenset({"media", "video", "videos", "audio", "player", "videoplayer", "audioplayer",
                           "mediaplayer", "podcast"})
ICON_CLASSES = frozenset({"icon", "icons", "material", "glyphicon", "fa", "fas", "far", "fab"})
# A box of a site's sidebar or footer as WordPress writes it: an element called a widget ("widget widget_text")
# whose heading is called its title ("widget-title", WordPress's default "widgettitle"); never an article's text
# An author's profile: name, position, avatar ("cbx-Author_Position"; "author-bio"), in the languages measured
AUTHOR_CLASSES = frozenset({"author", "authors", "autor", "autoren", "auteur", "auteurs", "autore", "autori"})
# ... never a quote and its speaker ("quote-author"): the quote may be the article's
# The class names that hide an element from sight and leave it to screen readers, each a whole class name
# (Bootstrap's "sr-only" and "visually-hidden", WordPress's "screen-reader-text", HTML5 Boilerplate's
# "visuallyhidden", Drupal's "element-invisible"): never a part of one ("overflow-hidden" clips, "read-more-hidden"
# and "story-more hidden" are an expander's second half, "hidden-xs" hides on phones only).
SCREEN_READER_CLASSES = frozenset({"sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text",
                                   "screen-reader-only", "sr-text", "element-invisible", "a11y-hidden"})
# A bare "hidden" is a label's only where the element is one: a heading or a form's label (MDR's
# <h2 class="conHeadline hidden">Hauptinhalt</h2>); on a paragraph or a box it is as often a collapsed part of the
# article, shown by a button ("<p class="hidden">The minister resigned.</p>").
HIDDEN_CLASS = "hidden"
LABEL_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "label", "legend"})
QUOTE_CLASSES = frozenset({"quote", "quotes", "blockquote", "pullquote", "citation", "cite", "zitat", "testimonial"})
# A pull quote: a sentence of the article repeated, large, beside it ("wp-block-pullquote", "pull-quote")
PULL_QUOTES = (frozenset({"pullquote"}), frozenset({"pullquotes"}), frozenset({"pull", "quote"}))
WIDGET = "widget"
WIDGET_TITLES = (frozenset({"widget", "title"}), frozenset({"widgettitle"}))
