"""The user's files survive anything: interruptions, full disks, read-only places.

Outputs go to a temporary file beside the target and are renamed over it
(``cli.files.write_atomically``); an interrupted run leaves the old file or the whole
new one. SIGINT and SIGTERM also remove the temporary file; SIGKILL cannot be caught,
so after one a ``.NAME.*.tmp`` may stay beside the target (the target itself is intact).
"""

from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

from cli.files import write_atomically
from tests.conftest import RunBib
from tests.test_cli_input import ESSAY, one_error_line

ROOT = Path(__file__).resolve().parents[1]
OLD = "% the previous export, which must survive\n"


def essay_and_output(tmp_path: Path) -> tuple[Path, Path]:
    essay = tmp_path / "essay.txt"
    essay.write_text(ESSAY, encoding="utf-8")
    output = tmp_path / "refs.bib"
    output.write_text(OLD, encoding="utf-8")
    return essay, output


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


# -- the output is refused when it is the input, however it is named -----------------------------


@pytest.mark.parametrize("alias", ["same", "dotted", "symlink", "hardlink"])
def test_export_refuses_an_output_that_is_the_input(
    run_bib: RunBib, tmp_path: Path, alias: str
) -> None:
    essay = tmp_path / "essay.txt"
    essay.write_text(ESSAY, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    output = {
        "same": essay,
        "dotted": tmp_path / "sub" / ".." / "essay.txt",
        "symlink": tmp_path / "link.txt",
        "hardlink": tmp_path / "hard.txt",
    }[alias]
    if alias == "symlink":
        output.symlink_to(essay)
    elif alias == "hardlink":
        os.link(essay, output)
    result = run_bib("export", str(essay), "-o", str(output))
    assert result.code == 2
    assert "refusing to overwrite the input" in one_error_line(result.stderr)
    assert essay.read_text(encoding="utf-8") == ESSAY
    assert leftovers(tmp_path) == []


# -- failures while writing: one line, exit 2, the old file intact, nothing left behind ----------


class FullDisk:
    """A stream whose writes fail as a full disk does, after ``room`` characters."""

    def __init__(self, stream: object, room: int) -> None:
        self.stream, self.room = stream, room

    def write(self, text: str) -> int:
        if len(text) > self.room:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.room -= len(text)
        return self.stream.write(text)  # type: ignore[attr-defined, no-any-return]

    def __getattr__(self, name: str) -> object:
        return getattr(self.stream, name)

    def __enter__(self) -> FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stream.close()  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("where", "error"),
    [
        ("write", errno.ENOSPC),
        ("fsync", errno.EIO),
        ("replace", errno.EXDEV),
        ("mkstemp", errno.EROFS),
        ("mkstemp", errno.EACCES),
        ("chmod", errno.EPERM),
    ],
)
def test_a_failing_write_is_one_line_and_exit_2_and_the_old_file_stays(
    run_bib: RunBib, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, error: int
) -> None:
    essay, output = essay_and_output(tmp_path)

    def fail(*args: object, **kwargs: object) -> object:
        raise OSError(error, os.strerror(error))

    if where == "write":
        real_fdopen = os.fdopen
        monkeypatch.setattr(os, "fdopen", lambda *a, **k: FullDisk(real_fdopen(*a, **k), 10))
    elif where == "mkstemp":
        monkeypatch.setattr(tempfile, "mkstemp", fail)
    else:
        monkeypatch.setattr(os, where, fail)
    result = run_bib("export", str(essay), "-o", str(output))
    assert result.code == 2
    line = one_error_line(result.stderr)
    assert line.startswith(f"bib: {output}: cannot write: ")
    assert os.strerror(error) in line
    assert output.read_text(encoding="utf-8") == OLD
    assert leftovers(tmp_path) == []


def test_an_unreadable_input_is_one_line_and_exit_2(
    run_bib: RunBib, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # chmod 000 stops nobody when the tests run as root: refuse the read itself.
    essay, _ = essay_and_output(tmp_path)

    def denied(self: Path) -> bytes:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    result = run_bib("lint", str(essay))
    assert result.code == 2
    assert one_error_line(result.stderr) == f"bib: {essay}: permission denied"


def test_an_unwritable_directory_for_a_user_is_one_line_and_exit_2(
    run_bib: RunBib, tmp_path: Path
) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes into a mode-0555 directory anyway; the read-only mount test runs")
    essay, _ = essay_and_output(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    result = run_bib("export", str(essay), "-o", str(locked / "refs.bib"))
    assert result.code == 2
    assert "Permission denied" in one_error_line(result.stderr)


def test_a_read_only_file_system_is_one_line_and_exit_2(tmp_path: Path) -> None:
    # A real read-only mount, in a private mount namespace that ends with the process.
    if shutil.which("unshare") is None or os.geteuid() != 0:
        pytest.skip("needs root and unshare(1) to mount a read-only file system")
    essay, _ = essay_and_output(tmp_path)
    mount = tmp_path / "ro"
    mount.mkdir()
    script = (
        f"mount -t tmpfs -o ro tmpfs {mount} || exit 99; "
        f"exec {sys.executable} -m bib export {essay} -o {mount / 'refs.bib'}"
    )
    result = subprocess.run(
        ["unshare", "--mount", "sh", "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        check=False,
    )
    if result.returncode == 99:
        pytest.skip(f"cannot mount here: {result.stderr.strip()}")
    assert result.returncode == 2, result.stderr
    assert one_error_line(result.stderr) == (
        f"bib: {mount / 'refs.bib'}: cannot write: Read-only file system"
    )


# -- interruptions ---------------------------------------------------------------------------------

# Runs `bib export` with a write that stops after its first 256 characters, flushed,
# says so in a file, and waits: a signal sent then arrives in the middle of the write
# however loaded the machine is (a timed sleep in the test would race the writer).
SLOW_WRITER = textwrap.dedent(
    """
    import os, signal, sys, time
    from pathlib import Path
    import cli.files
    # Ctrl-C as a terminal delivers it, even when the tests were started from a
    # background job (a non-interactive shell starts those with SIGINT ignored, and
    # the ignoring is inherited).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    real_fdopen = os.fdopen
    signal_me = Path(os.environ["BIB_TEST_SIGNAL_ME"])

    class Slow:
        def __init__(self, stream):
            self.stream = stream
        def write(self, text):
            self.stream.write(text[:256])
            self.stream.flush()
            signal_me.touch()
            time.sleep(120)  # the test's signal ends this
            self.stream.write(text[256:])
            return len(text)
        def __getattr__(self, name):
            return getattr(self.stream, name)
        def __enter__(self):
            return self
        def __exit__(self, *exc):
            self.stream.close()

    cli.files.os.fdopen = lambda *a, **k: Slow(real_fdopen(*a, **k))
    from cli.main import main
    sys.argv = ["bib", *sys.argv[1:]]
    main()
    """
)


def many_references(count: int) -> str:
    lines = [
        f"Author{i:04d}, J. The book number {i} on fear (London: Press {i}, {1900 + i % 100})"
        for i in range(count)
    ]
    return "An essay\n\nHarris argues (Harris 2016, 45).\n\nReferences\n\n" + "\n".join(lines)


@pytest.mark.parametrize("sent", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL])
def test_a_signal_in_the_middle_of_writing_leaves_the_old_output(
    tmp_path: Path, sent: signal.Signals
) -> None:
    essay = tmp_path / "essay.txt"
    essay.write_text(many_references(60), encoding="utf-8")
    output = tmp_path / "refs.bib"
    output.write_text(OLD, encoding="utf-8")
    signal_me = tmp_path / "writing"
    process = subprocess.Popen(
        [sys.executable, "-c", SLOW_WRITER, "export", str(essay), "-o", str(output)],
        cwd=ROOT,
        env={**os.environ, "BIB_TEST_SIGNAL_ME": str(signal_me)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not signal_me.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert signal_me.exists(), "the export never started writing"
        [temporary] = leftovers(tmp_path)
        assert 0 < (tmp_path / temporary).stat().st_size < len(many_references(60))
        process.send_signal(sent)
        _, stderr = process.communicate(timeout=30)
    finally:
        process.kill()
        process.communicate()
    assert output.read_text(encoding="utf-8") == OLD
    assert "Traceback" not in stderr
    if sent == signal.SIGKILL:
        assert process.returncode == -signal.SIGKILL
        return  # uncatchable: the temporary file may stay, the target is intact
    assert leftovers(tmp_path) == []
    assert process.returncode == {signal.SIGINT: 130, signal.SIGTERM: 143}[sent]
    assert stderr.strip() == "bib: interrupted"


@pytest.mark.slow
def test_killed_at_random_moments_the_output_is_old_or_complete(tmp_path: Path) -> None:
    """A real export, no slowing down: killed anywhere from start-up to the rename."""
    essay = tmp_path / "essay.txt"
    essay.write_text(many_references(150), encoding="utf-8")
    output = tmp_path / "refs.bib"
    command = [sys.executable, "-m", "bib", "export", str(essay), "-o", str(output)]
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    duration = time.perf_counter() - started
    complete = output.read_text(encoding="utf-8")
    assert sum(line.startswith("@") for line in complete.splitlines()) == 150
    chance = random.Random(20260101)
    for sent in [signal.SIGTERM, signal.SIGINT, signal.SIGKILL] * 2:
        output.write_text(OLD, encoding="utf-8")
        process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True)
        time.sleep(chance.uniform(0.3, 1.0) * duration)
        process.send_signal(sent)
        _, stderr = process.communicate(timeout=30)
        written = output.read_text(encoding="utf-8")
        assert written in (OLD, complete)  # never a part of the new file
        assert "Traceback" not in stderr
        if sent != signal.SIGKILL:
            assert leftovers(tmp_path) == []
        for name in leftovers(tmp_path):
            (tmp_path / name).unlink()


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="no signal masks here")
@pytest.mark.parametrize("sent", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_as_the_temporary_file_is_made_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sent: int
) -> None:
    """The moment the random kills above hit only now and then: the file exists, and the
    ``try`` that would remove it has not begun."""
    target = tmp_path / "refs.bib"
    target.write_text(OLD, encoding="utf-8")
    real_mkstemp = tempfile.mkstemp

    def interrupted(*args: str, **kwargs: str) -> tuple[int, str]:
        made = real_mkstemp(*args, **kwargs)
        os.kill(os.getpid(), sent)  # arrives here, before the caller's try
        return made

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)  # as cli.main's SIGTERM handler does

    monkeypatch.setattr(tempfile, "mkstemp", interrupted)
    previous = signal.signal(signal.SIGTERM, stop)
    try:
        with pytest.raises((KeyboardInterrupt, SystemExit)):
            write_atomically(target, "new\n", inputs=[])
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert target.read_text(encoding="utf-8") == OLD
    assert leftovers(tmp_path) == []


def test_write_atomically_never_shows_a_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "refs.bib"
    target.write_text(OLD, encoding="utf-8")
    seen: list[str] = []
    real_replace = os.replace

    def watching(source: str, destination: Path) -> None:
        seen.append(target.read_text(encoding="utf-8"))  # just before the rename
        assert Path(source).parent == tmp_path and Path(source).name.startswith(".refs.bib.")
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", watching)
    write_atomically(target, "new\n" * 100_000, inputs=[])
    assert seen == [OLD]
    assert target.read_text(encoding="utf-8") == "new\n" * 100_000
    assert leftovers(tmp_path) == []
