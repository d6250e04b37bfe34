"""The reference list of the seed essay (great-terror-essay.txt) must parse exactly.

The lines are bibliographic facts copied from the essay's list; the expected fields
are what an editor would read off them.
"""

# ruff: noqa: E501  (references are long lines; wrapping them would hide what is tested)

from __future__ import annotations

import pytest

from bib.model import EntryType
from bib.parser import parse_reference

A, B, E = EntryType.ARTICLE, EntryType.BOOK, EntryType.EDITED_BOOK

# (reference, type, author families, editor families, year, publisher, place)
BOOKS = [
    ("Carley, M. J. 1939: The alliance that never was and the coming of World War II (Chicago: Ivan R. Dee, 1999)",
     B, ["Carley"], [], "1999", "Ivan R. Dee", "Chicago"),
    ("Carr, E. H. Twilight of the Comintern (Macmillan press, London 1982)",
     B, ["Carr"], [], "1982", "Macmillan press", "London"),
    ("Conquest, R. The Great Terror: A Reassessment (London: Pimlico, 1992)",
     B, ["Conquest"], [], "1992", "Pimlico", "London"),
    ("Cooper, J (ed.) Soviet history, 1917-53 (Basingstoke: Macmillan, 1995)",
     E, [], ["Cooper"], "1995", "Macmillan", "Basingstoke"),
    ("Deutscher, I. Stalin: A Political Biography (Middlesex: Penguin Books, 1974)",
     B, ["Deutscher"], [], "1974", "Penguin Books", "Middlesex"),
    ("McLoughlin, B. and Kevin McDermott (eds.), Stalin’s terror : high politics and mass repression in the Soviet Union (Basingstoke: Palgrave Macmillan, 2002)",
     E, [], ["McLoughlin", "McDermott"], "2002", "Palgrave Macmillan", "Basingstoke"),
    ("Getty, J. A. and Oleg V. Naumov, The Road to Terror: Stalin and the Self-Destruction of the Bolsheviks, 1932–1939 (London: Yale University Press, 1999)",
     B, ["Getty", "Naumov"], [], "1999", "Yale University Press", "London"),
    ("Gorodetsky G. (ed.), Soviet foreign policy, 1917-1991 : a retrospective (1994)",
     E, [], ["Gorodetsky"], "1994", "", ""),
    ("Harris, J. The Great Fear: Stalin’s Terror of the 1930s (Oxford: Oxford University Press, 2016)",
     B, ["Harris"], [], "2016", "Oxford University Press", "Oxford"),
    ("Haslam, J. The Soviet Union and the Struggle for Collective Security in Europe 1933–39 (London: Palgrave Macmillan, 1984)",
     B, ["Haslam"], [], "1984", "Palgrave Macmillan", "London"),
    ("Hobsbawm, E. The Age of Extremes: 1914-1991 (London: Abacus, 2003)",
     B, ["Hobsbawm"], [], "2003", "Abacus", "London"),
    ("Medvedev, R. Let History Judge (Manchester: Spokesman Books, 1976)",
     B, ["Medvedev"], [], "1976", "Spokesman Books", "Manchester"),
    ("Pons, S. Stalin and the Inevitable War 1936-1941 (London: Frank Cass, 2002)",
     B, ["Pons"], [], "2002", "Frank Cass", "London"),
    ("Roffman, H. Understanding the Cold War: A Study of the Cold War in the Interwar Period (London: Associated University Presses, 1977)",
     B, ["Roffman"], [], "1977", "Associated University Presses", "London"),
    ("Rogovin, V. Z. 1937: Stalin’s Year or Terror (Sheffield: Mehring Books, 1998)",
     B, ["Rogovin"], [], "1998", "Mehring Books", "Sheffield"),
    ("Rogovin, V. Z. Stalin’s Terror of 1937-1938: Political Genocide in the USSR (Michigan: Mehring Books, 2009)",
     B, ["Rogovin"], [], "2009", "Mehring Books", "Michigan"),
    ("Sedov, L. The Red Book on the Moscow Trial (London: New Park Publications, 1980)",
     B, ["Sedov"], [], "1980", "New Park Publications", "London"),
    ("Stalin, J. V. J. V. Stalin Works, Vol. 14, 1934-1940 (London: Red Star Press, 1978)",
     B, ["Stalin"], [], "1978", "Red Star Press", "London"),
    ("Trotsky, L. Writings of Leon Trotsky 1935–36 (New York: Pathfinder Press, 1977)",
     B, ["Trotsky"], [], "1977", "Pathfinder Press", "New York"),
    ("Tucker, R. C. Stalin in Power : The Revolution from Above 1928––1941 (London: W. W. Norton and Company: 1990)",
     B, ["Tucker"], [], "1990", "W. W. Norton and Company", "London"),
    ("Whymant, R. Stalin’s Spy: Richard Sorge and the Tokyo Espionage Ring (London: I. B. Tauris, 1996)",
     B, ["Whymant"], [], "1996", "I. B. Tauris", "London"),
    ("Yergin, D. Shattered Peace: The Origins of the Cold War and the National Security State (Boston: Houghton Mifflin Company, 1977)",
     B, ["Yergin"], [], "1977", "Houghton Mifflin Company", "Boston"),
]  # fmt: skip

# (reference, author families, container, volume, number, pages, year, month)
ARTICLES = [
    ("Carley, M. J. ‘Episodes from the Early Cold War: Franco-Soviet Relations, 1917–1927’, Europe-Asia Studies, Vol. 52, No. 7, pp. 1275–1305 (2000)",
     ["Carley"], "Europe-Asia Studies", "52", "7", "1275-1305", "2000", ""),
    ("Getty, J. A. ‘Trotsky in Exile: The Founding of the Fourth International’, Soviet Studies, Vol. 38, No. 1 (Jan 1986) pp. 24-35",
     ["Getty"], "Soviet Studies", "38", "1", "24-35", "1986", "Jan"),
    ("Gorodetsky, G. ‘Review’, The International History Review, Vol. 26, No. 3 (Sep 2004), pp. 656-659",
     ["Gorodetsky"], "The International History Review", "26", "3", "656-659", "2004", "Sep"),
    ("Harris, J. ‘Encircled by enemies: Stalin’s Perceptions of the capitalist world, 1918 – 1941’, Journal of Strategic Studies, Vol. 30, No. 3 (2007) pp. 513-545",
     ["Harris"], "Journal of Strategic Studies", "30", "3", "513-545", "2007", ""),
    ("Khlevniuk, O., ‘Top Down vs. Bottom-up: Regarding the Potential of Contemporary “Revisionism”’, Cahiers du monde russe, Vol. 56, No. 4 (2015) pp. 837-857.",
     ["Khlevniuk"], "Cahiers du monde russe", "56", "4", "837-857", "2015", ""),
    ("Morrison, H. ‘Impressions of the Situation in Soviet Russia’, International Affairs (Royal Institute of International Affairs 1931-1939), Vol. 13, No. 1 (Jan – Feb 1934) pp. 62-78.",
     ["Morrison"], "International Affairs (Royal Institute of International Affairs 1931-1939)", "13", "1", "62-78", "1934", "Jan-Feb"),
    ("Whitewood, P. ‘The Purge of the Red Army and the Soviet Mass Operations, 1937–38’, Slavonic and East European Review, Vol. 93, No. 2 (2015) pp. 286 – 314.",
     ["Whitewood"], "Slavonic and East European Review", "93", "2", "286-314", "2015", ""),
    ("Whitewood, P. ‘Subversion in the Red Army and the Military Purge of 1937–1938’, Europe-Asia Studies, Vol. 67, No. 1 (2015) pp. 102-122.",
     ["Whitewood"], "Europe-Asia Studies", "67", "1", "102-122", "2015", ""),
]  # fmt: skip

TITLES = [
    (BOOKS[0][0], "1939: The alliance that never was and the coming of World War II"),
    (BOOKS[1][0], "Twilight of the Comintern"),
    (BOOKS[19][0], "Stalin in Power : The Revolution from Above 1928––1941"),
    (ARTICLES[2][0], "Review"),
    (
        ARTICLES[4][0],
        "Top Down vs. Bottom-up: Regarding the Potential of Contemporary “Revisionism”",
    ),
]


def test_the_seed_list_has_30_references_8_articles_and_22_books() -> None:
    assert len(BOOKS) == 22 and len(ARTICLES) == 8
    assert sum(row[1] is E for row in BOOKS) == 3


@pytest.mark.parametrize(
    ("text", "kind", "authors", "editors", "year", "publisher", "place"), BOOKS
)
def test_seed_books(
    text: str, kind: EntryType, authors: list[str], editors: list[str], year: str,
    publisher: str, place: str,
) -> None:  # fmt: skip
    ref = parse_reference(text)
    assert ref.type is kind
    assert [n.family for n in ref.authors] == authors
    assert [n.family for n in ref.editors] == editors
    assert ref.year == year
    assert ref.publisher == publisher
    assert ref.place == place
    assert not ref.container and not ref.pages


@pytest.mark.parametrize(
    ("text", "authors", "container", "volume", "number", "pages", "year", "month"), ARTICLES
)
def test_seed_articles(
    text: str, authors: list[str], container: str, volume: str, number: str, pages: str,
    year: str, month: str,
) -> None:  # fmt: skip
    ref = parse_reference(text)
    assert ref.type is EntryType.ARTICLE
    assert [n.family for n in ref.authors] == authors
    assert not ref.editors
    assert ref.container == container
    assert (ref.volume, ref.number, ref.pages) == (volume, number, pages)
    assert (ref.year, ref.month) == (year, month)
    assert not ref.publisher and not ref.place


@pytest.mark.parametrize(("text", "title"), TITLES)
def test_seed_titles(text: str, title: str) -> None:
    assert parse_reference(text).title == title


def test_seed_given_names_and_initials() -> None:
    ref = parse_reference(BOOKS[6][0])
    assert [(n.family, n.given) for n in ref.authors] == [("Getty", "J. A."), ("Naumov", "Oleg V.")]


def test_segments_keep_the_original_text_in_order() -> None:
    text = ARTICLES[1][0]
    ref = parse_reference(text)
    assert " ".join(piece for _, piece in ref.segments).split() == text.split()
    assert ref.segments[0] == ("author", "Getty, J. A.")
