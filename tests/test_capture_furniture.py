"""Page furniture left out of a captured page's text (review 72): "Read more" links and "Read also" lists, the cards
of a list of other articles, section names, icon labels, share labels, photo credits, ad labels, newsletter prompts,
each on the evidence of the page's HTML or, for a bare label, of the whole line; never a sentence of the article.

Each page here is modelled on one a review met (DW, Rzeczpospolita, Polityka, Clarín, nachrichten.at, El Tiempo,
Tagesspiegel, Kaieteur News). The text given to the rules is the extractor's as it wrote those pages: one block a
line, a list item after "- "."""

from __future__ import annotations

import re

import pytest

from dossier.core.capture import furniture_words
from dossier.core.capture.furniture import without_furniture
from dossier.core.capture.furniture_credit import CAPTION, CREDIT, credit_kind
from dossier.core.capture.furniture_page import Dropped
from dossier.shell.capture.extract import extract
from dossier.shell.capture.page_blocks import page_blocks

PARAGRAPHS = [
    "The cabinet met on Sunday to decide on the operation, officials said, after talks with the envoy ended.",
    "Read more about the plan in the ministry's own words: the report runs to forty pages and was published today.",
    "Opposition leaders said the decision would be challenged in parliament before the end of the month.",
]


def page(body: str) -> str:
    return f"""<!doctype html><html lang="en"><head><title>Cabinet to meet</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article class="story"><h1>Cabinet to meet on Sunday</h1>{body}</article>
<footer><p>Contact us</p></footer></body></html>"""


def paragraphs(*indexes: int) -> str:
    return "".join(f"<p>{PARAGRAPHS[i]}</p>" for i in indexes)


def left_out(html: str, lines: list[str], headline: str = "") -> tuple[list[str], list[str]]:
    """(the lines kept, the lines left out) of an extracted text of `lines` from `html`."""
    text, dropped = without_furniture("\n".join(lines), page_blocks(html), headline)
    return text.split("\n"), [d.text for d in dropped]


@pytest.mark.parametrize("prompt, link", [
    ("Read more: ", "Recognizing Germany's colonial crimes: work in progress"),        # DW
    ("Dowiedz się więcej: ", "Kto jak głosował ws. unijnych funduszy?"),               # Rzeczpospolita
    ("Czytaj też: ", "Atomowy straszak Putina. Czy Rosja go użyje?"),                   # Polityka
    ("(Le puede interesar: ", "Buscan responsables de bus quemado en Anorí)"),          # El Tiempo
    ("LEE MÁS | ", "Kenji Fujimori: exministro niega que haya negociado obras"),
    ("À lire aussi » ", "Ballonnements, lourdeurs : quel est votre profil digestif ?"),
    ("Leia também: ", "Câmara aprova lei que eleva pena para crimes contra crianças"),
    ("Te puede interesar: ", "El precio del maíz alcanza su máximo en nueve años"),
    ("Related: ", "Alaska Airlines delays full Oneworld membership to early 2021"),
])
def test_a_read_more_link_between_paragraphs_is_left_out_every_other_line_kept_byte_for_byte(
        prompt: str, link: str) -> None:
    close = ")" if prompt.startswith("(") else ""
    html = page(paragraphs(0) + f'<p><em>{prompt}<a href="/other">{link.rstrip(")")}</a>{close}</em></p>'
                + paragraphs(2))
    lines = [PARAGRAPHS[0] + "  ", prompt + link, "\t" + PARAGRAPHS[2]]
    kept, dropped = left_out(html, lines)
    assert kept == [PARAGRAPHS[0] + "  ", "\t" + PARAGRAPHS[2]] and dropped == [prompt + link]


def test_a_prompts_words_without_a_link_or_in_a_sentence_with_a_link_are_the_articles() -> None:
    html = page(paragraphs(0, 1) + '<p>Lesen Sie auch, was <a href="/m">der Minister</a> am Montag im Parlament zu '
                                   "den Plänen der Regierung für den Haushalt des kommenden Jahres gesagt hat.</p>"
                + '<p>Read <a href="/r">the report</a></p><pre>read only = yes</pre>' + paragraphs(2))
    lines = [PARAGRAPHS[0], PARAGRAPHS[1], "Lesen Sie auch, was der Minister am Montag im Parlament zu den Plänen der "
             "Regierung für den Haushalt des kommenden Jahres gesagt hat.", "Read the report", "read only = yes",
             PARAGRAPHS[2]]
    assert left_out(html, lines) == (lines, [])


def test_a_read_also_prompt_and_the_links_after_it_are_left_out_a_prompt_before_prose_is_kept() -> None:
    related = "".join(f'<li><a href="/a{i}">Turbulent week number {i} for the carmaker</a></li>' for i in range(3))
    html = page(paragraphs(0) + f"<p><strong>Lesen Sie auch:</strong></p><ul>{related}</ul>"
                + "<h2>Related Recipes</h2>" + paragraphs(2) + "<p><strong>Czytaj też:</strong></p>")
    items = [f"- Turbulent week number {i} for the carmaker" for i in range(3)]
    lines = [PARAGRAPHS[0], "Lesen Sie auch:", *items, "Related Recipes", PARAGRAPHS[2], "Czytaj też:"]
    kept, dropped = left_out(html, lines)
    assert kept == [PARAGRAPHS[0], "Related Recipes", PARAGRAPHS[2]]
    assert dropped == ["Lesen Sie auch:", *items, "Czytaj też:"]


def test_the_cards_of_a_list_of_other_articles_are_left_out_their_section_names_too() -> None:
    """Clarín: "Últimas noticias" beside the article, each card a headline, a section name and a link over it."""
    cards = "".join(f'<li><article class="content-article"><div class="text"><h3>Other headline {name}</h3>'
                    f'<p>{name}</p></div><a class="links" href="/{i}"></a></article></li>'
                    for i, name in enumerate(["Miradas", "Sin anestesia"]))
    html = f"""<html><body><div id="notas-ultimasNoticias"><ul>{cards}</ul></div>
<div class="body-nota">{paragraphs(0, 1, 2)}</div></body></html>"""
    lines = ["Other headline Miradas", "Miradas", "Other headline Sin anestesia", "Sin anestesia", *PARAGRAPHS]
    kept, dropped = left_out(html, lines)
    assert kept == PARAGRAPHS and dropped == lines[:4]


def test_the_cards_of_a_list_of_articles_that_are_the_page_itself_are_kept() -> None:
    """A page whose text is a list of <article>s without links (a school's modules) is no list of other articles."""
    modules = "".join(f"<li><article><h3>Module {i}</h3><p>{PARAGRAPHS[i]}</p></article></li>" for i in range(3))
    lines = [line for i in range(3) for line in (f"Module {i}", PARAGRAPHS[i])]
    assert left_out(f"<html><body><ul>{modules}</ul></body></html>", lines) == (lines, [])


def test_icon_labels_and_the_reading_time_are_left_out() -> None:
    """nachrichten.at: icon-font ligatures before each label, a hidden twin of the first."""
    html = page('<ul class="artDetail__userOptions"><li><span style="display:none"><i class="material-icons">'
                'turned_in</i> gemerkt</span><span><i class="material-icons">bookmark_border</i> '
                'Auf die Merkliste</span></li><li><a href="#"><i class="material-icons">headset</i> Vorlesen</a></li>'
                '<li>Lesedauer etwa 2 Min</li></ul>' + paragraphs(0, 2))
    lines = ["- bookmark_border Auf die Merkliste", "- headset Vorlesen", "- Lesedauer etwa 2 Min", PARAGRAPHS[0],
             PARAGRAPHS[2]]
    kept, dropped = left_out(html, lines)
    assert kept == [PARAGRAPHS[0], PARAGRAPHS[2]] and dropped == lines[:3]


def test_the_section_links_above_the_article_are_left_out_never_the_headline() -> None:
    html = ('<html><body><h4 class="topline"><a href="/gesundheit">Gesundheit</a></h4>'
            f'<h2><a href="/post">Aggression Fotografie</a></h2>{paragraphs(0, 2)}</body></html>')
    lines = ["Gesundheit", "Aggression Fotografie", PARAGRAPHS[0], PARAGRAPHS[2]]
    kept, dropped = left_out(html, lines, headline="Aggression Fotografie")
    assert kept == lines[1:] and dropped == ["Gesundheit"]


@pytest.mark.parametrize("line, what", [
    ("Anzeige", "an advertisement's label"), ("REKLAMA", "an advertisement's label"),
    ("Foto: M. Rädel", "a photo credit"), ("(Bild: Dieter Stork)", "a photo credit"),
    ("Crédits photos : Bestimage", "a photo credit"), ("© dpa | Kay Nietfeld", "a photo credit"),
    ("Artikel teilen", "a share button"), ("Folgen Sie uns auf Twitter", "a prompt to follow the outlet"),
    ("Lesezeit: 2 Minuten", "the reading time"),
    # (held-out review: The Local's and Clarín's captions, kept as paragraphs between the article's)
    ("The real state epidemiologist Anders Tegnell at one of the Public Health Agency's daily briefings. Photo: "
     "Jonathan Nackstrand/AFP", "a photo's caption, ending in its credit"),
    ("Cristina Kirchner y Alberto Fernández, el 1 de marzo, en el Congreso (Foto: Natacha Pisarenko/Pool via "
     "REUTERS).", "a photo's caption, ending in its credit"),
])
def test_a_line_that_is_only_a_label_is_left_out_by_its_words(line: str, what: str) -> None:
    text, dropped = without_furniture(f"{PARAGRAPHS[0]}\n{line}\n{PARAGRAPHS[2]}", ())
    assert text == f"{PARAGRAPHS[0]}\n{PARAGRAPHS[2]}" and dropped == (Dropped(2, line, what),)


@pytest.mark.parametrize("line", [
    "Quelle: Statistisches Bundesamt (Stand: 5. Februar 2020)",   # a table's source: the article cites it
    "Der Minister am Montag in Berlin. Foto: dpa",                 # a caption whose credit may be a sentence's
    "The photo agency's rules are strict. Photo: see the terms at agency.example/terms for details.",
    "Foto: Die neuen Minister am Montag vor dem Kanzleramt in Berlin, wo sie vereidigt wurden.",
    "Anzeige: Dieser Beitrag ist in Zusammenarbeit mit Barbour entstanden",
    "- Facebook",                                                   # a list item of the article, no link
    "© NordexHamburg (iwr-pressedienst) - Die vermehrte Stromerzeugung aus erneuerbaren Energien hat einen "
    "erheblichen Anteil am Rückgang der Emissionen im vergangenen Jahr, teilte der Verband mit.",
])
def test_a_line_that_says_more_than_a_label_is_kept(line: str) -> None:
    text = f"{PARAGRAPHS[0]}\n{line}\n{PARAGRAPHS[2]}"
    assert without_furniture(text, page_blocks(page(f"<ul><li>{line}</li></ul>"))) == (text, ())


@pytest.mark.parametrize("line", [
    # a paragraph of two sentences with the credit of the photo above it run on: a caption is one sentence
    "Der Bürgermeister sprach von einem schweren Tag. Die Feuerwehr war mit 80 Kräften im Einsatz, die Straße "
    "blieb bis zum Abend gesperrt. Foto: Max Muster/dpa",
    'He looked at the photo: "That is the 9/11 memorial, lit up at night"',   # a quotation, digits by the slash
    "Image: the court ruling on 24/7 surveillance, seen by reporters",         # a sentence in lower-case words
    "The credit: a loan from the EU/IMF programme worth billions",             # no name before the slash
    "The question remains what the image: black/white means",
    # one sentence longer than a caption, run on with the credit
    "The mayor thanked the crews who had worked through the night at the scene of the fire in the old town, where "
    "three houses burnt down and eleven families lost their homes, and promised that the city would pay for the "
    "repairs and for a place to stay until the spring. Photo: Jane Roe/Getty Images",
])
def test_a_sentence_that_names_a_photo_or_a_credit_and_a_slash_is_kept(line: str) -> None:
    """A caption's credit is a name and an agency by a slash; the rule took any words around any slash."""
    text = f"{PARAGRAPHS[0]}\n{line}\n{PARAGRAPHS[2]}"
    assert without_furniture(text, ()) == (text, ())


@pytest.mark.parametrize("line, what", [
    ("Gustav Lloyd Agerblad and the face of state epidemiologist Anders Tegnell. Photo: Jonathan Nackstrand/AFP",
     CAPTION),
    ("Der Minister am Montag vor dem Kanzleramt. Foto: Max Muster/dpa", CAPTION),   # (a lower-cased agency)
    ("Die Kanzlerin beim Gipfel in Brüssel. Foto: picture alliance/dpa", CAPTION),  # (a stock library's name)
    ("Foto: picture alliance / dpa | Kay Nietfeld", CREDIT), ("Foto: imago images/Sven Simon", CREDIT),
])
def test_a_credit_is_names_and_an_agency_in_their_own_spelling(line: str, what: str) -> None:
    assert credit_kind(line) == what


def test_a_share_label_goes_when_it_is_a_link_and_a_closing_copyright_notice_goes() -> None:
    html = page(paragraphs(0) + '<p><a href="https://facebook.com/x">Facebook</a></p>' + paragraphs(2))
    notice = "Copyright 2023 Sunbeam Television Corp. All rights reserved. This material may not be published."
    kept, dropped = left_out(html, [PARAGRAPHS[0], "Facebook", PARAGRAPHS[2], notice])
    assert kept == [PARAGRAPHS[0], PARAGRAPHS[2]] and dropped == ["Facebook", notice]


def test_a_newsletter_prompt_linking_to_its_sign_up_goes_a_paywalls_prompt_stays() -> None:
    """Tagesspiegel's bracketed prompt (its link through a redirector); a paywall's prompt tells the editor the
    text is cut short, so it stays."""
    prompt = ('[Alle wichtigen Updates des Tages finden Sie im kostenlosen Newsletter "Fragen des Tages". '
              'Zur Anmeldung geht es hier.]')
    paywall = "To view the full story, please subscribe to The Haitian Times."
    html = page(paragraphs(0) + f'<p>{prompt[:-14]}<a href="https://r.net/link?url=https%3A%2F%2Fnl.example.de'
                f'%2Fform.do">{prompt[-14:-1]}</a>]</p><p>To view the full story, please '
                f'<a href="/subscription">subscribe to The Haitian Times</a>.</p>' + paragraphs(2))
    kept, dropped = left_out(html, [PARAGRAPHS[0], prompt, paywall, PARAGRAPHS[2]])
    assert kept == [PARAGRAPHS[0], paywall, PARAGRAPHS[2]] and dropped == [prompt]


def test_an_excerpt_of_another_article_cut_short_before_its_more_link_goes() -> None:
    """Kaieteur News: the sidebar's columns, each the start of one cut short and a "more" link."""
    excerpt = "Kaieteur News – The Petroleum Commission is far more important than the Board. Yet, the..."
    html = page(paragraphs(0, 2) + f'<ul><li><p>{excerpt} <a href="/column">more</a></p></li></ul>')
    kept, dropped = left_out(html, [PARAGRAPHS[0], PARAGRAPHS[2], excerpt + " more"])
    assert kept == [PARAGRAPHS[0], PARAGRAPHS[2]] and dropped == [excerpt + " more"]


def test_the_prompt_words_are_anchored_at_the_start_of_the_line() -> None:
    assert furniture_words.PROMPT.match("Czytaj też: Wyścig zbrojeń ruszył z kopyta")
    assert not furniture_words.PROMPT.match("Er sagte: Lesen Sie auch den Bericht")
    assert not furniture_words.PROMPT_LINE.match("Przeczytaj zapowiedź tego spotkania w całości.")


def test_extract_leaves_the_furniture_out_and_lists_each_line_with_what_it_is() -> None:
    body = [f"<p>{PARAGRAPHS[i % 3]} (paragraph {i}).</p>" for i in range(6)]
    html = page("".join(body[:3]) + '<p><em>Read more: <a href="/other">Cabinet split over the operation</a>'
                "</em></p>" + "".join(body[3:]) + "<p>Foto: Jane Roe</p>")
    got = extract(html.encode("utf-8"), "text/html; charset=utf-8", "https://example.org/cabinet")
    assert "Read more:" not in got.text and "Foto:" not in got.text
    assert all(f"(paragraph {i})." in got.text for i in range(6))
    assert [(d.text, d.kind) for d in got.furniture] == [("Read more: Cabinet split over the operation",
                                                         'a "Read more" link'), ("Foto: Jane Roe", "a photo credit")]


@pytest.mark.parametrize("line, href", [
    ("Spotify said on Tuesday that its paid subscriber count rose to 236 million in the third quarter.",
     "https://newsroom.spotify.com/2023-10-24/q3-subscribers/"),
    ("Le parti compte 40 000 inscrits, selon son abonnement aux listes électorales publié lundi.",
     "https://example.fr/politique/abonnements-2024"),
    ("Die Anmeldung der Firma beim Handelsregister erfolgte im März, wie die Behörde mitteilte.",
     "https://example.de/wirtschaft/anmeldung-firma"),
])
def test_a_sentence_with_a_word_of_subscribing_and_a_link_is_no_sign_up_prompt(line: str, href: str) -> None:
    """Review 91: any short paragraph with "subscri", "inscri", "anmeld" or "abonn" and a link whose address held
    "subscri" or "abonn" was a newsletter prompt: the lede of a story on a streaming service's subscribers went."""
    words = line.split(" ")
    linked = " ".join(words[3:7])
    html = page(paragraphs(0) + f"<p>{' '.join(words[:3])} <a href=\"{href}\">{linked}</a> {' '.join(words[7:])}</p>"
                + paragraphs(2))
    lines = [PARAGRAPHS[0], line, PARAGRAPHS[2]]
    assert left_out(html, lines) == (lines, [])


def test_a_last_line_that_only_starts_like_a_prompt_is_kept() -> None:
    """Review 91: "More on this story as it develops", the article's last line, went as a "Read also" prompt: a
    prompt that ends the text with no link after it is left out only when it is the prompt and nothing more."""
    last = "More on this story as it develops"
    html = page(paragraphs(0, 2) + f"<p>{last}</p>")
    lines = [PARAGRAPHS[0], PARAGRAPHS[2], last]
    assert left_out(html, lines) == (lines, [])
    html = page(paragraphs(0, 2) + "<p>Read more:</p>")
    assert left_out(html, [PARAGRAPHS[0], PARAGRAPHS[2], "Read more:"]) == ([PARAGRAPHS[0], PARAGRAPHS[2]],
                                                                              ["Read more:"])


def test_a_line_spelt_mostly_in_look_alike_letters_goes_a_sentence_with_a_few_such_words_stays() -> None:
    """Breaking Belize News ended its article with an advertisement whose Latin letters were partly Cyrillic
    look-alikes ("Аdvеrtіѕе" with a Cyrillic А, е, і, ѕ), so that blockers read no word of it. Its words alone say
    so, the articleBody of a page too; a Russian sentence with a few words typed in the wrong keyboard layout, or
    one quoting a look-alike address, is the article's."""
    cyrillic = str.maketrans("AaeiosycpxB", "АаеіоѕуерхВ")
    advert = "Advertise with the most visited news site in Belize ~ We offer digital marketing packages.".translate(
        cyrillic)
    typed = "Это cистема, кoторая рaботает на сервере компании в Москве и Петербурге, сообщил директор."
    quoted = "The scam sent users to " + "paypal".translate(cyrillic) + ".com, a look-alike of the real address."
    text, dropped = without_furniture("\n".join([PARAGRAPHS[0], advert, typed, quoted, PARAGRAPHS[2]]), ())
    assert text == "\n".join([PARAGRAPHS[0], typed, quoted, PARAGRAPHS[2]])
    assert dropped == (Dropped(2, advert, "an advertisement spelt in look-alike letters"),)


@pytest.mark.parametrize("prompt, link", [
    ("MORE: ", "Black-led group strikes deal to revitalize Oakland Coliseum site"),             # ABC7
    ("PUEDES VER: ", "¿Cómo sacar mi certificado de estudios del Minedu de manera online?"),      # La República
    ("VEA TAMBIÉN: ", "Entre heces y guaricha: Estrella de la educación no brilla"),             # Panamá América
    ("MIRA: ", "Madre se acerca a conocer los motivos de captura de su hijo"),                   # Soy502
    ("MIRA | ", "Kenji Fujimori: PJ concluye con interrogatorio a testigos"),                     # El Comercio
])
def test_a_prompt_in_capitals_before_a_link_goes_its_word_starting_a_sentence_stays(prompt: str, link: str) -> None:
    sentences = ["More than 200 staff signed the letter to the board on Monday, the union said.",
                 "MORE: 2,000 jobs will go at the plant by the end of the year, the union said.",
                 "Mira a ridurre i costi del piano entro il 2025, ha detto il ministro."]
    html = page(paragraphs(0) + f'<p>{prompt}<a href="/other">{link}</a></p>' + "".join(
        f'<p>{s[:20]}<a href="/s">{s[20:40]}</a>{s[40:]}</p>' for s in sentences[:1]) + "".join(
        f"<p>{s}</p>" for s in sentences[1:]) + paragraphs(2))
    lines = [PARAGRAPHS[0], prompt + link, *sentences, PARAGRAPHS[2]]
    kept, dropped = left_out(html, lines)
    assert kept == [PARAGRAPHS[0], *sentences, PARAGRAPHS[2]] and dropped == [prompt + link]


def test_a_call_to_register_is_a_newsletters_prompt_only_with_a_link_to_the_newsletter() -> None:
    """gruen-digital.de (trafilatura's test pages): the paragraph on how to attend a conference, ending "Hier
    geht´s zur Anmeldung." with a link to the registration page, went as a newsletter's prompt."""
    event = ("Die Tagung wird gestreamt. Um Anmeldung und einen geringen Unkostenbeitrag wird gebeten. Alle weiteren "
             "Einzelheiten finden Sie auf den Seiten der Stiftung. Hier geht´s zur Anmeldung.")
    prompt = "Nichts mehr verpassen? Jetzt anmelden und jeden Freitag lesen, was die Woche gebracht hat."
    html = page(paragraphs(0) + f'<p>{event[:-16]}<a href="https://www.boell-bw.de/veranstaltungen/anmeldung/">'
                f'{event[-16:]}</a></p><p>{prompt[:23]}<a href="/service/newsletter/">{prompt[23:]}</a></p>'
                + paragraphs(2))
    kept, dropped = left_out(html, [PARAGRAPHS[0], event, prompt, PARAGRAPHS[2]])
    assert kept == [PARAGRAPHS[0], event, PARAGRAPHS[2]] and dropped == [prompt]


APPLE = "https://apps.apple.com/us/app/nation-news/id887959854"
GOOGLE = "https://play.google.com/store/apps/details?id=com.nationnews.android"


@pytest.mark.parametrize("prompt", [
    "For the latest stories and breaking news updates download the Nationnews apps for iOS and Android.",  # Nation
    "Get the latest news wherever you are: install our free app for iOS and Android.",
    "Laden Sie sich jetzt unsere kostenlose App herunter: iOS und Android.",
])
def test_a_prompt_to_download_the_outlets_app_linking_to_app_stores_goes(prompt: str) -> None:
    html = page(paragraphs(0, 2) + f'<p>{prompt[:-16]}<a href="{APPLE}">{prompt[-16:-12]}</a>{prompt[-12:-8]}'
                f'<a href="{GOOGLE}">{prompt[-8:-1]}</a>.</p>')
    kept, dropped = left_out(html, [PARAGRAPHS[0], PARAGRAPHS[2], prompt])
    assert kept == [PARAGRAPHS[0], PARAGRAPHS[2]] and dropped == [prompt]


@pytest.mark.parametrize("line, href", [
    # a sentence on someone else's app, linking to its store page
    ("Residents can download the CovidSafe app for the latest updates on exposure sites, the ministry said.", APPLE),
    # the prompt's words, linking to a story
    ("Download our app, the chief executive told investors, and you will get the latest news before anyone else.",
     "https://example.org/business/app-launch"),
    # the prompt's words and a store's link in a paragraph longer than a prompt
    ("For the latest stories, download our app, said the publisher, who told the meeting on Monday that the paper "
     "had lost a third of its readers in print since 2019 and that the app now brought in more revenue than the "
     "weekend edition, a first for the group.", APPLE),
])
def test_a_sentence_on_an_app_or_linking_elsewhere_is_no_prompt_to_download_the_outlets_app(line: str,
                                                                                            href: str) -> None:
    html = page(paragraphs(0) + f'<p>{line[:30]}<a href="{href}">{line[30:50]}</a>{line[50:]}</p>' + paragraphs(2))
    lines = [PARAGRAPHS[0], line, PARAGRAPHS[2]]
    assert left_out(html, lines) == (lines, [])


@pytest.mark.parametrize("element", ['<h2 class="conHeadline hidden">Hauptinhalt</h2>',
                                     '<h2 class="sr-only">Main content</h2>',
                                     '<p class="screen-reader-text">Skip to content</p>',
                                     '<div class="visually-hidden">Article text</div>'])
def test_a_label_hidden_from_sight_for_screen_readers_is_left_out(element: str) -> None:
    """MDR's "Hauptinhalt" ("main content"), an <h2> its CSS hides, stood at the top of the seed (held-out
    review): the extractor reads no CSS."""
    label = element.split(">")[1].split("<")[0]
    lines = [label, *PARAGRAPHS]
    assert left_out(page(element + paragraphs(0, 1, 2)), lines) == (PARAGRAPHS, [label])


@pytest.mark.parametrize("element", ['<h2 class="hidden-xs">Hauptinhalt</h2>',          # (hidden on phones only)
                                     '<p class="hidden-print">Main content</p>',         # (hidden when printed)
                                     '<h2 class="hidden">The minister resigned on Sunday after the vote in '
                                     'parliament went against her by a wide margin.</h2>'])   # (no label: a sentence)
def test_a_line_hidden_only_on_some_screens_or_longer_than_a_label_is_kept(element: str) -> None:
    line = element.split(">")[1].split("<")[0]
    lines = [line, *PARAGRAPHS]
    assert left_out(page(element + paragraphs(0, 1, 2)), lines) == (lines, [])


@pytest.mark.parametrize("element", [
    '<p class="hidden">The minister resigned.</p>',                      # a collapsed paragraph: a sentence
    '<p class="hidden">Read the full statement</p>',                     # "hidden" on no heading
    '<div class="story-more hidden"><p>The minister resigned on Sunday</p></div>',   # an expander's second half
    '<div class="read-more-hidden"><p>He denied it all</p></div>',
    '<div class="paywall hidden"><p>He denied it all</p></div>',
    '<h3 class="is-hidden">Background</h3>', '<p class="not-hidden">Short label here</p>',
    '<p class="hidden-content">Short label here</p>', '<h3 id="hidden-label">Background</h3>',
    '<h2 class="sr-only">He denied it all.</h2>',                         # a sentence, whatever its class
])
def test_a_short_line_in_an_element_only_partly_called_hidden_or_a_sentence_is_kept(element: str) -> None:
    """The rule read every part of every class around the line: "He denied it all" in an expander's
    "story-more hidden" or "read-more-hidden" box (the article's second half, shown by a button) was left out."""
    line = re.sub(r"<[^>]+>", "", element)
    lines = [PARAGRAPHS[0], line, *PARAGRAPHS[1:]]
    assert left_out(page(paragraphs(0) + element + paragraphs(1, 2)), lines) == (lines, [])


@pytest.mark.parametrize("wrapper", ['<div class="relative overflow-hidden">{}</div>',
                                     '<section id="article-hidden-content">{}</section>',
                                     '<div class="sr-only-wrapper visually-hidden-focusable">{}</div>',
                                     '<div class="sr-only">{}</div>'])
def test_a_short_line_in_a_box_that_holds_more_than_it_is_kept_whatever_the_box_is_called(wrapper: str) -> None:
    """Tailwind's "relative overflow-hidden" wraps a whole article: its short lines are the article's."""
    short = "He denied it all on Monday"
    lines = [PARAGRAPHS[0], short, *PARAGRAPHS[1:]]
    html = page(wrapper.format(paragraphs(0) + f"<p>{short}</p>" + paragraphs(1, 2)))
    assert left_out(html, lines) == (lines, [])


def test_a_label_in_an_element_that_holds_it_alone_and_is_hidden_from_sight_is_left_out() -> None:
    html = page(paragraphs(0) + '<div class="visually-hidden"><p>Skip to content</p></div>' + paragraphs(1, 2))
    assert left_out(html, [PARAGRAPHS[0], "Skip to content", *PARAGRAPHS[1:]]) == (PARAGRAPHS, ["Skip to content"])


@pytest.mark.parametrize("line", [
    "Copyright: Getty sues Stability AI", "Credit: Fitch downgrades US", "Foto: Polizei sucht Zeugen",
    "Bild: Scholz trifft Macron", "Photo: Biden Meets Xi In Bali", "Photo: Xi met Biden in Bali",
    "Photo: Biden Meets Xi", "Credit: Scholz Visits Kyiv", "Foto: Scholz Trifft Macron",   # capitals, no preposition
    "Mr Smith said the rescue took hours. Photo: John Smith/AP",   # a sentence of the article, a credit run on
])
def test_a_credit_label_before_words_that_name_no_one_is_an_intertitle_and_stays(line: str) -> None:
    """A lone "Credit:" or "Foto:" line was dropped whatever followed: an intertitle was a photo credit."""
    assert credit_kind(line) == ""
    text = f"{PARAGRAPHS[0]}\n{line}\n{PARAGRAPHS[2]}"
    assert without_furniture(text, ()) == (text, ())


@pytest.mark.parametrize("line", ["Foto: dpa", "Photo: Getty Images", "Bild: Keystone/Peter Klaunzer",
                                  "Credit: Reuters", "(Bild: Dieter Stork)", "Foto: M. Rädel",
                                  "Photo: AFP via Getty Images", "© 2019 Science X Network",
                                  "Photo: Tom Meeks", "Photo: Anna Wins"])
def test_a_lone_credit_that_names_people_or_agencies_goes(line: str) -> None:
    assert credit_kind(line) == CREDIT


@pytest.mark.parametrize("line", [
    "Photo: Jane Doe for The New York Times", "Credit: Jane Doe for The New York Times",
    "Photo: Jean-Luc Martin for Le Monde", "Foto: Peter Müller für die SZ",   # a photographer for an outlet
    "Photo: Bank of England", "Foto: Library of Congress", "Photo: Ministry of Defence",   # an institution
    "Photo: US Department of State", "Bild: Bundesamt für Bevölkerungsschutz",
    "Photo: Courtesy of the family", "Photo: handout", "Foto: privat",   # a credit that names no one
    "Foto: dpa-Zentralbild", "Photo: Getty Images/iStockphoto",   # a brand's name
])
def test_a_lone_credit_of_an_outlets_photographer_an_institution_or_a_handout_goes(line: str) -> None:
    """The small "of", "for" and "für" of "Bank of England" and "Jane Doe for The New York Times" (NYT's own
    credit) were taken for a headline's, and ordinary credits stayed in the seed (review 194)."""
    assert credit_kind(line) == CREDIT
    text = f"{PARAGRAPHS[0]}\n{line}\n{PARAGRAPHS[2]}"
    assert without_furniture(text, ())[0] == f"{PARAGRAPHS[0]}\n{PARAGRAPHS[2]}"
