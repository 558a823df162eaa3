"""Load YAML while remembering the line of every value, so errors can name `file:line field`."""

from __future__ import annotations

from typing import Any

import yaml

Path_ = tuple[str | int, ...]


def load_with_lines(text: str) -> tuple[Any, dict[Path_, int]]:
    """Parse `text`; return the data and a map from each value's path to its 1-based line."""
    # The C parser (when PyYAML was built with libyaml) keeps line marks and is several times faster.
    root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    lines: dict[Path_, int] = {}
    if root is None:
        return None, lines
    # One loader resolves every scalar's tag (int, bool, date, ...) exactly as safe_load would.
    constructor = yaml.SafeLoader("")
    try:
        return _build(root, (), lines, constructor), lines
    finally:
        constructor.dispose()


def _build(node: yaml.Node, path: Path_, lines: dict[Path_, int], constructor: yaml.SafeLoader) -> Any:
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
