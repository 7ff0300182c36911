"""Known news outlets by web domain, and the domain arithmetic to look them up.

A page's own site name is often a section ("U.S.", "World"), a shouting domain ("DW.COM") or missing; the
registered domain is not. So a known domain wins over the page's words, and only unknown domains fall back to
the page's own names (guess_outlet.py). The table is plain data: add a line to teach it an outlet.

Who is in `KNOWN` (the criterion; no entry is here because a test page needs it):
- the wire services (Reuters, AP, AFP), whose credits in a text must resolve whatever the page says;
- the global international broadcasters and news sites (BBC, DW, France 24, Al Jazeera, Euronews, Politico
  Europe);
- for the United States, the United Kingdom, Ireland, Canada, Australia, Germany, Austria, Switzerland, France,
  Spain, Italy, Poland, Israel (in Hebrew and English), the Arab world's pan-Arab outlets and the Spanish-speaking
  Americas: the national public broadcasters, the national newspapers and magazines, and the major national news
  sites and portals (MSN, Yahoo News republish others);
- the English-language national papers of record of Japan, Hong Kong and India.
Not here: local and regional outlets (city papers, regional dailies, local TV and radio stations), trade and
technology sites, blogs. Their pages are named by their own metadata, and tests/test_capture_accuracy.py
measures that path on its own, with the test pages' domains taken out of the table.
"""

from __future__ import annotations

from typing import Mapping
from urllib.parse import quote, urlsplit

# Second-level public suffixes under which the registered domain has three labels (bbc.co.uk, abc.net.au).
_TWO_LEVEL = {"co.uk", "org.uk", "ac.uk", "gov.uk", "com.au", "net.au", "org.au", "co.nz", "co.za", "co.jp",
              "ne.jp", "or.jp", "co.il", "org.il", "co.in", "com.br", "com.ar", "com.mx", "com.tr", "com.cn",
              "com.hk", "com.sg", "com.tw", "co.kr", "or.kr", "com.pe", "com.uy", "com.bo", "com.py", "com.ve",
              "com.co", "com.ec", "com.tn", "com.eg", "org.eg", "com.pk", "com.ng", "co.ke", "gv.at", "co.at", "or.at"}

# domain → (name as readers write it, country); see the module docstring for who is here and why
KNOWN: dict[str, tuple[str, str]] = {
    # wire services
    "reuters.com": ("Reuters", "United Kingdom"), "apnews.com": ("Associated Press", "United States"),
    "ap.org": ("Associated Press", "United States"), "afp.com": ("AFP", "France"),
    # international broadcasters and news sites
    "bbc.com": ("BBC News", "United Kingdom"), "bbc.co.uk": ("BBC News", "United Kingdom"),
    "politico.eu": ("Politico Europe", "Belgium"), "aljazeera.com": ("Al Jazeera", "Qatar"),
    "dw.com": ("DW", "Germany"), "france24.com": ("France 24", "France"), "euronews.com": ("Euronews", "France"),
    # United States
    "cnn.com": ("CNN", "United States"), "nytimes.com": ("The New York Times", "United States"),
    "washingtonpost.com": ("The Washington Post", "United States"),
    "wsj.com": ("The Wall Street Journal", "United States"), "usatoday.com": ("USA Today", "United States"),
    "politico.com": ("Politico", "United States"), "axios.com": ("Axios", "United States"),
    "cbsnews.com": ("CBS News", "United States"), "nbcnews.com": ("NBC News", "United States"),
    "abcnews.go.com": ("ABC News", "United States"), "foxnews.com": ("Fox News", "United States"),
    "npr.org": ("NPR", "United States"), "bloomberg.com": ("Bloomberg", "United States"),
    "cnbc.com": ("CNBC", "United States"), "salon.com": ("Salon", "United States"),
    "newrepublic.com": ("The New Republic", "United States"), "theatlantic.com": ("The Atlantic", "United States"),
    "newyorker.com": ("The New Yorker", "United States"), "nymag.com": ("New York Magazine", "United States"),
    "observer.com": ("Observer", "United States"), "theintercept.com": ("The Intercept", "United States"),
    "vox.com": ("Vox", "United States"), "slate.com": ("Slate", "United States"),
    "time.com": ("Time", "United States"), "newsweek.com": ("Newsweek", "United States"),
    "thehill.com": ("The Hill", "United States"), "nypost.com": ("New York Post", "United States"),
    "fivethirtyeight.com": ("FiveThirtyEight", "United States"),
    "harpers.org": ("Harper's Magazine", "United States"),
    "freebeacon.com": ("Washington Free Beacon", "United States"), "msn.com": ("MSN", "United States"),
    "yahoo.com": ("Yahoo News", "United States"),
    # United Kingdom
    "theguardian.com": ("The Guardian", "United Kingdom"), "guardian.co.uk": ("The Guardian", "United Kingdom"),
    "independent.co.uk": ("The Independent", "United Kingdom"), "dailymail.co.uk": ("Daily Mail", "United Kingdom"),
    "telegraph.co.uk": ("The Telegraph", "United Kingdom"), "thetimes.co.uk": ("The Times", "United Kingdom"),
    "ft.com": ("Financial Times", "United Kingdom"), "economist.com": ("The Economist", "United Kingdom"),
    "sky.com": ("Sky News", "United Kingdom"),
    # Ireland
    "irishtimes.com": ("The Irish Times", "Ireland"),
    # Canada
    "theglobeandmail.com": ("The Globe and Mail", "Canada"), "cbc.ca": ("CBC News", "Canada"),
    "ledevoir.com": ("Le Devoir", "Canada"),
    # Australia
    "abc.net.au": ("ABC News (Australia)", "Australia"), "smh.com.au": ("The Sydney Morning Herald", "Australia"),
    # Germany
    "spiegel.de": ("Der Spiegel", "Germany"), "faz.net": ("Frankfurter Allgemeine Zeitung", "Germany"),
    "sueddeutsche.de": ("Süddeutsche Zeitung", "Germany"), "zeit.de": ("Zeit Online", "Germany"),
    "welt.de": ("Die Welt", "Germany"), "taz.de": ("taz", "Germany"), "stern.de": ("Stern", "Germany"),
    "focus.de": ("Focus", "Germany"), "handelsblatt.com": ("Handelsblatt", "Germany"),
    "tagesschau.de": ("Tagesschau", "Germany"), "tagesspiegel.de": ("Der Tagesspiegel", "Germany"),
    "deutschlandfunk.de": ("Deutschlandfunk", "Germany"), "fr.de": ("Frankfurter Rundschau", "Germany"),
    "freitag.de": ("der Freitag", "Germany"), "cicero.de": ("Cicero", "Germany"),
    "neues-deutschland.de": ("nd", "Germany"), "correctiv.org": ("Correctiv", "Germany"),
    "rtl.de": ("RTL", "Germany"),
    # Austria
    "orf.at": ("ORF", "Austria"), "furche.at": ("Die Furche", "Austria"),
    "derstandard.at": ("Der Standard", "Austria"),
    # Switzerland
    "nzz.ch": ("Neue Zürcher Zeitung", "Switzerland"),
    # France
    "lemonde.fr": ("Le Monde", "France"), "lefigaro.fr": ("Le Figaro", "France"),
    "liberation.fr": ("Libération", "France"), 'lopinion.fr': ("L'Opinion", 'France'),
    "franceculture.fr": ("France Culture", "France"), "sciencesetavenir.fr": ("Sciences et Avenir", "France"),
    "mondediplo.net": ("Le Monde diplomatique", "France"),
    # Spain
    "elpais.com": ("El País", "Spain"), "elmundo.es": ("El Mundo", "Spain"),
    # Italy
    "lastampa.it": ("La Stampa", "Italy"), "corriere.it": ("Corriere della Sera", "Italy"),
    # Poland
    "rp.pl": ("Rzeczpospolita", "Poland"), "polityka.pl": ("Polityka", "Poland"),
    "wpolityce.pl": ("wPolityce", "Poland"), "dorzeczy.pl": ("Do Rzeczy", "Poland"),
    # Israel
    "ynetnews.com": ("Ynetnews", "Israel"), "jpost.com": ("The Jerusalem Post", "Israel"),
    "allisrael.com": ("ALL ISRAEL NEWS", "Israel"), "timesofisrael.com": ("The Times of Israel", "Israel"),
    "haaretz.com": ("Haaretz", "Israel"), "haaretz.co.il": ("Haaretz", "Israel"), "ynet.co.il": ("ynet", "Israel"),
    "maariv.co.il": ("Maariv", "Israel"), "israelhayom.co.il": ("Israel Hayom", "Israel"),
    "israelhayom.com": ("Israel Hayom", "Israel"), "kan.org.il": ("Kan", "Israel"), "mako.co.il": ("N12", "Israel"),
    "walla.co.il": ("Walla", "Israel"), "globes.co.il": ("Globes", "Israel"),
    "calcalist.co.il": ("Calcalist", "Israel"), "i24news.tv": ("i24NEWS", "Israel"),
    # the Arab world
    "aljazeera.net": ("Al Jazeera", "Qatar"), "alarabiya.net": ("Al Arabiya", "Saudi Arabia"),
    "arabnews.com": ("Arab News", "Saudi Arabia"), "aawsat.com": ("Asharq Al-Awsat", "United Kingdom"),
    "alquds.co.uk": ("Al-Quds Al-Arabi", "United Kingdom"), "alaraby.co.uk": ("The New Arab", "United Kingdom"),
    "ahram.org.eg": ("Al-Ahram", "Egypt"), "thenationalnews.com": ("The National", "United Arab Emirates"),
    "skynewsarabia.com": ("Sky News Arabia", "United Arab Emirates"), "wafa.ps": ("WAFA", "Palestine"),
    # Argentina
    "clarin.com": ("Clarín", "Argentina"), "lanacion.com.ar": ("La Nación", "Argentina"),
    "pagina12.com.ar": ("Página/12", "Argentina"), "infobae.com": ("Infobae", "Argentina"),
    "ambito.com": ("Ámbito", "Argentina"),
    # Chile
    "latercera.com": ("La Tercera", "Chile"), "biobiochile.cl": ("BioBioChile", "Chile"),
    "cooperativa.cl": ("Cooperativa", "Chile"), "elmostrador.cl": ("El Mostrador", "Chile"),
    # Colombia
    "eltiempo.com": ("El Tiempo", "Colombia"), "elespectador.com": ("El Espectador", "Colombia"),
    # Peru
    "elcomercio.pe": ("El Comercio", "Peru"), "larepublica.pe": ("La República", "Peru"),
    # Venezuela
    "eluniversal.com": ("El Universal", "Venezuela"), "elnacional.com": ("El Nacional", "Venezuela"),
    # Uruguay
    "elpais.com.uy": ("El País (Uruguay)", "Uruguay"), "ladiaria.com.uy": ("la diaria", "Uruguay"),
    # Puerto Rico
    "elnuevodia.com": ("El Nuevo Día", "Puerto Rico"),
    # Japan
    "japantimes.co.jp": ("The Japan Times", "Japan"),
    # Hong Kong
    "scmp.com": ("South China Morning Post", "Hong Kong"),
    # India
    "indiatimes.com": ("The Times of India", "India"),
    "economictimes.indiatimes.com": ("The Economic Times", "India"), "thehindu.com": ("The Hindu", "India"),
}

# Wire credits in a dateline or byline: "(Reuters)", "(AP)", "— AFP". credit → (domain, name as readers write
# it, country). Kept apart from KNOWN so a credit resolves whatever table a caller passes.
WIRES: dict[str, tuple[str, str, str]] = {
    "Reuters": ("reuters.com", "Reuters", "United Kingdom"),
    "AP": ("apnews.com", "Associated Press", "United States"),
    "Associated Press": ("apnews.com", "Associated Press", "United States"),
    "AFP": ("afp.com", "AFP", "France"), "Agence France-Presse": ("afp.com", "AFP", "France")}


def host_of(url: str) -> str:
    """The lower-cased host of an http(s) URL without "www." (or "" for anything else)."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower().rstrip(".")
    except ValueError:
        return ""
    if parts.scheme not in ("http", "https"):
        return ""
    return host[4:] if host.startswith("www.") else host


def safe_url(url: str) -> str:
    """An http(s) URL with the characters an article file's `url:` refuses (spaces, quotes, <>\\^`{|}) and
    any other non-ASCII percent-encoded, so a captured address never makes the stub invalid; "" if not http(s)."""
    if not host_of(url):
        return ""
    return quote(url.strip(), safe="!#$%&'()*+,-./:;=?@[]_~")


# Second levels that country domains register names under, as most do ("com.ni", "co.tt", "org.ng", "ac.th"):
# with a two-letter top level, such a pair is a public suffix too, where the table above does not list it
_COUNTRY_SECOND = {"com", "co", "net", "org", "gov", "gob", "edu", "ac", "or", "ne", "go", "gv", "nic", "mil"}


def registered_domain(host: str) -> str:
    """"edition.cnn.com" → "cnn.com", "www.bbc.co.uk" → "bbc.co.uk", "www.100noticias.com.ni" →
    "100noticias.com.ni" (a small public-suffix table, and the usual second levels of country domains)."""
    labels = host.lower().split(".")
    two = ".".join(labels[-2:])
    country = len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _COUNTRY_SECOND
    keep = 3 if two in _TWO_LEVEL or country else 2
    return ".".join(labels[-keep:])


def known(host: str, table: Mapping[str, tuple[str, str]] = KNOWN) -> tuple[str, str, str] | None:
    """(domain, name, country) of the outlet of `table` (domain → (name, country)) serving `host`; the most
    specific entry wins."""
    labels = host.lower().split(".")
    for i in range(len(labels) - 1):
        domain = ".".join(labels[i:])
        if domain in table:
            return (domain, *table[domain])
    return None
