"""Pages that may be no article, or only part of one: what `--add` warns of after capturing a page.

A home page, a list of articles or a search page gives a few headlines' worth of text; a page behind a paywall
gives the first paragraphs and a subscription prompt. Both were captured as articles without a word (the stub
builds, the page is published as a short article). So was a page saved before its script filled in its
template: its text is "{{…}}" expressions (review 125). Pure: looks at the extracted text only.
"""

from __future__ import annotations

import re

from .guesses import word_count

FEW_WORDS = 120  # fewer words of text than a short news story
PAID_FEW_WORDS = 300  # of a page that marks its article as not free to read: its opening paragraphs only?
PAYWALL = re.compile(r"(?i)\b(subscribe (?:now |today )?to (?:continue|keep) reading|this (?:article|story|content) "
                      r"is (?:only )?(?:available )?(?:for|to) (?:subscribers|members)|already a subscriber|"
                      r"sign in to (?:continue|read the full)|to continue reading,? (?:please )?(?:subscribe|log ?in|"
                      r"sign in)|unlock (?:this|the full) (?:article|story)|become a (?:subscriber|member) to read)")

# An unrendered template's expression: "{{nrco.contentDetailController.content.status === …}}" (AngularJS, Vue,
# Handlebars). A page saved before its script ran shows these where its text will be (review 125).
TEMPLATE = re.compile(r"\{\{.*?\}\}", re.S)
TEMPLATE_SHARE = 0.25  # of the text's characters in template expressions: a page's shell, not an article's words


def template_code(text: str) -> str:
    """What to tell the editor of a text a quarter or more of which is template expressions ({{…}}): the page's
    unrendered shell, no article; "" for a text that only quotes one ("write {{name}} in the template")."""
    inside = sum(len(found) for found in TEMPLATE.findall(text))
    if not text.strip() or inside < TEMPLATE_SHARE * len(text.strip()):
        return ""
    return ("the text is unrendered template code ({{…}} expressions, the page's script never ran), not an "
            "article's text: save the page from the browser once it has loaded (delete the new files)")


def thin_page(text: str, paid: bool = False) -> list[str]:
    """What to tell the editor of a captured page's text: few words (is it an article?), a subscription prompt
    in its last part, or few words of a page that marks its article as not free to read (`paid`: the extractor
    drops the prompt, review 72; cut short by a paywall?); [] for an article's text."""
    words = word_count(text)
    if paid and words < PAID_FEW_WORDS:
        return [f"the page marks its article as for subscribers (isAccessibleForFree: false) and only {words} words "
                "of text were found: the article is most likely cut short by a paywall; capture the page as a "
                "subscriber sees it (saved from the browser)"]
    said = [template_code(text)] if template_code(text) else []
    if words < FEW_WORDS:
        said.append(f"only {words} words of text were found: is it an article, or a home page, a list of articles "
                    "or a search page? (delete the new files if it is no article)")
    tail = text[-600:]  # (its last paragraphs: a prompt stands where the text is cut)
    prompt = PAYWALL.search(tail)
    if prompt:
        said.append(f'the text ends with a subscription prompt ("{prompt.group()}"): the article may be cut short '
                    "by a paywall; capture the page as a subscriber sees it (saved from the browser)")
    return said
