"""Russian and Ukrainian typed in Latin letters ("kto vozglavlyal rossiyskuyu delegatsiyu?", "skilky polonenykh
obminyaly?"), read as the English words the brief uses. Readers of this brief write it that way; the Cyrillic they
type is first spelled in Latin letters the same way (text.py `_latin`).

Only a message that reads as transliteration is translated: it has one of `CUES` (question and function words no
English question uses) or two words that start like a Russian or Ukrainian word of the event and are not English.
A word is translated whole (`WORDS`) or by its start (`STARTS`, longest first), so one entry covers the endings a
noun or verb takes ("delegatsiya", "delegatsiyu", "delegatsii"). A word with no entry stays as typed: names and
the English words people mix in ("skolko prisoners obmenyali?") are read as they are.
"""

from __future__ import annotations

import re

from bot.core.english import is_common_word
from bot.core.text import latin, normalize

# Whole words: question and function words, and short words a start would catch wrongly.
WORDS: dict[str, str] = {
    # question words
    "kto": "who", "khto": "who", "chto": "what", "shcho": "what", "sho": "what", "shto": "what",
    "skolko": "how many", "skilky": "how many", "skilki": "how many", "kogda": "when", "koly": "when",
    "koli": "when", "gde": "where", "de": "where", "kuda": "where", "kudy": "where", "pochemu": "why",
    "chomu": "why", "zachem": "why", "navishcho": "why", "kak": "how", "yak": "how", "chey": "whose",
    "chya": "whose", "chyi": "whose", "chyia": "whose", "chye": "whose", "kogo": "whom", "koho": "whom",
    "komu": "whom", "chem": "what", "chym": "what", "chego": "what", "choho": "what",
    "kakoy": "which", "kakoi": "which", "kakaya": "which", "kakoe": "which", "kakie": "which", "kakom": "which",
    "kakuyu": "which", "kakikh": "which", "yakyi": "which", "yakyy": "which", "yaka": "which", "yake": "which",
    "yaki": "which", "yakomu": "which", "yakoi": "which", "yakii": "which", "yaku": "which", "yakykh": "which",
    "skolkikh": "how many", "skilkokh": "how many",
    # function words
    # (not the ones English has too: "i", "a", "on", "so", "do", "by", "net" stay English)
    "v": "in", "vo": "in", "u": "in", "na": "on", "pro": "about", "ob": "about",
    "dlya": "for", "dlia": "for", "posle": "after", "pislya": "after", "pislia": "after", "pered": "before",
    "ne": "not", "ni": "no", "eto": "this", "tse": "this",
    "eti": "these", "tsi": "these", "ta": "and", "ili": "or", "chy": "or",
    "z": "with", "zi": "with", "seychas": "now", "seichas": "now", "zaraz": "now",
    "teper": "now", "uzhe": "already", "vzhe": "already", "tolko": "only", "tilky": "only", "ikh": "their",
    "yikh": "their", "yego": "his", "yoho": "his", "ego": "his", "ee": "her", "yiyi": "her", "oni": "they",
    "vony": "they", "vin": "he", "bylo": "was", "byl": "was", "byla": "was", "byli": "were",
    "buv": "was", "bula": "was", "buly": "were", "est": "is", "ye": "is", "takoy": "is", "takoi": "is",
    "takiy": "is", "takaya": "is", "takoe": "is", "takoye": "is", "takyi": "is", "takyy": "is",
    "vel": "led", "vela": "led", "veli": "led", "vsego": "total", "vsyogo": "total",
    "voobshche": "", "vzahali": "", "nibyto": "", "yakoby": "", "imenno": "", "zhe": "",
    "li": "", "mir": "peace", "myr": "peace", "god": "year", "rik": "year", "roku": "year",
    "den": "day", "dni": "days", "dney": "days", "dniv": "days", "let": "years", "rokiv": "years",
    "chas": "hour", "chasa": "hours", "chasov": "hours", "hodyn": "hours", "godin": "hours",
    "sum": "sumy", "sumakh": "sumy", "sumy": "sumy", "ssha": "us", "nato": "nato",
    "kiev": "kyiv", "kieva": "kyiv", "kieve": "kyiv", "kievu": "kyiv", "tramp": "trump", "trampa": "trump",
    "trampu": "trump", "mae": "may", "maya": "may", "esli": "if", "yakshcho": "if", "budet": "will",
    "budut": "will", "bude": "will", "chtoby": "", "shchob": "", "svoi": "", "svoem": "", "svoii": "",
    "svoei": "", "etom": "this", "etim": "this", "tsym": "this", "tsomu": "this", "tsykh": "these",
    "etikh": "these", "eshche": "", "shche": "", "tozhe": "", "tezh": "", "shchodo": "about",
    "naschet": "about", "slovam": "according to", "dannym": "according to", "danymy": "according to",
    "vovremya": "on time", "vchasno": "on time", "koroche": "", "tam": "there", "tudy": "there",
    "nyoho": "him", "nemu": "him", "nego": "him", "nikh": "them", "nykh": "them", "doma": "domestic",
    "vdoma": "domestic", "kakogo": "which", "chisla": "date", "vozle": "near", "bilya": "near",
    "okolo": "near", "ot": "from", "vid": "from", "zal": "room", "zale": "room", "zali": "room",
    "po": "", "za": "", "ta": "", "ti": "those", "s": "with", "do": "before", "dolzhny": "", "del": "",
    "stoit": "", "tri": "three", "dva": "two", "dvi": "two", "chetyre": "four", "chotyry": "four",
    "dal": "yield", "dav": "yield", "godu": "year",
}
# Phrases whose words mean something else together: "kak nazyvalas" asks a name, "po slovam" whose words.
PHRASES = (
    (re.compile(r"\b(?:kak|yak)\s+(?:nazyva\w*|nazval\w*|zovut|zvut\w*)\b", re.IGNORECASE), "what is the name of"),
    (re.compile(r"\b(?:skolko|skilky)\s+(?=(?:stoi|koshtu|deneg|grosh))", re.IGNORECASE), "how much "),
    (re.compile(r"\b(?:vo|o)\s+(?:skolko|kotorom\s+chasu|kotriy)\b", re.IGNORECASE), "what time"),
    (re.compile(r"\bna\s+(?:skolko|skilky)\b", re.IGNORECASE), "how long"),
    (re.compile(r"\b(?:po|za)\s+(?:slovam|dannym|danymy|svedeniyam|informatsiyi|mneniyu|dumku)\b", re.IGNORECASE),
     "according to"),
    (re.compile(r"\bministr\w*\s+(?:inostrann\w*|zakordonn\w*)\s+(?:del|sprav)\b", re.IGNORECASE),
     "foreign minister"),
)


# Starts of words: what the word is about, whatever its ending.
STARTS: dict[str, str] = {
    # the talks
    "vozglav": "led", "ocholy": "led", "rukovod": "led", "kazhd": "each", "kozhn": "each",
    "storon": "side", "delegats": "delegation", "delehats": "delegation", "peregovor": "negotiations",
    "perehovor": "negotiations",
    "vstrech": "meeting", "zustrich": "meeting", "zustrech": "meeting", "raund": "round",
    "perv": "first", "persh": "first", "vtor": "second", "druh": "second", "tret": "third",
    "sleduyushch": "next", "nastupn": "next", "memorandu": "memorandum",
    "dokument": "document", "proekt": "draft", "chernov": "draft", "punkt": "points", "uslovi": "conditions",
    "umov": "conditions", "vymoh": "demands", "peremir": "ceasefire",
    "peremyr": "ceasefire", "prekrashchen": "ceasefire", "itog": "outcome", "rezultat": "outcome",
    "pidsum": "outcome", "proryv": "breakthrough", "ozhidan": "expectations", "ochikuv": "expectations",
    "atmosfer": "atmosphere", "nastroen": "mood", "mirn": "peace", "myrn": "peace", "dogovor": "agreed",
    "domovy": "agreed", "domovl": "agreed", "soglash": "agreement", "ugod": "agreement", "sdelk": "deal",
    "ploshchad": "venue", "dvorets": "palace", "dvorts": "palace", "palats": "palace", "palac": "palace",
    "bosfor": "bosphorus", "gostinits": "hotel", "hotel": "hotel", "otel": "hotel",
    # places and sides
    "stambul": "istanbul", "rossiysk": "russian", "rossiisk": "russian", "rosiisk": "russian",
    "rosiysk": "russian", "russk": "russian", "rossi": "russia", "rosi": "russia",
    "ukrainsk": "ukrainian", "ukrayinsk": "ukrainian", "ukrain": "ukraine", "ukrayin": "ukraine",
    "moskv": "moscow", "moskov": "moscow", "kiev": "kyiv", "kyiev": "kyiv", "kyyev": "kyiv",
    "kyiv": "kyiv", "kreml": "kremlin", "turtsi": "turkey", "turechchyn": "turkey", "turets": "turkish",
    "turk": "turkish", "amerik": "american", "amerykan": "american", "evrop": "european", "yevrop": "european",
    "britan": "british", "german": "german", "nimech": "german", "frants": "french",
    "kharkov": "kharkiv", "kharkiv": "kharkiv", "sibir": "siberia", "oblast": "region", "region": "region",
    "territor": "territory", "terytor": "territory", "zeml": "land", "front": "front", "ogayo": "ohio",
    "ohayo": "ohio", "shtat": "state", "granits": "border", "kordon": "border", "vostok": "east",
    "vostoch": "eastern", "skhid": "eastern", "yug": "south", "pivden": "southern",
    # people
    "medinsk": "medinsky", "umerov": "umerov", "umierov": "umerov", "umyerov": "umerov",
    "zelensk": "zelensky", "yermak": "yermak",
    "ermak": "yermak", "tramp": "trump", "putin": "putin", "fidan": "fidan", "kalin": "kalin",
    "kellog": "kellogg", "erdogan": "erdogan", "bayden": "biden", "baiden": "biden", "ministr": "minister",
    "inostrann": "foreign", "zakordonn": "foreign", "oboron": "defence", "prezident": "president",
    "pomoshchnik": "aide", "pomichnyk": "aide", "sovetnik": "adviser", "radnyk": "adviser",
    "posland": "envoy", "poslann": "envoy", "spetsposlan": "envoy", "glav": "head", "golov": "head",
    "kerivn": "head", "nachalnik": "chief", "razvedk": "intelligence", "rozvidk": "intelligence",
    "sluzhb": "service", "bezopasn": "security", "bezpek": "security", "garanti": "guarantees",
    "harant": "guarantees", "blogger": "bloggers", "bloger": "bloggers", "voenkor": "bloggers",
    "agentstv": "agency", "istochnik": "source", "dzherel": "source", "zhurnal": "journalists",
    # the war
    "plenn": "prisoners", "voennoplenn": "prisoners", "polonen": "prisoners", "viyskovopolonen": "prisoners",
    "zaklyuchen": "prisoners", "obmen": "exchange", "obmin": "exchange", "dron": "drones",
    "bespilot": "drones", "bezpilot": "drones", "bombardirov": "bombers", "bombardyuval": "bombers",
    "bombardual": "bombers", "samolet": "planes", "litak": "planes", "aerodrom": "airbases",
    "aviabaz": "airbases", "operats": "operation", "pavutyn": "spider's web", "pautin": "spider's web",
    "atak": "attack", "udar": "strike", "voysk": "troops", "voisk": "troops", "viysk": "troops",
    "soldat": "soldiers", "voin": "war", "voyn": "war", "viyn": "war", "vtorzhen": "invasion",
    "vtorgnen": "invasion", "vtorhnen": "invasion", "ubit": "killed", "pogib": "killed",
    "zagyb": "killed", "zahyb": "killed", "vbyt": "killed", "ranen": "injured", "poranen": "injured",
    "bezhen": "refugees", "bizhents": "refugees", "det": "children", "diti": "children", "dity": "children",
    "ditey": "children", "ditei": "children", "spisok": "list", "spysok": "list", "deport": "deported",
    "pokhishch": "abducted", "vykraden": "abducted", "sanktsi": "sanctions", "aktiv": "assets",
    "zamoroz": "frozen", "buffer": "buffer", "bufern": "buffer", "zona": "zone",
    "zonu": "zone", "poteri": "losses", "vtrat": "losses", "ushcherb": "damage", "zbytk": "damage",
    "sputnik": "satellite", "suputnyk": "satellite", "yadern": "nuclear",
    # saying and doing
    "skazal": "said", "skazav": "said", "kazhe": "says", "kazav": "said", "govor": "says", "zayavil": "said",
    "zayavyv": "said", "zayavl": "statement", "trebu": "demand", "vymaha": "demand", "vymag": "demand",
    "khoch": "want", "khot": "want", "khoche": "wants", "predlag": "propose", "predlozh": "proposed",
    "propon": "propose", "zapropon": "proposed", "kontrolir": "control", "kontrolyu": "control",
    "podtverd": "confirmed", "pidtverd": "confirmed", "poluch": "received", "otrym": "received",
    "peredal": "handed over", "peredav": "handed over", "peredat": "handed over", "obvin": "accused",
    "zvynuvach": "accused", "kritiku": "criticised", "krytyku": "criticised", "priletel": "arrived",
    "pryletil": "arrived", "pribyl": "arrived", "prybul": "arrived", "priekh": "arrived", "nachal": "start",
    "nachat": "start", "pochal": "start", "pochat": "start", "zakonch": "end", "zakinch": "end",
    "zavershi": "end", "zaderzh": "delay", "zatrym": "delay", "dlil": "lasted", "tryval": "lasted",
    "prodolzh": "lasted", "sbil": "shot down", "sbit": "shot down", "zbyl": "shot down", "zbyt": "shot down",
    "urazi": "hit", "urazy": "hit", "porazi": "hit", "unichtozh": "destroyed", "znyshch": "destroyed",
    "stoil": "worth", "stoimost": "worth", "koshtuv": "worth", "vartist": "worth", "ugrozh": "threaten",
    "pogrozh": "threatened", "zagrozh": "threatened", "otreag": "react", "reaguv": "react",
    "reakts": "reaction", "prikaz": "ordered", "nakaz": "ordered", "zakhvat": "capture", "zakhopy": "capture",
    "zakhopl": "capture", "vernut": "return", "povernut": "return", "vyvest": "withdraw",
    "vyvod": "withdraw", "gotovi": "prepared", "gotuva": "prepared", "planiro": "planned", "planuv": "planned",
    "schita": "thinks", "vvazha": "thinks", "dumae": "thinks", "vstup": "join",
    "otkaz": "refuse", "vidmov": "refuse", "prinya": "accept", "pryinya": "accept", "smugl": "smuggling",
    "kontraband": "smuggling", "nazva": "called", "nazyva": "called", "zovut": "name",
    "imya": "name", "familiy": "name", "posad": "position", "dolzhnost": "position", "rol": "role",
    "tsel": "aim", "meta": "aim", "vynuvat": "blame", "vinovat": "blame", "sobral": "massed",
    "zibral": "massed", "zosered": "massed", "nastupa": "advancing", "prodvig": "advancing",
    "prosuva": "advancing", "deneg": "money", "groshi": "money", "dollar": "dollars", "milliard": "billion",
    "miliard": "billion", "million": "million", "milyon": "million", "tysyach": "thousand",
    "tysiach": "thousand",
    "trebov": "demands", "videl": "seen", "bachyv": "seen", "bachyl": "seen",
    "lyud": "people", "chasu": "time", "vyklav": "set out", "vyklal": "set out", "izlozh": "set out",
    "menya": "exchange", "prokhod": "held", "proshl": "held", "bereg": "banks",
    "berez": "banks", "okkupir": "occupied", "okupov": "occupied", "rozmir": "size", "razmer": "size",
    "provest": "hold", "trump": "trump", "komand": "team", "pryam": "direct",
    "neudachn": "failed", "nevdal": "failed", "voeval": "fought", "voyuval": "fought", "sozdat": "create",
    "stvory": "create", "vpershe": "first", "vpervye": "first", "novyi": "new", "novyy": "new", "novog": "new",
    "novom": "new", "nova": "new", "propunu": "propose", "progress": "progress", "voenn": "war",
    "vidpravn": "starting", "otpravn": "starting", "tochk": "point", "glavn": "key", "holovn": "key",
    "vopros": "issues", "pytann": "issues", "reshit": "resolve", "reshat": "resolve", "vyrish": "resolve",
    "muzei": "museum", "muzey": "museum", "deng": "money", "knig": "books", "knyh": "books",
    "uchebnik": "textbooks", "pidruchnyk": "textbooks", "pisal": "written", "pysav": "written",
    "napisa": "written", "zapust": "sent", "vidbuva": "happening", "proiskhod": "happening",
    "zgod": "agree", "soglas": "agree", "aktyv": "assets", "armi": "military", "skandal": "scandal",
    "sidel": "sat", "sydil": "sat", "zapad": "west", "zakhid": "west", "zakhidn": "western",
    "zapadn": "western", "zhdut": "expect", "chekay": "expect",
    # days and months
    "ponedelnik": "monday", "ponedilok": "monday", "ponedilk": "monday", "voskresen": "sunday",
    "nedil": "sunday", "maya": "may", "mae": "may", "travn": "may", "iyun": "june", "chervn": "june",
    "cherven": "june", "fevral": "february", "lyut": "february", "yanvar": "january", "sichn": "january",
    "mesyats": "months", "misyats": "months", "nedel": "weeks", "tyzhn": "weeks", "noch": "night",
    "nich": "night", "vremy": "time", "utr": "morning", "rank": "morning", "vecher": "evening",
}

# Words that say a message is transliterated: no English message has them.
CUES = frozenset(w for w in WORDS if len(w) > 2 and w not in {
    "pro", "est", "rik", "den", "god", "let", "mir", "same", "sum", "sumy", "nato", "ssha", "vin", "ego",
    "chem", "dni", "ikh", "oni", "byl", "buv", "eti", "tse", "yak", "chas", "sho", "del", "dal", "dav", "tri",
    "dva", "stoit", "tam", "nego", "doma", "zal", "zale", "godu",
    # English writers use these too: "Kiev", "Maya", "vid"
    "kiev", "kieva", "kieve", "kievu", "tramp", "trampa", "trampu", "mae", "maya", "myr", "vid", "vel", "roku"})
_LONGEST = max(map(len, STARTS))


def _start(word: str) -> str | None:
    for size in range(min(len(word), _LONGEST), 2, -1):
        found = STARTS.get(word[:size])
        if found is not None:
            return found
    return None


def _reads_as_translit(said: list[str]) -> bool:
    # (a name the start spells as typed, "putin", says nothing: "did putin and medinsky meet?" is English; a short
    # message needs one such word, "a ukrainskuyu?", "peregovory?")
    return not CUES.isdisjoint(said) or sum(1 for w in said if len(w) > 3 and (found := _start(w)) is not None
                                            and found != w and not is_common_word(w)) >= (1 if len(said) <= 3 else 2)


def _english(word: str) -> str:
    lowered = word.casefold()
    found = WORDS.get(lowered)
    if found is None and len(lowered) > 3 and not is_common_word(lowered):
        found = _start(lowered)
    return word if found is None else found


_LETTERS = re.compile(r"(?<![\w'’-])[^\W\d_]+(?![\w'’-])")  # not a part of "de-Nazification", "Spider's"


def in_english(text: str) -> str | None:
    """`text` with its Russian and Ukrainian words in English, when it reads as transliteration (Cyrillic is spelled
    in Latin letters first); None for any other text. Punctuation stays: it still tells sentences apart."""
    if not _reads_as_translit(normalize(text).split()):
        return None
    text = text if text.isascii() else latin(text.casefold())
    for phrase, meaning in PHRASES:
        text = phrase.sub(meaning, text)
    return _LETTERS.sub(lambda word: _english(word.group()), text)
