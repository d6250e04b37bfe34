"""Entries that repeat the previous entry's author with a dash.

MLA writes "---." and Chicago "———." in place of the name of the entry above:
"Shelley, Mary. *Frankenstein*. ..." then "---. *The Last Man*. ...". The
parser reads one entry at a time and takes the dash for part of a title, a
date or a name; this step gives such an entry the names it stands for, and
labels the dash as the names' place in the entry, so that linking, ordering and
the style rules see the same author as the reader does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bib import patterns
from bib.model import Entry, Name, Reference

# Three hyphens, two or more en dashes, one or more em dashes (a 3-em dash may be one
# character or three), or underscores, then the punctuation after a name.
_DASH = patterns.compile(r"^\s*(?:-{2,}|–{2,}|[—⸺⸻]+|_{2,})(?=[\s.,(]|$)")
# The name's place: the dash and what follows a name (", editor.", ", ed.", ".").
_NAME_PLACE = patterns.compile(
    r"^\s*(?:-{2,}|–{2,}|[—⸺⸻]+|_{2,})"
    r"(?:,?\s*(?:editors?|eds?\.|trans(?:lator)?\.?|comp\.)|\s*\((?:eds?|trans)\.?\))?\.?",
    re.IGNORECASE,
)
_EDITOR_ROLE = patterns.compile(r"\b(?:editors?|eds?)\b", re.IGNORECASE)
NAME_LABELS = ("author", "editor", "translator")
_EDGE = " .,;:\"'“”‘’*_"


def repeats_previous(raw: str) -> bool:
    """Whether the entry opens with a dash standing for the previous entry's names."""
    return bool(_DASH.match(raw))


def with_repeated_names(entries: Sequence[Entry]) -> tuple[Entry, ...]:
    """The entries, each one opening with a dash given the names of the entry above.

    An entry whose dash is followed by "editor" or "ed." takes them as its editors;
    otherwise as its authors. The first entry of a list has nothing to repeat.
    """
    result: list[Entry] = []
    for entry in entries:
        previous = result[-1].reference if result else None
        names = (previous.authors or previous.editors) if previous else ()
        if names and repeats_previous(entry.raw):
            entry = entry._replace(reference=named_by_dash(entry.reference, names))
        result.append(entry)
    return tuple(result)


def named_by_dash(ref: Reference, names: tuple[Name, ...]) -> Reference:
    """``ref`` with ``names`` where its leading dash stands, and the dash as their segment."""
    if not ref.segments:
        return ref
    label, text = ref.segments[0]
    found = _NAME_PLACE.match(text)
    if found is None:
        return ref
    place, rest = text[: found.end()], text[found.end() :]
    as_editors = bool(_EDITOR_ROLE.search(place))
    name_label = "editor" if as_editors else "author"
    # What followed the dash in a segment of names is the title the parser took for one.
    rest_label = "title" if label in NAME_LABELS else label
    segments: tuple[tuple[str, str], ...] = ((name_label, place.strip()),)
    if rest.strip(_EDGE):
        segments += ((rest_label, rest.strip()),)
    title = ref.title
    if rest_label == "title" and label != "title" and not title:
        title = rest.strip(_EDGE)
    elif dash := _DASH.match(title):
        title = title[dash.end() :].lstrip(" .,")
    # The parser's names for a dash are no one's; the editors of an edition stay.
    ref = ref._replace(editors=names) if as_editors else ref._replace(authors=names)
    return ref._replace(title=title, segments=(*segments, *ref.segments[1:]))
