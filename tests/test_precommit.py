"""The pre-commit hooks, as a writer's repository would use them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import RunBib

ROOT = Path(__file__).resolve().parents[1]

ESSAY = """# The Terror

Oleg Klevniuk stresses the international situation (Khlevniuk 2015, 840).

## References

Khlevniuk, O. 'Top Down vs. Bottom-up', Cahiers du monde russe, Vol. 56, No. 4 (2015) pp. 837-857.
"""


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.mark.slow
def test_bib_lint_hook_fails_on_a_planted_problem_and_passes_once_fixed(tmp_path: Path) -> None:
    pre_commit = Path(sys.executable).parent / "pre-commit"
    if not pre_commit.exists() or shutil.which("git") is None:
        pytest.skip("pre-commit (a dev dependency) or git is not installed")
    repo = tmp_path / "essays"
    repo.mkdir()
    git(repo, "init", "-q")
    essay = repo / "essay.md"
    essay.write_text(ESSAY, encoding="utf-8")
    git(repo, "add", "essay.md")
    environment = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}

    def hook() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(pre_commit), "try-repo", str(ROOT), "bib-lint", "--files", "essay.md"],
            cwd=repo,
            env=environment,
            capture_output=True,
            text=True,
            timeout=900,
        )

    failed = hook()
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "name-variant" in failed.stdout
    essay.write_text(ESSAY.replace("Oleg Klevniuk", "Oleg Khlevniuk"), encoding="utf-8")
    passed = hook()
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_hooks_file_names_both_hooks_and_the_docx_pattern() -> None:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "id: bib-lint" in text and "id: bib-export-check" in text
    assert "entry: bib lint" in text and "entry: bib export --check" in text
    assert "docx" in text


def test_export_check_passes_when_the_bib_is_current_and_fails_when_stale(
    run_bib: RunBib, tmp_path: Path
) -> None:
    essay = tmp_path / "essay.md"
    essay.write_text(ESSAY, encoding="utf-8")
    assert run_bib("export", "--check", str(essay)).code == 0  # no .bib yet: nothing to compare
    assert run_bib("export", str(essay), "-o", str(tmp_path / "essay.bib")).code == 0
    assert run_bib("export", "--check", str(essay)).code == 0
    essay.write_text(ESSAY.replace("2015", "2016"), encoding="utf-8")
    stale = run_bib("export", "--check", str(essay))
    assert stale.code == 1
    assert "essay.bib: not what `bib export" in stale.stderr
    assert (tmp_path / "essay.bib").read_text(encoding="utf-8").count("2015") >= 1


def test_export_of_several_essays_needs_check(run_bib: RunBib, tmp_path: Path) -> None:
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(ESSAY, encoding="utf-8")
    result = run_bib("export", str(tmp_path / "a.md"), str(tmp_path / "b.md"))
    assert result.code == 2
    assert run_bib("export", "--check", str(tmp_path / "a.md"), str(tmp_path / "b.md")).code == 0
