"""The executable's entry point: Ctrl-C while the modules load is one line, exit 130;
once the command is done, Ctrl-C no longer interrupts the exit."""

from __future__ import annotations

import signal
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


def test_once_the_command_is_done_an_interrupt_cannot_break_the_exit(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    # A SIGINT landing in Python's shutdown (logging's atexit handler) printed a traceback.
    monkeypatch.setenv("BIB_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(sys, "argv", ["bib", "--version"])
    previous = signal.getsignal(signal.SIGINT)
    try:
        with pytest.raises(SystemExit) as exited:
            start.main()
        assert exited.value.code == 0
        assert signal.getsignal(signal.SIGINT) == signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, previous)
