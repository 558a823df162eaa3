"""BriefStore: the live brief. Reload validates first and swaps only on success."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, replace
from pathlib import Path

from bot.core.brief import Brief, BriefError, SectionPrints, load_brief, load_seeds
from bot.core.build_cache import BuildCache
from bot.core.matcher import Matcher
from bot.core.models import BriefDiff, ReloadResult, Topic


@dataclass(frozen=True)
class Loaded:
    """A brief and the matcher built from it; swapped together so they never disagree."""

    brief: Brief
    matcher: Matcher
    revision: str
    seed_labels: dict[str, str]  # seed id -> outlet where the article names one, else its headline
    outlets: dict[str, str]  # seed id -> outlet, only where the article names one
    modified: dt.date | None = None  # the file's last change (UTC): "last updated" where no database says better
    prints: SectionPrints | None = None  # brief.section_prints(), worked out once: a reload diffs the old and new

    def __post_init__(self) -> None:
        if self.prints is None:
            object.__setattr__(self, "prints", self.brief.section_prints())


def diff_sections(old: SectionPrints, new: SectionPrints) -> BriefDiff:
    """What changed between two revisions of a brief, from their section fingerprints."""
    return BriefDiff(
        added=tuple(Topic(i, title) for i, (_, title) in new.items() if i not in old),
        removed=tuple(Topic(i, title) for i, (_, title) in old.items() if i not in new),
        edited=tuple(Topic(i, title) for i, (fp, title) in new.items() if i in old and old[i][0] != fp),
    )


def _modified(path: Path) -> dt.date:
    """The file's last change (UTC)."""
    return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.timezone.utc).date()


def _short(headline: str, limit: int = 70) -> str:
    return headline if len(headline) <= limit else headline[: limit - 1].rsplit(" ", 1)[0] + "…"


class BriefStore:
    def __init__(self, path: Path, seeds_dir: Path, cache: BuildCache | None = None) -> None:
        self.path = path
        self.seeds_dir = seeds_dir
        self.cache = cache
        self._lock = threading.Lock()  # reloads may come from two adapters at once
        self._articles: tuple[str, ...] | None = None  # the seed texts the current matcher was built with
        self._current = self._load(path)

    def _load(self, path: Path) -> Loaded:
        """The cached build of exactly these files when there is one, else a full load (cached for next time).
        Start-up only: a reload builds in memory and leaves the cache to the next start."""
        key = self.cache.key(path, self.seeds_dir) if self.cache is not None else None
        if self.cache is None or key is None:
            return self._build(path)
        loaded = self.cache.get(path, self.seeds_dir, key)
        if loaded is not None:
            return replace(loaded, modified=_modified(path))
        loaded = self._build(path)
        if self.cache.key(path, self.seeds_dir) == key:  # not edited while it was built: this build is that key's
            self.cache.put(path, self.seeds_dir, key, loaded)
        return loaded

    def _build(self, path: Path) -> Loaded:
        """Read the seeds once, check the brief against them, build its matcher."""
        seeds = load_seeds(self.seeds_dir)
        brief = load_brief(path, self.seeds_dir, seeds)
        labels = {sid: seed.article.outlet or _short(seed.article.headline) for sid, seed in seeds.items()}
        outlets = {sid: seed.article.outlet for sid, seed in seeds.items() if seed.article.outlet}
        articles = tuple(seed.normalized_text for seed in seeds.values())
        current: Loaded | None = getattr(self, "_current", None)
        if current is not None and articles == self._articles and brief == current.brief:
            brief, matcher = current.brief, current.matcher  # nothing the matcher reads changed: keep it
        else:
            matcher = Matcher(brief, articles)
        self._articles = articles
        prints = brief.section_prints()
        return Loaded(brief, matcher, brief.revision(prints), labels, outlets, _modified(path), prints)

    @property
    def current(self) -> Loaded:
        return self._current

    @property
    def brief(self) -> Brief:
        return self._current.brief

    @property
    def seed_labels(self) -> dict[str, str]:
        return self._current.seed_labels

    @property
    def outlets(self) -> dict[str, str]:
        return self._current.outlets

    def reload(self, path: Path | None = None) -> ReloadResult:
        """Re-read the brief (or `path`). On any error the current brief keeps serving."""
        with self._lock:
            target = path or self.path
            try:
                fresh = self._build(target)
            except BriefError as exc:
                return ReloadResult(False, self._current.revision, errors=tuple(str(i) for i in exc.issues))
            assert self._current.prints is not None and fresh.prints is not None  # set by Loaded itself
            diff = diff_sections(self._current.prints, fresh.prints)
            self._current, self.path = fresh, target
            return ReloadResult(True, fresh.revision, diff)
