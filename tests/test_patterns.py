"""Kept pattern programs give exactly the patterns re.compile gives, and never get in the way."""

from __future__ import annotations

import importlib
import marshal
import pkgutil
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import bib
import checks
import cli
from bib import patterns
from cli import patterncache

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """``bib.patterns`` with no kept and no used programs, restored afterwards."""
    monkeypatch.setattr(patterns, "_known", {})
    monkeypatch.setattr(patterns, "_learned", {})
    yield


def package_patterns() -> dict[tuple[str, int], patterns.Program]:
    """The programs of every pattern the packages compile when imported."""
    for package in (bib, checks, cli):
        for module in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            if module.name.endswith("__main__"):
                continue  # running it is `python -m bib`
            importlib.import_module(module.name)
    return patterns.used()


def test_the_packages_compile_their_patterns_through_this_module() -> None:
    assert len(package_patterns()) > 150


def test_every_pattern_from_a_kept_program_is_the_pattern_re_compiles(fresh: None) -> None:
    kept = {key: program for key, program in package_patterns().items()}
    kept.update(patterns_made_here())
    assert kept
    patterns.preload(kept)
    for (pattern, flags), _ in kept.items():
        ours = patterns.compile(pattern, flags)
        theirs = re.compile(pattern, flags)
        # Pattern equality compares pattern, flags and the compiled program itself.
        assert ours == theirs, pattern
        assert ours.groupindex == theirs.groupindex
        assert ours.groups == theirs.groups


def patterns_made_here() -> dict[tuple[str, int], patterns.Program]:
    """Programs compiled in this test's own process (the imports above may be cached)."""
    made: dict[tuple[str, int], patterns.Program] = {}
    for pattern, flags in [
        (r"(?P<family>[^\W\d_]+), (?P<given>\w\.)", 0),
        (r"\b(?:vol|no)\.?\s*(\d+)", re.IGNORECASE),
        (r"^\s*#.*$", re.MULTILINE | re.VERBOSE),
        (r"(?<=[“‘])\w+(?=[”’])", 0),
    ]:
        program = patterns._program(pattern, int(flags))
        assert program is not None
        made[(pattern, int(flags))] = program
    return made


def test_a_pattern_compiles_the_same_with_and_without_a_kept_program(fresh: None) -> None:
    first = patterns.compile(r"(\d{4})[a-z]?", re.ASCII)
    assert patterns.compiled_anew()
    kept = patterns.used()
    patterns._learned.clear()
    patterns.preload(kept)
    second = patterns.compile(r"(\d{4})[a-z]?", re.ASCII)
    assert second == first == re.compile(r"(\d{4})[a-z]?", re.ASCII)
    assert not patterns.compiled_anew()
    found = second.match("1999a")
    assert found is not None and found.group(1) == "1999"


def test_a_program_the_engine_refuses_is_compiled_again(fresh: None) -> None:
    flags, code, groups, names, numbered = patterns._program(r"a+b", 0) or pytest.fail()
    patterns.preload({(r"a+b", 0): (flags, [999_999, *code], groups, names, numbered)})
    assert patterns.compile(r"a+b") == re.compile(r"a+b")


def test_a_bad_pattern_raises_as_re_compile_does(fresh: None) -> None:
    with pytest.raises(re.error):
        patterns.compile(r"(unclosed")


def test_kept_programs_survive_the_file(fresh: None, tmp_path: Path) -> None:
    path = tmp_path / "patterns" / "programs.marshal"
    compiled = patterns.compile(r"pp?\.\s*(\d+)[-–](\d+)", re.IGNORECASE)
    patterncache.save(path, {})
    assert path.is_file()
    assert not list(path.parent.glob("*.tmp"))
    patterns._known.clear()
    patterns._learned.clear()
    loaded = patterncache.load(path)
    assert list(loaded) == [(r"pp?\.\s*(\d+)[-–](\d+)", int(re.IGNORECASE))]
    assert patterns.compile(r"pp?\.\s*(\d+)[-–](\d+)", re.IGNORECASE) == compiled
    assert not patterns.compiled_anew()


def test_nothing_is_written_when_every_pattern_was_kept(fresh: None, tmp_path: Path) -> None:
    path = tmp_path / "programs.marshal"
    patterns.compile(r"x+")
    patterncache.save(path, {})
    before = path.stat().st_mtime_ns
    patterns._learned.clear()
    patterncache.load(path)
    patterns.compile(r"x+")
    path.unlink()
    patterncache.save(path, {})
    assert not path.exists(), "a run that compiled nothing new wrote the file"
    assert before


def test_a_save_keeps_what_another_process_kept_since_the_load(fresh: None, tmp_path: Path) -> None:
    """A lint's parsing child keeps the parser's patterns while its parent runs on."""
    path = tmp_path / "programs.marshal"
    loaded = patterncache.load(path)  # nothing yet
    patterns.compile(r"kept by the child")
    patterncache.save(path, {})
    patterns._learned.clear()
    patterns.compile(r"kept by the parent")
    patterncache.save(path, loaded)
    assert set(patterncache.load(path)) == {("kept by the child", 0), ("kept by the parent", 0)}


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not marshal at all",
        marshal.dumps((patterncache.FORMAT, "another Python 2.7", {("x", 0): (0, [], 0, {}, ())})),
        marshal.dumps((patterncache.FORMAT + 1, patterns.build(), {})),
        marshal.dumps([1, 2, 3]),
    ],
)
def test_a_file_that_is_not_ours_is_ignored(fresh: None, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "programs.marshal"
    path.write_bytes(content)
    assert patterncache.load(path) == {}
    assert patterns.compile(r"y+") == re.compile(r"y+")


def test_a_file_that_cannot_be_written_changes_nothing(fresh: None, tmp_path: Path) -> None:
    blocker = tmp_path / "patterns"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    patterns.compile(r"z+")
    patterncache.save(blocker / "programs.marshal", {})
    assert blocker.read_text(encoding="utf-8") == "a file where the folder should be"


def test_the_file_lives_in_the_cache_directory_unless_caching_is_off(tmp_path: Path) -> None:
    path = patterncache.pattern_file({"BIB_CACHE_DIR": str(tmp_path)})
    assert path is not None and path.parent == tmp_path / patterncache.SUBDIRECTORY
    assert (
        patterncache.pattern_file({"BIB_CACHE_DIR": str(tmp_path), "BIB_PARSE_CACHE": "0"}) is None
    )


def test_old_programs_are_dropped_once_the_file_is_full(
    fresh: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "programs.marshal"
    monkeypatch.setattr(patterncache, "LIMIT", 2)
    old = {(f"old{i}", 0): patterns._program(f"old{i}", 0) for i in range(2)}
    patterns.compile(r"new")
    patterncache.save(path, old)  # type: ignore[arg-type]
    patterns._learned.clear()
    assert list(patterncache.load(path)) == [("new", 0)]


def test_the_command_keeps_its_patterns_and_answers_the_same(tmp_path: Path) -> None:
    """A first run (nothing kept) and a second (everything kept) print the same findings."""
    essay = ROOT / "examples" / "essay.md"
    environment = {"BIB_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}

    def lint() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "bib", "lint", "--format", "json", str(essay)],
            capture_output=True, text=True, env=environment, cwd=ROOT, timeout=120, check=False,
        )  # fmt: skip

    first = lint()
    kept = list((tmp_path / patterncache.SUBDIRECTORY).glob("*.marshal"))
    second = lint()
    assert len(kept) == 1
    assert first.returncode == second.returncode == 1
    assert first.stdout == second.stdout
    assert first.stderr == second.stderr == ""


def test_keeping_them_all_at_once_leaves_a_run_nothing_to_compile(tmp_path: Path) -> None:
    """`make` keeps every pattern after installing; a first `bib lint` then writes nothing."""
    environment = {"BIB_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    subprocess.run(
        [sys.executable, "-m", "cli.patterncache"], env=environment, cwd=ROOT, check=True
    )
    (kept,) = (tmp_path / patterncache.SUBDIRECTORY).glob("*.marshal")
    before = kept.read_bytes()
    essay = ROOT / "examples" / "essay.md"
    subprocess.run(
        [sys.executable, "-m", "bib", "lint", str(essay)], env=environment, cwd=ROOT,
        capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    assert kept.read_bytes() == before
