"""The reading cache: a re-run takes the body's reading from it, with the same findings."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest

from bib.document import read_parts
from bib.model import Document
from checks.reading import decode, encode, read_body
from cli.readingcache import SUBDIRECTORY, ReadingCache, reader_fingerprint, reading_cache
from tests.conftest import runs_with_caches

ESSAY = """A Short Essay

As Harris argues, the fear was real (Harris 2016, 45). Getty agrees (Getty 2002), and
Klevniuk wrote that "the terror was planned" without a page.

Bibliography

Getty, J. A. 'Excesses are not permitted', Russian Review 61, no. 1 (2002): 113-138.
Harris, J. The Great Fear (Oxford: Oxford University Press, 2016).
Khlevniuk, O. Master of the House (New Haven: Yale University Press, 2009).
"""


def parts(text: str = ESSAY) -> Document:
    return read_parts(text.encode(), "essay.md")


def test_a_reading_survives_its_encoding() -> None:
    reading = read_body(parts())
    assert reading.citations and reading.mentions and reading.quotations and reading.common
    assert decode(marshal.loads(marshal.dumps(encode(reading)))) == reading


@pytest.mark.parametrize("record", [None, (), (0, (), (), (), ()), ("x",) * 5, (1, 2, 3, 4, 5)])
def test_anything_else_is_not_a_reading(record: object) -> None:
    with pytest.raises((ValueError, TypeError, IndexError)):
        decode(record)


def test_a_stored_reading_loads_equal_and_only_for_its_own_body(tmp_path: Path) -> None:
    cache = ReadingCache(tmp_path)
    assert cache.load(parts()) is None
    cache.store(parts(), read_body(parts()))
    assert ReadingCache(tmp_path).load(parts()) == read_body(parts())
    moved = parts(ESSAY.replace("A Short Essay\n", "A Short Essay\n\n"))  # same words, other lines
    assert ReadingCache(tmp_path).load(moved) is None


@pytest.mark.parametrize("garbage", [b"", b"\x00\x01garbage", marshal.dumps((b"key", (1,)))])
def test_a_corrupt_reading_is_a_miss(tmp_path: Path, garbage: bytes) -> None:
    ReadingCache(tmp_path).store(parts(), read_body(parts()))
    (entry,) = (tmp_path / SUBDIRECTORY / reader_fingerprint()).iterdir()
    entry.write_bytes(garbage)
    assert ReadingCache(tmp_path).load(parts()) is None


def test_the_folders_of_other_versions_are_removed(tmp_path: Path) -> None:
    old = tmp_path / SUBDIRECTORY / "0000000000000000"
    old.mkdir(parents=True)
    ReadingCache(tmp_path).store(parts(), read_body(parts()))
    assert not old.exists()


def test_an_unwritable_cache_is_only_a_miss(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    cache = ReadingCache(blocker)
    cache.store(parts(), read_body(parts()))
    assert cache.load(parts()) is None


def test_it_can_be_turned_off(tmp_path: Path) -> None:
    assert reading_cache({"BIB_CACHE_DIR": str(tmp_path), "BIB_PARSE_CACHE": "0"}) is None
    assert reading_cache({"BIB_CACHE_DIR": str(tmp_path)}) is not None


def test_a_rerun_reads_the_body_from_the_cache_with_the_same_findings(
    tmp_path: Path, seed_essay: Path
) -> None:
    # Counts the blocks whose capitalised words are read: none when the reading is cached.
    probe = (
        "import sys\n"
        "import bib.citations\n"
        "from cli.main import main\n"
        "read = []\n"
        "found = bib.citations.mentions\n"
        "bib.citations.mentions = lambda block: read.append(1) or found(block)\n"
        f"sys.argv = ['bib', 'lint', '--format', 'json', {str(seed_essay)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(len(read), flush=True)\n"
    )
    runs = runs_with_caches(probe, tmp_path)
    first, again = (run.stdout.splitlines() for run in runs)
    assert int(first[-1]) > 0, runs[0].stderr  # the first run read the body's words
    assert again[-1] == "0", runs[1].stderr  # the second took its reading from the cache
    assert first[:-1] == again[:-1]  # the same findings
    assert len(list(tmp_path.glob(f"{SUBDIRECTORY}/*/*"))) == 1


def test_a_very_long_body_is_read_every_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import cli.readingcache

    monkeypatch.setattr(cli.readingcache, "LONGEST", 100)
    cache = ReadingCache(tmp_path)
    cache.store(parts(), read_body(parts()))
    assert cache.load(parts()) is None
    assert not (tmp_path / SUBDIRECTORY).exists()
