"""Reading the settings: `[tool.bib]` of the nearest pyproject.toml, or bib.toml.

    [tool.bib]                       # or, in bib.toml, the same keys at the top level
    select = ["C", "N001"]
    ignore = ["inconsistent-style"]
    fail-on = "warning"              # the least severe finding that makes the exit code 1
    style = "chicago"                # auto, chicago, harvard, mla, apa
    require-place = false            # Chicago 18th edition dropped the place of publication
    severity = { unused-reference = "warning" }
    per-file-ignores = { "drafts/*.md" = ["unused-reference"] }
    names = { "Khlevniuk" = ["Khlevnyuk"] }

    [tool.bib.catalogs]              # see bib/catalogs/config.py
    mailto = "you@example.org"

The settings file is found from the first path checked upwards; the command
line's --select/--ignore override its select/ignore.
"""

import os
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from bib.catalogs.config import CatalogConfig, catalog_config_from
from bib.errors import BibError
from bib.model import Severity
from checks.settings import Settings

STYLES = ("auto", "chicago", "harvard", "mla", "apa")


class Config(NamedTuple):
    """The settings of one run: the checks', the exit threshold's and the catalogs'."""

    settings: Settings
    fail_on: Severity = Severity.WARNING
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    source: str = ""  # the file it came from, "" for the defaults
    catalogs: CatalogConfig = CatalogConfig()

    def settings_for(self, path: Path) -> Settings:
        extra = tuple(
            rule
            for pattern, rules in self.per_file_ignores
            if path.match(pattern)
            for rule in rules
        )
        if not extra:
            return self.settings
        return self.settings._replace(ignore=self.settings.ignore + extra)


def find_config_file(start: Path) -> Path | None:
    directory = start.resolve()
    if not directory.is_dir():
        directory = directory.parent
    for folder in (directory, *directory.parents):
        bib_toml = folder / "bib.toml"
        if bib_toml.is_file():
            return bib_toml
        pyproject = folder / "pyproject.toml"
        if (
            pyproject.is_file()
            and _may_have_bib_table(pyproject)
            and _bib_table(_load(pyproject)) is not None
        ):
            return pyproject
    return None


def load_config(start: Path, environ: Mapping[str, str] = os.environ) -> Config:
    """The settings of the nearest bib.toml or pyproject.toml with [tool.bib], or the defaults."""
    path = find_config_file(start)
    if path is None:
        return Config(Settings(), catalogs=catalog_config_from({}, environ))
    return load_config_file(path, environ)


def load_config_file(path: Path, environ: Mapping[str, str] = os.environ) -> Config:
    table: Mapping[str, object] = _load(path)
    if path.name == "pyproject.toml":
        table = _bib_table(table) or {}
    return config_from_table(table, str(path), environ)


def _bib_table(pyproject: Mapping[str, object]) -> Mapping[str, object] | None:
    tool = pyproject.get("tool")
    found = tool.get("bib") if isinstance(tool, dict) else None
    return found if isinstance(found, dict) else None


def config_from_table(
    table: Mapping[str, object], source: str, environ: Mapping[str, str] = os.environ
) -> Config:
    """The settings a TOML table asks for; a wrong key or value is a one-line error."""
    known = {"select", "ignore", "fail-on", "style", "require-place", "severity"}
    known |= {"per-file-ignores", "names", "catalogs"}
    unknown = sorted(set(table) - known)
    if unknown:
        raise BibError(f"{source}: unknown setting {unknown[0]!r}")
    style = _string(table, "style", "auto", source)
    if style not in STYLES:
        raise BibError(f"{source}: style must be one of {', '.join(STYLES)}")
    require_place = table.get("require-place")
    if require_place is not None and not isinstance(require_place, bool):
        raise BibError(f"{source}: require-place must be true or false")
    settings = Settings(
        select=_strings(table, "select", source),
        ignore=_strings(table, "ignore", source),
        severities=tuple(
            (rule, _severity(value, source))
            for rule, value in _table(table, "severity", source).items()
        ),
        style=style,
        require_place=require_place,
        names=tuple(
            (canonical, _string_list(variants, f"names.{canonical}", source))
            for canonical, variants in _table(table, "names", source).items()
        ),
    )
    return Config(
        settings,
        fail_on=_severity(table.get("fail-on", "warning"), source),
        per_file_ignores=tuple(
            (pattern, _string_list(rules, f"per-file-ignores.{pattern}", source))
            for pattern, rules in _table(table, "per-file-ignores", source).items()
        ),
        source=source,
        catalogs=catalog_config_from(
            _table(table, "catalogs", source), environ, f"{source} [catalogs]"
        ),
    )


def _may_have_bib_table(pyproject: Path) -> bool:
    """A cheap test before parsing: a [tool.bib] table has the key "bib" in its text.

    Most pyproject.toml files met on the way up belong to other tools; parsing each
    with tomllib would cost its import at every start.
    """
    try:
        return b"bib" in pyproject.read_bytes()
    except OSError:
        return True  # let _load report it


def _load(path: Path) -> dict[str, object]:
    import tomllib

    try:
        with path.open("rb") as stream:
            return tomllib.load(stream)
    except tomllib.TOMLDecodeError as exc:
        raise BibError(f"{path}: not valid TOML: {exc}") from None
    except OSError as exc:
        raise BibError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _severity(value: object, source: str) -> Severity:
    try:
        return Severity(str(value))
    except ValueError:
        raise BibError(
            f"{source}: severity must be error, warning or info, not {value!r}"
        ) from None


def _string(table: Mapping[str, object], key: str, default: str, source: str) -> str:
    value = table.get(key, default)
    if not isinstance(value, str):
        raise BibError(f"{source}: {key} must be a string")
    return value


def _strings(table: Mapping[str, object], key: str, source: str) -> tuple[str, ...]:
    return _string_list(table.get(key, []), key, source)


def _string_list(value: object, key: str, source: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BibError(f"{source}: {key} must be a list of strings")
    return tuple(value)


def _table(table: Mapping[str, object], key: str, source: str) -> Mapping[str, object]:
    value = table.get(key, {})
    if not isinstance(value, dict):
        raise BibError(f"{source}: {key} must be a table")
    return value
