"""The fast YAML path (libyaml's events straight into dicts and lists) gives exactly what StrictLoader gives:
the same data for every file the project ships, and for anything unusual the same data or the same refusal at
the same line, because it hands those documents to StrictLoader."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.core.yaml_lines import StrictLoader, YamlProblem, _plain_load, strict_load
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
