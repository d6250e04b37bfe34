"""The `bib` command: the only place that knows about terminals, files and exit codes.

Exit codes: 0 clean, 1 findings, 2 usage or input error. Every ``BibError`` is
caught once, in ``main``, and printed as one line; anything else is a bug and
keeps its traceback. Heavy modules (the catalogs, the exporters) are imported
inside the commands that need them, so `bib lint` starts fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

from bib import __version__
from bib.errors import BibError
from bib.model import Document, Entry, Finding, Severity
from cli.output import FORMATTERS, err, out

if TYPE_CHECKING:
    from cli.batch import Checked
    from cli.config import Config

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
F = TypeVar("F", bound=Callable[..., None])


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="bib")
def bib() -> None:
    """bibwarden: check an essay's citations and reference list, export BibTeX."""


def catalog_options(command: F) -> F:
    """--offline and --refresh, shared by every command that can resolve."""
    command = click.option(
        "--refresh", is_flag=True, help="Ask the catalogs again, ignoring the cache."
    )(command)
    return click.option(
        "--offline", is_flag=True, help="Answer from the cache only; send no request."
    )(command)


def config_option(command: F) -> F:
    return click.option(
        "--config",
        "config_path",
        type=click.Path(path_type=Path, dir_okay=False),
        help="A bib.toml or pyproject.toml to use instead of the nearest one.",
    )(command)


@bib.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(tuple(FORMATTERS)),
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
@click.option("--resolve", is_flag=True, help="Also check every entry against the catalogs.")
@click.option(
    "--bibliography",
    type=click.Path(path_type=Path, dir_okay=False),
    help="A .bib that the essays cite by key ([@key], \\cite{key}); by default the one a "
    ".tex or the Markdown front matter names.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=0,
    help="Files checked at once, in processes (0, the default: one per CPU).",
)
@catalog_options
@config_option
def lint(
    paths: tuple[Path, ...],
    output_format: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    resolve: bool,
    bibliography: Path | None,
    jobs: int,
    offline: bool,
    refresh: bool,
    config_path: Path | None,
) -> None:
    """Check essays (.txt, .md, .docx, .tex) or .bib files and report findings.

    A directory is searched for essays.

    Exits 0 when no finding is at or above the failing severity, 1 when one is,
    2 on errors. A catalog that cannot be reached never makes a finding: the
    entries it could not check are counted on stderr.
    """
    from cli.batch import check_files, default_jobs
    from cli.files import expand_paths

    config = _config(config_path, paths[0], offline, refresh)
    if select or ignore:
        settings = config.settings
        config = config._replace(
            settings=settings._replace(
                select=_split(select) or settings.select,
                ignore=settings.ignore + _split(ignore),
            ),
        )
    files = list(expand_paths(paths))
    checked = list(
        check_files(
            [(path, config.settings_for(path)) for path in files],
            bibliography,
            jobs or default_jobs(),
        )
    )
    for item in checked:
        for warning in item.document.warnings:
            err(f"{item.path}: warning: {warning}")
    per_file = [list(item.findings) for item in checked]
    if resolve:
        _resolve_all(checked, per_file, config)
    findings: list[Finding] = []
    for item, found in zip(checked, per_file, strict=True):
        if item.bibliography is not None:
            from bib.bibfile import bibliography_findings

            found = list(
                bibliography_findings(found, item.document.entries, str(item.bibliography))
            )
        findings.extend(found)
    out(FORMATTERS[output_format](findings, len(files)))
    threshold = Severity(fail_on) if fail_on else config.fail_on
    failing = any(f.severity.rank >= threshold.rank for f in findings)
    sys.exit(EXIT_FINDINGS if failing else EXIT_CLEAN)


@bib.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
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
@click.option(
    "--check",
    is_flag=True,
    help="Write nothing; exit 1 when the .bib beside each essay (or -o) differs from what "
    "would be written now. Essays without one are passed over.",
)
@click.option("--resolve", is_flag=True, help="Add the DOIs and ISBNs that the catalogs confirm.")
@click.option(
    "--fill",
    is_flag=True,
    help="Also fill missing fields from a confident match (implies --resolve).",
)
@click.option(
    "--fix-from-catalog",
    is_flag=True,
    help="Also replace fields that differ from a confident match (implies --resolve); "
    "every change is listed on stderr.",
)
@catalog_options
@config_option
def export(
    paths: tuple[Path, ...],
    output: Path | None,
    output_format: str,
    ascii_only: bool,
    check: bool,
    resolve: bool,
    fill: bool,
    fix_from_catalog: bool,
    offline: bool,
    refresh: bool,
    config_path: Path | None,
) -> None:
    """Export an essay's reference list as BibTeX or CSL-JSON.

    With --check, several essays may be given (as pre-commit does).
    """
    if len(paths) > 1 and (output is not None or not check):
        raise click.UsageError("give one essay, or several with --check and no -o")
    stale = []
    for path in paths:
        config = _config(config_path, path, offline, refresh)
        document, _ = _read(path)
        if not document.entries:
            if check:
                continue
            raise BibError(f"{path}: no reference list found")
        entries: tuple[Entry, ...] = document.entries
        if resolve or fill or fix_from_catalog:
            from bib.resolve import enrich_entries, format_changes
            from cli.resolving import resolve_with_progress

            report = resolve_with_progress(entries, config.catalogs, str(path))
            entries, changes = enrich_entries(report, fill=fill, fix=fix_from_catalog)
            if changes:
                err(format_changes(changes))
        text = _exported(entries, output_format, ascii_only)
        if check:
            target = output or path.with_suffix(".json" if output_format == "csl-json" else ".bib")
            if _is_stale(target, text):
                err(f"{target}: not what `bib export {path}` writes now")
                stale.append(target)
        elif output is None:
            out(text, nl=not text.endswith("\n"))
        else:
            from cli.files import write_atomically

            write_atomically(output, text, inputs=[path])
            err(f"{path}: wrote {len(entries)} entries to {output}")
    sys.exit(EXIT_FINDINGS if stale else EXIT_CLEAN)


def _is_stale(target: Path, text: str) -> bool:
    """Whether an existing export differs from ``text`` (no file: nothing to compare)."""
    from cli.files import read_bytes

    if not target.is_file():
        return False
    return read_bytes(target).decode("utf-8", errors="replace").replace("\r\n", "\n") != text


@bib.command()
@click.argument("path", type=click.Path(path_type=Path))
@catalog_options
@config_option
def resolve(path: Path, offline: bool, refresh: bool, config_path: Path | None) -> None:
    """Look every entry up and show the best match, its confidence and each field."""
    from bib.resolve import format_resolution
    from cli.resolving import resolve_with_progress

    config = _config(config_path, path, offline, refresh)
    document, _ = _read(path)
    if not document.entries:
        raise BibError(f"{path}: no reference list found")
    out(format_resolution(resolve_with_progress(document.entries, config.catalogs, str(path))))


@bib.command()
@click.argument("name", required=False)
def rules(name: str | None) -> None:
    """List every rule, or print one rule's documentation."""
    from checks.rules import RULES

    if name is None:
        for r in sorted(RULES.values(), key=lambda r: r.code):
            out(f"{r.code:<6}{r.name:<24}{r.severity.value:<9}{r.summary}")
        return
    found = [r for r in RULES.values() if name in (r.name, r.code)]
    if not found:
        raise BibError(f"no rule named {name!r}; `bib rules` lists them")
    r = found[0]
    out(f"{r.code} {r.name} ({r.severity.value})\n\n{r.doc}")


def _config(config_path: Path | None, start: Path, offline: bool, refresh: bool) -> Config:
    from cli.config import load_config, load_config_file

    config = load_config_file(config_path) if config_path else load_config(start)
    if offline or refresh:
        config = config._replace(
            catalogs=config.catalogs._replace(offline=offline, refresh=refresh)
        )
    return config


def _read(path: Path) -> tuple[Document, Path | None]:
    """The essay and, when it cites a .bib by key, the .bib it names."""
    from cli.batch import read_essay

    document, bib_path = read_essay(path, None)
    for warning in document.warnings:
        err(f"{path}: warning: {warning}")
    return document, bib_path


def _resolve_all(checked: list[Checked], per_file: list[list[Finding]], config: Config) -> None:
    """One resolution for every file's entries: one cache, one rate limiter, one budget."""
    from checks.catalog import catalog_findings
    from cli.resolving import resolve_with_progress

    entries = [entry for item in checked for entry in item.document.entries]
    label = str(checked[0].path) if len(checked) == 1 else f"{len(checked)} files"
    report = resolve_with_progress(entries, config.catalogs, label)
    start = 0
    for item, found in zip(checked, per_file, strict=True):
        count = len(item.document.entries)
        part = report._replace(resolutions=report.resolutions[start : start + count])
        found.extend(catalog_findings(item.document, part, config.settings_for(item.path)))
        start += count


def _exported(entries: tuple[Entry, ...], output_format: str, ascii_only: bool) -> str:
    if output_format == "csl-json":
        from bib.csl import to_csl_json

        return to_csl_json(entries)
    from bib.bibtex import to_bibtex

    return to_bibtex(entries, ascii=ascii_only)


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


class _Terminated(BaseException):
    """SIGTERM, raised where the program stands so that cleanups run (not KeyboardInterrupt,
    which click would turn into an abort with SIGINT's exit code)."""


def _terminate(signum: int, frame: object) -> None:
    raise _Terminated


def main() -> None:
    import signal
    import threading

    # By default SIGTERM ends Python at once: a temporary output file would stay behind.
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        _run()
    except _Terminated:
        err("bib: interrupted")
        sys.exit(128 + signal.SIGTERM)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _run() -> None:
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
