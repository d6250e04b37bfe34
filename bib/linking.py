"""Linking the citations of the text to the entries of the reference list.

A citation links to the entries whose author or editor has its family name:
the same name folded (case, diacritics, romanisation), or failing that a
spelling variant of it (Klevniuk -> Khlevniuk). Pure functions over the
Document; the checks and the resolver share them.
"""

import re
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import NamedTuple

from bib.citations import INSTITUTIONAL, Citation
from bib.model import Entry, Name, Reference
from bib.namefold import are_variants, ascii_letters, fold_name, variant_keys


class Link(NamedTuple):
    citation: Citation
    entries: tuple[int, ...]  # indices into Document.entries; empty: no entry has the name
    by_variant: bool = False  # linked through a spelling variant, not the same name


def people(entry: Entry) -> tuple[Name, ...]:
    return entry.reference.authors + entry.reference.editors


def families(entry: Entry) -> tuple[str, ...]:
    return tuple(name.full_family for name in people(entry) if name.family)


def name_order_head(ref: Reference) -> str:
    """The first word of the first person's name when the entry does not invert it.

    "Sun Yat-sen." and "Ngũgĩ wa Thiong'o." head a list that writes "Achebe, Chinua."
    because their order is their own: the text cites them as "Sun" and "Ngũgĩ", and
    lists file them there, though the parser reads the last word as the family. ""
    when the name is inverted, has no given name before its family, or has initials:
    "Zenon E. Kohut." is a name of the inverted kind written the other way round.
    """
    names = ref.authors or ref.editors
    if not names or not names[0].given or is_corporate(ref):
        return ""
    if any(len(word.rstrip(".")) == 1 for word in names[0].given.split()):
        return ""
    label = "author" if ref.authors else "editor"
    written = next((text for name, text in ref.segments if name == label), "")
    first = names[0]
    before, found, _ = written.partition(first.family)
    if not found or "," in before or not before.startswith(first.given.split()[0]):
        return ""
    return first.given.split()[0]


class ListIndex(NamedTuple):
    """The list's family names by folded key, for linking in one look-up per citation."""

    by_key: Mapping[str, tuple[int, ...]]
    spellings: Mapping[str, tuple[int, ...]]
    # Organisations by their initials: "IOM" cites "International Organization for Migration".
    acronyms: Mapping[str, tuple[int, ...]] = MappingProxyType({})
    # The first word of the titles of an author with several works: MLA's "(Emma 5)".
    short_titles: Mapping[str, tuple[int, ...]] = MappingProxyType({})
    # The spellings by the first letters a variant of them must share (variant_keys).
    by_first_letter: Mapping[str, tuple[str, ...]] = MappingProxyType({})

    def exact(self, family: str) -> tuple[int, ...]:
        return self.by_key.get(fold_name(family), ())

    def variant(self, family: str) -> tuple[int, ...]:
        """The entries of the spellings ``family`` is a variant of: only those with a
        first letter in common are compared, so a look-up costs a few comparisons, not
        one per name of the list."""
        candidates = {s for key in variant_keys(family) for s in self.by_first_letter.get(key, ())}
        found: set[int] = set()
        for spelling in candidates:
            if are_variants(family, spelling):
                found.update(self.spellings[spelling])
        return tuple(sorted(found))


def index_entries(entries: Sequence[Entry]) -> ListIndex:
    """Each family name's entries: those it leads, or failing any, those it shares.

    "Rediker" alone cites Rediker's own book, not Linebaugh and Rediker's; a
    co-author's name links to the joint work only when they lead none of the list.
    """
    leads: dict[str, set[int]] = {}
    shares: dict[str, set[int]] = {}
    spelled: dict[str, str] = {}
    for i, entry in enumerate(entries):
        if head := name_order_head(entry.reference):
            leads.setdefault(fold_name(head), set()).add(i)
        for position, family in enumerate(families(entry)):
            key = fold_name(family)
            (leads if position == 0 else shares).setdefault(key, set()).add(i)
            spelled.setdefault(family, key)
            if " " in family:  # "van der Linden" is also mentioned as "Linden"
                last = fold_name(family.split()[-1])
                (leads if position == 0 else shares).setdefault(last, set()).add(i)
    by_key = {key: tuple(sorted(leads.get(key) or shares[key])) for key in set(leads) | set(shares)}
    acronyms: dict[str, list[int]] = {}
    for i, entry in enumerate(entries):
        name = heading(entry)
        # "International Monetary Fund (IMF)": the initials the entry gives, and its own
        stated = _STATED_ACRONYM.search(name)
        if stated:
            acronyms.setdefault(stated.group(1), []).append(i)
            name = name[: stated.start()]
        found = acronym(name)
        if found and not (stated and found == stated.group(1)):
            acronyms.setdefault(found, []).append(i)
    short_titles: dict[str, list[int]] = {}
    for indices in leads.values():
        for i in indices if len(indices) > 1 else ():
            if found := _first_title_word(entries[i].reference.title):
                short_titles.setdefault(found, []).append(i)
    by_first_letter: dict[str, list[str]] = {}
    for family in spelled:
        for key in variant_keys(family):
            by_first_letter.setdefault(key, []).append(family)
    return ListIndex(
        MappingProxyType(by_key),
        MappingProxyType({family: by_key[key] for family, key in spelled.items()}),
        MappingProxyType({key: tuple(indices) for key, indices in acronyms.items()}),
        MappingProxyType({key: tuple(sorted(set(v))) for key, v in short_titles.items()}),
        MappingProxyType({key: tuple(v) for key, v in by_first_letter.items()}),
    )


_ARTICLES = frozenset({"the", "a", "an"})


def _first_title_word(title: str) -> str:
    """The folded first word of a title after its article: "Pride" of *Pride and
    Prejudice*, "Rhetoric" of *The Rhetoric of Fiction*."""
    words = [w.strip(_PUNCTUATION) for w in title.split()[:2]]
    if words and words[0].lower() in _ARTICLES:
        words = words[1:]
    return fold_name(words[0]) if words and words[0][:1].isupper() else ""


def title_subjects(entries: Sequence[Entry]) -> frozenset[str]:
    """The capitalised words of the list's titles, folded: the people the works are about
    ("Vermeer" of *Vermeer's Camera*)."""
    words = (
        word.strip(_PUNCTUATION) for entry in entries for word in entry.reference.title.split()
    )
    return frozenset(
        fold_name(word.removesuffix("’s").removesuffix("'s"))
        for word in words
        if word[:1].isupper()
    )


_PUNCTUATION = ".,:;!?\"“”‘’'()[]*_"


def is_organisation(reference: Reference) -> bool:
    """Whether the reference's sole author is an organisation written as such ("World
    Bank.", "Human Rights Watch."), which the parser reads as a given and a family name.

    Also when the parser made two people of it at an "and". Not inverted, no initials,
    and either an institutional noun in it, a lower-case "for"
    that no person's name has ("Deans for Impact", "Teach for America"), or the name
    written again as the publisher or in the title (APA: "World Bank. ... World Bank.").
    """
    names = reference.authors or reference.editors
    label = "author" if reference.authors else "editor"
    written = next((text for name, text in reference.segments if name == label), "")
    if len(names) > 1:
        # "Royal College of Paediatrics and Child Health.", read as two people at its "and",
        # "Department for Environment, Food and Rural Affairs" at its comma: what stands
        # before the first comma is several words, none an initial, one institutional
        # (an inverted person's family name before it is one word: "Bank, M.").
        head = written.strip(" .,").split(",")[0].split()
        return (
            len(head) > 1
            and not any(len(word.strip(".")) == 1 for word in head)
            and any(word.lower() in INSTITUTIONAL for word in head)
        )
    if not names:
        return False
    full = str(names[0])
    words = full.split()
    if "," in written.strip(" .,") or len(words) < 2:
        return False
    if any(len(word.strip(".")) == 1 for word in words):
        return False  # "Zenon E. Kohut": a person, written given name first
    if any(word.lower().strip(".,") in INSTITUTIONAL for word in words) or "for" in words:
        return True  # also with a word read as a particle: "Oficina del Peregrino"
    if names[0].particle:
        return False
    again = f"{reference.publisher} {reference.title} {reference.container}"
    return full.lower() in again.lower()


# The last word of a newspaper's or a state's name, which the parser reads as a person's
# family name: "Illustrated London News", "Manchester Guardian", "Great Britain".
_CORPORATE_LAST_WORDS = frozenset(
    """news times guardian gazette herald chronicle telegraph observer tribune courier
    britain kingdom states""".split()
)


def is_corporate(ref: Reference) -> bool:
    """Whether the sole author is an organisation, a newspaper or a state written as such.

    Besides what ``is_organisation`` knows ("World Bank."), a name written without a
    comma that ends in a newspaper's or a state's word is no person's.
    """
    if is_organisation(ref):
        return True
    names = ref.authors or ref.editors
    if (
        len(names) != 1
        or not names[0].given
        or any(len(w.strip(".")) == 1 for w in str(names[0]).split())
    ):
        return False
    label = "author" if ref.authors else "editor"
    written = next((text for name, text in ref.segments if name == label), "")
    return "," not in written.strip(" .,") and names[0].family.lower() in _CORPORATE_LAST_WORDS


def corporate_heading(ref: Reference) -> str:
    """An organisation heading the entry that the parser read as its publisher (or as
    a container): "Office for National Statistics. (2020). *Annual abstract...*" and
    "National Archives (1947) CAB 129/16..." stand where an author stands, before the
    year, and are filed under O and N, not under their titles."""
    labels = [label for label, _ in ref.segments[:2]]
    if ref.authors or ref.editors or len(labels) < 2 or labels[1] != "date":
        return ""
    if labels[0] not in ("publisher", "container", "place"):
        return ""  # a title in the author's place is filed as a title
    return ref.segments[0][1].strip(" .,;:(")


def heading(entry: Entry) -> str:
    """What the entry is filed under: its first author or editor, else its title; an
    organisation as the entry writes it ("Department for Environment, Food and Rural
    Affairs"), whatever names the parser made of it."""
    names = people(entry)
    if names and is_organisation(entry.reference):
        label = "author" if entry.reference.authors else "editor"
        written = next((t for name, t in entry.reference.segments if name == label), "")
        return written.strip(" .,;:") or str(names[0])
    return str(names[0]) if names else corporate_heading(entry.reference) or entry.reference.title


def acronym(name: str) -> str:
    """The initials an organisation goes by: "International Organization for Migration"
    -> "IOM", "World Health Organization" -> "WHO". A name of one word, or with an
    initial or a lower-case word other than a short function word, has none."""
    words = name.split()
    capitals = [w for w in words if w[:1].isupper()]
    if len(capitals) < 2 or any(len(w.rstrip(".")) < 2 for w in capitals):
        return ""
    if any(not w[:1].isupper() and w not in _JOINING for w in words):
        return ""
    return "".join(w[0] for w in capitals)


_STATED_ACRONYM = re.compile(r"\s*[(\[]([A-Z][A-Za-z&]{1,9})[)\]]\s*$")
# The small words an organisation's initials leave out.
_JOINING = frozenset({"for", "of", "and", "on", "the", "&", "in", "de", "du", "des", "la"})


def link(citations: Sequence[Citation], index: ListIndex) -> tuple[Link, ...]:
    links = []
    for written in citations:
        citation = _compound_family(written, index)
        exact = index.exact(citation.family)
        if not exact and citation.family.isupper() and not citation.given:
            exact = index.acronyms.get(citation.family, ())
        if not exact and _short_title(citation):
            # "(Emma 5)" where the list has two Austens: MLA names the work when the
            # author has several and the prose has named the author.
            exact = index.short_titles.get(fold_name(citation.family), ())
        if exact:
            links.append(Link(citation, exact))
            continue
        links.append(Link(citation, index.variant(citation.family), by_variant=True))
    return tuple(links)


def _short_title(citation: Citation) -> bool:
    return citation.kind == "parenthetical" and not citation.year and not citation.given


def by_given_names(links: Sequence[Link], entries: Sequence[Entry]) -> tuple[Link, ...]:
    """Links kept to the listed people whose given names fit the citation's: "Adam Smith
    argues" does not cite "Smith, C." (Crosbie Smith); with no such person the citation
    cites no one in the list, and may be missing from it."""
    kept = []
    for found in links:
        citation = found.citation
        if citation.given and found.entries:
            agreeing = tuple(
                i
                for i in found.entries
                if given_agrees(citation.given, citation.family, entries[i])
            )
            if agreeing != found.entries:
                found = found._replace(entries=agreeing)
        kept.append(found)
    return tuple(kept)


def in_their_own_order(
    links: Sequence[Link], index: ListIndex, entries: Sequence[Entry]
) -> tuple[Link, ...]:
    """Names the text writes family first, as Chinese, Japanese, Korean and Hungarian
    names go: "Huang Yanzhong argues" cites "Huang, Yanzhong" when no Yanzhong is listed
    and the other word fits the listed Huang's given name ("Adam Smith" never cites
    "Adam, John")."""
    kept = []
    for found in links:
        citation = found.citation
        if not found.entries and citation.given and " " not in citation.given:
            turned = citation._replace(family=citation.given, given=citation.family)
            fitting = tuple(
                i
                for i in index.exact(turned.family)
                if given_agrees(turned.given, turned.family, entries[i]) and _initials(turned.given)
            )
            if fitting:
                found = Link(turned, fitting)
        kept.append(found)
    return tuple(kept)


def given_agrees(given: str, family: str, entry: Entry) -> bool:
    """Whether given names written with a family name fit a listed person of that name:
    the same first initial (romanised either way: Yuri, Iurii; Carl, Karl), or no given
    name on either side; any of the given names may be the one written (Lynn Etheridge
    Davis as "Etheridge Davis"). A given name the parser left out is read from the entry as
    written ("Hunt, L."). A person of the entry under another spelling (Klevniuk for
    Khlevniuk) cannot be judged and fits."""
    initials = _initials(given)
    if not initials:
        return True
    key = fold_name(family)
    whole = fold_name(f"{given} {family}")
    judged = False
    for name in people(entry):
        if whole in (fold_name(name.family), fold_name(name.full_family)):
            return True  # "the Wilson Center" for the organisation listed as one name
        if key not in (fold_name(name.family), fold_name(name.full_family)):
            continue
        theirs = _initials(name.given or _given_as_written(entry.raw, name.family))
        if not theirs or theirs & initials:
            return True
        judged = True
    return not judged


def _initials(given: str) -> frozenset[str]:
    """The initials of every given name, so that a middle name written alone fits too
    ("Etheridge Davis" for "Davis, Lynn Etheridge")."""
    return frozenset(
        initial
        for word in given.replace(".", " ").split()
        for initial in (ascii_letters(word)[:1], fold_name(word)[:1])
        if initial
    )


def _given_as_written(raw: str, family: str) -> str:
    found = re.search(rf"{re.escape(family)},\s*([^\W\d_][\w.\- ]*)", raw)
    return found.group(1) if found else ""


def year_of(text: str) -> str:
    return text[:4] if text[:4].isdigit() else ""


def _compound_family(citation: Citation, index: ListIndex) -> Citation:
    """ "Hugh Trevor Roper" cites Trevor-Roper: the last given word may be half the family.

    The whole compound wins over its last half ("Trevor Roper" is not Lyndal Roper).
    """
    if not citation.given:
        return citation
    rest, _, last_given = citation.given.rpartition(" ")
    joined = f"{last_given} {citation.family}"
    if index.exact(joined) or (not index.exact(citation.family) and index.variant(joined)):
        return citation._replace(family=joined, given=rest)
    return citation
