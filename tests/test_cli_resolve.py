"""`bib lint --resolve`, `bib export --resolve` and `bib resolve` against a local catalog."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bib.catalogs.fakeserver import FakeCatalog, Limits
from tests.conftest import RunBib

RECORDS = json.loads(
    (Path(__file__).parent / "data" / "catalogs" / "seed_records.json").read_text("utf-8")
)


def point_at(monkeypatch: pytest.MonkeyPatch, url: str, cache: Path) -> None:
    monkeypatch.setenv("BIB_CROSSREF_URL", url)
    monkeypatch.setenv("BIB_OPENLIBRARY_URL", url)
    monkeypatch.setenv("BIB_MAILTO", "tests@example.org")
    monkeypatch.setenv("BIB_CACHE_DIR", str(cache))


def test_lint_resolve_reports_the_rogovin_title_and_then_runs_from_the_cache(
    run_bib: RunBib, seed_essay: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    limits = Limits(requests=20, interval=1.0, concurrency=3)
    with FakeCatalog(RECORDS["crossref"], RECORDS["openlibrary"], 0.01, limits) as server:
        point_at(monkeypatch, server.url, tmp_path)
        result = run_bib("lint", "--resolve", "--select", "R", "--format", "json", str(seed_essay))
        assert result.code == 1, result.stderr
        findings = json.loads(result.stdout)
        titles = [
            f["data"]
            for f in findings
            if f["rule"] == "catalog-mismatch" and f["data"]["field"] == "title"
        ]
        assert any(d["catalog_value"] == "1937: Stalin's Year of Terror" for d in titles)
        assert "resolved 30 entries" in result.stderr
        assert "could not be checked" not in result.stderr
        sent = len(server.arrivals)
        again = run_bib("lint", "--resolve", "--select", "R", "--format", "json", str(seed_essay))
        assert len(server.arrivals) == sent
        assert json.loads(again.stdout) == findings


def test_lint_resolve_with_the_catalogs_down_is_not_a_finding(
    run_bib: RunBib, seed_essay: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    server = FakeCatalog(RECORDS["crossref"], RECORDS["openlibrary"]).start()
    server.stop()
    point_at(monkeypatch, server.url, tmp_path)
    result = run_bib("lint", "--resolve", "--select", "R", "--format", "json", str(seed_essay))
    assert result.code in (0, 1)
    assert json.loads(result.stdout) == []
    assert "entries could not be checked" in result.stderr


def test_export_resolve_adds_identifiers_and_resolve_shows_the_matches(
    run_bib: RunBib, seed_essay: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with FakeCatalog(RECORDS["crossref"], RECORDS["openlibrary"], 0.0) as server:
        point_at(monkeypatch, server.url, tmp_path)
        plain = run_bib("export", str(seed_essay))
        enriched = run_bib("export", "--resolve", str(seed_essay))
        shown = run_bib("resolve", str(seed_essay))
    assert enriched.code == 0, enriched.stderr
    assert "doi = " not in plain.stdout
    assert "doi = " in enriched.stdout
    assert shown.code == 0
    assert "rogovin1998" in shown.stdout
