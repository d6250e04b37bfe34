"""An adversarial corpus, generated here: everything finishes, in time linear in its size.

Each input goes through what `bib lint` does (read the document, run every rule). The
linear-time test builds each input at 1x and 10x and requires the 10x run to take less
than 15 times as long. Times are the CPU time of the thread that runs the work, not the
wall clock, so that other jobs on a shared 2-core machine do not count. Ten 1x runs are
set against one 10x run, so both measures span as long and meet the same interference;
the garbage collector is off and the caches of earlier runs are cleared; the best of two
rounds counts, and the whole comparison is retried before it fails. The sizes are chosen
so that a 10x run takes well under a second here.
"""

from __future__ import annotations

import gc
import itertools
import re
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bib.document import read_document
from bib.model import Document, EntryType, Finding, Name, Reference
from checks.ordering import longest_sorted_run
from checks.rules import Settings, run_checks

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = (ROOT / "examples" / "essay.md").read_text(encoding="utf-8")
BODY = EXAMPLE[EXAMPLE.index("# Optimists") : EXAMPLE.index("## References")]
REFERENCES = [
    line for line in EXAMPLE[EXAMPLE.index("## References") :].splitlines()[1:] if line.strip()
][:19]  # the image credit and the share line after the list are not references

DASHES = "-‐‑‒–—―−⁃﹘﹣－"
SPACES = (
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u202f\u205f\u3000\u200b\u2060\ufeff\t "
)
DIRECTION = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
# Control characters other than the line ends, kept under the 1% that makes a file binary.
CONTROLS = "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x1a\x1b\x1f\x7f\x85"
SCRIPTS = (
    "Хлевнюк",
    "Ежов",
    "محمد",
    "עברית",
    "毛泽东",
    "日本語",
    "한국어",
    "Ελληνικά",
    "ქართული",
    "हिंदी",
    "Łódź",
    "Ñuñoa",
    "😀",
)
SYLLABLES = ("ka", "lo", "mir", "zu", "ven", "dra", "sol", "pet", "ruk", "bel", "tov", "ish")


def lint(
    data: bytes,
    path: str,
    settings: Settings | None = None,
    parse: Callable[[str], Reference] | None = None,
) -> tuple[Document, list[Finding]]:
    """What `bib lint` computes for one file, without the output (``parse``: the parser)."""
    document = read_document(data, path, parse=parse)
    return document, list(run_checks(document, settings or Settings()))


# -- the generators ------------------------------------------------------------------------------


def family(i: int) -> str:
    """A distinct family name for every i: Kalomir, Zuven..., as many as needed."""
    letters = []
    while True:
        letters.append(SYLLABLES[i % len(SYLLABLES)])
        i //= len(SYLLABLES)
        if not i:
            break
    return "".join(letters).capitalize()


def reference(i: int) -> str:
    year = 1900 + i % 120
    return (
        f"{family(i)}, {chr(65 + i % 26)}. ({year}) *The {family(i + 7)} question, volume {i}*. "
        f"{family(i + 3)}: {family(i + 5)} University Press."
    )


def essay(paragraphs: Iterator[str], references: Iterator[str]) -> bytes:
    text = "# A title\n\n" + "\n\n".join(paragraphs) + "\n\n## References\n\n"
    return (text + "\n\n".join(references) + "\n").encode("utf-8")


def cycled(characters: str, words: int, sample: str = BODY) -> str:
    """The sample's words, each followed by the next of ``characters`` in turn."""
    source = itertools.cycle(sample.split())
    marks = itertools.cycle(characters)
    return "".join(next(source) + next(marks) for _ in range(words))


# name -> (suffix, the input at a scale). Each one's 1x is sized for ~50-150 ms here.
Make = Callable[[int], bytes]
CASES: dict[str, tuple[str, Make]] = {
    "essay with its list": (
        ".md",
        lambda k: essay(itertools.repeat(BODY, k), (reference(i) for i in range(5 * k))),
    ),
    "references only": (".md", lambda k: essay(iter(()), (reference(i) for i in range(30 * k)))),
    "duplicated references": (".md", lambda k: essay(iter(()), iter(REFERENCES * k))),
    "one long line": (
        ".txt",
        lambda k: (BODY.replace("\n", " ") * 2 * k + " References " + REFERENCES[0]).encode(),
    ),
    "nested quotation marks": (
        ".txt",
        lambda k: essay(iter(["Harris wrote " + "“‘«‹„" * 1000 * k]), iter(REFERENCES[:2])),
    ),
    "unbalanced quotation marks": (
        ".txt",
        lambda k: essay(
            ("“Fear ‘was ’ general” ” ’ »" * 60 for _ in range(25 * k)), iter(REFERENCES[:2])
        ),
    ),
    "every dash and space": (
        ".md",
        lambda k: essay(
            (cycled(DASHES + SPACES, 300) for _ in range(5 * k)),
            (cycled(DASHES + SPACES, 20, reference(i)) for i in range(5 * k)),
        ),
    ),
    "mixed scripts": (
        ".md",
        lambda k: essay(
            (cycled(" ", 300, " ".join(SCRIPTS) + " " + BODY[:800]) for _ in range(5 * k)),
            (f"{SCRIPTS[i % len(SCRIPTS)]}, {reference(i)}" for i in range(5 * k)),
        ),
    ),
    "control characters": (
        ".txt",
        lambda k: essay(
            (cycled(" " * 2000 + CONTROLS, 300) for _ in range(5 * k)),
            (reference(i) + CONTROLS[i % len(CONTROLS)] for i in range(5 * k)),
        ),
    ),
    "right-to-left marks": (
        ".md",
        lambda k: essay(
            (cycled(DIRECTION + " ", 300) for _ in range(5 * k)),
            (cycled(DIRECTION, 20, reference(i)) for i in range(5 * k)),
        ),
    ),
    "markdown punctuation": (
        ".md",
        lambda k: essay(
            (
                line * (200 * k)
                for line in ("*a ", "_a ", "**", "[", "](", "`", "> ", "# ", "|", "- ", "<!-- ")
            ),
            iter(REFERENCES[:2]),
        ),
    ),
    "parentheses and brackets": (
        ".txt",
        lambda k: essay(
            iter(["(" * 3000 * k, "(Harris " * 600 * k, "[@key, p. " * 600 * k]),
            iter(REFERENCES[:2]),
        ),
    ),
    "many short lines": (".txt", lambda k: ("Title\n\n" + "a\n" * 4000 * k).encode()),
    "a .bib file": (
        ".bib",
        lambda k: "\n".join(
            f"@book{{k{i}, author = {{{family(i)}, A.}}, title = {{{{T}}he {family(i + 1)}}},"
            f" year = {{{1900 + i % 100}}}, publisher = {{P}}}}"
            for i in range(60 * k)
        ).encode(),
    ),
    "a LaTeX essay": (
        ".tex",
        lambda k: (
            "\\documentclass{article}\\begin{document}\\section{Intro}\n"
            + "As \\textcite{k1} and \\parencite[33]{k2} argue, {\\em fear} \\% was general.\n\n"
            * (300 * k)
            + "\\begin{thebibliography}{9}\n"
            + "".join(f"\\bibitem{{k{i}}} {reference(i)}\n" for i in range(5 * k))
            + "\\end{thebibliography}\\end{document}\n"
        ).encode(),
    ),
}


# -- measuring -----------------------------------------------------------------------------------


def clear_caches() -> None:
    """Forget what earlier runs computed (keep the loaded parser model): runs start equal."""
    for name, module in list(sys.modules.items()):
        if not name.startswith(("bib.", "checks.")) or name == "bib.parser.tagger":
            continue
        for value in list(vars(module).values()):
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


def cpu_time(run: Callable[[], object]) -> float:
    """The CPU time of this thread that ``run`` took (others' load is not ours), from cold
    caches."""
    clear_caches()
    started = time.thread_time()
    run()
    return time.thread_time() - started


def one_and_ten(small: Callable[[], object], large: Callable[[], object]) -> tuple[float, float]:
    """(1x, 10x) seconds: ten 1x runs around one 10x run, so that both spend about as long
    on the CPU and meet the same interference; the best of one 1x run would be compared
    with an average over a 10x run's ten times longer stretch, and lose to noise. The
    garbage collector is off: its full passes come when they will, not with the size."""
    gc.collect()
    gc.disable()
    try:
        before = sum(cpu_time(small) for _ in range(5))
        ten = cpu_time(large)
        after = sum(cpu_time(small) for _ in range(5))
    finally:
        gc.enable()
    return (before + after) / 10, ten


def linear_or_pairs(
    small: Callable[[], object], large: Callable[[], object], rounds: int = 2, tries: int = 3
) -> list[tuple[float, float]]:
    """(1x, 10x) seconds, each the best of ``rounds``; measured again, up to ``tries`` times,
    until the 10x run takes under 15 times as long."""
    pairs = []
    for _ in range(tries):
        measured = [one_and_ten(small, large) for _ in range(rounds)]
        pairs.append((min(s for s, _ in measured), min(t for _, t in measured)))
        if pairs[-1][1] < 15 * pairs[-1][0]:
            break
    return pairs


def small_and_large(make: Make, path: str) -> list[tuple[float, float]]:
    small, large = make(1), make(10)
    lint(small, path)  # warm: imports, the model
    return linear_or_pairs(lambda: lint(small, path), lambda: lint(large, path))


@pytest.mark.parametrize("case", CASES)
def test_ten_times_the_input_takes_less_than_fifteen_times_the_time(case: str) -> None:
    suffix, make = CASES[case]
    pairs = small_and_large(make, f"essay{suffix}")
    small, large = pairs[-1]
    assert large < 15 * small, f"(1x, 10x) seconds: {pairs}"
    assert large < 5.0, f"10x took {large:.2f} s of CPU: too slow for {len(make(10))} bytes"


# The cases whose generated list must come out as entries (the others have no list, or
# bury it where no reader should find one).
WITH_ENTRIES = {
    "essay with its list": 5,
    "references only": 30,
    "duplicated references": len(REFERENCES),
    "a .bib file": 60,
    "a LaTeX essay": 5,
}


@pytest.mark.parametrize("case", CASES)
def test_every_case_reads_and_keeps_its_entries(case: str) -> None:
    suffix, make = CASES[case]
    document, findings = lint(make(1), f"essay{suffix}")
    assert document.path == f"essay{suffix}"
    assert all(f.span.line >= 1 for f in findings)
    if case in WITH_ENTRIES:
        assert len(document.entries) == WITH_ENTRIES[case]


# -- the big ones, once each -----------------------------------------------------------------------


def test_a_one_megabyte_line_is_linted_in_a_few_seconds() -> None:
    line = (BODY.replace("\n", " ") * (1_000_000 // len(BODY) + 1))[:1_000_000]
    data = (line + "\n\nReferences\n\n" + "\n\n".join(REFERENCES) + "\n").encode()
    started = time.thread_time()
    document, findings = lint(data, "essay.txt")
    elapsed = time.thread_time() - started
    assert len(document.entries) == len(REFERENCES)
    assert findings
    assert elapsed < 20, f"{elapsed:.1f} s of CPU"


def stand_in_references(count: int) -> dict[str, Reference]:
    """What the parser would read in each of ``reference(0 ... count - 1)``."""
    return {
        reference(i): Reference(
            type=EntryType.BOOK,
            authors=(Name(family(i), chr(65 + i % 26) + "."),),
            title=f"The {family(i + 7)} question, volume {i}",
            year=str(1900 + i % 120),
            publisher=f"{family(i + 5)} University Press",
            place=family(i + 3),
        )
        for i in range(count)
    }


def essay_citing(count: int) -> bytes:
    """``count`` references and prose citing one work in every 997 of them."""
    # A citation that matches no entry is compared with every spelling of the list
    # (linear in the list for each such citation): the prose cites works of the list.
    body = " ".join(f"As {family(i)} ({1900 + i % 120}, 4) argued." for i in range(0, count, 997))
    return essay(iter([body]), (reference(i) for i in range(count)))


def test_a_hundred_thousand_references_through_layout_keys_and_every_rule() -> None:
    # The CRF costs ~3 ms a reference and cuts each at 2,000 characters, so its part is
    # linear by construction (and measured above); the rest of the pipeline (finding and
    # splitting the list, keys, duplicates, ordering, citations against the list) must
    # not be quadratic in the number of entries: 10,000 and 100,000 references, compared.
    # A stand-in parser gives each line its own fields.
    # Every rule runs, name-variant included: it compares two spellings of the list only
    # when they fold to one key, so these generated surnames, built from a few syllables
    # and close to many others, cost it no more than distinct ones.
    count = 100_000
    parsed = stand_in_references(count)
    settings = Settings()
    small, large = essay_citing(count // 10), essay_citing(count)
    result: list[tuple[Document, list[Finding]]] = []
    pairs = linear_or_pairs(
        lambda: lint(small, "essay.md", settings, parsed.__getitem__),
        lambda: result.append(lint(large, "essay.md", settings, parsed.__getitem__)),
        rounds=1,
    )
    document, findings = result[-1]
    assert len(document.entries) == count
    assert not [f for f in findings if f.rule in ("bibliography-order", "duplicate-entry")]
    assert len({entry.key for entry in document.entries}) == count
    small_seconds, large_seconds = pairs[-1]
    assert large_seconds < 15 * small_seconds, f"(10,000, 100,000) seconds: {pairs}"
    assert large_seconds < 120, f"{large_seconds:.1f} s of CPU"


def lint_in_a_process(path: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    """A real `bib lint --format json` of ``path``; the CPU seconds that process took."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        [sys.executable, "-m", "bib", "lint", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return result, seconds


@pytest.mark.slow
def test_a_fifty_megabyte_essay_is_linted_in_linear_time(tmp_path: Path) -> None:
    # Plain prose with a few citations, in a real `bib lint` process, at 5 MB and at
    # 50 MB; the time is mostly the citation finder's pass over every word (about 1.4 s
    # of CPU a megabyte here, so this test takes a minute and a half).
    paragraph = (
        "The historians disagree about the role of fear in the decisions of the leadership "
        "(Allen 2009, 12), and the debate has moved from archives to memoirs and back again.\n\n"
    )
    runs = []
    for megabytes in (5, 50):
        path = tmp_path / f"essay-{megabytes}.md"
        with path.open("w", encoding="utf-8") as stream:
            stream.write("# A very long essay\n\n")
            stream.write(paragraph * (megabytes * 1024 * 1024 // len(paragraph)))
            stream.write("## References\n\n" + "\n\n".join(REFERENCES) + "\n")
        assert path.stat().st_size > megabytes * 1024 * 1024
        result, seconds = lint_in_a_process(path)
        path.unlink()
        assert result.returncode == 1, result.stderr
        assert '"unused-reference"' in result.stdout
        runs.append(seconds)
    small, large = runs
    assert large < 15 * small, f"(5 MB, 50 MB) CPU seconds: {runs}"
    assert large < 300, f"{large:.0f} s of CPU for 50 MB"


# -- regular expressions -------------------------------------------------------------------------


def module_patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    """Every compiled pattern at the top level of bib, cli and checks modules."""
    import importlib
    import pkgutil

    seen: set[int] = set()
    for package in ("bib", "cli", "checks"):
        root = importlib.import_module(package)
        for info in pkgutil.walk_packages(root.__path__, f"{package}."):
            if info.name.endswith("__main__"):
                continue
            module = importlib.import_module(info.name)
            for name, value in vars(module).items():
                if isinstance(value, re.Pattern) and id(value) not in seen:
                    seen.add(id(value))
                    yield f"{info.name}.{name}", value


def subpatterns(op: object, value: Any) -> list[Any]:
    """The parts of a parsed group, alternation or look-around; nothing for the rest."""
    from re import _parser as parser  # type: ignore[attr-defined]

    if op is parser.SUBPATTERN:
        return [value[-1]]
    if op is parser.BRANCH:
        return list(value[1])
    if op in (parser.ASSERT, parser.ASSERT_NOT):
        return [value[1]]
    return []


def nested_quantifiers(pattern: re.Pattern[str]) -> bool:
    """Whether an unbounded repeat sits inside another: the shape that can backtrack."""
    from re import _parser as parser  # type: ignore[attr-defined]

    repeats = {parser.MAX_REPEAT, parser.MIN_REPEAT, parser.POSSESSIVE_REPEAT}

    def walk(items: object, inside: bool) -> bool:
        for op, value in items:  # type: ignore[attr-defined]
            if op in repeats:
                _, most, item = value
                unbounded = most == parser.MAXREPEAT or most > 50
                if (unbounded and inside) or walk(item, inside or unbounded):
                    return True
                continue
            if any(walk(child, inside) for child in subpatterns(op, value)):
                return True
        return False

    return walk(parser.parse(pattern.pattern, pattern.flags), False)


# Each pattern with nested quantifiers, reviewed: the strings that would make it backtrack
# if it could, the longest text the code applies it to (None: unbounded) and how the code
# applies it ("search" also covers finditer, findall, sub and split).
REVIEWED: dict[str, tuple[tuple[str, ...], int | None, str]] = {
    "bib.citations._WORD": (("a-" * 50 + "-", "a’" * 50), None, "search"),
    # One part of a parenthesis: at most 300 characters and never a line break. (With a
    # line break it backtracks exponentially: "a" * 100 + "\n!" takes minutes.)
    "bib.citations._NAME_PART": (("a " * 50 + "!", "a" * 100 + "!", "Ab, " * 50), 300, "match"),
    # A parenthesis of up to 300 characters that may run over single line breaks: the
    # look-ahead for a blank line scans the spaces after each break, at most 300 times.
    "bib.citations._PARENTHESIS": (
        ("(a\n " * 50, "(" + "a\n  " * 100, "(" + " " * 100 + "\n" + " " * 100),
        None,
        "search",
    ),
    "bib.citations._NOTE_AUTHOR": (("A. " * 50, "van " * 50 + "a", "a" * 100), None, "match"),
    # Several years after a name, "(1984, 1993)": each repeat must open with its own comma
    # or semicolon, so a text matches one way; the code reads 40 characters after a name.
    "bib.citations._PUBLICATION_YEAR": (
        ("(1984" + ", 1993" * 50, "(1984" + " ;" * 100, "(1984" + ", 19934" * 50),
        40,
        "match",
    ),
    "bib.markdown._MARKUP_LINE": (("- " * 50 + "a", "[" * 100, "=" * 100 + "a"), None, "fullmatch"),
    "bib.markdown._LINE_START": ((" > " * 50 + "a", "\t" * 100, "> " * 50 + "1."), None, "match"),
    "bib.markdown._STRONG_STAR": (("**a\n" * 50, "**a" * 50, "** a\n" * 50), None, "search"),
    "bib.markdown._STRONG_UNDER": (("__a\n" * 50, "__a" * 50), None, "search"),
    "bib.markdown._EM_STAR": (("*a\n" * 50, "*a " * 50), None, "search"),
    "bib.markdown._EM_UNDER": (("_a\n" * 50, "_a " * 50), None, "search"),
    # The parser's patterns see at most MAX_LENGTH (2,000) characters. _JOINERS was
    # quadratic in a run of spaces (~1 s for 2,000 no-break spaces) until it stopped
    # starting a match inside the run.
    "bib.parser.names._JOINERS": (
        (" and" * 50 + "!", " " * 200 + "!", "\u00a0" * 200 + "!"),
        2000,
        "search",
    ),
    "bib.parser.names._INITIALS": (("a -" * 50 + "1", "A " * 50 + "1"), 2000, "match"),
    "bib.parser.names._NAME_WORDS": (("a-" * 50, "a.-" * 50 + "."), 2000, "search"),
    "bib.parser.tokens._TOKEN": (("1 - " * 50 + "-", "a'" * 50 + "'", "A." * 50), 2000, "search"),
    "checks.registry.NAME_PATTERN": (("a-" * 50 + "-",), None, "match"),
    # No nested quantifier, but a search that may start at every place of a run of
    # whitespace and scan to its end is quadratic in the run: these were, once.
    "bib.parser.names._ET_AL": ((" " * 200 + "!", "\u00a0" * 200 + "!"), 2000, "search"),
    "bib.parser.names._EDITOR_MARK": ((" " * 200 + "!", "\u2009" * 200 + "!"), 2000, "search"),
}


def test_every_pattern_with_nested_quantifiers_has_been_reviewed() -> None:
    flagged = {name for name, pattern in module_patterns() if nested_quantifiers(pattern)}
    assert flagged - set(REVIEWED) == set(), "review these and add them to REVIEWED"
    assert "bib.citations._NAME_PART" in flagged  # the scan finds what it should


def applied_time(pattern: re.Pattern[str], text: str, how: str, repeats: int) -> float:
    """CPU seconds to apply ``pattern`` to ``text`` as the code does (best of ``repeats``)."""
    best = float("inf")
    for _ in range(repeats):
        started = time.thread_time()
        if how == "search":
            pattern.findall(text)
        else:
            getattr(pattern, how)(text)
        best = min(best, time.thread_time() - started)
    return best


@pytest.mark.parametrize("name", REVIEWED)
def test_reviewed_patterns_do_not_backtrack_catastrophically(name: str) -> None:
    patterns = dict(module_patterns())
    if name not in patterns:
        pytest.skip(f"{name} is gone")  # renamed or removed: the review test will say
    pattern = patterns[name]
    attacks, bound, how = REVIEWED[name]
    for attack in attacks:
        # A bounded pattern at a tenth of its bound and at the bound; the others at 20
        # and 200 repeats of the attack. Two milliseconds of slack for the tiny ones.
        if bound is not None:
            large = (attack * (bound // len(attack) + 1))[:bound]
            small = large[: bound // 10]
        else:
            small, large = attack * 20, attack * 200
        pairs = []
        for _ in range(3):
            pairs.append(
                (applied_time(pattern, small, how, 3), applied_time(pattern, large, how, 3))
            )
            if pairs[-1][1] < 15 * pairs[-1][0] + 0.002:
                break
        assert pairs[-1][1] < 15 * pairs[-1][0] + 0.002, (name, attack, pairs)


def test_a_run_of_initials_before_a_stray_character_parses_in_linear_time() -> None:
    # _INITIALS once doubled its work with each initial here (24 of them: 10 s).
    from bib.parser import parse_reference

    def seconds(initials: int) -> float:
        started = time.thread_time()
        parse_reference("Smith, " + "A. " * initials + "!")
        return time.thread_time() - started

    small, large = min(seconds(8) for _ in range(3)), seconds(19)
    assert large < 15 * small + 0.05, (small, large)


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u2009", "\u3000", "\t"])
def test_a_run_of_spaces_in_a_reference_parses_in_linear_time(space: str) -> None:
    # Runs of no-break spaces once made the name patterns quadratic (1,990 of them: 1 s).
    from bib.parser import parse_reference

    def seconds(run: int) -> float:
        text = f"Smith, J.{space * run}and Jones, K. (eds.) et al.{space * run}!"
        started = time.thread_time()
        parse_reference(text)
        return time.thread_time() - started

    pairs = []
    for _ in range(3):
        pairs.append((min(seconds(99) for _ in range(3)), min(seconds(990) for _ in range(2))))
        if pairs[-1][1] < 15 * pairs[-1][0] + 0.002:
            break
    assert pairs[-1][1] < 15 * pairs[-1][0] + 0.002, pairs


def test_the_stand_in_sees_the_lines_the_real_parser_sees() -> None:
    text = reference(3)
    document = read_document(essay(iter([BODY]), iter([text])), "essay.md")
    assert [entry.raw for entry in document.entries] == [text]
    assert document.entries[0].reference.title  # and the real parser reads a title there


def longest_sorted_run_quadratic(keys: list[str]) -> frozenset[int]:
    """checks.ordering's former O(n^2) version: the oracle for its O(n log n) one."""
    length = [1] * len(keys)
    previous = [-1] * len(keys)
    for i, key in enumerate(keys):
        for j in range(i):
            if keys[j] <= key and length[j] + 1 >= length[i]:
                length[i], previous[i] = length[j] + 1, j
    if not keys:
        return frozenset()
    best = max(length)
    i = max(k for k, n in enumerate(length) if n == best)
    kept: set[int] = set()
    while i != -1:
        kept.add(i)
        i = previous[i]
    return frozenset(kept)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="abc", max_size=2), max_size=40))
def test_the_fast_sorted_run_is_the_one_the_quadratic_search_chose(keys: list[str]) -> None:
    assert longest_sorted_run(keys) == longest_sorted_run_quadratic(keys)
