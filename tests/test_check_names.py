"""name-variant's candidate pairs: never fewer than comparing every pair would find."""

from __future__ import annotations

import itertools
import random

import pytest

from bib.model import Span
from bib.namefold import are_variants, fold_name
from checks.names import _candidate_pairs, _Spelling

KNOWN = [
    "Khlevniuk", "Klevniuk", "Khlevnyuk", "Gorodetsky", "Gordetsky", "Gorodetskii",
    "Uldricks", "Uldrick", "Hobsbawm", "Hobsbawn", "Fitzpatrick", "Fitzpatric",
    "Nikolaevsky", "Nicolaevsky", "Nikolaevskii", "Žižek", "Zizek", "Müller", "Mueller",
    "DAVIES", "Davies", "Lévi-Strauss", "Levi Strauss", "Carr", "Carley", "Harris",
    "Haslam", "Stalin", "Stalinist", "Trotsky", "Trotskyist", "Tchaikovsky", "Chaikovskii",
]  # fmt: skip


def spellings(names: list[str]) -> list[_Spelling]:
    return [_Spelling(name, Span(i + 1, 1, i + 1, 2), True, "") for i, name in enumerate(names)]


def brute_force(names: list[str]) -> set[tuple[int, int]]:
    return {
        (i, j)
        for i, j in itertools.combinations(range(len(names)), 2)
        if are_variants(names[i], names[j]) or fold_name(names[i]) == fold_name(names[j])
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


def test_the_known_variants_are_all_candidates() -> None:
    assert brute_force(KNOWN) <= _candidate_pairs(spellings(KNOWN))


@pytest.mark.parametrize("seed", range(5))
def test_every_variant_pair_is_a_candidate(seed: int) -> None:
    rng = random.Random(seed)
    names = [rng.choice(KNOWN) for _ in range(20)]
    names += [typo(typo(name, rng), rng) for name in names]  # up to two slips each
    names = [name for name in dict.fromkeys(names) if name]
    expected = brute_force(names)
    assert expected, "the generated names should include some variants"
    assert expected <= _candidate_pairs(spellings(names))
