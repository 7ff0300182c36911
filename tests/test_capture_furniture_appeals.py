"""Appeals to the reader left out of a captured page's text (review 116): a box asking them to become a member, to
subscribe or to give (the Times of Israel's "You're a dedicated reader … Join Our Community", the Guardian's
"… a small favour to ask"), on the evidence of the page (a call to action to such a page, in a box the page calls
so or one that closes the text outside the article's element); a newsletter's call in a line of its own, on its
words only when the whole line is the call. And the article's own lines that look like them, which stay: a story
on a paper's subscribers, a paywall's prompt, a quoted call, a reader community.

The pages are modelled on the review's saved pages; the text given to the rules is the extractor's as it wrote
them: one block a line."""

from __future__ import annotations

import pytest

from dossier.core.capture.furniture import without_furniture
from dossier.core.capture.furniture_appeal import APPEAL, NEWSLETTER, SUBSCRIBE, newsletter_call
from dossier.shell.capture.extract import extract
from dossier.shell.capture.page_blocks import page_blocks

STORY = [
    "War cabinet minister Benny Gantz told Blinken on Friday that an operation in Rafah was imperative.",
    "The meeting in Tel Aviv came hours after the prime minister said Israel would go in alone if it had to.",
    "An estimated 130 hostages abducted on October 7 remain in Gaza, not all of them alive.",
]
APPEAL_LINES = ["You're a dedicated reader",
                "That's why we started the Times of Israel eleven years ago - to provide discerning readers like you "
                "with must-read coverage of Israel and the Jewish world.",
                "Join Our Community"]


def page(body: str, after: str = "") -> str:
    return f"""<!doctype html><html lang="en"><head><title>Gantz tells Blinken</title></head><body>
<main><article class="article"><h1>Gantz tells Blinken Rafah op is imperative</h1>
<div class="the-content">{body}</div>{after}</article></main>
<footer><p>Contact us</p></footer></body></html>"""


def story(*indexes: int) -> str:
    return "".join(f"<p>{STORY[i]}</p>" for i in indexes)


def appeal_box(name: str, href: str = "/join") -> str:
    return (f'<div class="{name}"><h3>{APPEAL_LINES[0]}</h3><p>{APPEAL_LINES[1]}</p>'
            f'<a href="{href}">{APPEAL_LINES[2]}</a></div>')


def left_out(html: str, lines: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """(the lines kept, (line, what it is) of each line left out) of an extracted text of `lines` from `html`."""
    text, dropped = without_furniture("\n".join(lines), page_blocks(html))
    return text.split("\n"), [(d.text, d.kind) for d in dropped]


@pytest.mark.parametrize("name, href", [
    ("support-box", "/join"),                        # the page calls it so (Times of Israel)
    ("box box-3", "/join"),                          # it closes the text, outside the article's element
    ("box", "https://support.theguardian.com/contribute?acquisitionData=%7B%7D"),
    ("box", "https://www.example.org/membership/"),
])
def test_an_appeal_after_the_article_goes_with_its_call_to_action(name: str, href: str) -> None:
    html = page(story(0, 1, 2), appeal_box(name, href))
    kept, dropped = left_out(html, [*STORY, *APPEAL_LINES])
    assert kept == STORY and dropped == [(line, APPEAL) for line in APPEAL_LINES]


def test_a_box_the_page_calls_an_appeal_goes_between_paragraphs_too() -> None:
    """The Guardian's "epic" in a live blog, between two entries."""
    epic = ('<div class="contributions__epic"><p>… we have a small favour to ask. Millions turn to us every day.</p>'
            '<p><a href="https://support.theguardian.com/contribute">Support the Guardian</a></p></div>')
    html = page(story(0) + epic + story(1, 2))
    lines = [STORY[0], "… we have a small favour to ask. Millions turn to us every day.", "Support the Guardian",
             *STORY[1:]]
    kept, dropped = left_out(html, lines)
    assert kept == STORY and dropped == [(line, APPEAL) for line in lines[1:3]]


SUBSCRIBERS = ("The Ledger said its paid subscribers rose to 1.2 million after it halved the price on its "
               '<a href="https://ledger.example/subscribe">subscription page</a> in May.')
SUBSCRIBERS_LINE = ("The Ledger said its paid subscribers rose to 1.2 million after it halved the price on its "
                    "subscription page in May.")


@pytest.mark.parametrize("coda", ["{}", '<div class="coda">{}</div>'])
def test_a_story_on_a_papers_subscribers_keeps_its_sentences_beside_a_call_to_subscribe(coda: str) -> None:
    """Its last line a link to the paper's subscription page, in the article's element or in a small one of its
    own at its end: the call goes (a prompt to subscribe: it names no newsletter), the story's sentence stays."""
    call = '<p><a href="https://ledger.example/subscribe">Subscribe to The Ledger</a></p>'
    html = page(story(0, 1) + coda.format(f"<p>{SUBSCRIBERS}</p>{call}"))
    kept, dropped = left_out(html, [*STORY[:2], SUBSCRIBERS_LINE, "Subscribe to The Ledger"])
    assert kept == [*STORY[:2], SUBSCRIBERS_LINE] and dropped == [("Subscribe to The Ledger", SUBSCRIBE)]


@pytest.mark.parametrize("prompt, line, kind", [
    ('<a href="https://ledger.example/subscribe">Subscribe to The Ledger</a>', "Subscribe to The Ledger", SUBSCRIBE),
    ('<a href="/account/signup">Sign up now</a> for free', "Sign up now for free", SUBSCRIBE),
    # a newsletter named in its words, or its link's address
    ('<a href="https://ledger.example/newsletters/ledger">Subscribe to The Ledger</a>', "Subscribe to The Ledger",
     NEWSLETTER),
    ('Sign up for the Morning Briefing: <a href="/signup">Sign up</a>', "Sign up for the Morning Briefing: Sign up",
     NEWSLETTER),
    ('Abonnieren Sie jetzt den Newsletter: <a href="/newsletter/">Hier anmelden</a>',
     "Abonnieren Sie jetzt den Newsletter: Hier anmelden", NEWSLETTER),
    # a sentence around its link that speaks to the reader, or ends on its link: a prompt still
    ('To get the news in your inbox, <a href="/newsletter">sign up</a> for our free newsletter today.',
     "To get the news in your inbox, sign up for our free newsletter today.", NEWSLETTER),
    ('Readers who want the print edition can <a href="/subscribe">subscribe here</a>.',
     "Readers who want the print edition can subscribe here.", SUBSCRIBE),
])
def test_a_prompt_to_subscribe_is_called_a_newsletters_only_where_it_names_one(prompt: str, line: str,
                                                                                kind: str) -> None:
    kept, dropped = left_out(page(story(0) + f"<p>{prompt}</p>" + story(2)), [STORY[0], line, STORY[2]])
    assert kept == [STORY[0], STORY[2]] and dropped == [(line, kind)]


RUNNING = ("Since the paywall went up in 2019, readers who {} now pay twice what they did, the paper's accounts "
           "show.")


@pytest.mark.parametrize("href", ["/subscribe", "https://ledger.example/newsletter/signup"])
def test_a_sentence_of_the_articles_running_text_linking_its_verb_to_a_sign_up_page_stays(href: str) -> None:
    """A review found it dropped as a newsletter's prompt: a short paragraph with "subscribe" and a link to a sign-up
    page. Words of its own on both sides of the link, a sentence's end, among the article's paragraphs, and no
    word to the reader: the article's."""
    linked = RUNNING.format(f'<a href="{href}">subscribe</a>')
    html = page(story(0) + f"<p>{linked}</p>" + story(2))
    lines = [STORY[0], RUNNING.format("subscribe"), STORY[2]]
    assert left_out(html, lines) == (lines, [])


def test_the_same_sentence_alone_in_a_box_after_the_article_is_a_prompt() -> None:
    """Not among the article's paragraphs: a box of its own after them (a promotion's)."""
    linked = RUNNING.format('<a href="/subscribe">subscribe</a>')
    html = page(story(0, 1, 2), f'<div class="box"><p>{linked}</p></div>')
    lines = [*STORY, RUNNING.format("subscribe")]
    assert left_out(html, lines) == (STORY, [(lines[-1], SUBSCRIBE)])


def test_a_body_split_into_chunks_keeps_its_last_chunk_s_paragraph_beside_a_newsletter_link() -> None:
    """Review 119: a body in columns of one class with ads between them (the New York Times'); its last, small
    column holds the story's last paragraph and a link to a newsletter. It is the article's, not an appeal."""
    def column(*lines: str, extra: str = "") -> str:
        return '<div class="story-column">' + "".join(f"<p>{line}</p>" for line in lines) + extra + "</div>"

    call = '<p><a href="https://ledger.example/newsletters/subscribe">Sign up for the Morning newsletter.</a></p>'
    html = page(column(STORY[0]) + '<div class="ad">Advertisement</div>' + column(STORY[1]) +
                '<div class="ad">Advertisement</div>' + column(STORY[2], extra=call))
    kept, dropped = left_out(html, [*STORY, "Sign up for the Morning newsletter."])
    assert kept == STORY and dropped == [("Sign up for the Morning newsletter.", NEWSLETTER)]


@pytest.mark.parametrize("body, after, lines", [
    # a paywall's box: the text may be cut short, and thin.py says so only if its prompt stays
    (story(0, 1, 2), '<div class="support-box"><p>Subscribe to continue reading this article.</p>'
     '<p><a href="/subscribe">See the offers</a></p></div>',
     [*STORY, "Subscribe to continue reading this article.", "See the offers"]),
    # a box after the article on a reader community, linking to a story, not to a page to join or give
    (story(0, 1, 2), '<div class="box"><h3>Our readers</h3><p>Readers of the paper formed a community that meets '
     'every month.</p><a href="/local/subscriptions-rise-for-local-papers">Local papers gain subscribers</a></div>',
     [*STORY, "Our readers", "Readers of the paper formed a community that meets every month.",
      "Local papers gain subscribers"]),
    # a brief on a charity's appeal, all of it in a small element the page calls support, its link to donate last
    ('<div class="brief support-story"><p>The hospice appeal has raised £40,000 in its first week.</p>'
     '<p><a href="/donate">Donate to the hospice appeal</a></p></div>', "",
     ["The hospice appeal has raised £40,000 in its first week.", "Donate to the hospice appeal"]),
    # a box the page calls support, with no call to action: a help line of the article's (a story on a helpline)
    (story(0, 1) + '<div class="support"><p>Anyone affected can call the support line on 0800 123 456.</p></div>'
     + story(2), "", [*STORY[:2], "Anyone affected can call the support line on 0800 123 456.", STORY[2]]),
])
def test_an_articles_lines_on_subscribers_a_paywall_or_a_community_stay(body: str, after: str,
                                                                       lines: list[str]) -> None:
    assert left_out(page(body, after), lines) == (lines, [])


@pytest.mark.parametrize("line", [
    "Click here to subscribe to our daily newsletter and get the latest news in your inbox.",   # review 116
    "Sign up to First Edition, our free daily newsletter – every weekday morning at 7am BST",
    "Sign up for our “Morning Wire” newsletter to get the day's top stories.",
    "Abonnieren Sie jetzt unseren kostenlosen Newsletter.",
    "Abonnez-vous à notre newsletter quotidienne !",
    "Suscríbete a nuestro boletín diario.",
])
def test_a_line_that_is_only_a_call_to_sign_up_for_the_outlets_newsletter_goes(line: str) -> None:
    text, dropped = without_furniture(f"{STORY[0]}\n{line}\n{STORY[2]}", ())
    assert text == f"{STORY[0]}\n{STORY[2]}" and [(d.text, d.kind) for d in dropped] == [(line, NEWSLETTER)]


@pytest.mark.parametrize("line", [
    "Subscribers to the paper's daily newsletter rose by a third last year, the company said.",
    '"Sign up for our newsletter," the mayor urged residents on Tuesday.',
    "Sign up for our newsletter, the chief executive told staff in a memo seen by the paper.",
    "“Subscribe to our newsletter” was painted on every bus in the city by the end of the campaign.",
    "Get our newsletter? Only 2% of readers ever open it, the study found.",
    "Subscribe now to our eNATION edition for the full story.",            # a paywall's (Nation News)
    "Subscribe to continue reading our newsletter archive.",
    "Register for our webinar on pensions at the town hall next week.",
    "The Guardian asked readers to sign up to its newsletter, which now has a million subscribers.",
    "Readers who join our community of members get the newsletter a day early, the editor wrote.",
])
def test_a_sentence_on_a_newsletter_or_a_quoted_call_is_the_articles(line: str) -> None:
    text = f"{STORY[0]}\n{line}\n{STORY[2]}"
    assert not newsletter_call(line) and without_furniture(text, ()) == (text, ())


def test_extract_leaves_out_the_appeal_and_the_newsletter_call_of_a_saved_page() -> None:
    """The review's pages as the extractor reads them: every line of the article kept, byte for byte."""
    call = "Click here to subscribe to our daily newsletter and get the latest news in your inbox."
    body = [f"<p>{STORY[i % 3]} (paragraph {i}).</p>" for i in range(6)]
    html = page("".join(body[:3]) + f"<p>{call}</p>" + "".join(body[3:]), appeal_box("support-box"))
    got = extract(html.encode("utf-8"), "text/html; charset=utf-8", "https://example.org/gantz")
    assert all(f"(paragraph {i})." in got.text for i in range(6)), got.text
    assert [(d.text, d.kind) for d in got.furniture] == [(call, NEWSLETTER),
                                                         *((line, APPEAL) for line in APPEAL_LINES)]
