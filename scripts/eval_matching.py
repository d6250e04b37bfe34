"""Matching precision and recall on the labelled set in tests/data/matching/cases.json.

    python scripts/eval_matching.py            # the figures, and every wrong or missed case
    python scripts/eval_matching.py --quiet    # the figures only

Each case pairs a reference (as parsed) with a candidate list: a recorded
Crossref payload, or the synthetic seed records, possibly narrowed to a few ids
(the decoys: same title by another author, same author's other book, a review
of the book, the next volume of a series). Precision counts accepted matches
that are right; recall, the cases with a right record that were matched to it.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bib.catalogs import crossref, openlibrary  # noqa: E402
from bib.catalogs.records import Candidate, Query  # noqa: E402
from bib.model import EntryType  # noqa: E402
from bib.resolve.match import Verdict, decide  # noqa: E402

CASES = ROOT / "tests" / "data" / "matching" / "cases.json"
PAYLOADS = ROOT / "tests" / "data" / "catalogs"


@dataclass(frozen=True, slots=True)
class Outcome:
    case: str
    kind: str
    expected: str | None
    got: str | None
    verdict: str
    reason: str

    @property
    def right(self) -> bool:
        return self.got == self.expected


@dataclass(frozen=True, slots=True)
class Scores:
    outcomes: tuple[Outcome, ...]

    @property
    def accepted(self) -> int:
        return sum(1 for o in self.outcomes if o.got is not None)

    @property
    def correct(self) -> int:
        return sum(1 for o in self.outcomes if o.got is not None and o.right)

    @property
    def positives(self) -> int:
        return sum(1 for o in self.outcomes if o.expected is not None)

    @property
    def precision(self) -> float:
        return self.correct / self.accepted if self.accepted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.positives if self.positives else 1.0

    @property
    def wrong(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.got is not None and not o.right)

    @property
    def missed(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.expected is not None and o.got is None)


def query_of(data: Mapping[str, object]) -> Query:
    def text(key: str) -> str:
        value = data.get(key, "")
        return value if isinstance(value, str) else ""

    families = data.get("families", [])
    return Query(
        type=EntryType(text("type") or "other"),
        title=text("title"),
        families=tuple(f for f in families if isinstance(f, str))
        if isinstance(families, list)
        else (),
        year=text("year"),
        container=text("container"),
        volume=text("volume"),
        pages=text("pages"),
        publisher=text("publisher"),
    )


def candidates_of(spec: Mapping[str, object]) -> tuple[Candidate, ...]:
    payload = json.loads((PAYLOADS / str(spec["file"])).read_text(encoding="utf-8"))
    source = spec["source"]
    if spec["file"] == "seed_records.json":
        records = payload[source]
        if source == "crossref":
            found = crossref.parse_works({"message": {"items": records}})
        else:
            found = openlibrary.parse_search({"docs": records})
    elif "items" in payload.get("message", {}):
        found = crossref.parse_works(payload)
    else:
        found = crossref.parse_work(payload)
    ids = spec.get("ids")
    if isinstance(ids, list):
        found = tuple(c for c in found if c.id in ids)
    return found


def evaluate(cases: Sequence[Mapping[str, object]]) -> Scores:
    outcomes = []
    for case in cases:
        query = query_of(case["query"])  # type: ignore[arg-type]
        decision = decide(query, candidates_of(case["candidates"]))  # type: ignore[arg-type]
        accepted = decision.verdict is Verdict.ACCEPTED and decision.best is not None
        expected = case.get("expected")
        outcomes.append(
            Outcome(
                case=str(case["id"]),
                kind=str(case.get("kind", "")),
                expected=expected if isinstance(expected, str) else None,
                got=decision.best.candidate.id if accepted and decision.best else None,
                verdict=decision.verdict.value,
                reason=decision.reason,
            )
        )
    return Scores(tuple(outcomes))


def load_cases(path: Path = CASES) -> list[dict[str, object]]:
    cases = json.loads(path.read_text(encoding="utf-8"))["cases"]
    assert isinstance(cases, list)
    return cases


def main(argv: Sequence[str]) -> int:
    scores = evaluate(load_cases())
    decoys = [o for o in scores.outcomes if o.expected is None]
    print(
        f"matching: {len(scores.outcomes)} cases ({scores.positives} with a right record, "
        f"{len(decoys)} decoys or absent works)"
    )
    print(f"  precision {scores.precision:.3f} ({scores.correct}/{scores.accepted} accepted)")
    print(f"  recall    {scores.recall:.3f} ({scores.correct}/{scores.positives})")
    if "--quiet" not in argv:
        for o in scores.wrong:
            print(f"  WRONG  {o.case}: accepted {o.got}, expected {o.expected}")
        for o in scores.missed:
            print(f"  missed {o.case} ({o.verdict}): {o.reason}")
    return 0 if not scores.wrong else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
