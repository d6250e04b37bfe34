"""bibwarden: a citation-checked bibliography manager."""

__version__ = "0.1.0"
