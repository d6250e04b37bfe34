"""Relabelling rules for titles and containers: quotation marks, brackets and italics
that close a title, "In" that opens a book, editions and media written after a title,
a journal the tagger took for a publisher or the reverse."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress, pairwise

from bib import patterns
from bib.parser import labels as L
from bib.parser.rules_common import (
    JOINING,
    YEAR_TOKEN,
    is_word,
    is_year_range,
    label_runs,
    token_texts,
)
from bib.parser.tokens import Token

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


def close_brackets(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """A parenthesis opened inside a title or container closes inside it.

    "International Affairs (Royal Institute of International Affairs 1931-1939)" is one
    container even when the tagger hands its tail to the publisher and the date.
    """
    out = list(labels)
    if not any(t.text == "(" for t in tokens):
        return out
    for first, last in label_runs(labels):
        if out[first] not in (L.TITLE, L.CONTAINER):
            continue
        depth = 0
        opened = -1
        for k in range(first, last + 1):
            if tokens[k].text == "(":
                depth, opened = depth + 1, k
            elif tokens[k].text == ")" and depth:
                depth -= 1
        if depth != 1 or not any(is_word(t) for t in tokens[opened + 1 : last + 1]):
            continue
        close = next(
            (k for k in range(last + 1, min(len(tokens), last + 16)) if tokens[k].text == ")"),
            -1,
        )
        if close > 0 and all(tokens[k].text != "(" for k in range(last + 1, close)):
            while close + 1 < len(tokens) and not is_word(tokens[close + 1]):
                close += 1  # the punctuation that closes the field comes along
            for k in range(last + 1, close + 1):
                out[k] = out[first]
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
    if any(is_word(p) and not is_year_range(p) for p in pages):
        return list(labels)
    first = labels.index(L.CONTAINER)
    before = next((t for t in reversed(tokens[:first]) if is_word(t)), None)
    if any(t is not None and _IN_TOKEN.match(t.text) for t in (tokens[first], before)):
        return list(labels)  # "In Proceedings...": a container after all
    return [L.TITLE if label == L.CONTAINER else label for label in labels]


_IN_TOKEN = patterns.compile(r"^(?:in|dans|im)\b:?$", re.IGNORECASE)


def an_untitled_note_is_the_title(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """With no title anywhere, words labelled a note right after the names or the date
    are the title ("Browning, C. R. (1992). Ordinary men: Reserve Police Battalion
    101 ... HarperCollins."), and a last sentence of one to four capitalised words
    after it is the publisher."""
    out = list(labels)
    if L.TITLE in out or L.NOTE not in out:
        return out
    runs = label_runs(out)
    for index, (first, last) in enumerate(runs):
        if out[first] != L.NOTE:
            continue
        before = out[runs[index - 1][0]] if index else ""
        words = [k for k in range(first, last + 1) if is_word(tokens[k])]
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
    runs = label_runs(out)
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
        while k <= last and not is_word(tokens[k]):
            k += 1
        end = last
        if index + 1 < len(runs) and out[runs[index + 1][0]] == L.AUTHOR:
            end = runs[index + 1][1]  # "Michael" + "Joseph." read as a person
        words = [j for j in range(k, end + 1) if is_word(tokens[j])]
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
    if L.TITLE not in compress(out, map(_CLOSING.__contains__, token_texts(tokens))):
        return out  # no bracket closes inside a title
    for first, last in label_runs(labels):
        if out[first] != L.TITLE:
            continue
        close = last
        while close > first and not is_word(tokens[close]) and tokens[close].text not in _CLOSING:
            close -= 1
        opener = _CLOSING.get(tokens[close].text)
        if opener is None:
            continue
        start = next((k for k in range(close - 1, first, -1) if tokens[k].text == opener), -1)
        inside = [t.text for t in tokens[start + 1 : close] if is_word(t)]
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
        L.PUBLISHER not in out or "edition" not in " ".join(token_texts(tokens)).lower()
    ):
        return out
    runs = label_runs(out)
    for index, (first, last) in enumerate(runs):
        if out[first] == L.EDITION and index + 1 < len(runs):
            following = out[runs[index + 1][0]]
            cue = max(
                (k for k in range(first, last + 1) if _ends_an_edition(tokens[k].text)),
                default=-1,
            )
            k = cue + 1
            while 0 < k <= last and not is_word(tokens[k]):
                k += 1
            if cue >= 0 and k <= last and following in (L.PLACE, L.PUBLISHER):
                for j in range(k, last + 1):
                    out[j] = following
        elif out[first] == L.PUBLISHER:
            breaks = [k for k in range(first + 1, last) if tokens[k].text in ",;"]
            for cut in breaks:
                words = [t.text for t in tokens[cut + 1 : last + 1] if is_word(t)]
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
    runs = label_runs(labels)
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
    for first, last in label_runs(out):
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
    title = [k for k, label in enumerate(out) if label == L.TITLE and is_word(tokens[k])]
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
    texts = token_texts(tokens)
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


# Cues that name who translated or edited what follows ("Meno. Trans. and ed. R.W.").
_ROLE_CUES = frozenset("trans trans. transl transl. tr. tłum tłum. übers übers. trad trad.".split())


def a_title_does_not_end_in_a_role(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """In "Meno. Trans. and ed. R.W. Sharples" and "Człowiek - istota społeczna, tłum.
    Józef Radzicki" the cue that ends the title ("Trans. and", "tłum.") opens the field
    after it, the people it names."""
    out = list(labels)
    if _ROLE_CUES.isdisjoint(map(str.lower, token_texts(tokens))):
        return out
    for first, last in label_runs(labels):
        if out[first] != L.TITLE or last + 1 >= len(out):
            continue
        k = last
        while k > first and not is_word(tokens[k]):
            k -= 1
        if k > first and tokens[k].text.lower() in JOINING:
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
    if ")" not in token_texts(tokens):
        return out
    for first, last in label_runs(labels):
        if out[first] != L.TITLE:
            continue
        close = last
        while close > first and not is_word(tokens[close]) and tokens[close].text != ")":
            close -= 1
        if tokens[close].text != ")":
            continue
        opener = next((k for k in range(close - 1, first, -1) if tokens[k].text in "(;"), -1)
        colons = [k for k in range(opener + 1, close) if tokens[k].text == ":"]
        colon = colons[0] if len(colons) == 1 else -1  # "(Hemiptera: Reduviidae: ...)"
        if opener <= first or colon < 0:
            continue
        place = [t.text for t in tokens[opener + 1 : colon] if is_word(t)]
        year = close - 1 if YEAR_TOKEN.match(tokens[close - 1].text) else close
        publisher = [t.text for t in tokens[colon + 1 : year] if is_word(t)]
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


# What opens a volume or the pages without being a journal's name: "Vol. 3", "No. 2".
_NUMBER_CUE = patterns.compile(
    r"^(?:vols?|nos?|nr|n°|nº|pp?|pages?|s|ss|t|tome|bd|heft|issue|suppl|part|pt|art|fasc)\.?$",
    re.IGNORECASE,
)


def a_name_before_its_volume_is_the_journal(
    tokens: Sequence[Token], labels: Sequence[str]
) -> list[str]:
    """Astronomy and physics cite "Authors Year, Journal, Volume, Page" with no title
    ("Farnocchia, D., et al. 2013, Icarus, 224, 1"; "2013, HEDP, 9, 243"): with no
    container found, the words the tagger read into the volume or the pages, before a
    comma and a number, are the journal's name."""
    out = list(labels)
    if L.CONTAINER in out:
        return out
    runs = label_runs(out)
    for (start, _), (first, last) in pairwise(runs):
        if out[first] not in (L.VOLUME, L.PAGES) or out[start] not in (L.DATE, L.TITLE):
            continue
        comma = next((k for k in range(first, last) if tokens[k].text == ","), -1)
        if comma <= first or not tokens[comma + 1].text[:1].isdigit():
            continue
        name = tokens[first:comma]
        if _NUMBER_CUE.match(name[0].text) or any(ch.isdigit() for t in name for ch in t.text):
            continue
        if any(is_word(t) for t in name):
            for k in range(first, comma + 1):
                out[k] = L.CONTAINER
        break
    return out


_IN_CUES = frozenset(("In", "In:", "in:", "Dans", "dans", "Dans:", "dans:"))


def a_container_opens_at_its_in(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """ "In:" opens the book or journal a work is in ("Georg Feuser: Autismus In: Lernen
    Konkret 3(1984)1"; "... Brandenburger Schulen. In: Deutsche Lehrerzeitung"), so a
    container the tagger began before its cue begins at it: the words before are the
    title's, or, when the title was already closed by its quote, a note that takes the
    cue with it."""
    out = list(labels)
    texts = token_texts(tokens)
    if L.CONTAINER not in out or _IN_CUES.isdisjoint(texts):
        return out
    for first, last in label_runs(out):
        if out[first] != L.CONTAINER:
            continue
        cue = next((k for k in range(first + 1, last) if _opens_a_container(texts, k)), -1)
        if cue < 0:
            continue
        closed = first > 0 and out[first - 1] == L.TITLE and texts[first - 1] in _QUOTE_CLOSERS
        if closed or L.TITLE in out[last:]:
            # biblatex's "“Title”. eng. In: Nature 10": the language, then "In:" before
            # an article's journal as before a book; it says nothing of the type.
            end = cue + (texts[cue + 1] == ":")
            for k in range(first, end + 1):
                out[k] = L.NOTE
        else:
            for k in range(first, cue):
                out[k] = L.TITLE
        break
    return out


_QUOTE_CLOSERS = frozenset(_QUOTE_PAIRS.values())


def _opens_a_container(texts: Sequence[str], k: int) -> bool:
    """ "In:", "In :", "dans :", or "In" after a full stop, with a capitalised word after."""
    if texts[k] not in _IN_CUES:
        return False
    colon = texts[k].endswith(":") or texts[k + 1] == ":"
    after = texts[k + 1 + (texts[k + 1] == ":")] if k + 2 < len(texts) else ""
    return (colon or texts[k - 1].endswith(".")) and after[:1].isupper()


def _is_unspaced_script(text: str) -> bool:
    """Two characters or more of Chinese or Japanese, written without spaces between
    words, so that one token holds a whole field ("中藥辨証治療灼口綜合征臨床觀察.")."""
    return sum(1 for ch in text if "\u3040" <= ch <= "\u30ff" or "\u3400" <= ch <= "\u9fff") >= 2


_STOPS = frozenset(".。")


def unspaced_scripts_give_a_field_a_token(
    tokens: Sequence[Token], labels: Sequence[str]
) -> list[str]:
    """Chinese and Japanese references put no spaces between words, so each field is
    one token (or two with a space and no stop between), in the order authors, title,
    journal or book ("孫洪生, 李永民. 子和補意推原. 張家口醫學院學報. 2003. 20(6)."), and
    the tagger, which reads capitals and word shapes, finds no title. With no title
    found, a reference that opens with such a token has its authors up to the first
    full stop or year, then the title and the journal in the tokens after; a year
    between them is the date."""
    out = list(labels)
    if L.TITLE in out or not tokens or not _is_unspaced_script(tokens[0].text):
        return out
    n = len(tokens)
    end = 0  # the authors: to the first full stop, or before the year
    while end + 1 < n and tokens[end].text[-1:] not in _STOPS:
        after = tokens[end + 1].text
        if YEAR_TOKEN.match(after) or after in ("(", "（"):
            break
        end += 1
    written = [k for k in range(end + 1, n) if _is_unspaced_script(tokens[k].text)]
    if not written or end > 12:
        return out
    # A field of two tokens has a space and no stop between them ("季刊 考古學").
    fields: list[list[int]] = []
    for k in written:
        if fields and fields[-1][-1] == k - 1 and tokens[k - 1].text[-1:] not in ".,;:。，":
            fields[-1].append(k)
        else:
            fields.append([k])
    for k in range(end + 1):
        out[k] = L.AUTHOR
    for field, role in zip(fields, (L.TITLE, L.CONTAINER), strict=False):
        for k in field:
            out[k] = role
    for k in range(end + 1, fields[min(len(fields), 2) - 1][0]):
        if YEAR_TOKEN.match(tokens[k].text):
            out[k] = L.DATE
    return out


# Words that say what kind of document a work is, not where it appeared.
_GENRE_WORDS = frozenset(
    """unpublished manuscript ms typescript mimeo mimeograph preprint press release
    draft working paper memorandum memo lecture notes handout""".split()
)


_GENRE_SPELLINGS = frozenset(
    spelling
    for word in _GENRE_WORDS
    for cased in (word, word.capitalize(), word.upper())
    for spelling in (cased, cased + ".", cased + ",", "(" + cased)
)


def a_genre_is_no_container(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """ "Understanding the Impact of Interest Groups. Unpublished Manuscript." and "NBC
    spotlights law school. Press Release.": words that only say what kind of document
    the work is name no journal, place or publisher: a run of them that the tagger read
    as one is the genre."""
    out = list(labels)
    if _GENRE_SPELLINGS.isdisjoint(token_texts(tokens)):
        return out  # no such word at all, found by a C loop
    for first, last in label_runs(out):
        if out[first] not in (L.CONTAINER, L.PLACE, L.PUBLISHER) or last - first > 6:
            continue
        words = [t.text.strip(".,;:()").lower() for t in tokens[first : last + 1] if is_word(t)]
        if words and len(words) <= 3 and all(w in _GENRE_WORDS for w in words):
            for k in range(first, last + 1):
                out[k] = L.GENRE
    return out
