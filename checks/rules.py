"""Every rule, registered by importing its module here, explicitly and once.

Import from this module to run the checks; ``checks.settings`` alone stays light,
so that commands that check nothing (export) never load the rules.
"""

from bib.model import Document
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
from checks.citing import cited_ahead
from checks.registry import RULES, Hit, Rule, rule, run_checks
from checks.settings import Settings

MODULES = (catalog, citations, duplicates, fields, keys, names, ordering, parsing, quotes, style)

__all__ = ["MODULES", "RULES", "Hit", "Rule", "Settings", "rule", "run_checks", "warm_up"]


def warm_up(document: Document) -> None:
    """Do now what the rules need only the body and notes for, and remember it: the
    citations, the capitalised words and the unlocated quotations. The CLI calls this
    with the essay's parts while another process parses the list (cli/batch.py)."""
    cited_ahead(document)
    quotes.unlocated_quotations(document.body, document.notes)
