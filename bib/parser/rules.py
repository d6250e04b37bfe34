"""Rules that correct the tagger's labels where its window cannot see far enough.

Each rule takes the tokens and their labels and returns new labels; ``relabel`` runs
them in order. They encode facts of bibliographic form (a quoted title ends at its
closing quote, a parenthesis opened in a container closes in it, a name ends at its
initials) that a ±2 token window misses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress, islice, pairwise
from operator import itemgetter, ne

from bib import patterns
from bib.parser import labels as L
from bib.parser.tokens import Token

_DASHES = "‐‑‒–—―−"

_QUOTE_PAIRS = {"‘": "’", "“": "”", "«": "»", '"': '"', "„": "“"}


def close_quoted_titles(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """A title that opens with a quote ends at its closing quote, no sooner, no later.

    What the tagger runs on past the quote ("‘The Purge…’, Slavonic and East" +
    "European Review") belongs to the field that follows the title, or is the
    container when no field follows.
    """
    out = list(labels)
    if L.TITLE not in out:
        return out
    n = len(tokens)
    i = 0
    while i < n:
        if out[i] != L.TITLE or (i and out[i - 1] == L.TITLE):
            i += 1
            continue
        end = i
        while end + 1 < n and out[end + 1] == L.TITLE:
            end += 1
        closer = _QUOTE_PAIRS.get(tokens[i].text)
        if closer and all(tokens[k].text != closer for k in range(i + 1, end + 1)):
            # The tagger stopped short of the closing quote: the title runs on to it.
            close = next(
                (k for k in range(end + 1, min(n, end + 12)) if tokens[k].text == closer), -1
            )
            for j in range(end + 1, close + 1):
                out[j] = L.TITLE
            end = max(end, close)
        nxt = out[end + 1] if end + 1 < n else ""
        if (
            closer
            and nxt not in (L.CONTAINER, L.PUBLISHER, L.PLACE)
            and L.CONTAINER not in out
            and not _translation_follows(tokens, i, end, closer)
        ):
            # '"Requirements Wisdom," Doctor Dobb's Digest.': what follows the quoted
            # title, with nothing labelled as the journal or book, is that.
            nxt = L.CONTAINER
        if closer and nxt in (L.CONTAINER, L.PUBLISHER, L.PLACE):
            close = next((k for k in range(i + 1, end) if tokens[k].text == closer), -1)
            if close > 0:
                k = close + 1
                while k <= end and not any(ch.isalnum() for ch in tokens[k].text):
                    k += 1
                for j in range(k, end + 1):
                    out[j] = nxt
        i = end + 1
    return out


def _translation_follows(tokens: Sequence[Token], first: int, last: int, closer: str) -> bool:
    """Whether a bracket follows the closing quote: '“Novyi etap…” [A new stage…]'."""
    close = next((k for k in range(first + 1, last + 1) if tokens[k].text == closer), -1)
    after = [t.text for t in tokens[close + 1 : last + 1] if t.text not in ".,:;"]
    return close < 0 or not after or after[0] in "[("


def _runs(labels: Sequence[str]) -> list[tuple[int, int]]:
    """(first, last) token index of each run of one label."""
    n = len(labels)
    if not n:
        return []
    # Where the label changes, found by C loops (map, compress): every rule asks this.
    starts = [0, *compress(range(1, n), map(ne, labels, islice(labels, 1, None)))]
    return list(zip(starts, [start - 1 for start in starts[1:]] + [n - 1], strict=True))


_TEXT = itemgetter(0)


def _texts(tokens: Sequence[Token]) -> list[str]:
    """The tokens' texts, by a C loop: rules that need one word ask this first, cheaply."""
    return list(map(_TEXT, tokens))


def _names_before_titles(
    labels: Sequence[str], roles: tuple[str, ...] = (L.AUTHOR,)
) -> list[tuple[int, int, int, int]]:
    """(first, last) of each run of people in ``roles`` that the title follows, and the
    title's (first, last): where the rules below look for a name the tagger ran on."""
    if L.TITLE not in labels:
        return []
    return [
        (first, last, start, end)
        for (first, last), (start, end) in pairwise(_runs(labels))
        if labels[first] in roles and labels[start] == L.TITLE
    ]


def _is_word(token: Token | str) -> bool:
    text = token if isinstance(token, str) else token.text
    return any(ch.isalnum() for ch in text)


_OPENING = frozenset("([{“‘«„")


def punctuation_is_no_field(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """A run of bare punctuation with a label of its own ("Works" + "," as container +
    "Vol.") closes the field before it, as in the corpus; opening brackets and quotes
    (and a first run) go with the field after them."""
    out = list(labels)
    runs = _runs(out)
    if len(runs) < 2:
        return out
    for index, (first, last) in enumerate(runs):
        if any(_is_word(t) for t in tokens[first : last + 1]):
            continue
        opening = all(t.text in _OPENING for t in tokens[first : last + 1])
        forward = index + 1 < len(runs) and (opening or not index)
        neighbour = runs[index + 1][0] if forward else runs[index - 1][0]
        for k in range(first, last + 1):
            out[k] = out[neighbour]
    return out


def close_brackets(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """A parenthesis opened inside a title or container closes inside it.

    "International Affairs (Royal Institute of International Affairs 1931-1939)" is one
    container even when the tagger hands its tail to the publisher and the date.
    """
    out = list(labels)
    if not any(t.text == "(" for t in tokens):
        return out
    for first, last in _runs(labels):
        if out[first] not in (L.TITLE, L.CONTAINER):
            continue
        depth = 0
        opened = -1
        for k in range(first, last + 1):
            if tokens[k].text == "(":
                depth, opened = depth + 1, k
            elif tokens[k].text == ")" and depth:
                depth -= 1
        if depth != 1 or not any(_is_word(t) for t in tokens[opened + 1 : last + 1]):
            continue
        close = next(
            (k for k in range(last + 1, min(len(tokens), last + 16)) if tokens[k].text == ")"),
            -1,
        )
        if close > 0 and all(tokens[k].text != "(" for k in range(last + 1, close)):
            while close + 1 < len(tokens) and not _is_word(tokens[close + 1]):
                close += 1  # the punctuation that closes the field comes along
            for k in range(last + 1, close + 1):
                out[k] = out[first]
    return out


_ROLE_MARK = patterns.compile(r"^\(?(?:eds?|hrsg|hg|éds?|dir|coord)\.?\)?[,:]?$", re.IGNORECASE)
_PAGE_CUE_TOKEN = patterns.compile(r"^(?:pp?|pages?|s|ss|seiten)\.?$", re.IGNORECASE)


def _marks_role(tokens: Sequence[Token], first: int, k: int) -> bool:
    """Whether token ``k`` of a run of names from ``first`` is "(ed.)", or an "ed." that a
    capitalised word other than "By" follows (not "Ed" the given name, first)."""
    if not _ROLE_MARK.match(tokens[k].text):
        return False
    after = tokens[k + 1].text
    if ")" in tokens[k].text + after:
        return True
    return (
        k > first
        and tokens[k].text.endswith(".")
        and after[:1].isupper()
        and after[1:2].isalpha()
        and after.lower() != "by"
    )


def title_after_role(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """Words after "(ed.)" or "ed." in a name field are the title when the tagger found
    none ("Ilic, Melanie, ed. Stalin's Terror Revisited."); "ed. by" names people."""
    out = list(labels)
    if L.TITLE in out:
        return out
    for first, last in _runs(labels):
        if out[first] not in (L.AUTHOR, L.EDITOR):
            continue
        mark = next((k for k in range(first, last) if _marks_role(tokens, first, k)), -1)
        if mark < 0:
            continue
        start = mark + 1
        while start <= last and not _is_word(tokens[start]):
            start += 1
        for k in range(start, last + 1):
            out[k] = L.TITLE
        break
    return out


_YEAR_RANGE = patterns.compile(
    rf"(1[5-9]\d\d|20[0-4]\d)\s*[{_DASHES}-]+\s*(\d{{2}}|\d{{4}})[.,;:)]*"
)


def _year_range(text: str) -> bool:
    m = _YEAR_RANGE.fullmatch(text)
    if not m:
        return False
    start, end = m.group(1), m.group(2)
    return int(start[: 4 - len(end)] + end) > int(start)


def pages_that_are_years(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """In a book, "1917-53" after the title is part of it, not a page range."""
    out = list(labels)
    if L.CONTAINER in out or L.PAGES not in out:
        return out
    for first, last in _runs(labels):
        if out[first] != L.PAGES or _PAGE_CUE_TOKEN.match(tokens[first].text):
            continue
        words = [t.text for t in tokens[first : last + 1] if _is_word(t)]
        if len(words) != 1 or not _year_range(words[0]):
            continue
        before = out[first - 1] if first else ""
        for k in range(first, last + 1):
            out[k] = L.TITLE if before == L.TITLE else L.NOTE
    return out


def container_without_title(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """A container with an imprint needs a title before it; alone, it is the title.

    (Without an imprint it stays: "J. Am. Chem. Soc. 103, 2450 (1981)" names a journal.)
    """
    if L.TITLE in labels or L.CONTAINER not in labels:
        return list(labels)
    if L.PUBLISHER not in labels and L.PLACE not in labels:
        return list(labels)
    pages = [t.text for t, label in zip(tokens, labels, strict=True) if label == L.PAGES]
    if any(_is_word(p) and not _year_range(p) for p in pages):
        return list(labels)
    first = labels.index(L.CONTAINER)
    before = next((t for t in reversed(tokens[:first]) if _is_word(t)), None)
    if any(t is not None and _IN_TOKEN.match(t.text) for t in (tokens[first], before)):
        return list(labels)  # "In Proceedings...": a container after all
    return [L.TITLE if label == L.CONTAINER else label for label in labels]


_IN_TOKEN = patterns.compile(r"^(?:in|dans|im)\b:?$", re.IGNORECASE)


_EDITOR_CUE = patterns.compile(
    r"^\(?(?:eds?|editors?|edited|hrsg|hg|hgg|herausgegeben|éds?|dir|coord|cura|org|orgs|in"
    r"|sous|dans)\b",
    re.IGNORECASE,
)


def editors_need_a_cue(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """Without "ed.", "edited by", "Hrsg." or "In" anywhere, names are authors."""
    if L.EDITOR not in labels or any(_EDITOR_CUE.match(t.text) for t in tokens):
        return list(labels)
    return [L.AUTHOR if label == L.EDITOR else label for label in labels]


def publisher_continues(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """A second place straight after the publisher ("Norton and" + "Company:") is publisher."""
    out = list(labels)
    if L.PLACE not in out or L.PUBLISHER not in out:
        return out
    runs = _runs(labels)
    places = [r for r in runs if out[r[0]] == L.PLACE]
    if len(places) < 2:
        return out
    for (first, last), previous in zip(runs[1:], runs, strict=False):
        if out[first] == L.PLACE and out[previous[0]] == L.PUBLISHER and (first, last) != places[0]:
            for k in range(first, last + 1):
                out[k] = L.PUBLISHER
    return out


def names_do_not_end_in_an_opener(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """An opening bracket or quote that ends a run of names opens the next field: in
    "Smith, A. (2019)" the "(" is the date's, not the name's."""
    out = list(labels)
    for i in range(len(out) - 1):
        if out[i] != out[i + 1] and out[i] in (L.AUTHOR, L.EDITOR) and tokens[i].text in _OPENING:
            out[i] = out[i + 1]
    return out


_INITIAL_TOKEN = patterns.compile(r"^(?:[^\W\d_]\.(?:-?[^\W\d_]\.)*|[A-Z])$")
_SUFFIX_TOKEN = patterns.compile(r"^(?:jr|sr|ii|iii|iv)\.?$", re.IGNORECASE)


def names_end_at_initials(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """In "Carr, E. H. Twilight of the Comintern" the name ends at its initials.

    When a lone inverted name runs on past its initials into capitalised words and the
    title follows, those words open the title.
    """
    out = list(labels)
    if L.TITLE not in out:
        return out
    for first, last, _, _ in _names_before_titles(labels, (L.AUTHOR, L.EDITOR)):
        comma = next((k for k in range(first, last + 1) if tokens[k].text == ","), -1)
        if comma <= first:
            continue
        k = comma + 1
        while k <= last and _INITIAL_TOKEN.match(tokens[k].text):
            k += 1
        tail = list(tokens[k : last + 1])
        if len(tail) > 1 and tail[-1].text in (":", "."):
            tail.pop()  # "Snyder, T. Bloodlands: Europe between..."
        if (
            k == comma + 1
            or not tail
            or len(tail) > 3
            or not all(t.text[:1].isupper() and t.text.isalpha() for t in tail)
            or any(_SUFFIX_TOKEN.match(t.text) for t in tail)
        ):
            continue
        for j in range(k, last + 1):
            out[j] = L.TITLE
    return out


_ROLE_WORD = patterns.compile(r"^\(?(?:eds?|hrsg|hg|éds?|dir)(?:\.\)?|\))[,:.]?$", re.IGNORECASE)


def title_after_role_mark(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """In "Scholz, Trebor, ed. Digital Labor" the names end at "ed.": the title begins.

    Only capitalised words directly before the title move; "ed. by Smith" stays.
    """
    out = list(labels)
    if L.TITLE not in out:
        return out
    for first, last, _, _ in _names_before_titles(out, (L.AUTHOR, L.EDITOR)):
        mark = next((k for k in range(first + 1, last) if _ROLE_WORD.match(tokens[k].text)), -1)
        if mark < 0:
            continue
        tail = [t for t in tokens[mark + 1 : last + 1] if _is_word(t)]
        if (
            tail
            and len(tail) <= 4
            and tail[0].text[:1].isupper()
            and not any(
                _ROLE_WORD.match(t.text) or t.text.lower() in ("by", "von", "par", "and", "&")
                for t in tail
            )
        ):
            start = mark + 1
            while start <= last and not _is_word(tokens[start]):
                start += 1
            for k in range(start, last + 1):
                out[k] = L.TITLE
    return out


def names_end_at_given_name(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """In "Parisot, Eric. Graveyard Poetry: ..." the name ends at "Eric.".

    A lone inverted name whose given name closes with a full stop ends there; the
    capitalised words the tagger ran on into open the title that follows.
    """
    out = list(labels)
    if L.TITLE not in out:
        return out
    for first, last, _, _ in _names_before_titles(out):
        if first + 2 > last or tokens[first + 1].text != ",":
            continue
        given = tokens[first + 2].text
        if not (given.endswith(".") and len(given) > 3 and given[:-1].isalpha()):
            continue
        if not given[:1].isupper() or _INITIAL_TOKEN.match(given):
            continue
        tail = tokens[first + 3 : last + 1]
        if not tail or len(tail) > 6 or not tail[0].text[:1].isupper():
            continue
        if any(t.text in (",", ";", "&") or t.text.lower() in ("and", "et", "und") for t in tail):
            continue  # "Smith, John. and Mary Jones": more people
        for k in range(first + 3, last + 1):
            out[k] = L.TITLE
    return out


# Particles written after the given name ("Tocqueville, Alexis de."); as in names.py.
_TRAILING_PARTICLES = frozenset(
    "de du des d' van von der den da di del della la le ten ter zu vom".split()
)


def names_keep_their_particle(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """In "Tocqueville, Alexis de. Democracy in America" the name ends at "de.".

    A lone family name and a comma, then given names and particles closed by a full
    stop ("Alexis de.", "Leopold von.", "Marcel van der."), are one inverted name; the
    tagger, seeing the comma, starts the title at the given name.
    """
    out = list(labels)
    for first, last, start, end in _names_before_titles(out):
        if last != first + 1 or tokens[last].text != ",":
            continue
        k = start
        while (
            k <= end and k - start < 3 and tokens[k].text.isalpha() and tokens[k].text[0].isupper()
        ):
            k += 1
        if k == start:
            continue
        while k < end and tokens[k].text in _TRAILING_PARTICLES:
            k += 1  # "van" of "Marcel van der."
        closing = tokens[k].text if k < end else ""
        if closing.endswith(".") and closing[:-1] in _TRAILING_PARTICLES:
            for j in range(start, k + 1):
                out[j] = L.AUTHOR
    return out


_JOINING = frozenset("and & et und y e og".split())
_NOT_NAMES = frozenset("al eds ed hrsg hg dir éd éds trans".split())
_ARTICLES = frozenset("the a an der die das ein eine le la les il lo gli el los las un une".split())


def _reads_as_title(words: Sequence[str]) -> bool:
    """Words no name is made of: an article first, or a lower-case word not a particle."""
    return words[0].lower() in _ARTICLES or any(
        w[:1].islower() and w not in _TRAILING_PARTICLES for w in words[1:]
    )


def _comma_chunks(tokens: Sequence[Token], first: int, last: int) -> list[list[int]]:
    """The word tokens of ``first..last``, split at commas."""
    chunks: list[list[int]] = [[]]
    for k in range(first, last + 1):
        if tokens[k].text == ",":
            chunks.append([])
        elif _is_word(tokens[k]):
            chunks[-1].append(k)
    return [chunk for chunk in chunks if chunk]


def names_do_not_take_a_lone_word(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """In "Rolnick, Philip A., Persons, Grace and God" the title begins at "Persons".

    Names in a list come whole: inverted ones in pairs ("Family, Given,"), the others
    as "Given Family". A last piece after the comma that cannot be a name on those
    terms (after a complete pair, a lone word or words no name is made of, as in
    "KEMP, Wolfgang, Der Anteil des Betrachters"; after "Given Family," words
    closed by a colon, as in "Lynne Tillman, Bookstore: The Life...") opens the
    title that follows.
    """
    out = list(labels)
    for first, last, _, _ in _names_before_titles(out):
        chunks = _comma_chunks(tokens, first, last)
        if len(chunks) < 2:
            continue
        tail = chunks[-1]
        words = [tokens[k].text for k in tail]
        run = [tokens[k].text.lower() for k in range(first, last + 1)]
        if (
            not words[0][:1].isupper()
            or any(_INITIAL_TOKEN.match(w) or (w.isupper() and len(w) <= 3) for w in words)
            or any(w in _JOINING or w.strip("().") in _NOT_NAMES for w in run)
        ):
            continue
        head = [tokens[k].text for k in chunks[0]]
        inverted = len(head) == 1 or all(w.isupper() for w in head)
        if inverted:
            takes = len(chunks) % 2 == 1 and (len(words) == 1 or _reads_as_title(words))
        else:  # "Given Family, Words:" - a colon ends no name in a list
            takes = len(head) >= 2 and tokens[last].text == ":" and len(words) <= 5
        if takes:
            for k in range(tail[0], last + 1):
                out[k] = L.TITLE
    return out


def _looks_like_more_names(tokens: Sequence[Token], first: int, last: int) -> bool:
    """Initials, "et al." or an abbreviation ("Adv. Mater.") among the words: names, or a
    journal, not a title."""
    for token in tokens[first : last + 1]:
        text = token.text
        if _INITIAL_TOKEN.match(text) or (text.isupper() and len(text) <= 3 and text.isalpha()):
            return True
        if text.lower() in ("al", "al.") or (text.endswith(".") and len(text) <= 6):
            return True
    return False


def _first_name_ends(tokens: Sequence[Token], first: int, last: int) -> int:
    """The last token of the first name in a run of names with nothing labelled the title,
    or -1 where it cannot be told: "G. Gauthier," and "Italo Calvino," (given name first)
    end at their comma; "Kohonen, T." (family name first) ends at its initials."""
    chunks = _comma_chunks(tokens, first, last)
    if len(chunks) < 2:
        return -1
    head = [tokens[k].text for k in chunks[0]]
    if len(head) == 1:  # "Kohonen, T. Self Organizing Maps"
        given = chunks[1]
        k = given[0]
        while k <= given[-1] and _INITIAL_TOKEN.match(tokens[k].text):
            k += 1
        return k - 1 if given[0] < k <= given[-1] else -1
    if len(head) > 3 or not all(w[:1].isupper() for w in head):
        return -1  # "van den Berghe, Jean": family name first
    if head[0].lower() in _TRAILING_PARTICLES or head[0].lower().rstrip(".") in _NOT_NAMES:
        return -1
    return chunks[0][-1] + (tokens[chunks[0][-1] + 1].text == ",")


def _is_a_given_first_name(words: Sequence[str]) -> bool:
    """Two or three capitalised words: "Leonardo Casalino", "P. DuVal", "ALLEGRA Cécile"."""
    return (
        2 <= len(words) <= 3
        and all(w[:1].isupper() for w in words)
        and words[0].lower() not in _TRAILING_PARTICLES
    )


def names_run_on_to_their_full_stop(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """In "Shijun Yoshida, Nami Uchikata, and Toshifumi Futamase. Quasinormal modes..."
    and "Lobel, Jason William and Grace Uvero Bucad. Rinconada..." the names go on to
    the full stop: when the names before the title are unfinished (they end in a comma
    or a bare given name), a first sentence of the title made of capitalised words
    joined by "and" is the rest of them."""
    out = list(labels)
    title = out.index(L.TITLE) if L.TITLE in out else 0
    if not title or out[title - 1] not in (L.AUTHOR, L.EDITOR):
        return out
    if tokens[title - 1].text.endswith((".", ":")):
        return out  # the common case, told cheaply: the names end at a full stop
    if _JOINING.isdisjoint(map(str.lower, _texts(tokens))):
        return out
    for first, last, start, end in _names_before_titles(out):
        if tokens[last].text.endswith(".") or tokens[last].text == ":":
            continue
        stop = next(
            (k for k in range(start, min(end, start + 12))
             if tokens[k].text.endswith(".") and not _INITIAL_TOKEN.match(tokens[k].text)),
            -1,
        )  # fmt: skip
        if stop < 0:
            continue
        words = [t.text for t in tokens[start : stop + 1] if _is_word(t)]
        joined = [w for w in words if w.lower() in _JOINING]
        names = [w for w in words if w.lower() not in _JOINING]
        if (
            len(joined) == 1
            and len(names) >= 2
            and all(w[:1].isupper() or w in _TRAILING_PARTICLES for w in names)
            and not _reads_as_title(names)
        ):
            for k in range(start, stop + 1):
                out[k] = out[first]
    return out


def names_given_first_are_two_words(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """In "P. DuVal, Homographies, Quaternions and Rotations" and "Leonardo Casalino,
    Lezioni recitabili. Vittorio Foa, ..." the title begins at "Homographies", "Lezioni".

    Names written given name first come whole, two words or more each; in a list of
    them, a piece of one word (not an initial) or one with words no name is made of
    ("recitabili.") opens the title that follows.
    """
    out = list(labels)
    if L.AUTHOR not in out or L.TITLE not in out:
        return out
    first = out.index(L.AUTHOR)
    if first + 1 < len(out) and tokens[first + 1].text == ",":
        return out  # the common case, told cheaply: "Smith, J.", family name first
    for first, last, _, _ in _names_before_titles(out):
        chunks = _comma_chunks(tokens, first, last)
        if len(chunks) < 2 or not _is_a_given_first_name([tokens[k].text for k in chunks[0]]):
            continue
        run = [tokens[k].text.lower() for k in range(first, last + 1)]
        if any(w in _JOINING or w.strip("().") in _NOT_NAMES for w in run):
            continue
        for chunk in chunks[1:]:
            words = [tokens[k].text for k in chunk]
            if any(_INITIAL_TOKEN.match(w) or _SUFFIX_TOKEN.match(w) for w in words):
                break  # "Mary Jones, Jr.", "A. Smith, B. Jones": people
            lone = len(words) == 1 and words[0][:1].isupper() and not words[0].isupper()
            prose = any(w[:1].islower() and w not in _TRAILING_PARTICLES for w in words)
            if lone or (prose and words[0][:1].isupper()):
                for k in range(chunk[0], last + 1):
                    out[k] = L.TITLE
                break
    return out


def an_untitled_reference_keeps_one_name(
    tokens: Sequence[Token], labels: Sequence[str]
) -> list[str]:
    """In "G. Gauthier, Andrei Tarkovski, Edilig, Paris, 1988", "Benedict Anderson,
    Imagined Communities (1991)" and "Kohonen, T. Self Organizing Maps 1995 Springer" the
    tagger read the whole head of the reference as names and found no title. A book has
    one: after the first name, words that are no more names (no initials, no "et al.")
    are the title, and of two or more pieces after it the last is the publisher
    ("Italo Calvino, Invisible Cities, Harcourt Brace Jovanovich, 1978")."""
    out = list(labels)
    if L.TITLE in out or L.CONTAINER in out or L.AUTHOR not in out:
        return out
    runs = _runs(out)
    index = next((i for i, (first, _) in enumerate(runs) if out[first] == L.AUTHOR), -1)
    if index + 1 >= len(runs) or out[runs[index + 1][0]] not in (L.DATE, L.PLACE, L.PUBLISHER):
        return out
    first, last = runs[index]
    end = _first_name_ends(tokens, first, last)
    if end < 0 or end >= last or _looks_like_more_names(tokens, end + 1, last):
        return out
    rest = _comma_chunks(tokens, end + 1, last)
    if not rest or not tokens[rest[0][0]].text[:1].isupper():
        return out
    for k in range(rest[0][0], last + 1):
        out[k] = L.TITLE
    publisher = rest[-1]
    if len(rest) > 1 and L.PUBLISHER not in out and len(publisher) <= 4:
        for k in range(publisher[0], last + 1):
            out[k] = L.PUBLISHER
    return out


_YEAR_TOKEN = patterns.compile(r"^[(\[]?(?:1[5-9]\d\d|20[0-4]\d)[a-z]?[)\].,:;]*$")


def undated_titles_give_up_their_year(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """With no year among the dates, a year at either end of the title is the date.

    "GUERIN Paul, 1882 : Les petits bollandistes" and "Self Organizing Maps 1995
    Springer": the tagger read the year into the title. A title that begins with a
    year and has a date elsewhere keeps it ("1939: The alliance that never was...",
    1999).
    """
    out = list(labels)
    if L.TITLE not in out:
        return out
    dates = compress(tokens, map(L.DATE.__eq__, out))
    if any(_YEAR_TOKEN.match(token.text) for token in dates):
        return out
    first = out.index(L.TITLE)
    last = first
    while last + 1 < len(out) and out[last + 1] == L.TITLE:
        last += 1
    words = [k for k in range(first, last + 1) if _is_word(tokens[k])]
    if len(words) < 3:
        return out
    if _YEAR_TOKEN.match(tokens[words[0]].text):
        end = words[0]
        while end + 1 <= last and not _is_word(tokens[end + 1]) and tokens[end + 1].text in ":).":
            end += 1
        for k in range(first, end + 1):
            out[k] = L.DATE
    elif _YEAR_TOKEN.match(tokens[words[-1]].text) and tokens[words[-2]].text not in _OPENING:
        for k in range(words[-1], last + 1):
            out[k] = L.DATE
    return out


def a_year_before_the_colon_is_the_date(
    tokens: Sequence[Token], labels: Sequence[str]
) -> list[str]:
    """In "Prengel, Annedore (2007): Sind alle Schulanfänger gleich?" and "Katchan O.
    1986: Early Bilingualism ... 1986, 667–690" the year before the colon is the date
    (German and French author-date styles), when it is in brackets or the imprint
    repeats it; "1939: The alliance that never was ... 1999" is a title."""
    out = list(labels)
    if L.TITLE not in out:
        return out
    first = out.index(L.TITLE)
    k = first + (tokens[first].text == "(")
    if k + 2 >= len(out) or out[k] != L.TITLE or not _YEAR_TOKEN.match(tokens[k].text):
        return out
    year = tokens[k].text.strip("()[].,:;")[:4]
    bracketed = k > first and tokens[k + 1].text == ")"
    end = k + bracketed + 1
    if tokens[end].text != ":" or out[end] != L.TITLE or end + 1 >= len(out):
        return out
    if out[end + 1] != L.TITLE:
        return out
    repeated = any(
        label == L.DATE and year in token.text for token, label in zip(tokens, out, strict=True)
    )
    if bracketed or repeated:
        for j in range(first, end + 1):
            out[j] = L.DATE
    return out


def names_end_at_et_al(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """In "edited by Julian Cooper et al., Macmillan, 1995" the names end at "et al.".

    Capitalised words after "et al.," in a run of editors, with the date next and no
    publisher found, are the publisher (MLA's "edited by Editor et al., Publisher,
    Year"). Authors' "et al." is left alone: a journal follows it in science styles.
    """
    out = list(labels)
    if L.PUBLISHER in out or L.EDITOR not in out:
        return out
    runs = _runs(out)
    for index, (first, last) in enumerate(runs):
        if out[first] != L.EDITOR:
            continue
        al = next(
            (k for k in range(first + 1, last) if tokens[k].text in ("al.", "al")
             and tokens[k - 1].text == "et"),
            -1,
        )  # fmt: skip
        if al < 0:
            continue
        words = [k for k in range(al + 1, last + 1) if _is_word(tokens[k])]
        following = out[runs[index + 1][0]] if index + 1 < len(runs) else ""
        if (
            words
            and len(words) <= 4
            and tokens[al + 1].text == ","
            and following == L.DATE
            and all(tokens[k].text[:1].isupper() for k in words[:1])
        ):
            for k in range(words[0], last + 1):
                out[k] = L.PUBLISHER
    return out


def named_editors_end_before_the_publisher(
    tokens: Sequence[Token], labels: Sequence[str]
) -> list[str]:
    """In "edited by Mary Douglas, Tavistock, 1970" the names end before "Tavistock".

    After "edited by" names are written "Given Family", two words or more; a last
    piece of the run that is one capitalised word, with the date next and no
    publisher found, is the publisher (MLA's "edited by Editor, Publisher, Year").
    """
    out = list(labels)
    if L.PUBLISHER in out or L.EDITOR not in out:
        return out
    runs = _runs(out)
    for index, (first, last) in enumerate(runs):
        if out[first] != L.EDITOR:
            continue
        cue = [tokens[k].text.lower() for k in range(first, min(first + 2, last + 1))]
        following = out[runs[index + 1][0]] if index + 1 < len(runs) else ""
        if cue != ["edited", "by"] or following != L.DATE:
            continue
        chunks = _comma_chunks(tokens, first + 2, last)
        if len(chunks) < 2 or any(len(chunk) < 2 for chunk in chunks[:-1]):
            continue
        tail = chunks[-1]
        word = tokens[tail[0]].text
        if len(tail) == 1 and word[:1].isupper() and not _INITIAL_TOKEN.match(word):
            for k in range(tail[0], last + 1):
                out[k] = L.PUBLISHER
    return out


def an_untitled_note_is_the_title(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """With no title anywhere, words labelled a note right after the names or the date
    are the title ("Browning, C. R. (1992). Ordinary men: Reserve Police Battalion
    101 ... HarperCollins."), and a last sentence of one to four capitalised words
    after it is the publisher."""
    out = list(labels)
    if L.TITLE in out or L.NOTE not in out:
        return out
    runs = _runs(out)
    for index, (first, last) in enumerate(runs):
        if out[first] != L.NOTE:
            continue
        before = out[runs[index - 1][0]] if index else ""
        words = [k for k in range(first, last + 1) if _is_word(tokens[k])]
        prose = [k for k in words if len(tokens[k].text) > 2 and tokens[k].text.isalpha()]
        if before not in (L.AUTHOR, L.EDITOR, L.DATE) or len(prose) < 3:
            return out  # not "arXiv:1606.03121", "[Motion picture]"
        end = last
        stops = [k for k in range(first, last) if tokens[k].text.endswith(".") and k > first]
        tail = [k for k in words if stops and k > stops[-1]]
        if (
            L.PUBLISHER not in out
            and 1 <= len(tail) <= 4
            and all(tokens[k].text[:1].isupper() for k in tail)
            and len(words) - len(tail) >= 3
        ):
            for k in range(stops[-1] + 1, last + 1):
                out[k] = L.PUBLISHER
            end = stops[-1]
        for k in range(first, end + 1):
            out[k] = L.TITLE
        return out
    return out


_EDITION_END = frozenset("ed ed. edn edn. edition edition. ed.) edn.) aufl aufl. éd éd.".split())


def an_edition_ends_at_its_cue(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """In "(2nd ed.). Michael Joseph." the edition ends at "ed.)": with no publisher
    found, the capitalised words after it (and names the tagger saw there) are the
    publisher."""
    out = list(labels)
    if L.EDITION not in out or L.PUBLISHER in out:
        return out
    runs = _runs(out)
    for index, (first, last) in enumerate(runs):
        if out[first] != L.EDITION:
            continue
        cue = max(
            (k for k in range(first, last + 1) if tokens[k].text.lower() in _EDITION_END),
            default=-1,
        )
        if cue < 0:
            return out
        k = cue + 1
        while k <= last and not _is_word(tokens[k]):
            k += 1
        end = last
        if index + 1 < len(runs) and out[runs[index + 1][0]] == L.AUTHOR:
            end = runs[index + 1][1]  # "Michael" + "Joseph." read as a person
        words = [j for j in range(k, end + 1) if _is_word(tokens[j])]
        if 1 <= len(words) <= 5 and tokens[words[0]].text[:1].isupper():
            for j in range(k, end + 1):
                out[j] = L.PUBLISHER
        return out
    return out


# Words that describe what a work is, not what it is called ("[Motion picture]").
_MEDIUM_WORDS = frozenset(
    "motion picture film video dvd cd audio podcast recording software program data set dataset"
    " brochure map poster photograph television radio broadcast episode series"
    " lecture slides webinar interview letter tweet blog online electronic".split()
)
_CLOSING = {")": "(", "]": "["}


def _ends_an_edition(text: str) -> bool:
    lower = text.lower()
    return lower in _EDITION_END or lower.endswith(("edition", "edition."))


def a_bracket_closing_the_title_is_not_its_words(
    tokens: Sequence[Token], labels: Sequence[str]
) -> list[str]:
    """In "Spectroscopy ( Third Edition )" or "A fresh appraisal [Motion picture]" the
    bracket that closes the title says which edition or what medium it is, not what the
    work is called: it is the edition, or the genre. Other brackets ("The Four Texts
    (1798, 1805)", "Recovery (MNR)") are the title's own words."""
    out = list(labels)
    if L.TITLE not in compress(out, map(_CLOSING.__contains__, _texts(tokens))):
        return out  # no bracket closes inside a title
    for first, last in _runs(labels):
        if out[first] != L.TITLE:
            continue
        close = last
        while close > first and not _is_word(tokens[close]) and tokens[close].text not in _CLOSING:
            close -= 1
        opener = _CLOSING.get(tokens[close].text)
        if opener is None:
            continue
        start = next((k for k in range(close - 1, first, -1) if tokens[k].text == opener), -1)
        inside = [t.text for t in tokens[start + 1 : close] if _is_word(t)]
        if start <= first or not inside or len(inside) > 4:
            continue
        if any(_ends_an_edition(w) for w in inside):
            label = L.EDITION
        elif all(w.lower().strip(".") in _MEDIUM_WORDS for w in inside):
            label = L.GENRE
        else:
            continue
        for k in range(start, last + 1):
            out[k] = label
    return out


def an_edition_ends_at_its_word(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """In "3rd ed. Lincoln ; London: University of Nebraska Press" the edition ends at
    "ed.": words after it belong to the place or publisher that follows. And in
    "Cambridge University Press, revised edition" or "Cengage Learning; 1 edition" the
    piece that names an edition is the edition, not the publisher's name."""
    out = list(labels)
    if L.EDITION not in out and (
        L.PUBLISHER not in out or "edition" not in " ".join(_texts(tokens)).lower()
    ):
        return out
    runs = _runs(out)
    for index, (first, last) in enumerate(runs):
        if out[first] == L.EDITION and index + 1 < len(runs):
            following = out[runs[index + 1][0]]
            cue = max(
                (k for k in range(first, last + 1) if _ends_an_edition(tokens[k].text)),
                default=-1,
            )
            k = cue + 1
            while 0 < k <= last and not _is_word(tokens[k]):
                k += 1
            if cue >= 0 and k <= last and following in (L.PLACE, L.PUBLISHER):
                for j in range(k, last + 1):
                    out[j] = following
        elif out[first] == L.PUBLISHER:
            breaks = [k for k in range(first + 1, last) if tokens[k].text in ",;"]
            for cut in breaks:
                words = [t.text for t in tokens[cut + 1 : last + 1] if _is_word(t)]
                if 0 < len(words) <= 3 and _ends_an_edition(words[-1]):
                    for j in range(cut + 1, last + 1):
                        out[j] = L.EDITION
                    break
    return out


def journal_not_publisher(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """Volume, pages and no place: the "publisher" right after the title is a journal.

    So it is after a title in quotation marks, with no place: a quoted title is a part
    of something (MLA's '"The Third Reich in History and Memory." The New York Review
    of Books, 12 Mar. 2015'), and books have places.
    """
    if L.CONTAINER in labels or L.PLACE in labels:
        return list(labels)
    quoted = next((t.text in _QUOTE_PAIRS for t, label in zip(tokens, labels, strict=True)
                   if label == L.TITLE), False)  # fmt: skip
    if not quoted and (L.PAGES not in labels or L.VOLUME not in labels):
        return list(labels)
    out = list(labels)
    runs = _runs(labels)
    for (first, last), previous in zip(runs[1:], runs, strict=False):
        if out[first] == L.PUBLISHER and out[previous[0]] == L.TITLE:
            if quoted and any(
                t.text.lower().strip(".,") in _PUBLISHER_WORDS for t in tokens[first : last + 1]
            ):
                break  # '"11290 Chemical Products" (Kagaku Kogyo Nippou Co., Ltd.)'
            for k in range(first, last + 1):
                out[k] = L.CONTAINER
            break
    return out


def italics_hold_one_title(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """A title that opens an italic span runs on to the span's end.

    Italics mark one work. The tagger may end such a title at a quotation inside it
    and take the rest for the container: in '*"Are you happy to cheat us?"
    Exploitation of migrant construction workers in Russia*. Human Rights Watch.' the
    title is everything in italics.
    """
    out = list(labels)
    for first, last in _runs(out):
        if out[first] != L.TITLE:
            continue
        if not tokens[first].emphasis or (first and tokens[first - 1].emphasis):
            return out  # not a title in italics, or one that starts inside them
        # A full stop ends a sentence, and may end the italics: "*Title*. *Journal*"
        # loses its marks to the tokens, two runs of italics in a row.
        k = last + 1
        while (
            k < len(tokens)
            and tokens[k].emphasis
            and out[k] == L.CONTAINER
            and not tokens[k - 1].text.endswith(".")
        ):
            out[k] = L.TITLE
            k += 1
        return out
    return out


def an_italic_title_has_a_publisher(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """After a title in italics, plain words with no volume, issue or pages: a publisher.

    Italics mark the work a reference is about; a journal article's title is plain
    and its journal is in italics. So in "Marlow, J. (1969). *The Peterloo
    massacre*. Rapp & Whiting." what follows the italic title is who published the
    book, not a journal, whenever nothing else says "journal": no volume, issue or
    pages, no address on the web, and no italics of its own.
    """
    if L.CONTAINER not in labels or any(
        label in labels for label in (L.VOLUME, L.PAGES, L.PUBLISHER, L.URL, L.DOI)
    ):
        return list(labels)
    out = list(labels)
    title = [k for k, label in enumerate(out) if label == L.TITLE and _is_word(tokens[k])]
    if not title or not all(tokens[k].emphasis for k in title):
        return out
    container = [k for k, label in enumerate(out) if label == L.CONTAINER]
    if container[0] < title[-1] or any(tokens[k].emphasis for k in container):
        return out
    if any(tokens[k].text.lower().strip(".,:") in ("in", "dans", "im") for k in container[:1]):
        return out  # "In Book": a chapter's book, written plain
    for k in container:
        out[k] = L.PUBLISHER
    return out


# Words only a publisher's name has ("The New York Review of Books" is a magazine).
_PUBLISHER_WORDS = frozenset("press presses verlag publishers publishing co ltd inc gmbh".split())


def a_sentence_opened_by_in_is_the_container(
    tokens: Sequence[Token], labels: Sequence[str]
) -> list[str]:
    """In "Person-centred therapy and CBT. In Foo: Siblings not rivals. London: Sage." the
    title ends at its full stop: a sentence that opens with "In" and a capitalised word
    names the book or journal the work is in."""
    out = list(labels)
    texts = _texts(tokens)
    if L.TITLE not in out or ("In" not in texts and "In:" not in texts):
        return out
    first = out.index(L.TITLE)
    if L.CONTAINER in out[:first]:
        return out
    last = first
    while last + 1 < len(out) and out[last + 1] == L.TITLE:
        last += 1
    for k in range(first + 2, last):
        if tokens[k].text not in ("In", "In:") or not tokens[k + 1].text[:1].isupper():
            continue
        if tokens[k - 1].text.endswith((".", "?", "!")) and len(tokens[k - 1].text) > 2:
            for j in range(k, last + 1):
                out[j] = L.CONTAINER
            break
    return out


def held_in_names_the_place(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """In "SPE Western Regional Meeting held in San Jose, California, USA" where the
    meeting was held is the place, not words of its name."""
    out = list(labels)
    if "held" not in _texts(tokens):
        return out
    for first, last in _runs(labels):
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


# Cues that name who translated or edited what follows ("Meno. Trans. and ed. R.W.").
_ROLE_CUES = frozenset("trans trans. transl transl. tr. tłum tłum. übers übers. trad trad.".split())


def a_title_does_not_end_in_a_role(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """In "Meno. Trans. and ed. R.W. Sharples" and "Człowiek - istota społeczna, tłum.
    Józef Radzicki" the cue that ends the title ("Trans. and", "tłum.") opens the field
    after it, the people it names."""
    out = list(labels)
    if _ROLE_CUES.isdisjoint(map(str.lower, _texts(tokens))):
        return out
    for first, last in _runs(labels):
        if out[first] != L.TITLE or last + 1 >= len(out):
            continue
        k = last
        while k > first and not _is_word(tokens[k]):
            k -= 1
        if k > first and tokens[k].text.lower() in _JOINING:
            k -= 1
        if k > first and tokens[k].text.lower() in _ROLE_CUES:
            for j in range(k, last + 1):
                out[j] = out[last + 1]
    return out


def an_imprint_in_brackets_closes_the_title(
    tokens: Sequence[Token], labels: Sequence[str]
) -> list[str]:
    """In "Educação, Cultura e Ideologia em Moçambique 1975-1985 (Porto: Afrontamento)"
    and "1 Peter (WBC 49; Waco, Texas: Word, 1988)" the bracket that closes the title
    holds the imprint, as footnote styles write it: capitalised words and a colon (the
    place), words after it (the publisher), and maybe a year (the date)."""
    out = list(labels)
    if L.TITLE not in out or L.PUBLISHER in out or L.CONTAINER in out:
        return out  # an article's title holds no imprint
    if ")" not in _texts(tokens):
        return out
    for first, last in _runs(labels):
        if out[first] != L.TITLE:
            continue
        close = last
        while close > first and not _is_word(tokens[close]) and tokens[close].text != ")":
            close -= 1
        if tokens[close].text != ")":
            continue
        opener = next((k for k in range(close - 1, first, -1) if tokens[k].text in "(;"), -1)
        colons = [k for k in range(opener + 1, close) if tokens[k].text == ":"]
        colon = colons[0] if len(colons) == 1 else -1  # "(Hemiptera: Reduviidae: ...)"
        if opener <= first or colon < 0:
            continue
        place = [t.text for t in tokens[opener + 1 : colon] if _is_word(t)]
        year = close - 1 if _YEAR_TOKEN.match(tokens[close - 1].text) else close
        publisher = [t.text for t in tokens[colon + 1 : year] if _is_word(t)]
        if not (1 <= len(place) <= 4 and 1 <= len(publisher) <= 5):
            continue
        if not all(w[:1].isupper() and not w[:1].isdigit() for w in place + publisher[:1]):
            continue
        start = opener if tokens[opener].text == "(" else opener + 1
        for k in range(start, colon + 1):
            out[k] = L.PLACE
        for k in range(colon + 1, year):
            out[k] = L.PUBLISHER
        for k in range(year, last + 1):
            out[k] = L.DATE if year < close else L.PUBLISHER
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
# Words only a publisher's (or an issuing body's) name has.
_IMPRINT_WORDS = frozenset(
    """press presses verlag publishers publisher publishing co ltd inc gmbh books
    university univ up éditions editions edizioni editore editrice editorial editora
    wydawnictwo uitgeverij buchhandlung librairie imprimerie""".split()
)


def _words_of(tokens: Sequence[Token], first: int, last: int) -> list[str]:
    return [t.text.strip(".,;:()").lower() for t in tokens[first : last + 1] if _is_word(t)]


def _is_town(words: Sequence[str]) -> bool:
    return " ".join(words) in _PLACE_NAMES or (len(words) == 1 and words[0] in _PUBLISHING_PLACES)


def _names_a_publisher(words: Sequence[str]) -> bool:
    return any(w in _IMPRINT_WORDS or w.endswith(("press", "verlag")) for w in words)


def _reads_as_a_place(tokens: Sequence[Token], first: int, last: int) -> bool:
    """Capitalised words and commas only, none a publisher's: "Cambridge, Mass."."""
    words = [t.text for t in tokens[first : last + 1] if _is_word(t)]
    return (
        0 < len(words) <= 5
        and all(w[:1].isupper() and not any(ch.isdigit() for ch in w) for w in words)
        and not _names_a_publisher(_words_of(tokens, first, last))
    )


def a_town_after_the_publisher_is_the_place(
    tokens: Sequence[Token], labels: Sequence[str]
) -> list[str]:
    """In "MIT Press, Cambridge, Mass., 1990" and "Shaker Verlag, Aachen" the publisher
    ends at the comma: the capitalised words after it are the place (physics and
    continental styles put the place after the publisher). It takes a publisher's word
    before the comma, or a known town after it, to say so; "Little, Brown & Co." and
    "Longmans, Green, and Co." stay one name."""
    out = list(labels)
    if L.PUBLISHER not in out:
        return out
    for first, last in _runs(labels):
        if out[first] != L.PUBLISHER:
            continue
        end = last
        while end > first and not _is_word(tokens[end]):
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
                and (_names_a_publisher(head) or town)
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
    for first, last in _runs(labels):
        if out[first] != L.PLACE:
            continue
        commas = [k for k in range(first + 1, last) if tokens[k].text == ","]
        if not commas:
            return _towns_then_a_publisher(tokens, out, first, last)
        if len(commas) != 1:
            return out
        comma = commas[0]
        end = last
        while end > comma and not _is_word(tokens[end]):
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
    words = [k for k in range(first, last + 1) if _is_word(tokens[k])]
    if len(words) != last - first + 1 - (not _is_word(tokens[last])):
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
    if last + 1 >= len(tokens) or not _YEAR_TOKEN.match(tokens[last + 1].text):
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
    for (first, last), (start, end) in pairwise(_runs(out)):
        if out[first] == L.PUBLISHER and out[start] == L.PLACE:
            commas = [k for k in range(first + 1, last) if tokens[k].text == ","]
            if not commas or not _ends_in_a_region(tokens, start, end):
                continue
            town = commas[-1] + 1
            if _reads_as_a_place(tokens, town, last) and len(_words_of(tokens, town, last)) <= 3:
                for k in range(town, last + 1):
                    out[k] = L.PLACE
    return out


def _ends_in_a_region(tokens: Sequence[Token], first: int, last: int) -> bool:
    """Whether a place is only a state or a country, or ends in one ("New Mexico, USA")."""
    chunks = _comma_chunks(tokens, first, last)
    return bool(chunks) and all(_is_region(tokens, chunk[0], chunk[-1]) for chunk in chunks)


def _is_region(tokens: Sequence[Token], first: int, last: int) -> bool:
    """A country or a state, spelled out or abbreviated ("NJ", "Mass.", "N.Y.")."""
    words = [t.text for t in tokens[first : last + 1] if _is_word(t)]
    lowered = _words_of(tokens, first, last)
    if " ".join(lowered) in _REGIONS or all(w in _REGIONS for w in lowered):
        return True
    return len(words) <= 2 and all(
        (w.isupper() and len(w.strip(".")) <= 3) or (w.endswith(".") and len(w) <= 6) for w in words
    )


# The order matters: each rule sees the labels the one before it left.
RELABELLING_RULES = (
    punctuation_is_no_field,
    names_do_not_end_in_an_opener,
    editors_need_a_cue,
    names_end_at_initials,
    names_end_at_given_name,
    names_keep_their_particle,
    names_do_not_take_a_lone_word,
    names_given_first_are_two_words,
    names_run_on_to_their_full_stop,
    an_untitled_reference_keeps_one_name,
    undated_titles_give_up_their_year,
    a_year_before_the_colon_is_the_date,
    names_end_at_et_al,
    named_editors_end_before_the_publisher,
    an_untitled_note_is_the_title,
    an_edition_ends_at_its_cue,
    a_bracket_closing_the_title_is_not_its_words,
    an_edition_ends_at_its_word,
    journal_not_publisher,
    close_quoted_titles,
    italics_hold_one_title,
    an_italic_title_has_a_publisher,
    close_brackets,
    title_after_role,
    title_after_role_mark,
    container_without_title,
    pages_that_are_years,
    publisher_continues,
    a_town_after_the_publisher_is_the_place,
    a_town_and_its_publisher_are_two_fields,
    a_town_before_its_state_is_the_place,
    a_sentence_opened_by_in_is_the_container,
    held_in_names_the_place,
    a_title_does_not_end_in_a_role,
    an_imprint_in_brackets_closes_the_title,
)


def relabel(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    out = list(labels)
    for rule in RELABELLING_RULES:
        out = rule(tokens, out)
    return out
