"""The words of figures in news text: numbers in words, scales ("million", "Millionen"), fractions, qualifiers
("at least", "no fewer than", "לפחות", "على الأقل"), months (a day next to one is a date), and the words that
end or make a counted noun. Data only (figures.py reads them).
"""

from __future__ import annotations

from fractions import Fraction

from ..common.written_dates import MONTHS

UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
SCALES = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12, "dozen": 12,
           # Hebrew and Arabic ("32 אלף", "٣٢ ألف")
           "אלף": 10**3, "מיליון": 10**6, "מיליארד": 10**9, "ألف": 10**3, "الف": 10**3, "آلاف": 10**3,
           "مليون": 10**6, "ملايين": 10**6, "مليار": 10**9, "مليارات": 10**9,
           # the accusative, as a count after a number mostly is ("تجاوز 32 ألفاً"): its alef read with the word,
           # its tanwin (a mark, not a letter) apart (review 69)
           "ألفا": 10**3, "الفا": 10**3, "مليونا": 10**6, "مليارا": 10**9,
           # German, French, Spanish, Italian, Russian ("2 Millionen Menschen", "32 mil personas", "5 млн"), review 60
           "tausend": 10**3, "millionen": 10**6, "milliarde": 10**9, "milliarden": 10**9, "milliard": 10**9,
           "milliards": 10**9, "millones": 10**6, "millón": 10**6, "mil": 10**3, "milione": 10**6, "milioni": 10**6,
           "miliardo": 10**9, "miliardi": 10**9, "mila": 10**3, "тысяч": 10**3, "тысячи": 10**3, "млн": 10**6,
           "млрд": 10**9, "mio": 10**6, "mrd": 10**9, "tsd": 10**3}  # (German "1,5 Mio.", review 64)
FRACTIONS = {
    "half": Fraction(1, 2), "halves": Fraction(1, 2), "third": Fraction(1, 3), "thirds": Fraction(1, 3),
    "quarter": Fraction(1, 4), "quarters": Fraction(1, 4), "fifth": Fraction(1, 5), "fifths": Fraction(1, 5),
}
# "hundreds" says at least two hundred and fewer than a thousand; it becomes that range.
PLURAL_SCALES = {"dozens": 12, "hundreds": 100, "thousands": 10**3, "millions": 10**6, "billions": 10**9}
# Units a number can be glued to with a hyphen: "six-week", "24-hour", "five-month-old".
COMPOUND_UNITS = frozenset(
    "second minute hour day night week month year decade mile kilometer kilometre km meter metre foot "
    "inch pound ton point percent member man person story seat bed lane".split())

QUALIFIERS: tuple[tuple[tuple[str, ...], str], ...] = (
    # (the negated ones first: "no fewer than 100" is at least 100, not "fewer than 100", review 60)
    (("no", "fewer", "than"), "at least"), (("no", "less", "than"), "at least"),
    (("not", "fewer", "than"), "at least"), (("not", "less", "than"), "at least"), (("not", "more", "than"), "at most"),
    (("no", "more", "than"), "at most"), (("as", "many", "as"), "up to"), (("an", "estimated"), "about"),
    (("at", "least"), "at least"), (("more", "than"), "more than"), (("fewer", "than"), "fewer than"),
    (("less", "than"), "fewer than"), (("at", "most"), "at most"), (("up", "to"), "up to"),
    (("almost",), "almost"), (("nearly",), "almost"), (("some",), "about"), (("about",), "about"),
    (("around",), "about"), (("roughly",), "about"), (("approximately",), "about"), (("over",), "more than"),
    (("under",), "fewer than"),
    # Hebrew ("יותר מ־32 אלף", "כ־30", "לפחות 40") and Arabic ("أكثر من ٣٢ ألف", "حوالي 30", "على الأقل 40")
    (("יותר", "מ"), "more than"), (("למעלה", "מ"), "more than"), (("פחות", "מ"), "fewer than"),
    (("לפחות",), "at least"), (("כמעט",), "almost"), (("קרוב", "ל"), "almost"), (("כ",), "about"),
    (("עד",), "up to"), (("أكثر", "من"), "more than"), (("اكثر", "من"), "more than"), (("أقل", "من"), "fewer than"),
    (("اقل", "من"), "fewer than"), (("على", "الأقل"), "at least"), (("ما", "لا", "يقل", "عن"), "at least"),
    (("ما", "يقرب", "من"), "almost"), (("حوالي",), "about"), (("حوالى",), "about"), (("نحو",), "about"),
    (("قرابة",), "about"), (("زهاء",), "about"), (("ما", "يقارب"), "about"), (("يقارب",), "about"),
    # "exceeded 32,000", "what exceeds 32,000" (review 69)
    (("تجاوز",), "more than"), (("تجاوزت",), "more than"), (("يتجاوز",), "more than"), (("تخطى",), "more than"),
    (("ما", "يزيد", "على"), "more than"), (("ما", "يزيد", "عن"), "more than"), (("أزيد", "من"), "more than"),
    # German, French, Spanish ("mindestens 32.000", "plus de 32 000", "al menos 40"); not "über", which is "about"
    # as often as "over" ("der Bericht über 3 Angriffe", review 64)
    (("mindestens",), "at least"), (("mehr", "als"), "more than"), (("weniger", "als"), "fewer than"),
    (("bis", "zu"), "up to"), (("fast",), "almost"), (("knapp",), "almost"), (("rund",), "about"),
    (("etwa",), "about"), (("ungefähr",), "about"), (("au", "moins"), "at least"),
    (("plus", "de"), "more than"), (("moins", "de"), "fewer than"), (("près", "de"), "almost"),
    (("environ",), "about"), (("quelque",), "about"), (("jusqu'à",), "up to"), (("jusqu’à",), "up to"),
    (("al", "menos"), "at least"), (("más", "de"), "more than"), (("menos", "de"), "fewer than"),
    (("casi",), "almost"), (("unos",), "about"), (("unas",), "about"), (("alrededor", "de"), "about"),
    (("hasta",), "up to"),
)
ENGLISH_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split())
# every language's month names (written_dates.py): "7 באוקטובר", "7 März", "le 7 février" are dates
MONTHS = ENGLISH_MONTHS | frozenset(m for m in MONTHS if " " not in m)
CURRENCY = {"$": "dollars", "£": "pounds", "€": "euros"}
DETERMINERS = frozenset("the its their his her our your these those all this that".split())
# Words that end a unit phrase: function words, auxiliaries and reporting verbs never name what is counted.
STOP = frozenset(
    """a an the of in on at to for from with by and or but nor as than that which who whom whose what when
    where while if so is are was were be been being have has had will would could should may might must can
    do does did not no into onto over under after before since during per each its their his her our your my
    this these those it they them he she we you i there here said says say according more less about some only
    all also then just still out up down off again ago now yet both either neither such how why whether
    because though although until till against between among amid via within without toward towards across
    through throughout upon behind beyond near around including""".split())
KNOWN_NOUNS = frozenset("people percent men women children police staff personnel troops cattle".split())


def word_value(word: str) -> int | None:
    """one..nineteen, the tens, and hyphenated "twenty-five"."""
    if word in UNITS:
        return UNITS[word]
    if word in TENS:
        return TENS[word]
    tens, _, unit = word.partition("-")
    if tens in TENS and unit in UNITS and 0 < UNITS[unit] < 10:
        return TENS[tens] + UNITS[unit]
    return None
