"""The user's files: the one guard every `-o FILE` passes before anything is written; a plan
changed since it was read is never written over."""

from __future__ import annotations

import errno
import gc
import os
import signal
import sys
import weakref
from collections.abc import Callable
from functools import partial
from pathlib import Path
from types import FrameType

import pytest

from socialready import files
from socialready.errors import FileProblem, Msg, msg
from tests.bad_files import ROOT_SKIP
from tests.conftest import editor_save


def _ics(path: Path, reads: Path) -> None:
    """As `calendar -o` guards its file."""
    files.check_output(path, reads=reads, kind="ics", starts=b"BEGIN:VCALENDAR", suffix=".ics")


def _refused(path: Path, guard: Callable[[], None]) -> Msg:
    with pytest.raises(FileProblem) as raised:
        guard()
    assert raised.value.path == path
    problem = raised.value.parts[0].params["problem"]
    assert isinstance(problem, Msg)
    return problem


def test_never_the_file_the_command_reads(tmp_path: Path) -> None:
    plan = tmp_path / "p.yaml"
    plan.write_text("socialready: 3\n", "utf-8")
    link = tmp_path / "link.ics"
    link.symlink_to(plan)
    suggestion = str(tmp_path / "p.ics")
    for target in (plan, link):
        assert _refused(target, partial(_ics, target, plan)) == msg(
            "file.output_is_input", what=msg("file.kind.plan"), suggestion=suggestion
        )


@pytest.mark.parametrize(
    "head",
    ["socialready: 3\norganisation: x\n", "\ufeffcapacity:\n  people: 2\n", "answers: {}\n"],
)
def test_never_a_plan_answers_or_resume_file(tmp_path: Path, head: str) -> None:
    target = tmp_path / "report.md"
    target.write_text(head, "utf-8")
    problem = _refused(target, lambda: files.check_output(target))
    assert problem == msg("file.output_over_plan")


def test_of_the_kind_the_command_writes_or_new_or_empty(tmp_path: Path) -> None:
    plan = tmp_path / "p.yaml"
    notes = tmp_path / "notes.ics"
    notes.write_text("my notes, not a calendar\n", "utf-8")
    folder = tmp_path / "folder.ics"
    folder.mkdir()
    for other in (notes, folder):
        assert _refused(other, partial(_ics, other, plan)).id == "file.output_other_kind"
    earlier = tmp_path / "earlier.ics"
    earlier.write_bytes(b"\xef\xbb\xbf  begin:vcalendar\r\n")
    empty = tmp_path / "empty.ics"
    empty.write_bytes(b"")
    for fine in (earlier, empty, tmp_path / "new.ics"):
        _ics(fine, plan)
    report = tmp_path / "report.html"
    report.write_text("<html>old</html>", "utf-8")
    files.check_output(report)  # a report of any kind may be replaced by the next
    files.check_output(folder)  # no kind named: writing there says what is wrong


def test_a_plan_changed_after_it_was_read_is_left_alone(isolated: Path, stale_plan: str) -> None:
    """The file changes between reading and writing: the write is refused, the change kept."""
    path = isolated / "p.yaml"
    path.write_text(stale_plan, "utf-8")
    read = files.read(path)
    editor_save(path, stale_plan.replace("  notes: null\n", "  notes: mine\n", 1))
    with pytest.raises(FileProblem, match="changed while socialready was working on it"):
        files.write_text(path, "socialready: 1\n", expect=read.digest)
    assert "notes: mine" in path.read_text("utf-8")
    files.write_text(path, "socialready: 1\n", expect=files.read(path).digest)
    assert path.read_text("utf-8") == "socialready: 1\n"


@pytest.mark.parametrize("save", ["editor", "in_place"])
def test_a_save_right_after_the_plans_check_is_not_written_over(
    isolated: Path, stale_plan: str, save: str
) -> None:
    """An editor's save that lands after the plan's digest was checked, the moment before it
    is replaced (a new file put in its place, or the same file written into): the plan is
    left with the edit, and the write refused."""
    path = isolated / "p.yaml"
    path.write_text(stale_plan, "utf-8")
    read = files.read(path)
    edited = stale_plan.replace("  notes: null\n", "  notes: mine\n", 1)

    def after_the_check(frame: FrameType, event: str, _: object) -> None:
        if event == "return" and frame.f_code is files._current_digest.__code__:
            sys.setprofile(None)
            if save == "editor":
                editor_save(path, edited)
            else:
                path.write_text(edited, "utf-8")

    sys.setprofile(after_the_check)
    try:
        with pytest.raises(FileProblem, match="changed while socialready was working on it"):
            files.write_text(path, "socialready: 1\n", expect=read.digest)
    finally:
        sys.setprofile(None)
    assert path.read_text("utf-8") == edited
    assert not list(isolated.glob(".p.yaml*"))


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="POSIX signal masks")
def test_a_filelock_is_finalized_as_it_is_let_go(tmp_path: Path) -> None:
    """A SIGTERM handled inside a finalizer is printed and lost (the command would go on
    writing): filelock's lock (Windows, disks without flock) is gone as soon as it is let go,
    which _one_writer does while the signals held since it was taken are held still."""
    import filelock

    path = files.lock_path(tmp_path / "plan.yaml")
    release = files._filelock(path)
    assert release is not None and path.exists()
    finalized: list[bool] = []
    [lock] = [o for o in gc.get_objects() if isinstance(o, filelock.BaseFileLock)]
    weakref.finalize(lock, lambda: finalized.append(True))
    del lock
    assert finalized == []
    release()
    assert finalized == [True]
    assert not path.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="flock is POSIX")
def test_flock_and_filelock_exclude_each_other(tmp_path: Path) -> None:
    """A plan's lock taken by flock is the lock filelock takes (the Windows way, the way of disks
    without flock, and of earlier socialready): neither is taken while the other holds it, and
    each is free again once the other let go."""
    path = files.lock_path(tmp_path / "plan.yaml")
    for first, second in ((files._flock, files._filelock), (files._filelock, files._flock)):
        release = first(path)
        assert release is not None
        assert second(path) is None
        release()
        again = second(path)
        assert again is not None
        again()
        assert not path.exists()


@ROOT_SKIP
def test_a_lock_file_left_read_only_is_still_taken(tmp_path: Path) -> None:
    """Another user's socialready, killed while it held a plan's lock (kill -9), leaves the lock
    file with a mode others cannot write: it is locked read only, and removed when let go."""
    path = files.lock_path(tmp_path / "plan.yaml")
    path.write_text("")
    path.chmod(0o444)
    release = files._take(path)
    assert release is not None
    assert files._take(path) is None
    release()
    assert not path.exists()


def _flock_fails(monkeypatch: pytest.MonkeyPatch, number: int) -> None:
    """A disk whose flock fails with `number` (not ours: the operating system's answer)."""
    import fcntl

    def flock(fd: int, operation: int) -> None:
        raise OSError(number, os.strerror(number))

    monkeypatch.setattr(fcntl, "flock", flock)


@pytest.mark.skipif(sys.platform == "win32", reason="flock is POSIX")
@pytest.mark.filterwarnings("error")  # filelock's warning is not the user's to read
def test_a_disk_without_flock_is_written_through_filelocks_lock_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ENOSYS (some network disks): filelock's lock file by its existence. The lock file the
    first try made is gone before that, or filelock would take it for one held, and wait."""
    _flock_fails(monkeypatch, errno.ENOSYS)
    plan = tmp_path / "plan.yaml"
    plan.write_text("old\n")
    files.write_text(plan, "new\n", expect=files.read(plan).digest)
    assert plan.read_text() == "new\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["plan.yaml"]


@pytest.mark.skipif(sys.platform == "win32", reason="flock is POSIX")
def test_a_lock_a_disk_says_is_denied_is_waited_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Some disks say EACCES where another holds the flock: taken for held, and waited for."""
    _flock_fails(monkeypatch, errno.EACCES)
    assert files._flock(files.lock_path(tmp_path / "plan.yaml")) is None


@pytest.mark.skipif(sys.platform == "win32", reason="flock is POSIX")
def test_a_flock_that_fails_otherwise_is_said_and_leaves_no_lock_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _flock_fails(monkeypatch, errno.EIO)
    plan = tmp_path / "plan.yaml"
    plan.write_text("old\n")
    with pytest.raises(FileProblem, match="cannot be written"):
        files.write_text(plan, "new\n", expect=files.read(plan).digest)
    assert plan.read_text() == "old\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["plan.yaml"]
