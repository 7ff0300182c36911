"""Page furniture in the extractor's text: the lines to leave out of a captured page's seed, and why.

The extractor (trafilatura) keeps some of what surrounds an article: "Read more: <headline>" links and "Read also"
lists between its paragraphs, the section names of a list of other articles, icon labels and share buttons,
photo credits, advertisement labels, newsletter and subscription prompts (review 72). An editor then annotates
around them, and comparisons across outlets show them as differences. A line is left out only on the evidence of
the page itself: the HTML elements it came from (`Block`s of furniture_page.py, read by
shell/capture/page_blocks.py) — a paragraph that is all links, a list of other articles, a button, an icon, a
sign-up form, a sidebar's widget, an author's profile, a heading that repeats a line of the text — and, where a
prompt's words are needed, a whole line that is only the prompt (furniture_words.py). A line that matches no
block, or only some of its blocks, is kept unless its words alone say what it is (a line that is only "Anzeige"
or "Foto: dpa", a date's label and the date: "Published: 23rd March 2024", or a date and a badge: "October 22,
2019 report"), or it is only a date's label and a block of the page is that label and a date (the extractor left
the date out). An appeal to become a member, to subscribe or to give, a line that is only a call to sign up for the
outlet's newsletter, and a short paragraph asking to sign up or subscribe that links to a sign-up page:
furniture_appeal.py; a site's cookie or consent notice: furniture_consent.py; a label ("Related") left alone once
the list of links it labelled is gone: furniture_label.py.
Nothing else is changed: every kept line is the extractor's, byte for byte. The raw page is kept as evidence, so
nothing is lost.

Pure: the extracted text and the page's blocks in, the kept text and the dropped lines out.
"""

from __future__ import annotations

import re
from typing import Sequence
from urllib.parse import unquote

from . import furniture_words as words
from .furniture_appeal import PROMPT_WORDS, appeals, signup_prompt
from .furniture_consent import notices
from .furniture_credit import credit_kind
from .furniture_label import lone_labels
from .furniture_words import STANDARDS
from .furniture_page import HEADINGS, LABEL_WORDS, Block, Dropped, Page, bare, link_only, squash

CARD_CHARS = 600     # a card of a list of other articles holds no more text than this (a headline and a kicker)
SECTION_WORDS = 3    # a section's name, linked at the top of the text ("Gesundheit", "Ciencia y Tecnología")
PROMPT_TAIL = 6      # words of a "Read more:" line besides the prompt and the linked headline
FORM_CHARS = 1200    # a sign-up form or box holds no more text than this
BUTTON_CHARS = 100   # an element called a button holds no more text than this
PLAYER_CHARS = 600   # a media player's box holds no more text than this (its title, author, date, download links)
BADGE_WORDS = 12     # a line linking to the outlet's standards: a label and a link, no sentence of the article
KICKER_ITEMS = 3     # a list of links under kickers has at least this many items
LOOKALIKE_WORDS = 3  # words spelt in two alphabets that make a line an advertisement, if most of its words
AUTHOR_CHARS = 600   # an author's profile holds no more text than this (a name, a position, a line of bio)
PULL_WORDS = 6       # a pull quote is a sentence: a heading of fewer words that repeats a line may be a section's
WIDGET_CHARS = 1200  # a sidebar's widget holds no more text than this (a few headlines and excerpts, a note)


def _card(page: Page, block: Block) -> bool:
    """The block is in a card of a list of other articles: an <article> that is an item of a list, links
    elsewhere and holds only a headline's worth of text, and is not the article whose text was extracted
    (Clarín's "Últimas noticias": headline and section name of each)."""
    for index, box in enumerate(block.around):
        if (box.tag == "article" and box.key != page.main and box.linked and page.size[box.key] <= CARD_CHARS
                and any(outer.tag == "li" for outer in block.around[:index])
                and not any(inner.key == page.main for inner in block.around[index:])):
            return True
    return False


def _teaser_link(page: Page, block: Block) -> bool:
    """The block is a link in a small element the page calls a teaser (another article's headline)."""
    return link_only(block) and any(box.words & words.TEASER_CLASSES and page.size[box.key] <= CARD_CHARS
                                     for box in block.around)


def _in_form(page: Page, block: Block) -> bool:
    """The block is in a small element the page calls a newsletter, sign-up or subscription box (a <form> alone
    says nothing: a shop's product page is one)."""
    return any(box.words & words.SIGNUP_CLASSES and page.size[box.key] <= FORM_CHARS for box in block.around)


def _icon_label(line: str, block: Block) -> bool:
    """The line is an icon's ligature and a few words (nachrichten.at's "bookmark_border Auf die Merkliste")."""
    return bool(block.icon) and bare(line).startswith(block.icon + " ") and len(line.split()) <= LABEL_WORDS


def _structural(page: Page, index: int, line: str) -> str:
    """What the elements a line came from say it is, or ""."""
    if page.every(index, lambda b: _button(page, b)):
        return "a button's label"
    if page.every(index, lambda b: _excerpt(line, b)):
        return "an excerpt of another article"
    if page.every(index, lambda b: _icon_label(line, b)):
        return "an icon and its label"
    if page.every(index, lambda b: _card(page, b) or _teaser_link(page, b)):
        return "a card of a list of other articles"
    if page.every(index, lambda b: _in_form(page, b)):
        return "a sign-up form"
    if page.every(index, lambda b: _credit_element(line, b)):
        return "a photo credit"
    if words.SOCIAL.match(bare(line)) and page.every(index, lambda b: link_only(b) or _shares(b)):
        return "a share button"
    prompt = signup_prompt(page, index, line)
    if prompt:
        return prompt
    if _app_prompt(page, index, line):
        return "a prompt to download the outlet's app"
    return ""


def _placed(page: Page, index: int, line: str) -> str:
    """What the place a line comes from says it is, or "": a list of links under kickers, the outlet's standards
    badge, a media player, the site's header, a sidebar's widget, an author's profile (each outside the article's
    own text), or a date line the extractor cut short (a label left of it)."""
    if page.every(index, lambda b: _kicker_list(page, b)):
        return "a list of links to other pages, each under a kicker"
    if page.every(index, _standards_link):
        return STANDARDS
    short = len(line.split()) <= LABEL_WORDS
    label = short and not line.rstrip().endswith((".", "!", "?"))   # (a short sentence may be the article's)
    if label and page.every(index, lambda b: _player_box(page, b)):
        return "a media player's label"
    if short and page.every(index, lambda b: any(box.key in page.site_headers for box in b.around)):
        return "a line of the site's header, above the article"
    if page.every(index, lambda b: _in_widget(page, b)):
        return "a box of the site's sidebar (a widget)"
    if page.every(index, lambda b: _author_profile(page, b)):
        return "the author's profile"
    if label and page.every(index, lambda b: _screen_reader_only(page, b)):
        return "a label for screen readers, hidden from sight"
    if _date_label(page, index, line):
        return "a date's label, its date left out by the extractor"
    return ""


def _screen_reader_only(page: Page, block: Block) -> bool:
    """The block is an element whose class hides it from sight for screen readers alone: a landmark's name
    ("Hauptinhalt", "main content": MDR's <h2 class="conHeadline hidden">, held-out review), a skip link, an icon's
    spoken name. The extractor reads no CSS and keeps it; a reader never sees it. Only the block's own element or
    one that holds nothing else is read, by whole class names (words.SCREEN_READER_CLASSES): a box that hides or
    clips much ("overflow-hidden", an expander) says nothing of a line in it. Only a label, no sentence (_placed)."""
    for box in block.around:
        if box is not block.around[-1] and page.size[box.key] != len(block.text):
            continue
        if box.classes & words.SCREEN_READER_CLASSES:
            return True
        if words.HIDDEN_CLASS in box.classes and box.tag in words.LABEL_TAGS:
            return True
    return False


def _date_label(page: Page, index: int, line: str) -> bool:
    """The line is only a date's label ("Posted on", "-Aktualisiert am"), no block of the page, but the start of a
    short one that goes on with the date: the extractor leaves out every <time> element, so FAZ's "-Aktualisiert
    am <time>28.01.2020-15:49</time>" became "- -Aktualisiert am". A label that is a block of its own (an
    update's "Updated:" above its paragraph) stays, as does one whose block goes on with words and no date."""
    label = bare(line)
    if page.hits[index] or not words.DATE_LABEL.match(label):
        return False
    for block in page.blocks:
        rest = block.text[len(label):] if block.text.startswith(label) else ""
        if (rest and not rest[0].isalnum() and any(c.isdigit() for c in rest)
                and len(rest.split()) <= LABEL_WORDS):
            return True
    return False


def _author_profile(page: Page, block: Block) -> bool:
    """The block is in a small element the page calls an author's that also holds a link and nothing else (the
    author's name, linked to their page), and is not that link: the author's position or bio in their profile
    (FAZ's "Redakteur in der Wirtschaft." under "<a>Benjamin Fischer</a>", in "cbx-Author"). A byline ("Von
    <a>Benjamin Fischer</a>"), a closing line on the author with no link beside it, or a quote and its speaker's
    linked name ("quote-author") stays: the article's."""
    if link_only(block) or any(box.tag == "blockquote" or box.words & words.QUOTE_CLASSES for box in block.around):
        return False
    return any(box.words & words.AUTHOR_CLASSES and page.size[box.key] <= AUTHOR_CHARS and box.key in page.linking
               for box in block.around)


def _in_widget(page: Page, block: Block) -> bool:
    """The block is in a small widget of the page (`Page.widgets`): a sidebar's box, its heading called the
    widget's title (Kaieteur News's "Publisher’s Note": "Freedom of speech is our core value at Kaieteur News…")."""
    return any(box.key in page.widgets and page.size[box.key] <= WIDGET_CHARS for box in block.around)


_KICKER = re.compile(r"^[^\W\d_]+(?:[\s'’-]+[^\W\d_]+){0,3}:$")


def _kicker_list(page: Page, block: Block) -> bool:
    """The block is an item of a list whose items, three or more, are each a kicker in capitals and a link, and
    nothing else: links to other pages (BBC's "A SIMPLE GUIDE: <a>How do I protect myself?</a>", "VIDEO: <a>The
    20-second hand wash</a>"). An item with a word of its own after the link, or without a link, keeps its list."""
    def kicker_link(item: Block) -> bool:
        label = item.unlinked.strip()
        return (bool(item.hrefs) and bool(_KICKER.match(label)) and label == label.upper()
                and item.text.startswith(label) and any(c.isalpha() for c in item.text[len(label):]))
    inner = next((box.key for box in reversed(block.around) if box.tag in ("ul", "ol")), None)
    items = page.lists.get(inner, []) if inner is not None else []
    return len(items) >= KICKER_ITEMS and all(kicker_link(item) for item in items)


def _standards_link(block: Block) -> bool:
    """The block is a link to the outlet's standards, after a label at most (Reuters' "Our Standards: <a
    href=".../trust-principles.html">The Thomson Reuters Trust Principles.</a>"); never a sentence that links to
    them."""
    label = block.unlinked.strip()
    return (bool(block.hrefs) and all(words.STANDARDS_HREF.search(unquote(href)) for href in block.hrefs)
            and (not any(c.isalpha() for c in label) or (label.endswith(":") and len(label.split()) <= 3))
            and bool(words.STANDARDS_TEXT.search(block.text)) and len(block.text.split()) <= BADGE_WORDS)


def _player_box(page: Page, block: Block) -> bool:
    """The block is in a small element that holds a media player and no line of the text longer than a label:
    the player's title, author, date or duration (the Tagesschau's audio: "Datenleck bei Rheinmetall", "Benedikt
    Strunz, NDR", "28.04.2020 21:38 Uhr")."""
    return any(box.player and page.size[box.key] <= PLAYER_CHARS and box.key not in page.prose
               for box in block.around)


def _button(page: Page, block: Block) -> bool:
    """The block is in a <button>, or in a small element the page calls a button ("Show all 50")."""
    return any(box.tag == "button" or (box.words & words.BUTTON_CLASSES and page.size[box.key] <= BUTTON_CHARS)
               for box in block.around)


def _excerpt(line: str, block: Block) -> bool:
    """The line is the cut start of another article and its "more" link ("… Yet, the... <a>more</a>")."""
    cut = words.EXCERPT.search(squash(line))
    return bool(cut) and not block.unlinked.rstrip(" »›→").endswith(cut.group("more"))


def _app_prompt(page: Page, index: int, line: str) -> bool:
    """A short paragraph that asks to download the outlet's app and links only to app stores (Nation News: "For the
    latest stories and breaking news updates download the Nationnews apps for <a>iOS</a> and <a>Android</a>.");
    never a sentence on someone else's app, nor a prompt with a link elsewhere (a story on the app)."""
    if len(line.split()) > PROMPT_WORDS or not (words.APP_CALL.search(line) and words.APP_OURS.search(line)):
        return False
    return page.every(index, lambda b: bool(b.hrefs) and all(words.APP_HREF.match(href) for href in b.hrefs))


def _shares(block: Block) -> bool:
    return any(box.words & words.SHARE_CLASSES for box in block.around)


def _credit_element(line: str, block: Block) -> bool:
    """A short line in an element the page calls a credit or copyright ("Pixabay" in <p class="credits">)."""
    return (bool(block.around) and block.around[-1].words & words.CREDIT_CLASSES != frozenset()
            and len(line.split()) <= LABEL_WORDS and not line.rstrip().endswith("."))


def _read_more(page: Page, index: int, line: str) -> bool:
    """ "Read more: <a>headline</a>", "(Le puede interesar: <a>…</a>)": a prompt, then mostly a link."""
    prompt = words.PROMPT.match(bare(line))
    if not prompt:
        return False

    def linked(block: Block) -> bool:
        letters = sum(c.isalpha() for c in block.text)
        unlinked = sum(c.isalpha() for c in block.unlinked)
        rest = words.PROMPT.sub("", block.unlinked, count=1)
        return letters > 0 and unlinked * 2 <= letters and len(re.findall(r"\w*[^\W\d_]\w*", rest)) <= PROMPT_TAIL
    return page.every(index, linked)


def _by_words(line: str) -> str:
    """What a line's words alone say it is: a whole line that is only a label, a date's label and the date, or the
    date and a badge ("October 22, 2019 report"; the stub's date guess is offered it: page_guess.py), a line
    spelt in look-alike letters (three words or more, and most of its words), or ""."""
    label = bare(line).strip()
    dated = words.DATE_LINE.match(label)
    if dated:
        return words.BADGED if dated.group("badge") else words.DATED
    for kind, pattern in words.WHOLE_LINES:
        if pattern.match(label):
            return kind
    credit = credit_kind(label)
    if credit:
        return credit
    spelt = len(words.LOOKALIKE_WORD.findall(label))
    if spelt >= LOOKALIKE_WORDS and spelt * 2 > len(re.findall(r"\w+", label)):
        return "an advertisement spelt in look-alike letters"
    return ""


def _prompt_list(page: Page, lines: list[str], index: int) -> int:
    """How many lines from `index` are a "Read also:" prompt and the links after it: the prompt alone on its
    line, then each following line a link and nothing else; the prompt alone when it ends the text; else 0."""
    if not words.PROMPT_LINE.match(bare(lines[index]).strip()):
        return 0
    end = index + 1
    while end < len(lines) and lines[end].strip() and page.every(end, link_only):
        end += 1
    if end > index + 1:
        return end - index
    if not any(line.strip() for line in lines[index + 1:]) and words.PROMPT_ALONE.match(bare(lines[index]).strip()):
        return 1  # (at the end, with no link after it: the prompt and nothing more)
    return 0


def _section_names(page: Page, lines: list[str]) -> int:
    """How many lines at the top of the text are short links and nothing else: the section, breadcrumbs or menu
    above the article ("Gesundheit", "Inicio", "Política", …)."""
    count = 0
    while (count < len(lines) and lines[count].strip() and len(lines[count].split()) <= SECTION_WORDS
           and page.every(count, link_only)):
        count += 1
    return count


def _pulled(block: Block) -> bool:
    return any(box.tag in HEADINGS or any(box.words >= name for name in words.PULL_QUOTES) for box in block.around)


def _pull_quotes(page: Page, lines: list[str]) -> set[int]:
    """The lines that repeat another line of the text word for word, from a heading or an element the page calls a
    pull quote, where the other is neither: a sentence shown again, large, beside the article (Der Spiegel's <h4>s
    after its text: "Die Erzählung ist grauenhaft. Man könnte zynisch sagen, dass sie perfekt grauenhaft ist.").
    The sentence stays where the article has it; no word is lost. A line repeated only in headings, or only in
    paragraphs, stays twice: nothing says which is the article's."""
    same: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        if len(line.split()) >= PULL_WORDS:
            same.setdefault(squash(line), []).append(index)
    pulled = {index for indexes in same.values() if len(indexes) > 1 for index in indexes
              if page.every(index, _pulled)}
    return {index for indexes in same.values() for index in indexes
            if index in pulled and any(other not in pulled for other in indexes)}


def _kinds(page: Page, lines: list[str]) -> dict[int, str]:
    """Line index → what it is, for every line of furniture."""
    found = {i: "a section's name or a menu above the article" for i in range(_section_names(page, lines))}
    index = 0
    while index < len(lines):
        run = _prompt_list(page, lines, index) if index not in found else 0
        for offset in range(run):
            found[index + offset] = "a \"Read also\" list" if run > 1 else "a \"Read also\" prompt"
        index += max(run, 1)
    for index in _pull_quotes(page, lines):
        found.setdefault(index, "a pull quote, repeating a line of the text")
    for index, line in enumerate(lines):
        if index in found or not line.strip():
            continue
        if _read_more(page, index, line):
            found[index] = "a \"Read more\" link"
            continue
        kind = _structural(page, index, line) or _placed(page, index, line) or _by_words(line)
        if kind:
            found[index] = kind
    last = max((i for i, line in enumerate(lines) if line.strip()), default=None)
    if last is not None and last not in found and words.COPYRIGHT.match(lines[last].strip()):
        found[last] = "a copyright notice"
    found.update(notices(page, lines, found))  # (a cookie or consent notice: DW's)
    found.update(appeals(page, lines, found))  # (a membership's appeal, a newsletter's call: review 116)
    found.update(lone_labels(page, lines, found))  # (a "Related" whose links are gone: review 125)
    return found


def without_furniture(text: str, blocks: Sequence[Block], headline: str = "") -> tuple[str, tuple[Dropped, ...]]:
    """(the text without its furniture lines, the lines left out). `blocks`: the page's, in document order;
    `headline`: the article's, never left out (a blog's title is a short link at the top of its text, as a
    section's name is)."""
    lines = text.split("\n")
    title = squash(headline).casefold()
    found = {index: kind for index, kind in _kinds(Page(lines, blocks, headline), lines).items()
             if not title or squash(lines[index]).casefold() != title}
    if not found:
        return text, ()
    kept = [line for index, line in enumerate(lines) if index not in found]
    dropped = tuple(Dropped(index + 1, lines[index], kind) for index, kind in sorted(found.items()))
    return "\n".join(kept), dropped
