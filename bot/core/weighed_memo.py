"""A text -> terms memo bounded by what it holds in bytes, not by how many entries: short everyday questions
(and the several readings of each) keep fitting by the thousand, while a flood of distinct long messages costs
what it weighs and pushes out the oldest texts instead of growing memory."""

from __future__ import annotations

import sys
import threading

# A dict entry's own cost beside its key and value objects: hash, key and value pointers, its index slot and the
# table's slack. Counted so that a flood of empty texts is bounded too.
ENTRY_BYTES = 64


def weight(key: str, value: tuple[str, ...]) -> int:
    """Bytes an entry holds: the key string, the tuple of terms and the dict slot. The terms themselves are
    shared with the stem memo and the brief's phrase table, so they are not counted again."""
    return sys.getsizeof(key) + sys.getsizeof(value) + ENTRY_BYTES


class WeighedMemo(dict):  # type: ignore[type-arg]
    """A dict of text -> terms that holds at most `limit` bytes by its own accounting (`weight`). Read it as a
    dict (`get` runs no Python code); add to it with `put`. Over the limit, the oldest entries go (insertion
    order) until a quarter of the limit is free, so eviction runs once per many additions."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit
        self.bytes = 0
        # A reload reads texts in a worker thread while the event loop answers: `bytes += cost` is a read and a
        # write, and two threads interleaving there lose additions, so the memo outgrew its limit under load.
        # Only additions take the lock (a miss already costs a reading of the text); lookups stay plain dict reads.
        self._lock = threading.Lock()

    def put(self, key: str, value: tuple[str, ...]) -> tuple[str, ...]:
        cost = weight(key, value)
        if cost > self.limit // 4:  # one text must not empty the memo for itself
            return value
        with self._lock:
            if key not in self:
                if self.bytes + cost > self.limit:
                    self._evict(self.limit - self.limit // 4 - cost)
                self.bytes += cost
            else:
                self.bytes += cost - weight(key, self[key])
            self[key] = value
        return value

    def _evict(self, keep: int) -> None:
        held = self.bytes
        for old in list(self):
            if held <= keep:
                break
            value = self.pop(old, None)
            if value is not None:
                held -= weight(old, value)
        self.bytes = held

    def clear(self) -> None:
        with self._lock:
            super().clear()
            self.bytes = 0

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled (the build cache keeps an analyzer) as its limit and entries, accounting recomputed."""
        return (_rebuild, (self.limit, list(self.items())))


def _rebuild(limit: int, items: list[tuple[str, tuple[str, ...]]]) -> WeighedMemo:
    memo = WeighedMemo(limit)
    for key, value in items:
        memo.put(key, value)
    return memo
