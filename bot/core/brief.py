"""The brief: a validated, immutable model of one curated YAML file, checked against its seed articles. The
models here are plain dataclasses; `bot/core/brief_schema.py` holds the pydantic schema a file is validated
against."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field, fields, replace
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from bot.core.gc_pause import collector_paused

if TYPE_CHECKING:
    from bot.core.brief_schema import Memo

# pydantic (bot.core.brief_schema) and PyYAML (bot.core.yaml_lines) are imported where a brief is read from
# YAML, not here: a brief read back from the build cache needs neither.


class _Model:
    """A plain, immutable model of a part of a brief. Its values were validated by its twin in
    `bot/core/brief_schema.py` (pydantic, imported only to load a brief from YAML), so making one does not check
    them again. Offers the few pydantic methods the tests and benches use."""

    @classmethod
    def model_validate(cls: type[_M], data: Any) -> _M:
        """Validate `data` against the schema (raises pydantic's ValidationError) and return the plain model."""
        from bot.core import brief_schema

        validated = getattr(brief_schema, cls.__name__).model_validate(data)
        return brief_schema.plain_model(validated)  # type: ignore[no-any-return]

    def model_copy(self: _M, update: dict[str, Any] | None = None) -> _M:
        """A copy with some fields replaced (not validated, as pydantic's own)."""
        return replace(self, **(update or {}))  # type: ignore[type-var]

    def model_dump(self, mode: str = "python") -> dict[str, Any]:
        """Every field as pydantic dumps it: nested models as dicts; in "json" mode enums as their values, dates
        as ISO text and tuples as lists."""
        return _dump(self, mode == "json")  # type: ignore[no-any-return]


_M = TypeVar("_M", bound=_Model)
_frozen = dataclass(frozen=True, kw_only=True)


def _dump(value: Any, json_mode: bool) -> Any:
    if isinstance(value, _Model):
        return {f.name: _dump(getattr(value, f.name), json_mode) for f in fields(value)}  # type: ignore[arg-type]
    if isinstance(value, tuple):
        items = [_dump(item, json_mode) for item in value]
        return items if json_mode else tuple(items)
    if isinstance(value, dict):
        return {key: _dump(item, json_mode) for key, item in value.items()}
    if json_mode and isinstance(value, Enum):
        return value.value
    if json_mode and isinstance(value, dt.date):
        return value.isoformat()
    return value


@_frozen
class Source(_Model):
    seed: str
    quote: str


@_frozen
class Fact(_Model):
    text: str
    sources: tuple[Source, ...]
    about: tuple[str, ...] = ()  # ids of declared entities this fact is about, beyond those it names
    answer: str | None = None  # a short direct answer where the text is not one ("No, ..."): shown before it
    keywords: tuple[str, ...] = ()  # readers' words for matching this fact; never shown
    key: bool = False  # one of the brief's most important outcomes: the digest's recap leads with it

    def matching_text(self) -> str:
        """What the matcher reads for this fact: its answer, its keywords and its text (keywords are read as
        sentences of their own, so they join no phrase with the text around them)."""
        return " ".join((self.answer or "", *(f"{k}." for k in self.keywords), self.text))


@_frozen
class Figure(_Model):
    label: str
    value: str
    unit: str = ""
    claimed_by: str  # who states this number: an outlet, government or person
    key: bool = False  # one of the brief's most important figures: in the digest's recap
    sources: tuple[Source, ...]
    about: tuple[str, ...] = ()

    def line(self) -> str:
        unit = f" {self.unit}" if self.unit else ""
        return f"{self.label}: {self.value}{unit} (according to {self.claimed_by})"


class EntityKind(str, Enum):
    person = "person"
    organisation = "organisation"
    place = "place"
    operation = "operation"
    country = "country"
    event = "event"


@_frozen
class Entity(_Model):
    """Someone or something the brief names, declared once so it can be asked about directly."""

    id: str
    name: str
    kind: EntityKind
    variants: tuple[str, ...] = ()  # other spellings and names readers use: "Zelenskiy", "the Kremlin"
    role: str  # one sentence: who or what this is, as the articles say
    sources: tuple[Source, ...]
    # ids of declared entities this one is part of: Britain of Europe. A question naming Europe is answered by a fact
    # naming Britain, never the other way round.
    part_of: tuple[str, ...] = ()


class SectionKind(str, Enum):
    delegation = "delegation"
    position = "position"
    outcome = "outcome"
    figure = "figure"
    context = "context"
    logistics = "logistics"


SECTION_ID = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SectionPrints = dict[str, tuple[str, str]]  # section id -> (fingerprint, title)


@_frozen
class Section(_Model):
    id: str
    title: str
    kind: SectionKind
    entities: tuple[str, ...] = ()  # canonical entities this section is about: russia, medinsky, ...
    examples: tuple[str, ...]
    keywords: tuple[str, ...] = ()
    facts: tuple[Fact, ...]
    figures: tuple[Figure, ...] = ()
    related: tuple[str, ...] = ()
    answer: str | None = None  # a short direct answer to the section's question

    def fingerprint(self) -> str:
        """A hash of everything a reader sees, so reloads can tell edited sections from unchanged ones."""
        payload = json.dumps(self.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(payload.encode()).hexdigest()[:16]


# id(section) -> (that section, its fingerprint), for the sections of the brief last printed: the section is kept
# so that its id cannot be reused by another object while it is here.
_printed: dict[int, tuple[Section, str]] = {}


@_frozen
class BriefMeta(_Model):
    id: str
    title: str
    event: str
    date: dt.date
    date_note: str | None = None  # how the date was established when no article states it
    venue: str
    summary: str
    version: str

    def when(self) -> str:
        """The event's date as readers see it, marked when no article states it: "2 June 2025 (inferred)"."""
        day = f"{self.date.day} {self.date:%B %Y}"
        return f"{day} (inferred)" if self.date_note else day


@_frozen
class Brief(_Model):
    brief: BriefMeta
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    entities: tuple[Entity, ...] = ()
    sections: tuple[Section, ...]

    @property
    def meta(self) -> BriefMeta:
        return self.brief

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def fingerprints(self) -> dict[str, str]:
        return {section_id: fingerprint for section_id, (fingerprint, _) in self.section_prints().items()}

    def section_prints(self) -> "SectionPrints":
        """Section id -> (fingerprint, title), in brief order: what a diff between revisions needs."""
        global _printed
        printed = {}
        for section in self.sections:  # a section reused by a reload (see _load_in_parts) is hashed once
            known = _printed.get(id(section))
            printed[id(section)] = known if known is not None and known[0] is section else (
                section, section.fingerprint())
        _printed = printed
        return {section.id: (printed[id(section)][1], section.title) for section in self.sections}

    def revision(self, prints: SectionPrints | None = None) -> str:
        """Identifies this exact content (the curator's `version` may not change on every edit). `prints`: this
        brief's section_prints(), when already worked out (hashing every section is most of the cost)."""
        fingerprints = {i: fp for i, (fp, _) in prints.items()} if prints is not None else self.fingerprints()
        digest = hashlib.sha256(json.dumps(fingerprints, sort_keys=True).encode()).hexdigest()[:12]
        return f"{self.brief.version}+{digest}"


# ---------------------------------------------------------------- seeds


@_frozen
class SeedArticle(_Model):
    id: str
    file: str
    headline: str
    outlet: str | None = None
    date: str | None = None


@_frozen
class SeedIndex(_Model):
    seeds: tuple[SeedArticle, ...]


@dataclass(frozen=True)
class Seed:
    article: SeedArticle
    path: Path
    normalized_text: str


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
                         "\u2033": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
                         "\u2015": "-", "\u2212": "-", "\u00a0": " "})


@lru_cache(maxsize=4096)  # a reload checks the same few hundred quotes again: each is normalised once
def normalize_quote(text: str) -> str:
    """Compare quotes to articles regardless of whitespace, quote-mark style and dash style."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = re.sub(r"-{2,}", "-", text)
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=16384)  # a reload checks the same quotes against the same articles again
def _quoted(quote: str, article: str) -> bool:
    return normalize_quote(quote) in article


def load_seeds(seeds_dir: Path) -> dict[str, Seed]:
    """The articles `seeds_dir/index.yaml` lists, each read and normalised. Raises BriefError naming the file
    and line of every problem: a missing or malformed index, an article that is missing, unreadable, not UTF-8,
    listed twice or outside the seeds directory."""
    from pydantic import ValidationError

    from bot.core import brief_schema
    from bot.core.yaml_lines import load_with_lines

    index_path = seeds_dir / "index.yaml"
    if not seeds_dir.is_dir():
        raise BriefError([BriefIssue(display_path(seeds_dir), 1, "", "the seeds directory does not exist")])
    text = read_text(index_path)
    try:
        index: SeedIndex = brief_schema.plain_model(brief_schema.SeedIndex.model_validate(parse_yaml(index_path, text)))
    except ValidationError as exc:
        _, lines = load_with_lines(text)
        raise BriefError([_issue(index_path, lines, err["loc"], err["msg"]) for err in exc.errors()]) from None
    inside = seeds_dir.resolve()
    seeds: dict[str, Seed] = {}
    problems: list[Problem] = []
    issues: list[BriefIssue] = []
    for i, article in enumerate(index.seeds):
        path = seeds_dir / article.file
        if not path.resolve().is_relative_to(inside):
            problems.append((("seeds", i, "file"), f"must name a file inside {display_path(seeds_dir)}"))
        elif article.id in seeds:
            problems.append((("seeds", i, "id"), f"duplicate seed id {article.id!r}"))
        else:
            try:
                seeds[article.id] = Seed(article, path, normalize_quote(read_text(path)))
            except BriefError as exc:
                issues += exc.issues
    if problems or issues:
        _, lines = load_with_lines(text)
        raise BriefError([_issue(index_path, lines, loc, message) for loc, message in problems] + issues)
    return seeds


# ---------------------------------------------------------------- loading


@dataclass(frozen=True)
class BriefIssue:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        field = f" {self.field}:" if self.field else ""
        return f"{self.file}:{self.line}{field} {self.message}"


class BriefError(Exception):
    """Every problem found in a brief, each naming file, line and field."""

    def __init__(self, issues: list[BriefIssue]) -> None:
        self.issues = issues
        super().__init__("\n".join(str(issue) for issue in issues))


def _field_name(loc: tuple[str | int, ...]) -> str:
    name = ""
    for part in loc:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def _issue(path: Path, lines: dict[Any, int], loc: tuple[Any, ...], message: str) -> BriefIssue:
    from bot.core.yaml_lines import line_for

    return BriefIssue(display_path(path), line_for(lines, tuple(loc)), _field_name(tuple(loc)), message)


def display_path(path: Path) -> str:
    """A path as the user should see it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def read_text(path: Path) -> str:
    """A UTF-8 text file, or BriefError naming it (and, for bytes that are not UTF-8, their line)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        reason = {FileNotFoundError: "not found", PermissionError: "permission denied",
                  IsADirectoryError: "is a directory"}.get(type(exc), type(exc).__name__)
        raise BriefError([BriefIssue(display_path(path), 1, "", f"cannot read the file: {reason}")]) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise BriefError([BriefIssue(display_path(path), line, "", "not UTF-8 text: save it as UTF-8")]) from None


def parse_yaml(path: Path, text: str) -> Any:
    """`text` by the strict YAML rules (no aliases, duplicate keys, ...), or BriefError at the offending line."""
    from bot.core.yaml_lines import YamlProblem, strict_load

    try:
        return strict_load(text)
    except YamlProblem as exc:
        raise BriefError([BriefIssue(display_path(path), exc.line, "", f"invalid YAML: {exc.message}")]) from None


Problem = tuple[tuple[Any, ...], str]  # where in the document (a path of keys and indexes), what is wrong


def _reference_problems(brief: Brief) -> list[Problem]:
    """Section ids are unique and every `related` id names a section, each reported at its own line."""
    problems: list[Problem] = []
    first: dict[str, int] = {}
    for i, section in enumerate(brief.sections):
        if section.id in first:
            problems.append((("sections", i, "id"),
                             f"duplicate section id {section.id!r} (first: sections[{first[section.id]}])"))
        else:
            first[section.id] = i
    for i, section in enumerate(brief.sections):
        for k, ref in enumerate(section.related):
            if ref not in first:
                problems.append((("sections", i, "related", k), f"unknown section {ref!r}"))
    return problems


def _provenance_problems(brief: Brief, seeds: dict[str, Seed]) -> list[Problem]:
    problems: list[Problem] = []

    def check(sources: tuple[Source, ...], loc: tuple[Any, ...]) -> None:
        for k, source in enumerate(sources):
            seed = seeds.get(source.seed)
            if seed is None:
                known = ", ".join(sorted(seeds))
                problems.append((loc + (k, "seed"), f"unknown seed {source.seed!r} (known: {known})"))
            elif not _quoted(source.quote, seed.normalized_text):
                problems.append((loc + (k, "quote"), f"not found in {display_path(seed.path)}"))

    for i, entity in enumerate(brief.entities):
        check(entity.sources, ("entities", i, "sources"))
    for i, section in enumerate(brief.sections):
        for j, fact in enumerate(section.facts):
            check(fact.sources, ("sections", i, "facts", j, "sources"))
        for j, figure in enumerate(section.figures):
            check(figure.sources, ("sections", i, "figures", j, "sources"))
    return problems


# A fact's `answer:` is shown right before its text, so one that says the text again is read twice ("Russia sent
# a delegation led by Kremlin aide Vladimir Medinsky, its negotiator. Vladimir Medinsky led Russia's delegation.").
# Measured as rapidfuzz's token_set_ratio of the two, lower-cased without punctuation: it is 100 when one's words
# are all in the other. On the first brief the twelve direct answers kept ("No article reports Putin attending
# the talks.", "No, they do not agree.") score 29-55 against their facts; before answers were narrowed to that,
# 80 of its 99 scored 75-100.
RESTATES = 75


def restates(answer: str, text: str) -> bool:
    """Does `answer` mostly say `text` again?"""
    from rapidfuzz import fuzz, utils

    return fuzz.token_set_ratio(answer, text, processor=utils.default_process) >= RESTATES


def _answer_problems(brief: Brief) -> list[Problem]:
    """A fact's answer that restates the fact, at its own line: readers' words for matching go in `keywords:`."""
    return [(("sections", i, "facts", j, "answer"),
             "restates the fact's text, which is shown right after it, so readers would read it twice; keep "
             "`answer:` for a short direct answer the text is not (\"No, ...\", \"No article reports ...\") and put "
             "readers' words for matching in `keywords:`")
            for i, section in enumerate(brief.sections) for j, fact in enumerate(section.facts)
            if fact.answer and restates(fact.answer, fact.text)]


def _entity_problems(brief: Brief) -> list[Problem]:
    """Entity ids are unique, and every reference to one names a declared entity (at its own line)."""
    if not brief.entities:
        return []  # a brief without declared entities uses free-form section entities
    problems: list[Problem] = []
    declared: set[str] = set()
    for i, entity in enumerate(brief.entities):
        if entity.id in declared:
            problems.append((("entities", i, "id"), f"duplicate entity id {entity.id!r}"))
        declared.add(entity.id)

    def check(refs: tuple[str, ...], loc: tuple[Any, ...]) -> None:
        for k, ref in enumerate(refs):
            if ref not in declared:
                problems.append((loc + (k,), f"unknown entity {ref!r} (declare it under entities:)"))

    for i, entity in enumerate(brief.entities):
        check(entity.part_of, ("entities", i, "part_of"))
    for i, section in enumerate(brief.sections):
        check(section.entities, ("sections", i, "entities"))
        for j, fact in enumerate(section.facts):
            check(fact.about, ("sections", i, "facts", j, "about"))
        for j, figure in enumerate(section.figures):
            check(figure.about, ("sections", i, "figures", j, "about"))
    return problems


_ITEMS = frozenset({"entities", "sections"})  # the top-level lists whose items are validated one at a time
# (top-level key, text) -> a block's parsed value, or an entity or section validated (a schema model): the last
# brief's parts.
_parts: dict[tuple[str, str], Any] = {}
_last: tuple[str, Brief] | None = None  # the text of the last brief loaded in parts, and that brief
_twins: Memo = {}  # the plain twins of the last brief's schema models (see brief_schema.plain_model)


def forget_loads() -> None:
    """Empty every memo of earlier loads (parts, quote checks), so the next load does a first load's work: for
    the benchmarks."""
    global _parts, _last, _twins
    _parts, _last, _twins = {}, None, {}
    _quoted.cache_clear()


def _load_in_parts(text: str) -> Brief | None:
    """The brief, parsed a top-level block and validated an entity or section at a time, each part whose text is
    unchanged since the last load reused as it was then: a reload after an edit parses and validates only what
    the edit touched. None on anything unusual or wrong: the whole text is then parsed and validated at once,
    which reports every problem at its line."""
    global _parts, _last, _twins
    if _last is not None and _last[0] == text:
        return _last[1]
    from pydantic import ValidationError

    from bot.core import brief_schema
    from bot.core.yaml_lines import YamlProblem, split_blocks, strict_load

    blocks = split_blocks(text, _ITEMS)
    if blocks is None:
        return None
    items = {"entities": brief_schema.Entity, "sections": brief_schema.Section}
    data: dict[str, Any] = {}
    parts: dict[tuple[str, str], Any] = {}
    try:
        for key, block in blocks:
            if key in data:
                return None  # a duplicate key
            pieces = [block] if isinstance(block, str) else block
            for piece in pieces:
                if (key, piece) not in _parts:
                    parsed = strict_load(piece)
                    if isinstance(block, str):
                        if not isinstance(parsed, dict) or list(parsed) != [key]:
                            return None
                        parts[key, piece] = parsed[key]
                    elif isinstance(parsed, list) and len(parsed) == 1:
                        parts[key, piece] = items[key].model_validate(parsed[0])
                    else:
                        return None
                else:
                    parts[key, piece] = _parts[key, piece]
            data[key] = parts[key, block] if isinstance(block, str) else [parts[key, item] for item in block]
        validated = brief_schema.Brief.model_validate(data)  # the parts validated above are taken as they are
    except (YamlProblem, ValidationError):
        return None
    twins: Memo = {}
    brief: Brief = brief_schema.plain_model(validated, _twins, twins)
    _parts, _last, _twins = parts, (text, brief), twins
    return brief


def load_brief(path: Path, seeds_dir: Path, seeds: dict[str, Seed] | None = None) -> Brief:
    """Parse, validate and provenance-check a brief against `seeds` (read from `seeds_dir` when not given).
    Raises BriefError listing every problem."""
    text = read_text(path)
    with collector_paused():
        brief = _load_in_parts(text)
        problems: list[Problem] = []
        if brief is None:
            from pydantic import ValidationError

            from bot.core import brief_schema

            data = parse_yaml(path, text)
            try:
                brief = brief_schema.plain_model(brief_schema.Brief.model_validate(data))
            except ValidationError as exc:
                problems = [(tuple(err["loc"]), err["msg"]) for err in exc.errors()]
        if brief is not None:
            problems = _reference_problems(brief) + _entity_problems(brief) + _answer_problems(brief)
            problems += _provenance_problems(brief, load_seeds(seeds_dir) if seeds is None else seeds)
        if problems:
            from bot.core.yaml_lines import load_with_lines

            # The C parser alone is fast; each value's line is only worked out when there is a problem to report.
            _, lines = load_with_lines(text)
            raise BriefError([_issue(path, lines, loc, message) for loc, message in problems])
    return brief
