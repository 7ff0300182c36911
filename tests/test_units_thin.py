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
