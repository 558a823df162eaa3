"""A follow-up that questions the answer just given: "says who?", "is that confirmed?", "is that russia's number or
ukraine's?", "what does the other side say?", "what did they deny? moscow's side?".

It is recognised by its words alone: every word is one people use to doubt a claim, a word pointing back at it,
a party's name or a number of the answer. Then it asks either who claims it (the same facts, each naming who says
it) or the other side's word on it. A message with any other word asks something of its own ("is it true they
agreed a ceasefire?") and is read as a question, not as doubt.
"""

from __future__ import annotations

import enum
import re

# Words that question a claim: a reader who uses one doubts what was just said, not asks something new.
_DOUBTING = frozenset({
    "claim", "claims", "claimed", "claiming", "confirm", "confirms", "confirmed",
    "confirmation", "verify", "verified", "verifiable", "unverified", "verification", "prove", "proof", "proven",
    "evidence", "sure", "certain", "true", "truth", "really", "correct", "accurate", "official", "officially", "backed", "backs",
    "fact", "facts", "propaganda", "bs", "whose", "according", "deny", "denies", "denied", "denial", "dispute",
    "disputes", "disputed", "contest", "contested", "version", "rebut", "refute", "refuted", "independent",
    "independently", "believe", "believed",
})
# Not "source" ("who is the source?" asks who an unnamed source is, which no article says: the older rule reads
# "what's the source?"), nor a source's standing ("is reuters biased?", "can we trust them?"): opinions the brief
# does not give.
# Of those, the ones asking the other side's word rather than the source's.
_OTHER_SIDE = frozenset({"deny", "denies", "denied", "denial", "dispute", "disputes", "disputed", "contest",
                         "contested", "version", "rebut", "refute", "refuted"})
# "who's right?", "who do i believe?": the two sides' words side by side, not one source.
_WHICH_SIDE = frozenset({"right", "believe", "trust"})
_SIDE = frozenset({"side", "sides", "party", "camp", "view", "account"})
EVIDENCE = frozenset({"evidence", "proof", "prove", "proven", "independent", "independently", "verify", "verified",
                       "verifiable", "verification"})
# Words that only point back, name a kind of claim or join the others ("is that the number they gave?").
_POINTING = frozenset({
    "and", "but", "so", "ok", "okay", "wait", "hmm", "hm", "well", "then", "the", "a", "an", "that", "this", "it",
    "its", "those", "these", "them", "they", "their", "there", "is", "was", "are", "were", "be", "been", "does",
    "did", "do", "has", "have", "had", "can", "could", "would", "will", "anyone", "anybody", "someone", "somebody",
    "one", "ones", "you", "u", "ur", "your", "we", "i", "me", "my", "of", "by", "on", "to", "from", "for", "about",
    "in", "or", "what", "whats", "who", "whom", "which", "where", "how", "know", "number", "numbers", "figure",
    "figures", "stat", "stats", "estimate", "estimates", "count", "data", "side", "sides", "say", "says", "said",
    "saying", "tell", "told", "telling", "actually", "even", "just", "lol", "huh", "any", "come", "comes", "came",
    "up", "with", "not", "no", "yes", "yeah", "pls", "please", "other", "party", "camp", "account", "word", "story",
    "real", "m", "k", "bn", "million", "thousand", "billion", "it's", "s", "here", "like", "think", "mean", "all",
    "also", "reckon", "exactly", "should", "i'd", "id", "go", "tally", "toll", "why", "though", "tho", "right",
    "isnt", "aint", "thats", "else", "others", "anywhere", "elsewhere",
})
_FIGURE = frozenset({"number", "numbers", "figure", "figures", "estimate", "estimates", "count", "data", "stat",
                     "stats", "claim", "version", "tally", "toll"})
_POINTER = frozenset({"that", "thats", "this", "it", "those", "these"})
MAX_WORDS = 10  # a doubt is a short message: a longer one asks something of its own
_NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*(k|m|bn|thousand|million|billion)?\b")
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
# A fact stating that a party denies or disputes something: the other side's word, even when no verb of saying names
# them ("Ukraine and Russia issued starkly different assessments").
DISAGREEING = re.compile(r"\b(?:differ\w*|den(?:y|ies|ied)|dismiss\w*|reject\w*|disput\w*|contradict\w*|"
                         r"refut\w*|push(?:ed)?\s+back|counter\w*)\b", re.IGNORECASE)


class Doubt(enum.Enum):
    SOURCE = "source"  # who claims what was just said
    WHOSE = "whose"  # whether a figure is one party's ("is that the ukrainian figure?"): who claims it, too
    OTHER_SIDE = "other_side"  # what the other side says of it


def doubt(said: list[str], named: frozenset[str]) -> Doubt | None:
    """What a normalised message `said` doubts, when every word of it doubts, points back, or is one of `named`
    (the words of it that name a party); None when it asks something of its own."""
    if not said or len(said) > MAX_WORDS:
        return None
    doubting = [w for w in said if w in _DOUBTING]
    # "says who", "who says", "according to whom": the bare source question the older rule misses with a tail
    # ("says who, the 1.2m")
    asks_who = ("says" in said and "who" in said) or ("where" in said and {"come", "comes", "from"} & set(said))
    other_side = bool(_OTHER_SIDE.intersection(said)) or ("other" in said and bool(_SIDE.intersection(said))) \
        or (bool({"who", "which"} & set(said)) and bool(_WHICH_SIDE.intersection(said)))
    # "is that russia's number or ukraine's?", "is that the ukrainian figure?": whose the figure pointed at is (not
    # "and the russian figure?", which asks Russia's count of the same thing)
    whose = bool(named) and not _FIGURE.isdisjoint(said) and not _POINTER.isdisjoint(said)
    if not doubting and not asks_who and not other_side and not whose:
        return None
    allowed = _DOUBTING | _WHICH_SIDE if {"who", "which"} & set(said) else _DOUBTING
    if any(w not in allowed and w not in _POINTING and w not in named and not _NUMBER.fullmatch(w) for w in said):
        return None
    if other_side:
        return Doubt.OTHER_SIDE
    return Doubt.WHOSE if whose and not doubting and not asks_who else Doubt.SOURCE


def asks_evidence(said: list[str]) -> list[str]:
    """The words of a normalised message asking for evidence ("any independent proof?"): a fact that has them (the
    satellite imagery) answers the doubt better than who made the claim."""
    return [w for w in said if w in EVIDENCE]


def bare_other_side(said: list[str]) -> bool:
    """ "and the other side?": no word of doubt, so it may as well ask the same question of the other side (a swap)."""
    which = _WHICH_SIDE if {"who", "which"} & set(said) else frozenset()
    return not any(w in _DOUBTING or w in _OTHER_SIDE or w in which for w in said)


def numbers(text: str) -> frozenset[float]:
    """The numbers a normalised text gives, scaled ("1.2 million" and "1.2 m" are 1,200,000)."""
    return frozenset(float(value) * _SCALE.get(scale or "", 1.0) for value, scale in _NUMBER.findall(text))
