"""The trained CRF that labels tokens, loaded once on first use."""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache
from typing import Any

MODEL_NAME = "reference.crfsuite"


def model_path() -> str:
    # Beside this module: the package is always installed as files, and
    # importlib.resources would cost a few milliseconds of imports at every start.
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), MODEL_NAME)


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
