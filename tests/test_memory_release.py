"""A long-running bot hands freed heap pages back to the system after full collections (glibc only)."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Iterator

import pytest

from bot.memory_release import _malloc_trim, release_after_full_collections

pytestmark = pytest.mark.skipif(_malloc_trim() is None, reason="this C library has no malloc_trim")


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


@pytest.fixture
def callbacks_restored() -> Iterator[None]:
    before = list(gc.callbacks)
    yield
    gc.callbacks[:] = before


def test_freed_blocks_go_back_to_the_system_after_a_full_collection(callbacks_restored: None) -> None:
    assert release_after_full_collections()
    # 60 MB of blocks too big for CPython's small-object arenas, so they come from malloc's heap; the last one
    # stays alive, pinning the top of the heap, so malloc cannot give the freed pages back by itself.
    blocks = [bytes(2048) for _ in range(30_000)]
    pinned = bytes(2048)
    before = _rss_mb()
    del blocks
    kept_without_trim = _rss_mb()
    gc.collect()  # a generation-2 collection: the callback trims
    after = _rss_mb()
    assert pinned
    assert kept_without_trim > before - 20, "malloc gave the pages back by itself: nothing left to show"
    assert after < kept_without_trim - 30


def test_only_full_collections_trim(callbacks_restored: None, monkeypatch: pytest.MonkeyPatch) -> None:
    trims: list[int] = []
    monkeypatch.setattr("bot.memory_release._malloc_trim", lambda: trims.append)
    assert release_after_full_collections()
    assert trims == [0]  # once at once: what start-up freed
    gc.collect(0)
    gc.collect(1)
    assert trims == [0]
    gc.collect()
    assert trims == [0, 0]
