"""Relabelling rules for names: where a run of authors or editors ends, and what
follows it (a title the tagger took for a name, a role such as "ed.", a publisher
after MLA's "edited by")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from bib import patterns
from bib.parser import labels as L
from bib.parser.rules_common import (
    JOINING,
    OPENING,
    comma_chunks,
    is_word,
    label_runs,
    names_a_publisher,
    names_before_titles,
    token_texts,
)
from bib.parser.tokens import Token

_ROLE_MARK = patterns.compile(r"^\(?(?:eds?|hrsg|hg|éds?|dir|coord)\.?\)?[,:]?$", re.IGNORECASE)


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
    for first, last in label_runs(labels):
        if out[first] not in (L.AUTHOR, L.EDITOR):
            continue
        mark = next((k for k in range(first, last) if _marks_role(tokens, first, k)), -1)
        if mark < 0:
            continue
        start = mark + 1
        while start <= last and not is_word(tokens[start]):
            start += 1
        for k in range(start, last + 1):
            out[k] = L.TITLE
        break
    return out


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


def names_do_not_end_in_an_opener(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """An opening bracket or quote that ends a run of names opens the next field: in
    "Smith, A. (2019)" the "(" is the date's, not the name's."""
    out = list(labels)
    for i in range(len(out) - 1):
        if out[i] != out[i + 1] and out[i] in (L.AUTHOR, L.EDITOR) and tokens[i].text in OPENING:
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
    for first, last, _, _ in names_before_titles(labels, (L.AUTHOR, L.EDITOR)):
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
    for first, last, _, _ in names_before_titles(out, (L.AUTHOR, L.EDITOR)):
        mark = next((k for k in range(first + 1, last) if _ROLE_WORD.match(tokens[k].text)), -1)
        if mark < 0:
            continue
        tail = [t for t in tokens[mark + 1 : last + 1] if is_word(t)]
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
            while start <= last and not is_word(tokens[start]):
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
    for first, last, _, _ in names_before_titles(out):
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
    for first, last, start, end in names_before_titles(out):
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


_NOT_NAMES = frozenset("al eds ed hrsg hg dir éd éds trans".split())
_ARTICLES = frozenset("the a an der die das ein eine le la les il lo gli el los las un une".split())


def _reads_as_title(words: Sequence[str]) -> bool:
    """Words no name is made of: an article first, or a lower-case word not a particle."""
    return words[0].lower() in _ARTICLES or any(
        w[:1].islower() and w not in _TRAILING_PARTICLES for w in words[1:]
    )


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
    for first, last, _, _ in names_before_titles(out):
        chunks = comma_chunks(tokens, first, last)
        if len(chunks) < 2:
            continue
        tail = chunks[-1]
        words = [tokens[k].text for k in tail]
        run = [tokens[k].text.lower() for k in range(first, last + 1)]
        if (
            not words[0][:1].isupper()
            or any(_INITIAL_TOKEN.match(w) or (w.isupper() and len(w) <= 3) for w in words)
            or any(w in JOINING or w.strip("().") in _NOT_NAMES for w in run)
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
    chunks = comma_chunks(tokens, first, last)
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
    if JOINING.isdisjoint(map(str.lower, token_texts(tokens))):
        return out
    for first, last, start, end in names_before_titles(out):
        if tokens[last].text.endswith(".") or tokens[last].text == ":":
            continue
        stop = next(
            (k for k in range(start, min(end, start + 12))
             if tokens[k].text.endswith(".") and not _INITIAL_TOKEN.match(tokens[k].text)),
            -1,
        )  # fmt: skip
        if stop < 0:
            continue
        words = [t.text for t in tokens[start : stop + 1] if is_word(t)]
        joined = [w for w in words if w.lower() in JOINING]
        names = [w for w in words if w.lower() not in JOINING]
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
    for first, last, _, _ in names_before_titles(out):
        chunks = comma_chunks(tokens, first, last)
        if len(chunks) < 2 or not _is_a_given_first_name([tokens[k].text for k in chunks[0]]):
            continue
        run = [tokens[k].text.lower() for k in range(first, last + 1)]
        if any(w in JOINING or w.strip("().") in _NOT_NAMES for w in run):
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
    found = _pieces_after_the_first_name(tokens, out, (L.DATE, L.PLACE, L.PUBLISHER))
    if found is None:
        return out
    last, rest = found
    if not rest or not tokens[rest[0][0]].text[:1].isupper():
        return out
    for k in range(rest[0][0], last + 1):
        out[k] = L.TITLE
    publisher = rest[-1]
    if len(rest) > 1 and L.PUBLISHER not in out and len(publisher) <= 4:
        for k in range(publisher[0], last + 1):
            out[k] = L.PUBLISHER
    return out


def an_untitled_article_keeps_one_name(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """The article's form of the rule above: in "Karl Bosl, Reichsaristokratie und
    Uradel, Zeitschrift für bayerische Landesgeschichte, 21, 1958" the tagger read the
    title into the names, and the journal follows them. With no title found and the
    journal straight after the names, words after the first name that are no more
    names are the title."""
    out = list(labels)
    if L.TITLE in out or L.CONTAINER not in out or L.AUTHOR not in out:
        return out
    found = _pieces_after_the_first_name(tokens, out, (L.CONTAINER,))
    if found is None:
        return out
    last, rest = found
    if len(rest) != 1 or not tokens[rest[0][0]].text[:1].isupper():
        return out
    if any(tokens[k].text.lower() in _GROUP_WORDS for k in rest[0]):
        return out  # "R. Diener, LCTPC Collaboration, JINST ...": a second author
    for k in range(rest[0][0], last + 1):
        out[k] = L.TITLE
    return out


_GROUP_WORDS = frozenset(("collaboration", "group", "consortium", "team"))


def _pieces_after_the_first_name(
    tokens: Sequence[Token], labels: Sequence[str], followers: tuple[str, ...]
) -> tuple[int, list[list[int]]] | None:
    """For the two rules above: where the first run of names is followed by one of
    ``followers`` and goes on after its first name with words that are no more names,
    the run's last token and the pieces (between commas) after the first name."""
    runs = label_runs(labels)
    index = next((i for i, (first, _) in enumerate(runs) if labels[first] == L.AUTHOR), -1)
    if index + 1 >= len(runs) or labels[runs[index + 1][0]] not in followers:
        return None
    first, last = runs[index]
    end = _first_name_ends(tokens, first, last)
    if end < 0 or end >= last or _looks_like_more_names(tokens, end + 1, last):
        return None
    return last, comma_chunks(tokens, end + 1, last)


def names_end_at_et_al(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """In "edited by Julian Cooper et al., Macmillan, 1995" the names end at "et al.".

    Capitalised words after "et al.," in a run of editors, with the date next and no
    publisher found, are the publisher (MLA's "edited by Editor et al., Publisher,
    Year"). Authors' "et al." is left alone: a journal follows it in science styles.
    """
    out = list(labels)
    for first, last in _editors_before_a_date(out):
        al = next(
            (k for k in range(first + 1, last) if tokens[k].text in ("al.", "al")
             and tokens[k - 1].text == "et"),
            -1,
        )  # fmt: skip
        if al < 0:
            continue
        words = [k for k in range(al + 1, last + 1) if is_word(tokens[k])]
        if (
            words
            and len(words) <= 4
            and tokens[al + 1].text == ","
            and all(tokens[k].text[:1].isupper() for k in words[:1])
        ):
            for k in range(words[0], last + 1):
                out[k] = L.PUBLISHER
    return out


def _editors_before_a_date(labels: Sequence[str]) -> list[tuple[int, int]]:
    """The runs of editors that the date follows, when no publisher was found: where
    MLA's "edited by ..., Publisher, Year" may hide its publisher."""
    if L.PUBLISHER in labels or L.EDITOR not in labels:
        return []
    runs = label_runs(labels)
    return [
        (first, last)
        for (first, last), (following, _) in pairwise(runs)
        if labels[first] == L.EDITOR and labels[following] == L.DATE
    ]


def named_editors_end_before_the_publisher(
    tokens: Sequence[Token], labels: Sequence[str]
) -> list[str]:
    """In "edited by Mary Douglas, Tavistock, 1970" the names end before "Tavistock".

    After "edited by" names are written "Given Family", two words or more; a last
    piece of the run that is one capitalised word, with the date next and no
    publisher found, is the publisher (MLA's "edited by Editor, Publisher, Year").
    """
    out = list(labels)
    for first, last in _editors_before_a_date(out):
        cue = [tokens[k].text.lower() for k in range(first, min(first + 2, last + 1))]
        if cue != ["edited", "by"]:
            continue
        chunks = comma_chunks(tokens, first + 2, last)
        if len(chunks) < 2 or any(len(chunk) < 2 for chunk in chunks[:-1]):
            continue
        tail = chunks[-1]
        word = tokens[tail[0]].text
        one_word = len(tail) == 1 and word[:1].isupper() and not _INITIAL_TOKEN.match(word)
        if one_word or _an_imprints_name(tokens, tail):
            for k in range(tail[0], last + 1):
                out[k] = L.PUBLISHER
    return out


# The last words of the imprints that literary editions come from, which no person's
# name ends in: "Penguin Classics", "Oxford World's Classics", "Everyman's Library",
# besides the publishers' own words ("Penguin Books", "Harvard UP").
_IMPRINT_ENDINGS = frozenset({"classics", "library", "paperbacks"})


def _an_imprints_name(tokens: Sequence[Token], chunk: Sequence[int]) -> bool:
    words = [tokens[k].text.strip(".,;:").lower() for k in chunk]
    return words[-1] in _IMPRINT_ENDINGS or names_a_publisher(words)


# Capitalised, as a sentence opens: "Rev. ed." and "2nd ed." are editions.
_EDITED_BY = frozenset(("Ed.", "Eds."))


def an_editors_cue_after_a_full_stop_opens_names(
    tokens: Sequence[Token], labels: Sequence[str]
) -> list[str]:
    """MLA names the editors of a book after its title, in a sentence of their own:
    "Lyra Britannica: A Collection of British Hymns. Ed. Charles Rogers. London: ...".
    An "Ed." or "Eds." that opens a sentence in the book's name or its imprint, with
    only names (capitalised words, initials, "and") up to the next full stop, opens
    the editors; the full stop closes them."""
    out = list(labels)
    texts = token_texts(tokens)
    if _EDITED_BY.isdisjoint(texts):
        return out
    for k in range(1, len(tokens) - 1):
        if texts[k] not in _EDITED_BY or not texts[k - 1].endswith("."):
            continue
        if out[k] not in (L.CONTAINER, L.PUBLISHER, L.PLACE):
            continue
        end = _names_to_the_full_stop(tokens, k + 1)
        if end < 0:
            continue
        for j in range(k, end + 1):
            out[j] = L.EDITOR
    return out


def _names_to_the_full_stop(tokens: Sequence[Token], first: int) -> int:
    """The token that ends a sentence of names from ``first`` (a word with its full
    stop, not an initial), or -1 when a word that is no name comes first."""
    for k in range(first, min(first + 24, len(tokens))):
        text = tokens[k].text
        if text in (",", "'", "’") or text in JOINING:
            continue
        if not text[:1].isupper() and not (len(text) <= 3 and text.isalpha()):
            return -1  # a word of the title, a year
        if text.endswith(".") and not _INITIAL_TOKEN.match(text) and k > first:
            return k
    return -1


_ROLE_AFTER_NAMES = frozenset(("ed.", "eds.", "Ed.", "Eds."))
_NAMES_OPEN_AFTER = frozenset(("”", "’", '"', ":", ";"))


def names_then_ed_then_the_book(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """A chapter's book written "Given Family and Given Family, eds. Book Title." after the
    chapter's title ("“Plädoyer ...” Ralf Schneider, ed. Literaturwissenschaft in Theorie
    und Praxis. Tübingen: Narr"): the names before ", ed." are the editors and the words
    after it, to their full stop, the book the chapter is in."""
    out = list(labels)
    texts = token_texts(tokens)
    if L.TITLE not in out or _ROLE_AFTER_NAMES.isdisjoint(texts):
        return out
    for k in range(3, len(tokens) - 1):
        if texts[k] not in _ROLE_AFTER_NAMES or texts[k - 1] != ",":
            continue
        start = _names_back_to_their_opening(texts, k - 2)
        if start < 0 or L.TITLE not in out[:start]:
            continue
        end = _book_to_its_full_stop(tokens, texts, k + 1)
        if end < 0 or not {out[j] for j in range(k + 1, end + 1)} <= _BOOK_LABELS:
            continue
        for j in range(start, k + 1):
            out[j] = L.EDITOR
        for j in range(k + 1, end + 1):
            out[j] = L.CONTAINER
    return out


_BOOK_LABELS = frozenset((L.EDITOR, L.CONTAINER, L.TITLE))


def _names_back_to_their_opening(texts: Sequence[str], last: int) -> int:
    """Where names ending at ``last`` begin: back to a closing quote, a colon or a full
    stop, over capitalised words, initials and "and" only; -1 if another word comes."""
    k = last
    while k >= 0 and texts[k] not in _NAMES_OPEN_AFTER:
        text = texts[k]
        if text.endswith(".") and not _INITIAL_TOKEN.match(text):
            break  # the full stop of the sentence before
        if text != "," and text not in JOINING and not text[:1].isupper():
            return -1
        k -= 1
    start = k + 1
    words = [t for t in texts[start : last + 1] if t not in JOINING and t != ","]
    if len(words) < 2 or words[0] in ("In", "In:"):
        return -1  # "In Cultural Performances, ed. Mary Bucholtz": the book, then names
    return start


def _book_to_its_full_stop(tokens: Sequence[Token], texts: Sequence[str], first: int) -> int:
    """The token whose full stop ends a capitalised title from ``first``, or -1; the
    title must read as one, not as more names ("In Famulus Christi, ed. Gerald Bonner."):
    a word in lower case or a colon says so."""
    if not texts[first][:1].isupper():
        return -1
    titled = False
    for k in range(first, min(first + 40, len(texts))):
        text = texts[k]
        titled = titled or text == ":" or (text[:1].islower() and text not in JOINING)
        if text.endswith((".", "?", "!")) and len(text) > 2 and is_word(tokens[k]):
            return k if titled else -1
    return -1
