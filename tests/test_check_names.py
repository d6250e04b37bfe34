"""name-variant's candidate pairs: never fewer than comparing every pair would find."""

from __future__ import annotations

import itertools
import random

import pytest

from bib.document import read_document
from bib.model import Span
from checks.names import _candidate_pairs, _same_person, _Spelling, name_variant
from checks.settings import Settings

KNOWN = [
    "Khlevniuk", "Klevniuk", "Khlevnyuk", "Gorodetsky", "Gordetsky", "Gorodetskii",
    "Uldricks", "Uldrick", "Hobsbawm", "Hobsbawn", "Fitzpatrick", "Fitzpatric",
    "Nikolaevsky", "Nicolaevsky", "Nikolaevskii", "Žižek", "Zizek", "Müller", "Mueller",
    "DAVIES", "Davies", "Lévi-Strauss", "Levi Strauss", "Carr", "Carley", "Harris",
    "Haslam", "Stalin", "Stalinist", "Trotsky", "Trotskyist", "Tchaikovsky", "Chaikovskii",
]  # fmt: skip


def spellings(names: list[str], listed: int) -> list[_Spelling]:
    """The first ``listed`` names are the list's, the others the text's."""
    return [
        _Spelling(name, Span(i + 1, 1, i + 1, 2), i < listed, "") for i, name in enumerate(names)
    ]


def brute_force(found: list[_Spelling]) -> set[tuple[int, int]]:
    return {
        (i, j)
        for i, j in itertools.combinations(range(len(found)), 2)
        if _same_person(found[i], found[j], [], False)
    }


def typo(name: str, rng: random.Random) -> str:
    i = rng.randrange(len(name))
    kind = rng.randrange(4)
    if kind == 0:
        return name[:i] + name[i + 1 :]
    if kind == 1:
        return name[:i] + rng.choice("aeioukhsy") + name[i:]
    if kind == 2:
        return name[:i] + rng.choice("aeioukhsy") + name[i + 1 :]
    return name[:i] + name[i + 1 : i + 2] + name[i : i + 1] + name[i + 2 :]


@pytest.mark.parametrize("listed", [0, 10, len(KNOWN)])
def test_the_known_variants_are_all_candidates(listed: int) -> None:
    found = spellings(KNOWN, listed)
    assert brute_force(found) <= _candidate_pairs(found)


@pytest.mark.parametrize("seed", range(6))
def test_every_pair_that_is_one_person_is_a_candidate(seed: int) -> None:
    rng = random.Random(seed)
    names = [rng.choice(KNOWN) for _ in range(20)]
    names += [typo(typo(name, rng), rng) for name in names]  # up to two slips each
    names = [name for name in dict.fromkeys(names) if name]
    rng.shuffle(names)
    found = spellings(names, listed=len(names) // 2)
    expected = brute_force(found)
    assert expected, "the generated names should include some variants"
    assert expected <= _candidate_pairs(found)


def test_the_list_alone_is_compared_only_within_a_folded_key() -> None:
    found = spellings(["Carr", "Carley", "Davies", "Davis", "Nikolaevsky", "Nikolaevskii"], 6)
    assert _candidate_pairs(found) == {(4, 5)}


TWO_LISTED_NEIGHBOURS = """# Soviet planning

Daniels (1960) saw a revolution from above. Davies (1980) counted the grain, and
Davis read the same figures otherwise; the Danes were not asked.

## References

Daniels, R. V. (1960). *The conscience of the revolution*. Harvard University Press.
Davies, R. W. (1980). *The socialist offensive*. Macmillan.
"""


def test_a_text_spelling_joins_its_nearest_listed_person_and_never_bridges_two() -> None:
    # "Danes" is one slip from Daniels and from Davies: it may join either, but it must
    # not make one person of the two listed authors.
    document = read_document(TWO_LISTED_NEIGHBOURS.encode(), "essay.md")
    hits = list(name_variant(document, Settings()))
    assert {h.span.line for h in hits} == {4}
    found = [dict(h.data)["names"] for h in hits]
    assert ["Davies", "Davis"] in found
    assert all(not {"Daniels", "Davies"} <= set(names) for names in found)


COMMON_WORD = """# Soviet society

Service (1997) explains Lenin. The civil service grew. Services were cut, and
Servise, as one reviewer misspelt him, disagreed.

## References

Service, R. (1997). *A history of twentieth-century Russia*. Penguin.
"""


def test_a_capitalised_word_the_text_also_writes_in_lower_case_is_no_variant() -> None:
    document = read_document(COMMON_WORD.encode(), "essay.md")
    found = [dict(h.data)["names"] for h in name_variant(document, Settings())]
    assert found == [["Service", "Servise"]]


HACEK = """# Ukrainian poetry

Ševčenko (1840) wrote of serfdom, and Grabowicz (1982) read him as a myth-maker.

## References

Grabowicz, G. G. (1982). *The poet as mythmaker*. Harvard University Press.
Shevchenko, T. (1840). *Kobzar*. St Petersburg: Fishon.
"""


def test_a_hacek_spelling_is_a_variant_of_its_english_romanisation() -> None:
    document = read_document(HACEK.encode(), "essay.md")
    found = [dict(h.data)["names"] for h in name_variant(document, Settings())]
    assert found == [["Shevchenko", "Ševčenko"]]


PARTICLES = """# Darwin's delay

Some blamed politics in the 1830s and 1840s. Van Wyhe (2007) disagrees. De Beauvoir's
argument is older. For Van der Linden, the question is global. Al-Jabarti's chronicle
was earlier still.

## References

al-Jabarti, Abd al-Rahman (1993). *Napoleon in Egypt*. Markus Wiener.
Beauvoir, Simone de (1953). *The second sex*. Knopf.
Linden, Marcel van der (2008). *Workers of the world*. Brill.
van Wyhe, J. (2007). Mind the gap. *Notes and Records*, 61(2), 177-205.
"""


def test_a_particle_capitalised_to_open_a_sentence_is_no_variant() -> None:
    document = read_document(PARTICLES.encode(), "essay.md")
    found = [dict(h.data)["names"] for h in name_variant(document, Settings())]
    assert found == [["van der Linden", "Van der Linden"]]


PERIODICALS = """# Probe

The cartoon mocked the Board (*Punch* 1858), and the *Times* (1858) agreed.

## References

*Punch*. 1858. "Father Thames Introducing His Offspring." July 3, 1858.

*Times* (London). 1858. "The State of the Thames." June 18, 1858.
"""


def test_a_periodicals_italics_are_no_part_of_its_name() -> None:
    document = read_document(PERIODICALS.encode(), "essay.md")
    assert list(name_variant(document, Settings())) == []


COLLEGES = """Screens and sleep

Professional bodies have responded with guidance: the
American Academy of Pediatrics (2016) recommends media-free bedrooms, and the
Royal College of Paediatrics and Child Health (2019) advises families to avoid
screens for an hour before bed.

References

American Academy of Pediatrics. (2016). Media and young minds. Pediatrics,
    138(5), Article e20162591.

Royal College of Paediatrics and Child Health. (2019). The health impacts of
    screen time: A guide for clinicians and parents.
"""


def test_two_organisations_are_no_variants_of_one_person() -> None:
    document = read_document(COLLEGES.encode(), "essay.txt")
    assert list(name_variant(document, Settings())) == []


ANOTHER_GIVEN_NAME = """# Money and empire

Niall Ferguson (2008) argues that money made the modern world. The philosopher
{given} Fergusson had already described civil society, and Hobson (1902) saw
empire as a product of underconsumption.

## References

Ferguson, N. (2008) *The Ascent of Money*. London: Allen Lane.
Hobson, J. A. (1902) *Imperialism: A Study*. London: Nisbet.
"""


@pytest.mark.parametrize(
    ("given", "variants"),
    [
        # a spelling written with another person's given name is that other person
        ("Adam", []),
        # the listed person's given name, or none, makes it a slip for the listed person
        ("Niall", [["Ferguson", "Fergusson"]]),
        ("N.", [["Ferguson", "Fergusson"]]),
    ],
)
def test_a_given_name_that_fits_no_listed_person_makes_another_person(
    given: str, variants: list[list[str]]
) -> None:
    document = read_document(ANOTHER_GIVEN_NAME.format(given=given).encode(), "essay.md")
    found = [dict(h.data)["names"] for h in name_variant(document, Settings())]
    assert found == variants


FAMILIES = """# Village labourers

The {plural} wrote of the village labourer, and Webb (1894) of trade unions.

## References

Hammond, J. L. and Hammond, B. (1911) *The Village Labourer*. London: Longmans.
Webb, S. and Webb, B. (1894) *The History of Trade Unionism*. London: Longmans.
"""


@pytest.mark.parametrize(
    ("plural", "variants"),
    [
        # a listed family name in the plural names the family, not a slip
        ("Hammonds", []),
        # a slip of one letter still is one
        ("Hamond", [["Hammond", "Hamond"]]),
    ],
)
def test_a_family_name_in_the_plural_is_no_variant(plural: str, variants: list[list[str]]) -> None:
    document = read_document(FAMILIES.format(plural=plural).encode(), "essay.md")
    found = [dict(h.data)["names"] for h in name_variant(document, Settings())]
    assert found == variants
