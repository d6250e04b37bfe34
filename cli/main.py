"""The `bib` command: the only place that knows about terminals, files and exit codes.

Exit codes: 0 clean, 1 findings, 2 usage or input error. Every ``BibError`` is
caught once, in ``main``, and printed as one line; anything else is a bug and
keeps its traceback.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import click

from bib import __version__
from bib.errors import BibError
from bib.model import Severity
from cli.output import err, format_github, format_json, format_sarif, format_text, out

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="bib")
def bib() -> None:
    """bibwarden: check an essay's citations and reference list, export BibTeX."""


FORMATTERS = ("text", "json", "sarif", "github")


@bib.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATTERS),
    default="text",
    show_default=True,
    help="text for people; json (an array of findings); sarif (2.1.0, code scanning); "
    "github (Actions annotations).",
)
@click.option("--select", multiple=True, help="Only these rules (name, code or code prefix).")
@click.option("--ignore", multiple=True, help="Skip these rules (name, code or code prefix).")
@click.option(
    "--fail-on",
    type=click.Choice([s.value for s in Severity]),
    help="The least severe finding that makes the exit code 1.  [default: warning]",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="A bib.toml or pyproject.toml to use instead of the nearest one.",
)
def lint(
    paths: tuple[Path, ...],
    output_format: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    config_path: Path | None,
) -> None:
    """Check essays (.txt, .md; directories are searched) and report findings.

    Exits 0 when no finding is at or above the failing severity, 1 when one is,
    2 on errors.
    """
    from bib.document import read_document
    from checks import run_checks
    from cli.config import load_config, load_config_file
    from cli.files import expand_paths, read_bytes

    config = load_config_file(config_path) if config_path else load_config(paths[0])
    if select or ignore:
        config = replace(
            config,
            settings=replace(
                config.settings,
                select=_split(select) or config.settings.select,
                ignore=config.settings.ignore + _split(ignore),
            ),
        )
    threshold = Severity(fail_on) if fail_on else config.fail_on
    files = list(expand_paths(paths))
    findings = []
    for path in files:
        document = read_document(read_bytes(path), str(path))
        for warning in document.warnings:
            err(f"{path}: warning: {warning}")
        findings.extend(run_checks(document, config.settings_for(path)))
    out(FORMAT[output_format](findings, len(files)))
    failing = any(f.severity.rank >= threshold.rank for f in findings)
    sys.exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


FORMAT = {
    "text": format_text,
    "json": lambda findings, _: format_json(findings),
    "sarif": lambda findings, _: format_sarif(findings),
    "github": lambda findings, _: format_github(findings),
}


@bib.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), help="Write here instead of stdout."
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["bibtex", "csl-json"]),
    default="bibtex",
    show_default=True,
    help="BibTeX, or CSL-JSON for Zotero and Pandoc.",
)
@click.option(
    "--ascii", "ascii_only", is_flag=True, help="Escape non-ASCII as LaTeX for classic BibTeX."
)
def export(path: Path, output: Path | None, output_format: str, ascii_only: bool) -> None:
    """Export the essay's reference list as BibTeX or CSL-JSON."""
    from bib.document import read_document
    from cli.files import read_bytes, write_atomically

    document = read_document(read_bytes(path), str(path))
    for warning in document.warnings:
        err(f"{path}: warning: {warning}")
    if not document.entries:
        raise BibError(f"{path}: no reference list found")
    if output_format == "csl-json":
        from bib.csl import to_csl_json

        text = to_csl_json(document.entries)
    else:
        from bib.bibtex import to_bibtex

        text = to_bibtex(document.entries, ascii=ascii_only)
    if output is None:
        out(text, nl=not text.endswith("\n"))
    else:
        write_atomically(output, text, inputs=[path])
        err(f"{path}: wrote {len(document.entries)} entries to {output}")


@bib.command()
@click.argument("name", required=False)
def rules(name: str | None) -> None:
    """List every rule, or print one rule's documentation."""
    from checks import RULES

    if name is None:
        for r in sorted(RULES.values(), key=lambda r: r.code):
            out(f"{r.code:<6}{r.name:<24}{r.severity.value:<9}{r.summary}")
        return
    found = [r for r in RULES.values() if name in (r.name, r.code)]
    if not found:
        raise BibError(f"no rule named {name!r}; `bib rules` lists them")
    r = found[0]
    out(f"{r.code} {r.name} ({r.severity.value})\n\n{r.doc}")


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def main() -> None:
    try:
        code = bib.main(standalone_mode=False)
        sys.exit(code if isinstance(code, int) else EXIT_CLEAN)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.Abort:
        err("bib: interrupted")
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_ERROR)
    except BibError as exc:
        err(f"bib: {exc}")
        sys.exit(EXIT_ERROR)
    except BrokenPipeError:
        sys.exit(EXIT_ERROR)
