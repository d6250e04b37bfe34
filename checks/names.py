"""The same person spelled two ways, anywhere in the body, the notes or the list."""

import itertools
from collections.abc import Iterator
from typing import NamedTuple

from rapidfuzz.distance import DamerauLevenshtein

from bib.citations import NOT_PERSONS, common_words, is_common_word
from bib.linking import is_organisation, people
from bib.model import Document, Severity, Span
from bib.namefold import (
    allowed_slips,
    are_variants,
    ascii_letters,
    fold_keys,
    fold_name,
    variant_keys,
)
from checks.citing import citing
from checks.registry import Hit, rule
from checks.settings import Settings

EMPHASIS = "*_"


class _Spelling(NamedTuple):
    text: str
    span: Span  # its first occurrence
    in_list: bool
    given: str  # a given name or initials seen with it, for telling two listed people apart


@rule("N001", "name-variant", Severity.WARNING)
def name_variant(document: Document, settings: Settings) -> Iterator[Hit]:
    """One author's name is spelled in two ways.

    Typos (Gordetsky/Gorodetsky, Hobsbawn/Hobsbawm), dropped letters and
    competing romanisations of Cyrillic names (Klevniuk/Khlevniuk,
    Nikolaevsky/Nikolaevskii), diacritics and case (Žižek/Zizek), hyphens and
    particles (Lévi-Strauss/Levi Strauss). A name and its adjective
    (Stalin/Stalinist) and two different people of the list (Carr/Carley) are
    never paired. ``data.names`` lists every spelling seen; the message says
    which one the list uses. Accepted spellings go in the ``names`` setting.

    Failing example::

        Terror and foreign policy

        Oleg Klevniuk stresses the international situation.

        References

        Khlevniuk, O. 'Top Down vs. Bottom-up', Cahiers du monde russe, Vol. 56, No. 4 (2015) pp. 837-857

    Passing example::

        Terror and foreign policy

        Oleg Khlevniuk stresses the international situation. The Stalinist
        state was built on fear.

        References

        Khlevniuk, O. 'Top Down vs. Bottom-up', Cahiers du monde russe, Vol. 56, No. 4 (2015) pp. 837-857
    """
    spellings = _spellings(document)
    accepted = _accepted(settings)
    clusters = _clusters(spellings, accepted, _upper_case_list(document))
    for cluster in clusters:
        listed = [s for s in cluster if s.in_list]
        canonical = listed[0] if listed else cluster[0]
        names = sorted({s.text for s in cluster}, key=lambda t: (t != canonical.text, t))
        for other in sorted(cluster, key=lambda s: (s.span.line, s.span.column)):
            if other.text == canonical.text:
                continue
            where = "in the reference list" if listed else "elsewhere in the text"
            yield Hit(
                other.span,
                f"{other.text} is spelled {canonical.text} {where}",
                (("names", names), ("list_spelling", canonical.text if listed else "")),
            )


def _spellings(document: Document) -> list[_Spelling]:
    """Every family spelling of the list, the citations, and the body's near-misses."""
    seen: dict[str, _Spelling] = {}

    def add(text: str, span: Span, in_list: bool, given: str = "") -> None:
        known = seen.get(text)
        if known is None:
            seen[text] = _Spelling(text, span, in_list, given)
        elif in_list and not known.in_list:
            seen[text] = _Spelling(text, known.span, True, given or known.given)

    for entry in document.entries:
        if is_organisation(entry.reference):
            continue  # "Royal College of Paediatrics" is no person, whatever the parser made of it
        for name in people(entry):
            # Italics are markup, not letters: "*Punch*. 1858." files the periodical Punch.
            family = name.full_family.strip(EMPHASIS)
            if family and not _institutional(family):
                add(family, entry.span, True, name.given)
    analysis = citing(document)
    for citation in analysis.citations:
        family = citation.family
        if citation.opens_sentence:
            family = _uncapitalised(family, seen)
        add(family, citation.span, False, citation.given)
    # The list's spellings by first letter: a body's word meets only those it may vary.
    listed: dict[str, set[str]] = {}
    for spelling in seen.values():
        if spelling.in_list:
            for key in variant_keys(spelling.text):
                listed.setdefault(key, set()).add(spelling.text)
    near: dict[str, bool] = {}
    # A capitalised word the text also writes in lower case is that word, not a name.
    common = common_words(document.body + document.notes)
    for mention in analysis.mentions:
        if mention.word in seen or is_common_word(mention.word, common):
            continue
        if mention.sentence_start and _uncapitalised(mention.word, seen) != mention.word:
            continue  # "Al-Jabarti's chronicle" opening a sentence spells "al-Jabarti"
        if mention.word not in near:
            candidates = set().union(*(listed.get(key, ()) for key in variant_keys(mention.word)))
            near[mention.word] = any(are_variants(mention.word, text) for text in candidates)
        if near[mention.word]:
            add(mention.word, mention.span, False, mention.given)
    return sorted(seen.values(), key=lambda s: (s.span.line, s.span.column))


def _uncapitalised(family: str, seen: dict[str, _Spelling]) -> str:
    """A sentence's first word takes a capital: "Van Wyhe (2007) argued" spells the
    list's "van Wyhe", "De Beauvoir's argument" its "de Beauvoir", "Al-Jabarti's
    chronicle" its "al-Jabarti". Mid-sentence, "For Van der Linden" is a variant
    spelling."""
    lowered = family[:1].lower() + family[1:]
    return lowered if lowered != family and lowered in seen else family


def _clusters(
    spellings: list[_Spelling], accepted: list[set[str]], upper_list: bool
) -> list[list[_Spelling]]:
    parent = list(range(len(spellings)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # The list's people each cluster holds (folded): a spelling of the text may join one
    # of them, never two ("Davis" is not the bridge that makes Davies and Daniels one).
    listed = [{fold_name(s.text)} if s.in_list else set() for s in spellings]
    folded = [fold_name(s.text) for s in spellings]
    # Nearest pairs first, so that a spelling joins the person it is closest to.
    for i, j in sorted(
        _candidate_pairs(spellings),
        key=lambda p: (DamerauLevenshtein.distance(folded[p[0]], folded[p[1]]), p),
    ):
        if not _same_person(spellings[i], spellings[j], accepted, upper_list):
            continue
        a, b = root(i), root(j)
        if a != b and listed[a] and listed[b] and listed[a] != listed[b]:
            continue
        parent[b] = a
        listed[a] |= listed[b]
    groups: dict[int, list[_Spelling]] = {}
    for i, s in enumerate(spellings):
        groups.setdefault(root(i), []).append(s)
    return [g for g in groups.values() if len({s.text for s in g}) > 1]


def _institutional(family: str) -> bool:
    """A corporate author read as a family name ("Wilson Center Digital Archive")."""
    return any(word.lower().strip(".,") in NOT_PERSONS for word in family.split())


def _candidate_pairs(spellings: list[_Spelling]) -> set[tuple[int, int]]:
    """The pairs that could be one person, found without comparing every pair.

    Two spellings of the list are one person only when they fold to the same key
    (``_same_person``), so the list's spellings are grouped by that key. A spelling
    from the text may be a near-miss of any other: two folded names within d slips
    (Damerau-Levenshtein, d <= 2) share a string made by deleting at most d letters
    from each (a transposition is one deletion on each side), so the text's spellings
    are filed under such deletions of themselves and every spelling is looked up
    there. Time grows with the number of spellings, not its square; the list's
    deletions are made only when the text has spellings of its own.
    """
    folded = [fold_name(s.text) for s in spellings]
    pairs: set[tuple[int, int]] = set()
    same_key: dict[str, list[int]] = {}
    for i, spelling in enumerate(spellings):
        if spelling.in_list:
            same_key.setdefault(folded[i], []).append(i)
    for members in same_key.values():
        pairs.update(itertools.combinations(members, 2))
    # A text spelling is filed under each of its keys (Ševčenko also as Shevchenko).
    text_keys = {
        i: set().union(*map(_deletions, fold_keys(s.text)))
        for i, s in enumerate(spellings)
        if not s.in_list
    }
    from_text: dict[str, list[int]] = {}
    for i, keys in text_keys.items():
        for key in keys:
            from_text.setdefault(key, []).append(i)
    if not from_text:
        return pairs
    for i in range(len(spellings)):
        for key in text_keys.get(i) or set().union(*map(_deletions, fold_keys(spellings[i].text))):
            for j in from_text.get(key, ()):
                if i != j:
                    pairs.add((min(i, j), max(i, j)))
    return pairs


def _deletions(folded: str) -> set[str]:
    """The name and every string left by deleting as many letters as it may have slips.

    A pair may differ by the slips its shorter name allows (``allowed_slips``): a name
    is filed under as many deletions as its own length allows, which covers every pair
    it can be part of and no more.
    """
    keys = {folded}
    frontier = {folded}
    for _ in range(allowed_slips(len(folded))):
        frontier = {word[:i] + word[i + 1 :] for word in frontier for i in range(len(word))}
        keys |= frontier
    return keys


def _same_person(a: _Spelling, b: _Spelling, accepted: list[set[str]], upper_list: bool) -> bool:
    if any(a.text in group and b.text in group for group in accepted):
        return False
    if upper_list and a.text.upper() == b.text.upper():
        return False  # "BARIL, Jean" is the list's style, not a variant of "Baril"
    if a.in_list and b.in_list:
        # Two people of the list: only a different romanisation of one name, never a
        # near-miss (Carr/Carley, Davies/Davis), and only with compatible initials.
        return fold_name(a.text) == fold_name(b.text) and _initials_agree(a.given, b.given)
    listed, written = (a, b) if a.in_list else (b, a)
    if listed.in_list and _plural_of(written.text, listed.text):
        return False  # "the Hammonds", "the Brontës": the family, not a slip
    if listed.in_list and not _given_names_agree(written.given, listed.given):
        # Another spelling written with another person's given name is that other person:
        # "the philosopher Adam Fergusson" beside "Ferguson, N." is no slip for Niall.
        return False
    return are_variants(a.text, b.text) or fold_name(a.text) == fold_name(b.text)


def _plural_of(written: str, listed: str) -> bool:
    """Whether the text writes the listed family name in the plural, as one names a
    couple or a family ("the Hammonds" for J. L. and B. Hammond, "the Brontës"); a
    name that ends in s already has no such plural to mistake (Uldrick for Uldricks
    stays a slip)."""
    mine, theirs = ascii_letters(written), ascii_letters(listed)
    return not theirs.endswith("s") and mine in (f"{theirs}s", f"{theirs}es")


def _given_names_agree(written: str, listed: str) -> bool:
    """Whether some given name or initial written in the text fits one of the list's,
    romanised either way (fold_name: Jarosław and Yaroslav agree); no given name on
    either side fits anything."""
    mine, theirs = _initial_letters(written), _initial_letters(listed)
    return not mine or not theirs or bool(mine & theirs)


def _initial_letters(given: str) -> set[str]:
    words = given.replace(".", " ").split()
    return {letter for w in words for letter in (ascii_letters(w)[:1], fold_name(w)[:1]) if letter}


def _initials_agree(given: str, other: str) -> bool:
    a, b = ascii_letters(given)[:1], ascii_letters(other)[:1]
    return not a or not b or a == b


def _upper_case_list(document: Document) -> bool:
    families = [n.family for e in document.entries for n in people(e) if len(n.family) > 1]
    return bool(families) and sum(f.isupper() for f in families) * 2 > len(families)


def _accepted(settings: Settings) -> list[set[str]]:
    return [{canonical, *variants} for canonical, variants in settings.names]
