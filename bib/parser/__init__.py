"""Parse one free-text reference into a ``Reference``: a trained CRF plus rules.

>>> ref = parse_reference("Harris, J. The Great Fear (Oxford: Oxford University Press, 2016)")
>>> ref.type.value, ref.year, ref.place
('book', '2016', 'Oxford')
"""

from __future__ import annotations

from bib import patterns
from bib.model import Reference

__all__ = ["MAX_LENGTH", "label_tokens", "parse_reference"]

# Longer strings are not one reference; cutting them keeps parsing time bounded.
MAX_LENGTH = 2000


def label_tokens(text: str) -> list[tuple[str, str]]:
    """(token, label) pairs: what the tagger saw and said, for debugging and tests."""
    from bib.parser.features import token_features
    from bib.parser.tagger import tag
    from bib.parser.tokens import tokenize

    text = _sanitise(text)
    _, tokens = tokenize(text)
    labels = tag(token_features(tokens, text))
    return [(t.text, label) for t, label in zip(tokens, labels, strict=True)]


# Control characters are never part of a reference, and lone surrogates cannot even be
# encoded for the tagger.
_UNPRINTABLE = patterns.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")


def _sanitise(text: str) -> str:
    return _UNPRINTABLE.sub(" ", text[:MAX_LENGTH])


def parse_reference(text: str) -> Reference:
    """The structured fields of one reference string. Never raises on any ``str``."""
    # Imported here, so that importing one module of the parser (bib.parser.fields,
    # say) loads neither the features nor the tagger.
    from bib.parser.features import token_features
    from bib.parser.fields import build_reference
    from bib.parser.tagger import tag
    from bib.parser.tokens import tokenize

    if not isinstance(text, str):
        return Reference()
    text = _sanitise(text)
    cleaned, tokens = tokenize(text)
    if not tokens:
        return Reference()
    labels = tag(token_features(tokens, text))
    return build_reference(text, tokens, labels, cleaned.numbering_end, cleaned.links)
