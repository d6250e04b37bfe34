"""The rule registry: a module-level dict filled once by the ``@rule`` decorator.

A rule is a plain function that takes the parsed document (and the settings)
and yields ``Hit``s; ``run_checks`` turns hits into ``Finding``s carrying the
rule's code, name and severity. A rule's docstring is its documentation: its
first line is the summary, and it holds a failing and a passing example that
``tests/test_rule_examples.py`` runs.
"""

from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from bib import patterns
from bib.model import Document, Finding, Severity, Span
from checks.settings import Settings

CODE_PATTERN = patterns.compile(r"^[A-Z]{1,3}[0-9]{0,3}$")
NAME_PATTERN = patterns.compile(r"^[a-z]+(-[a-z]+)*$")


class Hit(NamedTuple):
    """What a rule reports; the registry adds the rule's identity."""

    span: Span
    message: str
    data: tuple[tuple[str, object], ...] = ()


CheckFunc = Callable[[Document, Settings], Iterable[Hit]]


class Rule(NamedTuple):
    code: str
    name: str
    severity: Severity
    check: CheckFunc

    @property
    def doc(self) -> str:
        return _dedent(self.check.__doc__ or "")

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0] if self.doc.strip() else ""

    def examples(self, kind: str) -> tuple[str, ...]:
        """The docstring's ``Failing example::`` or ``Passing example::`` blocks."""
        return _examples(self.doc, kind)


RULES: dict[str, Rule] = {}


def rule(code: str, name: str, severity: Severity) -> Callable[[CheckFunc], CheckFunc]:
    """Register a check under its code and stable name."""

    def register(check: CheckFunc) -> CheckFunc:
        if not CODE_PATTERN.match(code):
            raise ValueError(f"bad rule code {code!r}")
        if not NAME_PATTERN.match(name):
            raise ValueError(f"bad rule name {name!r}")
        if code in {r.code for r in RULES.values()} or name in RULES:
            raise ValueError(f"rule {code} {name} registered twice")
        RULES[name] = Rule(code, name, severity, check)
        return check

    return register


def selected_rules(settings: Settings) -> tuple[Rule, ...]:
    """Rules chosen by select/ignore (each matches a name, a code or a code prefix)."""

    def matches(r: Rule, patterns: Iterable[str]) -> bool:
        return any(p == r.name or r.code.startswith(p) for p in patterns)

    chosen = [r for r in RULES.values() if not settings.select or matches(r, settings.select)]
    return tuple(r for r in chosen if not matches(r, settings.ignore))


def run_checks(document: Document, settings: Settings) -> tuple[Finding, ...]:
    findings: list[Finding] = []
    for r in selected_rules(settings):
        severity = settings.severity_of(r.name, r.severity)
        findings.extend(
            Finding(document.path, hit.span, r.code, r.name, severity, hit.message, hit.data)
            for hit in r.check(document, settings)
        )
    kept = (f for f in findings if not any(s.covers(f) for s in document.suppressions))
    return tuple(sorted(kept, key=_finding_order))


def _finding_order(f: Finding) -> tuple[int, int, str]:
    return (f.span.line, f.span.column, f.code)


def _dedent(doc: str) -> str:
    lines = doc.expandtabs().splitlines()
    indents = [len(line) - len(line.lstrip()) for line in lines[1:] if line.strip()]
    cut = min(indents, default=0)
    return "\n".join([lines[0].strip()] + [line[cut:] for line in lines[1:]]) if lines else ""


def _examples(doc: str, kind: str) -> tuple[str, ...]:
    found: list[str] = []
    lines = doc.splitlines()
    for i, line in enumerate(lines):
        if line.strip().lower() != f"{kind.lower()} example::":
            continue
        block = list(_indented_block(lines[i + 1 :]))
        found.append("\n".join(block))
    return tuple(found)


def _indented_block(lines: list[str]) -> Iterator[str]:
    started = False
    indent = 0
    for line in lines:
        if not line.strip():
            if started:
                yield ""
            continue
        current = len(line) - len(line.lstrip())
        if not started:
            started, indent = True, current
            if indent == 0:
                return
        elif current < indent:
            break
        yield line[indent:]
