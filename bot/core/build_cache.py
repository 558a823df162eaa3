"""The checked brief and its matcher, kept on disk between runs of the bot.

Parsing and checking a brief and building its matcher takes several times longer than reading the result back,
and `python -m bot ask` does it for one question. The cache is keyed by the bytes of the brief, of every file in
the seeds directory and of the bot's own code (and the Python version): any change to any of them
means a full load again, with every check of the brief against its seeds. A file that is stale, unreadable,
truncated or not ours is ignored and replaced. Only briefs that passed every check are written.

A cache file is a pickle: whoever can write the cache directory can run code as the bot's user, exactly like
whoever can write its source, so it lives in that user's own cache directory (see README: Configuration).
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from bot.core.gc_pause import collector_paused

if TYPE_CHECKING:
    from bot.core.store import Loaded

log = logging.getLogger(__name__)
_CODE = Path(__file__).resolve().parent.parent  # the bot package: its code and data shape what is built


class BuildCache:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def key(self, brief: Path, seeds_dir: Path) -> str | None:
        """What a cached build must match; None when a file cannot be read (the full load says why)."""
        try:
            digest = hashlib.sha256(code_digest().encode())
            digest.update(brief.read_bytes())
            for path in _files(seeds_dir):
                digest.update(b"\0" + str(path.relative_to(seeds_dir)).encode("utf-8", "surrogateescape") + b"\0")
                digest.update(path.read_bytes())
        except OSError:
            return None
        return digest.hexdigest()

    def get(self, brief: Path, seeds_dir: Path, key: str) -> Loaded | None:
        """The build cached under `key`, or None (nothing cached, stale or unreadable)."""
        try:
            with self._file(brief, seeds_dir).open("rb") as file:
                if file.readline().rstrip(b"\n") != key.encode():
                    return None
                with collector_paused():  # tens of thousands of objects, none of them garbage: 2x faster
                    loaded = pickle.load(file)
        except Exception:  # missing, truncated, written by other code, not a pickle at all: build afresh
            return None
        from bot.core.store import Loaded

        return loaded if isinstance(loaded, Loaded) else None

    def put(self, brief: Path, seeds_dir: Path, key: str, loaded: Loaded) -> None:
        """Write atomically (a reader sees the old file or the new one, never half of one); a cache that cannot
        be written is no error: the next run builds again."""
        target = self._file(brief, seeds_dir)
        try:
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.directory, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as file:
                    file.write(key.encode() + b"\n")
                    pickle.dump(loaded, file, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(temporary, target)
            except BaseException:
                os.unlink(temporary)
                raise
        except Exception as exc:  # a full disk, a read-only home, something that will not pickle
            log.debug("brief build not cached in %s: %s", self.directory, type(exc).__name__)

    def _file(self, brief: Path, seeds_dir: Path) -> Path:
        """One file per brief and seeds directory, rewritten whenever they change."""
        where = f"{brief.resolve()}\0{seeds_dir.resolve()}".encode("utf-8", "surrogateescape")
        return self.directory / f"brief-{hashlib.sha256(where).hexdigest()[:16]}.pickle"


def _files(directory: Path) -> Iterator[Path]:
    """Every file under `directory`, in a fixed order (not those in __pycache__)."""
    for root, folders, names in os.walk(directory):
        folders[:] = sorted(f for f in folders if f != "__pycache__")  # walked in this order
        for name in sorted(names):
            yield Path(root) / name


@lru_cache(maxsize=1)
def code_digest() -> str:
    # No pydantic version: the brief's models are plain dataclasses (bot/core/brief.py), pydantic only checks them.
    # Walked with plain strings, not Path objects: every start of `python -m bot ask` hashes these ~80 files.
    digest = hashlib.sha256(sys.version.encode())
    code = str(_CODE)
    for root, folders, names in os.walk(code):
        # Not __pycache__, nor an installed bot's briefs and seeds (bot/shipped: keyed apart). Walked in this order.
        folders[:] = sorted(f for f in folders if f not in ("__pycache__", "shipped"))
        relative = os.path.relpath(root, code)
        for name in sorted(names):
            with open(os.path.join(root, name), "rb") as file:
                data = file.read()
            digest.update(os.path.normpath(os.path.join(relative, name)).encode() + b"\0" + data)
    return digest.hexdigest()
