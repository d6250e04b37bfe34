from __future__ import annotations

from pathlib import Path

from checks.docs import END, START, with_table

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_rule_table_is_generated_from_the_registry() -> None:
    text = README.read_text(encoding="utf-8")
    assert START in text and END in text
    assert with_table(text) == text, "README rule table is stale: run `python -m checks.docs`"
