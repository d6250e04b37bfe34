"""What a run of the checks is asked to do: which rules, at what severity."""

from __future__ import annotations

from dataclasses import dataclass

from bib.model import Severity


@dataclass(frozen=True, slots=True)
class Settings:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severities: tuple[tuple[str, Severity], ...] = ()

    def severity_of(self, name: str, default: Severity) -> Severity:
        return dict(self.severities).get(name, default)
