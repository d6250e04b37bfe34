"""Field accuracy of the reference parser on the held-out 10% (`make eval`).

The held-out split is fixed by a hash of each record's id
(``bib.parser.corpus.is_held_out``): never trained or tuned on. ``--split dev`` (a
tenth of the training 90%, ``corpus.is_dev``) and ``--split train`` are for error
analysis and tuning; a model trained ``--without-dev`` keeps the dev figure honest.

Two definitions are printed, overall, per style and per field:

- accuracy (GROBID's definition): every field of every reference counts, and a field
  that gold and parser both leave empty counts as agreeing (true negatives included);
- present-field accuracy: a field counts for a reference only when the gold or the
  parser fills it (so inventing a field is an error too). Type always counts.

How the gold fields are read from the corpus's labelled segments (labels mapped as in
``bib.parser.labels`` and ``bib.parser.corpus.map_segments``); the first segment of a
label is its value unless said otherwise:

- authors / editors: the family names that ``bib.parser.names.parse_names`` finds in
  all author (editor) segments, in order ("Getty, J. A. and Oleg V. Naumov" ->
  getty, naumov); names are compared by family name (with particle), normalised.
- title, publisher, place: the segment less the punctuation and brackets that
  separate fields (``strip_field``: '"Title",' -> Title; '(New York, NY:' -> New York, NY).
- container: likewise, less a leading "In"/"in:"/"Dans" ("In Proceedings..." -> Proceedings...).
- volume, number: all volume/issue segments through ``split_volume``
  ('Vol. 48 (1),' -> 48 and 1; '2012;30(15):' -> 30 and 15).
- pages: ``normalise_pages`` ('p. 182-196.' -> 182-196; 'pp. 286 – 314' -> 286-314).
- year: the first four-digit year 1500-2049 in the first date segment that has one
  ('(1990),' -> 1990; '1989 [1972].' -> 1989).
- type: ``decide_type`` over those gold fields (container and editors or "In" or an
  imprint -> chapter, container alone -> article, and so on; see its docstring).

Fixes to how OUR mapping read the corpus (the corpus itself is never changed):

1. An author segment marked as editors ("Viola, Herman J., and Carolyn Margolis, eds.",
   "PINGAUD, Bernard (dir.),") gives editors, not authors: that is what ``Reference``
   means by editors, and what the seed list asks of "Cooper, J (ed.)". (It was read as
   authors.)
2. "In" before the container is read from the text, not only from the container
   segment: GROBID leaves the cue outside every segment, so its chapters
   ("..., In Proc. X, pp. 1-10") were typed as articles.
3. An access date ("Accessed 3 March 2020", in a date or note segment) is passed to
   ``decide_type`` as the parser passes its own; without it a web page with a
   publisher was typed as a book.
4. In ``corpus.map_segments`` (training labels too): a title segment that ends in the
   "In" of the container ('“Recitatio…” In') hands the cue on, so the gold title no
   longer ends in "In"; and a container with no title beside it but with an imprint
   (AnyStyle's ``container-title`` for whole books: "Carson Rachel 1962 Silent Spring.
   Boston: Houghton Mifflin.") is the title, by the same rule as GROBID's ``title[m]``.
5. The year of a Vancouver reference ("Anesthesiology. 1996;84(3):456-64") is read from
   the volume segment that AnyStyle puts it in, when no date segment holds one: the
   training labels already give those years the date label
   (``corpus._years_out_of_volume``), but the gold year was left empty.

Kept as they were, on purpose: GROBID's ``orgName`` (a thesis's university, a report's
institution) is the publisher, as in CSL; AnyStyle's ``director`` is the author and its
``source`` the container.

Values are compared after lower-casing, unifying dashes, collapsing whitespace and
dropping punctuation at both ends.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bib.model import Reference  # noqa: E402
from bib.parser import labels as L  # noqa: E402
from bib.parser import parse_reference, tagger  # noqa: E402
from bib.parser.corpus import (  # noqa: E402
    LabelledReference,
    default_corpus_path,
    is_dev,
    is_held_out,
    read_corpus,
)
from bib.parser.fields import (  # noqa: E402
    clean_container,
    decide_type,
    find_accessed,
    find_year,
    normalise_dashes,
    normalise_pages,
    split_volume,
    strip_field,
)
from bib.parser.names import parse_names  # noqa: E402

CORPUS = Path(default_corpus_path())
FIELDS = (
    "type", "authors", "editors", "title", "container", "volume", "number", "pages",
    "year", "publisher", "place",
)  # fmt: skip
DEFINITIONS = {
    "grobid": "accuracy (GROBID's definition: every field of every reference, agreeing empties "
    "count)",
    "present": "present-field accuracy (only fields that gold or parser fill)",
}
STYLES = ("science", "other", "humanities:imprint", "author-date:imprint", "humanities:journal")


def norm(value: str) -> str:
    value = normalise_dashes(re.sub(r"\s+", " ", value.lower()))
    return re.sub(r"^[\W_]+|[\W_]+$", "", value)


def _first(segments: Sequence[tuple[str, str]], label: str) -> str:
    return next((text for lab, text in segments if lab == label), "")


def _people(segments: Sequence[tuple[str, str]]) -> tuple[str, str]:
    """Author and editor family names; an author segment marked "(eds.)" names editors."""
    authors: list[str] = []
    editors: list[str] = []
    for lab, text in segments:
        if lab not in (L.AUTHOR, L.EDITOR):
            continue
        people = parse_names(text)
        role = editors if lab == L.EDITOR or people.editors else authors
        role.extend(n.full_family for n in people.names)
    return "; ".join(authors), "; ".join(editors)


_IN_CUE = re.compile(r"^(?:in|dans|im)\b:?$", re.IGNORECASE)
_YEAR_SEMICOLON = re.compile(r"^\s*(1[5-9]\d\d|20[0-4]\d)\s*;")


def _container_after_in(record: LabelledReference) -> bool:
    """Whether "In" introduces the container, in the text (GROBID leaves cues unlabelled)."""
    labels = record.labels
    first = next((i for i, label in enumerate(labels) if label == L.CONTAINER), -1)
    if first < 0:
        return False
    # An unlabelled cue goes to the field it introduces (``corpus.fill_gaps``).
    return bool(_IN_CUE.match(record.tokens[first].text))


def gold_fields(record: LabelledReference) -> dict[str, str]:
    segs = record.segments
    volume_text = " ".join(text for lab, text in segs if lab == L.VOLUME)
    volume, number = split_volume(volume_text) if volume_text else ("", "")
    year = next((find_year(t) for lab, t in segs if lab == L.DATE and find_year(t)), "")
    if not year:  # Vancouver's "2012;30(15):", one volume segment in AnyStyle (fix 5)
        year = next(
            (m.group(1) for lab, t in segs if lab == L.VOLUME and (m := _YEAR_SEMICOLON.match(t))),
            "",
        )
    pages = _first(segs, L.PAGES)
    container_raw = _first(segs, L.CONTAINER)
    authors, editors = _people(segs)
    fields = {
        "authors": authors,
        "editors": editors,
        "title": strip_field(_first(segs, L.TITLE)),
        "container": clean_container(container_raw),
        "volume": volume,
        "number": number,
        "pages": normalise_pages(pages) if pages else "",
        "year": year,
        "publisher": strip_field(_first(segs, L.PUBLISHER)),
        "place": strip_field(_first(segs, L.PLACE)),
    }
    typing = {
        **fields,
        "url": _first(segs, L.URL),
        "accessed": next(
            (find_accessed(t) for lab, t in segs if lab in (L.DATE, L.NOTE) and find_accessed(t)),
            "",
        ),
        "genre": " ".join(t for lab, t in segs if lab == L.GENRE),
        "note": " ".join(t for lab, t in segs if lab == L.NOTE),
        "in": "in" if _container_after_in(record) else "",
    }
    fields["type"] = decide_type(typing, bool(fields["authors"]), bool(fields["editors"])).value
    return fields


def predicted_fields(ref: Reference) -> dict[str, str]:
    return {
        "type": ref.type.value,
        "authors": "; ".join(n.full_family for n in ref.authors),
        "editors": "; ".join(n.full_family for n in ref.editors),
        "title": ref.title,
        "container": ref.container,
        "volume": ref.volume,
        "number": ref.number,
        "pages": ref.pages,
        "year": ref.year,
        "publisher": ref.publisher,
        "place": ref.place,
    }


def evaluate(
    records: Sequence[LabelledReference],
) -> tuple[dict[str, object], list[dict[str, object]]]:
    parse_reference("")  # load the model first: the rate is for parsing, not loading
    # CPU time of this process: the rate on one core, whatever else the machine runs.
    started = time.process_time()
    parsed = [parse_reference(r.text) for r in records]
    elapsed = time.process_time() - started
    # (definition, style, field) -> [hits, counted]
    cells: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    errors: list[dict[str, object]] = []
    for record, ref in zip(records, parsed, strict=True):
        gold = gold_fields(record)
        pred = predicted_fields(ref)
        for field in FIELDS:
            g, p = norm(gold[field]), norm(pred[field])
            ok = g == p
            definitions = ("grobid", "present") if (g or p) else ("grobid",)
            for definition in definitions:
                for style in ("overall", record.style):
                    for column in (field, "all"):
                        cell = cells[definition, style, column]
                        cell[0] += ok
                        cell[1] += 1
            if not ok:
                errors.append(
                    {"id": record.id, "style": record.style, "field": field, "gold": gold[field],
                     "pred": pred[field], "text": record.text}
                )  # fmt: skip
    tables = {
        definition: {
            f"{style}/{field}": {"accuracy": hits / n, "n": n}
            for (d, style, field), (hits, n) in cells.items()
            if d == definition
        }
        for definition in DEFINITIONS
    }
    summary: dict[str, object] = {
        "references": len(records),
        "refs_per_second": len(records) / elapsed if elapsed else 0.0,
        "tables": tables,
    }
    return summary, errors


def print_table(title: str, table: dict[str, dict[str, float]]) -> None:
    columns = ("overall", *STYLES)
    print(title)
    print(f"{'field':<10}" + "".join(f"{c[:19]:>21}" for c in columns))
    for field in (*FIELDS, "all"):
        row = f"{field:<10}"
        for style in columns:
            cell = table.get(f"{style}/{field}")
            row += f"{cell['accuracy']:>14.3f} {cell['n']:>6.0f}" if cell else f"{'-':>21}"
        print(row)
    print()


def print_summary(summary: dict[str, object], split: str) -> None:
    tables = summary["tables"]
    assert isinstance(tables, dict)
    for definition, title in DEFINITIONS.items():
        print_table(title, tables[definition])
    rate = summary["refs_per_second"]
    print(f"{summary['references']} {split} references, {rate:.0f} refs/s (CPU time, one core)")


def select(records: Iterable[LabelledReference], split: str) -> list[LabelledReference]:
    if split == "held-out":
        return [r for r in records if is_held_out(r.id)]
    if split == "dev":
        return [r for r in records if is_dev(r.id)]
    return [r for r in records if not is_held_out(r.id)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument(
        "--split",
        choices=("held-out", "dev", "train"),
        default="held-out",
        help="held-out: the final figure; dev/train: error analysis and tuning only",
    )
    parser.add_argument("--model", type=Path, help="a model other than the shipped one")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--errors", type=Path, help="write the mismatches as JSON lines")
    args = parser.parse_args(argv)
    if args.model:
        tagger.model_path = lambda: str(args.model)
    records = select(read_corpus(str(args.corpus)), args.split)
    summary, errors = evaluate(records)
    if args.errors:
        with args.errors.open("w", encoding="utf-8") as handle:
            for error in errors:
                handle.write(json.dumps(error, ensure_ascii=False) + "\n")
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print_summary(summary, args.split)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
