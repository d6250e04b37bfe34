"""Parsing the list in a second process: it fills the cache, or leaves it to this one."""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path

import pytest

from bib.model import Reference
from bib.parser import parse_reference
from cli import ahead
from cli.ahead import parsing_ahead
from cli.batch import read_essay
from cli.parsecache import ParseCache, _entry_name, read_entry

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or ahead._cpus() < 2, reason="no os.fork or a single CPU here"
)

REFERENCES = [
    "Harris, J. The Great Fear (Oxford: Oxford University Press, 2016)",
    "Getty, J. A. 'Excesses are not permitted', Russian Review 61, no. 1 (2002): 113-138",
    "Harris, J. The Great Fear (Oxford: Oxford University Press, 2016)",  # twice: parsed once
]

ESSAY = """A Short Essay

As Harris argues, the fear was real (Harris 2016, 45). Getty agrees (Getty 2002).

Bibliography

Getty, J. A. 'Excesses are not permitted', Russian Review 61, no. 1 (2002): 113-138.
Harris, J. The Great Fear (Oxford: Oxford University Press, 2016).
"""


@pytest.fixture(autouse=True)
def a_free_cpu(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The machine seems idle (only this process runs), whatever else runs beside the tests."""
    count = tmp_path_factory.mktemp("proc") / "loadavg"
    count.write_text("0.00 0.00 0.00 1/100 1\n", encoding="ascii")
    monkeypatch.setattr(ahead, "LOADAVG", str(count))


def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The process ids ``os.fork`` returns in this process from now on."""
    children: list[int] = []
    real_fork = os.fork

    def fork() -> int:
        child = real_fork()
        if child:
            children.append(child)
        return child

    monkeypatch.setattr(os, "fork", fork)
    return children


def test_a_child_parses_the_references_into_the_cache(tmp_path: Path) -> None:
    cache = ParseCache(tmp_path)
    assert cache.missing(REFERENCES) == REFERENCES[:2]
    with parsing_ahead(cache, REFERENCES):
        pass
    assert cache.missing(REFERENCES) == []
    assert cache.folder is not None
    for text in REFERENCES[:2]:
        assert read_entry(cache.folder / _entry_name(text), text) == parse_reference(text)


def test_nothing_is_forked_when_every_reference_is_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = ParseCache(tmp_path)
    for text in REFERENCES:
        cache.parse(text)
    children = forks(monkeypatch)
    with parsing_ahead(cache, REFERENCES):
        pass
    assert children == []


def test_nothing_is_forked_while_another_thread_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    children = forks(monkeypatch)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        with parsing_ahead(ParseCache(tmp_path), REFERENCES):
            pass
    finally:
        stop.set()
        other.join()
    assert children == []


def test_nothing_is_forked_on_a_single_cpu(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    children = forks(monkeypatch)
    monkeypatch.setattr(ahead, "_cpus", lambda: 1)
    with parsing_ahead(ParseCache(tmp_path), REFERENCES):
        pass
    assert children == []


def test_nothing_is_forked_where_the_cache_cannot_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The child's parses would be lost, and this process would parse them all again."""
    cache = ParseCache(tmp_path / "not yet made")
    assert cache.writable()  # the nearest folder that exists, tmp_path, may be written
    children = forks(monkeypatch)
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    assert not cache.writable()
    with parsing_ahead(cache, REFERENCES):
        pass
    assert children == []


@pytest.mark.parametrize(
    ("loadavg", "forked"),
    [
        ("0.52 0.58 0.59 1/467 12345\n", True),  # only this process runs: a CPU is free
        ("1.90 1.20 0.80 64/467 12345\n", False),  # as many running as there are CPUs
        ("not what Linux writes\n", True),
        (None, True),  # no such file (macOS): assume a free CPU
    ],
)
def test_a_child_is_forked_only_while_a_cpu_is_free(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loadavg: str | None, forked: bool
) -> None:
    count = tmp_path / "loadavg"
    if loadavg is not None:
        count.write_text(loadavg.replace("64/", f"{os.cpu_count()}/"), encoding="ascii")
    monkeypatch.setattr(ahead, "LOADAVG", str(count))
    children = forks(monkeypatch)
    with parsing_ahead(ParseCache(tmp_path / "cache"), REFERENCES):
        pass
    assert len(children) == forked


def test_nothing_is_forked_without_a_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    children = forks(monkeypatch)
    with parsing_ahead(None, REFERENCES):
        pass
    assert children == []


def test_an_interrupted_block_ends_and_reaps_the_child(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    children = forks(monkeypatch)
    with pytest.raises(KeyboardInterrupt), parsing_ahead(ParseCache(tmp_path), REFERENCES):
        raise KeyboardInterrupt
    assert len(children) == 1
    with pytest.raises(ChildProcessError):  # already reaped: no zombie is left behind
        os.waitpid(children[0], os.WNOHANG)


def test_a_child_that_fails_leaves_the_parsing_to_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    essay = tmp_path / "essay.md"
    essay.write_text(ESSAY, encoding="utf-8")
    expected, _ = read_essay(essay, None)  # no cache: BIB_PARSE_CACHE=0 in the tests

    parent, parse = os.getpid(), ParseCache.parse

    def fails_in_a_child(self: ParseCache, text: str) -> Reference:
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return parse(self, text)

    children = forks(monkeypatch)
    monkeypatch.setenv("BIB_PARSE_CACHE", "1")
    monkeypatch.setenv("BIB_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(ParseCache, "parse", fails_in_a_child)
    seen: list[int] = []
    document, _ = read_essay(essay, None, lambda parts: seen.append(len(parts.entries)), ahead=True)
    assert len(children) == 1 and seen == [0]
    assert document == expected


def test_only_a_text_essay_leaves_its_references_to_parse() -> None:
    from bib.document import read_parts, unparsed

    parts = read_parts(ESSAY.encode(), "essay.md")
    assert parts.entries == ()
    assert unparsed(parts) == tuple(block.text for block in parts.references)
    assert len(unparsed(parts)) == 2


def test_the_child_keeps_the_patterns_it_compiled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parent never imports the parser, so only the child can keep its patterns."""
    from bib import patterns
    from bib.parser import features
    from cli import patterncache

    monkeypatch.setenv("BIB_PARSE_CACHE", "1")
    monkeypatch.setenv("BIB_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(patterns, "_known", {})  # nothing was kept before this run
    with parsing_ahead(ParseCache(tmp_path), REFERENCES):
        pass
    kept = patterncache.load(patterncache.pattern_file(os.environ))
    assert (features._YEAR.pattern, features._YEAR.flags & ~re.UNICODE) in kept
