from __future__ import annotations

import pytest

from bib.document import read_document
from bib.linking import acronym, index_entries, link, name_order_head
from checks.citing import citing


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("International Organization for Migration", "IOM"),
        ("World Health Organization", "WHO"),
        ("Human Rights Watch", "HRW"),
        # a person, or a one-word name, goes by no initials
        ("J. L. Black", ""),
        ("Madeleine Reeves", "MR"),
        ("Verso", ""),
        ("Studies in the history of migration", ""),
    ],
)
def test_acronym(name: str, expected: str) -> None:
    assert acronym(name) == expected


ESSAY = """# Migration

Bans rose after 2015 (IOM, 2019), and wages fell (ILO, 2010).

## References

International Organization for Migration. (2019). *Tajikistan: Migration country profile*. IOM.
"""


def test_an_organisation_is_cited_by_its_initials() -> None:
    document = read_document(ESSAY.encode(), "essay.md")
    found = {c.family: entries for c, entries, _ in citing(document).links}
    assert found["IOM"] == (0,)
    assert found["ILO"] == ()
    assert link([], index_entries(document.entries)) == ()


SHORT_TITLES = """# Irony

Austen is ironic (Pride 5), and so is Emma's narrator (Emma 5; Rhetoric 245; Darwin 12).

## Works Cited

Austen, Jane. *Emma*. Penguin, 2003.
Austen, Jane. *Pride and Prejudice*. Penguin, 2003.
Booth, Wayne C. *The Rhetoric of Fiction*. U of Chicago P, 1961.
Desmond, Adrian, and James Moore. *Darwin*. Michael Joseph, 1991.
"""


def test_a_short_title_cites_the_work_of_an_author_with_several() -> None:
    document = read_document(SHORT_TITLES.encode(), "essay.md")
    found = {c.family: entries for c, entries, _ in citing(document).links}
    assert found["Pride"] == (1,)
    assert found["Emma"] == (0,)
    # an author with one work is cited by name; a title word alone cites no one
    assert found["Rhetoric"] == ()
    assert found["Darwin"] == ()


NAMESAKES = """# Namesakes

In 1776, Adam Smith argued for markets. Crosbie Smith (1998) traced energy. In 1956,
Cyril Black argued that textbooks changed, and Iurii Slezkine argues that the Arctic
mattered (Slezkine 1994). In turn, Etheridge Davis argues that Poland came first.

## References

Black, C. E. (ed.) (1956) *Rewriting Russian history*. New York: Praeger.

Black, J. L. (1986) *G.-F. Müller and the Imperial Russian Academy*. Kingston: McGill-Queen's.

Davis, Lynn Etheridge (1974) *The Cold War begins*. Princeton: Princeton University Press.

Slezkine, Yuri (1994) *Arctic mirrors*. Ithaca: Cornell University Press.

Smith, C. (1998) *The science of energy*. London: Athlone Press.
"""


def test_a_given_name_keeps_a_citation_to_the_listed_person_it_fits() -> None:
    document = read_document(NAMESAKES.encode(), "essay.md")
    listed = [e.reference.year for e in document.entries]
    found = {c.name: [listed[i] for i in entries] for c, entries, _ in citing(document).links}
    assert found["Adam Smith"] == []
    assert found["Crosbie Smith"] == ["1998"]
    assert found["Cyril Black"] == ["1956"]
    assert found["Iurii Slezkine"] == ["1994"]  # Iurii and Yuri: one initial, romanised
    assert found["Etheridge Davis"] == ["1974"]  # a middle name written alone


OWN_ORDER = """# Novels of independence

Achebe (1958, 3), Ngũgĩ (1986, 4) and Sun (1924, 6) wrote of it.

## Bibliography

Achebe, Chinua. *Things Fall Apart*. London: Heinemann, 1958.
Ngũgĩ wa Thiong'o. *Decolonising the Mind*. London: James Currey, 1986.
Sun Yat-sen. *San Min Chu I*. Shanghai: Commercial Press, 1924.
"""


def test_a_name_the_list_does_not_invert_is_cited_by_its_first_word() -> None:
    document = read_document(OWN_ORDER.encode(), "essay.md")
    assert [name_order_head(e.reference) for e in document.entries] == ["", "Ngũgĩ", "Sun"]
    found = {c.family: entries for c, entries, _ in citing(document).links}
    assert found == {"Achebe": (0,), "Ngũgĩ": (1,), "Sun": (2,)}


FAMILY_FIRST = """# SARS in China

Huang Yanzhong argues that officials concealed the news. Adam Smith argues that
markets reward candour.

## References

Huang, Yanzhong. 2004. *Governing Health in Contemporary China*. London: Routledge.

Adam, John. 1990. *Markets*. London: Verso.
"""


def test_a_name_written_family_first_cites_the_listed_person_it_fits() -> None:
    document = read_document(FAMILY_FIRST.encode(), "essay.md")
    found = {c.family: entries for c, entries, _ in citing(document).links}
    assert found == {"Huang": (0,), "Smith": ()}  # Smith is not John Adam


STATED_INITIALS = """# Debt

Debt rose (IMF 2019, 12), and child poverty with it (ONS, 2020, p. 4).

## References

International Monetary Fund (IMF). 2019. *World Economic Outlook*. Washington, DC: IMF.

Office for National Statistics. (2020). *Child poverty in the UK*. Office for National Statistics.
"""


def test_an_organisation_is_cited_by_the_initials_its_entry_gives() -> None:
    # "(IMF)" stated in the heading; "ONS" from a heading the parser read as a publisher
    document = read_document(STATED_INITIALS.encode(), "essay.md")
    found = {c.family: entries for c, entries, _ in citing(document).links}
    assert found == {"IMF": (0,), "ONS": (1,)}
