"""Field accuracy of the reference parser on the held-out 10% (`make eval`).

The held-out split is fixed by a hash of each record's id
(``bib.parser.corpus.is_held_out``): never trained or tuned on.

How the gold fields are read from the corpus's labelled segments (labels mapped as in
``bib.parser.labels``); the first segment of a label is its value unless said otherwise:

- authors / editors: the family names that ``bib.parser.names.parse_names`` finds in
  all author (editor) segments, in order ("Getty, J. A. and Oleg V. Naumov" ->
  getty, naumov). A gold author segment stays an author even with "(eds.)".
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

Values are compared after lower-casing, unifying dashes, collapsing whitespace and
dropping punctuation at both ends. A field counts for a reference when the gold or the
parser has it (so inventing a field is an error too); type always counts.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bib.model import Reference  # noqa: E402
from bib.parser import labels as L  # noqa: E402
from bib.parser import parse_reference  # noqa: E402
from bib.parser.corpus import (  # noqa: E402
    LabelledReference,
    default_corpus_path,
    is_held_out,
    read_corpus,
)
from bib.parser.fields import (  # noqa: E402
    clean_container,
    decide_type,
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
STYLES = ("science", "other", "humanities:imprint", "author-date:imprint", "humanities:journal")


def norm(value: str) -> str:
    value = normalise_dashes(re.sub(r"\s+", " ", value.lower()))
    return re.sub(r"^[\W_]+|[\W_]+$", "", value)


def _first(segments: Sequence[tuple[str, str]], label: str) -> str:
    return next((text for lab, text in segments if lab == label), "")


def _families(segments: Sequence[tuple[str, str]], label: str) -> str:
    names: list[str] = []
    for lab, text in segments:
        if lab == label:
            names.extend(n.full_family for n in parse_names(text).names)
    return "; ".join(names)


def gold_fields(record: LabelledReference) -> dict[str, str]:
    segs = record.segments
    volume_text = " ".join(text for lab, text in segs if lab == L.VOLUME)
    volume, number = split_volume(volume_text) if volume_text else ("", "")
    year = next((find_year(t) for lab, t in segs if lab == L.DATE and find_year(t)), "")
    pages = _first(segs, L.PAGES)
    container_raw = _first(segs, L.CONTAINER)
    fields = {
        "authors": _families(segs, L.AUTHOR),
        "editors": _families(segs, L.EDITOR),
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
        "genre": " ".join(t for lab, t in segs if lab == L.GENRE),
        "note": " ".join(t for lab, t in segs if lab == L.NOTE),
        "in": "in" if re.match(r"\s*(?:in|dans|im)\b", container_raw, re.I) else "",
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
    hits: dict[tuple[str, str], int] = defaultdict(int)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    errors: list[dict[str, object]] = []
    for record, ref in zip(records, parsed, strict=True):
        gold = gold_fields(record)
        pred = predicted_fields(ref)
        for field in FIELDS:
            g, p = norm(gold[field]), norm(pred[field])
            if not g and not p:
                continue
            ok = g == p
            for style in ("overall", record.style):
                counts[style, field] += 1
                hits[style, field] += ok
                counts[style, "all"] += 1
                hits[style, "all"] += ok
            if not ok:
                errors.append(
                    {"id": record.id, "style": record.style, "field": field, "gold": gold[field],
                     "pred": pred[field], "text": record.text}
                )  # fmt: skip
    table = {
        f"{style}/{field}": {"accuracy": hits[style, field] / n, "n": n}
        for (style, field), n in counts.items()
    }
    summary: dict[str, object] = {
        "references": len(records),
        "refs_per_second": len(records) / elapsed if elapsed else 0.0,
        "table": table,
    }
    return summary, errors


def print_table(summary: dict[str, object]) -> None:
    table = summary["table"]
    assert isinstance(table, dict)
    columns = ("overall", *STYLES)
    print(f"{'field':<10}" + "".join(f"{c[:19]:>21}" for c in columns))
    for field in (*FIELDS, "all"):
        row = f"{field:<10}"
        for style in columns:
            cell = table.get(f"{style}/{field}")
            row += f"{cell['accuracy']:>14.3f} {cell['n']:>6}" if cell else f"{'-':>21}"
        print(row)
    print(f"\n{summary['references']} held-out references, {summary['refs_per_second']:.0f} refs/s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--errors", type=Path, help="write the mismatches as JSON lines")
    args = parser.parse_args(argv)
    records = [r for r in read_corpus(str(args.corpus)) if is_held_out(r.id)]
    summary, errors = evaluate(records)
    if args.errors:
        with args.errors.open("w", encoding="utf-8") as handle:
            for error in errors:
                handle.write(json.dumps(error, ensure_ascii=False) + "\n")
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print_table(summary)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
