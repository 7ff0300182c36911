"""Page furniture told by the place on the page a line comes from (the review after review 91): a list of links to
other pages under kickers in capitals (BBC), a line linking to the outlet's standards (Reuters), a media player's
title, author, date and duration (Tagesschau), a line of the site's own header above the article and the boxes
of its sidebar, WordPress's widgets (Kaieteur News), a pull quote repeating a paragraph (Der Spiegel), an author's
position in their profile (FAZ), a date line cut short to its label (FAZ, Nation News); and the article's own
lines that look like them, which stay. The text given to
the rules is the extractor's as it wrote those pages: one block a line, a list item after "- "."""

from __future__ import annotations

import pytest

from dossier.core.capture.furniture import without_furniture
from dossier.shell.capture.page_blocks import page_blocks

STORY = [
    "The daily rise in deaths announced in the state on Friday was 777, down slightly from the day before.",
    "Governor Andrew Cuomo said he took solace from this fact, as well as the decline in admissions.",
    "He said the state was succeeding in flattening the curve but was still enduring great pain.",
]


def page(body: str) -> str:
    return f"""<!doctype html><html lang="en"><head><title>Mass burials</title></head><body>
<article class="story"><h1>New York ramps up mass burials</h1>{body}</article>
<footer><p>Contact us</p></footer></body></html>"""


def story(*indexes: int) -> str:
    return "".join(f"<p>{STORY[i]}</p>" for i in indexes)


def left_out(html: str, lines: list[str], headline: str = "") -> tuple[list[str], list[tuple[str, str]]]:
    """(the lines kept, (line, what it is) of each line left out) of an extracted text of `lines` from `html`."""
    text, dropped = without_furniture("\n".join(lines), page_blocks(html), headline)
    return text.split("\n"), [(d.text, d.kind) for d in dropped]


# --- BBC: a list of links to other pages, each under a kicker ------------------------------------------------

KICKED = [("A SIMPLE GUIDE", "How do I protect myself?"), ("HOPE AND LOSS", "Your coronavirus stories"),
          ("LOOK-UP TOOL", "Check cases in your area"), ("VIDEO", "The 20-second hand wash")]
OTHERS = [("FRANCE", "Macron"), ("MONEY", "Markets fall for a third day"), ("SPORT", "The Olympics are delayed")]


def kicker_list(items: list[tuple[str, str]]) -> str:
    return "<ul>" + "".join(f'<li>{kicker}:  <a href="https://www.bbc.co.uk/news/{n}">{link}</a></li>'
                            for n, (kicker, link) in enumerate(items)) + "</ul>"


ITEMS = [f"- {kicker}: {link}" for kicker, link in KICKED]
KICKER = "a list of links to other pages, each under a kicker"


@pytest.mark.parametrize("body, lines", [
    # the article's own list: capitals and a colon, no link
    ("<ul><li>UK: 1,200 new cases were recorded on Friday</li><li>FRANCE: 900 new cases</li>"
     "<li>SPAIN: 850 new cases</li></ul>",
     ["- UK: 1,200 new cases were recorded on Friday", "- FRANCE: 900 new cases", "- SPAIN: 850 new cases"]),
    # a sentence after a link: the item says more than a link does
    (kicker_list(OTHERS).replace("</a></li><li>MONEY", "</a> said the borders would stay closed</li><li>MONEY"),
     ["- FRANCE: Macron said the borders would stay closed", "- MONEY: Markets fall for a third day",
      "- SPORT: The Olympics are delayed"]),
    # two items only
    (kicker_list(OTHERS[1:]), ["- MONEY: Markets fall for a third day", "- SPORT: The Olympics are delayed"]),
    # a kicker not in capitals, or with figures: a list of references
    (kicker_list([("Guide", "How do I protect myself?"), ("Stories", "Your coronavirus stories"),
                  ("Tool", "Check cases in your area")]),
     ["- Guide: How do I protect myself?", "- Stories: Your coronavirus stories", "- Tool: Check cases in your area"]),
    (kicker_list([("KB3022345", "official description"), ("KB3068708", "update for telemetry"),
                  ("KB3075249", "telemetry points")]),
     ["- KB3022345: official description", "- KB3068708: update for telemetry", "- KB3075249: telemetry points"]),
])
def test_a_list_of_links_each_under_a_kicker_in_capitals_goes_a_list_not_all_of_them_stays(
        body: str, lines: list[str]) -> None:
    html = page(story(0) + body + story(1) + kicker_list(KICKED) + story(2))
    kept, dropped = left_out(html, [STORY[0], *lines, STORY[1], *ITEMS, STORY[2]])
    assert kept == [STORY[0], *lines, STORY[1], STORY[2]] and dropped == [(item, KICKER) for item in ITEMS]


# --- Reuters: a line linking to the outlet's standards -----------------------------------------------------

BADGE = "Our Standards: The Thomson Reuters Trust Principles."
TRUST_BADGE = ('<div class="TrustBadge"><p>Our Standards: <a href="http://thomsonreuters.com/en/about-us/'
               'trust-principles.html">The Thomson Reuters Trust Principles.</a></p></div>')


@pytest.mark.parametrize("paragraph, line", [
    # a sentence that links to the standards
    ('The editor said the story met <a href="/about/standards">our standards</a> and would not be withdrawn.',
     "The editor said the story met our standards and would not be withdrawn."),
    ('Critics attacked the <a href="/about/standards">paper\'s standards</a>.',
     "Critics attacked the paper's standards."),
    # the words of the badge, but a link elsewhere
    ('Standards: <a href="/business/standards-body">New standards for chargers</a>',
     "Standards: New standards for chargers"),
    # a link to a page of standards that names none
    ('<a href="https://example.org/ethics">The committee heard the case on Monday</a>',
     "The committee heard the case on Monday"),
])
def test_a_line_linking_to_the_outlets_standards_goes_a_line_that_says_more_stays(paragraph: str,
                                                                                  line: str) -> None:
    html = page(story(0) + f"<p>{paragraph}</p>" + story(2) + '<div class="Attribution"><p>Editing by Nick '
                "Zieminski</p></div>" + TRUST_BADGE)
    kept, dropped = left_out(html, [STORY[0], line, STORY[2], "Editing by Nick Zieminski", BADGE])
    assert kept == [STORY[0], line, STORY[2], "Editing by Nick Zieminski"]
    assert dropped == [(BADGE, "a link to the outlet's standards")]


def test_reuters_standards_line_is_left_out_by_its_words_alone_a_sentence_on_them_is_kept() -> None:
    """For a text without its page (a JSON-LD articleBody): the whole line, exactly."""
    sentence = "Our Standards: The Thomson Reuters Trust Principles were written in 1941, the historian said."
    text, dropped = without_furniture("\n".join([STORY[0], sentence, BADGE]), ())
    assert text == "\n".join([STORY[0], sentence]) and [(d.line, d.kind) for d in dropped] == [
        (3, "a link to the outlet's standards")]


# --- Tagesschau: a media player's labels -------------------------------------------------------------------

PLAYER = ["Datenleck bei Rheinmetall", "Benedikt Strunz, NDR", "28.04.2020 21:38 Uhr", "02:31 Min"]


def player(labels: list[str], tag: str = '<iframe src="/multimedia/audio/audio-88899.html"></iframe>') -> str:
    return (f'<div class="mediaCon audio"><div class="media mediaA">{tag}<div class="mediaInfo"><p class="infotext">'
            + "<br/>".join(labels) + '</p><p class="teasertext"><strong>Download der Audiodatei</strong></p>'
            "</div></div></div>")


@pytest.mark.parametrize("tag", ['<iframe src="/multimedia/audio/audio-88899.html"></iframe>',
                                 '<video src="/v.mp4" controls></video>', '<audio src="/a.mp3"></audio>'])
def test_the_title_author_date_and_duration_of_a_media_player_are_left_out(tag: str) -> None:
    html = page(story(0, 1) + player(PLAYER, tag) + story(2))
    kept, dropped = left_out(html, [STORY[0], STORY[1], *PLAYER, STORY[2]])
    assert kept == STORY and dropped == [(label, "a media player's label") for label in PLAYER]


def test_a_name_the_page_shows_twice_goes_only_where_the_lines_around_it_are_the_players() -> None:
    """Tagesschau: the author's name is the player's and a teaser's; the byline above the article is kept."""
    teaser = '<div class="teaser"><h4 class="headline">Benedikt Strunz, NDR</h4></div>'
    html = page("<p>Benedikt Strunz, NDR</p>" + story(0, 1) + player(PLAYER[:3]) + story(2) + teaser)
    lines = ["Benedikt Strunz, NDR", STORY[0], STORY[1], *PLAYER[:3], STORY[2]]
    kept, dropped = left_out(html, lines)
    assert kept == ["Benedikt Strunz, NDR", *STORY] and [line for line, _ in dropped] == PLAYER[:3]


@pytest.mark.parametrize("body, lines", [
    # a box the page calls media that holds the article itself and a video in it: its subheading stays
    (f'<div class="media-body"><p>{STORY[0]}</p><iframe src="https://www.youtube.com/embed/x"></iframe>'
     f"<h2>Daten von externem Dienstleister</h2><p>{STORY[1]}</p></div>",
     [STORY[0], "Daten von externem Dienstleister", STORY[1]]),
    # a sentence under a video: a caption
    (story(0) + player(["Demonstrators gathered outside the plant on Monday."]) + story(1),
     [STORY[0], "Demonstrators gathered outside the plant on Monday.", STORY[1]]),
    # a box called media with no player in it (a photo's)
    (story(0) + player(["Werkstor in Unterlüß", "Foto von Jan Roe"], '<img src="/p.jpg">') + story(1),
     [STORY[0], "Werkstor in Unterlüß", "Foto von Jan Roe", STORY[1]]),
])
def test_a_media_players_labels_go_a_line_of_a_box_called_media_that_holds_the_article_or_no_player_stays(
        body: str, lines: list[str]) -> None:
    kept, dropped = left_out(page(body + player(PLAYER) + story(2)), [*lines, *PLAYER, STORY[2]])
    assert kept == [*lines, STORY[2]] and dropped == [(label, "a media player's label") for label in PLAYER]


# --- Kaieteur News: a line of the site's header ------------------------------------------------------------

DATE_LINE = "Latest update May 6th, 2022 12:49 AM"
SITE_HEADER = (f'<header class="header-wraper"><div class="top"><p class="date">{DATE_LINE}</p></div><nav><ul><li>'
               '<a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav><div class="ticker"><h3>Latest '
               'News</h3><ul><li><a href="/1">Coalition short-changed judiciary</a></li></ul></div></header>')


def test_a_date_line_of_the_sites_header_goes_the_articles_date_line_stays() -> None:
    html = (f'<html><body>{SITE_HEADER}<section class="contents"><div class="post"><p class="post-meta">May 06, '
            f'2022 <a href="/category/news/">News</a></p>{story(0, 1, 2)}</div></section></body></html>')
    lines = [DATE_LINE, "May 06, 2022 News", *STORY]
    kept, dropped = left_out(html, lines, headline="Essequibo hunter found dead with gunshot wounds")
    assert kept == lines[1:] and dropped == [(DATE_LINE, "a line of the site's header, above the article")]
    assert left_out(html, lines) == (lines, [])  # (not knowing the headline, "Latest News" may be the article's)


@pytest.mark.parametrize("html, lines", [
    # the article's header outside any <article>: its headline in <h1>, then its date and author (a date line
    # that is only its label and date goes, but as that: test_capture_date_lines.py)
    (f"{SITE_HEADER}<header><h1>Police investigate a death</h1><p>Posted: May 6, 2022 by Jane Roe</p></header>"
     f"<div class='entry'>{story(0, 1, 2)}</div>", ["Posted: May 6, 2022 by Jane Roe", *STORY]),
    # ... its headline in an <h2> that is the article's
    (f"{SITE_HEADER}<header><h2>Hunter found dead in the jungle</h2><p>Posted: May 6, 2022 by Jane Roe</p></header>"
     f"<div class='entry'>{story(0, 1, 2)}</div>", ["Posted: May 6, 2022 by Jane Roe", *STORY]),
    # a section's header holding its title, a line of the text
    (f"{SITE_HEADER}<section><header><h2>Integration und Zukunftssicherheit</h2></header>{story(0)}</section>"
     f"<section><header><h2>Der Umgang mit Gefahrstoffen</h2></header>{story(1, 2)}</section>",
     ["Integration und Zukunftssicherheit", STORY[0], "Der Umgang mit Gefahrstoffen", STORY[1], STORY[2]]),
    # a header holding the article's text: its short lines are the article's
    (f"{SITE_HEADER}<header><p>Quelle: TSV Bayer Dormagen</p>{story(0, 1, 2)}</header>",
     ["Quelle: TSV Bayer Dormagen", *STORY]),
    # the byline and date in the header of the <article>
    (f"{SITE_HEADER}<article><header><p>By Jane Roe</p><p>May 6, 2022</p></header>{story(0, 1, 2)}</article>",
     ["By Jane Roe", "May 6, 2022", *STORY]),
])
def test_the_sites_header_goes_a_short_line_of_the_articles_or_a_sections_header_stays(
        html: str, lines: list[str]) -> None:
    kept, dropped = left_out(f"<html><body>{html}</body></html>", [DATE_LINE, *lines],
                             headline="Hunter found dead in the jungle")
    assert kept == lines and dropped == [(DATE_LINE, "a line of the site's header, above the article")]


# --- Kaieteur News: the widgets of the site's sidebar ------------------------------------------------------

NOTE = ["Freedom of speech is our core value at Kaieteur News. If the letter you sent was not published, contact us.",
        "Feel free to send us your comments and/or criticisms.", "Contact: 624-6456; 225-8452 or 225-8491."]
SPORTS = ["May 06, 2022", "Third round matches in the cricket competition were badly affected by rain. The..."]
WIDGETS = ('<div class="sidebar_center"><div id="text-6" class="widget widget_text"><h3 class="widget-title"><span>'
           f'Publisher’s Note</span></h3><div class="textwidget"><p>{NOTE[0]}</p><p>{NOTE[1]}<br/>{NOTE[2]}</p></div>'
           '</div><div id="recent-3" class="widget cat_recent_entries"><h2 class="widgettitle">Sports</h2><div '
           f'class="feature-text"><p class="post-meta">{SPORTS[0]}</p>{SPORTS[1]}<div class="more-link"><a href="/r">'
           "Read More</a></div></div></div></div>")
WIDGET = "a box of the site's sidebar (a widget)"


def test_the_lines_of_a_sidebars_widgets_go_every_line_of_the_article_stays() -> None:
    html = f'<html><body><div class="sidebar_content"><div class="post">{story(0, 1, 2)}</div></div>{WIDGETS}'
    kept, dropped = left_out(html, [*STORY, *SPORTS, *NOTE])
    assert kept == STORY and dropped == [(line, WIDGET) for line in [*SPORTS, *NOTE]]


@pytest.mark.parametrize("html", [
    # a page builder's element called a widget, holding the article: no heading called the widget's title
    f'<div class="elementor-widget elementor-widget-theme-post-content"><h2 class="elementor-heading-title">'
    f"Kaieteur News</h2>{story(0, 1, 2)}</div>",
    # a heading called the widget's title in no element called a widget
    f'<div class="post"><h3 class="widget-title">Kaieteur News</h3>{story(0, 1, 2)}</div>',
    # a widget that holds more than a sidebar's box does: the article itself
    f'<div class="widget post"><h3 class="widget-title">Kaieteur News</h3>{story(0, 1, 2) * 5}</div>',
])
def test_the_articles_lines_stay_in_an_element_called_a_widget_without_a_title_or_larger_than_a_sidebars_box(
        html: str) -> None:
    lines = ["Kaieteur News", *STORY]
    assert left_out(f"<html><body>{html}{WIDGETS}</body></html>", lines) == (lines, [])


# --- Der Spiegel: a pull quote, repeating a line of the text -------------------------------------------------

QUOTED = "Die Erzählung ist grauenhaft. Man könnte zynisch sagen, dass sie perfekt grauenhaft ist."
PULL = "a pull quote, repeating a line of the text"


@pytest.mark.parametrize("pulled", [
    f"<h4>{QUOTED}</h4>",                                                                   # Spiegel, after its text
    f'<figure class="wp-block-pullquote"><blockquote><p>{QUOTED}</p></blockquote></figure>',  # WordPress
    f'<aside class="pull-quote"><p>{QUOTED}</p></aside>',
])
def test_a_pull_quote_repeating_a_paragraph_word_for_word_goes_the_paragraph_stays(pulled: str) -> None:
    html = page(story(0) + f"<p>{QUOTED}</p>" + story(1, 2) + pulled)
    kept, dropped = left_out(html, [STORY[0], "  " + QUOTED, STORY[1], STORY[2], QUOTED])
    assert kept == [STORY[0], "  " + QUOTED, STORY[1], STORY[2]] and dropped == [(QUOTED, PULL)]


@pytest.mark.parametrize("body, lines", [
    # a heading that words a paragraph's sentence otherwise
    (f"<p>{QUOTED}</p>" + story(1) + "<h4>Relotius legt auf Facebook ein Fake-Profil an.</h4>",
     [QUOTED, STORY[1], "Relotius legt auf Facebook ein Fake-Profil an."]),
    # a short heading that is a line of the text too: a section's name, listed above it
    ("<p>Die Reaktionen der Redaktion</p>" + story(1) + "<h2>Die Reaktionen der Redaktion</h2>",
     ["Die Reaktionen der Redaktion", STORY[1], "Die Reaktionen der Redaktion"]),
    # a sentence the article says twice, each time in a paragraph (a refrain)
    (f"<p>{QUOTED}</p>" + story(1) + f"<p>{QUOTED}</p>", [QUOTED, STORY[1], QUOTED]),
    # ... or each time in a heading: nothing says which one is the article's
    (f"<h3>{QUOTED}</h3>" + story(1) + f"<h4>{QUOTED}</h4>", [QUOTED, STORY[1], QUOTED]),
])
def test_a_heading_that_repeats_no_paragraph_word_for_word_or_only_a_short_one_stays(
        body: str, lines: list[str]) -> None:
    html = page(story(0) + body + story(2))
    assert left_out(html, [STORY[0], *lines, STORY[2]]) == ([STORY[0], *lines, STORY[2]], [])


# --- FAZ: an author's profile beside the text --------------------------------------------------------------

POSITION = "Redakteur in der Wirtschaft der Frankfurter Allgemeinen Sonntagszeitung."
PROFILE = ('<div class="cbx-Author"><img src="/avatar.jpg" alt="Benjamin Fischer"><div class="cbx-Author_Info">'
           '<p class="cbx-Author_Name"><a href="/redaktion/benjamin-fischer.html">Benjamin Fischer</a></p>'
           f'<p class="cbx-Author_Position">{POSITION}</p></div></div>')


def test_an_authors_position_in_their_profile_goes_their_linked_name_stays() -> None:
    html = page(story(0, 1) + PROFILE + story(2))
    kept, dropped = left_out(html, [STORY[0], STORY[1], "Benjamin Fischer", POSITION, STORY[2]])
    assert kept == [STORY[0], STORY[1], "Benjamin Fischer", STORY[2]]
    assert dropped == [(POSITION, "the author's profile")]


@pytest.mark.parametrize("body, lines", [
    # a byline: the name linked in the line itself
    ('<p class="author">Von <a href="/redaktion/benjamin-fischer.html">Benjamin Fischer</a></p>',
     ["Von Benjamin Fischer"]),
    # a closing line on the author, no link beside it (a column's)
    (f'<div class="author-bio"><p><em>{POSITION}</em></p></div>', [POSITION]),
    # a quote and its speaker's linked name
    (f'<div class="quote-author-box"><p>„{POSITION}“</p><p><a href="/person/fischer">Benjamin Fischer</a></p></div>',
     [f"„{POSITION}“", "Benjamin Fischer"]),
    # an element called the author's that holds more than a profile does: the article
    (f'<div class="post-author-content"><p><a href="/redaktion/benjamin-fischer.html">Benjamin Fischer</a></p>'
     f"{story(1, 2) * 3}<p>{POSITION}</p></div>",
     ["Benjamin Fischer", *[STORY[1], STORY[2]] * 3, POSITION]),
])
def test_a_byline_a_line_on_the_author_without_a_link_a_quote_or_an_article_called_the_authors_stays(
        body: str, lines: list[str]) -> None:
    html = page(story(0) + body + story(2))
    assert left_out(html, [STORY[0], *lines, STORY[2]]) == ([STORY[0], *lines, STORY[2]], [])


# --- FAZ, Nation News: a date line cut short to its label (the extractor leaves out every <time>) ----------------

DATE_LABEL = "a date's label, its date left out by the extractor"


@pytest.mark.parametrize("body, line", [
    ('<ul class="atc-MetaList"><li><span>-</span><span>Aktualisiert am </span><time datetime="2020-01-28T15:49">'
     "28.01.2020<span>-</span>15:49</time></li></ul>", "- -Aktualisiert am"),                 # FAZ
    ('<p class="date"><span class="posted-on">Posted  on <time datetime="2022-04-22">April 22, 2022</time></span>'
     "</p>", "Posted on"),                                                                        # Nation News
    ('<p class="date">Mis à jour le <time datetime="2020-03-12">12/03/2020 à 14h02</time></p>', "Mis à jour le"),
])
def test_a_dates_label_whose_date_the_extractor_left_out_goes(body: str, line: str) -> None:
    kept, dropped = left_out(page(body + story(0, 1, 2)), [line, *STORY])
    assert kept == STORY and dropped == [(line, DATE_LABEL)]


@pytest.mark.parametrize("body, line", [
    # its own block too: the heading of an update, above its paragraph (beside the page's date line)
    ('<p class="date">Updated: <time>12 May 2020</time></p><p><strong>Updated:</strong></p>', "Updated:"),
    # a block that starts with a longer word
    ("<p>Standort: Halle 5</p>", "Stand"),
    # its block goes on with words and no figure, or with more than a date
    ("<p>Published <time>in the spring</time></p>", "Published"),
    ("<p>Stand: <time>28. April 2020, nachdem die Kommission des Bundestages über die Strecke beraten hatte</time>"
     "</p>", "Stand:"),
    # a noun, not a date's label: an update's heading
    ("<p>Update <time>14:02</time></p>", "Update"),
])
def test_a_dates_words_on_their_own_or_before_more_than_a_date_stay(body: str, line: str) -> None:
    lines = [line, *STORY]
    assert left_out(page(body + story(0, 1, 2)), lines) == (lines, [])
