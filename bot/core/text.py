"""Question text -> normalised word tokens. Pure functions; no knowledge of any brief."""

from __future__ import annotations

import re
import unicodedata

MAX_QUESTION_CHARS = 500  # longer input is cut: no real question is longer, and matching stays fast
MAX_TOKENS = 60

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u02bc": "'"})
_WORD = re.compile(r"[a-z0-9]+(?:\.[0-9]+)?")

# Chat shorthand every English-speaking user types; brief-specific synonyms live in the brief's alias table.
SHORTHAND: dict[str, str] = {
    "u": "you", "ur": "your", "r": "are", "wat": "what", "wut": "what", "wht": "what", "whats": "what",
    "ppl": "people", "abt": "about", "bout": "about", "pls": "please", "plz": "please", "thx": "thanks",
    "govt": "government", "gov": "government", "whos": "who", "wheres": "where", "whens": "when",
    "hows": "how", "howmany": "how many", "dont": "do not", "didnt": "did not", "doesnt": "does not",
    "cos": "because", "cuz": "because", "bc": "because", "w": "with", "tmrw": "tomorrow", "yday": "yesterday",
    "info": "information", "nums": "numbers", "num": "number", "approx": "approximately", "mil": "million",
    "k": "thousand", "agreed": "agree", "agreement": "agree", "agreements": "agree",
    "1st": "first", "2nd": "second", "3rd": "third", "tldr": "summary", "vs": "versus", "v": "versus",
    "isnt": "is not", "arent": "are not", "wasnt": "was not", "werent": "were not", "wont": "will not",
    "cant": "can not", "couldnt": "could not", "wouldnt": "would not", "hed": "he would", "theyd": "they would",
    "shed": "she would", "youd": "you would", "im": "i am", "ive": "i have", "theyre": "they are",
    "whatre": "what are", "thats": "that is", "theres": "there is", "whatd": "what did",
}

STOPWORDS = frozenset(
    """a an the is are was were be been being am do does did done doing of in on at to for with by from and or
    but if then than so as into onto out up over about what which whose whom that this these those it its
    they them their theirs he him his she her hers i me my mine we our you your yours there here any some
    tell please can could would should will shall may might must let know say said says give show explain
    describe hey hi hello bot just really actually also too very quite again yes ok okay thanks thank
    exactly ever even get got going go happen happened happening thing things stuff like lot lots
    one ones sort kind right now today currently anything something everything someone anyone
    not no has have had having all both each few other such only own same too s t don should now
    gonna wanna gotta kinda sorta lol pls please whats wat even whole true anyway overall basically
    literally honestly seriously mean means meant guess suppose supposed think thought everyone everybody
    somebody nobody someone something nothing everything anything lately recently just still yet already
    ya yeah yep nope hmm um uh oh ah well much more most less least such way ways maybe perhaps
    else another other others versus""".split()
)

# Kept although they are function words: they say what kind of answer is wanted.
QUESTION_WORDS = frozenset({"who", "when", "where", "why", "how", "many", "much"})


def normalize(text: str) -> str:
    """Lowercase, strip accents and punctuation, join possessives: "Russia's Team!" -> "russia team"."""
    text = unicodedata.normalize("NFKD", text[:MAX_QUESTION_CHARS].translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"'s\b", "", text)
    text = text.replace("'", "").replace("tl;dr", "tldr").replace("tl dr", "tldr")
    text = re.sub(r"(\d),(\d{3})", r"\1\2", text)  # 113,100 -> 113100
    return " ".join(_WORD.findall(text))


def words(text: str) -> list[str]:
    """Normalised words with chat shorthand expanded."""
    out: list[str] = []
    for word in normalize(text).split()[:MAX_TOKENS]:
        out.extend(SHORTHAND.get(word, word).split())
    return out


def stem(word: str) -> str:
    """A deliberately small English stemmer: enough to meet "leads"/"leading"/"led" near "lead"."""
    if len(word) <= 4 or word[0].isdigit():
        return word
    for suffix, repl in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith("ss"):
                return word
            if suffix == "es" and not word.endswith(("shes", "ches", "xes", "sses", "zes")):
                continue
            base = word[: len(word) - len(suffix)] + repl
            if suffix in ("ing", "ed") and len(base) >= 4 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]  # "planned" -> "plan", not "plann"
            return base
    return word
