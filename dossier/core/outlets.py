"""Known news outlets by web domain, and the domain arithmetic to look them up.

A page's own site name is often a section ("U.S.", "World"), a shouting domain ("DW.COM") or missing; the
registered domain is not. So a known domain wins over the page's words, and only unknown domains fall back to
the site name (guess_outlet.py). The table is deliberately plain data: add a line to teach it an outlet.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

# Second-level public suffixes under which the registered domain has three labels (bbc.co.uk, abc.net.au).
_TWO_LEVEL = {"co.uk", "org.uk", "ac.uk", "gov.uk", "com.au", "net.au", "org.au", "co.nz", "co.za", "co.jp",
              "ne.jp", "or.jp", "co.il", "org.il", "co.in", "com.br", "com.ar", "com.mx", "com.tr", "com.cn",
              "com.hk", "com.sg", "com.tw", "co.kr", "or.kr", "com.pe", "com.uy", "com.bo", "com.py", "com.ve",
              "com.co", "com.ec", "com.tn", "com.eg", "com.pk", "com.ng", "co.ke", "gv.at", "co.at", "or.at"}

# domain → (name as readers write it, country)
KNOWN: dict[str, tuple[str, str]] = {
    "reuters.com": ("Reuters", "United Kingdom"), "apnews.com": ("Associated Press", "United States"),
    "ap.org": ("Associated Press", "United States"), "afp.com": ("AFP", "France"),
    "bbc.com": ("BBC News", "United Kingdom"), "bbc.co.uk": ("BBC News", "United Kingdom"),
    "cnn.com": ("CNN", "United States"), "nytimes.com": ("The New York Times", "United States"),
    "washingtonpost.com": ("The Washington Post", "United States"), "wsj.com": ("The Wall Street Journal",
                                                                                "United States"),
    "latimes.com": ("Los Angeles Times", "United States"), "usatoday.com": ("USA Today", "United States"),
    "theguardian.com": ("The Guardian", "United Kingdom"), "guardian.co.uk": ("The Guardian", "United Kingdom"),
    "independent.co.uk": ("The Independent", "United Kingdom"), "dailymail.co.uk": ("Daily Mail", "United Kingdom"),
    "telegraph.co.uk": ("The Telegraph", "United Kingdom"), "thetimes.co.uk": ("The Times", "United Kingdom"),
    "standard.co.uk": ("Evening Standard", "United Kingdom"), "ft.com": ("Financial Times", "United Kingdom"),
    "economist.com": ("The Economist", "United Kingdom"), "sky.com": ("Sky News", "United Kingdom"),
    "politico.com": ("Politico", "United States"), "politico.eu": ("Politico Europe", "Belgium"),
    "axios.com": ("Axios", "United States"), "cbsnews.com": ("CBS News", "United States"),
    "nbcnews.com": ("NBC News", "United States"), "abcnews.go.com": ("ABC News", "United States"),
    "foxnews.com": ("Fox News", "United States"), "npr.org": ("NPR", "United States"),
    "bloomberg.com": ("Bloomberg", "United States"), "cnbc.com": ("CNBC", "United States"),
    "salon.com": ("Salon", "United States"), "newrepublic.com": ("The New Republic", "United States"),
    "theatlantic.com": ("The Atlantic", "United States"), "newyorker.com": ("The New Yorker", "United States"),
    "nymag.com": ("New York Magazine", "United States"), "observer.com": ("Observer", "United States"),
    "theintercept.com": ("The Intercept", "United States"), "vox.com": ("Vox", "United States"),
    "slate.com": ("Slate", "United States"), "time.com": ("Time", "United States"),
    "newsweek.com": ("Newsweek", "United States"), "thehill.com": ("The Hill", "United States"),
    "bostonherald.com": ("Boston Herald", "United States"), "bostonglobe.com": ("The Boston Globe",
                                                                                 "United States"),
    "chicagotribune.com": ("Chicago Tribune", "United States"), "nypost.com": ("New York Post", "United States"),
    "pagesix.com": ("Page Six", "United States"), "gothamist.com": ("Gothamist", "United States"),
    "phillyvoice.com": ("PhillyVoice", "United States"), "laweekly.com": ("LA Weekly", "United States"),
    "metrotimes.com": ("Detroit Metro Times", "United States"), "kxan.com": ("KXAN", "United States"),
    "wsvn.com": ("WSVN 7News", "United States"), "abc7news.com": ("ABC7 News", "United States"),
    "abc13.com": ("ABC13 Houston", "United States"), "fivethirtyeight.com": ("FiveThirtyEight", "United States"),
    "harpers.org": ("Harper's Magazine", "United States"), "boingboing.net": ("Boing Boing", "United States"),
    "phys.org": ("Phys.org", "United Kingdom"), "threatpost.com": ("Threatpost", "United States"),
    "pcmag.com": ("PCMag", "United States"), "pcgamer.com": ("PC Gamer", "United States"),
    "californiaglobe.com": ("California Globe", "United States"), "citylimits.org": ("City Limits",
                                                                                      "United States"),
    "roughdraftatlanta.com": ("Rough Draft Atlanta", "United States"),
    "miamitodaynews.com": ("Miami Today", "United States"), "caymancompass.com": ("Cayman Compass",
                                                                                   "Cayman Islands"),
    "kaieteurnewsonline.com": ("Kaieteur News", "Guyana"), "reviewjournal.com": ("Las Vegas Review-Journal",
                                                                                  "United States"),
    "freebeacon.com": ("Washington Free Beacon", "United States"), "ynetnews.com": ("Ynetnews", "Israel"),
    "jpost.com": ("The Jerusalem Post", "Israel"), "allisrael.com": ("ALL ISRAEL NEWS", "Israel"),
    "timesofisrael.com": ("The Times of Israel", "Israel"), "haaretz.com": ("Haaretz", "Israel"),
    "aljazeera.com": ("Al Jazeera", "Qatar"), "dw.com": ("DW", "Germany"),
    "france24.com": ("France 24", "France"), "euronews.com": ("Euronews", "France"),
    "vancouversun.com": ("Vancouver Sun", "Canada"), "theglobeandmail.com": ("The Globe and Mail", "Canada"),
    "cbc.ca": ("CBC News", "Canada"), "ledevoir.com": ("Le Devoir", "Canada"),
    "abc.net.au": ("ABC News (Australia)", "Australia"), "smh.com.au": ("The Sydney Morning Herald",
                                                                         "Australia"),
    "japantimes.co.jp": ("The Japan Times", "Japan"), "scmp.com": ("South China Morning Post", "Hong Kong"),
    "indiatimes.com": ("The Times of India", "India"), "economictimes.indiatimes.com": ("The Economic Times",
                                                                                        "India"),
    "thehindu.com": ("The Hindu", "India"), "kbs.co.kr": ("KBS World", "South Korea"),
    "irishtimes.com": ("The Irish Times", "Ireland"), "corkbeo.ie": ("CorkBeo", "Ireland"),
    "spiegel.de": ("Der Spiegel", "Germany"), "faz.net": ("Frankfurter Allgemeine Zeitung", "Germany"),
    "sueddeutsche.de": ("Süddeutsche Zeitung", "Germany"), "zeit.de": ("Zeit Online", "Germany"),
    "welt.de": ("Die Welt", "Germany"), "taz.de": ("taz", "Germany"), "stern.de": ("Stern", "Germany"),
    "focus.de": ("Focus", "Germany"), "handelsblatt.com": ("Handelsblatt", "Germany"),
    "tagesschau.de": ("Tagesschau", "Germany"), "tagesspiegel.de": ("Der Tagesspiegel", "Germany"), "deutschlandfunk.de": ("Deutschlandfunk", "Germany"),
    "fr.de": ("Frankfurter Rundschau", "Germany"), "mopo.de": ("Hamburger Morgenpost", "Germany"),
    "badische-zeitung.de": ("Badische Zeitung", "Germany"), "heise.de": ("heise online", "Germany"),
    "netzpolitik.org": ("netzpolitik.org", "Germany"), "t3n.de": ("t3n", "Germany"),
    "mdr.de": ("MDR", "Germany"), "ndr.de": ("NDR", "Germany"), "hessenschau.de": ("hessenschau", "Germany"),
    "freitag.de": ("der Freitag", "Germany"), "cicero.de": ("Cicero", "Germany"),
    "neues-deutschland.de": ("nd", "Germany"), "express.de": ("Express", "Germany"),
    "rundschau-online.de": ("Kölnische Rundschau", "Germany"), "mz-web.de": ("Mitteldeutsche Zeitung", "Germany"),
    "rnz.de": ("Rhein-Neckar-Zeitung", "Germany"), "ln-online.de": ("Lübecker Nachrichten", "Germany"),
    "correctiv.org": ("Correctiv", "Germany"), "uebermedien.de": ("Übermedien", "Germany"),
    "jungle.world": ("Jungle World", "Germany"), "rtl.de": ("RTL", "Germany"),
    "nzz.ch": ("Neue Zürcher Zeitung", "Switzerland"), "tageswoche.ch": ("TagesWoche", "Switzerland"),
    "infosperber.ch": ("Infosperber", "Switzerland"), "telebasel.ch": ("Telebasel", "Switzerland"),
    "orf.at": ("ORF", "Austria"), "nachrichten.at": ("OÖNachrichten", "Austria"),
    "futurezone.at": ("futurezone", "Austria"), "furche.at": ("Die Furche", "Austria"),
    "volksblatt.at": ("Volksblatt", "Austria"), "derstandard.at": ("Der Standard", "Austria"),
    "lemonde.fr": ("Le Monde", "France"), "lefigaro.fr": ("Le Figaro", "France"),
    "liberation.fr": ("Libération", "France"), "lopinion.fr": ("L'Opinion", "France"),
    "franceculture.fr": ("France Culture", "France"), "sciencesetavenir.fr": ("Sciences et Avenir", "France"),
    "mondediplo.net": ("Le Monde diplomatique", "France"), "regards.fr": ("Regards", "France"),
    "elpais.com": ("El País", "Spain"), "elmundo.es": ("El Mundo", "Spain"),
    "lastampa.it": ("La Stampa", "Italy"), "corriere.it": ("Corriere della Sera", "Italy"),
    "clarin.com": ("Clarín", "Argentina"), "lanacion.com.ar": ("La Nación", "Argentina"),
    "pagina12.com.ar": ("Página/12", "Argentina"), "infobae.com": ("Infobae", "Argentina"),
    "ambito.com": ("Ámbito", "Argentina"), "losandes.com.ar": ("Los Andes", "Argentina"),
    "eltiempo.com": ("El Tiempo", "Colombia"), "elespectador.com": ("El Espectador", "Colombia"),
    "elcolombiano.com": ("El Colombiano", "Colombia"), "latercera.com": ("La Tercera", "Chile"),
    "biobiochile.cl": ("BioBioChile", "Chile"), "cooperativa.cl": ("Cooperativa", "Chile"),
    "elmostrador.cl": ("El Mostrador", "Chile"), "elcomercio.pe": ("El Comercio", "Peru"),
    "larepublica.pe": ("La República", "Peru"), "eluniversal.com": ("El Universal", "Venezuela"),
    "elnacional.com": ("El Nacional", "Venezuela"), "elnuevodia.com": ("El Nuevo Día", "Puerto Rico"),
    "elpais.com.uy": ("El País (Uruguay)", "Uruguay"), "ladiaria.com.uy": ("la diaria", "Uruguay"),
    "gazetadopovo.com.br": ("Gazeta do Povo", "Brazil"), "correiobraziliense.com.br": ("Correio Braziliense",
                                                                                        "Brazil"),
    "rp.pl": ("Rzeczpospolita", "Poland"), "polityka.pl": ("Polityka", "Poland"),
    "wpolityce.pl": ("wPolityce", "Poland"), "dorzeczy.pl": ("Do Rzeczy", "Poland"),
    "lapresse.tn": ("La Presse de Tunisie", "Tunisia"), "msn.com": ("MSN", "United States"),
    "yahoo.com": ("Yahoo News", "United States"),
}

# Wire credits in a dateline or byline: "(Reuters)", "(AP)", "— AFP". name → the domain of the table above.
WIRES = {"Reuters": "reuters.com", "AP": "apnews.com", "Associated Press": "apnews.com", "AFP": "afp.com",
         "Agence France-Presse": "afp.com"}


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


def registered_domain(host: str) -> str:
    """"edition.cnn.com" → "cnn.com", "www.bbc.co.uk" → "bbc.co.uk" (a small public-suffix table)."""
    labels = host.lower().split(".")
    keep = 3 if ".".join(labels[-2:]) in _TWO_LEVEL else 2
    return ".".join(labels[-keep:])


def known(host: str) -> tuple[str, str, str] | None:
    """(domain, name, country) of the known outlet serving `host` (the most specific entry wins)."""
    labels = host.lower().split(".")
    for i in range(len(labels) - 1):
        domain = ".".join(labels[i:])
        if domain in KNOWN:
            return (domain, *KNOWN[domain])
    return None
