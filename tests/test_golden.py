"""Golden files: whole-document behaviour pinned as data beside its input.

The seed essay's findings are pinned in tests/golden/seed.lint.json, without
any of the essay's prose (no messages, no quotation text): rule, place and the
rule's details. After a reviewed change, regenerate with

    BIB_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py

and read the diff before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from bib.document import read_document
from checks.rules import Settings, run_checks

GOLDEN = Path(__file__).parent / "golden"
PROSE_KEYS = {"quote", "text"}


def projection(path: Path) -> list[dict[str, object]]:
    document = read_document(path.read_bytes(), path.name)
    return [
        {
            "rule": f.rule,
            "line": f.span.line,
            "column": f.span.column,
            "data": {k: v for k, v in f.data if k not in PROSE_KEYS},
        }
        for f in run_checks(document, Settings())
    ]


def check_golden(actual: list[dict[str, object]], name: str) -> None:
    golden = GOLDEN / name
    text = json.dumps(actual, ensure_ascii=False, indent=2) + "\n"
    if os.environ.get("BIB_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"no {golden}: run with BIB_UPDATE_GOLDEN=1 and review it"
    assert json.loads(golden.read_text(encoding="utf-8")) == json.loads(text)


def test_seed_essay_findings_match_the_golden_file(seed_essay: Path) -> None:
    check_golden(projection(seed_essay), "seed.lint.json")


def test_bundled_example_findings_match_the_golden_file() -> None:
    example = Path(__file__).resolve().parents[1] / "examples" / "essay.md"
    check_golden(projection(example), "example.lint.json")
