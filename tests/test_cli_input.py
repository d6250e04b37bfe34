"""Bad input gets one clear line on stderr and exit 2, or a warning and a result."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.conftest import RunBib

ESSAY = """An essay on the purges

Harris argues that fear drove the terror (Harris 2016, 45), and Conquest (1992) agrees.

References

Conquest, R. The Great Terror: A Reassessment (London: Pimlico, 1992)
Harris, J. The Great Fear: Stalin's Terror of the 1930s (Oxford: Oxford University Press, 2016)
"""

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"


def one_error_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.md", b"  \n\t\n \r\n", "empty"),
        ("image.txt", PNG, "not a text file"),
        ("nul.txt", b"Harris, J. The Great Fear\x00\x00\x00 (2016)\n" * 20, "not a text file"),
    ],
)
@pytest.mark.parametrize("command", ["lint", "export"])
def test_unreadable_input_is_one_line_and_exit_2(
    run_bib: RunBib, tmp_path: Path, command: str, name: str, content: bytes, says: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = run_bib(command, str(path))
    assert result.code == 2
    assert says in one_error_line(result.stderr)
    assert result.stdout == ""


@pytest.mark.parametrize("command", ["lint", "export"])
def test_missing_path_is_exit_2(run_bib: RunBib, tmp_path: Path, command: str) -> None:
    result = run_bib(command, str(tmp_path / "nowhere.md"))
    assert result.code == 2
    assert "no such file" in one_error_line(result.stderr)


def test_export_of_a_directory_is_exit_2(run_bib: RunBib, tmp_path: Path) -> None:
    result = run_bib("export", str(tmp_path))
    assert result.code == 2
    assert "directory" in one_error_line(result.stderr)


def test_lint_of_an_empty_directory_is_exit_2(run_bib: RunBib, tmp_path: Path) -> None:
    result = run_bib("lint", str(tmp_path))
    assert result.code == 2
    assert "no essays in it" in one_error_line(result.stderr)


def test_lint_of_a_directory_checks_the_essays_in_it(run_bib: RunBib, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ESSAY, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text(
        "Only prose here, no sources at all.\n", encoding="utf-8"
    )
    (tmp_path / "picture.png").write_bytes(PNG)
    result = run_bib("lint", "--format", "json", str(tmp_path))
    assert result.code == 1
    assert "no-bibliography" in result.stdout and "b.md" in result.stdout
    assert "a.txt" not in result.stdout


def test_no_reference_list_is_a_finding_for_lint_and_an_error_for_export(
    run_bib: RunBib, tmp_path: Path
) -> None:
    path = tmp_path / "prose.txt"
    path.write_text("An essay.\n\nIt argues a point at length but cites nothing.\n", "utf-8")
    linted = run_bib("lint", str(path))
    assert linted.code == 1
    assert "B002" in linted.stdout
    exported = run_bib("export", str(path))
    assert exported.code == 2
    assert "no reference list" in one_error_line(exported.stderr)


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
    ],
)
def test_unicode_encodings_are_read(
    run_bib: RunBib, tmp_path: Path, encoding: str, prefix: bytes
) -> None:
    path = tmp_path / "essay.txt"
    path.write_bytes(prefix + ESSAY.replace("\n", "\r\n").encode(encoding))
    result = run_bib("export", str(path))
    assert result.code == 0, result.stderr
    assert result.stdout.count("@book{") == 2
    assert result.stderr == ""


def test_invalid_utf8_falls_back_to_cp1252_with_a_warning(run_bib: RunBib, tmp_path: Path) -> None:
    path = tmp_path / "essay.txt"
    path.write_bytes(ESSAY.replace("Stalin's", "Stalin’s").encode("cp1252"))
    result = run_bib("export", str(path))
    assert result.code == 0
    assert "warning" in result.stderr and "Windows-1252" in result.stderr
    assert "Stalin’s" in result.stdout


def test_a_20_mb_essay_is_read_in_reasonable_time(run_bib: RunBib, tmp_path: Path) -> None:
    paragraph = (
        "The historians disagree about the role of fear in the decisions of the leadership, "
        "and the debate has moved from archives to memoirs and back again over the decades.\n\n"
    )
    body = paragraph * (20 * 1024 * 1024 // len(paragraph))
    path = tmp_path / "huge.txt"
    path.write_text("A very long essay\n\n" + body + ESSAY.split("References")[1], encoding="utf-8")
    started = time.perf_counter()
    result = run_bib("export", str(path))
    elapsed = time.perf_counter() - started
    assert result.code == 0, result.stderr
    assert result.stdout.count("@book{") == 2
    assert elapsed < 30


def test_export_refuses_to_overwrite_its_input(run_bib: RunBib, tmp_path: Path) -> None:
    path = tmp_path / "essay.txt"
    path.write_text(ESSAY, encoding="utf-8")
    result = run_bib("export", str(path), "-o", str(path))
    assert result.code == 2
    assert "refusing to overwrite" in one_error_line(result.stderr)
    assert path.read_text(encoding="utf-8") == ESSAY


def test_export_writes_the_output_file_and_replaces_an_old_one(
    run_bib: RunBib, tmp_path: Path
) -> None:
    essay = tmp_path / "essay.txt"
    essay.write_text(ESSAY, encoding="utf-8")
    target = tmp_path / "refs.bib"
    target.write_text("old", encoding="utf-8")
    result = run_bib("export", str(essay), "-o", str(target))
    assert result.code == 0
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8").count("@book{") == 2
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_export_into_a_missing_directory_is_exit_2(run_bib: RunBib, tmp_path: Path) -> None:
    essay = tmp_path / "essay.txt"
    essay.write_text(ESSAY, encoding="utf-8")
    result = run_bib("export", str(essay), "-o", str(tmp_path / "no" / "refs.bib"))
    assert result.code == 2
    assert "cannot write" in one_error_line(result.stderr)


def test_unknown_option_is_a_usage_error(run_bib: RunBib) -> None:
    result = run_bib("lint", "--no-such-option", "x.md")
    assert result.code == 2
    assert "Traceback" not in result.stderr


def test_many_essays_in_parallel_give_what_one_process_gives(
    run_bib: RunBib, tmp_path: Path
) -> None:
    for i in range(6):
        body = ESSAY if i % 2 else ESSAY.replace("Conquest (1992) agrees", "Conquest agrees")
        (tmp_path / f"essay{i}.txt").write_text(body.replace("fear", f"fear {i}"), "utf-8")
    serial = run_bib("lint", "--format", "json", "--jobs", "1", str(tmp_path))
    parallel = run_bib("lint", "--format", "json", "--jobs", "2", str(tmp_path))
    assert serial.code == parallel.code
    assert json.loads(parallel.stdout) == json.loads(serial.stdout)
