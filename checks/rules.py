"""Every rule, registered by importing its module here, explicitly and once.

Import from this module to run the checks; ``checks.settings`` alone stays light,
so that commands that check nothing (export) never load the rules.
"""

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

MODULES = (catalog, citations, duplicates, fields, keys, names, ordering, parsing, quotes, style)

__all__ = ["MODULES", "RULES", "Hit", "Rule", "Settings", "rule", "run_checks"]
