"""Questions about how the people the brief names stand to each other: a negotiator's counterpart ("who did Umerov
negotiate with?", "who sat across from Medinsky?"), whom someone works for ("who's Yermak's boss?", "who sent
Medinsky?"), who went in a leader's place ("who went instead of Putin?"). The brief says these things in its people's
roles ("Kremlin aide who led Russia's delegation", "Ukraine's President"), not in words a question uses, so such a
question is asked again as the plain question the brief answers ("who led Ukraine's delegation?", "who is Yermak?")."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from bot.core.brief import Brief, EntityKind
from bot.core.analyzer import canon
from bot.core.text import normalize

# "who led Russia's delegation", "headed Kyiv's delegation": a person's role naming the side they negotiated for
_HEADED = re.compile(r"\b(?:led|headed|leads|heads)\s+([\w'’]+?)(?:['’]s)?\s+"
                     r"(?:delegation|negotiating team|team)\b")
_PRESIDENT = re.compile(r"^([\w'’]+?)(?:['’]s)?\s+President\b")
_PERSONAL = frozenset({"he", "him", "his", "she", "her"})
_PARTY = frozenset({"they", "them", "their"})
# "who does he want to meet directly?": whom he would meet, not whom he negotiated with
_NOT_WHO = frozenset({"want", "wants", "wanted", "hope", "hopes", "plan", "plans", "going", "trying", "like", "to"})
_WHO_HE = re.compile(r"^((?:\w+\s+){0,2}?who)\s+(he|she|they)\b")
# "who did ukraine talk to about security guarantees?": whom about a matter, not the other side's head
_ABOUT = frozenset({"about", "regarding", "over", "concerning"})
_FOR_SIDE = re.compile(r"\b(?:for|on)\s+(?:the\s+)?(\w+)(?:\s+side)?$")
_OPEN = r"^(?:(?:and|so|ok|okay|but|wait|then)\s+)*"
_THE_OTHER = (r"(?:negotiat(?:e|es|ed|ing)|talk(?:s|ed|ing)?|deal(?:s|t|ing)?|meet(?:s|ing)?|met|sit(?:s|ting)?|sat|"
              r"speak(?:s|ing)?|spoke|fac(?:e|es|ed|ing)|go(?:ing)?\s+up|up|across|opposite)")
# "who did umerov negotiate with", "who was he up against", "who were they facing"
_X_FACED = re.compile(_OPEN + r"who(?:m)?\s+(?:did|does|do|was|is|were|will|would|had)\s+(?P<x>(?:\w+\s+){0,2}?\w+)\s+"
                      + _THE_OTHER + r"(?:\s+(?:with|against|across\s+from|opposite|down\s+with|to|"
                      r"the\s+table\s+from))?(?P<rest>(?:\s+\w+){0,4})$")
# "who sat across from medinsky", "who faced the ukrainians across the room", "who negotiated with umerov"
_FACED_X = re.compile(_OPEN + r"who\s+(?:was\s+|were\s+)?(?:sat|sitting|seated|faced|facing|negotiated|negotiating"
                      r"|talked|met|dealt|opposed|across)"
                      r"(?:\s+(?:across\s+from|opposite|with|against|to|across\s+the\s+table\s+from|the\s+table\s+from|"
                      r"from))?"
                      r"\s+(?!for\b)(?P<x>(?:\w+\s+){0,2}\w+)(?P<rest>(?:\s+\w+){0,4})$")
# "his ukrainian counterpart", "medinsky's opposite number", "who was umerov's counterpart"
_COUNTERPART = re.compile(_OPEN + r"(?:(?:who|what)\s+(?:is|was|s)\s+)?(?:about\s+)?(?P<x>(?:\w+\s+){0,2}?)"
                          r"(?P<named>russian|ukrainian|russia|ukraine)?\s*(?:counterpart|opposite\s+number|opposite)s?"
                          r"(?P<rest>(?:\s+\w+){0,4})$")
# "who does yermak work for", "who's his boss", "who sent medinsky", "whose envoy is kellogg"
_WORKS_FOR = re.compile(_OPEN + r"(?:who(?:m)?\s+(?:does|did|is|do)\s+(?P<x>[\w ]{2,30}?)\s+"
                        r"(?:work\w*|answer\w*|report\w*)\s+(?:for|to)"
                        r"|who\s+(?:is|s|was)\s+(?P<x2>[\w ]{2,30}?)\s+(?:boss|superior|employer)"
                        r"|who\s+(?:sent|appointed|picked|chose|named|dispatched|hired)\s+(?P<x3>[\w ]{2,30}?)"
                        r"|whose\s+(?:aide|envoy|adviser|advisor|man|minister|spokesman|spokesperson)\s+(?:is|was)"
                        r"\s+(?P<x4>[\w ]{2,30}?)|(?P<x5>[\w ]{2,30}?)\s+(?:boss|superior|employer))"
                        r"(?P<rest>(?:\s+\w+){0,3})$")
# "who went to istanbul instead of putin", "who came on behalf of zelensky", "who did putin send"
_IN_PLACE = re.compile(_OPEN + r"who\s+(?:\w+\s+){0,4}?(?:instead\s+of|in\s+place\s+of|on\s+behalf\s+of)\s+(?P<x>\w+)"
                       r"(?P<rest>(?:\s+\w+){0,3})$|" + _OPEN + r"who\s+(?:did|does|will)\s+(?P<x2>\w+)\s+send\b"
                       r"(?:\s+\w+){0,5}$")


class Relations:
    """Who negotiated for which side and who leads which country, as the brief's roles say it."""

    def __init__(self, brief: Brief, terms: Callable[[str], Iterable[str]], countries: frozenset[str]) -> None:
        self._terms, self._countries = terms, countries
        self.heads: dict[str, str] = {}  # a delegation's head -> its side
        self.leaders: dict[str, str] = {}  # a side -> its President
        self._roles: dict[str, frozenset[str]] = {}  # a person -> the terms of their role
        self._names: dict[str, str] = {}
        for entity in brief.entities:
            if entity.kind is not EntityKind.person:
                continue
            person = canon(entity.id.replace("-", " "))
            self._names[person] = entity.name
            self._roles[person] = frozenset(terms(entity.role))
            if (headed := _HEADED.search(entity.role)) and len(side := self._sides_in(headed.group(1))) == 1:
                self.heads[person] = next(iter(side))
            if (president := _PRESIDENT.match(entity.role)) and len(side := self._sides_in(president.group(1))) == 1:
                self.leaders[next(iter(side))] = person
        self._sides = frozenset(self.heads.values())

    def _sides_in(self, text: str) -> set[str]:
        return {t for t in self._terms(text) if t in self._countries}

    def asked(self, text: str, spoken_of: frozenset[str]) -> str | None:
        """The plain question a relation question asks; None for any other. `spoken_of`: the entities the
        conversation was just about, which "he" or "they" point at."""
        if len(self._sides) != 2:
            return None
        # "who's he up against?" reads "who he up against" once normalised
        said = _WHO_HE.sub(r"\1 is \2", normalize(text))
        for pattern in (_X_FACED, _FACED_X, _COUNTERPART):
            if (found := pattern.match(said)) is not None and len(rest := found.group("rest").split()) <= 4 \
                    and _NOT_WHO.isdisjoint(found.group("x").split()) and _ABOUT.isdisjoint(rest):
                # "his ukrainian counterpart", "who sat across from him for kyiv": the side asked is named
                named = found.groupdict().get("named") or (
                    (side_named := _FOR_SIDE.search(said)) is not None and side_named.group(1))
                side = self._sides_in(named) if named else self._side_of(found.group("x"), spoken_of)
                if len(side) == 1:
                    return f"who led {next(iter(side))}'s delegation?"
        if (found := _WORKS_FOR.match(said)) is not None:
            x = next(g for g in (found.group(f"x{n}" if n else "x") for n in ("", 2, 3, 4, 5)) if g)
            person = self._person(x, spoken_of)
            if person is not None:
                return f"who is {self._names[self._card_naming_the_tie(person)]}?"
        if (found := _IN_PLACE.match(said)) is not None:
            person = self._person(found.group("x") or found.group("x2"), spoken_of)
            side = next((s for s, leader in self.leaders.items() if leader == person), None)
            if side is not None:
                return f"who led {side}'s delegation?"
        return None

    def _person(self, text: str, spoken_of: frozenset[str]) -> str | None:
        if not _PERSONAL.isdisjoint(text.split()):
            people = [p for p in spoken_of if p in self._names]
            return people[0] if len(people) == 1 else None
        people = [t for t in self._terms(text) if t in self._names]
        return people[0] if len(people) == 1 else None

    def _side_of(self, text: str, spoken_of: frozenset[str]) -> set[str]:
        """The side facing the one `text` names: a delegation's head, a side, or "he"/"they" for one just spoken of."""
        if not _PERSONAL.union(_PARTY).isdisjoint(text.split()):
            pool: Iterable[str] = spoken_of
        else:
            pool = self._terms(text)
        sides = {self.heads[t] for t in pool if t in self.heads} or {t for t in pool if t in self._sides}
        return set(self._sides - sides) if len(sides) == 1 else set()

    def _card_naming_the_tie(self, person: str) -> str:
        """Whose card says whom `person` works for: their own when it names their side's leader ("an ideological
        Putin aide"), else the leader's when it names them ("he said Defence Minister Rustem Umerov would …")."""
        side = self.heads.get(person)
        leader = self.leaders.get(side) if side else None
        if leader is None or leader in self._roles[person] or person not in self._roles.get(leader, frozenset()):
            return person
        return leader
