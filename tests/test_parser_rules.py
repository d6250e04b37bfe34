"""Tables for the parser's post-processing rules: names, pages, volumes, years, months."""

# ruff: noqa: E501  (tables of names read best one case a line)

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from bib.model import Reference
from bib.parser import parse_reference
from bib.parser.corpus import map_segments
from bib.parser.fields import (
    build_reference,
    find_month,
    find_year,
    normalise_pages,
    split_place_publisher,
    split_volume,
    strip_field,
)
from bib.parser.names import parse_names
from bib.parser.rules import (
    a_bracket_closing_the_title_is_not_its_words,
    a_bracketed_year_after_the_title_is_the_titles,
    a_container_opens_at_its_in,
    a_genre_is_no_container,
    a_name_after_the_places_colon_is_the_publisher,
    a_name_before_its_volume_is_the_journal,
    a_newspaper_is_dated_to_the_day,
    a_number_after_the_year_is_the_page,
    a_place_holds_no_title,
    a_publisher_before_its_town_and_year,
    a_sentence_opened_by_in_is_the_container,
    a_title_does_not_end_in_a_role,
    a_town_after_the_publisher_is_the_place,
    a_town_and_its_publisher_are_two_fields,
    a_town_before_its_state_is_the_place,
    a_volume_then_its_page,
    a_year_before_the_colon_is_the_date,
    a_year_ending_its_sentence_is_the_date,
    an_edition_ends_at_its_cue,
    an_edition_ends_at_its_word,
    an_editors_cue_after_a_full_stop_opens_names,
    an_imprint_in_brackets_closes_the_title,
    an_imprint_opens_its_sentence,
    an_italic_title_has_a_publisher,
    an_untitled_article_keeps_one_name,
    an_untitled_note_is_the_title,
    an_untitled_reference_keeps_one_name,
    close_brackets,
    close_quoted_titles,
    container_without_title,
    editors_need_a_cue,
    held_in_names_the_place,
    italics_hold_one_title,
    journal_not_publisher,
    named_editors_end_before_the_publisher,
    names_do_not_end_in_an_opener,
    names_do_not_take_a_lone_word,
    names_end_at_et_al,
    names_end_at_given_name,
    names_end_at_initials,
    names_given_first_are_two_words,
    names_run_on_to_their_full_stop,
    names_then_ed_then_the_book,
    pages_that_are_years,
    punctuation_is_no_field,
    title_after_role,
    title_after_role_mark,
    undated_titles_give_up_their_year,
    unspaced_scripts_give_a_field_a_token,
)
from bib.parser.tokens import Token, tokenize

NAMES = [
    ("Carley, M. J.", [("Carley", "M. J.")], False, False),
    # two-letter family names are no initials: "Li, M." is one person, "Ch. Dupont" too
    ("Zhang, W., Li, H. and Wu, X.", [("Zhang", "W."), ("Li", "H."), ("Wu", "X.")], False, False),
    ("Nguyen, T. and Le, M.", [("Nguyen", "T."), ("Le", "M.")], False, False),
    ("Ng, K. L.", [("Ng", "K. L.")], False, False),
    ("Stewart JR, Li M", [("Stewart", "JR"), ("Li", "M")], False, False),
    ("Ch. Dupont", [("Dupont", "Ch.")], False, False),
    ("Getty, J. A. and Oleg V. Naumov", [("Getty", "J. A."), ("Naumov", "Oleg V.")], False, False),
    ("McLoughlin, B. and Kevin McDermott (eds.)", [("McLoughlin", "B."), ("McDermott", "Kevin")], True, False),
    ("Cooper, J (ed.)", [("Cooper", "J")], True, False),
    ("Gorodetsky G. (ed.)", [("Gorodetsky", "G.")], True, False),
    ("BARIL, Jean", [("BARIL", "Jean")], False, False),
    ("Smith, J., Jones, K. & Lee, M.", [("Smith", "J."), ("Jones", "K."), ("Lee", "M.")], False, False),
    ("Smith, J., et al.", [("Smith", "J.")], False, True),
    ("Saad ED, Buyse M.", [("Saad", "ED"), ("Buyse", "M.")], False, False),
    ("J. Adams, W. Brainerd, and J. Wagener", [("Adams", "J."), ("Brainerd", "W."), ("Wagener", "J.")], False, False),
    ("Eyal, Ophir, Clifford Nass, and Anthony D. Wagner.", [("Eyal", "Ophir"), ("Nass", "Clifford"), ("Wagner", "Anthony D.")], False, False),
    ("AYKUT Stefan C., DAHAN Amy,", [("AYKUT", "Stefan C."), ("DAHAN", "Amy")], False, False),
    ("Roger Grand, Raymond Delatouche,", [("Grand", "Roger"), ("Delatouche", "Raymond")], False, False),
    ("G. W. GOKEL et V. J. GATTO", [("GOKEL", "G. W."), ("GATTO", "V. J.")], False, False),
    ("edited by Ernst Bruckmüller and Vincenc Rajšp,", [("Bruckmüller", "Ernst"), ("Rajšp", "Vincenc")], True, False),
    ("In G. Feuser (Hrsg.),", [("Feuser", "G.")], True, False),
    ("Müller, Hans", [("Müller", "Hans")], False, False),
    ("A. Rossi", [("Rossi", "A.")], False, False),
    ("---", [], False, False),
    ("• MERDRIGNAC Bernard,", [("MERDRIGNAC", "Bernard")], False, False),
    ("sous la direction de Géraldine Barron et Pauline Le Goff-Janton", [("Barron", "Géraldine"), ("Goff-Janton", "Pauline")], True, False),
    ("a cura di Mario Rossi", [("Rossi", "Mario")], True, False),
    # Vancouver initials that look like suffixes: "JR" is J. R., "Jr" is junior.
    ("Ishii T, McCouch SR.", [("Ishii", "T"), ("McCouch", "SR.")], False, False),
    ("Fajardo LF, Stewart JR.", [("Fajardo", "LF"), ("Stewart", "JR.")], False, False),
    ("Davis Jr., Sammy", [("Davis", "Sammy")], False, False),
    ("Gaulle, Charles de.", [("Gaulle", "Charles")], False, False),
    # A lone word before the comma is a family name: the words after it are given names.
    ("Miller, Jean Baker", [("Miller", "Jean Baker")], False, False),
    ("Miller, Jean Baker, and Tom Jones", [("Miller", "Jean Baker"), ("Jones", "Tom")], False, False),
    ("Getty, J. Arch.", [("Getty", "J. Arch")], False, False),
    # An organisation is one name; a surname that is also a noun (Court) is not one.
    ("World Health Organization.", [("World Health Organization", "")], False, False),
    ("Department of Health", [("Department of Health", "")], False, False),
    ("Margaret Court", [("Court", "Margaret")], False, False),
    ("J. Bank", [("Bank", "J.")], False, False),
    ("Edited and translated by Richard B. Day.", [("Day", "Richard B.")], True, False),
    ("M.Atiyah, N. Hitchin", [("Atiyah", "M."), ("Hitchin", "N.")], False, False),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected", "editors", "et_al"), NAMES)
def test_parse_names(
    text: str, expected: list[tuple[str, str]], editors: bool, et_al: bool
) -> None:
    result = parse_names(text)
    assert [(n.family, n.given) for n in result.names] == expected
    assert (result.editors, result.et_al) == (editors, et_al)


def test_particles_are_kept_apart() -> None:
    name = parse_names("van der Linden, Marcel").names[0]
    assert (name.particle, name.family, name.full_family) == ("van der", "Linden", "van der Linden")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pp. 286 – 314.", "286-314"),
        ("p. 182-196.", "182-196"),
        ("pp. 1275–1305", "1275-1305"),
        ("(S. 155-157).", "155-157"),
        ("561 p.", "561"),
        ("24", "24"),
        ("199 206.", "199-206"),
        ("pages 3--17", "3-17"),
        ("e1002", "e1002"),
    ],
)
def test_normalise_pages(text: str, expected: str) -> None:
    assert normalise_pages(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vol. 30, No. 3", ("30", "3")),
        ("Vol. 48 (1),", ("48", "1")),
        ("2012;30(15):", ("30", "15")),
        ("vol. 108, no 1,", ("108", "1")),
        ("132,", ("132", "")),
        ("t. XXXVIII,", ("XXXVIII", "")),
        ("Bd. 93", ("93", "")),
        ("Nr. 2", ("", "2")),
        ("제36권, 제1호", ("36", "1")),
    ],
)
def test_split_volume(text: str, expected: tuple[str, str]) -> None:
    assert split_volume(text) == expected


@pytest.mark.parametrize(
    ("text", "year", "month"),
    [
        ("(1990),", "1990", ""),
        ("(Jan – Feb 1934)", "1934", "Jan-Feb"),
        ("(Sep 2004),", "2004", "Sep"),
        ("Winter (1956).", "1956", "Winter"),
        ("1989 [1972].", "1989", ""),
        ("n.d.", "", ""),
    ],
)
def test_years_and_months(text: str, year: str, month: str) -> None:
    assert (find_year(text), find_month(text)) == (year, month)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("‘Episodes from the Early Cold War’,", "Episodes from the Early Cold War"),
        ("(New York, NY:", "New York, NY"),
        ("Stalin’s terror : high politics,", "Stalin’s terror : high politics"),
        ("*Title in emphasis*.", "Title in emphasis"),
        ("Oxford UP.", "Oxford UP"),
        ("Norton & Co.", "Norton & Co."),
        ("’, Cahiers du monde russe,", "Cahiers du monde russe"),
        ("’Tis Pity", "’Tis Pity"),
        (
            "International Affairs (Royal Institute 1931-1939),",
            "International Affairs (Royal Institute 1931-1939)",
        ),
    ],
)
def test_strip_field(text: str, expected: str) -> None:
    assert strip_field(text) == expected


def test_place_and_publisher_in_one_field() -> None:
    assert split_place_publisher("London: Pimlico,") == ("London", "Pimlico")
    assert split_place_publisher("Pimlico,") == ("", "Pimlico")


def _relabelled(
    rule: Callable[[Sequence[Token], Sequence[str]], list[str]], text: str, labels: str
) -> str:
    _, tokens = tokenize(text)
    names = labels.split()
    assert len(names) == len(tokens), [t.text for t in tokens]
    return " ".join(rule(tokens, names))


@pytest.mark.parametrize(
    ("rule", "text", "labels", "expected"),
    [
        (close_quoted_titles, "‘The Purge’, Slavonic Review",
         "title title title title title title container", "title title title title title container container"),
        (close_quoted_titles, "‘Top “ Revisionism ” ’ , Cahiers",
         "title title title container container container container container",
         "title title title title title title container container"),
        (close_brackets, "Affairs (Royal Institute 1931) , Vol. 13",
         "container container container publisher date date date volume volume",
         "container container container container container container container volume volume"),
        (names_end_at_initials, "Carr , E. H. Twilight of",
         "author author author author author title", "author author author author title title"),
        (pages_that_are_years, "history , 1917-53 (",
         "title title pages place", "title title title place"),
        (editors_need_a_cue, "A. Rossi , Storia", "editor editor editor title", "author author author title"),
        (punctuation_is_no_field, "Stalin Works , Vol. 14", "title title container volume volume",
         "title title title volume volume"),
        (punctuation_is_no_field, "Works ( London", "title date place", "title place place"),
        (names_end_at_given_name, "Parisot , Eric. Graveyard Poetry :",
         "author author author author author title", "author author author title title title"),
        (names_end_at_given_name, "Smith , John. and Mary Jones :",
         "author author author author author author title", "author author author author author author title"),
        (title_after_role_mark, "Scholz , T. , ed. Digital Labor",
         "editor editor editor editor editor editor title", "editor editor editor editor editor title title"),
        (title_after_role_mark, "Scholz , ed. by Smith : Labor",
         "editor editor editor editor editor editor title", "editor editor editor editor editor editor title"),
        (container_without_title, "Science in Christian Perspective . Boston :",
         "container container container container container place place",
         "title title title title title place place"),
        (names_do_not_take_a_lone_word, "Rolnick , Philip A. , Persons , Grace",
         "author author author author author author author title",
         "author author author author author title title title"),
        (names_do_not_take_a_lone_word, "Lynne Tillman , Bookstore : The Life",
         "author author author author author title title", "author author author title title title title"),
        (names_do_not_take_a_lone_word, "KEMP , Wolfgang , Der Anteil des Betrachters . Munich",
         "author author author author author author author author title place",
         "author author author author title title title title title place"),
        (names_end_at_et_al, "edited by Julian Cooper et al. , Macmillan , 1995",
         "editor editor editor editor editor editor editor editor editor date",
         "editor editor editor editor editor editor editor publisher publisher date"),
        # MLA: "edited by Given Family, Publisher, Year".
        (named_editors_end_before_the_publisher, "edited by Mary Douglas , Tavistock , 1970",
         "editor editor editor editor editor editor editor date",
         "editor editor editor editor editor publisher publisher date"),
        # Names come whole: "Given Family" pairs are editors, however many.
        (named_editors_end_before_the_publisher, "edited by Ann Hughes , Richard Cust , 1989",
         "editor editor editor editor editor editor editor editor date",
         "editor editor editor editor editor editor editor editor date"),
        # An initial is part of a name, and without the date next nothing is decided.
        (named_editors_end_before_the_publisher, "edited by Mary Douglas , J. , 1970",
         "editor editor editor editor editor editor editor date",
         "editor editor editor editor editor editor editor date"),
        # After "Place:" and before the year, a firm named after a person is the publisher.
        (a_name_after_the_places_colon_is_the_publisher, "Calcutta : M. C. Sarkar , 1912–24",
         "place place author author author author note",
         "place place publisher publisher publisher publisher note"),
        (a_name_after_the_places_colon_is_the_publisher, "London : John Murray , 1859",
         "place place editor editor editor date",
         "place place publisher publisher publisher date"),
        # No colon, or no year after: nothing is decided.
        (a_name_after_the_places_colon_is_the_publisher, "London , John Murray , 1859",
         "place place author author author date", "place place author author author date"),
        (a_name_after_the_places_colon_is_the_publisher, "London : John Murray , Smith",
         "place place author author author author", "place place author author author author"),
        # An imprint's name is no person's, however many words: "Penguin Classics".
        (named_editors_end_before_the_publisher, "Edited by Rosemary Ashton , Penguin Classics , 1994",
         "editor editor editor editor editor editor editor editor date",
         "editor editor editor editor editor publisher publisher publisher date"),
        (named_editors_end_before_the_publisher, "edited by Rosemary Ashton , Harvard UP , 1994",
         "editor editor editor editor editor editor editor editor date",
         "editor editor editor editor editor publisher publisher publisher date"),
        (named_editors_end_before_the_publisher, "edited by Mary Douglas , Tavistock",
         "editor editor editor editor editor editor", "editor editor editor editor editor editor"),
        (names_end_at_et_al, "N. Ikeno et al. , PTEP 2015", "author author author author author author author",
         "author author author author author author author"),
        (names_do_not_end_in_an_opener, "Smith , A. ( 2019 ) Memory",
         "author author author author date date title", "author author author date date date title"),
        (names_do_not_end_in_an_opener, "Education permanente ( 133 )",
         "container container container volume volume", "container container container volume volume"),
        (names_end_at_initials, "Snyder , T. Bloodlands : Europe between",
         "author author author author author title title",
         "author author author title title title title"),
        (names_end_at_initials, "L. Faybusovich , M. Gekhtman , Elementary Toda",
         "author author author author author author title title",
         "author author author author author author title title"),
        (an_untitled_note_is_the_title, "Browning , C. ( 1992 ) . Ordinary men : Reserve Police . HarperCollins .",
         "author author author date date date date note note note note note note note note",
         "author author author date date date date title title title title title title publisher publisher"),
        (an_untitled_note_is_the_title, "Federrath , C. , 2016 , arXiv:1606.03121",
         "author author author author date date note note note note",
         "author author author author date date note note note note"),
        (an_edition_ends_at_its_cue, "extremes ( 2nd ed. ) . Michael Joseph.",
         "title edition edition edition edition edition edition author",
         "title edition edition edition edition edition publisher publisher"),
        (title_after_role, "Ilic , Melanie , ed. Stalin's Terror Revisited . Basingstoke",
         "editor editor editor editor editor editor editor editor editor place",
         "editor editor editor editor editor title title title title place"),
        (title_after_role, "Ed Reina et al. , N.A.R", "editor editor editor editor editor editor editor",
         "editor editor editor editor editor editor editor"),
        (journal_not_publisher, '" The Third Reich . " New York Review of Books , 2015',
         "title title title title title title publisher publisher publisher publisher publisher date date",
         "title title title title title title container container container container container date date"),
        (journal_not_publisher, '" Chemical Products " ( Kagaku Co. , Ltd. ) , pp.286-289',
         "title title title title publisher publisher publisher publisher publisher publisher publisher pages pages",
         "title title title title publisher publisher publisher publisher publisher publisher publisher pages pages"),
        # Pairs of inverted names, Vancouver initials and "and" keep their names.
        (names_do_not_take_a_lone_word, "Smith , John , Jones , Mary , Title",
         "author author author author author author author author title",
         "author author author author author author author author title"),
        (names_do_not_take_a_lone_word, "Cartron JP : Specificity", "author author author title",
         "author author author title"),
        (names_do_not_take_a_lone_word, "Catmull , Edwin and Rom , Raphael , A class",
         "author author author author author author author author title title",
         "author author author author author author author author title title"),
        # A year read into an undated title is its date; a dated one keeps it.
        (undated_titles_give_up_their_year, "GUERIN Paul , 1882 : Les petits bollandistes . Paris",
         "author author author title title title title title title place",
         "author author author date date title title title title place"),
        (undated_titles_give_up_their_year, "Kohonen , T. Self Organizing Maps 1995 Springer",
         "author author author title title title title publisher",
         "author author author title title title date publisher"),
        (undated_titles_give_up_their_year, "1939 : The alliance that never was . 1999",
         "title title title title title title title title date",
         "title title title title title title title title date"),
        # A year that ends its sentence inside an undated field is the date; one that goes on
        # ("Britain , 1850 and after") or a dated reference keeps it.
        (a_year_ending_its_sentence_is_the_date, "Board of Works , Minutes , 1858. MBW",
         "container container container container container container container container",
         "container container container container container container date container"),
        (a_year_ending_its_sentence_is_the_date, "Public Health : Britain , 1850 and after .",
         "title title title title title title title title title",
         "title title title title title title title title title"),
        (a_year_ending_its_sentence_is_the_date, "Minutes , 1858. MBW . 1860",
         "container container container container container date",
         "container container container container container date"),
        # What follows a closed quote, with no container labelled, is the container.
        (close_quoted_titles, '" Requirements Wisdom , " Doctor Dobbs Digest.',
         "title title title title title title title title",
         "title title title title title container container container"),
        (close_quoted_titles, "“ Novyi etap ” [ A new stage ]",
         "title title title title title title title title title", "title title title title title title title title title"),
        # A bracket that closes the title names its edition or medium, unless it is words.
        (a_bracket_closing_the_title_is_not_its_words, "Spectroscopy ( Third Edition ) . Springer",
         "title title title title title title publisher",
         "title edition edition edition edition edition publisher"),
        (a_bracket_closing_the_title_is_not_its_words, "A fresh appraisal [ Motion picture ] .",
         "title title title title title title title title", "title title title genre genre genre genre genre"),
        (a_bracket_closing_the_title_is_not_its_words, "The Four Texts ( 1798 , 1805 ) . London",
         "title title title title title title title title title place",
         "title title title title title title title title title place"),
        # A year before the colon is the date when the imprint repeats it, not otherwise.
        (a_year_before_the_colon_is_the_date, "Katchan O. 1986 : Early Bilingualism . Elsevier , 1986",
         "author author title title title title title publisher publisher date",
         "author author date date title title title publisher publisher date"),
        (a_year_before_the_colon_is_the_date, "Carley , M. 1939 : The alliance . Dee , 1999",
         "author author author title title title title title publisher publisher date",
         "author author author title title title title title publisher publisher date"),
        # Years in brackets after the title are its own when the imprint has the date.
        (a_bracketed_year_after_the_title_is_the_titles, "De la Guerre ( 1832 ) , trad. L. Murawiec , Perrin , 1999",
         "title title title date date date date translator translator translator translator publisher publisher date",
         "title title title title title title title translator translator translator translator publisher publisher date"),
        (a_bracketed_year_after_the_title_is_the_titles, "The Four Texts ( 1798 , 1850 ) . London : Penguin , 1995",
         "title title title date date date date date date place place publisher publisher date",
         "title title title title title title title title title place place publisher publisher date"),
        (a_bracketed_year_after_the_title_is_the_titles, "Religion and the Decline of Magic ( 1971 ) . London",
         "title title title title title title date date date date place",
         "title title title title title title date date date date place"),
        (a_bracketed_year_after_the_title_is_the_titles, '" Wakefield structures , " ( 2015 ) , Workshop , 2015',
         "title title title title title date date date date container container date",
         "title title title title title date date date date container container date"),
        # "Authors Year, Journal, Volume, Page": the name before the volume is the journal.
        (a_name_before_its_volume_is_the_journal, "Farnocchia , D. , et al. 2013 , Icarus , 224 , 1",
         "author author author author author author date date volume volume volume volume pages",
         "author author author author author author date date container container volume volume pages"),
        (a_name_before_its_volume_is_the_journal, "Smith , J. 2013 , Vol. 9 , 243",
         "author author author date date volume volume volume pages",
         "author author author date date volume volume volume pages"),
        (a_name_before_its_volume_is_the_journal, "Smith , J. 2013 , ApJ , 9 , 243",
         "author author author date date container container volume volume pages",
         "author author author date date container container volume volume pages"),
        # "Journal, Volume, Page" with no cue: two bare numbers are the volume, then the page.
        (a_volume_then_its_page, "Inorg. Chim. Acta, 47, 81 (1980).",
         "container container container container volume volume volume date date date date",
         "container container container container volume volume pages date date date date"),
        (a_volume_then_its_page, "J Appl Phys 1987, 62, 243.",
         "container container container date date pages pages pages",
         "container container container date date volume volume pages"),
        # Not a second number that may be the issue.
        (a_volume_then_its_page, "Proceedings of the IEEE 63, 9 (1975).",
         "container container container container volume volume volume date date date date",
         "container container container container volume volume volume date date date date"),
        # An article's number after the year, read into the date, is its page.
        (a_number_after_the_year_is_the_page, "Phys. Rev. D 73 (2006), 034005.",
         "container container container volume date date date date date",
         "container container container volume date date date date pages"),
        # Not a date's own day or year, nor a number too short to tell from a day.
        (a_number_after_the_year_is_the_page, "Phys. Rev. D 73, 15 June 2006.",
         "container container container volume volume date date date",
         "container container container volume volume date date date"),
        (a_number_after_the_year_is_the_page, "Nature 473, (2011) 12.",
         "container volume volume date date date date", "container volume volume date date date date"),
        # A publisher and its town, or a town and its publisher, separated by a comma.
        (a_town_after_the_publisher_is_the_place, "MIT Press , Cambridge , Mass. , 1990",
         "publisher publisher publisher publisher publisher publisher publisher date",
         "publisher publisher publisher place place place place date"),
        (a_town_after_the_publisher_is_the_place, "Little , Brown & Co. , 1980",
         "publisher publisher publisher publisher publisher publisher date",
         "publisher publisher publisher publisher publisher publisher date"),
        # An issuing body before the comma, or a town and its state after it, says so too.
        (a_town_after_the_publisher_is_the_place, "Office of State Archaeology , Raleigh .",
         "publisher publisher publisher publisher publisher publisher publisher",
         "publisher publisher publisher publisher publisher place place"),
        (a_town_after_the_publisher_is_the_place, "H.P. White Laboratory , Bel Air , MD .",
         "publisher publisher publisher publisher publisher publisher publisher publisher publisher",
         "publisher publisher publisher publisher place place place place place"),
        (a_town_after_the_publisher_is_the_place, "National Maritime Museum , Caird Library .",
         "publisher publisher publisher publisher publisher publisher publisher",
         "publisher publisher publisher publisher publisher publisher publisher"),
        (a_town_after_the_publisher_is_the_place, "Department of Energy . Manhattan , Kansas",
         "publisher publisher publisher publisher publisher publisher publisher",
         "publisher publisher publisher publisher publisher publisher publisher"),
        (a_town_and_its_publisher_are_two_fields, "Paris , Dalloz , 1996",
         "place place place place date", "place place publisher publisher date"),
        (a_town_and_its_publisher_are_two_fields, "Meiner , Hamburg 2010",
         "place place place date", "publisher publisher place date"),
        (a_town_and_its_publisher_are_two_fields, "Munich Berlin London Prestel 2007",
         "place place place place date", "place place place publisher date"),
        (a_town_and_its_publisher_are_two_fields, "Washington Post , June 16",
         "place place place date date", "place place place date date"),
        (a_town_and_its_publisher_are_two_fields, "Oxford , England , 1990",
         "place place place place date", "place place place place date"),
        # Continental imprints: publisher, town, year, each after a comma.
        (a_publisher_before_its_town_and_year, "Études offertes à B. Mercadal , Francis Lefebvre , Paris , 2002",
         "container container container container container container container container container place place date",
         "container container container container container container publisher publisher publisher place place date"),
        (a_publisher_before_its_town_and_year, "Critica della ragion pura , Bompiani , Milano 2004",
         "container container container container container container container container date",
         "container container container container container publisher publisher place date"),
        (a_publisher_before_its_town_and_year, "Storia di Roma , Laterza , Roma , 1975",
         "title title title title publisher publisher place place date",
         "title title title title publisher publisher place place date"),
        # Not the title's last words, nor with no year after the town.
        (a_publisher_before_its_town_and_year, "Religions de Rome , Les Origines du Fascisme , Paris , 1990",
         "title title title title title title title title title place place date",
         "title title title title title title title title title place place date"),
        (a_publisher_before_its_town_and_year, "Atti del convegno , Poli D. ( éd. ) , Roma , 1990",
         "container container container container editor editor editor editor editor editor place place date",
         "container container container container editor editor editor editor editor editor place place date"),
        (a_publisher_before_its_town_and_year, "Faith , Hope , Charity , Farnham : Ashgate",
         "title title title title title title place place publisher",
         "title title title title title title place place publisher"),
        # With no title found, names end at the first: what follows is the book.
        (an_untitled_reference_keeps_one_name, "Italo Calvino , Invisible Cities , Harcourt Brace , 1978",
         "author author author author author author author author author date",
         "author author author title title title publisher publisher publisher date"),
        (an_untitled_reference_keeps_one_name, "Kohonen , T. Self Organizing Maps 1995",
         "author author author author author author date", "author author author title title title date"),
        (an_untitled_reference_keeps_one_name, "Sung , J. , Ponce , C. , 2015",
         "author author author author author author author author date",
         "author author author author author author author author date"),
        # An untitled article: after the first name, what is no name is the title.
        (an_untitled_article_keeps_one_name, "Karl Bosl, Reichsaristokratie und Uradel, Zeitschrift für Landesgeschichte, 21, 1958",
         "author author author author author author author container container container container volume volume date",
         "author author author title title title title container container container container volume volume date"),
        (an_untitled_article_keeps_one_name, "R. Diener, LCTPC Collaboration, JINST 7, 2012",
         "author author author author author author container volume volume date",
         "author author author author author author container volume volume date"),
        # Names written given name first are two words or more: a lone word opens the title.
        (names_given_first_are_two_words, "P. DuVal , Homographies , Quaternions and Rotations",
         "author author author author author title title title",
         "author author author title title title title title"),
        (names_given_first_are_two_words, "Leonardo Casalino , Lezioni recitabili. Vittorio Foa , Giaime",
         "author author author author author author author author title",
         "author author author title title title title title title"),
        (names_given_first_are_two_words, "Roger Grand , Raymond Delatouche , Le Droit",
         "author author author author author author title title",
         "author author author author author author title title"),
        # A sentence of the title that opens with "In" is the book it is in.
        (a_sentence_opened_by_in_is_the_container, "Person-centred therapy. In Foo: Siblings. London",
         "title title title title title title place", "title title container container container container place"),
        (a_sentence_opened_by_in_is_the_container, "Life in Sardinia. London",
         "title title title place", "title title title place"),
        # "In:" opens the container: words before it are the title's, or a note after a
        # title closed by its quote.
        (a_container_opens_at_its_in, "Georg Feuser : Autismus In : Lernen Konkret 3",
         "author author author container container container container container volume",
         "author author author title container container container container volume"),
        (a_container_opens_at_its_in, '" RNA-seq methods " . eng. In : Nature methods 10',
         "title title title title container container container container container container volume",
         "title title title title note note note note container container volume"),
        (a_container_opens_at_its_in, "Chemistry . In Proceedings In Brief , 1990",
         "title title container container container container container date",
         "title title container container container container container date"),
        # Chinese and Japanese: one token a field, authors to their full stop or year.
        (unspaced_scripts_give_a_field_a_token, "孫洪生, 李永民. 子和補意推原. 張家口醫學院學報. 2003. 20(6).",
         "container container container container container date volume volume volume volume volume",
         "author author author title container date volume volume volume volume volume"),
        (unspaced_scripts_give_a_field_a_token, "岡村秀典, 1992, 福岡縣平原遺跡出土鏡の檢討, 季刊 考古學 43, 雄山閣.",
         "author author date date container container container container volume volume publisher",
         "author author date date title container container container volume volume publisher"),
        # Korean, written with spaces, is left to the tagger.
        (unspaced_scripts_give_a_field_a_token, "김지원 (2013). 개발과 전문성의 정치. 환경사회학연구, 17.",
         "author date date date date container container container container container volume",
         "author date date date date container container container container container volume"),
        # Words that only name the kind of document are its genre, not where it appeared.
        (a_genre_is_no_container, "Interest groups. Unpublished Manuscript.",
         "title title container container", "title title genre genre"),
        (a_genre_is_no_container, "Merging databases. Manuscript, 1995.",
         "title title place place date", "title title genre genre date"),
        # Not a series of working papers that has a name of its own.
        (a_genre_is_no_container, "Yale Working Paper Series, 10",
         "container container container container container volume", "container container container container container volume"),
        # Where a meeting was held is its place.
        (held_in_names_the_place, "SPE Regional Meeting held in San Jose , USA , 2009",
         "title title title title title title title title title date date",
         "title title title note note place place place place date date"),
        # A translator's cue that ends the title opens the field after it.
        (a_title_does_not_end_in_a_role, "Meno . Trans. and ed. R.W. Sharples",
         "title title title title editor editor editor", "title title editor editor editor editor editor"),
        (a_title_does_not_end_in_a_role, "Theory of trans. effects. Oxford", "title title title title place",
         "title title title title place"),
        # An imprint in the bracket that closes the title: place, publisher, year.
        (an_imprint_in_brackets_closes_the_title, "Moçambique 1975-1985 (Porto: Afrontamento).",
         "title title title title title title title title", "title title place place place publisher publisher publisher"),
        (an_imprint_in_brackets_closes_the_title, "1 Peter (WBC 49; Waco, Texas: Word, 1988).",
         "title title title title title title title title title title title title title title title",
         "title title title title title title place place place place publisher publisher date date date"),
        (an_imprint_in_brackets_closes_the_title, "Assassin bugs (Hemiptera: Reduviidae: Ectrichodiinae)",
         "title title title title title title title title title", "title title title title title title title title title"),
        # An edition ends at its word; a publisher's piece naming an edition is the edition.
        (an_edition_ends_at_its_word, "3rd ed. Lincoln ; London : Nebraska UP",
         "edition edition edition edition place place publisher publisher",
         "edition edition place place place place publisher publisher"),
        (an_edition_ends_at_its_word, "Cambridge University Press , revised edition",
         "publisher publisher publisher publisher publisher publisher",
         "publisher publisher publisher publisher edition edition"),
        (an_edition_ends_at_its_word, "Edition Suhrkamp , Berlin", "publisher publisher publisher publisher",
         "publisher publisher publisher publisher"),
        # MLA's "Ed. Given Family." after the book's title opens its editors.
        (an_editors_cue_after_a_full_stop_opens_names, "Lyra Britannica : Hymns. Ed. Charles Rogers. London : Longmans",
         "container container container container publisher publisher publisher place place publisher",
         "container container container container editor editor editor place place publisher"),
        (an_editors_cue_after_a_full_stop_opens_names, "Neue Literaturtheorien. Eds. Ann Smith and J. K. Rowe. Opladen",
         "container container container container container container container container container place",
         "container container editor editor editor editor editor editor editor place"),
        # Not an edition ("Rev. ed."), nor a cue that a title's words follow.
        (an_editors_cue_after_a_full_stop_opens_names, "History of Science 18. Rev. ed. Canton , Mass. : Science",
         "container container container container edition edition place place place place publisher",
         "container container container container edition edition place place place place publisher"),
        (an_editors_cue_after_a_full_stop_opens_names, "Hymns. Ed. with notes by Charles Rogers. London",
         "container publisher publisher publisher publisher publisher publisher place",
         "container publisher publisher publisher publisher publisher publisher place"),
        # "Given Family, ed. Book Title." after the chapter's title: editors, then the book.
        (names_then_ed_then_the_book, "“Plädoyer.” Ralf Schneider, ed. Literatur in Theorie und Praxis. Tübingen",
         "title title title container container container editor editor editor editor editor editor place",
         "title title title editor editor editor editor container container container container container place"),
        (names_then_ed_then_the_book, "“Gender.” Ann Hogg and Bo Lee, eds. A History of English. Cambridge",
         "title title title editor editor editor editor editor editor editor editor container container container place",
         "title title title editor editor editor editor editor editor editor container container container container place"),
        # Not the book, then ", ed." and its editors' names.
        (names_then_ed_then_the_book, "“Bede.” In Famulus Christi, ed. Gerald Bonner. London",
         "title title title container container container container editor editor editor place",
         "title title title container container container container editor editor editor place"),
        # Unfinished names run on to the full stop; finished ones do not.
        (names_run_on_to_their_full_stop, "Shijun Yoshida , Nami Uchikata , and Toshifumi Futamase. Quasinormal modes",
         "author author author title title title title title title title title",
         "author author author author author author author author author title title"),
        (names_run_on_to_their_full_stop, "Smith , J. Romeo and Juliet. A study",
         "author author author title title title title title",
         "author author author title title title title title"),
        # The place opens its own sentence: what comes before its last full stop is the title's.
        (an_imprint_opens_its_sentence, "Sur le vif. By Ajalbert. Paris: Tresse",
         "title title title place place place place publisher",
         "title title title title title place place publisher"),
        # Not a town before another, nor a town before its state.
        (an_imprint_opens_its_sentence, "Heidegger und die Logik. Amsterdam. New York: Rodopi",
         "title title title title place place place place publisher",
         "title title title title place place place place publisher"),
        (an_imprint_opens_its_sentence, "Global Assemblages. Malden. MA: Blackwell",
         "title title place place place publisher", "title title place place place publisher"),
        # A place that swallowed prose ends at its town; the piece before is the publisher.
        (a_place_holds_no_title, "« Le gouverne », Religion, société : mélanges en hommage à Ellul, Puf, Paris 1983",
         "title title title title title place place place place place place place place place place place place place date",
         "title title title title title title title title title title title title title title title publisher publisher place date"),
        (a_place_holds_no_title, "Encoding music. Presentation at the Congress of the Society, New York, USA, June",
         "title title place place place place place place place place place place place place place date",
         "title title title title title title title title title title place place place place place date"),
        # Names of places only, or no prose: the place is left as it is.
        (a_place_holds_no_title, "The Ecclesial Canopy: Faith, Hope, Charity, Farnham: Ashgate",
         "title title title title title title place place place place place place publisher",
         "title title title title title title place place place place place place publisher"),
        # A periodical dated to the day is no place, whatever the tagger saw; a town is.
        (a_newspaper_is_dated_to_the_day, "Why it lasts. Washington Post, June 16.",
         "title title title place place place date date", "title title title container container container date date"),
        (a_newspaper_is_dated_to_the_day, "Minority issues. Tbilisi, February 2011",
         "title title place place date date", "title title place place date date"),
        # A publisher's last piece before a place that is only a state is the town.
        (a_town_before_its_state_is_the_place, "Bureau of Land Management , Santa Fe , New Mexico , USA",
         "publisher publisher publisher publisher publisher publisher publisher place place place place place",
         "publisher publisher publisher publisher publisher place place place place place place place"),
        (a_town_before_its_state_is_the_place, "Little , Brown , Boston , MA",
         "publisher publisher publisher publisher place place place",
         "publisher publisher publisher publisher place place place"),
        (container_without_title, "In Science . Boston :",
         "container container container place place", "container container container place place"),
    ],
)  # fmt: skip
def test_relabelling_rules(
    rule: Callable[[Sequence[Token], Sequence[str]], list[str]],
    text: str,
    labels: str,
    expected: str,
) -> None:
    assert _relabelled(rule, text, labels) == expected


@pytest.mark.parametrize(
    ("segments", "expected"),
    [
        # "In" that closes a title introduces the container.
        ([("title", "“Recitatio.” In"), ("container-title", "The Roman.")],
         (("title", "“Recitatio.”"), ("container", "In The Roman."))),
        # A container without a title but with an imprint is the book cited.
        ([("author", "Carson Rachel"), ("container-title", "Silent Spring."), ("location", "Boston:")],
         (("author", "Carson Rachel"), ("title", "Silent Spring."), ("place", "Boston:"))),
        # Without an imprint it names a journal ("J. Am. Chem. Soc. 103, 2450").
        ([("author", "Smith"), ("journal", "J. Am. Chem. Soc."), ("volume", "103,")],
         (("author", "Smith"), ("container", "J. Am. Chem. Soc."), ("volume", "103,"))),
        # GROBID's monograph title is the container only beside an article title.
        ([("title[a]", "A part"), ("title[m]", "The book")], (("title", "A part"), ("container", "The book"))),
        ([("title[m]", "The book"), ("pubPlace", "Paris")], (("title", "The book"), ("place", "Paris"))),
    ],
)  # fmt: skip
def test_corpus_segments_map_to_our_labels(
    segments: list[tuple[str, str]], expected: tuple[tuple[str, str], ...]
) -> None:
    assert map_segments(segments) == expected


@pytest.mark.parametrize(
    ("text", "family", "particle", "given"),
    [
        (
            "Linden, Marcel van der. *Workers of the World*. Leiden: Brill, 2008.",
            "Linden",
            "van der",
            "Marcel",
        ),
        ("Tocqueville, Alexis de. Democracy in America. New York: Knopf, 1945.",
         "Tocqueville", "de", "Alexis"),
        ("Gaulle, Charles de. Mémoires de guerre. Paris: Plon, 1954.", "Gaulle", "de", "Charles"),
        ("Ranke, Leopold von. Geschichte der romanischen und germanischen Völker. Leipzig: Reimer, 1824.",
         "Ranke", "von", "Leopold"),
    ],
)  # fmt: skip
def test_particles_written_after_the_given_name(
    text: str, family: str, particle: str, given: str
) -> None:
    [name] = parse_reference(text).authors
    assert (name.family, name.particle, name.given) == (family, particle, given)


def test_a_suffix_after_the_given_name_belongs_to_the_person() -> None:
    [name] = parse_names("Smith, John, Jr").names
    assert (name.family, name.given, name.suffix) == ("Smith", "John", "Jr")


def test_a_particle_after_the_given_name_keeps_no_full_stop() -> None:
    [name] = parse_names("Gaulle, Charles de.").names
    assert (name.particle, name.full_family) == ("de", "de Gaulle")


@pytest.mark.parametrize(
    ("text", "container", "volume"),
    [
        # A volume glued to the series letter of a physics journal.
        ("C. Gattringer, A. Schmidt, Phys. Rev. D86 (2012) 094506", "Phys. Rev. D", "86"),
        # A journal followed by its volume as usual is left alone.
        (
            "Smith, J. (2001). The social life of objects. Modern Asian Studies, 4, 1-9.",
            "Modern Asian Studies",
            "4",
        ),
    ],
)
def test_a_volume_glued_to_the_journal_name_is_split_off(
    text: str, container: str, volume: str
) -> None:
    ref = parse_reference(text)
    assert (ref.container, ref.volume) == (container, volume)


def test_the_title_after_a_trailing_particle_starts_after_it() -> None:
    ref = parse_reference("Tocqueville, Alexis de. Democracy in America. New York: Knopf, 1945.")
    assert ref.title == "Democracy in America"


def _built(text: str, labels: str) -> Reference:
    _, tokens = tokenize(text)
    names = labels.split()
    assert len(names) == len(tokens), [t.text for t in tokens]
    return build_reference(text, tokens, names)


def test_a_year_read_into_an_undated_journal_is_the_year() -> None:
    ref = _built("O'Connor, E. Primary care. JAMA, 2016",
                 "author author author title title container container container")  # fmt: skip
    assert (ref.container, ref.year) == ("JAMA", "2016")


def test_a_number_after_a_journal_before_its_pages_is_the_volume() -> None:
    text = "Smith, J. Illite dating. Petroleum Geologists Bulletin 95, p. 2107-2111."
    labels = "author author author title title " + "container " * 5 + "pages pages pages"
    ref = _built(text, labels)
    assert (ref.container, ref.volume, ref.pages) == (
        "Petroleum Geologists Bulletin",
        "95",
        "2107-2111",
    )


def test_a_number_after_a_proceedings_title_stays_in_it() -> None:
    text = "Card, S. Input devices. In Proceedings of CHI 90, pp. 1-9."
    labels = "author author author title title " + "container " * 6 + "pages pages pages"
    assert _built(text, labels).container == "Proceedings of CHI 90"


HRW = '*"Are you happy to cheat us?" Exploitation of migrant workers*. Human Rights Watch.'


@pytest.mark.parametrize(
    ("rule", "markdown", "labels", "expected"),
    [
        # A title in italics runs to the end of the italics, past a quotation inside.
        (italics_hold_one_title, HRW, "title " * 9 + "container " * 7, "title " * 13 + "container " * 3),
        # Not past them: the plain words after the italics stay what they were.
        (italics_hold_one_title, "*Title*. Journal of Things, 3", "title container container container container volume",
         "title container container container container volume"),
        # Nor past a full stop: "*Title*. *Journal*" are two runs of italics.
        (italics_hold_one_title, "*Title*. *Journal*", "title container", "title container"),
        # A plain title is left alone.
        (italics_hold_one_title, "Title. *Journal*, 3", "title container container volume",
         "title container container volume"),
        # After a title in italics, plain words with no volume or pages: the publisher.
        (an_italic_title_has_a_publisher, "*The Peterloo massacre*. Rapp & Whiting.",
         "title title title container container container", "title title title publisher publisher publisher"),
        # A volume says journal.
        (an_italic_title_has_a_publisher, "*Title*. Journal, 12", "title container container volume",
         "title container container volume"),
        # So does a container in italics of its own.
        (an_italic_title_has_a_publisher, "*Title*. *Journal*", "title container", "title container"),
        # And "In" opens a chapter's book.
        (an_italic_title_has_a_publisher, "*Title*. In Essays", "title container container",
         "title container container"),
        # A plain title is left to the other rules.
        (an_italic_title_has_a_publisher, "Title. Journal", "title container", "title container"),
    ],
)  # fmt: skip
def test_italics_mark_one_work(
    rule: Callable[[Sequence[Token], Sequence[str]], list[str]],
    markdown: str,
    labels: str,
    expected: str,
) -> None:
    _, tokens = tokenize(markdown)
    assert len(tokens) == len(labels.split()), [t.text for t in tokens]
    assert " ".join(rule(tokens, labels.split())) == expected.strip()


@pytest.mark.parametrize(
    ("markdown", "kind", "title", "publisher"),
    [
        ("Human Rights Watch. (2009). " + HRW, "book",
         '"Are you happy to cheat us?" Exploitation of migrant workers', "Human Rights Watch"),
        ("Marlow, J. (1969). *The Peterloo massacre*. Rapp & Whiting.", "book",
         "The Peterloo massacre", "Rapp & Whiting"),
    ],
)  # fmt: skip
def test_an_apa_book_in_markdown_is_a_book(
    markdown: str, kind: str, title: str, publisher: str
) -> None:
    reference = parse_reference(markdown)
    assert (reference.type.value, reference.title, reference.publisher) == (kind, title, publisher)


@pytest.mark.parametrize(
    ("text", "labels", "title", "year"),
    [
        # A bracketed year before the colon is the author-date's date, whatever follows.
        ("Prengel, A. (2007): Sind alle gleich? Theorie, 3/2007.",
         "author author author date date date date title title title title container container volume volume date",
         "Sind alle gleich?", "2007"),
        # A bare year before the colon opens the title when the imprint has another.
        ("Carley, M. 1939: The alliance. Dee, 1999.",
         "author author author date date title title publisher publisher date",
         "1939: The alliance", "1999"),
    ],
)  # fmt: skip
def test_a_year_glued_to_the_title(text: str, labels: str, title: str, year: str) -> None:
    ref = _built(text, labels)
    assert (ref.title, ref.year) == (title, year)
