"""Text -> terms, in the brief's own vocabulary: aliases and entity names joined, typos fixed, words stemmed."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Callable, Mapping, Sequence

from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from bot.core.brief import Brief, Entity, EntityKind
from bot.core.english import is_common_word
from bot.core.paraphrases import PARAPHRASES
from bot.core.text import QUESTION_WORDS, STOPWORDS, normalize, read_words, stem, words
from bot.core.weighed_memo import WeighedMemo

# "us" is a pronoun after these words ("tell us"), the United States elsewhere ("what does the us want").
_US_PRONOUN_BEFORE = frozenset({"tell", "give", "show", "let", "help", "for", "to", "with", "of", "about",
                                # "my teacher asked us to explain", "she told us", "they sent us this"
                                "ask", "asks", "asked", "told", "tells", "gave", "gives", "showed", "shows",
                                "sent", "sends", "taught", "teaches", "helped", "helps", "lets", "made", "makes",
                                "wants", "wanted", "warned", "reminded", "among", "between"})
# Irregular forms Snowball leaves apart, so "what did he say" meets "Medinsky said".
_IRREGULAR = {"said": "say", "says": "say", "told": "say", "telling": "say", "saying": "say", "claimed": "say",
              "stated": "say", "insisted": "say", "insists": "say", "insisting": "say", "led": "lead", "met": "meet", "meeting": "meet", "spoke": "speak", "took": "take",
              "taken": "take", "began": "begin",
              "begun": "begin", "ran": "run", "held": "hold", "sent": "send", "went": "go", "gone": "go",
              "came": "come", "wrote": "write", "written": "write", "left": "leave", "brought": "bring",
              "children": "child", "kids": "child", "kid": "child", "men": "man", "people": "person",
              # "own" is a function word ("their own"); owning is not: "who owns the palace?" must not read as "who
              # is the palace?", and "russia owning the land it took" is Russia holding it
              "owns": "owner", "owned": "owner", "owner": "owner", "owners": "owner", "owning": "control",
              "ownership": "control"}


# Names reach English through other alphabets and languages: German news writes "Selenskyj", "Jermak",
# "Kellog"; Ukrainian transliteration gives "Andrij". Read both sides through one spelling key so a
# name matches whichever romanisation a reader saw.
_TRANSLIT = (("tsch", "ch"), ("sch", "sh"), ("kh", "h"), ("ch", "h"), ("ck", "k"), ("j", "y"), ("w", "v"),
             ("z", "s"), ("x", "ks"), ("ph", "f"))
_DOUBLED = re.compile(r"(.)\1+")
_I_GLIDE = re.compile(r"iy|yi|yy|ii")


# What a typo may be of besides the brief's words: the function and question words, and the commonest English
# words (bot/core/common_words.txt).
_FUNCTION_WORDS = frozenset(w for w in (*STOPWORDS, *QUESTION_WORDS) if w.isalpha() and len(w) >= 3)
_ASKING = frozenset({"who", "whom", "whose", "what", "when", "where", "why", "which", "how"})  # first among equals


@lru_cache(maxsize=128)
def _everyday(initial: str, function: bool) -> tuple[str, ...]:
    """The function words (`function`), else the commonest English words, starting with `initial`, commonest
    first: of two words as near to a typo, the commoner is meant ("waht" is "what" before "want")."""
    text = resources.files("bot.core").joinpath("common_words.txt").read_text(encoding="utf-8")
    common = [w for w in text.split("\n") if w[:1] == initial and len(w) >= 3]
    rank = {w: r for r, w in enumerate(common)}
    if function:
        return tuple(sorted((w for w in _FUNCTION_WORDS if w[0] == initial), key=lambda w: (w not in _ASKING, rank.get(w, len(rank)), w)))
    return tuple(w for w in common if w not in _FUNCTION_WORDS)


def _has_in_order(typed: str, word: str) -> bool:
    """Whether every letter typed is in `word`, in order: the typo left letters out ("palce" of "palace")."""
    letters = iter(word)
    return all(ch in letters for ch in typed)


def _nearest(word: str, pool: list[str], scorer: Callable[..., int], cutoff: int) -> tuple[str, int] | None:
    """The word of `pool` nearest to `word` within `cutoff` edits, and how near. Of several as near, one that has
    every letter typed in order, since a letter left out is the commonest slip ("palce" is "palace", not "pace"
    though both are one edit away); else the first in the pool's order."""
    found = process.extract(word, pool, scorer=scorer, score_cutoff=cutoff, limit=None)
    if not found:
        return None
    best = min(edits for _, edits, _ in found)
    ties = sorted((at, near) for near, edits, at in found if edits == best)
    near = next((near for _, near in ties if _has_in_order(word, near)), ties[0][1])
    return near, best


MAX_HEARD_WORDS = 40  # the longest message read again for names speech-to-text split into words
_SOUNDS = {**dict.fromkeys("bfpv", "1"), **dict.fromkeys("cgjkqsxz", "2"), **dict.fromkeys("dt", "3"), "l": "4",
           "m": "5", "n": "5", "r": "6"}


def sound(word: str) -> str:
    """A word's consonants as they sound (Soundex's classes, every letter, neighbours of one class once): "istanbul"
    and "isstumble" both read "2351"... """
    out: list[str] = []
    last = ""
    for ch in word:
        code = _SOUNDS.get(ch, "")
        if code and code != last:
            out.append(code)
        if ch not in "hw":
            last = code
    return "".join(out)


def _opening(word: str) -> str:
    """How a word starts to sound: a vowel, or its first consonant's class ("car keev" opens as "Kharkiv")."""
    return "a" if word[0] in "aeiou" else _SOUNDS.get(word[0], word[0])


@lru_cache(maxsize=8192)
def spelling_key(word: str) -> str:
    """One key for a name's romanisations: "selenskyj", "zelenskiy" and "zelensky" all read "selenski"."""
    for old, new in _TRANSLIT:
        word = word.replace(old, new)
    word = _I_GLIDE.sub("i", _DOUBLED.sub(r"\1", word))
    return word[:-1] + "i" if word.endswith("y") else word


@lru_cache(maxsize=4096)
def canon(name: str) -> str:
    """The single token an alias or entity becomes: "united states" -> "united_states"."""
    return "_".join(words(name))


_RELAYERS = ("kid", "kids", "son", "daughter", "child", "children", "mum", "mom", "dad", "father", "mother",
             "grandson", "granddaughter", "grandma", "grandmother", "grandpa", "grandfather", "student", "students",
             "class", "friend", "friends", "wife", "husband", "partner", "boss", "neighbour", "neighbor", "teacher",
             "uncle", "aunt", "sister", "brother", "cousin", "colleague", "flatmate", "roommate")
_IDIOMS = (("are", "we", "talking"), ("we", "talking"), ("were", "we", "talking"), ("am", "i", "talking"),
           # punctuation spoken into a phone's dictation: "how many months question mark"
           ("question", "mark"), ("exclamation", "mark"), ("exclamation", "point"), ("full", "stop"),
           # a request's opener, not a handing over: "give me the gist of the talks", "give me the numbers"
           ("give", "me"), ("gimme",),
           # where the reader wants the answer from, which is always the articles: "who is the US president in
           # these articles", "how many years per the articles"
           *((*lead, *which, noun) for lead in (("in",), ("per",), ("according", "to"), ("from",))
             for which in (("these",), ("the",), ("this",), ("those",))
             for noun in ("articles", "article", "reports", "reporting", "sources", "seeds", "stories", "story",
                         "coverage")),
           # a question passed on for someone else: "my kid asks who putin is", "she wants to know why"
           *((*who, *asks) for who in (*(("my", r) for r in _RELAYERS), ("she",), ("he",), ("they",))
             for asks in (("asks",), ("is", "asking"), ("are", "asking"), ("wants", "to", "know"), ("want", "to", "know"),
                          ("keeps", "asking"), ("keep", "asking"))),
           *(("my", r, *asks) for r in _RELAYERS for asks in (("asked",), ("asked", "me"), ("asks", "me"),
                                                              ("wanted", "to", "know"), ("was", "asking"))))


# Speech typed by a phone writes a news word as the everyday word it sounds like: "the piece talks", "a piece deal".
# Not before "of": "a piece of land" is what it says.
_SOUNDS_LIKE = {"piece": "peace"}


def _homophones(said: tuple[str, ...]) -> list[str]:
    return [_SOUNDS_LIKE.get(w, w) if said[i + 1:i + 2] != ("of",) else w for i, w in enumerate(said)]


def _phrasings(variant: str) -> tuple[tuple[str, ...], ...]:
    """The words a variant is written with, as a question would be read: "ru" is "are you" or Russia by where it
    stands (bot/core/text.py), so "ru stem" (Rustem, dictated) is kept both ways."""
    phrase = words(variant)
    said = normalize(variant).split()
    if "ru" not in said:
        return (phrase,) if phrase else ()
    russia = words(" ".join("russia" if w == "ru" else w for w in said))
    are_you = words(" ".join("are you" if w == "ru" else w for w in said))
    return tuple(dict.fromkeys(p for p in (phrase, russia, are_you) if p))


# Words a phrase is read through when a question puts them inside it: articles ("get the drones there" is the alias
# "get drones there") and adverbs that only qualify it ("could only happen" is "could happen", "has still not
# happened" "has not happened").
_ARTICLES = frozenset({"the", "a", "an"})
# Words that open a short phrase of the brief's ("of russia", "in may") as well as come before a longer one
_OPENERS = _ARTICLES | {"of", "in", "on", "at", "for", "from", "with", "about", "to", "by"}
_READ_THROUGH = frozenset({"the", "a", "an", "only", "still", "really", "actually", "just", "even", "ever",
                           "finally", "already"})
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")


def _months_named(entities: tuple[Entity, ...]) -> dict[tuple[str, ...], str]:
    """ "in may" for an occasion named with its date ("First round of talks (16 May)"): a reader names it by its
    month as often as by its day ("what else did they agree in may?"), and "may" alone is a function word. Only a
    month one occasion alone is named with; its words are the occasion on both sides, questions and facts alike."""
    named: dict[str, set[str]] = {}
    for entity in entities:
        if entity.kind is EntityKind.event:
            for month in set(words(entity.name)).intersection(_MONTHS):
                named.setdefault(month, set()).add(canon(entity.id.replace("-", " ")))
    return {("in", month): next(iter(ids)) for month, ids in named.items() if len(ids) == 1}


class PhraseTable:
    """The brief's names and aliases as one phrase table, and the terms it has read so far. It depends only on
    the brief's entities and aliases, so a reload that keeps them reuses it, and with it the terms of every
    unchanged text of the brief."""

    def __init__(self, entities: tuple[Entity, ...], aliases: Mapping[str, tuple[str, ...]]) -> None:
        # Idioms read as nothing: "how much money are we talking?" asks an amount, not about the talks (which the
        # brief's alias "talking" stands for). Longer than that alias, they are tried before it.
        phrases: dict[tuple[str, ...], str] = {phrase: "" for phrase in _IDIOMS}
        for entity in entities:
            target = canon(entity.id.replace("-", " "))
            for variant in (entity.id.replace("-", " "), entity.name, *entity.variants):
                for phrase in _phrasings(variant):
                    phrases.setdefault(phrase, target)
        # A person is also asked about by first name or surname alone ("keith", "fidan"), unless two share it.
        owners: dict[str, set[str]] = {}
        for entity in entities:
            if entity.kind is EntityKind.person:
                for word in words(entity.name):
                    owners.setdefault(word, set()).add(canon(entity.id.replace("-", " ")))
        for word, ids in owners.items():
            if len(ids) == 1 and len(word) >= 4:
                phrases.setdefault((word,), next(iter(ids)))
        for phrase, target in _months_named(entities).items():
            phrases.setdefault(phrase, target)
        for canonical, variants in aliases.items():
            target = canon(canonical)
            for variant in (canonical, *variants):
                for phrase in _phrasings(variant):
                    phrases.setdefault(phrase, target)
        # Everyday paraphrases read as their target word reads in this brief: its alias, else its stem.
        for target, variants in PARAPHRASES.items():
            into = phrases.get((target,), stem(target))
            for variant in variants:
                phrases.setdefault(tuple(words(variant)), into)
        self.phrases = phrases
        # The same phrases with their articles left out, for a question that puts one in: "get the drones there" is
        # the alias "get drones there". Only phrases of two words or more that way, never one opening with one.
        bare: dict[tuple[str, ...], str] = {}
        for phrase, target in phrases.items():
            kept = tuple(w for w in phrase if w not in _READ_THROUGH)
            if len(kept) >= 2 and phrase[0] not in _READ_THROUGH:
                bare.setdefault(kept, target)
        self._bare = bare
        bare_lengths: dict[str, set[int]] = {}
        for phrase in bare:
            bare_lengths.setdefault(phrase[0], set()).add(len(phrase))
        self._bare_lengths = {first: sorted(found, reverse=True) for first, found in bare_lengths.items()}
        self.words = frozenset(w for phrase, target in phrases.items() if target for w in phrase)
        # The words of phrases read as nothing ("explainer", "graf"): written on purpose, never a typo of another word
        self.unread = frozenset(w for phrase, target in phrases.items() if not target for w in phrase) - self.words
        # Phrase lengths by first word, longest first: each position tries only phrases that can start there.
        lengths: dict[str, set[int]] = {}
        for phrase in phrases:
            lengths.setdefault(phrase[0], set()).add(len(phrase))
        self._lengths = {first: sorted(found, reverse=True) for first, found in lengths.items()}
        self._cache: dict[str, tuple[str, ...]] = {}
        self._words: dict[str, tuple[str, ...]] = {}  # see word

    def _without_articles(self, raw: Sequence[str], i: int) -> tuple[str, int] | None:
        """The phrase starting at `i` with the articles inside it skipped, and where it ends; None when none."""
        lengths = self._bare_lengths.get(raw[i])
        if not lengths:
            return None
        kept: list[str] = []
        ends: list[int] = []
        j = i
        while j < len(raw) and len(kept) < lengths[0]:
            if raw[j] not in _READ_THROUGH or j == i:
                kept.append(raw[j])
                ends.append(j + 1)
            j += 1
        if len(ends) < 2 or ends[-1] - i == len(kept):
            return None  # no article skipped: the phrase table has already said no
        for length in lengths:
            # (not a phrase read as nothing: "did the talks last a week" is no "last week")
            if length <= len(kept) and (target := self._bare.get(tuple(kept[:length]))):
                if ends[length - 1] - i > length:  # an article was skipped inside it
                    return target, ends[length - 1]
        return None

    def word(self, word: str) -> tuple[str, ...]:
        """The terms of one word alone (`join([word])`), kept with the table: a matcher's build reads the same
        words of names and roles again on every reload."""
        found = self._words.get(word)
        if found is None:
            found = _bounded_put(self._words, word, self.join([word]))
        return found

    def terms(self, text: str) -> tuple[str, ...]:
        """The terms of a text of the brief, read as written (no typo correction)."""
        cached = self._cache.get(text)
        if cached is None:
            cached = _bounded_put(self._cache, text, self.join(words(text)))
        return cached

    def _longest(self, raw: Sequence[str], i: int) -> int:
        """The length of the longest phrase starting at `i`, 0 when none does."""
        if i >= len(raw):
            return 0
        return next((n for n in self._lengths.get(raw[i], ())
                     if i + n <= len(raw) and tuple(raw[i:i + n]) in self.phrases), 0)

    def _gives_way(self, raw: Sequence[str], i: int) -> bool:
        """Whether the phrase the word at `i` opens ("the russia", "of russia", "of the russia") gives way to a
        longer one from the next word on, past an article ("russia ukraine talks"): the word is then read as
        nothing. Not when the phrase it opens is an idiom read as nothing ("in the story")."""
        opened = self._longest(raw, i)
        if opened > 1 and raw[i] not in _ARTICLES and not self.phrases[tuple(raw[i:i + opened])]:
            return False
        if not opened and raw[i] not in _ARTICLES and (skipped := self._without_articles(raw, i)) is not None:
            opened = skipped[1] - i
        if opened <= 1:
            return False
        after = i + 1 + (raw[i] not in _ARTICLES and i + 1 < len(raw) and raw[i + 1] in _ARTICLES)
        return after + self._longest(raw, after) > i + opened

    def join(self, raw: Sequence[str]) -> tuple[str, ...]:
        """Words -> terms: names and aliases joined, function words dropped, the rest stemmed."""
        out: list[str] = []
        i = 0
        while i < len(raw):
            if raw[i] in _OPENERS and self._gives_way(raw, i):
                # "the russia ukraine talks": the phrase after the article ("russia ukraine talks") ends after the
                # one the article opens ("the russia"); so too after "of" ("round two of the russia ukraine talks")
                i += 1
                continue
            for length in self._lengths.get(raw[i], ()):
                phrase = tuple(raw[i : i + length])
                if len(phrase) == length and phrase in self.phrases:
                    if target := self.phrases[phrase]:
                        out.append(target)
                    i += length
                    break
            else:
                if (skipped := self._without_articles(raw, i)) is not None:
                    target, i = skipped
                    if target:
                        out.append(target)
                    continue
                word = raw[i]
                if word == "us":
                    if i == 0 or raw[i - 1] not in _US_PRONOUN_BEFORE:
                        out.append("united_states")
                elif word in QUESTION_WORDS:
                    out.append(word)
                elif word in _IRREGULAR:
                    out.append(_IRREGULAR[word])
                elif word not in STOPWORDS:
                    term = stem(word)
                    if term not in STOPWORDS:
                        out.append(term)
                i += 1
        return tuple(out)


# The readings of questions an analyzer remembers, by weight: about 3,000 everyday questions and their readings
# (10,000 answers of the memory bench would fill 2.7 MB); a flood of distinct 4,000-character messages holds at most
# this. What it is for is the readings of one message, which share their texts, and questions asked again.
QUESTION_MEMO_BYTES = 1024 * 1024


def _bounded_put(cache: dict[str, tuple[str, ...]], key: str, value: tuple[str, ...]) -> tuple[str, ...]:
    """For the phrase table's memos of the brief's own texts, which strangers' messages do not reach."""
    if len(cache) >= 50_000:  # a brief's texts repeat across reloads, but an edited brief's old texts must go
        cache.clear()
    cache[key] = value
    return value


_PhraseKey = tuple[tuple[tuple[str, str, str, tuple[str, ...]], ...], tuple[tuple[str, tuple[str, ...]], ...]]
_tables: dict[_PhraseKey, PhraseTable] = {}


def phrase_table(brief: Brief) -> PhraseTable:
    """The phrase table of the brief's entities and aliases; the last two built are kept for reloads."""
    key: _PhraseKey = (tuple((e.id, e.name, e.kind.value, e.variants) for e in brief.entities),
                       tuple(brief.aliases.items()))
    table = _tables.pop(key, None) or PhraseTable(brief.entities, brief.aliases)
    _tables[key] = table  # most recently used last
    while len(_tables) > 2:
        del _tables[next(iter(_tables))]
    return table


@lru_cache(maxsize=8192)
def _text_words(text: str) -> frozenset[str]:
    return frozenset(words(text))


class Analyzer:
    """Built once per brief. `terms()` is the only tokenizer the matcher and its index use."""

    def __init__(self, brief: Brief) -> None:
        self.table = phrase_table(brief)
        vocabulary = set(self.table.words)
        for section in brief.sections:
            for text in (section.title, *section.examples, *section.keywords, *(f.text for f in section.facts),
                         *(f.answer or "" for f in section.facts), *(k for f in section.facts for k in f.keywords),
                         *(g.label for g in section.figures)):
                vocabulary |= _text_words(text)
        for entity in brief.entities:
            vocabulary |= _text_words(entity.role)
        self.known_words = frozenset(vocabulary)
        # The words of every name the brief declares, by spelling key. A key is kept when its words name one
        # entity (or are parts of longer names): "zelensky", "zelenskiy" and "zelenskyy" are one person.
        spelled: dict[str, dict[str, None]] = {}  # in the brief's order: a name's own spelling first
        for entity in brief.entities:
            for variant in (entity.name, *entity.variants):
                for word in words(variant):
                    if len(word) >= 4 and word.isalpha():
                        spelled.setdefault(spelling_key(word), {})[word] = None
        self._names: dict[str, str] = {}
        for key, found in spelled.items():
            named = [w for w in found if (w,) in self.table.phrases]
            if len({self.table.phrases[(w,)] for w in named}) <= 1:
                self._names[key] = next(iter(found))
        # Names as they sound, for speech typed by a phone: "is stumble" is "Istanbul", "your mac" "Yermak". Only
        # sounds of three consonants or more, each naming one entity's word.
        sounding: dict[str, set[str]] = {}
        first_names: dict[tuple[str, str], set[str]] = {}  # (the first name's sound, the surname) -> first names
        for entity in brief.entities:
            if entity.kind in (EntityKind.person, EntityKind.place, EntityKind.organisation):
                # As the brief spells it, not others' spellings; a person by surname (a first name is too often
                # two everyday words); a name of several words by its own words, not "palace" or "service".
                name_words = words(entity.name)
                for word in name_words[-1:] if entity.kind is EntityKind.person else name_words:
                    if len(word) >= 5 and word.isalpha() and (entity.kind is EntityKind.person or len(name_words) == 1
                                                              or not is_common_word(word)) \
                            and len(code := sound(word)) >= 3:
                        sounding.setdefault(code, set()).add(word)
                if entity.kind is EntityKind.person and len(name_words) >= 2 and len(code := sound(name_words[0])) >= 2:
                    first_names.setdefault((code, canon(entity.id.replace("-", " "))), set()).add(name_words[0])
        self._sounds = {code: next(iter(found)) for code, found in sounding.items() if len(found) == 1}
        # A first name heard right before its surname: "hack on fee dan" is Hakan Fidan, "key th kellog" Keith
        # Kellogg. Only there: alone, a first name's sound is too often everyday words.
        self._first_names = {key: next(iter(found)) for key, found in first_names.items() if len(found) == 1}
        # (the first name's sound, the person's term) -> the first name
        # What a run must be to sound like one: how long, and how it opens (checked before its sound is worked out)
        lengths = [len(name) for name in self._sounds.values()] or [0]
        self._sound_span = (min(lengths) - 1, max(lengths) + 2)
        self._openings = frozenset(_opening(name) for name in self._sounds.values())
        self._by_initial: dict[str, list[str]] = {}  # filled on the first typo starting with each letter
        self._correct = lru_cache(maxsize=8192)(self._correct_uncached)
        self._cache = WeighedMemo(QUESTION_MEMO_BYTES)  # question text -> its terms, typos corrected

    def __getstate__(self) -> dict[str, object]:
        """For the build cache (bot/core/build_cache.py): the typo memo is a wrapper that does not pickle."""
        return {name: value for name, value in self.__dict__.items() if name != "_correct"}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._correct = lru_cache(maxsize=8192)(self._correct_uncached)

    def _pool(self, initial: str) -> list[str]:
        """The brief's words of three letters or more starting with `initial`, sorted."""
        pool = self._by_initial.get(initial)
        if pool is None:
            pool = self._by_initial[initial] = sorted(
                w for w in self.known_words if w[0] == initial and len(w) >= 3 and not w.isdigit())
        return pool

    def _correct_uncached(self, word: str) -> str:
        """Fix a typo against the brief's vocabulary; leave words that are merely unknown alone."""
        if len(word) < 4 or word in self.known_words or word in STOPWORDS or word in self.table.unread:
            return word
        if is_common_word(word) or not word.isalpha():
            return word  # a real word the brief doesn't use ("tanks", "weather"), or a number: not a typo
        if word[-1] == "s" and word[:-1] in self.known_words:
            return word[:-1]  # "russias": a possessive typed without its apostrophe, not a slip of "russians"
        name = self._names.get(spelling_key(word))
        if name is not None:  # "Jermak" is how German news writes "Yermak"
            return name
        # Typos rarely hit the first letter; requiring it keeps "weather" from becoming "either".
        pool = self._pool(word[0])
        max_edits = 1 if len(word) <= 4 else 2
        # Swapped neighbours ("medinksy", "tlaks") cost two plain edits but are one slip of the fingers: a word
        # one swap away is nearer than one two plain edits away ("tlaks" is "talks", not "take").
        found = _nearest(word, pool, Levenshtein.distance, 1)
        if found is None:
            found = _nearest(word, pool, OSA.distance, 1)
        if found is None and max_edits > 1:
            found = _nearest(word, pool, Levenshtein.distance, max_edits)
        if found is None:
            # "basicaly", "honestlly": a slip of a word that asks nothing is nearer to it than to any of the brief's
            # words; read as that word, it is not an unknown word the question weighs.
            slip = process.extractOne(word, _everyday(word[0], True), scorer=OSA.distance, score_cutoff=1) \
                if len(word) >= 5 else None
            return word if slip is None else slip[0]
        # A slip of an everyday word is not one of the brief's: "hallo" is "hello" before it is "half", "waht" is
        # "what" before it is "wait". An everyday word nearer than the brief's wins; a question word as near too.
        edits = OSA.distance(word, found[0])
        rival = process.extractOne(word, _everyday(word[0], True), scorer=OSA.distance, score_cutoff=edits)
        if rival is not None and rival[1] == edits and rival[0] not in _ASKING:
            rival = None  # "wifes" is not "wise" because they are as near as "wives"
        if rival is None and edits > 1:
            rival = process.extractOne(word, _everyday(word[0], False), scorer=OSA.distance, score_cutoff=edits - 1)
        return found[0] if rival is None else rival[0]

    def terms(self, text: str, correct: bool = True) -> tuple[str, ...]:
        """Content terms and question words of `text`, in order; `correct=False` for the brief's own texts."""
        if not correct:
            return self.table.terms(text)
        cached = self._cache.get(text)
        if cached is None:
            cached = self._cache.put(text, self.table.join([self._correct(w) for w in self._spoken(words(text))]))
        return cached

    def _spoken(self, said: tuple[str, ...]) -> list[str]:
        """`said` with two words that are one of the brief's written apart ("road map", "air bases", "side lines")
        or its abbreviation spelled out ("g m t") as that word, and words written as what they sound like
        (`_homophones`)."""
        out: list[str] = []
        i = 0
        while i < len(said):
            letters = 0  # "g m t", "n a t o": an abbreviation dictated letter by letter
            while i + letters < len(said) and len(said[i + letters]) == 1 and said[i + letters].isalpha():
                letters += 1
            spelled = "".join(said[i:i + letters])
            if letters >= 3 and (spelled in self.known_words or (spelled,) in self.table.phrases):
                out.append(spelled)
                i += letters
                continue
            joined = said[i] + said[i + 1] if i + 1 < len(said) else ""
            # Not with a function word ("lay out", "can not"), nor words the brief reads together ("sit down")
            if len(joined) >= 6 and joined in self.known_words and joined.isalpha() \
                    and said[i] not in STOPWORDS and said[i + 1] not in STOPWORDS \
                    and said[i:i + 2] not in self.table.phrases:
                out.append(joined)
                i += 2
            else:
                out.append(said[i])
                i += 1
        return _homophones(tuple(out))

    def corrected(self, word: str) -> str:
        """A word of a question with its typo fixed against the brief's vocabulary, as `terms` reads it."""
        return self._correct(word)

    def runs(self, said: Sequence[str]) -> Callable[[int, int], tuple[str, ...]]:
        """`terms` of any run of a question's normalised words, said[start:end]: each word is read once (typos
        corrected) when a run first takes it in, and a run is joined into terms as a whole text would be. Nothing is
        remembered past the question: the runs one question is read in (bot/core/agents.py, the matcher's claim
        checks) are many and rarely asked again, and in the memo they would push whole questions out of it."""
        read: list[tuple[str, ...] | None] = [None] * len(said)

        def word(at: int) -> tuple[str, ...]:
            found = read[at]
            if found is None:
                found = read[at] = tuple(self._correct(w) for w in read_words(said[at]))
            return found

        def terms(start: int, end: int) -> tuple[str, ...]:
            return self.table.join([w for at in range(start, min(end, len(said))) for w in word(at)])
        return terms

    def heard(self, text: str) -> str | None:
        """`text` with runs of words that sound like one of the brief's names read as that name (`_heard`); None
        when it has none."""
        said = words(text)
        if not self._sounds or len(said) > MAX_HEARD_WORDS:
            return None  # speech typed by a phone is a short question; a long message is not read twice
        found = self._heard(said)
        return " ".join(found) if found != said else None

    def _heard(self, said: tuple[str, ...]) -> tuple[str, ...]:
        """Two or three words in a row that sound like one of the brief's names, as speech-to-text splits a name it
        does not know into words it does ("fee dan", "car keev", "med in ski"), read as that name. Never words the
        brief uses ("medinsky age?" is not one name), nor a run whose letters are far more or fewer than the name's,
        nor three words of four sounds or less ("so bear with" is not "Siberia")."""
        known, sounds = self.known_words, self._sounds
        shortest, longest = self._sound_span
        # 0: a word naming something of the brief's or a number (never part of a run); 1: a function word; 2: another
        # word, the brief's everyday words too: speech-to-text hears a name as words it knows ("year mac", "chair gone")
        phrases = self.table.phrases
        kinds = [1 if w in STOPWORDS else 0 if (w,) in phrases or not w.isalpha() else 2 for w in said]
        out: list[str] = []
        i, count = 0, len(said)
        while i < count:
            for width in (3, 2):
                if i + width > count:
                    continue
                found = kinds[i:i + width]
                if 0 in found or 2 not in found:
                    continue
                joined = "".join(said[i:i + width])
                if not shortest <= len(joined) <= longest or _opening(joined) not in self._openings:
                    continue
                code = sound(joined)
                name = sounds.get(code) if len(code) > width else None
                if name is not None and len(name) - 1 <= len(joined) <= len(name) + 2 \
                        and _opening(joined) == _opening(name):
                    out.append(name)
                    i += width
                    break
            else:
                out.append(said[i])
                i += 1
        return self._first_names_heard(tuple(out))

    def _first_names_heard(self, said: tuple[str, ...]) -> tuple[str, ...]:
        """One or two words right before a person's surname (as typed, corrected or heard) that sound like their
        first name, read as it."""
        if not self._first_names:
            return said
        out = list(said)
        for k in range(len(out) - 1, 0, -1):
            named = self.table.word(self._correct(out[k]))  # "kellog" names Kellogg
            if len(named) != 1:
                continue
            for width in (2, 1):
                if k - width < 0:
                    continue
                run = out[k - width:k]
                joined = "".join(run)
                if not joined.isalpha():
                    continue
                first = self._first_names.get((sound(joined), named[0]))
                if first is not None and run != [first] and abs(len(joined) - len(first)) <= 2 \
                        and _opening(joined) == _opening(first):
                    out[k - width:k] = [first]
                    break
        return tuple(out)
