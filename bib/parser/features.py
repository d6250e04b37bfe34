"""Token features for the reference tagger.

Each token gets its own features (word, shape, lexicon hints, where it stands and what
encloses it), then its neighbours' words and shapes in a ±2 window, so that the tagger
sees "pp. 286-314" or "(London: Pimlico" as patterns. Features are plain strings,
which is what crfsuite takes, and are computed once per token.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from bib.parser.tokens import Token

_YEAR = re.compile(r"^[(\[]?(1[5-9]\d\d|20[0-4]\d)[a-z]?[)\]]?$")
_RANGE = re.compile(r"^\d+[a-z]?\s?[-–—‒―]+\s?\d+[a-z]?$")
_ROMAN = re.compile(
    r"^(?=[MDCLXVI])M{0,3}(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})\.?$", re.I
)
_INITIAL = re.compile(r"^(?:[^\W\d_]\.)+$|^[A-Z]$|^[A-Z][a-z]?\.-?[A-Z]\.$")

_LEXICON: dict[str, str] = {}


def _add(kind: str, words: str) -> None:
    for word in words.split():
        _LEXICON[word] = kind


_add(
    "month",
    "jan january feb february mar march apr april may jun june jul july aug august sep sept "
    "september oct october nov november dec december janvier février fevrier mars avril mai "
    "juin juillet août aout septembre octobre novembre décembre januar februar märz juni juli "
    "oktober dezember spring summer autumn fall winter printemps été automne hiver",
)
_add("pagecue", "pp p pages page s ss pgs seiten str")
_add("volcue", "vol vols volume volumes bd band t tome tomo jg jahrgang v vo")
_add("numcue", "no nos nr n number issue heft h num fasc iss nº n°")
_add("edcue", "ed eds editor editors edited hrsg hg hgg herausgegeben éd éds dir coord cura a")
_add("transcue", "trans transl translated tr übers übersetzt trad traduit traduction")
_add("incue", "in dans en im")
_add("and", "and & et und e y og en")
_add("etal", "al")
_add("pubword", "press presses university univ verlag éditions editions edizioni editore editorial "
     "publishers publishing publications books company co inc ltd gmbh buchhandlung libraire "
     "librairie imprimerie uitgeverij wydawnictwo izdatel'stvo editora presse universitaire "
     "universitaires up")  # fmt: skip
_add("thesis", "thesis dissertation thèse these diss phd ph.d doctoral dissertação tesi "
     "doktorarbeit habilitationsschrift master's msc")  # fmt: skip
_add("report", "report working paper technical memorandum bericht rapport")
_add("access", "accessed retrieved consulted abgerufen zugegriffen consulté visited available "
     "online viewed")  # fmt: skip
_add("edition", "edition edn aufl auflage édition edizione rev revised")
_add("review", "review reviews rezension compte-rendu")
_add("place", "london new york paris berlin oxford cambridge chicago boston princeton "
     "basingstoke manchester edinburgh munich münchen milano milan roma rome torino "
     "frankfurt leipzig wien vienna stuttgart hamburg madrid barcelona moscow moskva "
     "amsterdam leiden washington philadelphia toronto sydney tokyo bologna firenze napoli "
     "göttingen heidelberg bern zürich zurich basel geneva genève bruxelles brussels "
     "lyon harmondsworth ithaca berkeley")  # fmt: skip

# A neighbour's flags worth copying (not its window: that would snowball).
_FLAG_PREFIXES = ("k=", "year", "range", "initial", "emph", "caps", "url")
_QUOTE_OPEN = "“‘«„"
_QUOTE_CLOSE = "”’»"


def shape(word: str) -> str:
    """'Smith' -> 'Xx', 'J.' -> 'X.', '1990' -> 'd', '286-314' -> 'd-d'."""
    out: list[str] = []
    last = ""
    for ch in word:
        kind = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if kind != last:
            out.append(kind)
            last = kind
            if len(out) == 8:
                break
    return "".join(out)


def _kind(word: str) -> str:
    return _LEXICON.get(word.lower().rstrip(".:,").replace("’", "'"), "")


@dataclass(frozen=True, slots=True)
class _Word:
    """Everything about a token that does not depend on where it stands (cached)."""

    own: tuple[str, ...]
    # This word as seen from the token 2 after it, 1 after, 1 before, 2 before; its
    # flags as seen from the token after it and before it. Plain fields, not dicts:
    # this is the hot loop of parsing.
    as_minus2: tuple[str, ...]
    as_minus1: tuple[str, ...]
    as_plus1: tuple[str, ...]
    as_plus2: tuple[str, ...]
    flags_minus1: tuple[str, ...]
    flags_plus1: tuple[str, ...]
    left: str  # "-1w|w=" half of a bigram
    word: str
    period: bool  # closes a sentence-like piece ("." / ":" / "Studies.")
    year: bool


@lru_cache(maxsize=65536)
def _word(text: str, emphasis: bool) -> _Word:
    lower = text.lower()
    word = lower.rstrip(".") or lower
    shp = shape(text)
    feats = [f"w={word}", f"s={shp}"]
    if len(word) > 3 and word.isalpha():
        feats.append(f"suf={word[-3:]}")
    if text.endswith("."):
        feats.append("dot")
    if text[:1].isupper():
        feats.append("cap")
        if text.isupper() and len(text) > 1 and text.isalpha():
            feats.append("caps")
    year = bool(_YEAR.match(text))
    if year:
        feats.append("year")
    elif _RANGE.match(text):
        feats.append("range")
    elif text.isdigit():
        feats.append(f"num{min(len(text), 5)}")
    initial = bool(_INITIAL.match(text))
    if initial:
        feats.append("initial")
    elif _ROMAN.match(text) and text[:1].isupper():
        feats.append("roman")
    if text.startswith(("http", "www.")):
        feats.append("url")
    elif "10." in text and "/" in text:
        feats.append("doi")
    kind = _kind(text)
    if kind:
        feats.append(f"k={kind}")
    if emphasis:
        feats.append("emph")
    flags = [f for f in feats if f.startswith(_FLAG_PREFIXES)]
    return _Word(
        own=tuple(feats),
        # Shapes only for the nearest neighbours: further ones cost speed, not accuracy.
        as_minus2=(f"-2w={word}",),
        as_minus1=(f"-1w={word}", f"-1s={shp}"),
        as_plus1=(f"1w={word}", f"1s={shp}"),
        as_plus2=(f"2w={word}",),
        flags_minus1=tuple(f"-1{f}" for f in flags),
        flags_plus1=tuple(f"1{f}" for f in flags),
        left=f"-1w|w={word}|",
        word=word,
        period=text in ".:" or (text.endswith(".") and len(text) > 3 and not initial),
        year=year,
    )


def token_features(tokens: Sequence[Token], text: str = "") -> list[list[str]]:
    """The feature strings of each token; ``text`` is the string offsets point into."""
    n = len(tokens)
    words = [_word(tok.text, tok.emphasis) for tok in tokens]
    out: list[list[str]] = []
    paren = bracket = 0
    quoted = False
    periods = years = 0
    for i, tok in enumerate(tokens):
        t = tok.text
        w = words[i]
        feats = list(w.own)
        feats.append(_POS[10 * i // n])
        if i == 0:
            feats.append("first")
        if i == n - 1:
            feats.append("last")
        # Context that a ±2 window cannot see: enclosing brackets and quotes, and how
        # many sentence breaks and years came before (fields follow a rough order).
        if t == "(":
            paren += 1
        elif t == "[":
            bracket += 1
        if paren > 0:
            feats.append("inparen")
        if bracket > 0:
            feats.append("inbracket")
        if t in _QUOTE_OPEN or (t in "\"'" and not quoted):
            quoted = True
        elif t in _QUOTE_CLOSE or t in "\"'":
            quoted = False
        elif quoted:
            feats.append("inquote")
        feats.append(_SEG[min(periods, 5)])
        feats.append(_YRS[min(years, 2)])
        if text and 0 < tok.start <= len(text) and not text[tok.start - 1].isspace():
            feats.append("glued")
        if i > 1:
            feats.extend(words[i - 2].as_minus2)
        else:
            feats.append("-2w=<edge>")
        if i > 0:
            before = words[i - 1]
            feats.extend(before.as_minus1)
            feats.append(before.left + w.word)
            feats.extend(before.flags_minus1)
        else:
            feats.append("-1w=<edge>")
        if i + 1 < n:
            after = words[i + 1]
            feats.extend(after.as_plus1)
            feats.append(f"w|+1w={w.word}|{after.word}")
            feats.extend(after.flags_plus1)
        else:
            feats.append("1w=<edge>")
        if i + 2 < n:
            feats.extend(words[i + 2].as_plus2)
        else:
            feats.append("2w=<edge>")
        out.append(feats)
        if t == ")" and paren > 0:
            paren -= 1
        elif t == "]" and bracket > 0:
            bracket -= 1
        periods += w.period
        years += w.year
    return out


_POS = tuple(f"pos={i}" for i in range(10))
_SEG = tuple(f"seg={i}" for i in range(6))
_YRS = tuple(f"yrs={i}" for i in range(3))
