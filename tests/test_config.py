from __future__ import annotations

from pathlib import Path

import pytest

from bib.errors import BibError
from bib.model import Severity
from cli.config import config_from_table, load_config


def test_defaults_when_there_is_no_settings_file(tmp_path: Path) -> None:
    config = load_config(tmp_path / "essay.md")
    assert config.source == ""
    assert config.fail_on is Severity.WARNING
    assert config.settings.select == ()


def test_nearest_pyproject_with_a_tool_bib_table_is_used(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.bib]\nignore = ["unused-reference"]\nstyle = "apa"\n'
        'severity = { "name-variant" = "error" }\n'
        'per-file-ignores = { "drafts/*.md" = ["C"] }\n'
        'names = { "Khlevniuk" = ["Khlevnyuk"] }\n',
        encoding="utf-8",
    )
    (tmp_path / "drafts").mkdir()
    config = load_config(tmp_path / "drafts" / "essay.md")
    assert config.settings.ignore == ("unused-reference",)
    assert config.settings.style == "apa"
    assert config.settings.severity_of("name-variant", Severity.WARNING) is Severity.ERROR
    assert config.settings.names == (("Khlevniuk", ("Khlevnyuk",)),)
    assert config.settings_for(tmp_path / "drafts" / "essay.md").ignore == ("unused-reference", "C")
    assert config.settings_for(tmp_path / "final.md").ignore == ("unused-reference",)


def test_a_pyproject_without_tool_bib_is_passed_over_for_bib_toml_above(tmp_path: Path) -> None:
    (tmp_path / "bib.toml").write_text('select = ["N001"]\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text("[tool.other]\nx = 1\n", encoding="utf-8")
    assert load_config(tmp_path / "sub" / "essay.md").settings.select == ("N001",)


@pytest.mark.parametrize(
    ("table", "says"),
    [
        ({"selct": ["C"]}, "unknown setting"),
        ({"style": "vancouver"}, "style must be"),
        ({"fail-on": "fatal"}, "severity must be"),
        ({"select": "C001"}, "must be a list"),
        ({"require-place": "yes"}, "true or false"),
        ({"severity": ["x"]}, "must be a table"),
    ],
)
def test_bad_settings_are_one_clear_error(table: dict[str, object], says: str) -> None:
    with pytest.raises(BibError, match=says):
        config_from_table(table, "bib.toml")


def test_invalid_toml_is_a_bib_error(tmp_path: Path) -> None:
    (tmp_path / "bib.toml").write_text("select = [", encoding="utf-8")
    with pytest.raises(BibError, match="not valid TOML"):
        load_config(tmp_path)
