"""Pages that may be no article, or part of one (dossier/core/capture/thin.py)."""

from __future__ import annotations

from dossier.core.capture.thin import FEW_WORDS, thin_page

STORY = " ".join(["Officials said on Friday that the talks had ended without agreement."] * 20)


def test_an_article_is_said_nothing_a_few_headlines_are_asked_about() -> None:
    assert thin_page(STORY) == []
    (few,) = thin_page("Top stories\nEnvoy leaves\nTalks stall\nMore news")
    assert few.startswith("only 8 words of text were found: is it an article")
    assert len(STORY.split()) >= FEW_WORDS


def test_a_subscription_prompt_at_the_end_is_a_paywall_warning() -> None:
    said = thin_page(STORY + "\nSubscribe now to continue reading. Already a subscriber? Log in.")
    assert said == ['the text ends with a subscription prompt ("Subscribe now to continue reading"): the article '
                    "may be cut short by a paywall; capture the page as a subscriber sees it (saved from the browser)"]
    assert thin_page("We subscribe to continue reading reports. " + STORY) == []  # (not in its last part)


def test_few_words_of_a_page_marked_for_subscribers_are_a_paywall_warning() -> None:
    """Review 72: Zeit's article for subscribers gave 123 words (the extractor dropped the prompt): no warning."""
    short = " ".join(STORY.split()[:123])
    (said,) = thin_page(short, paid=True)
    assert said.startswith("the page marks its article as for subscribers (isAccessibleForFree: false) and only 123 "
                           "words of text were found: the article is most likely cut short by a paywall")
    assert thin_page(STORY + " " + STORY, paid=True) == []  # (a whole article, whatever the page says of itself)
    assert thin_page(short) == []


def test_words_of_a_script_written_without_spaces_are_counted_by_its_characters() -> None:
    """Review 72: a Chinese article of 1,070 characters was "only 19 words of text"."""
    chinese = "国务院新闻办公室今天举行发布会介绍今年一季度经济运行情况，有关负责人表示经济运行总体平稳。" * 12
    assert thin_page(chinese) == []
    assert thin_page("国务院新闻办公室")[0].startswith("only 4 words of text were found")


# The text the extractor gave of La Nouvelle République's page saved before its AngularJS ran (review 125): 65 words,
# captured as an article with only the "few words" warning.
TEMPLATE_SHELL = (
    '{{nrco.contentDetailController.content.status === "published" ? "Contenu publié" : '
    'nrco.contentDetailController.content.status === "pending" ? "En attente de validation" : '
    'nrco.contentDetailController.content.status === "refused" ? "Contenu refusé" : '
    'nrco.contentDetailController.content.status === "draft" ? "Brouillon" : "Inconnu"}}\n'
    "{{nrco.contentDetailController.content.lastUpdateUser.fullName}} - "
    "{{nrco.contentDetailController.content.lastUpdateTime*1000 | date : 'dd/MM/yyyy'}} - "
    "{{nrco.contentDetailController.content.lastUpdateTime*1000 | date : 'HH:mm:ss'}}\n"
    "Repartir de la version publiée\n(voir)\nOuvrir le mode avancé\nModification de page en cours")


def test_a_page_saved_before_its_template_was_rendered_is_said_to_be_no_article() -> None:
    said = thin_page(TEMPLATE_SHELL)
    assert len(said) == 2 and "unrendered template code" in said[0] and "only" in said[1]


def test_an_article_that_quotes_a_template_expression_is_said_nothing_of_it() -> None:
    quoted = STORY + "\nThe form letter began {{first_name}}, which the mail merge never filled in for anyone."
    assert thin_page(quoted) == []
