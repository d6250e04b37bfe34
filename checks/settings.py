"""What a run of the checks is asked to do: which rules, at what severity, for which style."""

from typing import NamedTuple

from bib.model import Severity


class Settings(NamedTuple):
    """Which rules run, at what severity, against which style and accepted spellings."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severities: tuple[tuple[str, Severity], ...] = ()
    # The citation style the list should follow: "auto" guesses it from the list;
    # "chicago", "harvard", "mla", "apa" name it.
    style: str = "auto"
    # Whether books need a place of publication: None follows the style
    # (on for Chicago-like lists; Chicago 18th edition dropped it, so it can be turned off).
    require_place: bool | None = None
    # Accepted spellings: canonical name -> its variants, never reported as name-variant.
    names: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def severity_of(self, name: str, default: Severity) -> Severity:
        return dict(self.severities).get(name, default)
