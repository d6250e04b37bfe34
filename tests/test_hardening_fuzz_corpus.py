"""Every input the fuzzer ever caught, replayed: read by every reader, then parsed.

The files live in tests/fuzz/corpus/ (see its README); scripts/fuzz.py finds new ones.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.fuzz.targets import parse_any, read_any

CORPUS = Path(__file__).parent / "fuzz" / "corpus"
FILES = sorted(p for p in CORPUS.iterdir() if p.is_file() and p.name != "README.md")
# Generous, against a hang: the slowest input (the damaged .docx) takes ~0.1 s of CPU, and
# the no-break spaces, ~1 s when they were found, now take a few milliseconds.
SECONDS = 5.0


def test_the_corpus_is_there_and_documented() -> None:
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    assert FILES
    for path in FILES:
        assert f"`{path.name}`" in readme, f"say in the README what {path.name} broke"


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_a_caught_input_is_read_and_parsed_in_time(path: Path) -> None:
    data = path.read_bytes()
    started = time.thread_time()
    read_any(data)
    parse_any(data)
    elapsed = time.thread_time() - started
    assert elapsed < SECONDS, f"{path.name}: {elapsed:.2f} s of CPU"
