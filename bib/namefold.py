"""Folding personal names so that spellings of one person compare equal.

``fold_name`` maps a family name to a key that ignores case, diacritics,
hyphens, spaces and particles' capitals, and the usual competing
romanisations of Russian and other Cyrillic names: -sky/-skii/-skiy/-ski,
kh/h/ch, zh/j/dj, iu/yu/ju, ia/ya/ja, ye/e, ts/tz/cz, c/k, w/v, doubled letters, and
the German umlaut written out (ue, oe, ae). Two different romanisations of
one Cyrillic name fold to the same key; two different names seldom do.

``are_variants`` adds the typing slips that folding cannot undo (one letter
dropped, added, changed or swapped) and refuses a name and its derived
adjective (Stalin / Stalinist).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from rapidfuzz.distance import DamerauLevenshtein

from bib import patterns

_LETTER_MAP = str.maketrans(
    {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ı": "i"}
)

# Ordered: endings first (so "-tsky" keeps its "s"), then digraphs, then letters.
_ENDINGS = patterns.compile(r"(?:skii|skiy|skij|skyi|sky|ski|skyj)$")
_TRANSLIT = (
    ("tsch", "ch"),  # German: Tschernenko, Chruschtschow
    ("shch", "sh"),
    ("sch", "sh"),
    ("tch", "ch"),
    ("kh", "h"),
    ("ch", "h"),
    ("iu", "u"),
    ("yu", "u"),
    ("ju", "u"),
    ("ia", "a"),
    ("ya", "a"),
    ("ja", "a"),
    ("ye", "e"),
    ("je", "e"),
    ("ie", "e"),
    ("ue", "u"),
    ("oe", "o"),
    ("ae", "a"),
    ("dzh", "j"),
    ("dj", "j"),
    ("zh", "j"),
    ("tz", "c"),
    ("ts", "c"),
    ("cz", "c"),
    ("ck", "k"),
    ("ph", "f"),
    ("x", "ks"),
    ("w", "v"),
    ("y", "i"),
)
# Russian ё after a consonant, written e, yo, io or jo: Fedorov, Fyodorov, Fiodorov;
# Semenov, Semyonov; Pyotr, Petr. (At the start of a name "Jo" is as often English.)
_YO = patterns.compile(r"(?<=[bcdfghklmnprstvz])(?:yo|io|jo)")
_HARD_C = patterns.compile(r"c(?=[aou]|$)")
_DOUBLES = patterns.compile(r"(.)\1+")
_NOT_LETTERS = patterns.compile(r"[^a-z]")

# Endings that make an adjective or a follower out of a name: Stalinist, Trotskyite,
# Napoleonic, Marxian, Hegelianism, Thatcherite, Bonapartism.
# Shakespearean, Elizabethan, Victorian (a final vowel gives way: Shakespear-ian too).
_DERIVED = patterns.compile(
    r"^(?:ist|ists|ism|isms|ite|ites|ian|ians|ianism|ic|ics|esque|ist's|an|ans|ean|eans)$"
)


@lru_cache(maxsize=65536)
def ascii_letters(name: str) -> str:
    """Lower-case ASCII letters only: diacritics, case, hyphens and spaces go."""
    decomposed = unicodedata.normalize("NFKD", name.lower().translate(_LETTER_MAP))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_LETTERS.sub("", plain)


@lru_cache(maxsize=8192)
def fold_name(name: str) -> str:
    """The key under which spellings of one family name meet."""
    folded = _ENDINGS.sub("ski", ascii_letters(name))
    folded = _YO.sub("e", folded)
    for written, spoken in _TRANSLIT:
        folded = folded.replace(written, spoken)
    folded = _HARD_C.sub("k", folded)
    return _DOUBLES.sub(r"\1", folded)


def is_derived(name: str, other: str) -> bool:
    """Whether one is the other plus a derivational ending (Stalin / Stalinist)."""
    a, b = ascii_letters(name), ascii_letters(other)
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    stems = (short, short[:-1]) if short.endswith(("a", "e", "y")) else (short,)
    return any(
        len(stem) >= 4 and long.startswith(stem) and _DERIVED.match(long[len(stem) :]) is not None
        for stem in stems
    )


def allowed_slips(length: int) -> int:
    """How many typing slips a name of this length may carry and stay itself."""
    if length < 5:
        return 0
    return 1 if length < 10 else 2


# The scholarly transliteration's háček letters, as English romanisation writes them:
# Ševčenko is Shevchenko, Ežov is Ezhov. (Dropping the háček, Zizek, is folding's own.)
_HACEK = str.maketrans({"š": "sh", "Š": "Sh", "č": "ch", "Č": "Ch", "ž": "zh", "Ž": "Zh"})


def fold_keys(name: str) -> frozenset[str]:
    """The keys a name's spellings meet under: its fold, and the fold of its háčeks
    spelled out when it has any."""
    return frozenset((fold_name(name), fold_name(name.translate(_HACEK))))


def variant_keys(name: str) -> frozenset[str]:
    """First letters a variant of the name shares with it: two names with none in common
    are never ``are_variants`` (it asks for the same first letter, folded or plain)."""
    return frozenset((*(key[:1] for key in fold_keys(name)), ascii_letters(name)[:1]))


@lru_cache(maxsize=65536)
def are_variants(name: str, other: str) -> bool:
    """Whether two written family names are most likely one person's name."""
    if name == other:
        return False
    return any(
        _near(name, other, a, b) for a in fold_keys(name) for b in fold_keys(other)
    ) and not is_derived(name, other)


def _near(name: str, other: str, a: str, b: str) -> bool:
    """Whether two folded keys of the names are the same name, or slips apart."""
    if not a or not b:
        return False
    if a != b:
        slips = allowed_slips(min(len(a), len(b)))
        if slips == 0 or abs(len(a) - len(b)) > slips:
            return False
        if a[0] != b[0] and ascii_letters(name)[:1] != ascii_letters(other)[:1]:
            return False
        if DamerauLevenshtein.distance(a, b, score_cutoff=slips) > slips:
            return False
    return True
