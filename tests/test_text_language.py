"""The language of a captured page that does not say one, from its text (core/capture/text_language.py): a
Russian, a French and a Chinese page were published as English (review 72). Always flagged."""

from __future__ import annotations

import pytest

from dossier.core.capture.text_language import text_language

TEXTS = {
    "ru": "Подольски заявил, что его команда готова к новому сезону. Это было непросто, но мы справились, "
          "сказал игрок после тренировки в субботу.",
    "uk": "Уряд оголосив, що міст буде закрито на ремонт. Це рішення ухвалили після довгих обговорень у раді, "
          "і мешканці їздитимуть поромом.",
    "zh": "国务院新闻办公室今天举行发布会，介绍今年一季度经济运行情况。有关负责人表示，经济运行总体平稳，"
          "主要指标保持在合理区间。",
    "ja": "東京都は月曜日、橋の修理のために通行を止めると発表した。市民はフェリーを使うことになる。",
    "he": "ראש הממשלה אמר כי ישראל תפעל לבדה אם יהיה צורך בכך, וכי המבצע ברפיח יימשך כמתוכנן.",
    "ar": "قال رئيس الوزراء إن إسرائيل ستعمل بمفردها إذا لزم الأمر، وإن العملية في رفح ستستمر كما هو مخطط لها.",
    "fr": "Le conseil municipal a voté la fermeture du pont pour des travaux. Les habitants prendront le bac, et la "
          "ville dit que la décision est la seule possible pour la sécurité de tous les usagers du pont et des quais.",
    "de": "Der Stadtrat hat die Schließung der Brücke beschlossen. Die Bewohner nehmen die Fähre, und die Stadt sagt, "
          "dass es nicht anders geht, weil die Sicherheit der Menschen auf der Brücke und den Ufern vorgeht.",
    "en": "The city council voted to close the bridge for repairs. Residents will take the ferry, and the city says "
          "that this is the only way to keep the people on the bridge and the quays safe from the works.",
}


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_a_text_s_language_is_read_from_its_script_or_its_commonest_words_and_flagged(code: str) -> None:
    found = text_language(TEXTS[code])
    assert (found.value, found.certain) == (code, False)
    assert found.doubt == "nothing in the page or the seed says which language it is in"


@pytest.mark.parametrize("text", ["Short.", "Министърът каза, че мостът ще бъде затворен за ремонт през цялата година и жителите ще пътуват с ферибот.",
                                  "Names Only Here, Some Words, Other Things, More Names And Places Listed Here"])
def test_a_text_too_short_or_of_no_one_language_is_not_given_one(text: str) -> None:
    assert text_language(text).value == ""


def test_english_full_of_short_words_other_languages_also_have_stays_english() -> None:
    """Review 73: "to", "do" and "on" were counted for Polish and Finnish, and an English page became Polish."""
    text = ('Netanyahu said Israel would have to do what it needs to do to win. "We will do it alone if we have '
            'to," he told Blinken on Friday, according to a statement from his office. He said there was no way to '
            "defeat Hamas without going into Rafah, and that Israel hoped to do so with the support of the US.")
    assert text_language(text).value == "en"


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_the_build_reads_a_text_s_language_as_capture_does(code: str) -> None:
    """Review 146: the guess moved to text/language_words.py, which the build asks too (load/site_language.py)."""
    from dossier.core.text.language_words import TOLD, language_of

    found, by = language_of(TEXTS[code])
    assert found == code and code in TOLD and text_language(TEXTS[code]).where == f"from {by}"
    assert language_of("Short.") == ("", "")
