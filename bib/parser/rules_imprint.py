"""Relabelling rules for the imprint: a place and its publisher on either side of a
comma ("Paris, Dalloz"), a town before its state or country, "held in" a place."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress, pairwise

from bib.parser import labels as L
from bib.parser.rules_common import (
    IMPRINT_WORDS,
    YEAR_TOKEN,
    comma_chunks,
    is_word,
    is_year_range,
    label_runs,
    names_a_publisher,
    token_texts,
)
from bib.parser.tokens import Token


def publisher_continues(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """A second place straight after the publisher ("Norton and" + "Company:") is publisher."""
    out = list(labels)
    if L.PLACE not in out or L.PUBLISHER not in out:
        return out
    runs = label_runs(labels)
    places = [r for r in runs if out[r[0]] == L.PLACE]
    if len(places) < 2:
        return out
    for (first, last), previous in zip(runs[1:], runs, strict=False):
        if out[first] == L.PLACE and out[previous[0]] == L.PUBLISHER and (first, last) != places[0]:
            for k in range(first, last + 1):
                out[k] = L.PUBLISHER
    return out


def a_name_after_the_places_colon_is_the_publisher(
    tokens: Sequence[Token], labels: Sequence[str]
) -> list[str]:
    """In "Calcutta: M. C. Sarkar, 1912" the firm is named after its founder.

    What stands between "Place:" and the year is the publisher in every imprint style,
    even when it reads as a person's name ("London: John Murray", "New York: Alfred A.
    Knopf"), so names the tagger found there are the publisher's.
    """
    out = list(labels)
    if L.PLACE not in out:
        return out
    runs = label_runs(out)
    for previous, (first, last), following in zip(runs, runs[1:], runs[2:], strict=False):
        if out[previous[0]] != L.PLACE or tokens[previous[1]].text != ":":
            continue
        if out[first] not in (L.AUTHOR, L.EDITOR) or tokens[last].text != ",":
            continue
        year = tokens[following[0]].text.rstrip(".,;")
        if YEAR_TOKEN.match(year) or is_year_range(year):
            for k in range(first, last + 1):
                out[k] = L.PUBLISHER
    return out


def held_in_names_the_place(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """In "SPE Western Regional Meeting held in San Jose, California, USA" where the
    meeting was held is the place, not words of its name."""
    out = list(labels)
    if "held" not in token_texts(tokens):
        return out
    for first, last in label_runs(labels):
        if out[first] not in (L.TITLE, L.CONTAINER):
            continue
        for k in range(first + 1, last - 1):
            if tokens[k].text == "held" and tokens[k + 1].text in ("in", "at"):
                if tokens[k + 2].text[:1].isupper():
                    out[k] = out[k + 1] = L.NOTE
                    for j in range(k + 2, last + 1):
                        out[j] = L.PLACE
                break
    return out


# Towns that print books, as imprints name them: enough to tell "Paris, Dalloz" (a place,
# then its publisher) from "Cambridge, Mass." (a place, then its state).
_PUBLISHING_PLACES = frozenset(
    """london paris berlin oxford cambridge chicago boston princeton basingstoke
    manchester edinburgh glasgow munich münchen milano milan roma rome torino turin frankfurt
    leipzig wien vienna stuttgart hamburg köln cologne bonn dresden freiburg tübingen
    göttingen heidelberg mainz münster madrid barcelona lisboa lisbon porto moscow moskva
    amsterdam leiden utrecht dordrecht bruxelles brussels louvain leuven washington
    philadelphia baltimore toronto montreal montréal ottawa sydney melbourne tokyo bologna
    firenze florence napoli naples venezia venice padova pisa bern zürich zurich basel
    geneva genève lausanne lyon marseille toulouse bordeaux lille strasbourg rennes grenoble
    harmondsworth ithaca berkeley stanford durham austin minneapolis bloomington urbana
    madison seattle dublin copenhagen stockholm oslo helsinki warsaw warszawa kraków prague
    praha budapest athens istanbul cairo delhi mumbai beijing shanghai singapore jerusalem
    mexico boulder westport abingdon""".split()
)
_PLACE_NAMES = frozenset(
    ("new york", "new haven", "los angeles", "san francisco", "ann arbor", "chapel hill",
     "new delhi", "hong kong", "tel aviv", "buenos aires", "rio de janeiro", "são paulo",
     "upper saddle river", "englewood cliffs", "thousand oaks", "milton park")
)  # fmt: skip
# What may follow a town after a comma without being its publisher: a country, a state.
_REGIONS = frozenset(
    (
        *"""usa us uk england scotland wales ireland france germany deutschland italy italia
    spain españa portugal netherlands belgium switzerland austria canada australia japan
    china india russia sweden norway denmark finland poland brazil israel greece ontario
    quebec québec alberta california texas massachusetts illinois virginia maryland
    alabama alaska arizona arkansas colorado connecticut delaware florida georgia hawaii
    idaho indiana iowa kansas kentucky louisiana maine michigan minnesota mississippi
    missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee utah
    vermont washington wisconsin wyoming
    frankreich italien spanien schweiz österreich allemagne italie espagne suisse autriche
    belgique angleterre mexico argentina chile colombia peru turkey egypt nigeria kenya
    korea""".split(),
        "czech republic", "south africa", "new zealand", "united states", "united kingdom",
        "the netherlands", "new jersey", "new south wales", "british columbia",
        "new hampshire", "new mexico", "new york", "north carolina", "south carolina",
        "north dakota", "south dakota", "rhode island", "west virginia",
    )
)  # fmt: skip
# Words of the bodies that issue reports and theses and print as their publisher: an
# office, a laboratory, a museum ("Office of State Archaeology, Raleigh").
_ISSUING_WORDS = frozenset(
    """office laboratory laboratories museum institute institution society council
    department unit agency survey commission foundation association centre center
    service library""".split()
)


def _words_of(tokens: Sequence[Token], first: int, last: int) -> list[str]:
    return [t.text.strip(".,;:()").lower() for t in tokens[first : last + 1] if is_word(t)]


def _is_town(words: Sequence[str]) -> bool:
    return " ".join(words) in _PLACE_NAMES or (len(words) == 1 and words[0] in _PUBLISHING_PLACES)


def _reads_as_a_place(tokens: Sequence[Token], first: int, last: int) -> bool:
    """Capitalised words and commas only, none a publisher's: "Cambridge, Mass."."""
    words = [t.text for t in tokens[first : last + 1] if is_word(t)]
    return (
        0 < len(words) <= 5
        and all(w[:1].isupper() and not any(ch.isdigit() for ch in w) for w in words)
        and not names_a_publisher(_words_of(tokens, first, last))
    )


def a_town_after_the_publisher_is_the_place(
    tokens: Sequence[Token], labels: Sequence[str]
) -> list[str]:
    """In "MIT Press, Cambridge, Mass., 1990" and "Shaker Verlag, Aachen" the publisher
    ends at the comma: the capitalised words after it are the place (physics and
    continental styles put the place after the publisher). It takes a publisher's word
    before the comma (or an issuing body's: "Office of State Archaeology, Raleigh"), a
    known town after it, or a town and its state ("H.P. White Laboratory, Bel Air, MD")
    to say so; "Little, Brown & Co." and "Longmans, Green, and Co." stay one name."""
    out = list(labels)
    if L.PUBLISHER not in out:
        return out
    for first, last in label_runs(labels):
        if out[first] != L.PUBLISHER:
            continue
        end = last
        while end > first and not is_word(tokens[end]):
            end -= 1
        for comma in range(first + 1, end):
            if tokens[comma].text != ",":
                continue
            head = _words_of(tokens, first, comma - 1)
            start = comma + 1
            tail_words = _words_of(tokens, start, end)
            town = tail_words[:3]
            while town and not _is_town(town):
                town = town[:-1]
            if (
                head
                and _reads_as_a_place(tokens, start, end)
                and (
                    names_a_publisher(head)
                    or town
                    or _an_issuer_and_its_town(tokens, head, tail_words, start, end)
                )
            ):
                for k in range(start, last + 1):
                    out[k] = L.PLACE
                break
    return out


def a_town_and_its_publisher_are_two_fields(
    tokens: Sequence[Token], labels: Sequence[str]
) -> list[str]:
    """In "Paris, Dalloz, 1996" and "Meiner, Hamburg 2010", with no publisher found, the
    place the tagger saw is a known town and its publisher, one on each side of the
    comma; a region after the town ("Cambridge, MA", "Oxford, England") is the place's.
    Without a comma, towns then other words and a year are towns and their publisher
    ("Bruxelles Bruylant 2014")."""
    out = list(labels)
    if L.PUBLISHER in out or L.PLACE not in out:
        return out
    for first, last in label_runs(labels):
        if out[first] != L.PLACE:
            continue
        commas = [k for k in range(first + 1, last) if tokens[k].text == ","]
        if not commas:
            return _towns_then_a_publisher(tokens, out, first, last)
        if len(commas) != 1:
            return out
        comma = commas[0]
        end = last
        while end > comma and not is_word(tokens[end]):
            end -= 1
        head, tail = _words_of(tokens, first, comma - 1), _words_of(tokens, comma + 1, end)
        if not head or not tail or len(head) > 5 or len(tail) > 5:
            return out
        if not all(tokens[k].text[:1].isupper() for k in (first, comma + 1)):
            return out
        if _is_town(head) and not _is_town(tail) and not _is_region(tokens, comma + 1, end):
            for k in range(comma + 1, last + 1):
                out[k] = L.PUBLISHER
        elif (
            _is_town(tail)
            and not any(_is_town([w]) for w in head)
            and not _is_region(tokens, first, comma - 1)
        ):
            for k in range(first, comma + 1):
                out[k] = L.PUBLISHER
        return out
    return out


def _towns_then_a_publisher(
    tokens: Sequence[Token], labels: list[str], first: int, last: int
) -> list[str]:
    """Known towns, then a few capitalised words that are none, with no comma between and
    a year after: the words are the publisher ("Bruxelles Bruylant 2014", "Munich
    Berlin London Prestel 2007")."""
    words = [k for k in range(first, last + 1) if is_word(tokens[k])]
    if len(words) != last - first + 1 - (not is_word(tokens[last])):
        return labels  # punctuation inside: "Boston - Little"
    i = 0
    while i < len(words):
        pair = _words_of(tokens, words[i], words[min(i + 1, len(words) - 1)])
        if i + 1 < len(words) and _is_town(pair):
            i += 2
        elif _is_town(pair[:1]):
            i += 1
        else:
            break
    rest = words[i:]
    if not i or not 1 <= len(rest) <= 3 or not _reads_as_a_place(tokens, rest[0], rest[-1]):
        return labels
    if any(tokens[k].text.isupper() for k in rest) or any(
        tokens[k].text.endswith(".") for k in rest[:-1]
    ):
        return labels  # "Washington York DC": a state
    if last + 1 >= len(tokens) or not YEAR_TOKEN.match(tokens[last + 1].text):
        return labels  # an imprint is dated: not "Washington Post, June 16"
    for k in range(rest[0], last + 1):
        labels[k] = L.PUBLISHER
    return labels


def a_town_before_its_state_is_the_place(
    tokens: Sequence[Token], labels: Sequence[str]
) -> list[str]:
    """In "U.S. Bureau of Land Management, Santa Fe, New Mexico, USA" the tagger put the
    town on the wrong side: a publisher's last piece after a comma, when only a state
    or country follows as the place, is the town that opens that place."""
    out = list(labels)
    if L.PUBLISHER not in out or L.PLACE not in out:
        return out
    for (first, last), (start, end) in pairwise(label_runs(out)):
        if out[first] == L.PUBLISHER and out[start] == L.PLACE:
            commas = [k for k in range(first + 1, last) if tokens[k].text == ","]
            if not commas or not _ends_in_a_region(tokens, start, end):
                continue
            town = commas[-1] + 1
            if _reads_as_a_place(tokens, town, last) and len(_words_of(tokens, town, last)) <= 3:
                for k in range(town, last + 1):
                    out[k] = L.PLACE
    return out


def _an_issuer_and_its_town(
    tokens: Sequence[Token], head: Sequence[str], tail: Sequence[str], first: int, last: int
) -> bool:
    """An issuing body before the comma and a town after it ("Office of State Archaeology,
    Raleigh"), or a town and its state ("Bel Air, MD"); not a state alone ("Department
    of Energy. Manhattan, Kansas") nor a second body ("Museum, Caird Library")."""
    return (
        (any(w in _ISSUING_WORDS for w in head) or _a_town_and_its_region(tokens, first, last))
        and not any(w in _ISSUING_WORDS for w in tail)
        and not _ends_in_a_region(tokens, first, last)
    )


def _a_town_and_its_region(tokens: Sequence[Token], first: int, last: int) -> bool:
    """ "Bel Air, MD", "Laramie, USA": a town, then only its state or country."""
    chunks = comma_chunks(tokens, first, last)
    return (
        len(chunks) >= 2
        and not _is_region(tokens, chunks[0][0], chunks[0][-1])
        and all(_is_region(tokens, chunk[0], chunk[-1]) for chunk in chunks[1:])
    )


def _ends_in_a_region(tokens: Sequence[Token], first: int, last: int) -> bool:
    """Whether a place is only a state or a country, or ends in one ("New Mexico, USA")."""
    chunks = comma_chunks(tokens, first, last)
    return bool(chunks) and all(_is_region(tokens, chunk[0], chunk[-1]) for chunk in chunks)


def _is_region(tokens: Sequence[Token], first: int, last: int) -> bool:
    """A country or a state, spelled out or abbreviated ("NJ", "Mass.", "N.Y.")."""
    words = [t.text for t in tokens[first : last + 1] if is_word(t)]
    lowered = _words_of(tokens, first, last)
    if " ".join(lowered) in _REGIONS or all(w in _REGIONS for w in lowered):
        return True
    return len(words) <= 2 and all(
        (w.isupper() and len(w.strip(".")) <= 3) or (w.endswith(".") and len(w) <= 6) for w in words
    )


def a_publisher_before_its_town_and_year(
    tokens: Sequence[Token], labels: Sequence[str]
) -> list[str]:
    """Continental imprints run publisher, town, year, each after a comma ("Études
    offertes à B. Mercadal, Francis Lefebvre, Paris, 2002"; "Critica della ragion pura,
    Bompiani, Milano 2004"): a short capitalised piece between the title (or the book it
    is in) and a known town that the year follows is the publisher, when the tagger
    found none before it, and the town is the place."""
    out = list(labels)
    if L.DATE not in out:
        return out
    texts = token_texts(tokens)
    if _TOWN_SPELLINGS.isdisjoint(texts):
        return out  # no known town at all, found by a C loop
    n = len(texts)
    # The token after each comma, by C loops: this rule looks only there.
    for town in compress(range(1, n - 1), map(",".__eq__, texts)):
        if town < 3 or texts[town].strip(".,;:()").lower() not in _PUBLISHING_PLACES:
            continue
        after = town + 2 if texts[town + 1] == "," else town + 1
        if after >= n or not YEAR_TOKEN.match(texts[after]):
            continue
        start = town - 2
        while start > 0 and texts[start - 1] not in ",.:;":
            start -= 1
        if start < 2 or texts[start - 1] != "," or L.PUBLISHER in out[:town]:
            continue
        if out[start - 2] not in (L.TITLE, L.CONTAINER) or not _a_publishers_name(
            tokens, start, town - 2
        ):
            continue
        for k in range(start, town):
            out[k] = L.PUBLISHER
        for k in range(town, after):
            out[k] = L.PLACE if is_word(tokens[k]) or k > town else out[k]
        break
    return out


_BRACKETS = frozenset("()[]")
# The towns as references spell them ("Paris", "PARIS", "paris"): a set to test a whole
# reference against at once.
_TOWN_SPELLINGS = frozenset(
    spelling
    for town in _PUBLISHING_PLACES
    for spelling in (town, town.capitalize(), town.upper(), town.title())
)


def _a_publishers_name(tokens: Sequence[Token], first: int, last: int) -> bool:
    """One to three words, the first capitalised, no digits, neither a town nor a region
    ("Puf", "Francis Lefebvre", "Mäander Verlag"), or any that name a publisher; not an
    editor's name and role in brackets ("Poli D. (éd.)")."""
    words = _words_of(tokens, first, last)
    if not words or any(ch.isdigit() for w in words for ch in w):
        return False
    if any(t.text in _BRACKETS for t in tokens[first : last + 1]):
        return False
    if names_a_publisher(words):
        return len(words) <= 5
    return (
        len(words) <= 3
        and tokens[first].text[:1].isupper()
        and not _is_town(words)
        and not _is_region(tokens, first, last)
    )


def an_imprint_opens_its_sentence(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """The place opens a sentence of its own after the title ("Sur le vif: vers
    impressionistes. By Ajalbert. Paris: Tresse & Stock"): what the tagger read into it
    before the last full stop (of a word, not an initial or a state's abbreviation such
    as "Calif.") belongs to the title or book before it, when what follows the full
    stop reads as a place."""
    out = list(labels)
    if L.PLACE not in out:
        return out
    runs = label_runs(out)
    for (start, _), (first, last) in pairwise(runs):
        if out[first] != L.PLACE or out[start] not in (L.TITLE, L.CONTAINER):
            continue
        stop = next((k for k in range(last - 1, first - 1, -1) if _ends_a_sentence(tokens, k)), -1)
        end = last
        while end > stop and not is_word(tokens[end]):
            end -= 1
        if stop < 0 or end <= stop or not _reads_as_a_place(tokens, stop + 1, end):
            continue
        if _ends_in_a_region(tokens, stop + 1, end):
            continue  # "Malden. MA": a town and its state
        for k in range(first, stop + 1):
            out[k] = out[start]
    return out


def _ends_a_sentence(tokens: Sequence[Token], k: int) -> bool:
    """A word of three letters or more with its full stop, not a region's abbreviation,
    and a capitalised word after it."""
    text = tokens[k].text
    return (
        text.endswith(".")
        and len(text.strip(".")) >= 3
        and tokens[k + 1].text[:1].isupper()
        and not _is_region(tokens, k, k)
        and not _is_town([text.strip(".").lower()])  # "Amsterdam. New York"
        and text.strip(".").lower() not in IMPRINT_WORDS
    )


_PARTICLES = frozenset("de la le du des di del della am an der upon on sur sous en y".split())


def a_place_holds_no_title(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """ "Religion, société, politique : mélanges en hommage à Jacques Ellul, Puf, Paris
    1983": the tagger ran the place back over the book's title and its publisher. A
    place of several pieces whose head reads as prose (two words in lower case that are
    no particles of a town's name) ends at its town (and the town's region); the piece
    before the town is the publisher when it reads as one and none was found, and the
    head goes back to the title or book before it."""
    out = list(labels)
    if L.PLACE not in out:
        return out
    for (start, _), (first, last) in pairwise(label_runs(out)):
        if out[first] != L.PLACE or out[start] not in (L.TITLE, L.CONTAINER):
            continue
        chunks = comma_chunks(tokens, first, last)
        if not chunks:
            continue  # a place of punctuation alone ("** ‘ :")
        p = len(chunks) - 1
        if p >= 1 and _is_region(tokens, chunks[p][0], chunks[p][-1]):
            p -= 1  # "New York, USA"
        town = chunks[p]
        if p < 1 or len(town) > 3 or not _reads_as_a_place(tokens, town[0], chunks[-1][-1]):
            continue
        piece = chunks[p - 1]
        named = (
            p >= 2 and L.PUBLISHER not in out and _a_publishers_name(tokens, piece[0], piece[-1])
        )
        head = [tokens[k].text for chunk in chunks[: p - 1 if named else p] for k in chunk]
        if sum(1 for w in head if w[:1].islower() and w not in _PARTICLES) < 2:
            continue
        opening = piece[0] if named else town[0]
        for k in range(first, opening):
            out[k] = out[start]
        for k in range(opening, town[0]):
            out[k] = L.PUBLISHER
        break
    return out


_MONTH_WORDS = frozenset(
    """january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)


# The words that end a newspaper's or a magazine's name.
_PERIODICAL_WORDS = frozenset(
    """post times globe journal herald tribune gazette news daily magazine review
    bookseller guardian telegraph independent observer economist chronicle mail express
    standard week weekly monde zeitung presse""".split()
)


def a_newspaper_is_dated_to_the_day(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """A newspaper or magazine is cited with the day of its issue ("Why the post-truth
    era might last. Washington Post, June 16."), a book's imprint with its year: a
    place of one piece named as periodicals are ("... Post", "... Times", "Bookseller"),
    straight after the title and before a date with a month, with no publisher or
    journal found, is the periodical; a town ("Tbilisi, February 2011") is not."""
    out = list(labels)
    if L.PLACE not in out or L.PUBLISHER in out or L.CONTAINER in out:
        return out
    runs = label_runs(out)
    for (start, _), (first, last), (date, date_end) in zip(runs, runs[1:], runs[2:], strict=False):
        if out[first] != L.PLACE or out[start] != L.TITLE or out[date] != L.DATE:
            continue
        words = _words_of(tokens, first, last)
        if (
            not words
            or words[-1] not in _PERIODICAL_WORDS
            or "," in token_texts(tokens[first:last])
        ):
            continue
        if not any(t.text.strip(".,").lower() in _MONTH_WORDS for t in tokens[date : date_end + 1]):
            continue
        for k in range(first, last + 1):
            out[k] = L.CONTAINER
        break
    return out
