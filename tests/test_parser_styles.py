"""A few references in the common styles, with Markdown and list numbering."""

# ruff: noqa: E501  (references are long lines; wrapping them would hide what is tested)

from __future__ import annotations

from typing import Any

import pytest

from bib.model import EntryType
from bib.parser import label_tokens, parse_reference

EXAMPLES: list[Any] = [
    (  # Harvard
        "Smith, J. and Jones, K. (2010) The Making of Modern Europe. 2nd edn. London: Routledge.",
        {"type": EntryType.BOOK, "authors": ["Smith", "Jones"], "year": "2010", "place": "London", "publisher": "Routledge"},
    ),
    (  # APA
        "Tolin, D. F., & Foa, E. B. (2006). Sex differences in trauma and posttraumatic stress disorder: A quantitative review of 25 years of research. Psychological Bulletin, 132(6), 959–992. https://doi.org/10.1037/0033-2909.132.6.959",
        {"type": EntryType.ARTICLE, "authors": ["Tolin", "Foa"], "year": "2006", "container": "Psychological Bulletin",
         "volume": "132", "number": "6", "pages": "959-992", "doi": "10.1037/0033-2909.132.6.959"},
    ),
    (  # MLA
        "Eyal, Ophir, Clifford Nass, and Anthony D. Wagner. “Cognitive Control in Media Multitaskers.” Proceedings of the National Academy of Sciences, vol. 106, no. 37, 2009, pp. 15583-87.",
        {"type": EntryType.ARTICLE, "authors": ["Eyal", "Nass", "Wagner"], "title": "Cognitive Control in Media Multitaskers",
         "volume": "106", "number": "37", "year": "2009", "pages": "15583-87"},
    ),
    (  # Chicago author-date, chapter
        "Bruckmüller, Ernst. 1999. “Patriotismus und Geschichtsunterricht.” In Vilfanov zbornik, edited by Ernst Bruckmüller and Vincenc Rajšp, 511–530. Ljubljana: Založba ZRC.",
        {"type": EntryType.CHAPTER, "authors": ["Bruckmüller"], "editors": ["Bruckmüller", "Rajšp"], "year": "1999",
         "container": "Vilfanov zbornik", "pages": "511-530", "place": "Ljubljana"},
    ),
    (  # Italian, without a publisher (the tagger reads the title as place; a rule splits it)
        "A. Rossi, Storia di Roma, Milano 1975",
        {"type": EntryType.BOOK, "authors": ["Rossi"], "title": "Storia di Roma", "place": "Milano", "year": "1975"},
    ),
    (  # German
        "Müller, Hans: Geschichte der Stadt. Berlin: Akademie Verlag 1990",
        {"type": EntryType.BOOK, "authors": ["Müller"], "place": "Berlin", "publisher": "Akademie Verlag", "year": "1990"},
    ),
    (  # French journal
        "BOUSQUET Jean, « L’atelier de la Tholos de Delphes », Bulletin de correspondance hellénique, 1984, vol. 108, no 1, p. 199-206.",
        {"type": EntryType.ARTICLE, "authors": ["BOUSQUET"], "year": "1984", "volume": "108", "number": "1", "pages": "199-206"},
    ),
    (  # Markdown emphasis is a hint, never part of a value
        "Carr, E. H. *Twilight of the Comintern* (Macmillan press, London 1982)",
        {"type": EntryType.BOOK, "title": "Twilight of the Comintern", "year": "1982", "place": "London"},
    ),
    (  # a link keeps its title and its URL
        "Smith, J. [A Study of Web Pages](https://example.org/study). Accessed 3 March 2020.",
        {"title": "A Study of Web Pages", "url": "https://example.org/study"},
    ),
    (  # list numbering is not part of the reference
        "12. Conquest, R. The Great Terror: A Reassessment (London: Pimlico, 1992)",
        {"type": EntryType.BOOK, "authors": ["Conquest"], "year": "1992", "publisher": "Pimlico"},
    ),
    (  # thesis
        "Smith, John. 2005. “Peasants and Power in Tuscany.” PhD diss., University of Chicago.",
        {"type": EntryType.THESIS, "authors": ["Smith"], "year": "2005"},
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), EXAMPLES)
def test_style_examples(text: str, expected: dict[str, Any]) -> None:
    ref = parse_reference(text)
    for field, value in expected.items():
        if field in ("authors", "editors"):
            assert [n.family for n in getattr(ref, field)] == value, field
        else:
            assert getattr(ref, field) == value, field


def test_numbering_is_its_own_segment() -> None:
    ref = parse_reference("[3] Conquest, R. The Great Terror (London: Pimlico, 1992)")
    assert ref.segments[0] == ("citation-number", "[3]")
    assert ref.authors[0].family == "Conquest"


def test_label_tokens_shows_the_tagger() -> None:
    pairs = label_tokens("Conquest, R. The Great Terror (London: Pimlico, 1992)")
    assert pairs[0] == ("Conquest", "author")
    assert ("1992", "date") in pairs
