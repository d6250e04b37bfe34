"""Every rule documents itself with a failing and a passing example, and they hold."""

from __future__ import annotations

import pytest

from bib.document import read_document
from checks.catalog import CATALOG_RULES
from checks.registry import CODE_PATTERN
from checks.rules import RULES, Rule, Settings, run_checks

ALL_RULES = sorted(RULES.values(), key=lambda r: r.code)


def findings_of(rule: Rule, text: str) -> list[str]:
    document = read_document(text.encode("utf-8"), "example.md")
    return [f.rule for f in run_checks(document, Settings(select=(rule.name,)))]


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.name)
def test_rule_is_documented(rule: Rule) -> None:
    assert CODE_PATTERN.match(rule.code)
    assert rule.summary.endswith(".")
    assert rule.examples("failing"), f"{rule.name} has no failing example"
    assert rule.examples("passing"), f"{rule.name} has no passing example"


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.name)
def test_failing_examples_fail(rule: Rule) -> None:
    if rule.name in CATALOG_RULES:
        pytest.skip("needs a catalog record; tests/test_resolve_rules.py runs its examples")
    for example in rule.examples("failing"):
        assert rule.name in findings_of(rule, example), example


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.name)
def test_passing_examples_pass(rule: Rule) -> None:
    for example in rule.examples("passing"):
        assert rule.name not in findings_of(rule, example), example


def test_codes_and_names_are_unique() -> None:
    assert len({r.code for r in ALL_RULES}) == len(ALL_RULES)
    assert len({r.name for r in ALL_RULES}) == len(ALL_RULES)


@pytest.mark.parametrize(
    ("select", "ignore", "expected"),
    [
        ((), (), {"unparsed-reference", "no-bibliography"}),
        (("B002",), (), {"no-bibliography"}),
        (("B",), ("unparsed-reference",), {"no-bibliography"}),
        ((), ("B",), set()),
    ],
)
def test_select_and_ignore_take_names_codes_and_prefixes(
    select: tuple[str, ...], ignore: tuple[str, ...], expected: set[str]
) -> None:
    from checks.registry import selected_rules

    chosen = {r.name for r in selected_rules(Settings(select=select, ignore=ignore))}
    assert chosen & {"unparsed-reference", "no-bibliography"} == expected


def test_an_organisation_mentioned_by_its_name_is_cited() -> None:
    text = (
        "# The long telegram\n\nThe Wilson Center now makes the telegram available.\n\n"
        "## References\n\n"
        'Wilson Center Digital Archive. "Telegram from George Kennan to George Marshall." '
        "February 22, 1946. Accessed January 9, 2024. https://digitalarchive.wilsoncenter.org/"
        "document/116178.\n"
    )
    assert findings_of(RULES["unused-reference"], text) == []
