"""Token features for the reference tagger.

Each token gets its own features (word, shape, lexicon hints, where it stands and what
encloses it), then its neighbours' words and shapes in a ±2 window, so that the tagger
sees "pp. 286-314" or "(London: Pimlico" as patterns. Features are plain strings,
which is what crfsuite takes, and are computed once per token.
"""

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import groupby
from typing import NamedTuple

from bib import patterns
from bib.parser.tokens import Token

_YEAR = patterns.compile(r"^[(\[]?(1[5-9]\d\d|20[0-4]\d)[a-z]?[)\]]?$")
_RANGE = patterns.compile(r"^\d+[a-z]?\s?[-–—‒―]+\s?\d+[a-z]?$")
_ROMAN = patterns.compile(
    r"^(?=[MDCLXVI])M{0,3}(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})\.?$", re.I
)
_INITIAL = patterns.compile(r"^(?:[^\W\d_]\.)+$|^[A-Z]$|^[A-Z][a-z]?\.-?[A-Z]\.$")

_LEXICON: dict[str, str] = {}


def _add(kind: str, words: str) -> None:
    for word in words.split():
        _LEXICON[word] = f"k={kind}"


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
_add("jword", "journal journals j jour proceedings proc transactions annals annales ann "
     "bulletin bull quarterly studies stud magazine zeitschrift z revue rev rivista revista "
     "letters lett acta archives archiv arch jahrbuch cahiers quaderni conference conf "
     "symposium workshop newsletter gazette times herald")  # fmt: skip
_add("place", "london new york paris berlin oxford cambridge chicago boston princeton "
     "basingstoke manchester edinburgh munich münchen milano milan roma rome torino "
     "frankfurt leipzig wien vienna stuttgart hamburg madrid barcelona moscow moskva "
     "amsterdam leiden washington philadelphia toronto sydney tokyo bologna firenze napoli "
     "göttingen heidelberg bern zürich zurich basel geneva genève bruxelles brussels "
     "lyon harmondsworth ithaca berkeley")  # fmt: skip

_QUOTE_OPEN = "“‘«„"
_QUOTE_CLOSE = "”’»"


_ASCII_KINDS = str.maketrans(
    {chr(c): "X" if chr(c).isupper() else "x" if chr(c).isalpha() else "d" if chr(c).isdigit()
     else chr(c) for c in range(128)}
)  # fmt: skip


def shape(word: str) -> str:
    """'Smith' -> 'Xx', 'J.' -> 'X.', '1990' -> 'd', '286-314' -> 'd-d'."""
    if word.isascii():
        return "".join([kind for kind, _ in groupby(word.translate(_ASCII_KINDS))][:8])
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


class _Word(NamedTuple):
    """Everything about a token that does not depend on where it stands (cached).

    A NamedTuple: a frozen dataclass costs a ``object.__setattr__`` per field to build,
    and every new word in a reference builds one.
    """

    own: tuple[str, ...]
    # This word as seen from the token 2 after it, 1 after (with its flags), 1 before
    # (with its flags), 2 before. Plain fields, not dicts: this is the hot loop of parsing.
    as_minus2: str
    as_minus1: tuple[str, ...]
    as_plus1: tuple[str, ...]
    as_plus2: str
    left: str  # "-1w|w=word|": the first half of the bigram with the token after
    right: str  # "w|+1w=word|": the first half of the bigram with the token after
    word: str
    period: bool  # closes a sentence-like piece ("." / ":" / "Studies.")
    year: bool
    # For chunks (``_chunk_features``): ends a chunk; is a word (starts with a letter or
    # digit); 1/0 for a long word with/without a capital, -1 for others; the chunk
    # flags it raises, as bits of ``_CHUNK_FLAGS``; its coarse kind (``_kind``).
    breaks: bool
    alnum: bool
    case: int
    chunk_bits: int
    kind: str


@lru_cache(maxsize=65536)
def _word(text: str, emphasis: bool) -> _Word:
    lower = text.lower()
    word = lower.rstrip(".") or lower
    shp = shape(text)
    feats = [f"w={word}", f"s={shp}"]
    # The features a neighbour copies too (not its window: that would snowball).
    flags: list[str] = []
    if len(word) > 3 and word.isalpha():
        feats.append(f"suf={word[-3:]}")
    if text.endswith("."):
        feats.append("dot")
    if text[:1].isupper():
        feats.append("cap")
        if text.isupper() and len(text) > 1 and text.isalpha():
            flags.append("caps")
    year = bool(_YEAR.match(text))
    if year:
        flags.append("year")
    elif _RANGE.match(text):
        flags.append("range")
    elif text.isdigit():
        feats.append(_NUM[min(len(text), 5)])
    initial = bool(_INITIAL.match(text))
    if initial:
        flags.append("initial")
    elif text[:1].isupper() and _ROMAN.match(text):
        feats.append("roman")
    if text.startswith(("http", "www.")):
        flags.append("url")
    elif "10." in text and "/" in text:
        feats.append("doi")
    kind = _LEXICON.get(lower.rstrip(".:,").replace("’", "'"))
    if kind:
        flags.append(kind)
    if emphasis:
        flags.append("emph")
    feats += flags
    own = tuple(feats)
    period = text in ".:" or (text.endswith(".") and len(text) > 3 and not initial)
    long_word = len(text) > 3 and text.isalpha()
    return _Word(
        own=own,
        # Shapes only for the nearest neighbours: further ones cost speed, not accuracy.
        as_minus2=f"-2w={word}",
        as_minus1=(f"-1w={word}", f"-1s={shp}", *[f"-1{f}" for f in flags]),
        as_plus1=(f"1w={word}", f"1s={shp}", *[f"1{f}" for f in flags]),
        as_plus2=f"2w={word}",
        left=f"-1w|w={word}|",
        right=f"w|+1w={word}|",
        word=word,
        period=period,
        year=year,
        breaks=text in _BREAKS or period,
        alnum=text[:1].isalnum(),
        case=(1 if text[0].isupper() else 0) if long_word else -1,
        chunk_bits=_CHUNK_BITS.get(kind or "", 0) | (_YEAR_BIT if year else 0),
        kind=_kind(text, kind, year, initial),
    )


_NUM = tuple(f"num{i}" for i in range(6))


def token_features(tokens: Sequence[Token], text: str = "") -> list[list[str]]:
    """The feature strings of each token; ``text`` is the string offsets point into.

    The order of a token's features does not matter to the tagger; this order is the
    cheapest to build.
    """
    n = len(tokens)
    if not n:
        return []
    words = [_word(tok.text, tok.emphasis) for tok in tokens]
    chunks = _chunk_features(words)
    out: list[list[str]] = []
    paren = bracket = 0
    quoted = False
    periods = years = commas = 0
    size = len(text)
    last = n - 1
    for i, tok in enumerate(tokens):
        t = tok.text
        w = words[i]
        feats = [*w.own, _POS[10 * i // n], _SEG[periods if periods < 5 else 5],
                 _YRS[years if years < 2 else 2], _CMS[commas if commas < 4 else 4],
                 *chunks[i]]  # fmt: skip
        if i:
            before = words[i - 1]
            feats += before.as_minus1
            feats.append(before.left + w.word)
            feats.append(words[i - 2].as_minus2 if i > 1 else "-2w=<edge>")
        else:
            feats += _FIRST
        if i < last:
            after = words[i + 1]
            feats += after.as_plus1
            feats.append(w.right + after.word)
            feats.append(words[i + 2].as_plus2 if i + 1 < last else "2w=<edge>")
        else:
            feats += _LAST
        # Context that a ±2 window cannot see: enclosing brackets and quotes, and how
        # many sentence breaks and years came before (fields follow a rough order).
        if t == "(":
            paren += 1
        elif t == "[":
            bracket += 1
        if paren:
            feats.append("inparen")
        if bracket:
            feats.append("inbracket")
        if t in _QUOTE_OPEN or (t in "\"'" and not quoted):
            quoted = True
        elif t in _QUOTE_CLOSE or t in "\"'":
            quoted = False
        elif quoted:
            feats.append("inquote")
        start = tok.start
        if size and 0 < start <= size and not text[start - 1].isspace():
            feats.append("glued")
        out.append(feats)
        if t == ")" and paren:
            paren -= 1
        elif t == "]" and bracket:
            bracket -= 1
        periods += w.period
        commas += t == ","
        years += w.year
    return out


_FIRST = ("first", "-1w=<edge>", "-2w=<edge>")
_LAST = ("last", "1w=<edge>", "2w=<edge>")
_POS = tuple(f"pos={i}" for i in range(10))
_SEG = tuple(f"seg={i}" for i in range(6))
_YRS = tuple(f"yrs={i}" for i in range(3))
_CMS = tuple(f"cms={i}" for i in range(5))


# --- chunks: runs of words between punctuation -----------------------------------------

_BREAKS = frozenset(".,:;()[]/") | frozenset(_QUOTE_OPEN + _QUOTE_CLOSE + '"')
_CUES = {"k=pagecue", "k=volcue", "k=numcue", "k=edcue", "k=incue", "k=transcue", "k=access"}


def _kind(text: str, lexicon: str | None, year: bool, initial: bool) -> str:
    """A coarse class of a token, as seen from the chunk beside it."""
    if year:
        return "year"
    if text[:1].isdigit():
        return "num"
    if lexicon and lexicon in _CUES:
        return lexicon[2:]
    if initial:
        return "init"
    if text[:1].isupper():
        return "cap"
    if text[:1].isalpha():
        return "low"
    return "punct"


def _chunk_features(words: Sequence[_Word]) -> list[tuple[str, ...]]:
    """Features that describe the chunk a token is in and the chunks around it.

    A chunk ends at punctuation or at a word that closes a sentence ("Studies."). What
    tells a title from the journal after it is rarely one word: it is the case of the
    whole run, whether it holds a journal word, and what follows it (a volume number,
    "pp.", a year) - more than a +-2 window sees.
    """
    spans: list[tuple[int, int]] = []  # [start, end) of each chunk's tokens
    start = 0
    for i, word in enumerate(words):
        if word.breaks:
            spans.append((start, i + 1))
            start = i + 1
    if start < len(words):
        spans.append((start, len(words)))
    described: list[tuple[str, ...]] = []
    kinds: list[tuple[str, str]] = []  # (first kind, last kind) of each chunk's words
    for begin, end in spans:
        size = capitals = long = bits = 0
        first = last = ""
        for word in words[begin:end]:
            if not word.alnum:
                continue
            size += 1
            first = first or word.kind
            last = word.kind
            bits |= word.chunk_bits
            if word.case >= 0:
                long += 1
                capitals += word.case
        described.append(_chunk_description(min(size, 9), long and capitals / long, bits, long > 0))
        kinds.append((first, last) if size else ("punct", "punct"))
    # What the nearest chunk with words after (before) this one starts (ends) with.
    after = ["end"] * len(spans)
    for c in range(len(spans) - 2, -1, -1):
        after[c] = kinds[c + 1][0] if kinds[c + 1][0] != "punct" else after[c + 1]
    before = ["start"] * len(spans)
    for c in range(1, len(spans)):
        before[c] = kinds[c - 1][1] if kinds[c - 1][1] != "punct" else before[c - 1]
    out: list[tuple[str, ...]] = [()] * len(words)
    for c, (begin, end) in enumerate(spans):
        shared = (
            *described[c],
            f"ck.first={kinds[c][0]}",
            f"ck.next={after[c]}",
            f"ck.prev={before[c]}",
        )
        for i in range(begin, end):
            out[i] = shared
    return out


_CHUNK_SIZE = tuple(f"ck.n={n}" for n in (0, 1, 2, 3, 4, 4, 8, 8, 8, 9))


@lru_cache(maxsize=4096)
def _chunk_description(size: int, capitals: float, bits: int, has_long: bool) -> tuple[str, ...]:
    feats = [_CHUNK_SIZE[size]]
    if has_long:
        feats.append("ck.tc" if capitals > 0.75 else "ck.sc" if capitals < 0.35 else "ck.mc")
    feats += [name for bit, (_, name) in enumerate(_CHUNK_FLAGS) if bits >> bit & 1]
    return tuple(feats)


_CHUNK_FLAGS = (
    ("k=jword", "ck.jw"), ("k=pubword", "ck.pub"), ("k=place", "ck.pl"), ("year", "ck.yr"),
    ("k=edcue", "ck.ed"), ("k=thesis", "ck.th"), ("k=month", "ck.mo"),
)  # fmt: skip
# The flags above as bits, by the lexicon kind (or year) of a word that raises them.
_CHUNK_BITS = {flag: 1 << bit for bit, (flag, _) in enumerate(_CHUNK_FLAGS)}
_YEAR_BIT = _CHUNK_BITS["year"]
