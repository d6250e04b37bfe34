"""The executable's entry point: Ctrl-C while the modules load is one line, exit 130."""

from __future__ import annotations

import sys
import types

import pytest

from cli import start


class _Interrupted(types.ModuleType):
    def __getattr__(self, name: str) -> object:
        raise KeyboardInterrupt


def test_an_interrupt_while_the_modules_load_is_one_line_and_exit_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "cli.main", _Interrupted("cli.main"))
    with pytest.raises(SystemExit) as exited:
        start.main()
    assert exited.value.code == 130
    assert capsys.readouterr().err == "bib: interrupted\n"
