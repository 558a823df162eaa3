"""The use cases every adapter calls: answer a question, browse topics, build a digest, reload the brief."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from bot.core.brief import Figure, Section, Source, restates
from bot.core.conversation import Conversations
from bot.core.analyzer import canon
from bot.core.index import UnitKind
from bot.core.matcher import FILLED_IN, LEAD_FACTS, PERSONAL, RULED_OUT, FollowUpContext, Match, checks_a_claim
from bot.core.digest import MAX_TOPIC_BUTTONS, Snapshot, cap_changes, figure_sentence, first_sentences, fit
from bot.core.models import (
    Answer,
    AnswerFact,
    Digest,
    FigureLine,
    Quote,
    ReloadResult,
    SourceRef,
    Topic,
    TopicChanges,
)
from bot.core.ports import NullObserver, Observer
from bot.core.store import BriefStore, Loaded
from bot.core.text import QUESTION_WORDS, mostly_other_script, normalize, strip_markup

if TYPE_CHECKING:  # the curation log's types only: `python -m bot ask` never loads it
    from bot.core.curation import Curator, Origin

UNKNOWN_TITLE = "I don't have that in this brief"
DEFAULT_RECAP_CHARS = 1200  # one phone screen
KEY_ITEMS = 3  # outcomes and figures in a recap
TENTATIVE = 0.3  # a question turned down at this confidence or more still gives the next turn its subject

# A fact's short answer that only replies to a yes/no question ("Yes, Ukraine took part."), not a statement.
_REPLY = re.compile(r"(?i)(yes|no)\b[,.]")


# "exact wording?": at most this many quotes, the leading fact's first (more is a wall of text)
MAX_QUOTES = 6


@dataclass
class Stats:
    questions: int = 0
    unmatched: int = 0
    sections: Counter[str] = field(default_factory=Counter)
    reloads: int = 0
    failed_reloads: int = 0


class BriefService:
    def __init__(self, store: BriefStore, conversations: Conversations, threshold: float = 0.5,
                 suggestions: int = 3, admins: dict[str, frozenset[int]] | None = None,
                 observer: Observer | None = None) -> None:
        self.store = store
        self.conversations = conversations
        self.threshold = threshold
        self.suggestions = suggestions
        self.admins = admins or {}
        self.stats = Stats()
        self._fact_corpus: dict[str, str] = {}
        # Each fact as an answer shows it, made once per loaded brief and dropped when a reload swaps it, and the
        # keys of a topic of so many facts and figures: read on every answer.
        self._made_for: Loaded | None = None
        self._facts: dict[tuple[str, str], AnswerFact] = {}
        # The facts each topic's summary already says (rapidfuzz over every fact of it: about 0.25 ms a topic),
        # by section id: worked out once per loaded brief, like the facts.
        self._summarised: dict[str, tuple[str, ...]] = {}
        self._section_keys: dict[tuple[int, int], tuple[list[str], frozenset[str]]] = {}  # by (facts, figures)
        self.observer: Observer = observer or NullObserver()
        self.curator: Curator | None = None  # set when the curation log is on; then answers can be rated

    # ------------------------------------------------------------ questions

    def ask(self, conversation: str, question: str, origin: Origin | None = None) -> Answer:
        """Answer `question` in `conversation`, using that conversation's previous turn for follow-ups.
        Adapters key conversations "<platform>:<chat>", so the part before the first colon names the platform.
        With an `origin` (a chat platform), the answer can be rated and a shaky one goes to the curation log."""
        started = time.perf_counter()
        current = self.store.current
        answer, match = self._ask(current, conversation, question)
        if self.curator is not None and origin is not None:
            answer = self.curator.observe(answer, match, origin, current.revision, self.threshold)
        self.observer.question(conversation.partition(":")[0], "answered" if answer.matched else "unmatched",
                               time.perf_counter() - started)
        return answer

    def _ask(self, current: Loaded, conversation: str, question: str) -> tuple[Answer, Match]:
        context = self.conversations.get(conversation)
        match = current.matcher.match(question, context)
        self.stats.questions += 1
        if match.best is None or match.confidence < self.threshold:
            self.stats.unmatched += 1
            if match.best is not None and match.confidence >= TENTATIVE and not match.features.get(RULED_OUT) \
                    and not match.features.get("context"):
                # "what about security guarantees?" turned down only for want of certainty: "russia's take on
                # those?" next points at it, not at the turn answered before it.
                self.conversations.put(conversation, FollowUpContext(
                    match.best.id, match.terms, match.entities,
                    context.shown if context is not None and context.section_id == match.best.id else (),
                    question=match.question, answered=False,
                    before=context.last_answered() if context is not None else None))
            elif context is None and (person := self._only_person(current, match)) is not None:
                # "why did zelensky wait to say …?" turned down as a first question: "who did he send?" next is still
                # about Zelensky. (Later, a person named only in a turned-down question is not who "he" is next: "how
                # old is biden?" between two questions about Trump.)
                home = current.matcher.sections[current.matcher.index.homes[person]].id
                self.conversations.put(conversation, FollowUpContext(
                    home, (person,), frozenset({person}), question=match.question, answered=False))
            # Echoed back to the reader, so without the markup they typed (never render a user's tags).
            return self._unknown(strip_markup(question), match), match
        answer, follow_up = self.answer_for(question, match, context)
        self.stats.sections[match.best.id] += 1
        self.conversations.put(conversation, follow_up)
        return answer, match

    @staticmethod
    def _only_person(current: Loaded, match: Match) -> str | None:
        """The one person the question named; None when it named none or several."""
        people = match.entities & current.matcher.people
        return next(iter(people)) if len(people) == 1 else None

    def rateable(self, answer: Answer, origin: Origin | None) -> Answer:
        """A topic view (a button, /topic) with an id for its 👍/👎 buttons, when the curation log is on."""
        if self.curator is None or origin is None:
            return answer
        return self.curator.observe(answer, None, origin, self.store.current.revision, self.threshold)

    def answer_for(self, question: str, match: Match, context: FollowUpContext | None
                   ) -> tuple[Answer, FollowUpContext]:
        """The answer `match` gives if accepted, and the conversation's next context. No side effects."""
        section = match.best
        assert section is not None
        if match.again and context is not None:
            context = context.last_answered()  # "source?" after a turn turned down: of the last answer
        if match.more and context is not None:  # "tell me more": what this conversation hasn't seen yet
            facts, shown = self._next_facts(section, context.shown, 3, repeats=False)
            notes = () if facts else (f"That's everything the brief has on {section.title}. Related topics below.",)
            last = tuple(shown[len(context.shown):len(context.shown) + len(facts)])  # not the figures skipped
            follow_up = FollowUpContext(section.id, context.terms, context.entities, shown, last,
                                        question=context.question)
            return self._answer(question, section, 1.0, facts, shown, self._related(section, None),
                                notes=notes), follow_up
        if match.again and context is not None:  # "who said that?": the same facts; each names who says it
            # "says who, the 1.2m": the facts giving that number, when the match found them; else those just shown
            asked = tuple(unit.key for unit in match.lead) or context.last
            keys = self.store.current.matcher.sourced(section.id, asked)
            facts = tuple(self._plain_fact(section, key) for key in keys if self._has(section, key))
            # "his title?" next asks of whoever the answer names as saying it (Yermak), as after "who said it?" answered
            said_by = self.store.current.matcher.speakers(section.id, keys[0]) if keys else frozenset()
            follow_up = replace(context, entities=context.entities | said_by) if said_by else context
            if match.wording and facts:
                return self._answer(question, section, 1.0, facts, context.shown, self._related(section, None),
                                    notes=self._wording(facts)), follow_up
            return self._answer(question, section, 1.0, facts, context.shown, self._related(section, None),
                                notes=(reported,) if (reported := self._reported_by(facts)) else () if facts else (
                                    "Tap a topic below for its sourced facts.",)), follow_up
        index = self.store.current.matcher.index
        lead = None
        if not match.lead or match.lead[0].kind is UnitKind.topic:
            # The question asks for the topic, not one fact in it: its summary and first facts answer it.
            lead = section.answer
            # The facts its summary already says count as shown: the ones after it add to it, not repeat it.
            facts, shown = self._next_facts(section, self._restated_by_summary(section), 2, repeats=False)
            last = self._backing(match.lead[0].section, lead) if match.lead and lead else shown
        else:
            # A fact's "Yes, …" or "No, …" replies to a yes/no question; any other question gets the fact itself
            # ("who is his boss?" must not open with "Yes, he has negotiated with Ukraine before.").
            replying = checks_a_claim(match.question)
            facts = tuple(self._keyed_fact(section, unit.key) if replying else self._plain_fact(section, unit.key)
                          for unit in match.lead)
            shown = last = tuple(unit.key for unit in match.lead)
        # What a pronoun in the next turn points at: who was asked about, else who the answer led with; and the
        # person a "who" question was answered with ("who heads Ukraine's side?" -> "what's his job?").
        # Not whoever a figure is claimed by ("Russian bombers destroyed: at least 40 (according to NDTV)") or an
        # organisation reports a fact by: the outlet is the answer's source, not what the conversation is about
        # ("where were they?" next asks where the bombers were).
        matcher = self.store.current.matcher
        led = [u.entities - index.countries - matcher.claimed_by(u) for u in match.lead]
        entities = match.entities or next((e for e in led if e), frozenset())
        people = self.store.current.matcher.people
        # "and ukraine's?" after "who led russia's team?" asks "who" too: the person its answer names.
        asked_who = "who" in match.terms or (context is not None and "who" in context.terms
                                             and bool(match.features.get("context")))
        if asked_who and not entities & people:
            entities |= next((e & people for e in led if e & people), frozenset())
        if context is not None and len(before := context.entities & people) == 1 and not before <= entities \
                and not PERSONAL.isdisjoint(normalize(question).split()) and led and before <= led[0]:
            # "what's he called putin?" after Trump, answered with what Trump called him: "he" is still Trump
            entities |= before
        if context is not None and context.section_id == section.id:
            # Still on the topic: "tell me more" continues past everything this conversation has seen of it, not
            # only past the last answer (which would show the first turn's facts again), and says how many are left.
            shown = tuple(dict.fromkeys([*context.shown, *shown]))
        answer = self._answer(question, section, match.confidence, facts, shown, self._related(section, match), lead)
        # A follow-up read with the previous turn ("on what exact date?") keeps the question it was read with.
        asked = context.question if context is not None and match.features.get("context") and context.question \
            else match.question
        follow_up = FollowUpContext(section.id, self._thread(match, context, section), entities, shown, last,
                                    summary=lead is not None, question=asked)
        return answer, follow_up

    @staticmethod
    def _thread(match: Match, context: FollowUpContext | None, section: Section) -> tuple[str, ...]:
        """What the next turn reads as the question just asked. A question of one word of its own that the
        conversation filled in ("out of how many?" after the drones Ukraine shot down, read on that topic for what it leaves out)
        qualified the conversation's question for one answer: that question goes on, so "and russia?" next asks
        how many Russia shot down, not how many there were in all (the short question's own words would pull it to
        the total again)."""
        if context is None or context.section_id != section.id or not match.features.get(FILLED_IN) \
                or len([t for t in match.terms if t not in QUESTION_WORDS]) > 1:
            return match.terms  # a question of its own: two words of its own ask something new ("how many fled?")
        return context.terms

    def _backing(self, section: int, summary: str) -> tuple[str, ...]:
        """The facts a topic's summary is drawn from (those sharing most of its terms): what "who said that?"
        shows after an answer that led with the summary."""
        index = self.store.current.matcher.index
        said = set(self.store.current.matcher.terms(summary))
        scored = sorted((-len(said & unit.terms), u) for u in index.section_units[section]
                        if (unit := index.units[u]).kind in (UnitKind.fact, UnitKind.figure))
        return tuple(index.units[u].key for overlap, u in scored[:LEAD_FACTS] if overlap < -1)

    def topic(self, section_id: str, conversation: str | None = None, count: bool = True) -> Answer | None:
        """The whole topic, for a tapped button or /topic; None when the section no longer exists (stale button).
        `count=False` for previews (inline results, listings) so they don't inflate the usage stats."""
        section = self.store.current.matcher.section(section_id)
        if section is None:
            return None
        facts, shown = self._next_facts(section, (), len(section.facts) + len(section.figures))
        if conversation is not None:
            terms = self.store.current.matcher.terms(section.title)
            entities = frozenset(canon(e.replace("-", " ")) for e in section.entities)
            self.conversations.put(conversation, FollowUpContext(section.id, terms, entities, shown,
                                                                 question=section.title))
        if count:
            self.stats.sections[section.id] += 1
        return self._answer(section.title, section, 1.0, facts, shown, self._related(section, None),
                            section.answer, whole_topic=True)

    def topics(self) -> list[Topic]:
        return [Topic(s.id, s.title) for s in self.store.brief.sections]

    def suggest(self, partial: str, limit: int = 5) -> list[Topic]:
        return [Topic(s.id, s.title) for s in self.store.current.matcher.suggest(partial, limit)]

    def sources(self) -> list[SourceRef]:
        return [SourceRef(seed, label) for seed, label in self.store.seed_labels.items()]

    # ------------------------------------------------------------ digests

    def digest(self, day: dt.date, changes: tuple[TopicChanges, ...] | None = None,
               updated: dt.date | None = None, recap_chars: int = DEFAULT_RECAP_CHARS) -> Digest:
        """The digest for local date `day`. `changes` since the subscriber's last digest: None for a first
        digest (the recap), () when nothing changed. `updated`: when the brief's facts last changed, as the
        database recorded it; without one, the brief file's modification date."""
        brief = self.store.brief
        kept, more = cap_changes(changes or ())
        digest = Digest(
            brief_id=brief.meta.id,
            revision=self.store.current.revision,
            date=day,
            title=brief.meta.title,
            event_date=brief.meta.when(),
            updated=updated or self.store.current.modified,
            summary=first_sentences(brief.meta.summary, 2),
            outcomes=self._key_outcomes(),
            figures=tuple(AnswerFact(self._figure_sentence(g), _quotes(g.sources)) for g in self._key_figures()),
            changes=kept,
            more_changes=more,
            first=changes is None,
            topics=self._digest_topics(kept),
        )
        return fit(replace(digest, sources=self._digest_sources(digest)), recap_chars, self._digest_sources)

    def snapshot(self) -> Snapshot:
        """The facts and figures of every topic as a reader sees them: what a later digest's changes compare."""
        return {
            s.id: {
                "title": s.title,
                "facts": [{"text": f.text, "seeds": [q.seed for q in f.sources]} for f in s.facts],
                "figures": [{"label": g.label, "text": self._figure_sentence(g), "amount": f"{g.value} {g.unit}".strip(),
                             "by": self._figure(g).attribution(), "seeds": [q.seed for q in g.sources]}
                            for g in s.figures],
            }
            for s in self.store.brief.sections
        }

    def _key_outcomes(self) -> tuple[AnswerFact, ...]:
        """The facts the brief marks `key`; without marks, the first outcome topic's first three."""
        brief = self.store.brief
        marked = [f for s in brief.sections for f in s.facts if f.key]
        if not marked:
            marked = [f for s in brief.sections if s.kind.value == "outcome" for f in s.facts[:3]][:3]
        return tuple(AnswerFact(f.text, _quotes(f.sources)) for f in marked[:KEY_ITEMS])

    def _key_figures(self) -> list[Figure]:
        return [g for s in self.store.brief.sections for g in s.figures if g.key][:KEY_ITEMS]

    def _figure_sentence(self, figure: Figure) -> str:
        corpus = self._fact_corpus.get(self.store.current.revision)
        if corpus is None:
            corpus = " ".join(f.text for s in self.store.brief.sections for f in s.facts)
            self._fact_corpus = {self.store.current.revision: corpus}
        return figure_sentence(self._figure(figure), corpus)

    def _digest_topics(self, changes: tuple[TopicChanges, ...]) -> tuple[Topic, ...]:
        """Buttons under the digest: the topics that changed first, then the rest of the brief."""
        ids = [g.topic.id for g in changes] + [s.id for s in self.store.brief.sections]
        brief = self.store.brief
        return tuple(Topic(i, s.title) for i in dict.fromkeys(ids) if (s := brief.section(i)))[:MAX_TOPIC_BUTTONS]

    def _digest_sources(self, digest: Digest) -> tuple[SourceRef, ...]:
        facts = digest.outcomes + digest.figures if digest.first else digest.outcomes[:2] + digest.figures[:1]
        seeds = {q.seed for f in facts for q in f.sources}
        seeds |= {seed for g in digest.changes for c in g.changes for seed in c.seeds}
        return self._source_refs(seeds)

    # ------------------------------------------------------------ admin

    def is_admin(self, platform: str, user_id: int) -> bool:
        return user_id in self.admins.get(platform, frozenset())

    def reload(self) -> ReloadResult:
        """Re-read the brief from disk; a broken file leaves the current brief serving."""
        result = self.store.reload()
        if result.ok:
            self.stats.reloads += 1
        else:
            self.stats.failed_reloads += 1
        self.observer.reload(result.ok)
        return result

    def stats_lines(self) -> list[str]:
        top = ", ".join(f"{sid} ({n})" for sid, n in self.stats.sections.most_common(5)) or "none yet"
        answered = self.stats.questions - self.stats.unmatched
        return [
            f"Brief: {self.store.brief.meta.title} (revision {self.store.current.revision})",
            f"Questions: {self.stats.questions} ({answered} answered, {self.stats.unmatched} not in the brief)",
            f"Top topics: {top}",
            f"Active conversations: {len(self.conversations)}",
            f"Reloads: {self.stats.reloads} ok, {self.stats.failed_reloads} failed",
        ]

    # ------------------------------------------------------------ building answers

    def _keys(self, section: Section) -> list[str]:
        """Every fact ("f3") and figure ("g1") of a section, in the brief's order (not to be changed)."""
        return self._keys_and_set(section)[0]

    def _keys_and_set(self, section: Section) -> tuple[list[str], frozenset[str]]:
        sizes = (len(section.facts), len(section.figures))
        found = self._section_keys.get(sizes)
        if found is None:
            keys = [f"f{j}" for j in range(sizes[0])] + [f"g{j}" for j in range(sizes[1])]
            found = self._section_keys[sizes] = (keys, frozenset(keys))
        return found

    def _next_facts(self, section: Section, shown: tuple[str, ...], count: int, repeats: bool = True
                    ) -> tuple[tuple[AnswerFact, ...], tuple[str, ...]]:
        """Up to `count` facts and figures of `section` not in `shown`, in the brief's order; the new shown keys.
        With `repeats` False, a figure citing only quotes a shown fact cites counts as shown ("tell me more" after
        "Ukraine said it damaged some 40 bombers" does not go on with "bombers damaged: some 40")."""
        if repeats:
            fresh = [k for k in self._keys(section) if k not in shown][:count]  # the list kept: not changed here
            return tuple(self._plain_fact(section, key) for key in fresh), tuple(shown) + tuple(fresh)
        said = {source.quote for key in shown if key[0] == "f" and self._has(section, key)
                for source in section.facts[int(key[1:])].sources}
        fresh, restating = [], []
        for key in self._keys(section):
            if key in shown:
                continue
            item = section.facts[int(key[1:])] if key[0] == "f" else section.figures[int(key[1:])]
            if key[0] == "g" and {source.quote for source in item.sources} <= said:
                restating.append(key)
            elif len(fresh) < count:
                fresh.append(key)
                said.update(source.quote for source in item.sources)
        return tuple(self._plain_fact(section, key) for key in fresh), tuple(shown) + tuple(fresh + restating)

    def _has(self, section: Section, key: str) -> bool:
        """Whether a remembered key still exists: the brief may have been reloaded since."""
        kind, number = key[0], int(key[1:])
        sizes = {"f": len(section.facts), "g": len(section.figures), "e": len(self.store.brief.entities)}
        return number < sizes.get(kind, 0)

    def _keyed_fact(self, section: Section, key: str) -> AnswerFact:
        """A fact ("f3"), figure ("g1") or entity card ("e7"), as an answer shows it: made once per loaded brief."""
        current = self._current()
        if current.matcher.section(section.id) is not section:  # a match made before that reload
            return self._make_fact(section, key)
        made = self._facts.get((section.id, key))
        if made is None:
            made = self._facts[(section.id, key)] = self._make_fact(section, key)
        return made

    def _plain_fact(self, section: Section, key: str) -> AnswerFact:
        """The fact without a short answer that only replies to a yes/no question."""
        made = self._keyed_fact(section, key)
        if key[0] != "f" or not _REPLY.match(section.facts[int(key[1:])].answer or ""):
            return made
        return replace(made, text=section.facts[int(key[1:])].text)

    def _current(self) -> Loaded:
        """The loaded brief; what was made from the one before it goes when a reload swapped it."""
        current = self.store.current
        if self._made_for is not current:
            self._made_for, self._facts, self._summarised = current, {}, {}
        return current

    def _restated_by_summary(self, section: Section) -> tuple[str, ...]:
        """`_restated` of the section's own summary, once per loaded brief."""
        if self._current().matcher.section(section.id) is not section:  # a match made before a reload
            return _restated(section, section.answer)
        found = self._summarised.get(section.id)
        if found is None:
            found = self._summarised[section.id] = _restated(section, section.answer)
        return found

    def _make_fact(self, section: Section, key: str) -> AnswerFact:
        kind, number = key[0], int(key[1:])
        if kind == "e":
            entity = self.store.brief.entities[number]
            return AnswerFact(f"{entity.name}: {entity.role}", _quotes(entity.sources))
        if kind == "g":
            figure = section.figures[number]
            line = self._figure(figure)
            unit = f" {line.unit}" if line.unit else ""
            return AnswerFact(f"{line.label}: {line.value}{unit}", _quotes(figure.sources), line.attribution())
        fact = section.facts[number]
        return AnswerFact(f"{fact.answer} {fact.text}" if fact.answer else fact.text, _quotes(fact.sources))

    def _answer(self, question: str, section: Section, confidence: float, facts: tuple[AnswerFact, ...],
                shown: tuple[str, ...], related: tuple[Topic, ...], lead: str | None = None,
                notes: tuple[str, ...] = (), whole_topic: bool = False) -> Answer:
        seeds = {quote.seed for fact in facts for quote in fact.sources}
        return Answer(
            question=question,
            matched=True,
            section_id=section.id,
            confidence=round(confidence, 3),
            title=section.title,
            facts=facts,
            lead=lead,
            notes=notes,
            more=len(self._keys_and_set(section)[1].difference(shown)),
            whole_topic=whole_topic,
            sources=self._source_refs(seeds),
            related=related,
        )

    def _unknown(self, question: str, match: Match) -> Answer:
        title = self.store.brief.meta.title
        suggestions = [c.section for c in match.candidates if c.rank >= 0.15][: self.suggestions]
        if not suggestions:
            suggestions = list(self.store.brief.sections[: self.suggestions])
        return Answer(
            question=question,
            matched=False,
            section_id=None,
            confidence=round(match.confidence, 3),
            title=UNKNOWN_TITLE,
            notes=(f"I only answer from the sourced brief on {title}, and it doesn't cover that. "
                   + ("I read questions in English (and names written in Cyrillic). Try one of these topics, or ask "
                      "in English." if mostly_other_script(question) else
                      "Try one of these topics, or rephrase your question."),),
            related=tuple(Topic(s.id, s.title) for s in suggestions),
        )

    def _related(self, section: Section, match: Match | None) -> tuple[Topic, ...]:
        matcher = self.store.current.matcher
        ids = list(section.related)
        if match is not None:
            ids += [c.section.id for c in match.candidates[1:4]]
        unique = [i for i in dict.fromkeys(ids) if i != section.id]
        return tuple(Topic(i, s.title) for i in unique[:3] if (s := matcher.section(i)) is not None)

    def _reported_by(self, facts: tuple[AnswerFact, ...]) -> str | None:
        """ "source?": which articles report the facts, by outlet where the article names one ("Reported by NDTV
        and Progleton News, and in articles [003] and [004], which name no outlet."); none when a fact names who
        claims it."""
        seeds = sorted({quote.seed for fact in facts for quote in fact.sources})
        if not seeds or any(fact.claimed_by for fact in facts):
            return None  # "(according to Ukraine)": the fact names who claims it
        outlets = list(dict.fromkeys(outlet for seed in seeds if (outlet := self.store.outlets.get(seed))))
        unnamed = [f"[{seed[:3]}]" for seed in seeds if not self.store.outlets.get(seed)]
        said = [_listed(outlets)] if outlets else []
        if unnamed:
            said.append(f"in article {unnamed[0]}, which names no outlet" if len(unnamed) == 1 else
                        f"in articles {_listed(unnamed)}, which name no outlet")
        return "Reported by " + ", and ".join(said) + "." if outlets else "Reported " + said[0] + "."

    def _wording(self, facts: tuple[AnswerFact, ...]) -> tuple[str, ...]:
        """ "exact wording?": each quote the facts cite, word for word as its article has it, with the article."""
        quotes = list(dict.fromkeys((quote.quote, quote.seed) for fact in facts for quote in fact.sources))
        return tuple(f"In the words of {self._article(seed)}: “{quote}”" for quote, seed in quotes[:MAX_QUOTES])

    def _article(self, seed: str) -> str:
        outlet = self.store.outlets.get(seed)
        return f"{outlet} (article [{seed[:3]}])" if outlet else f"article [{seed[:3]}]"

    def _source_refs(self, seeds: set[str]) -> tuple[SourceRef, ...]:
        labels = self.store.seed_labels
        return tuple(SourceRef(seed, labels.get(seed, seed)) for seed in sorted(seeds))

    def _figure(self, figure: Figure) -> FigureLine:
        claimed_by = figure.claimed_by
        if claimed_by.startswith("reported"):
            # No party claims it: the article states it, so name the article.
            seed = figure.sources[0].seed
            outlet = self.store.outlets.get(seed)
            claimed_by = f"reported by {outlet}" if outlet else f"reported in article [{seed[:3]}]"
        return FigureLine(figure.label, figure.value, figure.unit, claimed_by)


def _listed(names: list[str]) -> str:
    """ "NDTV", "NDTV and Reuters", "NDTV, Reuters and AFP"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _quotes(sources: tuple[Source, ...]) -> tuple[Quote, ...]:
    return tuple(Quote(source.seed, source.quote) for source in sources)


def _restated(section: Section, summary: str | None) -> tuple[str, ...]:
    """The keys of the facts of `section` that its summary `summary` already says."""
    if not summary:
        return ()
    return tuple(f"f{j}" for j, fact in enumerate(section.facts) if restates(summary, fact.text)) + tuple(
        f"g{j}" for j, figure in enumerate(section.figures) if restates(summary, figure.line()))
