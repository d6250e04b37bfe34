from __future__ import annotations

import doctest

import pytest
from hypothesis import given
from hypothesis import strategies as st

import bib.keys
from bib.keys import assign_keys, ensure_keys, fold
from bib.model import Entry, Name, Reference, Span


def entry(
    family: str = "",
    year: str = "",
    title: str = "",
    editor: str = "",
    given: str = "",
    particle: str = "",
) -> Entry:
    reference = Reference(
        authors=(Name(family, given, particle),) if family else (),
        editors=(Name(editor),) if editor else (),
        title=title,
        year=year,
    )
    return Entry(raw="", span=Span(1), reference=reference)


@pytest.mark.parametrize(
    ("entries", "keys"),
    [
        ([entry("Getty", "1986")], ["getty1986"]),
        ([entry("Žižek", "2008")], ["zizek2008"]),
        (
            [entry("Khlevniuk", "2015"), entry("Хлевнюк", "2009")],
            ["khlevniuk2015", "khlevnyuk2009"],
        ),
        ([entry("Straße", "1999")], ["strasse1999"]),
        (
            [entry("Ørsted", "1820"), entry("Łukasiewicz", "1951")],
            ["orsted1820", "lukasiewicz1951"],
        ),
        ([entry("O'Brien-Smith", "2001")], ["obriensmith2001"]),
        ([entry("Linden", "2008", particle="van der")], ["linden2008"]),
        ([entry("Lloyd George", "1938")], ["lloydgeorge1938"]),
        ([entry("World Health Organization", "2020")], ["worldhealthorganization2020"]),
        ([entry("Carr", "")], ["carrnd"]),
        ([entry("Carr", "n.d.")], ["carrnd"]),
        ([entry("Carr", "forthcoming")], ["carrnd"]),
        ([entry("Carr", "١٩٨٢")], ["carrnd"]),  # keys stay ASCII: only 0-9 make a year
        ([entry("Trotsky", "1937 [1977]")], ["trotsky1937"]),
        ([entry("Stalin", "c. 1950s")], ["stalin1950"]),
        ([entry(editor="Cooper", year="1995")], ["cooper1995"]),
        ([entry(title="The Anti-Stalin Pamphlet", year="1937")], ["antistalin1937"]),
        ([entry(title="Über alles")], ["ubernd"]),
        ([entry(title="", year="1937")], ["anon1937"]),
        ([entry("毛泽东", "1949", title="On Practice")], ["practice1949"]),
        (
            [entry("Whitewood", "2015", "Purge"), entry("Whitewood", "2015", "Subversion")],
            ["whitewood2015a", "whitewood2015b"],
        ),
        (
            [entry("Harris", "2007"), entry("Getty", "1986"), entry("Harris", "2007")],
            ["harris2007a", "getty1986", "harris2007b"],
        ),
        ([entry("Carr", ""), entry("Carr", "n.d.")], ["carrnda", "carrndb"]),
        ([entry("Zizek", "2008"), entry("Žižek", "2008")], ["zizek2008a", "zizek2008b"]),
    ],
)
def test_assign_keys(entries: list[Entry], keys: list[str]) -> None:
    assert [e.key for e in assign_keys(entries)] == keys


def test_suffixes_go_on_past_z() -> None:
    keys = [e.key for e in assign_keys([entry("Pons", "2002")] * 28)]
    assert keys[:2] == ["pons2002a", "pons2002b"]
    assert keys[25:] == ["pons2002z", "pons2002aa", "pons2002ab"]


def test_a_suffixed_key_never_takes_another_entrys_key() -> None:
    # Bases are letters then digits or "nd", so a suffix cannot recreate one; check anyway.
    entries = [entry("Smith", "2001"), entry("Smith", "2001"), entry("Smitha", "")]
    keys = [e.key for e in assign_keys(entries)]
    assert len(set(keys)) == 3


def test_assign_keys_copies_and_keeps_everything_else() -> None:
    original = entry("Carr", "1982", title="The Twilight of Comintern")
    (keyed,) = assign_keys([original])
    assert keyed.key == "carr1982"
    assert keyed.reference is original.reference
    assert original.key == ""


def test_ensure_keys_keeps_given_keys_and_fills_the_rest() -> None:
    given = Entry("", Span(1), Reference(), key="mine")
    entries = ensure_keys([given, entry("Carr", "1982")])
    assert [e.key for e in entries] == ["mine", "carr1982"]


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Dvořák", "dvorak"),
        ("Müller", "muller"),
        ("Æsop", "aesop"),
        ("Ельцин", "eltsin"),
        ("Подъячев", "podyachev"),
        ("Щербаков", "shcherbakov"),
        ("Άλφα", "alpha"),
        ("ﬁsh", "fish"),
        ("Smith 2nd", "smithnd"),
        ("毛泽东", ""),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


names = st.text(max_size=12)
references = st.builds(
    Reference,
    authors=st.lists(st.builds(Name, names, names, names), max_size=2).map(tuple),
    title=st.text(max_size=30),
    year=st.text(max_size=6),
)
entry_lists = st.lists(st.builds(Entry, st.just(""), st.just(Span(1)), references), max_size=8)


@given(entry_lists)
def test_keys_are_unique_ascii_and_the_same_on_every_run(entries: list[Entry]) -> None:
    keys = [e.key for e in assign_keys(entries)]
    assert len(set(keys)) == len(keys)
    assert all(key.isascii() and key.isalnum() and key.islower() for key in keys)
    assert [e.key for e in assign_keys(assign_keys(entries))] == keys
    assert [e.key for e in assign_keys(list(entries))] == keys


def test_docstring_examples_hold() -> None:
    results = doctest.testmod(bib.keys)
    assert results.attempted > 0
    assert results.failed == 0
