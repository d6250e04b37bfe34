"""The trained CRF that labels tokens, loaded once on first use."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

MODEL_NAME = "reference.crfsuite"


def model_path() -> str:
    return str(resources.files("bib.parser") / MODEL_NAME)


@cache
def _tagger() -> Any:
    # Imported here so that importing bib.parser costs nothing until a reference is parsed.
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(model_path())
    return tagger


def tag(features: Sequence[Sequence[str]]) -> list[str]:
    """One label per token."""
    if not features:
        return []
    return list(_tagger().tag(features))
