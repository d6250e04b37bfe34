"""The rules, one small module per topic. Importing this package registers them all."""

from checks import (
    catalog,
    citations,
    duplicates,
    fields,
    keys,
    names,
    ordering,
    parsing,
    quotes,
    style,
)
from checks.registry import RULES, Hit, Rule, rule, run_checks
from checks.settings import Settings

__all__ = [
    "RULES",
    "Hit",
    "Rule",
    "Settings",
    "catalog",
    "citations",
    "duplicates",
    "fields",
    "keys",
    "names",
    "ordering",
    "parsing",
    "quotes",
    "rule",
    "run_checks",
    "style",
]
