"""The parse cache answers exactly what the parser would, and never gets in the way."""

from __future__ import annotations

from pathlib import Path

import pytest

from bib.model import EntryType, Name, Reference
from bib.parser import parse_reference
from cli.parsecache import (
    SUBDIRECTORY,
    ParseCache,
    decode,
    encode,
    parser_fingerprint,
    read_entry,
    reference_parser,
)
from tests.conftest import runs_with_caches

REFERENCES = [
    "Harris, J. The Great Fear (Oxford: Oxford University Press, 2016)",
    "Carley, M. J. 1939: The Alliance That Never Was (Chicago: Ivan R. Dee, 1999)",
    "McLoughlin, B. and McDermott, K. (eds.) Stalin's Terror (Basingstoke: Palgrave, 2003)",
    'Getty, J. A. "Excesses are not permitted", Russian Review 61, no. 1 (2002): 113-138',
    "",
    "\ud800 lone surrogate, 1999",
]


@pytest.mark.parametrize("text", REFERENCES)
def test_a_stored_reference_reads_back_equal(text: str) -> None:
    reference = parse_reference(text)
    assert decode(encode(reference)) == reference


def test_every_kind_of_field_survives() -> None:
    reference = Reference(
        type=EntryType.CHAPTER,
        authors=(Name("Linden", "Marcel", "van der", "Jr."),),
        editors=(Name("Cooper", "J."),),
        title="A title",
        segments=(("author", "Linden, Marcel van der"), ("title", "A title")),
    )
    assert decode(encode(reference)) == reference


def test_a_second_parse_comes_from_the_cache_and_equals_the_first(tmp_path: Path) -> None:
    first = [ParseCache(tmp_path).parse(text) for text in REFERENCES]
    folder = tmp_path / SUBDIRECTORY / parser_fingerprint()
    assert len(list(folder.iterdir())) == len(REFERENCES)
    second = [ParseCache(tmp_path).parse(text) for text in REFERENCES]
    assert second == first == [parse_reference(text) for text in REFERENCES]


@pytest.mark.parametrize("garbage", [b"", b"\x00\x01garbage", b"\xe9" * 100])
def test_a_corrupt_entry_is_parsed_again(tmp_path: Path, garbage: bytes) -> None:
    text = REFERENCES[0]
    ParseCache(tmp_path).parse(text)
    (entry,) = (tmp_path / SUBDIRECTORY / parser_fingerprint()).iterdir()
    entry.write_bytes(garbage)
    assert ParseCache(tmp_path).parse(text) == parse_reference(text)


def test_an_entry_of_another_text_is_not_taken(tmp_path: Path) -> None:
    """Entries are named by a checksum; the text stored inside decides."""
    ParseCache(tmp_path).parse(REFERENCES[0])
    (entry,) = (tmp_path / SUBDIRECTORY / parser_fingerprint()).iterdir()
    assert read_entry(entry, REFERENCES[0]) == parse_reference(REFERENCES[0])
    assert read_entry(entry, REFERENCES[1]) is None


def test_the_folders_of_other_parsers_are_removed(tmp_path: Path) -> None:
    old = tmp_path / SUBDIRECTORY / "0000000000000000"
    old.mkdir(parents=True)
    (old / "entry").write_bytes(b"old")
    ParseCache(tmp_path).parse(REFERENCES[0])
    assert not old.exists()


def test_an_unwritable_cache_still_parses(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    assert ParseCache(blocker).parse(REFERENCES[0]) == parse_reference(REFERENCES[0])


def test_it_can_be_turned_off(tmp_path: Path) -> None:
    environ = {"BIB_CACHE_DIR": str(tmp_path), "BIB_PARSE_CACHE": "0"}
    assert reference_parser(environ)(REFERENCES[0]) == parse_reference(REFERENCES[0])
    assert not (tmp_path / SUBDIRECTORY).exists()


def test_a_warm_run_loads_neither_the_model_nor_the_tagger(
    tmp_path: Path, seed_essay: Path
) -> None:
    """What the cache is for: a re-run of the same essay skips the parser altogether."""
    probe = (
        "import sys\n"
        "from cli.main import main\n"
        f"sys.argv = ['bib', 'lint', {str(seed_essay)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('pycrfsuite', 'bib.parser.tagger') if m in sys.modules))\n"
    )
    runs = runs_with_caches(probe, tmp_path)
    cold, warm = (run.stdout.splitlines() for run in runs)
    # The cold run parsed: here, or in the process it forked to parse (cli.ahead).
    assert len(list(tmp_path.glob("parsed/*/*"))) == 30, runs[0].stderr
    assert warm[-1] == "[]", runs[1].stderr
    assert cold[:-1] == warm[:-1]  # the same findings


def test_the_fingerprint_covers_the_installed_crf_library() -> None:
    from cli.parsecache import _tagger_engine_files

    assert any(path.name.startswith("_pycrfsuite") for path in _tagger_engine_files())


def test_an_upgraded_crf_library_starts_a_new_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import cli.parsecache

    engine = tmp_path / "_pycrfsuite.so"
    engine.write_bytes(b"1.0")
    monkeypatch.setattr(cli.parsecache, "_tagger_engine_files", lambda: [engine])
    before = parser_fingerprint()
    engine.write_bytes(b"1.1 compiled anew")
    assert parser_fingerprint() != before


def test_a_full_cache_is_emptied_before_it_grows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import cli.parsecache

    monkeypatch.setattr(cli.parsecache, "LIMIT", 3)
    for text in REFERENCES[:3]:
        ParseCache(tmp_path).parse(text)
    folder = tmp_path / SUBDIRECTORY / parser_fingerprint()
    assert len(list(folder.iterdir())) == 3
    # A run that reads only stored parses leaves the folder as it is.
    assert ParseCache(tmp_path).parse(REFERENCES[0]) == parse_reference(REFERENCES[0])
    assert len(list(folder.iterdir())) == 3
    # One with a new reference to store makes room first.
    assert ParseCache(tmp_path).parse(REFERENCES[3]) == parse_reference(REFERENCES[3])
    assert [path.name for path in folder.iterdir()] == [cli.parsecache._entry_name(REFERENCES[3])]
