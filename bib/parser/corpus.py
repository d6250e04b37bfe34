"""Labelled references for training and evaluation: reading, splitting, aligning.

The corpus gives each reference as ordered ``[label, text]`` segments. GROBID's
segments leave out the punctuation and the cue words between them ("pp.", "In",
"Vol."), so tokens are aligned by their non-space characters and the gaps are filled
the way AnyStyle labels them: a cue word belongs to the field it introduces, trailing
punctuation to the field it closes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from bib import patterns
from bib.parser import labels as L
from bib.parser.tokens import Token, tokenize


class LabelledReference(NamedTuple):
    id: str
    source: str
    style: str
    text: str
    tokens: tuple[Token, ...]
    labels: tuple[str, ...]
    segments: tuple[tuple[str, str], ...]  # gold segments, our labels, corpus text


def default_corpus_path() -> str:
    """The labelled corpus: $BIB_CORPUS, else shared/ beside the repository."""
    if os.environ.get("BIB_CORPUS"):
        return os.environ["BIB_CORPUS"]
    here = Path(__file__).resolve().parents[3] / "shared" / "data" / "references" / "train.jsonl"
    return str(here if here.exists() else Path("/work/shared/data/references/train.jsonl"))


def _bucket(record_id: str) -> int:
    return int(hashlib.sha1(record_id.encode()).hexdigest(), 16) % 10


def is_held_out(record_id: str) -> bool:
    """The fixed 10% evaluation split: never trained or tuned on."""
    return _bucket(record_id) == 0


def is_dev(record_id: str) -> bool:
    """A 10% development split carved from the training 90%, for error analysis and tuning.

    Models meant for tuning are trained without it (``train_parser.py --without-dev``);
    the shipped model trains on it as on the rest of the training split.
    """
    return _bucket(record_id) == 1


_EDITOR_CUE = patterns.compile(
    r"^\(?(?:eds?|editors?|hrsg|hg|éds?|dir|coord|a cura di)\.?\)?[.,:]?$", re.I
)
_TRAILING_CUE = patterns.compile(r"^(?:et|al\.?|\(?eds?\.?\)?|\(?ed\.?\)?)$", re.I)
_YEAR = patterns.compile(r"^(1[5-9]\d\d|20[0-4]\d)[a-z]?$")


def _is_punct(text: str) -> bool:
    return not any(ch.isalnum() for ch in text)


def _opens(tokens: Sequence[Token], i: int) -> bool:
    """An opening bracket or quote: it belongs to the field that follows it."""
    text = tokens[i].text
    if text in "([{“‘«„":
        return True
    if text in "\"'":
        return i + 1 < len(tokens) and tokens[i + 1].start == tokens[i].end
    return False


def fill_gaps(tokens: Sequence[Token], labels: Sequence[str | None]) -> list[str]:
    """Give every unlabelled token the label of the field it belongs to."""
    n = len(tokens)
    out: list[str | None] = list(labels)
    previous: list[str | None] = [None] * n
    following: list[str | None] = [None] * n
    last: str | None = None
    for i in range(n):
        previous[i] = last
        if labels[i] is not None:
            last = labels[i]
    last = None
    for i in reversed(range(n)):
        following[i] = last
        if labels[i] is not None:
            last = labels[i]
    punctuation: list[int] = []
    for i in range(n):
        if out[i] is not None:
            continue
        text = tokens[i].text
        before, after = previous[i], following[i]
        if before in (L.EDITOR, L.AUTHOR) and (
            _EDITOR_CUE.match(text) or _TRAILING_CUE.match(text) or text in "()"
        ):
            out[i] = before
        elif _is_punct(text) and not _opens(tokens, i):
            punctuation.append(i)  # after the words: it follows the token before it
        elif before is None and after is not None and re.fullmatch(r"[\[(]?\d{1,4}[\].)]?", text):
            out[i] = L.CITATION_NUMBER
        else:
            out[i] = after or before or L.OTHER
    for i in punctuation:
        out[i] = (out[i - 1] if i else None) or following[i] or L.OTHER
    return [label or L.OTHER for label in out]


def align(text: str, segments: Sequence[tuple[str, str]]) -> tuple[tuple[Token, ...], list[str]]:
    """Tokens of ``text`` and their labels from in-order ``segments`` (our labels)."""
    _, tokens = tokenize(text)
    nonspace = [i for i, ch in enumerate(text) if not ch.isspace()]
    squeezed = "".join(text[i] for i in nonspace)
    owner: dict[int, str] = {}  # original char index -> label
    cursor = 0
    for label, seg in segments:
        needle = re.sub(r"\s+", "", seg)
        if not needle:
            continue
        k = squeezed.find(needle, cursor)
        if k < 0:
            continue
        for j in range(k, k + len(needle)):
            owner[nonspace[j]] = label
        cursor = k + len(needle)
    raw: list[str | None] = []
    for tok in tokens:
        hit = next((owner[i] for i in range(tok.start, tok.end) if i in owner), None)
        raw.append(hit)
    labels = fill_gaps(tokens, raw)
    return tokens, _years_out_of_volume(tokens, labels)


def _years_out_of_volume(tokens: Sequence[Token], labels: list[str]) -> list[str]:
    # AnyStyle labels Vancouver's "2012;30(15):" as one volume; the year is a date.
    for i, tok in enumerate(tokens):
        if (
            labels[i] == L.VOLUME
            and _YEAR.match(tok.text)
            and i + 1 < len(tokens)
            and tokens[i + 1].text == ";"
        ):
            labels[i] = labels[i + 1] = L.DATE
    return labels


_IN_CUE = patterns.compile(r"^(?:in|dans|im|en)\b\s*:?\s*", re.IGNORECASE)
_TRAILING_IN = patterns.compile(r"\s*\b(?:in|dans|im)\s*:?\s*$", re.IGNORECASE)


def map_segments(raw_segments: Iterable[Sequence[str]]) -> tuple[tuple[str, str], ...]:
    """The corpus's segments under our labels, with two fixes to the corpus's own use.

    - A title segment that ends in the "In" of the container ('“Recitatio…” In') gives
      the cue to the segment after it: a cue word belongs to the field it introduces.
    - A container with no title beside it but with an imprint (AnyStyle's
      ``container-title`` of "Bernstein, R. J. (1983). Beyond objectivism... Philadelphia:
      University of Pennsylvania Press.") is the work cited, so its title; GROBID's
      ``title[m]`` follows the same rule. A container introduced by "In" stays one.
    """
    pairs = [(str(s[0]), str(s[1])) for s in raw_segments]
    has_article_title = any(label == "title[a]" for label, _ in pairs)
    mapped = [(L.map_label(label, has_article_title), text) for label, text in pairs]
    for k in range(len(mapped) - 1):
        label, text = mapped[k]
        cue = _TRAILING_IN.search(text) if label == L.TITLE else None
        if cue and cue.start() > 0:
            after_label, after = mapped[k + 1]
            mapped[k] = (label, text[: cue.start()])
            mapped[k + 1] = (after_label, f"{text[cue.start() :].strip()} {after}")
    labels = {label for label, _ in mapped}
    if (
        L.CONTAINER in labels
        and L.TITLE not in labels
        and (L.PUBLISHER in labels or L.PLACE in labels)
        and not any(label == L.CONTAINER and _IN_CUE.match(t) for label, t in mapped)
    ):
        mapped = [(L.TITLE if label == L.CONTAINER else label, t) for label, t in mapped]
    return tuple(mapped)


def read_corpus(path: str) -> Iterator[LabelledReference]:
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            segments = map_segments(record["segments"])
            tokens, labels = align(record["text"], segments)
            if not tokens:
                continue
            yield LabelledReference(
                record["id"],
                record["source"],
                record["style"],
                record["text"],
                tokens,
                tuple(labels),
                segments,
            )
