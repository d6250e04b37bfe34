"""Normalising the strings that are compared: titles, names, pages, publishers.

Pure helpers for ``match`` (scoring) and ``compare`` (the field-by-field report).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

from bib import patterns
from bib.namefold import are_variants, fold_name

_APOSTROPHES = patterns.compile(r"['’‘`´ʼ]")
_NOT_WORD = patterns.compile(r"[^\w\s]|_")
_SUBTITLE = patterns.compile(r"\s*(?::|\s[-–—]{1,2}\s|—|\?\s)\s*")
_YEAR_RANGE = patterns.compile(r"\b(1[5-9]|20)(\d\d)\s*[-–—]+\s*(\d\d)\b(?![-–—]?\d)")
_NUMBER = patterns.compile(r"\d+")
STRONG = 0.95
_LEADING_ARTICLE = patterns.compile(r"^(?:the|a|an)\s+")
_PUBLISHER_NOISE = frozenset(
    "press books publishers publishing publisher ltd limited inc co company and the "
    "verlag editions group".split()
)


@lru_cache(maxsize=16384)
def normal(text: str) -> str:
    """Case, diacritics, apostrophes, punctuation and dashes folded away; words kept."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("&", " and "))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NOT_WORD.sub(" ", _APOSTROPHES.sub("", plain)).split())


def split_title(title: str) -> tuple[str, str]:
    """(main title, subtitle): the subtitle follows a colon or a spaced dash."""
    parts = _SUBTITLE.split(title.strip(), maxsplit=1)
    return (parts[0], parts[1]) if len(parts) == 2 and parts[1].strip() else (title, "")


def similarity(a: str, b: str) -> float:
    return fuzz.ratio(a, b) / 100.0


def title_similarity(a: str, b: str) -> float:
    """How alike two titles are (0..1) after normalising, forgiving a missing subtitle.

    When only one side has a subtitle its main title is also compared with the other's
    whole title (at a slight discount, so that a full agreement ranks first), provided
    the main title is long enough to mean something by itself.
    """
    full = similarity(normal(a), normal(b))
    a_main, a_sub = split_title(a)
    b_main, b_sub = split_title(b)
    if a_sub and b_sub:
        # One main title with subtitles worded differently ("1914-1991" / "the short
        # twentieth century, 1914-1991"): the subtitles must still share their words.
        mains = similarity(normal(a_main), normal(b_main))
        if mains < STRONG or len(normal(a_main)) < 8:
            return full
        subs = fuzz.token_set_ratio(normal(a_sub), normal(b_sub)) / 100.0
        return max(full, 0.9 * (mains + subs) / 2)
    if not a_sub and not b_sub:
        return full
    main, whole = (normal(a_main), normal(b)) if a_sub else (normal(b_main), normal(a))
    if len(main) < 8 or " " not in main:
        return full
    return max(full, 0.98 * similarity(main, whole))


def same_title(a: str, b: str) -> bool:
    """Equal after normalising, or equal but for a subtitle one side leaves out."""
    na, nb = normal(a), normal(b)
    if na == nb:
        return True
    a_main, a_sub = split_title(a)
    b_main, b_sub = split_title(b)
    if a_sub and not b_sub:
        return normal(a_main) == nb
    if b_sub and not a_sub:
        return normal(b_main) == na
    return False


def title_numbers(title: str) -> frozenset[str]:
    """The numbers in a title, with "1933–39" read as 1933 and 1939."""
    expanded = _YEAR_RANGE.sub(lambda m: f"{m[1]}{m[2]} {m[1]}{m[3]}", title)
    return frozenset(n.lstrip("0") or "0" for n in _NUMBER.findall(expanded))


def family_keys(family: str) -> frozenset[str]:
    words = family.replace("-", " ").split()
    keys = {fold_name(family)}
    if len(words) > 1:
        keys.add(fold_name(words[-1]))
    return frozenset(k for k in keys if k)


def same_person(a: str, b: str) -> bool:
    """Whether two family names are one person's (folding spellings and romanisations)."""
    if not a.strip() or not b.strip():
        return False
    return bool(family_keys(a) & family_keys(b)) or are_variants(a, b)


def normal_container(text: str) -> str:
    return _LEADING_ARTICLE.sub("", normal(text))


def container_similarity(a: str, b: str) -> float:
    na, nb = normal_container(a), normal_container(b)
    if not na or not nb:
        return 0.0
    return max(
        similarity(na, nb),
        fuzz.token_set_ratio(na, nb) / 100.0 if min(len(na.split()), len(nb.split())) >= 2 else 0.0,
    )


def publisher_similarity(a: str, b: str) -> float:
    wa = [w for w in normal(a).split() if w not in _PUBLISHER_NOISE]
    wb = [w for w in normal(b).split() if w not in _PUBLISHER_NOISE]
    if not wa or not wb:
        return 0.0
    return fuzz.token_set_ratio(" ".join(wa), " ".join(wb)) / 100.0


def normal_number(text: str) -> str:
    """A volume or issue without its label: "Vol. 52" -> "52"."""
    return normal(re.sub(r"(?i)^\s*(?:vol(?:ume)?|no|nr|issue|iss)\.?\s*", "", text))


def page_bounds(pages: str) -> tuple[str, str]:
    """(first, last) page, with an abbreviated last page written out: 1275-305 -> 1305."""
    parts = [p.strip() for p in re.split(r"\s*[-–—]+\s*", pages.strip()) if p.strip()]
    if not parts:
        return "", ""
    first = parts[0].lower()
    last = parts[-1].lower() if len(parts) > 1 else ""
    if first.isdigit() and last.isdigit() and len(last) < len(first):
        last = first[: len(first) - len(last)] + last
    return first, last
