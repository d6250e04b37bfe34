"""Split the text of an author or editor field into ``Name`` values.

Handles both orders ("Carley, M. J." and "Oleg V. Naumov"), family-first without a
comma ("Gorodetsky G.", "Saad ED", "AYKUT Stefan C."), lists joined by commas,
semicolons, "and", "&", "et", "und", and the role and "et al." markers around them.
"""

import re
from typing import NamedTuple

from bib import patterns
from bib.model import Name

# A whole run of whitespace, matched only from its first character: the lookbehind
# fails inside a run. A pattern that may start with whitespace would otherwise be
# tried at every position of a long run (of no-break spaces, say), scanning to its
# end each time: quadratic in the run. Nothing is lost, since whatever matched from
# inside a run matched from its start. The patterns below spell out "optional
# comma or whitespace, then X" as flat alternatives (",X", "run X", "X"): each then
# starts with one character the engine tests before trying it, which is faster
# than an optional group.
_SPACE_RUN = r"\s(?<!\s\s)\s*"
_ROLE_AT_END = r"\b(?:eds?|editors?|hrsg|hgg?|éds?)\b\.?(?=\s*+[,.:;]?\s*+$)"
_EDITOR_MARK = patterns.compile(
    r"\(\s*(?:eds?|editors?|hrsg|hgg?|éds?|dirs?|coords?|orgs?|a cura di)\s*\.?\s*\)"
    r"|\b(?:edited|ed\.)\s+and\s+(?:translated|trans\.)\s+by\b"
    r"|\b(?:edited|ed\.|eds\.|hrsg\.|herausgegeben|éd\.|dir\.)\s+(?:by|von|par)\b"
    rf"|,\s*{_ROLE_AT_END}|{_SPACE_RUN}{_ROLE_AT_END}|{_ROLE_AT_END}"
    r"|^\s*(?:edited|herausgegeben)\s+(?:by|von)\b"
    r"|\bsous la dir(?:ection|\.)?\s+de\b|\ba cura di\b",
    re.IGNORECASE,
)
_TRANSLATOR_MARK = patterns.compile(
    r"\(\s*(?:trans|transl|tr|übers|trad)\s*\.?\s*\)"
    r"|\b(?:translated|trans\.|transl\.|tr\.|übersetzt|übers\.|traduit|trad\.)"
    r"\s*(?:by|von|par|from [\w ]+? by)?\b",
    re.IGNORECASE,
)
_OTHERS = r"(?:\bet\.?\s*al\b\.?|\bu\.\s*a\.|\band others\b|…|\.\.\.)"
_ET_AL = patterns.compile(rf",\s*{_OTHERS}|{_SPACE_RUN}{_OTHERS}|{_OTHERS}", re.IGNORECASE)
_LEAD = patterns.compile(r"^\s*(?:in|dans|im|en)(?:\s*:)?\s+(?=\S)", re.IGNORECASE)
_JOINERS = patterns.compile(
    rf";\s*|{_SPACE_RUN};\s*"
    rf"|{_SPACE_RUN}(?:and|&)(?:\s+(?:and|&))+\s+"
    rf"|{_SPACE_RUN}(?:and|&|und|et|y|e|og|en|i)\s+"
    rf"|&\s*|{_SPACE_RUN}&\s*"
    r"|,\s*(?:and|&)\s+",
    re.I,
)
_INITIALS = patterns.compile(
    # "Jr"/"Sr" are suffixes; "JR"/"SR" after a family name are initials ("Stewart JR").
    r"^(?!(?:[Jj]r|[Ss]r)\.?$)"
    r"^(?:[^\W\d_]{1,2}\.\s*(?:-\s*)?|[^\W\d_]\s+)*[^\W\d_]{1,2}\.?$|^[A-Z]{1,3}$"
)
_PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "des", "la", "le",
              "ten", "ter", "dos", "das", "do", "bin", "al", "el", "zu", "vom", "d'"}  # fmt: skip
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
_TITLES = patterns.compile(r"^(?:abbé|dr|prof|sir|mgr|mme|mr|mrs|ms|rev|père|fr)\.?\s+", re.I)


_PARENTHESISED_GIVEN = patterns.compile(r"^(.+?)\s*\(([^()]*)\)$")
_NAME_WORDS = patterns.compile(r"[^\s.]+\.?(?:-[^\s.]+\.?)*|\.")
_BY = patterns.compile(r"^\s*(?:by|von|par)\s+", re.IGNORECASE)
_ENDS_IN_INITIAL = patterns.compile(r"(?:^|[\s.,-])[^\W\d_]{1,2}\.$")


class NameList(NamedTuple):
    """The people of one author/editor field, and what the field said about them."""

    names: tuple[Name, ...]
    editors: bool = False  # "(ed.)", "eds.", "edited by"...
    translators: bool = False
    et_al: bool = False


def _is_initials(part: str) -> bool:
    return bool(_INITIALS.match(part.strip()))


def _is_short_family(part: str) -> bool:
    """A capital and a small letter with no full stop: before a comma, a family name of
    two letters (Li, Wu, Xu, Ng, Le), not initials ("Ch." and "Th." keep their stops)."""
    word = part.strip()
    return len(word) == 2 and word.isalpha() and word[0].isupper() and word[1].islower()


def _tidy(text: str) -> str:
    return " ".join(text.split()).strip(" ,;:.-–—\t") if text else ""


def _tidy_given(text: str) -> str:
    text = " ".join(text.split()).strip(" ,;:()")
    return text


def _split_particle(family: str) -> tuple[str, str]:
    words = family.split()
    i = 0
    while i < len(words) - 1 and words[i].lower() in _PARTICLES:
        i += 1
    return " ".join(words[:i]), " ".join(words[i:])


def _name(family: str, given: str) -> Name:
    family = _tidy(family.strip("()")).rstrip(".")
    suffix = ""
    words = family.split()
    if len(words) > 1 and words[-1].lower() in _SUFFIXES:
        suffix, family = words[-1], " ".join(words[:-1])
    particle, family = _split_particle(family)
    return Name(family=family, given=_tidy_given(given), particle=particle, suffix=suffix)


# Nouns that name a body, not a person (surnames such as Court or House are not here).
_CORPORATE = frozenset(
    """organization organisation association institute institution university society
    agency ministry department committee commission council foundation bureau bank fund
    office center centre academy federation corporation administration secretariat
    network programme program services""".split()
)


def _is_corporate(words: list[str]) -> bool:
    """An organisation's name: a noun of a body in it, and no initials."""
    return any(w.lower().strip(".,") in _CORPORATE for w in words) and not any(
        w[:1].isupper() and _is_initials(w) for w in words
    )


def parse_person(text: str) -> Name | None:
    """One person written without a comma: "Oleg V. Naumov", "Saad ED", "BARIL Jean"."""
    text = _TITLES.sub("", " ".join(text.split()).strip(" ,;:-–—"))
    paren = _PARENTHESISED_GIVEN.match(text)  # "Bugnon (A.-L.)"
    if paren:
        return _name(paren.group(1), paren.group(2))
    words = _NAME_WORDS.findall(text)
    words = [w for w in words if w != "."]
    if not words:
        return None
    if len(words) == 1:
        return _name(words[0], "")
    if _is_corporate(words):
        # "World Health Organization": one name, not a given and a family name.
        return Name(family=" ".join(w.rstrip(".,") for w in words))
    lowered = [w.lower() for w in words]
    # Family first when the name ends in initials ("Gorodetsky G.", "Saad ED") or
    # starts with a family name in capitals ("AYKUT Stefan C.").
    first = words[0]
    if (
        first.isupper()
        and len(first.rstrip(".")) > 1
        and not all(w.isupper() for w in words)
        and not _is_initials(first)
    ):
        return _name(first, " ".join(words[1:]))
    trailing = 0
    while trailing < len(words) - 1 and _is_initials(words[-1 - trailing]):
        trailing += 1
    if trailing and (not _is_initials(words[0]) or _is_short_family(words[0])):
        # "Saad ED", and "Li M" (Vancouver): the family name, then its initials.
        return _name(" ".join(words[:-trailing]), " ".join(words[-trailing:]))
    capitals = [i for i, w in enumerate(words) if w.isupper() and len(w.rstrip(".")) > 2]
    if capitals and capitals[-1] == len(words) - 1:  # "J. B. D. COCHET"
        start = capitals[0] if capitals == list(range(capitals[0], len(words))) else capitals[-1]
        return _name(" ".join(words[start:]), " ".join(words[:start]))
    i = len(words) - 1
    if lowered[-1] in _SUFFIXES and i > 1:
        i -= 1
    while i > 1 and lowered[i - 1] in _PARTICLES:
        i -= 1
    return _name(" ".join(words[i:]), " ".join(words[:i]))


def _looks_family(part: str) -> bool:
    """A comma part that can be a family name on its own: "Carley", "van der Linden"."""
    words = part.split()
    if not words or (_is_initials(part) and not _is_short_family(part)):
        return False
    if len(words) == 1:
        return True
    return all(w.lower() in _PARTICLES for w in words[:-1]) or (
        len(words) == 2 and not any(_is_initials(w) for w in words)
    )


def _looks_given(part: str) -> bool:
    """A comma part that completes the family before it: "M. J.", "Jean", "Oleg V."."""
    words = part.split()
    if words and (_is_initials(part) or all(_is_initials(w) for w in words)):
        return True
    if not words or len(words) > 3:
        return False
    return len(words) <= 2 and words[0][:1].isupper() and all(_is_initials(w) for w in words[1:])


def _trailing_particles(part: str) -> tuple[str, str]:
    """("Marcel", "van der") from "Marcel van der"; (part, "") when none trail."""
    words = part.split()
    i = len(words)
    while i > 1 and words[i - 1].lower().rstrip(".") in _PARTICLES:
        i -= 1
    return " ".join(words[:i]), " ".join(words[i:]).rstrip(".")


def _one_family_then_given_names(part: str, nxt: str) -> bool:
    """ "Miller", "Jean Baker" and "Getty", "J. Arch": given names and initials, at least
    one a whole word (all initials are read as usual)."""
    words = nxt.split()
    return (
        part.replace("-", "").isalpha()
        and 2 <= len(words) <= 3
        and all(w[:1].isupper() and (_is_initials(w) or w.isalpha()) for w in words)
        and any(w.isalpha() and not _is_initials(w) for w in words)
    )


def _split_group(group: str) -> list[Name]:
    parts = [p.strip() for p in group.split(",") if p.strip(" .")]
    names: list[Name] = []
    i = 0
    while i < len(parts):
        part = parts[i]
        nxt = parts[i + 1] if i + 1 < len(parts) else ""
        given, particles = _trailing_particles(nxt)
        if particles and _looks_family(part) and _looks_given(given):
            # "Linden, Marcel van der": the particles written after the given name.
            names.append(_name(f"{particles} {part}", given))
            i += 2
            continue
        if not names and i == 0 and _one_family_then_given_names(part, nxt):
            # "Miller, Jean Baker": a lone word first is a family name, never a person
            # written in full, so the words after its comma are given names.
            names.append(_name(part, nxt))
            i += 2
            continue
        if (
            nxt
            and _looks_family(part)
            and _looks_given(nxt)
            and (_is_short_family(part) or not _is_initials(part))
        ):
            # "Smith, J." but not "Roger Grand, Raymond Delatouche" (two full names).
            if len(part.split()) == 2 and " " in nxt and not _is_initials(nxt):
                person = parse_person(part)
                if person:
                    names.append(person)
                i += 1
                continue
            names.append(_name(part, nxt))
            i += 2
            if i < len(parts) and parts[i].lower() in _SUFFIXES:
                # "King, Martin Luther, Jr.": the suffix after the given name.
                names[-1] = names[-1]._replace(suffix=parts[i])
                i += 1
            continue
        if nxt.lower().rstrip(".") in _SUFFIXES and names == [] and " " in part:
            person = parse_person(part)
            if person:
                names.append(
                    Name(person.family, person.given, person.particle, nxt.rstrip(",").strip())
                )
            i += 2
            continue
        person = parse_person(part)
        if person:
            names.append(person)
        i += 1
    return names


def parse_names(text: str) -> NameList:
    """Every person in an author/editor/translator field."""
    editors = bool(_EDITOR_MARK.search(text))
    translators = bool(_TRANSLATOR_MARK.search(text))
    body = _EDITOR_MARK.sub(" ", text)
    body = _TRANSLATOR_MARK.sub(" ", body)
    et_al = bool(_ET_AL.search(body))
    body = _ET_AL.sub(" ", body)
    body = _LEAD.sub("", body)
    body = _BY.sub("", body)
    body = " ".join(body.split()).strip(" ,;:").lstrip("•·▪◦*+ ")  # list bullets
    # A final period closes the field, except after an initial ("Carley, M. J.").
    if body.endswith(".") and not _ENDS_IN_INITIAL.search(body):
        body = body[:-1]
    if not body or not any(ch.isalnum() for ch in body):  # "———." repeats the last author
        return NameList((), editors, translators, et_al)
    names: list[Name] = []
    for group in _JOINERS.split(body):
        if group and group.strip(" ,."):
            names.extend(_split_group(group))
    return NameList(tuple(n for n in names if n.family), editors, translators, et_al)
