from __future__ import annotations

import pytest

from bib.citations import (
    Citation,
    find_citations,
    mentions,
    narrative_citations,
    note_citations,
    parenthetical_citations,
)
from bib.document import read_document
from bib.model import Block, Span


def block(text: str, line: int = 10) -> Block:
    lines = text.split("\n")
    return Block(text, Span(line, 1, line + len(lines) - 1, len(lines[-1])), text)


def narrative(text: str) -> list[tuple[str, str]]:
    return [(c.name, c.strength) for c in narrative_citations(block(text))]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Oleg Klevniuk stresses the significance of war.", [("Oleg Klevniuk", "strong")]),
        ("As Uldrick explains, the policy was defensive.", [("Uldrick", "strong")]),
        ("For example, in Uldricks’ words, the case is weak.", [("Uldricks", "strong")]),
        ("‘The elite felt a crisis,’ writes Getty, ‘and acted.’", [("Getty", "strong")]),
        ("According to Harris, the leadership was afraid.", [("Harris", "strong")]),
        ("The implication of Harris’ argument is plain.", [("Harris", "strong")]),
        ("Harris (2016) shows that fear mattered.", [("Harris", "strong")]),
        # a possessive ends a name, and what it possesses is a work's title
        ("Kenneth Branagh's Mary Shelley's Frankenstein (1994) restored it.", []),
        ("Harris's Great Fear (2016) argues that fear mattered.", []),
        ("Harris's study (2016) argues that fear mattered.", [("Harris", "strong")]),
        # an institution after "the" cites when its year is followed by a reporting verb
        (
            "Abuse was common; the International Labour Organization (2010) reported it.",
            [("International Labour Organization", "strong")],
        ),
        ("In those years the Communist Party (1903) was small.", []),
        # a name that ends a proper name joined by "of" is a place in it, not an author
        ("Gold flowed, and the Bank of England (1694) was the lender.", []),
        ("The map was redrawn at the Congress of Vienna (1815) by the powers.", []),
        # ... and so does a list that goes on such a name: one body, not three people
        (
            "As the National Academies of Sciences, Engineering, and Medicine (2017) put it.",
            [],
        ),
        ("The Faculty of Arts and Humanities (2010) reported it.", []),
        (
            "The books of Getty and Naumov (1999) show it.",
            [("Getty", "strong"), ("Naumov", "strong")],
        ),
        ("The study of Harris (2016) shows fear.", [("Harris", "strong")]),
        ("Since 2016 Harris has argued that fear mattered.", [("Harris", "strong")]),
        # a name opening a sentence, with a verb of scholarship and its "that" clause ...
        ("Hellbeck notes that the diaries were sincere.", [("Hellbeck", "strong")]),
        ("Halfin suggests that the party judged souls.", [("Halfin", "strong")]),
        # ... but research, evidence and scholarship note and suggest too
        ("Research suggests that the diaries were sincere.", [("Research", "weak")]),
        ("Evidence suggests that the quotas rose.", [("Evidence", "weak")]),
        ("Scholarship notes that the data are thin.", [("Scholarship", "weak")]),
        (
            "Boris Nikolaevskii, George Kennan and Robert Tucker have argued for a deal.",
            [
                ("Boris Nikolaevskii", "strong"),
                ("George Kennan", "strong"),
                ("Robert Tucker", "strong"),
            ],
        ),
        ("This is the work of Silvio Pons, who stressed ideology.", [("Silvio Pons", "strong")]),
        # names that are the object of a preposition or a participle are not the subject
        # of the verb after them, alone or in a list; a year in brackets still cites
        ("Her study of networks linking Beirut, Cairo and Alexandria shows it.", []),
        ("The trade between Beirut and Alexandria shows a pattern.", []),
        ("Networks linking Alexandria show a pattern.", []),
        (
            "Scholars including Getty and Naumov argue that fear mattered.",
            [("Getty", "weak"), ("Naumov", "weak")],
        ),
        (
            "A study comparing Getty and Naumov (1999) shows it.",
            [("Getty", "strong"), ("Naumov", "strong")],
        ),
        # an aside between commas does not part a name from its verb; other commas do
        (
            "Ivan Patryliak, by\ncontrast, has defended the insurgents.",
            [("Ivan Patryliak", "strong")],
        ),
        ("Kasianov, too, argues that it was bad.", [("Kasianov", "weak")]),
        ("Kasianov, in Kyiv, argues that it was bad.", []),
        ("Stalin, however, ordered the arrests.", []),
        # "see" sends the reader to a work only as an imperative, never as a verb
        ("The purges were aimed at home; see Getty on this.", [("Getty", "strong")]),
        ("For the figures, see Harris, who counts them.", [("Harris", "strong")]),
        ("Both critics see Lydgate's failure as more than personal.", []),
        ("He cannot see Rosamond at all.", []),
        ("Peter Whitewood argued that the threat was real.", [("Peter Whitewood", "weak")]),
        (
            "Natalie Zemon Davis notes that the archive is partial.",
            [("Natalie Zemon Davis", "strong")],
        ),
        ("Marcel van der Linden argues for a global view.", [("Marcel van der Linden", "strong")]),
        # historical actors, not citations
        ("Stalin received a long series of intercepted reports.", []),
        ("In Spain, Howard Roffman argues, policy was cautious.", [("Howard Roffman", "strong")]),
        ("The Stalinist state relied on the NKVD in the Baltic states and Poland.", []),
        ("Lenin’s theory of imperialism misled the leadership.", []),
        ("Napoleon invaded Russia in 1812 and the army froze.", []),
        ("He writes that the gulf was wide.", []),
        ("These trials were concurrent with operations against Soviet citizens.", []),
        ("Commanders such as Mikhail Tukhachevsky had helped win the war.", []),
        (
            "It was reworked at the trial of Radek-Piatakov’, writes Rogovin.",
            [("Rogovin", "strong")],
        ),
        ("As Molotov recalled decades later, the army was a threat.", []),
        # not persons: a determiner, a place, a common word capitalised by the sentence
        ("The Soviet Union claims that the treaty was defensive.", []),
        ("The Times reports that the harvest failed.", []),
        ("Evidence suggests that the evidence is thin.", [("Evidence", "weak")]),
        ("Print Culture shows how print spread.", [("Print Culture", "weak")]),
        ("Manchester shows why: in Manchester wages rose.", [("Manchester", "weak")]),
        # a lone family name opening a sentence is a person only with another sign of one
        ("Harris has shown that fear mattered.", [("Harris", "weak")]),
        ("Nobody has argued that fear mattered.", []),
        (
            "Harris has argued that fear mattered. Getty, as Harris notes, disagrees.",
            [("Harris", "strong"), ("Harris", "strong")],
        ),
        (
            "James Harris shows it. Harris has argued that fear mattered.",
            [("James Harris", "strong"), ("Harris", "strong")],
        ),
        # verbs of doing scholarship, with a scholarly object
        ("Walter Rodney pushed the argument in another direction.", [("Walter Rodney", "strong")]),
        ("Rodney pushed the argument in another direction [17].", [("Rodney", "strong")]),
        ("Rodney pushed the argument in another direction.", [("Rodney", "weak")]),
        ("Rodney pushed the argument further (Eltis 2000, 4).", [("Rodney", "weak")]),
        ("Rodney pushed the argument further (p. 4).", [("Rodney", "strong")]),
        (
            "Albert Soboul carried the same framework through the Terror.",
            [("Albert Soboul", "strong")],
        ),
        (
            "Roderick Floud and his colleagues pushed the inquiry into army records.",
            [("Roderick Floud", "strong")],
        ),
        ("Robert Peel carried the repeal of the Corn Laws through Parliament.", []),
        (
            "John and Barbara Hammond have argued that the towns were grim.",
            [("Barbara Hammond", "strong")],
        ),
    ],
)
def test_narrative_citations_follow_the_grammar(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert narrative(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "years"),
    [
        ("Desmond and Moore (1991) connect it to politics.", ["1991", "1991"]),
        ("Danzer, Dietz and Gatskova (2013) agree.", ["2013", "2013", "2013"]),
        ("Desmond (1989) and Moore (1991) agree.", ["1989", "1991"]),
        # "et al." before the year: the usual narrative form of APA and the sciences
        ("Mann et al. (1998) reconstructed the temperatures.", ["1998"]),
        ("The curve of Mann et al.'s (1998) study rose.", ["1998"]),
    ],
)
def test_authors_listed_together_share_the_year_in_brackets(
    sentence: str, years: list[str]
) -> None:
    assert [c.year for c in narrative_citations(block(sentence))] == years


def test_a_short_title_in_italics_in_brackets_names_no_person() -> None:
    text = "Ironic (*Pride and Prejudice* 5; see *Emma* 12; Booth 243) and (Harris 2016, 45)."
    found = [c.family for c in parenthetical_citations(block(text))]
    assert found == ["Booth", "Harris"]


def test_a_citation_reports_where_the_family_name_stands() -> None:
    [citation] = narrative_citations(block("As we saw,\nOleg Klevniuk stresses it.", line=7))
    assert citation.span.line == 8
    assert citation.span.column == len("Oleg ") + 1
    assert citation.family == "Klevniuk"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fear (Harris 2016, 45).", [("Harris", "2016", "45", "")]),
        ("fear (Harris, 2016, p. 45).", [("Harris", "2016", "45", "")]),
        ("fear (Fitzpatrick 42).", [("Fitzpatrick", "", "42", "")]),
        (
            "fear (Getty and Naumov 1999; Harris 2016).",
            [("Getty", "1999", "", ""), ("Naumov", "1999", "", ""), ("Harris", "2016", "", "")],
        ),
        ("fear (see Harris et al. 2016, pp. 4-6).", [("Harris", "2016", "4-6", "")]),
        ("fear (Harris, Great Fear 45).", [("Harris", "", "45", "Great Fear")]),
        ("fear (ibid., 12).", []),
        ("fear (247).", []),
        ("in the capital (then Petrograd).", []),
        ("the treaty (signed in 1939) held.", []),
        ("the Terror (Soboul\n1974).", [("Soboul", "1974", "", "")]),
        ("Insecurity (Cambridge, MA: Harvard University Press,\n1996).", []),
        ("a first paragraph (Harris\n\n2016).", []),
        # Runs of spaces between names (found by the fuzzer: they raised ValueError).
        (
            "fear (Getty  and\tNaumov 1999).",
            [("Getty", "1999", "", ""), ("Naumov", "1999", "", "")],
        ),
        ("fear (Van \u00a0Dyke 2000, 4).", [("Dyke", "2000", "4", "")]),
        # a part of this text, or a law, stands where a name could
        ("wages rose (see Table 2, 1850).", []),
        ("output doubled (Fig. 3, 1900).", []),
        ("the mills changed (Factory Act 1833).", []),
        ("the war ended (Treaty of Versailles, 1919, art. 231).", []),
        ("the mills changed (Hill 1833).", [("Hill", "1833", "", "")]),
        # an organisation's initials are no page in roman numerals ("il" with a letter)
        ("wages fell (ILO, 2010).", [("ILO", "2010", "", "")]),
        ("wages fell (Harris 2016, xiv).", [("Harris", "2016", "xiv", "")]),
        ("wages fell (Harris 2016, 45 f).", [("Harris", "2016", "45", "")]),
        # a family name whose particle is written in lower case
        ("it is older (al-Azmeh 1993, 27).", [("al-Azmeh", "1993", "27", "")]),
        ("prices rose (d'Avenel 1894, 3).", [("d'Avenel", "1894", "3", "")]),
        ("it was so (de facto 1990).", []),
    ],
)
def test_parenthetical_citations(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    found = [
        (c.family, c.year, c.locator, c.title_hint) for c in parenthetical_citations(block(text))
    ]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # APA's secondary citation: the original is weak (the list need not hold it),
        # the source it was read in is cited
        (
            "schemas (Bartlett, 1932, as cited in Schacter, 2001).",
            [("Bartlett", "weak"), ("Schacter", "strong")],
        ),
        ("stages (Piaget, 1952, cited in Berk, 2013).", [("Piaget", "weak"), ("Berk", "strong")]),
        ("fear (quoted in Harris 2016, 45).", [("Harris", "strong")]),
        ("fear (Harris 2016, 45).", [("Harris", "strong")]),
        (
            "Vygotsky (1978, as cited in Berk, 2013) stressed it.",
            [("Vygotsky", "weak"), ("Berk", "strong")],
        ),
        ("Vygotsky (1978) stressed social learning.", [("Vygotsky", "strong")]),
    ],
)
def test_a_work_read_through_another_is_weak(text: str, expected: list[tuple[str, str]]) -> None:
    found = parenthetical_citations(block(text))
    cited = [(c.family, c.strength) for c in (*narrative_citations(block(text)), *found)]
    assert cited == expected


@pytest.mark.parametrize(
    ("text", "strength"),
    [
        ("Kirov's murder (December 1934) began it.", "weak"),
        ("the speech (March 4, 1937) set the tone.", "weak"),
        ("the conquest (AD 1066) came.", "weak"),
        ("the study (Decker 1990) found it.", "strong"),
        ("the study (May, 1973) found it.", "strong"),
        # after a title in italics, "(Place, Year)" is its imprint as likely as its author
        ("Carr's *The Bolshevik Revolution* (London, 1950) set it.", "weak"),
        ("In *Econocide* (Drescher 1977) it turns.", "strong"),
        ("In **bold** (Drescher, 1977) it turns.", "strong"),
    ],
)
def test_a_date_or_an_imprint_in_brackets_is_no_sure_citation(text: str, strength: str) -> None:
    [citation] = parenthetical_citations(block(text))
    assert citation.strength == strength


def test_a_parenthetical_citation_spans_its_name_over_a_run_of_spaces() -> None:
    [citation] = parenthetical_citations(block("fear (Van \t Dyke 2000)."))
    assert (citation.given, citation.family) == ("Van", "Dyke")
    assert (citation.span.column, citation.span.end_column) == (7, 7 + len("Van \t Dyke") - 1)


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("J. Harris, The Great Fear (Oxford, 2016), 45.", ("Harris", "2016", "45")),
        ("Harris, The Great Fear, 45.", ("Harris", "", "45")),
        (
            "See Robert Conquest, The Great Terror (London, 1992), p. 12.",
            ("Conquest", "1992", "12"),
        ),
        ("Ibid., 47.", None),
        # the years of a title are its subject's, not the work's
        ('Graziosi, "Soviet 1931-1933 Famines," 107.', ("Graziosi", "", "107")),
        ("Kotkin, *Waiting for Hitler, 1929-1941*, 305.", ("Kotkin", "", "305")),
        (
            "J. L. Gaddis, The Origins of the Cold War, 1941-1947 (New York, 1972), 4.",
            ("Gaddis", "1972", "4"),
        ),
        (
            'A. Graziosi, "The Soviet 1931-1933 Famines," Harvard Ukrainian Studies 27 '
            "(2004): 97-115.",
            ("Graziosi", "2004", "97-115"),
        ),
        ("E. H. Carr, Twilight of the Comintern, London, 1982, 12.", ("Carr", "1982", "12")),
    ],
)
def test_note_citations(note: str, expected: tuple[str, str, str] | None) -> None:
    found: list[Citation] = list(note_citations(block(note)))
    if expected is None:
        assert found == []
    else:
        [citation] = found
        assert (citation.family, citation.year, citation.locator) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an actor's name: its reporting verbs are history, unless a bracket cites it
        (
            "Lenin's death left a void. As Lenin wrote, the state would wither.",
            [("Lenin", "weak")],
        ),
        (
            "Under Lenin the party grew. As Lenin wrote, the state would wither (Lenin 1917, 45).",
            [("Lenin", "strong")],
        ),
        ("Napoleon invaded Russia. Napoleon insists on his genius.", [("Napoleon", "weak")]),
        # a ruler's name as rulers' names are written: an epithet, a regnal number
        (
            "Peter the Great toured Holland. In his letters, Peter insists on his design.",
            [("Peter", "weak")],
        ),
        (
            "Charles XII lost at Poltava. In his letters, Charles insists on his innocence.",
            [("Charles", "weak")],
        ),
        ("In his memoirs, Louis XIV insists that the state is his.", [("Louis XIV", "weak")]),
        # kin and household are an actor's, also after "own"
        ("Alexei's father had him tortured. In the end, Alexei insists.", [("Alexei", "weak")]),
        ("Peter's own court was new. In the end, Peter insists.", [("Peter", "weak")]),
        ("In his survey, Hughes insists on the point.", [("Hughes", "strong")]),
        # speaking or writing to someone is what people in a story or a history do
        (
            "She waits until Darcy writes her a letter. Later, Darcy insists on his honour.",
            [("Darcy", "weak"), ("Darcy", "weak")],
        ),
        (
            "Then Knightley warns Emma. At Box Hill, Knightley insists.",
            [("Knightley", "weak"), ("Knightley", "weak")],
        ),
        (
            "Newton wrote to Hooker in 1676. Here, Newton insists.",
            [("Newton", "weak"), ("Newton", "weak")],
        ),
        (
            "In her book, Fitzpatrick tells her story and Fitzpatrick insists.",
            [("Fitzpatrick", "strong"), ("Fitzpatrick", "strong")],
        ),
        (
            "In his essay, Harris tells us that Harris insists.",
            [("Harris", "strong"), ("Harris", "strong")],
        ),
        # a title that people of a novel or a history go by, and scholars do not
        (
            "In the garden, Lady Catherine insists that Elizabeth obey her.",
            [("Catherine", "weak")],
        ),
        (
            "Mr. Darcy arrives. Later, Darcy insists that he acted well.",
            [("Darcy", "weak")],
        ),
        (
            "Captain Wentworth writes that he is half agony. Wentworth insists.",
            [("Captain Wentworth", "weak"), ("Wentworth", "weak")],
        ),
        (
            "In his essay, Sir Isaiah Berlin argues. Here, Berlin insists.",
            [("Isaiah Berlin", "strong"), ("Berlin", "strong")],
        ),
        # a person named by a first name written elsewhere before a family name
        (
            "Elizabeth Bennet is proud. At last, Elizabeth admits that she was blind.",
            [("Elizabeth", "weak")],
        ),
        (
            "Keith Thomas wrote on magic. Elsewhere, Thomas argues that magic declined.",
            [("Keith Thomas", "weak"), ("Thomas", "strong")],
        ),
        # a lone name opening a sentence is a person when it argues that something is so
        ("It was loved. Trilling argues that it is an idyll.", [("Trilling", "strong")]),
        (
            "It was loved. Trilling has rightly maintained that it is an idyll.",
            [("Trilling", "strong")],
        ),
        ("It was loved. Trilling argues, with others, that it is idyllic.", [("Trilling", "weak")]),
        ("It was loved. Trilling argued that it is an idyll.", [("Trilling", "weak")]),
        ("It was loved. Trilling suggests that it is an idyll.", [("Trilling", "strong")]),
        ("It was loved. Trilling has shown that it is an idyll.", [("Trilling", "weak")]),
        ("It was loved. Feminism argues that it is not.", [("Feminism", "weak")]),
        # a span of years in brackets is a life or a reign, not a publication
        ("Luther (1483–1546) says that faith alone saves.", []),
        ("Print (1450) shows how print spread.", [("Print", "weak")]),
    ],
)
def test_actors_are_told_from_authors_by_their_other_mentions(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert narrative(sentence) == expected


ESSAY = """# Print and reform

Print reveals how quickly ideas moved.[^1] Elizabeth Eisenstein argues that print
fixed texts.[^2] Printers were often reformers, and print shops spread tracts.
Censorship failed, as the treaty's article on the press shows (Article 12). Johns (1998)
disagrees.

## Notes

[^1]: Print and the Reformation were bound together, as many have noted.
[^2]: Eisenstein, The Printing Revolution, 45.

## References

Johns, A. (1998). The nature of the book. University of Chicago Press.
"""


def test_a_common_word_is_no_author_in_the_text_or_a_note() -> None:
    document = read_document(ESSAY.encode(), "essay.md")
    found = {(c.family, c.kind, c.strength) for c in find_citations(document)}
    assert ("Print", "narrative", "weak") in found
    assert ("Print", "note", "weak") in found
    assert ("Eisenstein", "narrative", "strong") in found
    assert ("Eisenstein", "note", "strong") in found
    assert ("Article", "parenthetical", "weak") in found
    assert ("Johns", "narrative", "strong") in found


def test_inflected_lower_case_words_make_a_common_word() -> None:
    text = "Print spread. Printing was cheap. Print shows that printers were bold."
    assert narrative(text) == [("Print", "weak")]


NOTES_ESSAY = """# Cossacks

Gordon traced the revolts back.[^1] Others disagree.[^2]

[^1]: Linda Gordon, *Cossack Rebellions* (Albany, 1983), 121.
[^2]: Gordon's case is weaker in the east (Plokhy 2001).

## Bibliography

Gordon, Linda. *Cossack Rebellions*. Albany: SUNY Press, 1983.
Plokhy, Serhii. *The Cossacks and Religion*. Oxford: Oxford University Press, 2001.
"""


def test_a_full_notes_imprint_cites_no_place() -> None:
    document = read_document(NOTES_ESSAY.encode(), "essay.md")
    found = {(c.family, c.kind) for c in find_citations(document)}
    assert ("Gordon", "note") in found
    assert ("Albany", "parenthetical") not in found
    assert ("Plokhy", "parenthetical") in found


def test_a_mention_carries_the_given_names_written_before_it() -> None:
    # A capitalised word opening a sentence may be any word: "Today", or "Henry" too.
    text = "They cheered Henry Hunt, and E. P. Thompson wrote. Today Hunt is read. Henry Hunt"
    found = [(m.word, m.given) for m in mentions(block(text))]
    assert found == [
        ("Hunt", "Henry"),
        ("Thompson", "E P"),
        ("Hunt", ""),
        ("Hunt", ""),
    ]


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        # An abbreviated title's full stop ends no sentence: "Darcy" follows "Mr.".
        ("Then Mr. Darcy writes to Elizabeth.", ["Then"]),
        ("As Dr. Johnson said, it was so. Boswell agreed.", ["As", "Boswell"]),
        # An initial's neither; a word after a full stop and a space does open one.
        ("E. P. Thompson wrote it. Hobsbawm agreed.", ["E", "Hobsbawm"]),
        ("It was the 1840s. Van Wyhe disagrees.", ["It", "Van"]),
    ],
)
def test_words_that_open_a_sentence(text: str, opening: list[str]) -> None:
    from bib.citations import _sentence_starts, _tokens

    tokens = _tokens(text)
    assert [tokens[k].text for k in sorted(_sentence_starts(text))] == opening
