"""The fast YAML path (libyaml's events straight into dicts and lists) gives exactly what StrictLoader gives:
the same data for every file the project ships, and for anything unusual the same data or the same refusal at
the same line, because it hands those documents to StrictLoader."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.core.yaml_lines import StrictLoader, YamlProblem, _plain_load, split_blocks, strict_load
from tests.conftest import ROOT


def reference(text: str) -> Any:
    """StrictLoader alone, the way strict_load worked before it had a fast path."""
    loader = StrictLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def outcome(load: Any, text: str) -> Any:
    try:
        return ("data", load(text))
    except YamlProblem as exc:
        return ("problem", exc.line, exc.message)
    except Exception as exc:  # the reference raises PyYAML's own errors; strict_load turns them into lines
        mark = getattr(exc, "problem_mark", None)
        return ("problem", mark.line + 1 if mark else 1, getattr(exc, "problem", None) or str(exc))


SHIPPED = sorted(p for folder in ("briefs", "config", "seeds", "tests") for p in (ROOT / folder).rglob("*.yaml"))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_shipped_yaml_file_takes_the_fast_path_to_the_same_data(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert _plain_load(text) == reference(text)


ODD = [
    "", "# only a comment\n", "just text\n", "42\n", "- a\n- b\n", "{}\n", "[]\n", "a:\n", "a: ~\nb: null\n",
    "a: 1\nb: 1.5\nc: 0x1f\nd: 1_000\ne: 0o17\nf: +12\ng: -.5\nh: 6.8e+3\n",
    "a: yes\nb: No\nc: on\nd: 'yes'\ne: true\n",
    "date: 2025-06-02\nwhen: 2025-06-02 10:00:00+03:00\nquoted: '2025-06-02'\n",
    "a: .inf\nb: -.Inf\n",
    "a: 'one'\nb: \"two\\nlines\"\nc: |\n  block\n  text\nd: >\n  folded\n  text\n",
    "outer:\n  inner:\n    - {x: 1, y: [1, 2, {z: ''}]}\n    - []\n",
    "'1': quoted number key\n",
    "a: &x 3\n",  # an anchor nobody refers to: StrictLoader accepts it
    "a: &x 3\nb: *x\n",
    "a: &x [1]\nb: *x\n",
    "base: &b {x: 1}\nother:\n  <<: *b\n",
    "<<: {x: 1}\n",
    "a: 1\na: 2\n",
    "a:\n  b: 1\n  c: 2\n  b: 3\n",
    "1: number key\n",
    "yes: bool key\n",
    "2025-06-02: date key\n",
    "? [1, 2]\n: complex key\n",
    "? {a: 1}\n: complex key\n",
    "~: null key\n",
    "date: 2025-13-45\n",
    "date: 2025-02-30\n",
    "a: !!str 3\n",
    "a: !!int '3'\n",
    "a: !!python/object:os.system ls\n",
    "a: !custom x\n",
    "a: !!set {x, y}\n",
    "!!map {a: 1}\n",
    "a: =\n",
    "--- 1\n--- 2\n",
    "a: 1\n---\n",
    "---\na: 1\n...\n",
    "a: 'unclosed\n",
    "a:\n\t- tab\n",
    "a: [1, 2\n",
    "- a\nb: c\n",
    "[" * 150 + "]" * 150 + "\n",
    "[" * 5000 + "]" * 5000 + "\n",
    "x: " + "{a: " * 120 + "1" + "}" * 120 + "\n",
]


@pytest.mark.parametrize("text", ODD)
def test_odd_documents_load_or_fail_exactly_as_with_strict_loader_alone(text: str) -> None:
    got, want = outcome(strict_load, text), outcome(reference, text)
    assert got == want
    assert type(got[1]) is type(want[1])


@pytest.mark.parametrize("text", ["a: &x 3\nb: *x\n", "a: 1\na: 2\n", "1: x\n", "<<: {x: 1}\n", "a: !!str 3\n",
                                  "--- 1\n--- 2\n", "[" * 150 + "]" * 150])
def test_the_fast_path_leaves_what_is_unusual_to_strict_loader(text: str) -> None:
    with pytest.raises(Exception):
        _plain_load(text)


def pieces(text: str) -> Any:
    """The data of `text` put together from split_blocks' pieces, each parsed alone; None where the pieces do not
    make a plain document (split_blocks refuses it, a key repeats, a piece is no valid YAML alone)."""
    blocks = split_blocks(text, frozenset({"sections", "entities", "a"}))
    if blocks is None:
        return None
    data: dict[str, Any] = {}
    try:
        for key, block in blocks:
            if key in data:
                return None
            if isinstance(block, str):
                parsed = strict_load(block)
                if not isinstance(parsed, dict) or list(parsed) != [key]:
                    return None
                data[key] = parsed[key]
            else:
                items = [strict_load(item) for item in block]
                if not all(isinstance(item, list) and len(item) == 1 for item in items):
                    return None
                data[key] = [item[0] for item in items]
    except YamlProblem:
        return None
    return data


PIECES = ODD + [
    "sections:\n  - a: 1\n  - b: 2\n", "sections:\n- a: 1\n- b: 2\n", "sections:  # listed\n  - 1\n  # two\n  - 2\n",
    "# head\n\nsections:\n\n  - a: |\n      text\n        - b\n\n  - b: >\n      more\n", "sections: [1, 2]\n",
    "sections:\n  - a: 'quoted\n  - b: still quoted'\n", "sections:\n  - a: \"quoted\n  - b: still quoted\"\n",
    "sections:\n  - a: plain\n  - b\n  c: 3\n", "sections:\n  - a\n   - b\n", "sections:\n  - a\n - b\n",
    "sections:\n  - [1,\n  - 2]\n", "sections:\n  - {a: 1,\n  - b: 2}\n", "sections:\n  - &x a\n  - *x\n",
    "sections:\n  - a\nsections:\n  - b\n", "a:\n  - 1\nb: 2\na:\n  - 3\n", "  sections:\n  - a\n",
    "sections:\n\t- a\n", "sections:\r\n  - a\r\n", "sections:\n  - a\x85  - b\n", "---\nsections:\n  - a\n",
    "sections:\n  - a\n...\n", "sections:\n  -\n    a: 1\n  -\n    b: 2\n", "sections:\n  - a: 1\n  -b: 2\n",
    "sections:\n    - a: 1\n    - b:\n      - c\n    - d\n", "entities:\n  - x: 1\nsections:\n  - y: 2\nz: 3",
    "sections:\n  - a:\n    - b\n  - c\n", "sections:\n  - a: 1\n  - a: 1\n    a: 2\n",
]


@pytest.mark.parametrize("text", PIECES)
def test_a_document_put_together_from_its_pieces_is_the_whole_document(text: str) -> None:
    got = pieces(text)
    if got is not None:
        assert outcome(strict_load, text) == ("data", got)


@pytest.mark.parametrize("path", [p for p in SHIPPED if "brief" in p.name or p.parent.name == "briefs"],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_every_shipped_brief_splits_into_pieces_that_make_it_whole(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert pieces(text) == reference(text)
