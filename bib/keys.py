"""Citation keys: short, readable, stable.

A key is ``familyYEAR``: the first author's family name (the first editor's when
there is no author), folded to lowercase ASCII letters, then the first four-digit
year in the year field, or ``nd`` when there is none.

- Particles are dropped: the key comes from ``Name.family`` alone, so
  "van der Linden" gives ``linden``. A family name of several words is joined:
  "Lloyd George" gives ``lloydgeorge``, "World Health Organization"
  ``worldhealthorganization``.
- Folding removes diacritics (``Žižek`` -> ``zizek``), spells out letters that do
  not decompose (``ß`` -> ``ss``, ``æ`` -> ``ae``, ``ø`` -> ``o``...), transliterates
  Cyrillic and Greek simply (``Хлевнюк`` -> ``khlevnyuk``), and drops everything
  else that is not an ASCII letter: digits, spaces, punctuation, other scripts.
- With no name (or one that folds to nothing) the stem is the first title word that
  is not an article or preposition; with no title either, ``anon``.
- Entries that would share a key all get a suffix, ``a``, ``b``... in list order
  (``whitewood2015a``, ``whitewood2015b``); after ``z`` come ``aa``, ``ab``...

Keys depend only on the entries' references and their order, so every run gives
the same keys.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence

from bib import patterns
from bib.model import Entry, Reference

_SPELLED_OUT = {
    "ß": "ss",
    "ẞ": "ss",
    "æ": "ae",
    "œ": "oe",
    "ø": "o",
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ı": "i",
    "ħ": "h",
    "ŋ": "ng",
}

# "-" marks the signs that are not spelled at all.
_CYRILLIC = {
    letter: latin.strip("-")
    for letter, latin in zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґўђјљњћџѓќѕ",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch - y - e yu ya i yi ye g u "
        "dj j lj nj c dz g k dz".split(),
        strict=True,
    )
}

_GREEK = dict(
    zip(
        "αβγδεζηθικλμνξοπρσςτυφχψω",
        "a b g d e z e th i k l m n x o p r s s t y ph ch ps o".split(),
        strict=True,
    )
)

_TRANSLITERATION = {**_SPELLED_OUT, **_CYRILLIC, **_GREEK}

# Words that make a poor key when the stem comes from the title.
_TITLE_STOPWORDS = frozenset(
    "a an the of on in at to for and or la le les l el los las der die das den ein eine"
    " il lo gli un une de des du".split()
)

_YEAR = patterns.compile(r"(?<![0-9])[0-9]{4}(?![0-9])")


def assign_keys(entries: Sequence[Entry]) -> tuple[Entry, ...]:
    """Copy each entry with its citation key set; see the module docstring for the scheme.

    >>> from bib.model import Name, Reference, Span
    >>> def entry(family: str, year: str) -> Entry:
    ...     return Entry("", Span(1), Reference(authors=(Name(family),), year=year))
    >>> [e.key for e in assign_keys([entry("Žižek", "2008"), entry("Carr", "")])]
    ['zizek2008', 'carrnd']
    """
    bases = [base_key(entry.reference) for entry in entries]
    counts = Counter(bases)
    taken = set(bases)
    keys: list[str] = []
    suffixes: dict[str, Iterator[str]] = {}
    for base in bases:
        if counts[base] == 1:
            keys.append(base)
            continue
        suffix = suffixes.setdefault(base, _suffixes())
        key = base + next(suffix)
        while key in taken:
            key = base + next(suffix)
        taken.add(key)
        keys.append(key)
    return tuple(entry._replace(key=key) for entry, key in zip(entries, keys, strict=True))


def ensure_keys(entries: Sequence[Entry]) -> tuple[Entry, ...]:
    """The entries, with generated keys for those that have none (see ``assign_keys``)."""
    if all(entry.key for entry in entries):
        return tuple(entries)
    generated = assign_keys(entries)
    return tuple(entry if entry.key else new for entry, new in zip(entries, generated, strict=True))


def base_key(reference: Reference) -> str:
    """The key before any disambiguating suffix: ``familyYEAR``."""
    match = _YEAR.search(reference.year)
    return _stem(reference) + (match.group() if match else "nd")


def fold(text: str) -> str:
    """Lowercase ASCII letters only: diacritics removed, other letters spelled out or dropped.

    >>> fold("Žižek"), fold("Straße"), fold("Хлевнюк"), fold("O'Brien-Smith")
    ('zizek', 'strasse', 'khlevnyuk', 'obriensmith')
    """
    letters: list[str] = []
    for char in text.lower():
        if char in _TRANSLITERATION:
            letters.append(_TRANSLITERATION[char])
            continue
        for part in unicodedata.normalize("NFKD", char):
            if "a" <= part <= "z":
                letters.append(part)
            else:
                letters.append(_TRANSLITERATION.get(part, ""))
    return "".join(letters)


def _stem(reference: Reference) -> str:
    names = reference.authors or reference.editors
    stem = fold(names[0].family) if names else ""
    if stem:
        return stem
    words = [fold(word) for word in reference.title.split()]
    words = [word for word in words if word]
    for word in words:
        if word not in _TITLE_STOPWORDS:
            return word
    return words[0] if words else "anon"


def _suffixes() -> Iterator[str]:
    """a, b, ... z, aa, ab, ...: bijective base 26, so no suffix is a prefix of an earlier one."""
    n = 0
    while True:
        n += 1
        label = ""
        rest = n
        while rest:
            rest, digit = divmod(rest - 1, 26)
            label = chr(ord("a") + digit) + label
        yield label
