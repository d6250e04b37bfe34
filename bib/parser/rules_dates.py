"""Relabelling rules for years and pages: a year read into a title or into the pages."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress

from bib import patterns
from bib.parser import labels as L
from bib.parser.rules_common import (
    OPENING,
    YEAR_TOKEN,
    is_word,
    is_year_range,
    label_runs,
    token_texts,
)
from bib.parser.tokens import Token

_PAGE_CUE_TOKEN = patterns.compile(r"^(?:pp?|pages?|s|ss|seiten)\.?$", re.IGNORECASE)


def pages_that_are_years(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """In a book, "1917-53" after the title is part of it, not a page range."""
    out = list(labels)
    if L.CONTAINER in out or L.PAGES not in out:
        return out
    for first, last in label_runs(labels):
        if out[first] != L.PAGES or _PAGE_CUE_TOKEN.match(tokens[first].text):
            continue
        words = [t.text for t in tokens[first : last + 1] if is_word(t)]
        if len(words) != 1 or not is_year_range(words[0]):
            continue
        before = out[first - 1] if first else ""
        for k in range(first, last + 1):
            out[k] = L.TITLE if before == L.TITLE else L.NOTE
    return out


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
    if any(YEAR_TOKEN.match(token.text) for token in dates):
        return out
    first = out.index(L.TITLE)
    last = first
    while last + 1 < len(out) and out[last + 1] == L.TITLE:
        last += 1
    words = [k for k in range(first, last + 1) if is_word(tokens[k])]
    if len(words) < 3:
        return out
    if YEAR_TOKEN.match(tokens[words[0]].text):
        end = words[0]
        while end + 1 <= last and not is_word(tokens[end + 1]) and tokens[end + 1].text in ":).":
            end += 1
        for k in range(first, end + 1):
            out[k] = L.DATE
    elif YEAR_TOKEN.match(tokens[words[-1]].text) and tokens[words[-2]].text not in OPENING:
        for k in range(words[-1], last + 1):
            out[k] = L.DATE
    return out


def a_year_ending_its_sentence_is_the_date(
    tokens: Sequence[Token], labels: Sequence[str]
) -> list[str]:
    """With no year among the dates, a year after a comma that ends its sentence inside
    a title or a container is the date: an archive's item ("Metropolitan Board of
    Works, Minutes of Proceedings, 1858. MBW/1/5") or a report ("Annual Report of the
    Registrar-General, 1911. London: HMSO"). A year that opens the field, or one
    followed by more of its sentence ("Britain, 1800–1854"), stays where it is.
    """
    out = list(labels)
    dates = compress(tokens, map(L.DATE.__eq__, out))
    if any(YEAR_TOKEN.match(token.text) for token in dates):
        return out
    for k in range(2, len(tokens)):
        text = tokens[k].text
        if (
            out[k] in (L.TITLE, L.CONTAINER)
            and out[k - 1] == out[k] == out[k - 2]
            and tokens[k - 1].text == ","
            and text.endswith(".")
            and YEAR_TOKEN.match(text)
        ):
            out[k] = L.DATE
            return out
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
    if k + 2 >= len(out) or out[k] != L.TITLE or not YEAR_TOKEN.match(tokens[k].text):
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


_CLOSING = frozenset(")]")
_CLOSING_QUOTES = frozenset("\"”’'»")


def a_bracketed_year_after_the_title_is_the_titles(
    tokens: Sequence[Token], labels: Sequence[str]
) -> list[str]:
    """In "The Prelude: The Four Texts (1798, 1799, 1805, 1850). London: Penguin, 1995"
    and "De la Guerre (1832), trad. L. Murawiec, ..., 1999" the years in brackets after
    the title are its own (a first edition, the years it covers): when a later date
    holds a year, that is the date of the book, and the bracket stays in the title. A
    title closed by its quote ("Wakefield structures," (2015), presentation at ...)
    ends before the bracket."""
    out = list(labels)
    if L.DATE not in out or L.TITLE not in out:
        return out
    texts = token_texts(tokens)
    if "(" not in texts and "[" not in texts:
        return out
    runs = label_runs(out)
    for index, (first, last) in enumerate(runs[1:-1], start=1):
        if out[first] != L.DATE or out[runs[index - 1][0]] != L.TITLE:
            continue
        if tokens[first].text not in ("(", "[") or tokens[first - 1].text in _CLOSING_QUOTES:
            continue
        closing = next((k for k in range(first + 1, last + 1) if tokens[k].text in _CLOSING), -1)
        if closing < 0 or any(is_word(t) for t in tokens[closing + 1 : last + 1]):
            continue
        later = range(last + 1, len(out))
        if any(out[k] == L.DATE and YEAR_TOKEN.match(tokens[k].text) for k in later):
            for k in range(first, last + 1):
                out[k] = L.TITLE
    return out


def _is_number(text: str) -> bool:
    return text.rstrip(".").isdigit()


def _is_page(text: str) -> bool:
    """ "81", "81.", "1135-1140": a page or a range of pages."""
    return all(map(_is_number, text.rstrip(".").replace("–", "-").split("-", 1)))


def a_volume_then_its_page(tokens: Sequence[Token], labels: Sequence[str]) -> list[str]:
    """Physics and chemistry cite "Journal, Volume, Page" with no cue ("Inorg. Chim.
    Acta, 47, 81 (1980)"; "J Appl Phys 1987, 62, 243"): with no pages found, two bare
    numbers that the tagger gave one label, volume or pages, are the volume and then
    the page; not a second number of 12 or less, as often the issue ("Proc. IEEE 63,
    9")."""
    out = list(labels)
    if (L.PAGES in out) == (L.VOLUME in out) or L.CONTAINER not in out:
        return out
    label = L.VOLUME if L.VOLUME in out else L.PAGES
    runs = [run for run in label_runs(out) if out[run[0]] == label]
    if len(runs) != 1:
        return out
    first, last = runs[0]
    words = [k for k in range(first, last + 1) if is_word(tokens[k])]
    if len(words) != 2 or words[1] != words[0] + 2 or tokens[words[0] + 1].text != ",":
        return out
    if not _is_number(tokens[words[0]].text) or not _is_page(tokens[words[1]].text):
        return out
    second = tokens[words[1]].text.rstrip(".")
    if second.isdigit() and int(second) <= 12:
        return out  # "Proceedings of the IEEE 63, 9": as likely the issue (a month's)
    for k in range(first, words[0] + 2):
        out[k] = L.VOLUME
    for k in range(words[1], last + 1):
        out[k] = L.PAGES
    return out


def a_number_after_the_year_is_the_page(
    tokens: Sequence[Token], labels: Sequence[str]
) -> list[str]:
    """In "Phys. Rev. D 73 (2006), 034005." the article's number (its page) follows the
    year: with a volume found and no pages, a number of three digits or more, or a range,
    that the tagger read into the date after its year, is the page."""
    out = list(labels)
    if L.PAGES in out or L.VOLUME not in out or L.DATE not in out:
        return out
    last = len(out) - 1
    while last > 0 and not is_word(tokens[last]):
        last -= 1
    if out[last] != L.DATE or YEAR_TOKEN.match(tokens[last].text):
        return out
    text = tokens[last].text.rstrip(".")
    if not _is_page(text) or (text.isdigit() and len(text) < 3):
        return out
    if not any(YEAR_TOKEN.match(tokens[k].text) for k in range(last)):
        return out
    for k in range(last, len(out)):
        out[k] = L.PAGES
    return out
