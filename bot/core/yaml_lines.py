"""Strict YAML for hand-written files, and the line of every value so errors can name `file:line field`."""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.constructor import ConstructorError

from bot.core.gc_pause import collector_paused  # noqa: F401  (its old home: callers import it from here)

Path_ = tuple[str | int, ...]

# The C parser (when PyYAML was built with libyaml) keeps line marks and is several times faster.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MERGE = "tag:yaml.org,2002:merge"


class YamlProblem(ValueError):
    """Text that is not YAML a curator or an admin should have written; `line` is 1-based."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class StrictLoader(_SafeLoader):  # type: ignore[misc, valid-type]
    """PyYAML's safe loader, refusing what no brief or config needs and an attacker would use: aliases (a
    recursive or "billion laughs" document), merge keys, duplicate keys, keys that are not text, and dates
    that do not exist. Each refusal is a ConstructorError at the offending node's line."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # Only an alias brings the same node back a second time (or inside itself).
        if node in self.constructed_objects or node in self.recursive_objects:
            raise ConstructorError(None, None, "anchors and aliases (&name, *name) are not allowed",
                                   node.start_mark)
        return super().construct_object(node, deep)

    def flatten_mapping(self, node: yaml.MappingNode) -> None:
        for key_node, _ in node.value:
            if key_node.tag == _MERGE:
                raise ConstructorError(None, None, "merge keys (<<) are not allowed", key_node.start_mark)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[str, Any]:  # type: ignore[override]
        if not isinstance(node, yaml.MappingNode):
            raise ConstructorError(None, None, f"expected a mapping, found {node.id}", node.start_mark)
        self.flatten_mapping(node)
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, str):
                raise ConstructorError(None, None, "a key must be text (put it in quotes)", key_node.start_mark)
            if key in mapping:
                first = next(k for k, _ in node.value if k.value == key_node.value)
                raise ConstructorError(None, None, f"duplicate key {key!r} (first at line {first.start_mark.line + 1})",
                                       key_node.start_mark)
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:  # type: ignore[override]
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError as exc:  # 2025-13-45 matches the timestamp pattern but is no date
            raise ConstructorError(None, None, f"not a valid date: {exc}", node.start_mark) from None


StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", StrictLoader.construct_yaml_timestamp)


def strict_load(text: str) -> Any:
    """Parse one YAML document with StrictLoader. Raises YamlProblem naming the line and what is wrong, never
    quoting the text itself (a config line may hold a password)."""
    try:
        return _plain_load(text)
    except Exception:  # anything unusual, or wrong: StrictLoader decides, and says where
        pass
    loader = StrictLoader(text)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise YamlProblem(mark.line + 1 if mark else 1, exc.problem or exc.context or "not valid YAML") from None
    except yaml.YAMLError:
        raise YamlProblem(1, "not valid YAML") from None
    except RecursionError:  # nesting thousands of levels deep
        raise YamlProblem(1, "nested too deeply") from None
    finally:
        loader.dispose()


class _Unusual(Exception):
    """Something the fast path leaves to StrictLoader: an anchor, alias, tag, merge or duplicate key, a key
    that is not text, a second document, deep nesting."""


_STR = "tag:yaml.org,2002:str"
# Plain scalars that resolve to these are built by StrictLoader's own constructors; any other tag is unusual.
_SCALARS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "timestamp"))
_MAX_DEPTH = 100  # far deeper than any brief or config; StrictLoader judges deeper nesting
_NO_KEY = object()


def _plain_load(text: str) -> Any:
    """The same data as StrictLoader, built straight from libyaml's events, for documents that use nothing
    unusual (see _Unusual): a brief in half the time, as no node tree is composed and no generic constructor
    runs for the thousands of strings that make up a brief. Raises on anything else."""
    loader = StrictLoader(text)
    try:
        get = loader.get_event
        get()  # StreamStartEvent
        if type(get()) is yaml.StreamEndEvent:
            return None
        containers: list[Any] = []  # the open mappings and sequences, innermost last
        keys: list[Any] = []  # for each open mapping, the key waiting for its value
        tags: dict[str, str] = {}  # plain scalar -> its resolved tag: keys repeat thousands of times
        while True:
            event = get()
            kind = type(event)
            if kind is yaml.ScalarEvent:
                if event.anchor is not None or event.tag is not None:
                    raise _Unusual
                value: Any = event.value
                if event.implicit[0]:  # plain, not quoted: "3", "yes", "2025-06-02" are not text
                    tag = tags.get(value)
                    if tag is None:
                        tag = tags[value] = loader.resolve(yaml.ScalarNode, value, event.implicit)
                    if tag != _STR:
                        if tag not in _SCALARS:
                            raise _Unusual
                        value = loader.construct_object(yaml.ScalarNode(tag, value, event.start_mark))
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if event.anchor is not None or event.tag is not None or len(containers) == _MAX_DEPTH:
                    raise _Unusual
                if kind is yaml.MappingStartEvent:
                    containers.append({})
                    keys.append(_NO_KEY)
                else:
                    containers.append([])
                    keys.append(None)
                continue
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                keys.pop()
                value = containers.pop()
            elif kind is yaml.DocumentEndEvent:
                if type(get()) is not yaml.StreamEndEvent:
                    raise _Unusual  # a second document: StrictLoader refuses it
                return value
            else:  # an alias
                raise _Unusual
            if not containers:
                continue  # the document's root: DocumentEndEvent comes next
            top = containers[-1]
            key = keys[-1]
            if key is None:
                top.append(value)
            elif key is _NO_KEY:
                if type(value) is not str or value in top:
                    raise _Unusual
                keys[-1] = value
            else:
                top[key] = value
                keys[-1] = _NO_KEY
    finally:
        loader.dispose()


_ODD_BREAKS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # line breaks to YAML or str.splitlines, but \n
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?:[ \n]|$)")  # a plain word as key, anything after it
_BARE_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*:[ ]*(?:#.*)?\n?")  # nothing after it but a comment
_ITEM = re.compile(r"( +)-(?:[ \n]|$)")

Blocks = list[tuple[str, "str | list[str]"]]


def split_blocks(text: str, lists: frozenset[str]) -> Blocks | None:
    """`text` cut into its top-level keys' blocks, each a document of its own, in order; the block of a key in
    `lists` (an indented block list under a bare `key:` line) cut further into its items' texts, each one
    item's list. Parsing the pieces gives the document's data, so a piece whose text did not change need not be
    parsed again. None when the document is not plainly shaped so (a tab, a document marker, a flow or
    top-level list, a key that is not a plain word, ...): parse it whole then. A piece that is not valid YAML
    on its own also means: parse the whole text, which finds the problem and its line."""
    if any(c in text for c in _ODD_BREAKS):
        return None
    lines = text.splitlines(keepends=True)
    starts: list[tuple[int, str]] = []  # each block's first line and key
    for i, line in enumerate(lines):
        if line[0] == " " or line[0] == "\n" or line[0] == "#":
            if not starts and _content(line):
                return None  # indented content before the first key
        elif (key := _KEY.match(line)) is None:
            return None  # a tab, a list, a document marker, a quoted or complex key, ...
        else:
            starts.append((i, key[1]))
    if not starts:
        return None
    blocks: Blocks = []
    for (start, key), (end, _) in zip(starts, [*starts[1:], (len(lines), "")]):
        if key not in lists:
            blocks.append((key, "".join(lines[start:end])))
            continue
        items = _items(lines[start + 1 : end]) if _BARE_KEY.fullmatch(lines[start]) else None
        if items is None:
            return None
        blocks.append((key, items))
    return blocks


def _content(line: str) -> bool:
    """Not blank, not a comment."""
    stripped = line.lstrip(" ")
    return bool(stripped) and stripped[0] != "\n" and stripped[0] != "#"


def _items(lines: list[str]) -> list[str] | None:
    """The texts of an indented block list's items, each from its `- ` to the next; None for anything else."""
    first = next((i for i, line in enumerate(lines) if _content(line)), len(lines))
    item = _ITEM.match(lines[first]) if first < len(lines) else None
    if item is None:
        return None
    depth = len(item[1])
    inside = " " * (depth + 1)  # a line indented deeper than the dashes continues the item above it
    starts: list[int] = []
    for i in range(first, len(lines)):
        line = lines[i]
        if line.startswith(inside) or not _content(line):
            continue
        if line[depth : depth + 1] != "-" or line[:depth].strip(" ") or _ITEM.match(line) is None:
            return None  # less indented than the items, or not an item: not a plain block list
        starts.append(i)
    return ["".join(lines[a:b]) for a, b in zip(starts, [*starts[1:], len(lines)])]


def load_with_lines(text: str) -> tuple[Any, dict[Path_, int]]:
    """Parse `text` (already accepted by `strict_load`); return the data and a map from each value's path to its
    1-based line."""
    root = yaml.compose(text, Loader=_SafeLoader)
    lines: dict[Path_, int] = {}
    if root is None:
        return None, lines
    # One loader resolves every scalar's tag (int, bool, date, ...) exactly as safe_load would.
    constructor = StrictLoader("")
    try:
        return _build(root, (), lines, constructor), lines
    finally:
        constructor.dispose()


def _build(node: yaml.Node, path: Path_, lines: dict[Path_, int], constructor: StrictLoader) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            result[key] = _build(value_node, path + (key,), lines, constructor)
            lines[path + (key,)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(child, path + (index,), lines, constructor) for index, child in enumerate(node.value)]
    return constructor.construct_object(node, deep=True)


def line_for(lines: dict[Path_, int], path: Path_) -> int:
    """The line of `path`, or of its nearest ancestor that exists in the file."""
    for end in range(len(path), -1, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return 1
