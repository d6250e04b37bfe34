from __future__ import annotations

from bib.model import Finding, Severity, Span, Suppression
from bib.suppress import find_suppressions


def finding(line: int, rule: str = "name-variant", code: str = "N001") -> Finding:
    return Finding("e.md", Span(line), code, rule, Severity.WARNING, "m")


def test_a_comment_on_its_own_line_covers_the_next_line_with_text() -> None:
    text = "intro\n<!-- bib: ignore name-variant -->\n\nOleg Klevniuk stresses it.\n"
    [suppression] = find_suppressions(text)
    assert suppression == Suppression(4, ("name-variant",))
    assert suppression.covers(finding(4))
    assert not suppression.covers(finding(5))
    assert not suppression.covers(finding(4, "missing-reference", "C001"))


def test_a_trailing_comment_covers_its_own_line_and_codes_work() -> None:
    [suppression] = find_suppressions("Klevniuk says so. <!-- bib: ignore N001, C001 -->\n")
    assert suppression.covers(finding(1))
    assert suppression.covers(finding(1, "missing-reference", "C001"))


def test_ignore_file_covers_every_line_and_no_names_means_every_rule() -> None:
    assert find_suppressions("<!-- bib: ignore-file -->\ntext") == (Suppression(0, ()),)
    assert Suppression(0, ()).covers(finding(99, "anything", "X1"))


def test_text_without_directives_has_none() -> None:
    assert find_suppressions("An essay with <!-- a comment --> and no directive.") == ()
