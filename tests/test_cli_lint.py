"""`bib lint`, `bib rules` and `python -m bib` as a user sees them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import RunBib

FINDING_KEYS = {
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "code",
    "rule",
    "severity",
    "message",
    "data",
}

UNPARSED = """The Terror

An essay that cites Conquest (1992) and Haslam (1984).

Bibliography

Conquest, R. The Great Terror: A Reassessment (London: Pimlico, 1992)

I found this one on a website but forgot where it was, sorry about that.

Haslam, J. The Soviet Union and the Struggle for Collective Security (London: Macmillan, 1984)
"""


def test_json_findings_have_exactly_the_documented_keys(run_bib: RunBib, tmp_path: Path) -> None:
    path = tmp_path / "essay.txt"
    path.write_text(UNPARSED, encoding="utf-8")
    result = run_bib("lint", "--format", "json", str(path))
    assert result.code == 1
    findings = json.loads(result.stdout)
    assert [f["rule"] for f in findings] == ["unparsed-reference"]
    assert set(findings[0]) == FINDING_KEYS
    assert findings[0]["line"] == 9
    assert findings[0]["column"] == 1
    assert findings[0]["path"] == str(path)


def test_text_findings_read_path_line_column_code(run_bib: RunBib, tmp_path: Path) -> None:
    path = tmp_path / "essay.txt"
    path.write_text(UNPARSED, encoding="utf-8")
    result = run_bib("lint", str(path))
    assert result.code == 1
    first, summary = result.stdout.strip().splitlines()
    assert first.startswith(f"{path}:9:1: B001 ")
    assert summary == "1 finding in 1 file (1 warning)."


def test_clean_essay_exits_0(run_bib: RunBib, tmp_path: Path) -> None:
    path = tmp_path / "essay.txt"
    path.write_text(
        UNPARSED.replace(
            "\nI found this one on a website but forgot where it was, sorry about that.\n", ""
        ),
        encoding="utf-8",
    )
    result = run_bib("lint", str(path))
    assert result.code == 0, result.stdout
    assert result.stdout.strip() == "No findings in 1 file."


def test_ignore_silences_a_rule(run_bib: RunBib, tmp_path: Path) -> None:
    path = tmp_path / "essay.txt"
    path.write_text(UNPARSED, encoding="utf-8")
    assert run_bib("lint", "--ignore", "unparsed-reference", str(path)).code == 0
    assert run_bib("lint", "--select", "B002", str(path)).code == 0


def test_rules_lists_every_rule_and_documents_one(run_bib: RunBib) -> None:
    listing = run_bib("rules")
    assert listing.code == 0
    assert "B001" in listing.stdout and "no-bibliography" in listing.stdout
    one = run_bib("rules", "unparsed-reference")
    assert one.code == 0
    assert "Failing example::" in one.stdout
    assert run_bib("rules", "no-such-rule").code == 2


def test_python_dash_m_bib_works_like_bib(tmp_path: Path) -> None:
    path = tmp_path / "essay.txt"
    path.write_text(UNPARSED, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "bib", "lint", str(path)], capture_output=True, text=True
    )
    assert proc.returncode == 1
    assert "B001" in proc.stdout


def test_the_collector_is_paused_only_while_the_command_line_loads(tmp_path: Path) -> None:
    # cli.start pauses it around the import of cli.main and freezes what that made; the
    # command itself runs with the collector on.
    path = tmp_path / "essay.txt"
    path.write_text(UNPARSED, encoding="utf-8")
    probe = (
        "import gc, sys\n"
        "import cli.batch\n"
        "seen = []\n"
        "check_file = cli.batch.check_file\n"
        "def spy(*args):\n"
        "    seen.append(gc.isenabled())\n"
        "    return check_file(*args)\n"
        "cli.batch.check_file = spy\n"
        f"sys.argv = ['bib', 'lint', {str(path)!r}]\n"
        "from cli.start import main\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    code = exit.code\n"
        "print(code, seen, gc.isenabled(), gc.get_freeze_count() > 0)\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert proc.stdout.strip().splitlines()[-1] == "1 [True] True True", proc.stderr


def test_plain_lint_does_not_import_the_network_or_bibtex_libraries(tmp_path: Path) -> None:
    path = tmp_path / "essay.txt"
    path.write_text(UNPARSED, encoding="utf-8")
    probe = (
        "import sys\n"
        "from cli.main import main\n"
        f"sys.argv = ['bib', 'lint', {str(path)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('requests', 'pybtex') if m in sys.modules))\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert proc.stdout.strip().splitlines()[-1] == "[]", proc.stderr


PANDOC = """---
title: Fear
bibliography: refs.bib
---

# Fear

Fear drove the purges [@harris2016, p. 45], though the archive is thin [@conquest1991].
"""

REFS_BIB = """@book{harris2016,
  author = {Harris, James},
  title = {The Great Fear},
  publisher = {Oxford University Press},
  address = {Oxford},
  year = {2016}
}

@book{getty1999,
  author = {Getty, J. Arch},
  title = {The Road to Terror},
  publisher = {Yale University Press},
  address = {New Haven},
  year = {1999}
}
"""


def test_pandoc_citations_are_checked_against_the_named_bib(
    run_bib: RunBib, tmp_path: Path
) -> None:
    (tmp_path / "paper.md").write_text(PANDOC, encoding="utf-8")
    (tmp_path / "refs.bib").write_text(REFS_BIB, encoding="utf-8")
    result = run_bib("lint", "--format", "json", "--fail-on", "info", str(tmp_path / "paper.md"))
    assert result.code == 1, result.stderr
    findings = {
        (f["rule"], f["path"].rsplit("/", 1)[-1], f["line"]) for f in json.loads(result.stdout)
    }
    assert ("unknown-citation-key", "paper.md", 8) in findings
    assert ("unused-reference", "refs.bib", 9) in findings
    assert not any(rule == "unused-reference" and line == 1 for rule, _, line in findings)
    explicit = run_bib(
        "lint",
        "--format",
        "json",
        "--bibliography",
        str(tmp_path / "refs.bib"),
        str(tmp_path / "paper.md"),
    )
    assert json.loads(explicit.stdout) == json.loads(result.stdout)


def test_word_findings_are_placed_by_paragraph(run_bib: RunBib, tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("The Terror")
    document.add_paragraph("George Kennan has argued that the purges were aimed abroad.")
    document.add_paragraph("References")
    document.add_paragraph("Conquest, R. The Great Terror: A Reassessment (London: Pimlico, 1992)")
    path = tmp_path / "essay.docx"
    document.save(str(path))
    result = run_bib("lint", "--select", "missing-reference", str(path))
    assert result.code == 1, result.stderr
    assert result.stdout.startswith(f"{path}:¶2:")
