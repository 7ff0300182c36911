"""site.yaml's `language:` against the language the articles' texts read as (load/site_language.py): review 146,
`language: he` written in site.yaml of a dossier of English reports published each as Hebrew, right to left, with
0 warnings."""

from __future__ import annotations

from conftest import MINIMAL_SITE, mini
from dossier.core.load.site_language import site_language
from dossier.core.pipeline import build_site
from dossier.core.text.language_words import TOLD, language_of
from dossier.shell import fs

ENGLISH = ("The city council voted to close the bridge for repairs. Residents will take the ferry, and the city says "
           "that this is the only way to keep the people on the bridge and the quays safe from the works.")
FRENCH = ("Le conseil municipal a voté la fermeture du pont pour des travaux. Les habitants prendront le bac, et la "
          "ville dit que la décision est la seule possible pour la sécurité de tous les usagers du pont et des quais.")
HEBREW = "ראש הממשלה אמר כי ישראל תפעל לבדה אם יהיה צורך בכך, וכי המבצע ברפיח יימשך כמתוכנן."


def _problems(tmp_path, site: str, texts: list[str], languages: list[str] | None = None) -> list:
    files = {"site.yaml": site}
    for n, text in enumerate(texts):
        language = f"language: {languages[n]}\n" if languages and languages[n] else ""
        files[f"seeds/s{n}.txt"] = f"Talks\n{text}\n"
        files[f"content/articles/s{n}.yaml"] = f"seed: s{n}.txt\ntitle: Talks\nsource: outlet-a\ndate: 2024-03-22\n" \
                                                + language
    return [p for p in build_site(fs.read_inputs(mini(tmp_path, files))).problems if p.check == "site-language"]


def test_a_site_language_most_articles_do_not_read_as_is_one_site_language_warning_at_it(tmp_path) -> None:
    site = MINIMAL_SITE.replace("title: Mini dossier\n", "title: Mini dossier\nlanguage: he\n")
    (found,) = _problems(tmp_path, site, [ENGLISH, ENGLISH, ENGLISH])
    assert (found.file, found.line, found.col, found.severity) == ("site.yaml", 2, 11, "warning")
    assert found.message == ('language "he" is the site\'s, so each article that gives no language: of its own is '
                             "published as Hebrew, but all 3 of them read as English")
    assert found.hint == ('write language: en here, or give those articles their language: (if "he" is meant, '
                          "silence this with checks: {site-language: ignore})")


def test_texts_in_another_script_than_a_site_language_left_unwritten_are_said_at_site_yaml(tmp_path) -> None:
    (found,) = _problems(tmp_path, MINIMAL_SITE, [HEBREW * 2, HEBREW * 2, ENGLISH])
    assert (found.file, found.line) == ("site.yaml", 0)
    assert found.message.startswith('the site\'s language is "en" (no language: is written), so each article')
    assert "but 2 of the 3 read as Hebrew" in found.message


def test_no_site_language_warning_where_the_texts_agree_or_cannot_be_told(tmp_path) -> None:
    french = MINIMAL_SITE + "language: fr\n"
    assert _problems(tmp_path / "1", MINIMAL_SITE, [ENGLISH, ENGLISH, FRENCH]) == []   # (most read as the site's)
    assert _problems(tmp_path / "2", MINIMAL_SITE, [FRENCH, FRENCH], ["fr", "fr-CA"]) == []   # (their own language)
    assert _problems(tmp_path / "3", french, ["Le pont est fermé.", "Der Stadtrat tagt."]) == []   # (too short)
    assert _problems(tmp_path / "4", french, [FRENCH, FRENCH]) == []
    # a language the guess does not know: its texts may read as a neighbour's (Norwegian as Swedish)
    norwegian = "Det er ikke lett å si hva som skjer med broen, og det er mange som er bekymret for det. " * 2
    assert "nb" not in TOLD and language_of(norwegian)[0] in ("sv", "")
    assert _problems(tmp_path / "5", MINIMAL_SITE + "language: nb\n", [norwegian, norwegian]) == []
    # nor when its letters are another's it knows (review 158: Yiddish in Hebrew letters read as Hebrew)
    assert "yi" not in TOLD and language_of(HEBREW * 2)[0] == "he"
    assert _problems(tmp_path / "6", MINIMAL_SITE + "language: yi\n", [HEBREW * 2, HEBREW * 2]) == []


def test_a_dossier_without_articles_or_settings_is_not_judged() -> None:
    from dossier.core.load.model import Dossier

    empty = Dossier(config=None, sources=(), articles=(), entities=(), comparisons=())  # type: ignore[arg-type]
    assert site_language(empty) == []
