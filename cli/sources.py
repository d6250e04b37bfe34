"""Which .bib an essay cites when none is given: the one the file names itself."""

from __future__ import annotations

from pathlib import Path


def named_bibliography(path: Path, data: bytes) -> Path | None:
    """The .bib a LaTeX file (\\bibliography, \\addbibresource) or Pandoc front matter names."""
    suffix = path.suffix.lower()
    if suffix not in (".tex", ".latex", ".md", ".markdown"):
        return None
    text = data.decode("utf-8", errors="replace")
    if suffix in (".tex", ".latex"):
        from bib.latex import bibliography_names
    else:
        from bib.pandoc import bibliography_names
    for name in bibliography_names(text):
        candidate = path.parent / name
        if candidate.is_file():
            return candidate
    return None
