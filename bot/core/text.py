"""Message text -> the question(s) in it -> normalised word tokens. Pure functions; no knowledge of any brief."""

from __future__ import annotations

import html
import re
import sys
import unicodedata
from typing import TYPE_CHECKING, Callable, Generic, TypeVar

import snowballstemmer  # type: ignore[import-untyped]

MAX_MESSAGE_CHARS = 4000  # Telegram's and Discord's message limits are about this; a longer text is cut here

_T = TypeVar("_T")


class _Memo(dict, Generic[_T]):  # type: ignore[type-arg]
    """A one-argument function remembered for its last `limit` texts: a dict of text -> result, called like the
    function. functools.lru_cache keeps a linked-list node of 56 bytes beside each entry: about 90 bytes an entry
    against 35 here, and these memos hold up to 100,000 entries between them in a running bot. Full, the oldest
    quarter goes (insertion order), close enough to least recently used for texts that repeat."""

    def __init__(self, function: Callable[[str], _T], limit: int) -> None:
        super().__init__()
        self._function, self._limit = function, limit
        self.__doc__ = function.__doc__
        self.__wrapped__ = function

    def __missing__(self, text: str) -> _T:
        if len(self) >= self._limit:
            # list(self) copies the keys in one step and pop tolerates a key gone: a reload reads texts in a
            # worker thread while the event loop answers, and iterating the dict itself could see it change.
            for old in list(self)[: self._limit // 4]:
                self.pop(old, None)
        value = self[text] = self._function(text)
        return value

    if TYPE_CHECKING:  # what a call returns, for the type checker; at run time the line below, with no Python frame
        def __call__(self, text: str) -> _T: ...
    else:
        __call__ = dict.__getitem__  # a hit never runs Python code
    cache_clear = dict.clear


def _memo(limit: int) -> Callable[[Callable[[str], _T]], _Memo[_T]]:
    return lambda function: _Memo(function, limit)


_APOSTROPHES = str.maketrans({"\u0131": "i", "\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u02bc": "'"})
_WORD = re.compile(r"[a-z0-9]+(?:\.[0-9]+)?")

# Markup people paste into chats. Tags go but their text stays: "<script>who led russia</script>" still asks.
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_BLOCK_TAG = re.compile(r"</?(?:script|style|p|div|br|li|ul|ol|pre|blockquote|h[1-6]|table|tr|td)\b[^<>]*>",
                        re.IGNORECASE)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_URL = re.compile(r"https?://\S+|www\.\S+")
_MD_MARKS = re.compile(r"(\*\*|__|~~|\|\||```|`|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w))")
_GAP = re.compile(r"_{3,}")
_MENTION = re.compile(r"<@!?\d+>|(?<!\w)@\w+")
# Emoji said in words: Discord's shortcodes (":moneybag:", a server's own "<:pepe:123>"). A flag says a country
# ("who's running point for :flag_ua:?", "who came from europe 🇬🇧🇩🇪🇫🇷"): its name for the brief's countries, else its
# two letters, a word no fact has (so "what does 🇨🇳 think?" asks of a country the brief does not discuss).
_EMOJI_CODE = re.compile(r"<a?:\w+:\d+>|(?<![\w:]):([a-z0-9_+\-]{2,40}):(?![\w:])")
_FLAG = re.compile("[\U0001F1E6-\U0001F1FF]{2}")
_FLAG_NAMES = {"ua": "Ukraine", "ru": "Russia", "tr": "Turkey", "us": "US", "gb": "Britain", "de": "Germany",
               "fr": "France", "eu": "Europe"}
_SENTENCE_END = re.compile(r"(?<=[?!.;])\s+|\n+|\s+[—–]\s+(?=\S)")

# Chat shorthand every English-speaking user types; brief-specific synonyms live in the brief's alias table.
SHORTHAND: dict[str, str] = {
    "u": "you", "ur": "your", "r": "are", "wat": "what", "wut": "what", "wht": "what", "whats": "what",
    "ppl": "people", "abt": "about", "bout": "about", "pls": "please", "plz": "please", "thx": "thanks",
    "govt": "government", "gov": "government", "whos": "who", "wheres": "where", "whens": "when",
    "hows": "how", "howmany": "how many", "dont": "do not", "didnt": "did not", "doesnt": "does not",
    "cos": "because", "cuz": "because", "bc": "because", "w": "with", "tmrw": "tomorrow", "yday": "yesterday",
    "info": "information", "nums": "numbers", "num": "number", "approx": "approximately", "mil": "million",
    "k": "thousand", "1st": "first", "2nd": "second", "3rd": "third", "tldr": "summary", "vs": "versus",
    "isnt": "is not", "arent": "are not", "wasnt": "was not", "werent": "were not", "wont": "will not",
    "cant": "can not", "couldnt": "could not", "wouldnt": "would not", "hed": "he would", "theyd": "they would",
    "shed": "she would", "youd": "you would", "im": "i am", "ive": "i have", "theyre": "they are",
    "whatre": "what are", "thats": "that is", "theres": "there is", "whatd": "what did", "wtf": "what",
    "wth": "what", "tf": "the", "da": "the", "ya": "you", "yall": "you", "dat": "that", "dis": "this",
    "ru": "are you", "coz": "because", "tho": "though", "thru": "through", "ok": "okay",
    "sayin": "saying", "talkin": "talking", "goin": "going", "bein": "being", "doin": "doing",
    "happenin": "happening", "comin": "coming", "gettin": "getting", "tryin": "trying", "lookin": "looking",
    "askin": "asking",
    "rn": "now", "atm": "now", "idk": "i do not know", "smth": "something", "sth": "something",
    "hw": "how", "mny": "many", "y": "why", "wen": "when", "wer": "where", "hu": "who", "whom": "who",
    "src": "source", "srcs": "sources", "op": "operation", "ops": "operations", "intel": "intelligence",
    "convo": "conversation", "negs": "negotiations",
    "pic": "picture", "pics": "pictures", "fm": "foreign minister", "mins": "minutes",
    "hrs": "hours", "hr": "hour", "yr": "year", "yrs": "years", "mo": "month", "wk": "week", "mtg": "meeting",
    # "how'd", "where'd" lose their apostrophe in normalize: "howd" is not a typo of "hold"
    # written with digits or a single letter: "b4 the talks", "kharkiv n sumy", "acc to kyiv", "w/o" (read "wo")
    "b4": "before", "n": "and", "acc": "according", "nite": "night", "tonite": "tonight", "sum1": "someone",
    "some1": "someone", "any1": "anyone", "every1": "everyone", "outta": "out of", "smol": "small",
    "ua": "ukraine", "1v1": "one on one", "wo": "without",
    "whereabouts": "where",  # "whereabouts in Ukraine is Sumy?"
    "howd": "how did", "whered": "where did", "whyd": "why did", "whend": "when did", "whod": "who did",
    "shud": "should", "shld": "should", "shd": "should", "cud": "could", "cld": "could", "wud": "would",
    "wd": "would", "wrt": "about", "frm": "from", "em": "them", "tryna": "trying to",
    # function words with two letters swapped, too short for the typo corrector, which fixes content words only
    "teh": "the", "hte": "the", "adn": "and", "nad": "and", "waht": "what", "hwat": "what", "taht": "that",
    "thier": "their", "wiht": "with", "yuo": "you",
}
# A shorthand question word with its "'s" typed on: "wats" is "wat's", "wens" "wen's" (read as "what", "when").
_ASKING_SHORTHAND = {word: meaning for word, meaning in SHORTHAND.items()
                     if meaning in ("what", "who", "where", "when", "why", "how")}

# Contractions typed without their apostrophe ("havent", "itll", "shouldve"), made from the closed classes they
# join, so every pairing reads as its words, not only the ones listed above; the few that are also words of their
# own ("well", "ill", "were", "shed") are left as typed.
_NOT_AFTER = "is are was were do does did has have had could would should must need might ai".split()
_JOINED = {"ll": ("will", "i you we they he she it that there who what where how"),
           "d": ("would", "i you we they he she it that there who what where how"),
           "ve": ("have", "i you we they who what could would should must might"),
           "re": ("are", "you we they who what where how there"),
           "m": ("am", "i")}
_HOMOGRAPHS = frozenset("ill well hell shell wed shed hed id were whore".split())
CONTRACTED: dict[str, str] = {
    word: meaning for word, meaning in (
        *((f"{verb}nt", f"{'are' if verb == 'ai' else verb} not") for verb in _NOT_AFTER),
        *((f"{who}{tail}", f"{who} {full}") for tail, (full, whom) in _JOINED.items() for who in whom.split()))
    if word not in _HOMOGRAPHS}

# Readers who mix languages ask in their own question words ("Wer ist Medinskij?", "¿Cuántos drones?", "Hakan
# Fidan kimdir?"): the question words and the commonest function words of German, Spanish, French, Italian,
# Portuguese and Turkish, read as English. Words that are also English ("was", "die", "hat", "dove") or chat
# shorthand ("wer" for where) stay out.
FOREIGN: dict[str, str] = {
    "wem": "who", "wessen": "whose", "wann": "when", "warum": "why", "wieso": "why",
    "weshalb": "why", "wieviel": "how much", "wieviele": "how many", "welche": "which", "welcher": "which",
    "ist": "is", "sind": "are", "waren": "were", "haben": "have", "der": "the", "das": "the", "dem": "the",
    "ein": "a", "eine": "a", "und": "and", "von": "of",
    "nicht": "not", "viel": "much", "viele": "many", "wie": "how",
    "quien": "who", "quienes": "who", "cuando": "when", "donde": "where", "cuanto": "how much",
    "cuantos": "how many", "cuantas": "how many", "cual": "which", "cuales": "which", "porque": "why",
    "que": "what", "quiere": "want", "quieren": "want", "es": "is", "fue": "was", "los": "the", "las": "the",
    "el": "the", "del": "of the",
    "qui": "who", "quand": "when", "pourquoi": "why", "combien": "how many", "quel": "which", "quelle": "which",
    "est": "is", "sont": "are", "les": "the", "le": "the", "la": "the", "et": "and",
    "chi": "who", "quando": "when", "perche": "why", "quanti": "how many", "quante": "how many",
    "quem": "who", "onde": "where", "quantos": "how many",
    "kimdir": "who is", "nedir": "what is", "nerede": "where", "neden": "why", "kac": "how many",
    "erste": "first", "ersten": "first", "zweite": "second", "zweiten": "second", "runde": "round",
    "gesprache": "talks", "verhandlungen": "negotiations", "primera": "first", "segunda": "second",
    "ronda": "round", "premiere": "first", "deuxieme": "second",
    "des": "of the", "chef": "head",  # German and French "Chef" is the head of something, not a cook
    # (Russian and Ukrainian, typed in Latin letters or Cyrillic, are read whole before this: bot/core/translit.py)
}

# German words that are also English ones ("war", "die"): read as German only beside German words no English
# sentence uses, as in "Wann war die erste Runde?".
GERMAN_CUES = frozenset({"wann", "warum", "wieso", "weshalb", "wie", "wieviel", "wieviele", "welche", "welcher",
                         "ist", "sind", "der", "dem", "und", "von", "nicht", "erste", "ersten", "zweite", "zweiten",
                         "runde", "haben", "eine", "gesprache", "verhandlungen"})
GERMAN: dict[str, str] = {"war": "was", "die": "the", "hat": "has", "wer": "who"}

# Swearing and filler carry no meaning for the question: "who the hell led russia's team" asks who led it.
FILLER = frozenset("""fuck fucking fuckin fucked shit shitty damn damned hell heck bloody crap freaking frickin
    effing goddamn sorry sry soz nah correct lol lmao lmfao rofl omg bruh bro dude mate guys guy fella yo ffs smh jeez gosh pls plz ngl tbh imo
    imho fr lowkey highkey banging harping yapping srsly legit af asf fam innit ikr btw fyi iirc afaik pray tell
    guten morgen abend danke vielen bitte bonjour bonsoir merci beaucoup hola gracias amigos buenos buenas ciao
    grazie obrigado dobryi dobry dobriy privet spasibo dyakuyu merhaba tesekkurler""".split()) | frozenset(
    # How polite readers speak of and to people: "Mr Umerov", "this Medinsky gentleman", "dear sir". They say who is
    # meant no more than the name beside them does.
    """mr mrs ms mister dr sir madam maam gentleman gentlemen gent chap bloke fellow dear""".split()) | frozenset(
    # Which of them matters most, a judgement no fact states: "Russia's main demand" asks for Russia's demands
    """main primary principal""".split())

STOPWORDS = frozenset(
    """a an the is are was were be been being am do does did done doing of in on at to for with by from and or
    but if then than so as into onto out up over about what which whose that this these those it its
    they them their theirs he him his she her hers i me my mine we our you your yours there here any some
    tell please can could would should will shall may might must let know give show explain
    describe described describes describing hey hi hello bot just really actually also too very quite again yes okay thanks thank
    exactly ever even get got going go happen happened happening thing things stuff like lot lots
    one ones sort kind right now currently anything something everything someone anyone
    not no has have had having all both each few other such only own same too s t don should
    gonna wanna gotta kinda sorta whats wat even whole true anyway overall basically
    literally honestly seriously mean means meant guess suppose supposed think thought everyone everybody
    somebody nobody someone something nothing everything anything lately recently just still yet already
    yeah yep nope hmm um uh oh ah well much more most less least such way ways maybe perhaps
    else another other others extra versus though through want wondering wonder curious quick question
    anybody somehow someway need needed know knows remind reminded wondering curious confused confusing
    plainly simply briefly please kindly sure clarify clarification settle sec minute honest genuinely
    genuine question questions asking asked wanted wants reporting reported coverage news basically
    himself herself themselves itself myself yourself ourselves keep keeps kept keeping mention mentions
    mentioned mentioning talking name names surname surnames wise bad good big little overall exact precisely
    whatever whoever however sometimes often anyways regarding actual real exactly precisely specifically
    particular particularly specific apparently supposedly reckon folks people's someone's
    type types group groups category categories moment hear heard hearing context re forgot forget forgotten
    approximately roughly fully finally totally completely entirely eventually around ish today
    once whether otherwise anymore therefore hence thus whereas ultimately fine alright aight kk thx per among amongst
    toward towards alone soon anytime instead somewhere every physically until till item items generally
    meanwhile meantime believe believes believed""".split()
    # ^ linking words that say how a question follows on ("how long did they last once they started?", "what does
    # kyiv want instead?"): not a word of the brief the answer leaves out ("afterwards" is kept: it asks a time)
) | FILLER

# Kept although they are function words: they say what kind of answer is wanted.
QUESTION_WORDS = frozenset({"who", "when", "where", "why", "how", "many", "much", "what_time", "which"})

_stemmer = snowballstemmer.stemmer("english")
# PyStemmer (the compiled stemmer snowballstemmer hands out when installed) keeps its own memo of the last 10,000
# words with copies of each word and stem: `stem` below already remembers every word it met, so that second memo
# only held about 1 MB of a running bot's memory and answered nothing the first one does not.
if hasattr(_stemmer, "maxCacheSize"):
    _stemmer.maxCacheSize = 0


# What markup, an entity, a mention, a link or a run of blanks needs (a tab, a newline, a space before a newline
# comes with "\n"): a text with none of them is only trimmed.
_PLAIN = frozenset("&[<@*_~|`:\t\n")


@_memo(4096)  # the service strips a question once to match it and again to echo it
def strip_markup(text: str) -> str:
    """What a person typed, without HTML tags, Markdown marks, links, mentions or entities."""
    text = text[:MAX_MESSAGE_CHARS]
    if _PLAIN.isdisjoint(text) and "  " not in text and "http" not in text and "www." not in text \
            and (text.isascii() or not _FLAG.search(text)):
        # Most questions: nothing below would change them (each step needs one of these characters), and a
        # question that has left the memo is stripped again on every later ask.
        return text.strip()
    text = html.unescape(text)
    text = _MD_LINK.sub(r"\1", text)
    text = _BLOCK_TAG.sub("\n", text)  # a block ends a sentence: "<script>alert(1)</script> who is Umerov"
    text = _TAG.sub(" ", text)
    text = _MENTION.sub(" ", text)
    text = _EMOJI_CODE.sub(_emoji_words, text)
    text = _FLAG.sub(lambda flag: f" {_flag_name(''.join(chr(ord(c) - 0x1F1E6 + 97) for c in flag.group()))} ", text)
    text = _URL.sub(" ", text)
    text = _GAP.sub("…", text)  # "the '____ in chief'": a gap left for the answer, not Markdown emphasis
    text = _MD_MARKS.sub("", text)
    text = re.sub(r"[ \t]+", " ", text)
    return re.sub(r" ?\n[\n ]*", "\n", text).strip()  # newlines stay: they separate what was said


def _flag_name(code: str) -> str:
    return _FLAG_NAMES.get(code, code)


def _emoji_words(emoji: re.Match[str]) -> str:
    code = emoji.group(1) or ""
    return f" {_flag_name(code[5:])} " if code.startswith("flag_") else " "


def sentences(text: str) -> list[str]:
    """The message split into sentences and lines, in order; empty pieces dropped."""
    return [piece.strip() for piece in _SENTENCE_END.split(text) if piece and piece.strip()]


_POSSESSIVE = re.compile(r"'s\b")
_THOUSANDS = re.compile(r"(\d),(\d{3})")
_STRETCHED = re.compile(r"([a-z])\1{2,}")


# Russian and Ukrainian readers may ask in Cyrillic: written in Latin letters the way they transliterate it
# themselves ("kto", "medinskiy", "peregovory"), then read in English like any transliteration (translit.py). A word
# starting with "е" is "ye" ("Ермак" is Yermak); the rest letter by letter.
_CYRILLIC_LETTERS = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e", "є": "ye", "ж": "zh", "з": "z",
    "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "",
    "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya"})
_CYRILLIC = re.compile(r"[а-яёєіїґ]")
_CYRILLIC_YE = re.compile(r"(?<![а-яёєіїґ])е")
# The city's Russian and Ukrainian name, in every case a question puts it in, is Istanbul.
_STAMBUL = re.compile(r"(?<![а-яёєіїґ])стамбул[а-яёєіїґ]*")


def latin(text: str) -> str:
    """Cyrillic letters of an already casefolded text in Latin letters: "кто такой мединский" -> "kto takoy
    medinskiy"."""
    text = _STAMBUL.sub("istanbul", text)
    return _CYRILLIC_YE.sub("ye", text).translate(_CYRILLIC_LETTERS)


def mostly_other_script(text: str) -> bool:
    """Whether most letters of `text` are of another alphabet than the Latin one (Cyrillic, Arabic, Chinese, ...)."""
    if text.isascii():
        return False
    letters = [ch for ch in text if ch.isalpha()]
    other = sum(1 for ch in letters if not ch.isascii() and "LATIN" not in unicodedata.name(ch, ""))
    return other * 2 > len(letters)


# A dollar sign with no figure after it stands for the word ("what's the $ figure on the planes?")
_LONE_DOLLAR = re.compile(r"\$+(?!\s*\d)")


@_memo(4096)  # the matcher normalises each reading of a question several times (see `words`)
def normalize(given: str) -> str:
    """Lowercase, strip accents and punctuation, join possessives: "Russia's Team!" -> "russia team"."""
    text = given[:MAX_MESSAGE_CHARS].translate(_APOSTROPHES)
    if not text.isascii():
        if _CYRILLIC.search(lowered := text.casefold()):
            text = latin(lowered)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _POSSESSIVE.sub("", text.casefold())
    text = text.replace("'", "").replace("tl;dr", "tldr").replace("w/o", "wo ").replace("tl dr", "tldr")
    text = _THOUSANDS.sub(r"\1\2", text)  # 113,100 -> 113100
    if "$" in text:
        text = _LONE_DOLLAR.sub(" dollar ", text)  # "what's the $ figure?" asks a value; "$7 billion" stays a number
    said = " ".join(_WORD.findall(text))
    # Most texts the matcher normalises are normal already (the readings it makes of a question): the memo then
    # keeps the text as its own value, not an equal copy (about 5,000 of 8,700 entries in a running bot, 0.5 MB).
    return given if said == given else said


# Numbers written out read as their digits, on both sides: "the 4 regions" meets "four regions". Not "one", which
# is mostly a pronoun ("which one", "the one agreement").
NUMBER_WORDS = {w: str(n) for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split()) if n > 1} | {
    w: str(10 * n) for n, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}


# A number said in words, as speech-to-text writes it: "fifty two" is 52, "one hundred sixty two" 162, "a hundred
# thirteen thousand" 113000, and "twenty twenty two" (a year said in pairs) 2022.
_SMALL = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                     "fourteen fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * n for n, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_NUMBER_NAMES = frozenset((*_SMALL, *_TENS, *_SCALES))


def _spelled_numbers(said: list[str]) -> list[str]:
    """`said` with each run of two or more number words read as the number it says."""
    if len(said) < 2 or _NUMBER_NAMES.isdisjoint(said):
        return said  # most messages, and every single word read apart
    out: list[str] = []
    i = 0
    while i < len(said):
        j = i
        while j < len(said) and (said[j] in _SMALL or said[j] in _TENS or said[j] in _SCALES or (
                said[j] in ("a", "and") and j + 1 < len(said) and (said[j + 1] in _SCALES or (
                    said[j] == "and" and j > i and (said[j + 1] in _SMALL or said[j + 1] in _TENS))))):
            j += 1
        run = [w for w in said[i:j] if w != "and"]
        if len([w for w in run if w != "a"]) >= 2 and (number := _read_number(run)) is not None:
            out.append(number)
            i = j
        else:
            out.append(said[i])
            i += 1
    return out


def _read_number(run: list[str]) -> str | None:
    """The number a run of number words says, as digits; None when it is not one ("one two")."""
    values = [1 if w == "a" else _SMALL.get(w, _TENS.get(w, _SCALES.get(w))) for w in run]
    # a year said in pairs: "twenty twenty two", "nineteen ninety one"
    if not any(w in _SCALES for w in run):
        pairs: list[int] = []
        for w, v in zip(run, values):
            if pairs and pairs[-1] >= 20 and pairs[-1] % 10 == 0 and w in _SMALL and v < 10:
                pairs[-1] += v  # "fifty two"
            else:
                pairs.append(v)
        if len(pairs) == 1:
            return str(pairs[0])
        if len(pairs) == 2 and pairs[0] in (19, 20) and 10 <= pairs[1] <= 99:
            return str(pairs[0] * 100 + pairs[1])
        return None
    total, current = 0, 0
    for w, v in zip(run, values):
        if w in _SCALES:
            if v == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * v
                current = 0
        elif w in _TENS or v >= 10 or current % 10 == 0:
            current += v
        else:
            return None  # "two three"
    return str(total + current)


# "ru" (SHORTHAND) is "are you" where a question to the reader starts ("ru a bot?", "how ru doing", "so ru sure"); anywhere
# else it is Russia, as "ua" is Ukraine ("ru and ua", "does ru want", "the last time ru talked to kyiv").
_ASKING_TO = frozenset({"can", "could", "would", "will", "you", "u", "pls", "plz", "please", "just", "now", "quickly",
                        "me", "for"})  # "can you please list …": a request before the verb
_AUXILIARIES = frozenset({"do", "did", "does", "were", "are", "was", "is", "have", "had", "will", "would"})
_EXPECT = frozenset({"expecting", "expect", "expected", "hoping", "hope", "hoped", "think", "thinking", "thought",
                     "saying", "say", "said", "predicting", "predict", "predicted", "anticipating", "anticipate"})
_GET = frozenset({"get", "got", "gets", "getting"})
_PASSIVE = _GET | {"been", "was", "were", "be", "is", "being"}
_FOR_A_SIDE = frozenset({"represent", "represents", "represented", "representing", "negotiate", "negotiates",
                         "negotiated", "negotiating", "speak", "speaks", "speaking"})
_NEXT = frozenset({"another", "new", "next", "more"})  # "another swap coming": coming is still to come
# Before "figure", a person of standing ("a senior turkish figure"), not a number
STANDING = frozenset({"senior", "key", "public", "political", "prominent", "leading"})
_PLANNED = frozenset({"when", "schedule", "scheduled", "plan", "planned", "supposed", "expected", "timetable"})
_POSTS = frozenset({"job", "jobs", "position", "title"})  # not "post": "government post" is an alias of role
_MEETINGS = frozenset({"talks", "meeting", "meetings", "negotiations", "session", "round"})  # what "ran" for a time
# Verbs that only ask when they open a request: what is asked about is what follows them
_ASKING_VERBS = frozenset({"list", "compare", "contrast"})
_OPENERS = frozenset({"so", "hey", "hi", "hello", "yo", "ok", "okay", "well", "but", "oh", "lol", "and", "then",
                      "also", "wait", "hmm", "bot", "r", "u"})
_ASKING = frozenset({"who", "what", "whats", "wat", "where", "when", "why", "how", "hows", "which"})


# After "ru", what a country has or does, never what follows "are you": "ru negotiator?", "ru team arrived when"
_RUSSIAS = frozenset({"team", "negotiator", "negotiators", "delegation", "delegates", "side", "army", "troops", "forces",
                      "soldiers", "military", "demands", "demand", "terms", "position", "response", "reply", "reaction",
                      "plan", "draft", "memo", "memorandum", "proposal", "proposals", "wants", "want", "said", "says",
                      "sent", "send", "losses", "casualties", "deaths", "pows", "prisoners", "drones", "leader",
                      "president", "govt", "government", "officials", "minister", "head", "chief", "envoy", "offer",
                      "view", "stance", "gains", "territory", "bloggers", "media", "bombers", "airbases", "economy"})


def _ru_is_are_you(said: list[str], at: int) -> bool:
    """Whether the "ru" at `at` of a normalised message is "are you": it opens the message (after greetings and
    openers) or follows a question word, and no country sits beside it ("ru ua talks", "ru and ukraine") nor
    something of a country's after it ("ru negotiator?")."""
    after = said[at + 1:at + 3]
    if after[:1] and after[0] in ("ua", "ukraine", "vs", "versus", "v") or after == ["and", "ua"] \
            or after == ["and", "ukraine"] or after[:1] and after[0] in _RUSSIAS:
        return False
    before = said[:at]
    return not before or before[-1] in _ASKING or all(w in _OPENERS for w in before)


# Words that are an interjection when they open a message and a verb further on ("why did they wait?").
_OPENING_ONLY = frozenset({"wait"})
_CORRECTING = frozenset({"no", "nah", "sorry", "oops"})  # "no wait, I meant …": the reader correcting themselves
_O_CLOCK = re.compile(r"\bo clock\b")  # "at what o clock": the apostrophe of "o'clock" typed as a space


# 2,048 texts: every reading of the questions in flight and the last thousand or so asked. The brief's own texts
# (about 6,400) do not stay in it: after a day of questions a reload reads them again, in 30 ms (bench/startup_bench.py),
# and a larger memo held megabytes more in a running bot for texts that seldom come back (4,096: 1 MB more after the
# memory bench's 10,000 answers).
@_memo(2048)
def words(text: str) -> tuple[str, ...]:
    """Normalised words with chat shorthand expanded and letters stretched for emphasis squeezed ("soooo")."""
    return read_words(normalize(text))


_MINISTRIES = frozenset({"foreign", "defence", "defense", "def", "prime", "interior", "finance"})
# How far apart two things were, which their dates answer: "how long after the drone strikes were the talks?",
# "how many weeks separate the two rounds?" ask when, not how long something lasted nor a count
_SPANS = (("how", "long"), ("how", "soon"), ("how", "much", "time"), ("how", "many", "days"), ("how", "many", "weeks"),
          ("how", "many", "months"))
_SPACING = frozenset({"separate", "separated", "apart", "passed", "between"})  # said by the span: not asked again
_APART = _SPACING | {"before", "after"}
# "which came first, the strikes or the talks?": which was earlier, not a first round
_SEQUENCED = frozenset({"came", "happened", "was", "went", "occurred"})
# "how far inside …", "how deep into …", "how far were …": a distance asked ("how far apart", "how far will" are not)
_AWAY = frozenset({"inside", "into", "in", "from", "behind", "away", "off", "were", "was", "is", "are", "did"})
# "point number one", "what was number two?": an item of a list by its place
_ORDINALS = {"one": "first", "1": "first", "two": "second", "2": "second", "three": "third", "3": "third"}


def interval_at(said: list[str], at: int) -> int:
    """How many words from `at` on ask how far apart two things were (0 when they don't)."""
    for span in _SPANS:
        if tuple(said[at:at + len(span)]) == span and not _APART.isdisjoint(said[at + len(span):at + len(span) + 2]):
            return len(span)
    return 0


def read_words(normal: str) -> tuple[str, ...]:
    """`words` of a text already normalised, not remembered: for the single words of a question read apart
    (`Analyzer.runs`), which would otherwise crowd whole questions out of the memo."""
    out: list[str] = []
    said = _O_CLOCK.sub("oclock", _STRETCHED.sub(r"\1", normal)).split()
    # "wait, is the ciragan palace a real palace?", "no wait i meant this round": opening a message (after other
    # openers, "no", "sorry"), it asks nothing
    at = next((i for i, w in enumerate(said[:3]) if w in _OPENING_ONLY), None)
    if at is not None and len(said) > at + 2 and all(w in _OPENERS or w in _CORRECTING for w in said[:at]):
        said = said[:at] + said[at + 1:]
    said = _spelled_numbers(said)
    german = not GERMAN_CUES.isdisjoint(said)
    skip = 0
    for at, word in enumerate(said):
        if skip:
            skip -= 1
            continue
        if word == "how" and (size := interval_at(said, at)):
            out.append("when")
            skip = size - 1
            continue
        if word == "first" and at and said[at - 1] in _SEQUENCED and "which" in said[:at]:
            out[-1] = "when"
            continue
        if word in _SPACING and "when" in out[-2:]:
            continue
        if word == "how" and said[at + 1:at + 2] in (["far"], ["deep"]) and said[at + 2:at + 3] \
                and said[at + 2] in _AWAY:
            out.append("distance")  # "how far inside russia …", "how deep in russia …": a distance asked
            skip = 1
            continue
        if word == "in" and said[at + 1:at + 2] == ["short"] and said[at + 2:at + 3] != ["order"]:
            out.append("summary")  # "in short?": a summary asked, not something short ("in short order": soon)
            skip = 1
            continue
        if word == "so" and said[at + 1:at + 2] == ["far"] and "long" in said[max(0, at - 8):at]:
            skip = 1  # "how long has it lasted so far?": until now, not a distance
            continue
        # Not "compare that to a us state": a size compared with a thing named, which the brief's "compared" is
        if word in _ASKING_VERBS and len(said) > at + 2 and said[at + 1] not in ("of", "that", "it", "this", "to") \
                and all(w in _OPENERS or w in _ASKING_TO for w in said[:at]):
            continue  # "list russia's demands", "compare the two rounds": asked, not the list of children
        if word in ("run", "ran", "runs", "running") and said[at - 1:at] and said[at - 1] in _MEETINGS:
            out.append("last")  # "did the talks run three hours?": how long they lasted, not who ran them
            continue
        if word == "front" and said[max(0, at - 2):at] in (["on", "that"], ["on", "this"], ["on", "every"]):
            continue  # "what does putin want on that front?": on that matter, not the front line
        if word in ("country", "nation") and said[at - 1:at] and said[at - 1] in ("which", "what") \
                and not _FOR_A_SIDE.isdisjoint(said):
            out.append("side")  # "umerov is negotiating for which country?": whose side someone is on
            continue
        if word == "coming" and not _NEXT.isdisjoint(said[max(0, at - 3):at]):
            continue  # "is there another swap coming?": one to come, not someone attending
        if word == "list" and said[max(0, at - 2):at] in (["on", "his"], ["on", "her"], ["on", "their"]):
            continue  # "what else is on his list?": what else they want, not a list the brief tells of
        if word == "fired" and said[at - 1:at] and said[at - 1] in _GET:
            out.append("sacked")  # "did umerov get fired?": lost his job, not a weapon fired
            continue
        if word == "charged" and said[at - 1:at] and said[at - 1] in _PASSIVE:
            out.append("prosecuted")  # "has he been charged?": by a court, not put in charge
            continue
        if word == "people" and said[at - 1:at] and said[at - 1] in _AUXILIARIES and said[max(0, at - 3):at - 1] \
                and said[max(0, at - 3)] in ("what", "how", "why") and said[at + 1:at + 2] and said[at + 1] in _EXPECT:
            continue  # "what were people expecting?": anyone's, not a person asked about
        if word in ("figure", "figures") and not STANDING.isdisjoint(said[max(0, at - 2):at]):
            out.append("official")  # "another senior turkish figure": a person of standing, not a number
            continue
        if word in ("compared", "compare", "comparing") and said[at + 1:at + 2] in (["to"], ["with"]) \
                and not _PLANNED.isdisjoint(said[at + 2:at + 5]):
            skip = 1  # "how late did it start compared to when it was supposed to?": than planned, not a size
            continue
        if word == "government" and said[at + 1:at + 2] and said[at + 1] in _POSTS:
            continue  # "what's his actual government job?": his job, not a government's doing
        if word == "in" and said[at + 1:at + 3] == ["the", "room"] and said[at - 1:at] \
                and said[at - 1] in ("was", "were", "be", "been", "being", "is", "are"):
            out.append("attended")  # "who from turkey was in the room?": who attended, not where they sat
            skip = 2
            continue
        if word == "similar" and said[at - 1:at] and said[at - 1] in ("anything", "something", "nothing", "any"):
            continue  # "is anything similar coming out of round two?": the same kind of thing, said before
        if word == "f" and said[at - 1:at] == ["the"]:
            continue  # "how the f did they …": swearing typed short
        if word == "number" and out[-1:] == ["round"] and said[at + 1:at + 2] in ([], ["is"], ["was"], ["again"]):
            out[-1:] = ["which", "round"]  # "round number??": which round it was, not a count
            continue
        if word == "number" and said[at + 1:at + 2] == ["of"] and len(said) > at + 2 and said[at - 1:at] != ["a"]:
            out.extend(("how", "many"))  # "just the number of planes hit": a count asked ("a number of": several)
            skip = 1
            continue
        if word == "number" and said[at + 1:at + 2] and said[at + 1] in _ORDINALS:
            out.append(_ORDINALS[said[at + 1]])
            skip = 1
            continue
        if word == "ru" and not _ru_is_are_you(said, at):
            out.append("russia")
            continue
        if word == "min" and at and said[at - 1] in _MINISTRIES:
            out.append("minister")  # "turkish foreign min": a title typed short; "30 min" stays minutes
            continue
        expanded = (german and GERMAN.get(word)) or SHORTHAND.get(word) or FOREIGN.get(word) or CONTRACTED.get(word) \
            or (_ASKING_SHORTHAND.get(word[:-1]) if word[-1:] == "s" else None)
        if expanded is None:
            out.append(NUMBER_WORDS.get(word, word))
        else:
            out.extend(expanded.split())
    # Interned: the cache keeps up to 16,384 readings, mostly of a few thousand distinct words; one copy of each
    # word instead of one per reading (about 500 -> 150 bytes a reading), paid once per reading, on a miss.
    return tuple(map(sys.intern, out))


# Snowball strips inflections, not derivations: "invasion" and "invaded" stem apart. The noun and verb of one
# act are one term here, so "when was the invasion?" finds "Russia invaded Ukraine".
_DERIVED = {
    "invasion": "invade", "decision": "decide", "agreement": "agree", "destruction": "destroy",
    "retaliation": "retaliate", "retaliatory": "retaliate", "negotiator": "negotiate", "proposal": "propose",
    "refusal": "refuse", "arrival": "arrive", "departure": "depart", "deportation": "deport",
    "explosion": "explode", "death": "die", "dead": "die", "died": "die", "dies": "die", "deaths": "die",
    "failure": "fail", "abduction": "abduct", "occupation": "occupy", "mediator": "mediate",
    "mediation": "mediate", "attendee": "attend", "participant": "participate", "demands": "demand",
}


@_memo(65536)
def stem(word: str) -> str:
    """Snowball (Porter2) English stem, derivations folded; numbers and joined alias tokens are left alone."""
    if word[0].isdigit() or "_" in word or len(word) <= 3:
        return word
    base = _DERIVED.get(word) or (_DERIVED.get(word[:-1]) if word.endswith("s") else None)
    stemmed = _stemmer.stemWord(base or word)
    # The memo keeps every stem it made (up to 65,536, filled by the brief's words on each start and by readers'
    # words): a word that is its own stem is kept as itself, and words that stem alike share one copy of it,
    # not one fresh string each (about half the words are their own stem; 21,000 stems were 1 MB in a running bot).
    return word if stemmed == word else sys.intern(stemmed)
