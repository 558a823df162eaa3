"""The brief's schema: the pydantic models a brief's YAML is validated against, each the twin of a plain model
of `bot.core.brief` that the rest of the bot uses. Kept apart so that a brief read back from the build cache
never imports pydantic (about half of `python -m bot ask`'s start-up): only a load from YAML does.

A field added to a model here must be added to its twin in `bot/core/brief.py` too (the conversion below
refuses twins whose fields differ)."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields
from functools import lru_cache
from typing import Any, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator

from bot.core import brief as plain
from bot.core.brief import SECTION_ID, EntityKind, SectionKind


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True, defer_build=True)


class Source(_Frozen):
    seed: str = Field(min_length=1)
    quote: str = Field(min_length=8)


class Fact(_Frozen):
    text: str = Field(min_length=3)
    sources: tuple[Source, ...] = Field(min_length=1)
    about: tuple[str, ...] = Field((), description="ids of declared entities this fact is about, beyond those it names")
    answer: str | None = Field(None, min_length=3, description="a short direct answer where the text is not one")
    keywords: tuple[str, ...] = Field((), description="readers' words for matching this fact; never shown")
    key: bool = Field(False, description="one of the brief's most important outcomes: the digest's recap leads with it")


class Figure(_Frozen):
    label: str = Field(min_length=2)
    value: str = Field(min_length=1)
    unit: str = ""
    claimed_by: str = Field(min_length=2, description="who states this number: an outlet, government or person")
    key: bool = Field(False, description="one of the brief's most important figures: in the digest's recap")
    sources: tuple[Source, ...] = Field(min_length=1)
    about: tuple[str, ...] = ()

    @field_validator("value", mode="before")
    @classmethod
    def _value_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, (int, float)) else value


class Entity(_Frozen):
    """Someone or something the brief names, declared once so it can be asked about directly."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    name: str = Field(min_length=2)
    kind: EntityKind
    variants: tuple[str, ...] = ()  # other spellings and names readers use: "Zelenskiy", "the Kremlin"
    role: str = Field(min_length=3, description="one sentence: who or what this is, as the articles say")
    sources: tuple[Source, ...] = Field(min_length=1)
    part_of: tuple[str, ...] = Field((), description="ids of declared entities this one is part of: Britain of Europe")


class Section(_Frozen):
    id: str = Field(pattern=SECTION_ID)
    title: str = Field(min_length=2)
    kind: SectionKind
    entities: tuple[str, ...] = Field((), description="canonical entities this section is about: russia, medinsky, ...")
    examples: tuple[str, ...] = Field(min_length=1)
    keywords: tuple[str, ...] = ()
    facts: tuple[Fact, ...] = Field(min_length=1)
    figures: tuple[Figure, ...] = ()
    related: tuple[str, ...] = ()
    answer: str | None = Field(None, min_length=3, description="a short direct answer to the section's question")


class BriefMeta(_Frozen):
    id: str = Field(pattern=SECTION_ID)
    title: str = Field(min_length=3)
    event: str = Field(min_length=3)
    date: dt.date
    date_note: str | None = Field(None, description="how the date was established when no article states it")
    venue: str = Field(min_length=2)
    summary: str = Field(min_length=20)
    version: str = Field(min_length=1)

    @field_validator("version", mode="before")
    @classmethod
    def _version_as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, (int, float)) else value


class Brief(_Frozen):
    brief: BriefMeta
    aliases: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    entities: tuple[Entity, ...] = ()
    sections: tuple[Section, ...] = Field(min_length=1)


class SeedArticle(_Frozen):
    id: str
    file: str
    headline: str
    outlet: str | None = None
    date: str | None = None


class SeedIndex(_Frozen):
    seeds: tuple[SeedArticle, ...]


Memo = dict[int, tuple[Any, Any]]  # id(schema model) -> (that model, its plain twin)


def _holds_models(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_models(argument) for argument in get_args(annotation))


@lru_cache(maxsize=None)
def _twin(model: type[BaseModel]) -> tuple[type, frozenset[str]]:
    """The plain twin of `model`, and the fields of `model` that can hold models (the others, text, tuples of
    text and the aliases, are taken as they are). The twins must have the very same fields."""
    twin = getattr(plain, model.__name__)
    if {f.name for f in fields(twin)} != set(model.model_fields):
        raise TypeError(f"bot.core.brief.{model.__name__} and its schema have different fields")
    return twin, frozenset(name for name, info in model.model_fields.items() if _holds_models(info.annotation))


def plain_model(value: Any, last: Memo | None = None, made: Memo | None = None) -> Any:
    """A validated schema model (and everything in it) as the plain model of the same name in bot.core.brief.
    `last`: the twins made by the previous load, so that a part a reload reuses unchanged keeps its twin too (the
    matcher's and the fingerprints' memos are keyed by the plain objects' identity); `made`: where this load's
    twins are recorded for the next."""
    if isinstance(value, BaseModel):
        known = last.get(id(value)) if last is not None else None
        if known is not None and known[0] is value:
            twin = known[1]
        else:
            model, nested = _twin(type(value))
            # Made as pickle makes it, without the frozen __init__'s setattr per field: a first load makes ~900.
            twin = object.__new__(model)
            twin.__dict__.update({name: plain_model(item, last, made) if name in nested else item
                                  for name, item in value.__dict__.items()})
        if made is not None:
            made[id(value)] = (value, twin)
        return twin
    if isinstance(value, tuple):
        return tuple(plain_model(item, last, made) for item in value)
    return value
