"""A brief loader that can't be fooled: hostile YAML, broken references and broken seeds are refused with
file:line, quickly, and the admin's /reload sees the same line as `brief check`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.core.brief import Brief, BriefError, load_brief, load_seeds
from bot.core.store import BriefStore
from bot.core.yaml_lines import strict_load
from tests.conftest import BRIEF, MINI, SEEDS, line_of


def issues_of(path: Path, seeds: Path = SEEDS) -> list[str]:
    with pytest.raises(BriefError) as caught:
        load_brief(path, seeds)
    return [str(issue) for issue in caught.value.issues]


def write(tmp_path: Path, text: str, name: str = "brief.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


BILLION_LAUGHS = """brief: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
sections: [*f,*f,*f,*f,*f,*f,*f,*f,*f]
"""


@pytest.mark.parametrize("text, line, message", [
    ("brief: &x [*x]\n", 1, "anchors and aliases (&name, *name) are not allowed"),
    (BILLION_LAUGHS, 1, "anchors and aliases (&name, *name) are not allowed"),
    ("sections: []\n? [a, b]\n: 1\n", 2, "a key must be text"),
    ("brief:\n  date: 2025-13-45\n", 2, "not a valid date: month must be in 1..12"),
    ("brief:\n  id: x\n  id: y\n", 3, "duplicate key 'id' (first at line 2)"),
    ("base: &b {id: x}\nbrief:\n  <<: *b\n", 3, "merge keys (<<) are not allowed"),
    ("[" * 5000 + "]" * 5000 + "\n", 1, "invalid YAML"),
])
def test_hostile_yaml_is_refused_at_its_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    issues = issues_of(write(tmp_path, text))
    assert len(issues) == 1 and issues[0].startswith(f"{tmp_path / 'brief.yaml'}:{line} invalid YAML")
    assert message in issues[0]


def test_an_impossible_date_in_the_real_shape_is_refused(tmp_path: Path) -> None:
    text = MINI.read_text().replace("date: 2025-06-02", "date: 2025-13-45")
    assert issues_of(write(tmp_path, text)) == [
        f"{tmp_path / 'brief.yaml'}:{line_of(text, '2025-13-45')} invalid YAML: not a valid date: "
        "month must be in 1..12"]


def test_unknown_related_ids_are_reported_at_their_own_line(tmp_path: Path) -> None:
    text = MINI.read_text().replace("    keywords: [medinsky]\n", "    keywords: [medinsky]\n    related: [venue, nowhere]\n")
    assert issues_of(write(tmp_path, text)) == [
        f"{tmp_path / 'brief.yaml'}:{line_of(text, 'related: [venue, nowhere]')} sections[1].related[1]: "
        "unknown section 'nowhere'"]


def test_an_unknown_entity_an_entity_is_part_of_is_reported_at_its_line(tmp_path: Path) -> None:
    text = BRIEF.read_text().replace("    part_of: [europe, the-west]\n", "    part_of: [europe, atlantis]\n", 1)
    issues = issues_of(write(tmp_path, text))
    assert len(issues) == 1 and issues[0].startswith(f"{tmp_path / 'brief.yaml'}:{line_of(text, 'atlantis')} ")
    assert issues[0].endswith(".part_of[1]: unknown entity 'atlantis' (declare it under entities:)")


def copy_seeds(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SEEDS, tmp_path / "seeds"))


SEED = "004_53b6467d699949e3"


def seed_issues(seeds: Path) -> list[str]:
    with pytest.raises(BriefError) as caught:
        load_seeds(seeds)
    return [str(issue) for issue in caught.value.issues]


def test_a_missing_seeds_directory_or_index_is_an_error_with_its_path(tmp_path: Path) -> None:
    assert seed_issues(tmp_path / "nowhere") == [f"{tmp_path / 'nowhere'}:1 the seeds directory does not exist"]
    seeds = copy_seeds(tmp_path)
    (seeds / "index.yaml").unlink()
    assert seed_issues(seeds) == [f"{seeds / 'index.yaml'}:1 cannot read the file: not found"]


def test_a_renamed_seed_names_the_index_line_and_the_missing_file(tmp_path: Path) -> None:
    seeds = copy_seeds(tmp_path)
    (seeds / f"{SEED}.txt").rename(seeds / "renamed.txt")
    assert seed_issues(seeds) == [f"{seeds / f'{SEED}.txt'}:1 cannot read the file: not found"]


def test_a_seed_that_is_not_utf8_names_its_path_and_line(tmp_path: Path) -> None:
    seeds = copy_seeds(tmp_path)
    (seeds / f"{SEED}.txt").write_bytes(b"first line\nsecond \xff\xfe line\n")
    assert seed_issues(seeds) == [f"{seeds / f'{SEED}.txt'}:2 not UTF-8 text: save it as UTF-8"]


def test_a_malformed_index_names_its_line(tmp_path: Path) -> None:
    seeds = copy_seeds(tmp_path)
    index = seeds / "index.yaml"
    index.write_text(index.read_text().replace("    file: 001_34a54f2e946040c8.txt\n", "    file: [unclosed\n"))
    [issue] = seed_issues(seeds)
    assert issue.startswith(f"{index}:") and "invalid YAML" in issue
    index.write_text("seeds:\n  - id: x\n    headline: no file\n")
    assert seed_issues(seeds) == [f"{index}:2 seeds[0].file: Field required"]


@pytest.mark.parametrize("file", ["../../../../etc/passwd", "/etc/passwd", "sub/../../brief.yaml"])
def test_index_paths_stay_inside_the_seeds_directory(tmp_path: Path, file: str) -> None:
    seeds = copy_seeds(tmp_path)
    index = seeds / "index.yaml"
    text = index.read_text().replace(f"file: {SEED}.txt", f"file: {file}")
    index.write_text(text)
    assert seed_issues(seeds) == [
        f"{index}:{line_of(text, f'file: {file}')} seeds[4].file: must name a file inside {seeds}"]


def test_reload_shows_the_admin_the_same_line_as_brief_check(tmp_path: Path) -> None:
    seeds = copy_seeds(tmp_path)
    store = BriefStore(MINI, seeds)
    (seeds / f"{SEED}.txt").write_bytes(b"\xff")
    result = store.reload()
    assert not result.ok and result.errors == (f"{seeds / f'{SEED}.txt'}:1 not UTF-8 text: save it as UTF-8",)
    shutil.rmtree(seeds)
    result = store.reload()
    assert not result.ok and result.errors == (f"{seeds}:1 the seeds directory does not exist",)
    assert store.brief.meta.id == "mini"  # the current brief keeps serving


def test_a_reload_reads_the_brief_and_each_seed_file_once(monkeypatch: pytest.MonkeyPatch) -> None:
    store = BriefStore(MINI, SEEDS)
    reads: list[str] = []
    read_bytes = Path.read_bytes

    def counted(path: Path) -> bytes:
        reads.append(path.name)
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", counted)
    result = store.reload()
    assert result.ok and result.diff.empty
    assert sorted(reads) == sorted(set(reads)) and {"index.yaml", MINI.name} < set(reads)
    assert len([name for name in reads if name.endswith(".txt")]) == len(list(SEEDS.glob("*.txt")))


def big_brief(sections: int) -> str:
    head, _, rest = MINI.read_text().partition("sections:\n")
    first = rest.split("  - id: russia-delegation\n")[0]
    body = "".join(first.replace("- id: venue", f"- id: venue-{i}", 1) for i in range(sections))
    return f"{head}sections:\n{body}"


def test_a_ten_thousand_section_brief_checks_without_quadratic_work(tmp_path: Path) -> None:
    """The old duplicate-id check was quadratic (48 s at 16,000 sections); bench/brief_bench.py has the figures."""
    path = write(tmp_path, big_brief(10_000) + "  - id: venue-5\n" + big_brief(1).split("  - id: venue-0\n")[1])
    assert issues_of(path) == [f"{path}:{10 * 10_000 + 12} sections[10000].id: duplicate section id 'venue-5' "
                      "(first: sections[5])"]


@pytest.fixture
def real_copy(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the real brief and its seeds, free to edit."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    return write(tmp_path, BRIEF.read_text(encoding="utf-8")), tmp_path / "seeds"


def test_a_reload_redoes_only_the_sections_an_edit_touched(real_copy: tuple[Path, Path]) -> None:
    path, seeds = real_copy
    store = BriefStore(path, seeds)
    before = store.current
    unchanged = store.reload()
    assert unchanged.ok and unchanged.diff.empty
    assert store.current.brief is before.brief and store.current.matcher is before.matcher  # nothing rebuilt
    text = path.read_text(encoding="utf-8")
    edited = text.replace("  - id: russia-delegation\n    title: ", "  - id: russia-delegation\n    title: Edited, ", 1)
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    result = store.reload()
    assert result.ok and [topic.id for topic in result.diff.edited] == ["russia-delegation"]
    assert not result.diff.added and not result.diff.removed
    # The same brief a whole parse and validation makes; the other sections are the very objects of before.
    assert store.brief == Brief.model_validate(strict_load(edited))
    kept = [new is old for new, old in zip(store.brief.sections, before.brief.sections)]
    assert kept.count(False) == 1 and store.current.matcher is not before.matcher
    section = store.brief.section("russia-delegation")
    assert section is not None and section.title.startswith("Edited, ")


def test_a_seed_edited_between_reloads_is_checked_again(real_copy: tuple[Path, Path]) -> None:
    path, seeds = real_copy
    store = BriefStore(path, seeds)
    before = store.current
    seed = seeds / "004_53b6467d699949e3.txt"
    original = seed.read_text(encoding="utf-8")
    quote = "Russia’s top negotiator in Istanbul will be Vladimir Medinsky"
    assert quote in original
    seed.write_text(original.replace(quote, "Russia’s top negotiator is someone"), encoding="utf-8")
    result = store.reload()
    assert not result.ok and store.current is before
    assert any("not found in" in error and "004_53b6467d699949e3.txt" in error for error in result.errors)
    seed.write_text(original, encoding="utf-8")
    assert store.reload().ok


@pytest.mark.parametrize("change", [
    ("sections:\n", "sections:  # the topics\n"), ("\n  - id: russia-delegation", "\n\n  # next\n  - id: russia-delegation"),
    ("\n  - id: ", "\n  -\n    id: "), ("sections:\n  - ", "sections:\n- "), ("brief:\n", "---\nbrief:\n"),
    ("\n", "\r\n"), ("title: Venue", "title: >\n      Venue"), ("id: venue", "id: venue\n    id: again"),
    ("kind: logistics", "kind: gossip"), ("sections:\n", "sections:\n  # none yet\n"),
])
def test_a_brief_loaded_in_parts_is_the_brief_loaded_whole(tmp_path: Path, change: tuple[str, str]) -> None:
    text = MINI.read_text(encoding="utf-8").replace(*change)
    path = write(tmp_path, text)
    try:
        whole: Brief | list[str] = Brief.model_validate(strict_load(text))
    except Exception:
        whole = []  # refused: load_brief reports it (tested above); the parts never accept it
    if isinstance(whole, Brief):
        assert load_brief(path, SEEDS) == whole
    else:
        assert issues_of(path)
