"""Finding the places where an essay cites a source.

Three kinds of citation are found in the body and the notes:

* narrative mentions: a personal name with the grammar of citing around it, a
  reporting verb ("Harris argues", "writes Getty", "As Uldrick explains"),
  "according to X", "in X's words", a scholarly possessive ("Harris' argument"),
  a year in brackets ("Harris (2016)"), coordinated names sharing one verb
  ("Nikolaevskii, Kennan and Tucker have argued");
* parenthetical citations: "(Harris 2016, 45)", "(Harris, 2016, p. 45)",
  "(Fitzpatrick 42)", "(Getty and Naumov 1999; Harris 2016)";
* notes: a footnote's leading author ("J. Harris, The Great Fear, 45").

Persons who are only the subject of the essay (Stalin received reports,
Napoleon invaded) carry none of that grammar and are not citations. Strength
says how sure the grammar is: "strong" cues alone may report an author missing
from the list; "weak" ones (a past-tense verb: "Bukharin argued") only count
for authors the list has.

Everything here is pure and linear in the size of the text.
"""

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import NamedTuple

from bib import patterns
from bib.memo import remembered
from bib.model import Block, Document, Span

STRONG, WEAK = "strong", "weak"


class Citation(NamedTuple):
    """One place that cites an author."""

    family: str  # as written, particles included ("van der Linden")
    given: str  # as written before the family name, or ""
    span: Span  # where the family name stands
    kind: str  # "narrative", "parenthetical" or "note"
    strength: str  # STRONG or WEAK
    year: str = ""  # "2016", "2016a", or "" when none is given
    locator: str = ""  # the page, when the citation gives one
    title_hint: str = ""  # a title word given instead of a year (MLA: "(Harris, Great Fear 45)")
    opens_sentence: bool = False  # its first word opens a sentence, where any word is capitalised

    @property
    def name(self) -> str:
        return f"{self.given} {self.family}".strip()


class Mention(NamedTuple):
    """A capitalised word of the prose that may be a name, and where it stands."""

    word: str
    span: Span
    sentence_start: bool
    given: str = ""  # the given names or initials written before it ("Henry" of Henry Hunt)


# --- words -----------------------------------------------------------------

_WORD = patterns.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_PARTICLES = frozenset({"van", "von", "der", "den", "de", "du", "la", "le", "di", "da", "del"})
_PARTICLES |= {"della", "ten", "ter", "dos", "das", "al", "el", "bin", "ibn"}

# Capitalised words that open sentences or clauses and are never given names.
_FUNCTION_WORDS = frozenset(
    """a about above according across after afterwards again against all almost also although
    always among an and another any anyway are as at because before being besides both but
    by can certainly clearly consequently conversely could despite did do does during each
    either equally especially even eventually ever every evidently finally first firstly for
    former forthermore from further furthermore given hence her here hers herself him
    himself his historian historians historically how however i if importantly in indeed
    instead into is it its itself just later latter like likewise many meanwhile more
    moreover most much my namely neither nevertheless next no nonetheless nor not notably
    now of often on once one only or other otherwise our overall perhaps professor rather
    regardless secondly similarly since so some still subsequently such than that the their
    them then there therefore these they third thirdly this those though thus to too
    ultimately under unlike until upon we what whatever when whereas whether which while who
    whom whose why with within without writer writers yet you he she they we i one his hers
    dr mr mrs ms sir lord lady saint st scholar scholars critic critics author authors
    chapter section part volume figure fig table appendix see cf ibid idem op cit few several
    two three four five six seven eight nine ten twenty hundred thousand everyone everybody
    someone somebody anyone anybody nobody""".split()
)

# Reporting verbs in their base form; their inflections are generated below.
_REPORTING_VERBS = """
accept acknowledge add address admit agree analyse analyze argue ask assert assume attribute
believe calculate call caution challenge characterise characterize cite claim comment
compare concede conclude concur consider contend contest contrast counter criticise
criticize critique debate declare defend demonstrate deny depict describe detail disagree
discuss dismiss dispute document doubt downplay echo emphasise emphasize estimate examine
explain explore expose find highlight hold identify illustrate imply indicate insist
interpret investigate label locate maintain mention note observe offer outline overstate
point portray posit postulate propose put query question quote raise reason recognise
recognize recount refute regard reiterate reject remark repeat report reveal say show
speculate state stress suggest summarise summarize surmise term trace tell underline
underestimate understate urge warn wonder write""".split()
_IRREGULAR = {
    "find": ("found",),
    "hold": ("held",),
    "say": ("said",),
    "tell": ("told",),
    "write": ("wrote", "written", "writing"),
    "put": ("put",),
    "show": ("shown",),
}
# Words that are nouns as often as verbs: a verb only when a clause or object follows.
_NOUN_LIKE = frozenset(
    """states state points point notes note claims claim views terms reports report questions
    labels traces offers holds remarks documents details echoes counters comments estimates
    doubts contrasts addresses calls puts debates""".split()
)
_VERB_OBJECTS = frozenset(
    """that how what why whether out to this these those the a an his her their its our in on
    against for with is was""".split()
)


def _inflections(verb: str) -> Iterator[tuple[str, bool]]:
    """(form, is present or perfect-ready) for each form of a base verb."""
    stem = verb[:-1] if verb.endswith("e") else verb
    yield verb, False
    if verb.endswith("y") and verb[-2] not in "aeiou":
        yield verb[:-1] + "ies", True
        yield verb[:-1] + "ied", False
    elif verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        yield verb + "es", True
        yield stem + "ed", False
    else:
        yield verb + "s", True
        yield stem + "ed", False
    yield stem + "ing", False
    for form in _IRREGULAR.get(verb, ()):
        yield form, False


_REPORTING: dict[str, bool] = {
    form: present for verb in _REPORTING_VERBS for form, present in _inflections(verb)
}
# Verbs of doing scholarship, with no reporting in them: "Albert Soboul carried the
# framework through the Terror", "Walter Rodney pushed the argument". They cite only
# when their object is scholarship (below): "Peel carried the repeal" is history.
_DEED_VERBS = """advance apply bring broaden build carry chart develop draw extend frame
lay map open pioneer push pursue reach rebuild recast reconstruct refine restate revise
revisit rework rewrite set sharpen shift take turn widen deepen""".split()
_IRREGULAR |= {
    "bring": ("brought",),
    "build": ("built",),
    "draw": ("drew", "drawn"),
    "lay": ("laid",),
    "map": ("mapped",),
    "rebuild": ("rebuilt",),
    "rewrite": ("rewrote", "rewritten"),
    "set": ("set",),
    "take": ("took", "taken"),
}
_DEEDS = frozenset(form for verb in _DEED_VERBS for form, _ in _inflections(verb))
# Objects only scholarship has ("idea", "view", "case", "theory" are an actor's as often).
_SCHOLARLY_OBJECTS = frozenset(
    """analysis argument arguments debate enquiry estimates explanation findings framework
    historiography hypothesis inquiry interpretation interpretations paradigm research
    revisionism scholarship synthesis thesis verdict""".split()
)
_AUXILIARIES = frozenset({"has", "have"})
_ADVERBS = frozenset(
    """also further rightly correctly convincingly persuasively succinctly famously similarly
    however therefore thus even later elsewhere again too usefully aptly plausibly
    explicitly implicitly clearly memorably powerfully perceptively notably effectively
    strongly firmly repeatedly""".split()
)
# "Harris’ argument", "in Uldricks’ words": nouns for what a scholar wrote, not for what
# an actor did or thought ("Lenin's theory", "Stalin's view" are history, not citation).
_SCHOLARLY_NOUNS = frozenset(
    """account analysis approach argument arguments assessment book claim conclusion
    conclusions contention critique estimate estimates findings interpretation monograph
    research scholarship study studies thesis words article essay""".split()
)
_LEFT_CUES = (
    ("according", "to"),
    ("in", "the", "words", "of"),
    ("the", "work", "of"),
    ("the", "position", "of"),
    ("the", "view", "of"),
    ("the", "argument", "of"),
    ("the", "research", "of"),
    ("the", "findings", "of"),
    ("historians", "such", "as"),
    ("scholars", "such", "as"),
    ("historians", "like"),
    ("scholars", "like"),
    ("following",),
    ("cf",),
    ("see",),
)


def _by_last_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases by their last word: the word before a name picks the few to try."""
    found: dict[str, tuple[tuple[str, ...], ...]] = {}
    for phrase in phrases:
        found[phrase[-1]] = (*found.get(phrase[-1], ()), phrase)
    return found


_LEFT_CUES_BY_LAST_WORD = _by_last_word(_LEFT_CUES)


class _Token(NamedTuple):
    text: str
    start: int
    end: int


@lru_cache(maxsize=512)
def _tokens(text: str) -> tuple[_Token, ...]:
    """The words of a text; cached, since several passes read the same paragraph."""
    # tuple.__new__ builds the NamedTuple without its Python-level __new__: a third
    # quicker, and an essay has thousands of words.
    new = tuple.__new__
    return tuple([new(_Token, (m.group(), *m.span())) for m in _WORD.finditer(text)])


@lru_cache(maxsize=512)  # as _tokens
def _capitalised(text: str) -> tuple[int, ...]:
    """The indices of the words of a text that begin with a capital or are all capitals:
    the only ones that can be names, about one word in ten."""
    return tuple(
        [
            k
            for k, token in enumerate(_tokens(text))
            if token.text[:1].isupper() or token.text.isupper()
        ]
    )


def _is_capitalised(word: str) -> bool:
    return (word[:1].isupper() and not word.isupper()) or (len(word) > 1 and word.isupper())


def _strip_possessive(word: str) -> tuple[str, bool]:
    if word.endswith(("’s", "'s")):
        return word[:-2], True
    return word, False


class _Positions:
    """Turns offsets in a block's prose into file lines and columns."""

    def __init__(self, block: Block) -> None:
        self.block = block
        text = block.prose or block.text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def span(self, start: int, end: int) -> Span:
        line = _bisect(self.starts, start)
        end_line = _bisect(self.starts, max(start, end - 1))
        first_column = self.block.span.column if line == 0 else 1
        return Span(
            self.block.span.line + line,
            first_column + start - self.starts[line],
            self.block.span.line + end_line,
            (self.block.span.column if end_line == 0 else 1) + end - 1 - self.starts[end_line],
        )


def _bisect(starts: list[int], offset: int) -> int:
    low, high = 0, len(starts) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if starts[middle] <= offset:
            low = middle
        else:
            high = middle - 1
    return low


# --- narrative citations ------------------------------------------------------


class _Run(NamedTuple):
    """A personal name in the prose: given names, particles, family name."""

    first: int  # index of its first token
    last: int  # index of the family name's token
    given: str
    family: str
    possessive: bool


def _name_runs(text: str, tokens: Sequence[_Token]) -> Iterator[_Run]:
    """The names of ``text``, whose words are ``tokens`` (``_tokens(text)``)."""
    capitalised = _capitalised(text)
    i = 0
    while True:
        # Most words are neither capitalised nor an initial: go to the next that is.
        next_one = bisect_left(capitalised, i)
        if next_one == len(capitalised):
            return
        i = capitalised[next_one]
        token = tokens[i]
        if len(token.text) == 1 and _initial(text, tokens, i):
            pass  # "E. P. Thompson"
        elif not _is_capitalised(token.text) or token.text.lower() in _FUNCTION_WORDS:
            i += 1
            continue
        first = i
        parts = [token.text + "." if len(token.text) == 1 else token.text]
        j = i
        while j + 1 < len(tokens) and _joined(text, tokens[j], tokens[j + 1]):
            if tokens[j].text.endswith(("’s", "'s")):
                break  # a possessive ends a name: "Kenneth Branagh's Mary Shelley's Frankenstein"
            following = tokens[j + 1].text
            if (
                _is_capitalised(following)
                or _particle_before_name(tokens, j + 1)
                or (len(following) == 1 and _initial(text, tokens, j + 1))
            ):
                if following.lower() in _FUNCTION_WORDS and _is_capitalised(following):
                    break
                parts.append(following + "." if len(following) == 1 else following)
                j += 1
                continue
            break
        family_index = j
        family, possessive = _strip_possessive(parts[-1])
        if text[tokens[j].end : tokens[j].end + 1] in ("’", "'") and not possessive:
            possessive = family.endswith("s")
        # Particles belong to the family name, capitalised too: "For Van der Linden".
        while len(parts) > 1 and parts[-2].lower() in _PARTICLES:
            family = f"{parts.pop(-2)} {family}"
        given = " ".join(parts[:-1])
        yield _Run(first, family_index, given, family, possessive)
        i = j + 1
        if tokens[j].text.endswith(("’s", "'s")):
            # What a name possesses, capitalised, is a work's title: "Branagh's Mary
            # Shelley's Frankenstein (1994)", "Harris's Great Fear (2016)".
            while i < len(tokens) and _joined(text, tokens[i - 1], tokens[i]):
                if not _is_capitalised(tokens[i].text) or tokens[i].text.lower() in _FUNCTION_WORDS:
                    break
                i += 1


def _initial(text: str, tokens: Sequence[_Token], index: int) -> bool:
    """An initial of a name: one capital, its full stop, then more of the name ("Robert K.
    Merton"). "I" is left out: "World War I. Print spread" ends a sentence."""
    word = tokens[index].text
    if len(word) != 1 or not word.isupper() or word == "I" or index + 1 >= len(tokens):
        return False
    following = tokens[index + 1]
    return text[tokens[index].end : following.start] in (". ", ".") and (
        _is_capitalised(following.text) or _initial(text, tokens, index + 1)
    )


def _particle_before_name(tokens: Sequence[_Token], index: int) -> bool:
    """ "van der" in "Marcel van der Linden": particles, then a capitalised name."""
    k = index
    while k < len(tokens) and tokens[k].text in _PARTICLES:
        k += 1
    return k > index and k < len(tokens) and _is_capitalised(tokens[k].text)


def _joined(text: str, left: _Token, right: _Token) -> bool:
    """Two words belong to one name when only spaces or an initial's full stop part them."""
    gap = text[left.end : right.start]
    if gap in (". ", "."):
        # "E. P. Thompson", but not "the Reformation. Print reveals": a sentence ends there.
        return len(left.text) <= 2
    return gap == " " or (gap == " " * len(gap) and 0 < len(gap) <= 2)


# An aside set off by commas between a name and its verb: "Patryliak, by contrast, has
# defended", "Rudling, too, has shown". Connectives only, so that "Nikolaevsky, portrayed
# Kirov" and "in Spain, Roffman argues" keep their commas as boundaries.
_ASIDE = patterns.compile(
    r",\s+(?:too|however|also|though|moreover|indeed|instead|meanwhile|similarly|likewise"
    r"|by\s+contrast|in\s+contrast|for\s+example|for\s+instance|in\s+turn"
    r"|on\s+the\s+other\s+hand|for\s+(?:his|her|their)\s+part|in\s+particular"
    r"|of\s+course),\s+"
)


def _after_an_aside(text: str, tokens: Sequence[_Token], index: int) -> tuple[int, int]:
    """The index of the word before the verb (the name's own, or the aside's last) and
    where the aside ends (0 without one): its closing comma is no boundary."""
    aside = _ASIDE.match(text, tokens[index].end)
    if aside is None:
        return index, 0
    k = index + 1
    while k < len(tokens) and tokens[k].end <= aside.end():
        k += 1
    return k - 1, aside.end()


def _verb_after(text: str, tokens: Sequence[_Token], index: int) -> str | None:
    """The strength of a reporting verb right after a name (adverbs, "has" and an aside
    between commas skipped)."""
    perfect = False
    index, aside_end = _after_an_aside(text, tokens, index)
    previous = tokens[index]
    for position in range(index + 1, min(index + 5, len(tokens))):
        token = tokens[position]
        if text[max(previous.end, aside_end) : token.start].strip(" ’'"):
            return None  # punctuation between: "...Radek-Piatakov’, writes Rogovin"
        previous = token
        word = token.text.lower()
        if word in _ADVERBS:
            continue
        if word in _AUXILIARIES:
            perfect = True
            continue
        if word not in _REPORTING:
            return None
        if word in _NOUN_LIKE and not _followed_by_clause(text, tokens, position):
            return None
        return STRONG if (_REPORTING[word] or perfect) else WEAK
    return None


def _followed_by_clause(text: str, tokens: Sequence[_Token], position: int) -> bool:
    after = text[tokens[position].end : tokens[position].end + 2]
    if after[:1] in (":", ","):
        return True
    following = tokens[position + 1].text.lower() if position + 1 < len(tokens) else ""
    return following in _VERB_OBJECTS


def _left_words(tokens: Sequence[_Token], index: int, count: int) -> tuple[str, ...]:
    if count == 1:  # the commonest question, asked of every name
        return (tokens[index - 1].text.lower(),) if index else ()
    return tuple([t.text.lower() for t in tokens[max(0, index - count) : index]])


def _cue(text: str, tokens: Sequence[_Token], run: _Run) -> tuple[str, bool] | None:
    """How surely the grammar around a name says it is cited (None: not at all), and
    whether no other mention can undo it: a year in brackets, "Harris’ argument"."""
    if _of_a_proper_name(tokens, run):
        return None  # "the Congress of Vienna (1815)", "the Bank of England (1694)"
    if _left_words(tokens, run.first, 1)[-1:] in _DETERMINERS:
        if _institution(run) and _reports_after_year(text, tokens[run.last].end):
            return STRONG, True  # "the International Labour Organization (2010) reported"
        return None  # "the Soviet Union claimed", "the Times reported": not a person
    sure = _year_in_brackets(text, tokens, run) or _scholarly_possessive(tokens, run)
    if sure:
        return sure, sure == STRONG
    strength = (
        _phrase_before(text, tokens, run)
        or _verb_after_name(text, tokens, run)
        or _verb_in_relative_clause(text, tokens, run)
        or _verb_before_name(text, tokens, run)
        or _framing(text, tokens, run)
        or _scholarly_deed(text, tokens, run)
    )
    return (strength, False) if strength else None


_YEAR_THEN_VERB = patterns.compile(
    r"\s*\((?:\d{4}[a-z]?)\)\s+(?:[a-z]+ly\s+|has\s+|have\s+)?([a-z]+)"
)


def _reports_after_year(text: str, end: int) -> bool:
    """ "(2010) reported": a year in brackets, then a reporting verb (not "(1694) was")."""
    found = _YEAR_THEN_VERB.match(text, end, end + 40)
    return found is not None and found.group(1) in _REPORTING


def _of_a_proper_name(tokens: Sequence[_Token], run: _Run) -> bool:
    """Whether the name ends a proper name joined by "of": a congress, a bank, a treaty,
    a battle or a title ("Duke of Wellington"), named by a capitalised word before "of"."""
    if run.first < 2 or tokens[run.first - 1].text != "of":
        return False
    head = tokens[run.first - 2].text
    return _is_capitalised(head) and head.lower() not in _FUNCTION_WORDS


def _institution(run: _Run) -> bool:
    return any(w.lower() in INSTITUTIONAL for w in (*run.given.split(), run.family))


_DETERMINERS = {(w,) for w in "the a an this these those its their our every each".split()}


def _scholarly_deed(text: str, tokens: Sequence[_Token], run: _Run) -> str | None:
    """ "Walter Rodney pushed the argument in another direction [17]".

    A verb of doing scholarship with a scholarly object a few words on. Sure with
    a given name ("Albert Soboul carried the framework") or a citation marker in the
    sentence; a bare family name alone ("Rodney pushed the argument") only links.
    """
    before = _left_words(tokens, run.first, 1)
    if before and before[-1] in _PREPOSITIONS:
        return None
    k = run.last + 1
    # "Roderick Floud and his colleagues pushed the inquiry"
    if [t.text for t in tokens[k : k + 2]] in (["and", "his"], ["and", "her"], ["and", "their"]):
        k += 3
    while k < len(tokens) and tokens[k].text.lower() in _ADVERBS | _AUXILIARIES | {"had"}:
        k += 1
    if k >= len(tokens) or tokens[k].text.lower() not in _DEEDS:
        return None
    if any(
        _punctuated(text, tokens[j - 1].end, tokens[j].start) for j in range(run.last + 1, k + 1)
    ):
        return None
    for j in range(k + 1, min(k + 6, len(tokens))):
        if _punctuated(text, tokens[j - 1].end, tokens[j].start):
            return None
        if tokens[j].text.lower() in _SCHOLARLY_OBJECTS:
            return STRONG if run.given or _marked(text, tokens[j].end) else WEAK
    return None


def _punctuated(text: str, start: int, end: int) -> bool:
    return bool(text[start:end].strip(" \n’'"))


def _marked(text: str, start: int) -> bool:
    """Whether the sentence going on from ``start`` carries a note or a bracketed reference."""
    window = text[start : start + 400]  # a sentence's worth: keeps this linear
    end = 0
    while True:
        end = window.find(".", end + 1)
        if end < 0 or window[end + 1 : end + 2] in ("", " ", "\n", "["):
            break
    sentence = window if end < 0 else window[: end + 8]
    # A bracket naming someone ("Print spread fast (Eisenstein 1979)") cites that someone.
    return bool(_NOTE_OR_NUMBER.search(sentence))


_NOTE_OR_NUMBER = patterns.compile(r"\[\^?\w{1,8}\]|\[\d|\([^()A-Z]*\d[^()A-Z]*\)")


def _year_in_brackets(text: str, tokens: Sequence[_Token], run: _Run) -> str | None:
    """ "Harris (2016) shows"; not a span of years, "Luther (1483–1546)": a life or a reign.
    A work read through another, "Vygotsky (1978, as cited in Berk, 2013)", is weak: APA
    lists only the source that was read."""
    end = tokens[run.last].end
    if not _publication_year(text[end : end + _YEARS_WINDOW]):
        return None
    bracket = text[end : text.find(")", end) + 1 or end + 80]
    return WEAK if _SECONDARY.search(bracket) else STRONG


# What introduces the source a work was read in: "(Bartlett, 1932, as cited in Schacter,
# 2001)"; the work before it is the original, which the list need not hold.
_SECONDARY = patterns.compile(r",?\s*\b(?:as\s+)?(?:cited|quoted)\s+in\s+", re.IGNORECASE)


# "Mann et al. (1998)" and "Mann et al.'s (1998)" date Mann too.
_ET_AL = r"(?:\s+et\s+al\.?)?"
_PUBLICATION_YEAR = patterns.compile(
    _ET_AL + r"[’']?s?\s*\(((?:\d{4}[a-z]?|n\.d\.)(?:\s*[,;]\s*(?:1[5-9]\d\d|20\d\d)[a-z]?(?!\d))*)"
    r"(?:\s*\[(\d{4})\])?(?![-–—/]\d)"
)
_YEARS_WINDOW = 40  # characters after a name where its bracketed years may stand
_BRACKET_AFTER_NAME = patterns.compile(_ET_AL + r"[’']?s?\s*\(")


def _publication_year(after: str) -> str:
    """The year of "(2016)", "(2016a, 45)" or "(n.d.)" opening ``after``, or ""; with the
    other edition's year when one follows in square brackets: "1982 [2010]"; with the
    author's other works' years when several are cited at once: "1984, 1993"."""
    found = _PUBLICATION_YEAR.match(after)
    if not found:
        return ""
    return f"{found.group(1)} [{found.group(2)}]" if found.group(2) else found.group(1)


def _scholarly_possessive(tokens: Sequence[_Token], run: _Run) -> str | None:
    """ "Harris’ argument", "in Uldricks’ words"."""
    following = tokens[run.last + 1].text.lower() if run.last + 1 < len(tokens) else ""
    return STRONG if run.possessive and following in _SCHOLARLY_NOUNS else None


def _phrase_before(text: str, tokens: Sequence[_Token], run: _Run) -> str | None:
    """ "according to Harris", "the work of Silvio Pons"."""
    left = _left_words(tokens, run.first, 4)
    cues = _LEFT_CUES_BY_LAST_WORD.get(left[-1], ()) if left else ()
    cue = next((c for c in cues if left[-len(c) :] == c), None)
    if cue is None or (cue in _DIRECTIVES and not _directs(text, tokens, run.first - 1)):
        return None
    return STRONG


# Cues that send the reader to a work only as an imperative: "see Harris" directs,
# "critics see Lydgate's failure" and "he cannot see Rosamond" are the verb with its object.
_DIRECTIVES = frozenset({("see",), ("cf",)})


def _directs(text: str, tokens: Sequence[_Token], index: int) -> bool:
    """Whether the word at ``index`` opens a clause: nothing, a bracket or punctuation
    before it ("(see Harris)", "; cf. Getty", "For more, see Harris"), never a word, which
    would make it that word's verb."""
    if index == 0:
        return True
    gap = text[tokens[index - 1].end : tokens[index].start]
    return any(mark in gap for mark in "([.;:,—–")


_PREPOSITIONS = frozenset(
    """of about on against with to from under than towards toward at into over between among
    upon across through during""".split()
)


def _framing(text: str, tokens: Sequence[_Token], run: _Run) -> str | None:
    """ "For Hobsbawm, the century was short": a view framed by its holder (weak: "For
    Stalin, the purges..." frames an actor's view as readily)."""
    if _left_words(tokens, run.first, 1) != ("for",):
        return None
    after = text[tokens[run.last].end : tokens[run.last].end + 2]
    return WEAK if after[:1] == "," else None


# Participles that introduce the people they name rather than take them as objects:
# "scholars including Getty argue", "following Harris", "according to Harris".
_INTRODUCING = frozenset({"including", "following", "according"})


def _object_before(tokens: Sequence[_Token], index: int) -> bool:
    """Whether the name at ``index`` is the object of the word before it: a preposition
    ("the trade between Beirut and Cairo shows"), a participle ("networks linking Beirut
    and Cairo show") or a noun's "of" two words back. A verb after it then has another
    subject."""
    before = _left_words(tokens, index, 2)
    if not before:
        return False
    last = before[-1]
    participle = last.endswith("ing") and len(last) > 5 and last not in _INTRODUCING
    return last in _PREPOSITIONS or participle or before[-2:-1] == ("of",)


def _verb_after_name(text: str, tokens: Sequence[_Token], run: _Run) -> str | None:
    """ "Harris argues", "Kennan has argued", "As Rogovin explained" (an "as" clause is sure).

    After a preposition the name is not the verb's subject: in "Sewell's study of
    the Abbé Sieyès shows", the study shows.
    """
    if _object_before(tokens, run.first):
        return None
    verb = _verb_after(text, tokens, run.last)
    if verb and _left_words(tokens, run.first, 1) == ("as",):
        return STRONG
    return verb


# Verbs whose subject holds a thesis: evidence "suggests" and a chapter "shows", but only
# a person "argues that" or "contends that".
_CONTENDING = frozenset(
    form
    for verb in "argue contend insist maintain assert posit concede".split()
    for form, present in _inflections(verb)
    if present
) | {"argued", "contended", "insisted", "maintained", "asserted", "posited", "conceded"}
# Verbs that evidence and research take as often as people do ("Research suggests
# that"): a person's only when the subject is no abstract noun.
_SCHOLARS_VERBS = frozenset(
    form
    for verb in "note write observe stress explain conclude demonstrate suggest emphasise "
    "emphasize".split()
    for form, present in _inflections(verb)
    if present
) | {"noted", "observed", "stressed", "concluded", "demonstrated", "suggested", "emphasised"}


_ABSTRACT_ENDINGS = ("ism", "isms", "ity", "tion", "ness", "ogy")
_MORE_ABSTRACT_ENDINGS = ("ence", "ance", "ship", "ment", "ics", "ure", "ysis", "ies", "ings")
_ABSTRACT_SUBJECTS = frozenset(
    """research history data work study theory practice logic reason consensus memory
    testimony opinion law record records archive archives source sources text context
    hindsight precedent census scholars historians critics sociology""".split()
)


def _contends_that(text: str, tokens: Sequence[_Token], run: _Run) -> bool:
    """ "Trilling argues that", "Trilling has long maintained that": present or perfect,
    with its "that" clause, so that a lone name opening a sentence is still a person;
    not an abstract noun ("Feminism argues that")."""
    if run.family.lower().endswith(_ABSTRACT_ENDINGS):
        return False
    k = run.last + 1
    perfect = False
    while k < len(tokens) and tokens[k].text.lower() in _ADVERBS | _AUXILIARIES:
        perfect = perfect or tokens[k].text.lower() in _AUXILIARIES
        k += 1
    if k + 1 >= len(tokens) or tokens[k + 1].text != "that":
        return False
    verb = tokens[k].text.lower()
    if verb in _SCHOLARS_VERBS and verb not in _CONTENDING:
        family = run.family.lower()
        if family.endswith(_MORE_ABSTRACT_ENDINGS) or family in _ABSTRACT_SUBJECTS:
            return False
    elif verb not in _CONTENDING:
        return False
    if verb.endswith("ed") and not perfect:
        return False
    return not any(
        _punctuated(text, tokens[j - 1].end, tokens[j].start) for j in range(run.last + 1, k + 2)
    )


def _verb_in_relative_clause(text: str, tokens: Sequence[_Token], run: _Run) -> str | None:
    """ "Silvio Pons, who stressed ..."."""
    who = run.last + 1
    if who >= len(tokens) or tokens[who].text.lower() != "who":
        return None
    if text[tokens[run.last].end : tokens[who].start].strip() != ",":
        return None
    return _verb_after(text, tokens, who)


def _verb_before_name(text: str, tokens: Sequence[_Token], run: _Run) -> str | None:
    """ "‘...’, writes Getty": a reporting verb after a quotation, before the name."""
    verb = run.first - 1
    if verb < 1 or tokens[verb].text.lower() not in _REPORTING:
        return None
    gap = text[tokens[verb - 1].end : tokens[verb].start]
    if not any(mark in gap for mark in ",’”'\""):
        return None
    # The name ends the inversion: "writes Getty." or "writes Getty, ..."; in
    # "Nikolaevsky, portrayed Kirov as a moderate" Kirov is the verb's object.
    after = text[tokens[run.last].end : tokens[run.last].end + 3].lstrip("’'s")
    return STRONG if after[:1] in ("", ",", ".", ";", ":", ")", "\n") else None


def _coordinated(
    text: str, tokens: Sequence[_Token], runs: list[_Run], cues: list[tuple[str, bool] | None]
) -> None:
    """Names listed together share the verb of the last: "A, B and C have argued".

    The chain must end in "and" (or "&") before the cued name, so that "in Spain,
    Roffman argues" does not make a citation of Spain.
    """
    for k in range(len(runs) - 1, 0, -1):
        cue = cues[k]
        if cue is None or cues[k - 1] is not None:
            continue
        if _gap(text, tokens, runs[k - 1], runs[k]) not in ("and", ", and", "&"):
            continue
        if runs[k].given and not runs[k - 1].given:
            continue  # "John and Barbara Hammond": John is a given name, not an author
        j = k - 1
        cues[j] = cue
        while j > 0 and cues[j - 1] is None and _gap(text, tokens, runs[j - 1], runs[j]) == ",":
            j -= 1
            cues[j] = cue
        if _of_a_proper_name(tokens, runs[j]):
            # The list goes on a name joined by "of": "the National Academies of Sciences,
            # Engineering, and Medicine (2017)" is one body, its year no person's.
            cues[j : k + 1] = [None] * (k + 1 - j)
        elif not cue[1] and _object_before(tokens, runs[j].first):
            # "networks linking Beirut, Cairo and Alexandria show": the list is an object,
            # and the verb after its last name is not theirs (a year in brackets still is).
            cues[j : k + 1] = [None] * (k + 1 - j)


def _shared_years(text: str, tokens: Sequence[_Token], runs: list[_Run]) -> list[str]:
    """Each name's year in brackets; authors listed together share the last one's:
    "Desmond and Moore (1991)" dates Desmond too."""
    years = [
        _publication_year(text[tokens[r.last].end : tokens[r.last].end + _YEARS_WINDOW])
        for r in runs
    ]
    for k in range(len(runs) - 2, -1, -1):
        if not years[k] and years[k + 1] and _gap(text, tokens, runs[k], runs[k + 1]) in _JOINS:
            years[k] = years[k + 1]
    return years


_JOINS = frozenset({"and", ", and", "&", ","})


def _gap(text: str, tokens: Sequence[_Token], left: _Run, right: _Run) -> str:
    return " ".join(text[tokens[left.last].end : tokens[right.first].start].split())


class _Reading(NamedTuple):
    """A name read as cited in one block, before the whole document is weighed."""

    citation: Citation
    sure: bool  # a year in brackets or "Harris’ argument": no other mention can undo it
    sentence_start: bool  # the name opens a sentence, where any word is capitalised
    marked: bool  # a note marker or a bracketed reference follows in the sentence
    contends: bool = False  # "Trilling argues that ...": a verb only a person's argument has


class _Evidence(NamedTuple):
    """What the whole document says about its capitalised words (lower-cased)."""

    lowercase: frozenset[str]  # words also written in lower case: common words
    cited: frozenset[str]  # family names of bracketed citations and notes
    named: frozenset[str]  # family names written after a given name: persons
    actors: frozenset[str]  # places, reigns and actors: "in Manchester", "Stalin's regime"
    forenames: frozenset[str] = frozenset()  # given names: "Elizabeth" of "Elizabeth Bennet"


# After these a single capitalised word is a place or a reign ("in Manchester",
# "under Stalin"), never an author ("in Uldricks’ words" is possessive, "in Harris (2016)"
# has its year).
_PLACES_BEFORE = {
    (w,) for w in "in at across throughout near outside within around beyond under".split()
}
# What a ruler, a general or a minister has and does, not an author: "Stalin's regime",
# "Napoleon invaded". One such mention makes the name's reporting verbs history too
# ("As Lenin wrote" in an essay about Lenin's rule), unless a bracket cites it.
_ACTOR_NOUNS = frozenset(
    """regime government rule reign death funeral army armies troops forces orders decree
    decrees policies dictatorship successors successor accession coronation assassination
    execution arrest invasion campaigns wife husband son daughter ministers cabinet court
    henchmen entourage rivals father mother brother sister heir widow""".split()
)
_ACTOR_VERBS = frozenset(
    """ordered signed died ruled invaded seized abdicated fled married commanded reigned
    decreed annexed conquered executed crowned""".split()
)
# Titles that people of a novel or a history go by, and scholars never do: "Mr. Collins
# declares", "Lady Catherine insists", "Captain Wentworth writes". Not Sir, Lord, Dame,
# Bishop or Cardinal (Sir Isaiah Berlin, Lord Acton, Bishop Berkeley write what is cited).
_HONORIFICS = frozenset(
    """mr mrs miss lady captain colonel king queen prince princess emperor empress tsar
    tsarina czar general admiral duke duchess""".split()
)


_ROMAN = patterns.compile(r"(?:X{0,3})(?:IX|IV|V?I{0,3})")


def _regnal_name(text: str, tokens: Sequence[_Token], run: _Run) -> tuple[str, ...]:
    """A ruler's name as rulers' names are written: with an epithet ("Peter the Great",
    "Ivan the Terrible") or a regnal number ("Charles XII", "James VI")."""
    k = run.last + 1
    if (
        k + 1 < len(tokens)
        and tokens[k].text == "the"
        and text[tokens[run.last].end : tokens[k + 1].start] == " the "
        and _is_capitalised(tokens[k + 1].text)
        and tokens[k + 1].text.lower() not in _FUNCTION_WORDS
    ):
        return (run.family.lower(),)
    given = run.given.split()
    if given and len(run.family) > 1 and _ROMAN.fullmatch(run.family):
        return (given[-1].lower(), run.family.lower())  # "Louis" and "Louis XIV"
    return ()


# Verbs of speaking or writing to someone: "Darcy writes her a letter", "Knightley warns
# Emma", "Newton wrote to Hooker". Scholars report to their readers, not to a "her".
_ADDRESSING = frozenset(
    form
    for verb in "tell warn ask urge assure inform remind promise beg write".split()
    for form, _ in _inflections(verb)
) | {"told", "wrote"}
_WRITING = frozenset({"write", "writes", "wrote", "writing", "written"})


def _addresses_someone(text: str, tokens: Sequence[_Token], run: _Run) -> bool:
    """Whether the name speaks or writes to a person, as people in a story or in history
    do: "tells her", "writes him", "warns Emma", "wrote to Hooker"; not "tells her story"."""
    k = run.last + 1
    if run.possessive or k + 1 >= len(tokens) or tokens[k].text.lower() not in _ADDRESSING:
        return False
    if _punctuated(text, tokens[run.last].end, tokens[k].start) or _punctuated(
        text, tokens[k].end, tokens[k + 1].start
    ):
        return False
    verb, addressee = tokens[k].text.lower(), tokens[k + 1].text
    if addressee in ("him", "me"):
        return True
    if addressee == "her":  # an object, not a determiner: "tells her that", "tells her."
        after = tokens[k + 2].text.lower() if k + 2 < len(tokens) else ""
        return (
            _punctuated(text, tokens[k + 1].end, tokens[k + 1].end + 1)
            or after in _VERB_OBJECTS
            or after.endswith("wards")
        )
    person = k + 1
    if verb in _WRITING:  # "wrote to Hooker"; "writes Soviet history" is scholarship
        if addressee != "to" or person + 1 >= len(tokens):
            return False
        if _punctuated(text, tokens[person].end, tokens[person + 1].start):
            return False
        person += 1
    name = tokens[person]
    return (
        _is_capitalised(name.text)
        and name.text.lower() not in _FUNCTION_WORDS
        and not _strip_possessive(name.text)[1]
        and text[name.end : name.end + 1] not in ("’", "'")
    )


def _read_block(
    block: Block,
) -> tuple[list[_Reading], list[tuple[str, str, bool]], set[str], set[str]]:
    """The block's cued names, with the persons, places and lower-case words it shows."""
    text = block.prose or block.text
    tokens = _tokens(text)
    runs = list(_name_runs(text, tokens))
    cues = [_cue(text, tokens, run) for run in runs]
    _coordinated(text, tokens, runs, cues)
    starts = _sentence_starts(text)
    positions = _Positions(block)
    readings: list[_Reading] = []
    named: list[tuple[str, str, bool]] = []  # (given, family, opens a sentence)
    actors: set[str] = set()
    years = _shared_years(text, tokens, runs)
    for run, cue, year in zip(runs, cues, years, strict=True):
        token = tokens[run.last]
        after = text[token.end : token.end + 16]
        following = tokens[run.last + 1].text if run.last + 1 < len(tokens) else ""
        if run.possessive and following == "own" and run.last + 2 < len(tokens):
            following = tokens[run.last + 2].text  # "Peter's own court"
        title = [*_left_words(tokens, run.first, 1), *run.given.lower().split()[:1]]
        if (
            (run.possessive and following in _ACTOR_NOUNS)
            or following in _ACTOR_VERBS
            or any(word.rstrip(".") in _HONORIFICS for word in title)
        ):
            actors.add(run.family.lower())
        actors.update(_regnal_name(text, tokens, run))
        if _addresses_someone(text, tokens, run):
            actors.add(run.family.lower())
        if run.given:
            named.append((run.given, run.family, run.first in starts))
        elif (
            _left_words(tokens, run.first, 1)[-1:] in _PLACES_BEFORE
            and not run.possessive
            and not _BRACKET_AFTER_NAME.match(after)
        ):
            actors.add(run.family.lower())
        if cue is None or _emphasised(block.text, tokens[run.first].start):
            continue
        strength, sure = cue
        family_start = token.start - (len(run.family) - len(_strip_possessive(token.text)[0]))
        citation = Citation(
            run.family,
            run.given,
            positions.span(max(family_start, tokens[run.first].start), token.end),
            "narrative",
            strength,
            year="" if year == "n.d." else year,
            opens_sentence=run.first in starts,
        )
        marked = _marked(text, token.end)
        contends = _contends_that(text, tokens, run)
        readings.append(_Reading(citation, sure, run.first in starts, marked, contends))
    lowercase = {t.text for t in tokens if t.text.islower()}
    return readings, named, actors, lowercase


def _narratives(
    blocks: Sequence[Block],
    others: Sequence[Block],
    brackets: Sequence[Citation],
    notes: Sequence[Citation],
) -> tuple[list[Citation], list[Citation]]:
    """The narrative citations of ``blocks``, each weighed against every mention.

    A name's grammar in one sentence is weighed against what the rest of the
    document (``blocks`` and ``others``, such as notes) says of the same word: a word
    also written in lower case is a common word ("Evidence suggests", "Print
    reveals"); one that stands after "in" or "under" is a place or a reign ("Manchester
    shows"); a lone family name opening a sentence needs another sign of a person
    (a given name, a bracketed citation, a cue inside a sentence). What fails is kept
    as a weak citation: it still links to an entry of the list, but never reports one
    missing. ``brackets`` and ``notes`` are the bracketed and note citations, weighed
    first and returned with the narrative ones: a note opening on a common word ("Print
    and the Reformation ...") or a bracket holding one with no year ("(Article 231)")
    vouches for nobody; the others vouch for the names they cite.
    """
    readings: list[_Reading] = []
    named: list[tuple[str, str, bool]] = []
    actors: set[str] = set()
    lowercase: set[str] = set()
    for block in blocks:
        found, block_named, block_actors, block_lowercase = _read_block(block)
        readings.extend(found)
        named.extend(block_named)
        actors |= block_actors
        lowercase |= block_lowercase
    for block in others:
        lowercase.update(t.text for t in _tokens(block.prose or block.text) if t.text.islower())
    lowercase = _with_stems(lowercase)
    inside = {
        r.citation.family.lower()
        for r in readings
        if not r.sentence_start and not r.citation.given and r.citation.strength == STRONG
    }
    with_given = {
        family.lower() for given, family, start in named if _given_name(given, start, lowercase)
    }
    evidence = _Evidence(
        frozenset(lowercase),
        frozenset(),
        frozenset(with_given),
        frozenset(actors),
        _forenames(named, lowercase),
    )
    vouching = [_weigh_note(c, evidence) for c in notes]
    vouching += [c if c.year else _weigh_note(c, evidence) for c in brackets]
    evidence = evidence._replace(
        cited=frozenset(c.family.lower() for c in vouching if c.strength == STRONG)
    )
    return [_weigh(r, evidence, inside) for r in readings], vouching


# Endings that make a common word of a lower-case one: "printing", "printers" -> "print".
_ENDINGS = ("ings", "ing", "ers", "er", "ed", "es", "s")


def _forenames(
    named: Sequence[tuple[str, str, bool]], lowercase: set[str] | frozenset[str]
) -> frozenset[str]:
    """The first given names written before a family name (not initials): "Elizabeth
    admits" names a person by her first name, as a novel's or a history's people are
    named, never as a scholar is cited."""
    found = set()
    for given, _, start in named:
        first = _given_name(given, start, lowercase).split()[:1]
        if first and len(first[0]) > 1 and first[0][-1] != ".":
            found.add(first[0].lower())
    return frozenset(found)


def _with_stems(words: set[str]) -> set[str]:
    """Lower-case words with their stems: "Print" is a common word where "printing" is."""
    stems = set(words)
    for word in words:
        if not word.endswith(_ENDINGS):
            continue
        for ending in _ENDINGS:
            if word.endswith(ending) and len(word) > len(ending) + 2:
                stem = word[: -len(ending)]
                stems.update((stem, stem + "e"))
                break
    return stems


def _given_name(given: str, sentence_start: bool, lowercase: set[str] | frozenset[str]) -> str:
    """The given names of a run, less a common word capitalised only because it opens
    the sentence ("Print Culture argues": "print" is written in lower case elsewhere)."""
    words = given.split()
    if sentence_start and words and words[0].lower() in lowercase:
        words = words[1:]
    return " ".join(words)


def _weigh(reading: _Reading, evidence: _Evidence, inside: set[str]) -> Citation:
    citation = reading.citation
    key = citation.family.lower()
    if citation.strength != STRONG or key in evidence.cited:
        return citation
    single = not _given_name(citation.given, reading.sentence_start, evidence.lowercase)
    if single and key in evidence.lowercase and key not in evidence.named:
        return citation._replace(strength=WEAK)  # a common word, even with a year after it
    if reading.sure:
        return citation
    if key in evidence.actors:
        return citation._replace(strength=WEAK)
    if key in evidence.named:
        return citation
    if single and key in evidence.forenames:
        return citation._replace(strength=WEAK)
    if (
        single
        and reading.sentence_start
        and not (reading.marked or reading.contends)
        and key not in inside
    ):
        return citation._replace(strength=WEAK)
    return citation


def narrative_citations(block: Block) -> Iterator[Citation]:
    """The narrative citations of one block, weighed against that block alone."""
    yield from _narratives((block,), (), list(parenthetical_citations(block)), ())[0]


def _emphasised(original: str, start: int) -> bool:
    """A word right after ``*`` or ``_`` in the file is the start of a title: *Econocide*."""
    return start > 0 and original[start - 1 : start] in ("*", "_")


_CLAUSE_END = patterns.compile(r"[.!?…:;]\W*$|\n\s*\n")
_INITIAL_GAP = patterns.compile(r"\.\s?")
_SENTENCE_END = patterns.compile(r"[.!?]\s+$")


# Abbreviated titles before a name, whose full stop ends no sentence ("Mr. Darcy").
_TITLE_ABBREVIATIONS = frozenset(
    "Mr Mrs Ms Messrs Dr Prof Rev Revd Fr St Sr Jr Capt Col Gen Lt Sgt".split()
)


@lru_cache(maxsize=512)
def _sentence_starts(text: str) -> frozenset[int]:
    """The indices of the words of ``text`` that begin a sentence or a clause."""
    tokens = _tokens(text)
    starts = {0}
    for k in range(1, len(tokens)):
        gap = text[tokens[k - 1].end : tokens[k].start]
        if gap == " ":
            continue  # the commonest gap, and never a boundary
        # A full stop after one capital may be an initial's, after "Mr" or "Dr" it is the
        # title's; after "1840s" it ends a sentence.
        previous = tokens[k - 1].text
        initial = (len(previous) == 1 and previous.isupper()) or previous in _TITLE_ABBREVIATIONS
        if (_CLAUSE_END.search(gap) and not (initial and _INITIAL_GAP.fullmatch(gap))) or (
            _SENTENCE_END.search(gap) and not initial
        ):
            starts.add(k)
    return frozenset(starts)


def mentions(block: Block) -> Iterator[Mention]:
    """Every capitalised word (possessive removed) that could be a name."""
    text = block.prose or block.text
    tokens = _tokens(text)
    starts = _sentence_starts(text)
    positions = _Positions(block)
    for index in _capitalised(text):
        token = tokens[index]
        word, _ = _strip_possessive(token.text)
        if not _is_capitalised(word) or word.lower() in _FUNCTION_WORDS:
            continue
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if following and _is_capitalised(following.text) and _joined(text, token, following):
            continue  # a given name ("William" of "William Appleman Williams")
        given = _given_before(text, tokens, index, starts)
        for part in _name_parts(word):
            offset = token.start + word.index(part)
            span = positions.span(offset, offset + len(part))
            yield Mention(part, span, index in starts, given)


def _given_before(text: str, tokens: Sequence[_Token], index: int, starts: frozenset[int]) -> str:
    """The given names or initials written right before a name ("Henry", "E. P."); a
    capitalised word opening the sentence may be any word ("Today Hunt is read") and is
    not taken for one."""
    words: list[str] = []
    k = index
    while k > 0 and _joined(text, tokens[k - 1], tokens[k]):
        word = tokens[k - 1].text
        initial = len(word) == 1 and word.isupper()
        if not (_is_capitalised(word) or initial) or word.lower() in _FUNCTION_WORDS:
            break
        k -= 1
        words.insert(0, word)
    if words and k in starts and len(words[0]) > 1:
        words = words[1:]
    return " ".join(words)


def _name_parts(word: str) -> tuple[str, ...]:
    """A hyphenated word and its capitalised halves (Lévi-Strauss; Radek-Piatakov)."""
    parts = tuple(p for p in word.split("-") if p[:1].isupper())
    return (word, *parts) if len(parts) > 1 else (word,)


# --- parenthetical citations --------------------------------------------------

# A citation may wrap onto the next line ("(Soboul\n1974)"), never across a blank one.
_PARENTHESIS = patterns.compile(r"\(((?:[^()\n]|\n(?![ \t]*\n)){1,300})\)")
_YEAR = patterns.compile(r"^(1[5-9]\d\d|20\d\d)[a-z]?$|^n\.\s?d\.?$")
# A page, a range, or a page in roman numerals; a letter may follow a number ("45a"), not
# a numeral: "ILO" and "CIA" are organisations, not pages "il" and "ci".
_LOCATOR = patterns.compile(
    r"^(?:pp?\.?\s*)?(\d+[a-z]?(?:\s*[-–—]\s*\d+)?|[ivxlc]+)(?:(?<![ivxlc])\s*[a-z])?$", re.I
)
# A date in brackets: a month (its day before or after it) and a year, or an era and a year.
_DATE = patterns.compile(
    r"^(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.?\s+(?:\d{1,2},?\s+)?\d{4}\b"
    r"|^(?:AD|BC|BCE|CE|A\.D\.|B\.C\.)\s*\d"
)
_PREFIXES = patterns.compile(r"^(?:see also|see|cf\.?|e\.g\.,?|quoted in|cited in|in)\s+", re.I)
_NAME_PART = patterns.compile(
    r"^(?P<names>(?:[^\W\d_][\w’'.-]*\s?)+?(?:\s+et al\.?)?"
    r"(?:\s*(?:,|and|&)\s*(?:[^\W\d_][\w’'.-]*\s?)+?(?:\s+et al\.?)?)*)"
    r"\s*,?\s*(?P<rest>.*)$"
)


def parenthetical_citations(block: Block, start: int = 0) -> Iterator[Citation]:
    """The bracketed citations of a block, from offset ``start`` of its prose on."""
    text = block.prose or block.text
    positions = _Positions(block)
    for match in _PARENTHESIS.finditer(text, start):
        offset = match.start(1)
        # "*The Bolshevik Revolution* (London, 1950)": a title's place and year, or its
        # author and year APA-style; which, only the list can say. "(Carr 1950)" cites.
        after_title = _emphasised_before(block.text, match.start()) and bool(
            _PLACE_AND_YEAR.fullmatch(match.group(1).strip())
        )
        # A line break inside is a space (same length, so offsets still hold).
        for part in re.finditer(r"[^;]+", match.group(1).replace("\n", " ")):
            if _opens_with_a_title(block.text, offset + part.start(), part.group()):
                continue
            for citation, original in _read_through(part.group(), offset + part.start(), positions):
                yield citation._replace(strength=WEAK) if after_title or original else citation


def _read_through(part: str, offset: int, positions: _Positions) -> Iterator[tuple[Citation, bool]]:
    """The citations of one part, each with whether it is an original read through a
    secondary source ("Bartlett, 1932, as cited in Schacter, 2001": Bartlett is)."""
    secondary = _SECONDARY.search(part)
    if secondary is None or secondary.start() == 0:
        for citation in _citation_part(part, offset, positions):
            yield citation, False
        return
    for citation in _citation_part(part[: secondary.start()], offset, positions):
        yield citation, True
    source = part[secondary.end() :]
    for citation in _citation_part(source, offset + secondary.end(), positions):
        yield citation, False


def _opens_with_a_title(original: str, at: int, part: str) -> bool:
    """ "(*Pride and Prejudice* 208)", "(see *Emma* 5)": MLA's short title in italics,
    used when the prose names the author; it names a work, not a person."""
    lead = len(part) - len(part.lstrip())
    prefix = _PREFIXES.match(part.lstrip())
    start = at + lead + (prefix.end() if prefix else 0)
    return original[start : start + 1] in ("*", "_") or (
        start > at and original[start - 1 : start] in ("*", "_")
    )


_PLACE_AND_YEAR = patterns.compile(r"[^\W\d_][^,\d]*,\s*\d{4}")


def _emphasised_before(original: str, at: int) -> bool:
    """Whether an emphasised span (a title in italics) ends right before offset ``at``."""
    before = original[max(0, at - 3) : at].rstrip()
    return before[-1:] in ("*", "_") and before[-2:] not in ("**", "__")


def _citation_part(part: str, offset: int, positions: _Positions) -> Iterator[Citation]:
    stripped = part.strip()
    lead = len(part) - len(part.lstrip())
    prefix = _PREFIXES.match(stripped)
    if prefix:
        lead += prefix.end()
        stripped = stripped[prefix.end() :]
    if not (stripped[:1].isupper() or _LOWER_CASE_PARTICLE.match(stripped)):
        return
    if stripped.lower().startswith(("ibid", "idem", "op. cit")):
        return
    if ":" in stripped and any(w.lower().strip(".,") in NOT_PERSONS for w in stripped.split()):
        return  # an imprint: "(Cambridge, MA: Harvard University Press, 1996)"
    names, year, locator, title = _split_citation(stripped)
    if not names:
        return
    # "(Browning)" alone is a citation only of an author the list has: "(Moscow)" is not;
    # nor is a date, "(December 1934)", unless the list has a March or a May.
    strength = STRONG if (year or locator) and not _DATE.match(stripped) else WEAK
    for name in names:
        start, end = _place_of(name, stripped)
        given, _, family = name.rpartition(" ")
        yield Citation(
            family,
            given,
            positions.span(offset + lead + start, offset + lead + end),
            "parenthetical",
            strength,
            year=year,
            locator=locator,
            title_hint=title,
        )


# A family name that opens with its particle in lower case: "(al-Azmeh 1993)", "(d'Avenel
# 1894)", "(de Gaulle 1970)".
_LOWER_CASE_PARTICLE = patterns.compile(
    r"(?:al|el|ad|an|ar|as|ash|at|az|ibn|bin|d|de|del|della|di|da|dos|das|du|la|le|van|von"
    r"|ten|ter)[-'’ ](?:(?:der|den|la|le|de)[ ])?[^\W\d_a-z]"
)


def _place_of(name: str, text: str) -> tuple[int, int]:
    """Where ``name`` stands in ``text``: the name's words were joined with one space, and
    the text may have any run of spaces (a tab, a no-break space) between them."""
    found = re.search(r"\s+".join(map(re.escape, name.split())), text)
    return found.span() if found else (0, len(name))


def years_cited(citation: Citation) -> str:
    """A citation's years, with a locator that reads as another year of the author:
    "(Hardy 1984, 1993)" cites two of Hardy's works more often than page 1993 of one
    (the list decides which years it has)."""
    if citation.locator[:1].isdigit() and _YEAR.match(citation.locator):
        return f"{citation.year}, {citation.locator}"
    return citation.year


def _split_citation(text: str) -> tuple[list[str], str, str, str]:
    """ "Harris and Getty, 2016, p. 45" -> (["Harris", "Getty"], "2016", "45", "")."""
    text = re.sub(r"\b(\d{4}[a-z]?)\s*:\s*", r"\1, ", text)  # Harvard's "1993: 262"
    pieces = [p.strip() for p in re.split(r",\s*", text) if p.strip()]
    if not pieces:
        return [], "", "", ""
    words = pieces[0].split()
    tail: list[str] = []
    # The head's last words may be the year and the page: "Harris 2016" / "Fitzpatrick p. 42".
    while words and (_YEAR.match(words[-1]) or _LOCATOR.match(words[-1]) or words[-1] in _PAGE):
        tail.insert(0, words.pop())
    year = locator = title = ""
    for piece in [*_join_page_marks(tail), *pieces[1:]]:
        found = _LOCATOR.match(piece)
        if not year and _YEAR.match(piece):
            year = piece
        elif not locator and found:
            locator = found.group(1)
        elif not title and piece.lstrip("\"“‘'*_")[:1].isupper():
            piece = piece.replace("*", "").replace("_", "")
            title, _, last = piece.rpartition(" ")
            found = _LOCATOR.match(last)
            if title and found:
                locator = locator or found.group(1)
            else:
                title = piece
    return _names_of(" ".join(words)), year, locator, title


_PAGE = ("p.", "pp.", "p", "pp")


def _join_page_marks(words: list[str]) -> list[str]:
    """["2016", "p.", "45"] -> ["2016", "p. 45"]."""
    joined: list[str] = []
    for word in words:
        if joined and joined[-1] in _PAGE:
            joined[-1] = f"{joined[-1]} {word}"
        else:
            joined.append(word)
    return joined


# Words of places, publishers, institutions and laws, which stand where a name could.
NOT_PERSONS = frozenset(
    """archive archives center centre library press university museum institute office ministry
    committee commission department foundation society association council agency bureau
    books house publishers publishing company collection records papers act acts treaty
    declaration charter constitution statute decree edict convention protocol pact census
    assembly congress parliament senate""".split()
)


# Nouns that make a name an institution's: "World Bank", "Pew Research Center".
INSTITUTIONAL = (
    NOT_PERSONS
    | frozenset(
        """bank organization organisation fund group union network trust service services party
    league academy institution board programme program forum alliance federation
    corporation authority administration government court nations secretariat
    observatory college""".split()
    )
    | frozenset(
        # The same nouns in the languages whose institutions English essays most often cite:
        # "Oficina del Peregrino", "Istituto Centrale per il Catalogo", "Bundesamt für Statistik".
        """oficina instituto institut istituto ministerio ministère ministero ministerium archivo
    archivio arquivo biblioteca bibliothèque bibliothek museo musée museu universidad
    universidade università université universität centro fundación fundação fondazione
    fondation stiftung sociedad società société gesellschaft comisión commissione
    consejo conseil consiglio bundesamt académie academia accademia asociación verein""".split()
    )
)


def _names_of(text: str) -> list[str]:
    """The persons of a citation's head: "Getty and Naumov" -> ["Getty", "Naumov"]."""
    text = re.sub(r"\s+et al\.?$", "", text.strip())
    if ":" in text:
        return []  # "New York: Random House" is an imprint
    names = [n.strip() for n in re.split(r"\s*(?:,|\band\b|&)\s*", text) if n.strip()]
    ok = all(_looks_like_person(n) and len(n.split()) <= 4 for n in names)
    return names if ok else []


def _looks_like_person(name: str) -> bool:
    words = name.split()
    if len(words) == 1 and words[0].lower().strip(".") in _FUNCTION_WORDS:
        return False  # "(see Table 2)", "(Chapter 3, 1990)": a part of this text, not a name
    return all(
        w[:1].isupper() or w in _PARTICLES or _LOWER_CASE_PARTICLE.match(w) for w in words
    ) and not any(w.lower().strip(".,") in NOT_PERSONS for w in words)


# --- notes -----------------------------------------------------------------

_NOTE_AUTHOR = patterns.compile(
    r"^(?:\[?\^?\d+\]?[:.]?\s*)?(?:(?:see also|see|cf\.?)\s+)?"
    r"(?P<name>(?:[A-Z][\w’'.-]*\.?\s+){0,3}(?:(?:van|von|de|der|du|la|le|di|da)\s+)*[^\W\d_][\w’'-]+)"
    r"\s*(?:,|\(ed|\(eds|and\s)",
    re.I,
)


def note_citations(block: Block) -> Iterator[Citation]:
    """A note's leading author ("J. Harris, The Great Fear, 45"), its year and short title."""
    text = block.prose or block.text
    stripped = text.lstrip()
    if stripped.lower().startswith(("ibid", "idem", "op. cit", "loc. cit")):
        return
    match = _NOTE_AUTHOR.match(stripped)
    if not match:
        return
    name = match.group("name").strip()
    if not _looks_like_person(name):
        return
    given, _, family = name.rpartition(" ")
    if family.lower() in _FUNCTION_WORDS or not _is_capitalised(family):
        return
    offset = len(text) - len(stripped) + match.start("name") + len(given) + (1 if given else 0)
    rest = stripped[match.end() :]
    # The text, not the prose, knows the italics; the two are the same length.
    start = len(text) - len(stripped) + match.end()
    year = _note_year(block.text[start:] if block.prose else rest)
    locator = re.search(r"(?:pp?\.\s*)?(\d+(?:\s*[-–]\s*\d+)?)\.?\s*$", stripped)
    short_title = re.match(r"\s*[*_\"“‘']*([A-Z][^,()*_\"”’]{2,80})", rest)
    yield Citation(
        family,
        given,
        _Positions(block).span(offset, offset + len(family)),
        "note",
        STRONG,
        year=year,
        locator=locator.group(1) if locator else "",
        title_hint=short_title.group(1).strip() if short_title else "",
    )


_NOTE_YEAR = patterns.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_BRACKETED = patterns.compile(r"\(([^()]*)\)")
# A title in quotes or italics: its years are the subject's ("Soviet 1931-1933 Famines").
_TITLE_SPAN = patterns.compile(r"“[^”]*”|\"[^\"]*\"|\*[^*]+\*|(?<!\w)_[^_]+_(?!\w)")


def _note_year(rest: str) -> str:
    """The year of the work a note cites: the last in brackets, the imprint's ("Origins of
    the Cold War, 1941-1947 (New York, 1972)", "27 (2004): 97-115"); failing that the last
    outside its title; "" for a short note whose only years are its title's ("Graziosi,
    'Soviet 1931-1933 Famines,' 107")."""
    for inside in reversed(_BRACKETED.findall(rest)):
        if years := _NOTE_YEAR.findall(inside):
            return str(years[-1])
    years = _NOTE_YEAR.findall(_TITLE_SPAN.sub(" ", rest))
    return str(years[-1]) if years else ""


# --- the whole document ------------------------------------------------------


def find_citations(document: Document) -> tuple[Citation, ...]:
    """Every citation in the body and the notes, in the order they stand."""
    return body_citations(document.body, document.notes)


# The last few, remembered: the CLI finds them while the list is still being parsed,
# or has them from another process or an earlier run (checks.reading), and the rules
# ask again once the list is read.
@remembered(maxsize=4)
def body_citations(body: tuple[Block, ...], notes: tuple[Block, ...]) -> tuple[Citation, ...]:
    brackets: list[Citation] = []
    in_notes: list[Citation] = []
    for block in body:
        brackets.extend(parenthetical_citations(block))
    for block in notes:
        cited = list(note_citations(block))
        in_notes.extend(cited)
        brackets.extend(parenthetical_citations(block, _after_imprint(block) if cited else 0))
    narrative, others = _narratives(body, notes, brackets, in_notes)
    found = others + narrative
    return tuple(sorted(_unique(found), key=lambda c: (c.span.line, c.span.column)))


def _after_imprint(block: Block) -> int:
    """Where a full note's text goes on after its imprint, or 0: "J. Harris, The Great
    Fear (Oxford, 2016), 45". A note that opens with its author names the work next,
    and the first bracket holding a year and no page says where and when it appeared."""
    match = _PARENTHESIS.search(block.prose or block.text)
    if match is None:
        return 0
    _, year, locator, _ = _split_citation(match.group(1).replace("\n", " ").strip())
    return match.end() if year and not locator else 0


def _weigh_note(citation: Citation, evidence: _Evidence) -> Citation:
    """A note opening on a lone common word ("Print and the Reformation ...") or a bracket
    holding one with no year ("(Article 231)") is not sure to cite an author."""
    key = citation.family.lower()
    if citation.given or key not in evidence.lowercase or key in evidence.cited | evidence.named:
        return citation
    return citation._replace(strength=WEAK)


@remembered(maxsize=4)  # as body_citations
def common_words(blocks: tuple[Block, ...]) -> frozenset[str]:
    """The words the blocks write in lower case, with their stems ("printing" -> "print")."""
    lowercase = {t.text for b in blocks for t in _tokens(b.prose or b.text) if t.text.islower()}
    return frozenset(_with_stems(lowercase))


def is_common_word(word: str, common: frozenset[str]) -> bool:
    """Whether a capitalised word is one the text also writes in lower case ("Services"
    where "the civil service" is), inflected or not."""
    return bool(_with_stems({word.lower()}) & common)


@remembered(maxsize=4)  # as _citations
def find_mentions(blocks: tuple[Block, ...]) -> tuple[Mention, ...]:
    return tuple(m for block in blocks for m in mentions(block))


def _unique(citations: list[Citation]) -> Iterator[Citation]:
    seen: set[tuple[int, int]] = set()
    for citation in citations:
        where = (citation.span.line, citation.span.column)
        if where not in seen:
            seen.add(where)
            yield citation
