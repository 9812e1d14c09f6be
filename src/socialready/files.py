"""Reading and writing the user's files safely: size limits, clear errors, atomic replace."""

# Annotations evaluated, not postponed: a NamedTuple or TypedDict field given as a string is
# compiled at every start (about 1M instructions a class).

import contextlib
import errno
import os
import re
import signal
import stat
import sys
import time
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

from socialready.errors import FileProblem, Msg, msg

MIB = 1024 * 1024
MAX_BYTES = 4 * MIB  # the most any command reads, and so the most any command writes
LIMIT = "4 MiB"


class Contents(NamedTuple):
    """A file as read: its text, a digest of its bytes (to notice a change before it is
    replaced) and whether it started with a UTF-8 byte-order mark (kept when it is rewritten)."""

    text: str
    digest: str
    bom: bool


def read_text(path: Path) -> str:
    """The file's text, or a FileProblem that says what is wrong with it and what to do."""
    return read(path).text


def read(path: Path, *, digest: bool = True) -> Contents:
    """The file's text and digest (`digest`: "" when nothing will be written after it), or a
    FileProblem that says what is wrong and what to do."""
    data = read_bytes(path)
    if len(data) > MAX_BYTES:
        raise FileProblem(path, msg("file.too_large", limit=LIMIT))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # a byte-order mark: Notepad's "Unicode"
        raise FileProblem(path, msg("file.utf16"))
    if b"\0" in data:
        raise FileProblem(path, msg("file.binary"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileProblem(path, _not_utf8(data, exc.start)) from None
    summed = _digest(data) if digest else ""
    return Contents(text.removeprefix("\ufeff"), summed, text.startswith("\ufeff"))


def read_bytes(path: Path) -> bytes:
    """The file's first MAX_BYTES + 1 bytes. A pipe or device is refused before it is opened,
    so nothing waits forever for a writer that never comes."""
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            raise FileProblem(path, msg("file.is_folder"))
        if not stat.S_ISREG(mode):
            raise FileProblem(path, msg("file.not_regular"))
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            found = os.fstat(fd)
            if not stat.S_ISREG(found.st_mode):  # swapped since the stat
                raise FileProblem(path, msg("file.not_regular"))
            return _read_fd(fd, found.st_size)
        finally:
            os.close(fd)
    except FileNotFoundError:
        raise FileProblem(path, msg("file.missing")) from None
    except PermissionError:
        raise FileProblem(path, msg("file.read_denied")) from None
    except OSError as exc:
        raise FileProblem(path, msg("file.unreadable", reason=exc.strerror)) from None


def _read_fd(fd: int, size: int) -> bytes:
    """Up to MAX_BYTES + 1 bytes, asked for in the size the file has (and more while it grows):
    a buffer of MAX_BYTES for each plan would cost more than reading it."""
    chunks = []
    left = MAX_BYTES + 1
    while left > 0:
        chunk = os.read(fd, min(left, max(size + 1, 64 * 1024)))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _digest(data: bytes) -> str:
    """Enough to notice that a file changed (an edit), not to resist an attacker."""
    return f"{len(data)}-{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def _current_digest(path: Path) -> tuple[str, tuple[int, int, int] | None]:
    """The digest of the file as it is now ("" when there is none), and what tells that file
    from one put in its place since, or written into: its inode, size and time of change,
    taken by its name before it is read (both by name, as `_still` takes them again: a
    file's number read through a handle can be another on Windows)."""
    try:
        before = os.stat(path)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return "", None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            return "not a regular file", None
        return _digest(handle.read()), _identity(before)


def _identity(status: os.stat_result) -> tuple[int, int, int]:
    return status.st_ino, status.st_size, status.st_mtime_ns


def _still(path: Path, identity: tuple[int, int, int] | None) -> bool:
    """Whether the file at `path` is still the one whose digest was taken (an editor may have
    saved meanwhile): asked right before it is replaced, a moment after its digest."""
    try:
        return identity is not None and _identity(os.stat(path)) == identity
    except FileNotFoundError:
        return identity is None
    except OSError:
        return False


def _not_utf8(data: bytes, start: int) -> Msg:
    """Where the first non-UTF-8 byte is, by line and column, so that an editor can find it."""
    line_start = data.rfind(b"\n", 0, start) + 1
    line = data.count(b"\n", 0, start) + 1
    column = len(data[line_start:start].decode("utf-8", "replace")) + 1
    return msg("file.not_utf8", line=line, column=column, byte=f"{data[start]:02x}")


_OWN_KEYS = (  # compiled (by `re`) only when an output file is checked
    r"(?m)^(?:socialready|organisation|goals|audience|channels|capacity|willingness|persistence"
    r"|review|answers):"
)


def write_text(path: Path, text: str, *, expect: str | None = None, bom: bool = False) -> None:
    """Replace `path` with `text` in one step: a reader sees the old file or the new, never half.

    `expect` is the digest of the file as it was read ("" for none): when the file changed
    since (an edit while socialready worked), it is left as it is. A symbolic link is written
    through, to the file it names; a pipe or device is never written to."""
    commit(prepare(path, text, bom=bom), expect=expect)


class Prepared(NamedTuple):
    """A new text for a file, complete and flushed to disk under a temporary name beside it,
    waiting to replace the file (`commit`) or to be removed (`discard`)."""

    path: Path  # as named
    target: Path  # the file replaced: the one a symbolic link names
    tmp: str


def prepare(path: Path, text: str, *, bom: bool = False) -> Prepared:
    """The slow half of a write, which may run on any thread: the checks, and the new text
    written and flushed beside the file. Nothing the user sees changes yet."""
    target = Path(os.path.realpath(path)) if os.path.islink(path) else path
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteFailed(folder, msg("file.mkdir", reason=exc.strerror)) from None
    try:
        current = os.stat(target)
    except FileNotFoundError:
        current = None
    except OSError as exc:
        raise WriteFailed(path, msg("file.cannot_write", reason=exc.strerror)) from None
    if current is not None and stat.S_ISDIR(current.st_mode):
        raise WriteFailed(path, msg("file.write_to_folder"))
    if current is not None and not stat.S_ISREG(current.st_mode):
        raise WriteFailed(path, msg("file.not_regular_write"))
    data = ("\ufeff" if bom else "").encode() + text.encode("utf-8")
    if len(data) > MAX_BYTES:
        raise WriteFailed(
            path,
            msg("file.would_be_too_large", size=round(len(data) / MIB, 1), limit=LIMIT),
        )
    mode = current.st_mode & 0o777 if current else 0o666 & ~_umask()
    with _failed_write(path), _sigterm_deferred():  # until the name is known to the cleanup
        return Prepared(path, target, _temporary(folder, target.name, data, mode))


def commit(prepared: Prepared, *, expect: str | None) -> None:
    """The quick half, on the thread that decides: under the plan's lock, the file is checked
    to be as it was read (`expect`, see write_text) and replaced at once, so that the check
    and the replacement are as close together as they can be. The temporary file is gone
    after, whatever happens."""
    path, target, tmp = prepared
    try:
        with _failed_write(path):
            with (
                _one_writer(target)
                if expect is not None
                else contextlib.nullcontext(False) as waited
            ):
                if expect is not None:
                    digest, identity = _current_digest(target)
                    # The check of the whole file, then a cheaper one as close to the replace
                    # as it can be: an editor's save in between would be written over.
                    if digest != expect or not _still(target, identity):
                        raise ChangedMeanwhile(
                            path, msg("file.changed_meanwhile"), by_socialready=waited
                        )
                os.replace(tmp, target)
            tmp = ""
    finally:
        if tmp:
            Path(tmp).unlink(missing_ok=True)


def discard(prepared: Prepared) -> None:
    """A prepared write that will not happen: its temporary file removed."""
    Path(prepared.tmp).unlink(missing_ok=True)


@contextlib.contextmanager
def _failed_write(path: Path) -> Iterator[None]:
    """An operating system's refusal to write, as one message that says what to do."""
    try:
        yield
    except PermissionError:
        raise WriteFailed(path, msg("file.write_denied")) from None
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise WriteFailed(path, msg("file.disk_full")) from None
        if exc.errno == errno.EFBIG:  # ulimit -f
            raise WriteFailed(path, msg("file.size_limit")) from None
        if exc.errno == errno.EROFS:
            raise WriteFailed(path, msg("file.read_only_disk")) from None
        raise WriteFailed(path, msg("file.unwritable", reason=exc.strerror)) from None


class WriteFailed(FileProblem):
    """A file could not be written (permission, full disk, size limit): the old one is kept."""


class ChangedMeanwhile(WriteFailed):
    """The file changed since it was read: it is left as it is, with that change.
    `by_socialready`: another socialready was writing it the moment before (this one waited
    for its lock), so the change is that one's, and reading the file again keeps it."""

    def __init__(self, path: object, problem: Msg, *, by_socialready: bool = False) -> None:
        super().__init__(path, problem)
        self.by_socialready = by_socialready


LOCK_WAIT = 30.0  # seconds a writer waits for another socialready writing the same plan


def lock_path(target: Path) -> Path:
    """The lock file beside a plan: hidden, and removed again once the plan is written."""
    return target.with_name(f".{target.name}.lock")


@contextlib.contextmanager
def _one_writer(target: Path) -> Iterator[bool]:
    """The compare-and-replace of a plan as one critical section between socialready
    processes: a lock file beside the plan, flock on POSIX (msvcrt on Windows, through
    filelock). Its holder removes it before it lets go; a waiter that locked the removed file
    notices (its link count is 0) and takes the new one, so no lock file stays behind.
    Yields whether it had to wait for another socialready."""
    path = lock_path(target)
    waited = False
    deadline = time.monotonic() + LOCK_WAIT
    while True:  # Ctrl-C and SIGTERM wait while the lock is held, and come between attempts
        held = hold_signals()
        try:
            release = _take(path)
        except OSError as exc:  # the lock's name taken by a folder or a link: name it
            _let_signals(held)
            raise WriteFailed(path, msg("file.unwritable", reason=exc.strerror)) from None
        if release is not None:
            break
        _let_signals(held)
        waited = True
        if time.monotonic() > deadline:
            problem = msg("file.locked", lock=path.name, seconds=int(LOCK_WAIT))
            raise WriteFailed(target, problem)
        time.sleep(0.01)
    try:
        yield waited
    finally:
        try:
            release()
        finally:
            _let_signals(held)


Release = Callable[[], None]
# flock taken by another (some disks say so with EACCES, as filelock knows)
_HELD = {errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES}


class _NoFlock(Exception):
    """The disk has no flock (some network disks): filelock's lock file by its existence."""


def _take(path: Path) -> Release | None:
    """The lock at `path` taken, as the way to let it go again; None while another holds it."""
    if sys.platform != "win32":
        try:
            return _flock(path)
        except _NoFlock:
            pass
    return _filelock(path)


def _flock(path: Path) -> Release | None:
    """POSIX: the lock file's flock, which the lock files of filelock take as well. It is taken
    once for every plan written: filelock's own cost about five times as much (its bookkeeping
    for forks and threads), half of what writing a plan cost."""
    import fcntl

    flags = os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    while True:
        made = True
        try:
            fd = os.open(path, flags | os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o644)
        except FileExistsError:
            made = False
            try:
                fd = os.open(path, flags | os.O_RDWR)
            except PermissionError:  # left by another user's socialready (kill -9): read only
                fd = os.open(path, flags | os.O_RDONLY)
            except FileNotFoundError:  # removed by its holder meanwhile: made again
                continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if exc.errno in _HELD:
                return None
            if made:  # no lock file of this one's stays, least of all one that looks held
                with contextlib.suppress(OSError):
                    os.unlink(path)
            if exc.errno == errno.ENOSYS:  # as filelock falls back, on this errno alone
                raise _NoFlock from None
            raise
        except BaseException:
            os.close(fd)
            raise
        if os.fstat(fd).st_nlink:
            break
        os.close(fd)  # removed by its holder as it let go: the one now at `path` is taken

    def release() -> None:
        with contextlib.suppress(OSError):
            os.unlink(path)
        os.close(fd)  # which lets go of the flock

    return release


def _filelock(path: Path) -> Release | None:
    """Windows (msvcrt), and disks without flock: filelock's lock file."""
    import warnings

    import filelock

    # A mode of its own, writable by its owner only: asked for none, filelock asks for one that
    # others may write, and for that first probes the folder (a file made and removed) at every
    # plan written. Where the disk has no flock it falls back to a lock file's existence.
    held = [filelock.FileLock(str(path), mode=0o644)]
    try:
        with warnings.catch_warnings():  # "flock not supported …": ours to know, not to print
            warnings.simplefilter("ignore", UserWarning)
            held[0].acquire(timeout=0)
    except filelock.Timeout:
        return None

    def release() -> None:
        with contextlib.suppress(OSError):
            if sys.platform != "win32":  # Windows removes it on release (an open file stays)
                path.unlink()
        # Its finalizer runs at once, while the signals are still held: a SIGTERM handled
        # inside a finalizer is printed and lost, and the command would go on writing.
        held.pop().release()

    return release


def hold_signals() -> set[int | signal.Signals] | None:
    """SIGTERM and SIGINT held back on this thread (POSIX), so that no signal leaves a lock half
    taken; what was held before is returned. A thread that holds them for good (the writer
    threads of `plan DIR`) leaves them to the command's own thread."""
    if not hasattr(signal, "pthread_sigmask"):
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})


def _let_signals(held: set[int | signal.Signals] | None) -> None:
    if held is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def plan_paths(paths: list[Path]) -> list[Path]:
    """The plan files named, a folder standing for every .yaml/.yml file in it."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():  # by name, as Path sorts them (without case on Windows)
            with os.scandir(path) as entries:
                names = [
                    entry.name
                    for entry in entries
                    if os.path.splitext(entry.name)[1] in (".yaml", ".yml") and entry.is_file()
                ]
            found += [path / name for name in sorted(names, key=os.path.normcase)]
        else:
            found.append(path)
    if len(paths) == 1:
        return found
    seen: set[str] = set()  # a plan named twice (a folder and a file in it) is done once
    unique = []
    for path in found:
        real = os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            unique.append(path)
    return unique


def check_output(
    path: Path, *, reads: Path | None = None, kind: str = "", starts: bytes = b"", suffix: str = ""
) -> None:
    """The one guard of an output file (`show -o`, `calendar -o`), before anything is written:
    never the file the command reads (the plan, or a link to it); never a plan, answers or
    resume file, which would be lost; and where the command says what it writes (`kind`, and
    `starts`: how such a file begins), an existing file is replaced only when it is of that
    kind (an empty file too). Else a FileProblem, naming the file and what to do."""
    suggestion = str(reads.with_suffix(suffix)) if reads else ""
    if reads is not None:
        try:
            same = os.path.exists(path) and os.path.samefile(path, reads)
        except OSError:
            same = False
        if same:
            what = msg("file.kind.plan")
            raise FileProblem(path, msg("file.output_is_input", what=what, suggestion=suggestion))
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # nothing there (or a dangling link): write_text says what it finds
    head = b""
    if stat.S_ISREG(mode):
        try:
            with open(path, "rb") as handle:
                head = handle.read(64 * 1024)
        except OSError:
            return  # write_text says why it cannot write there
    if starts:
        text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
        if not stat.S_ISREG(mode) or (head and not text.upper().startswith(starts)):
            problem = msg(
                "file.output_other_kind", kind=msg(f"file.kind.{kind}"), suggestion=suggestion
            )
            raise FileProblem(path, problem)
    elif re.search(_OWN_KEYS, head.decode("utf-8", "replace").lstrip("\ufeff")):
        raise FileProblem(path, msg("file.output_over_plan"))


def _temporary(folder: Path, name: str, data: bytes, mode: int) -> str:
    """A complete copy of `data` under a temporary name in `folder`, flushed to disk. The
    name holds the process id, so that one left by a killed process (kill -9) can be told
    from one still being written, and removed."""
    import tempfile

    _remove_stale(folder)
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.{os.getpid()}.", suffix=".tmp", dir=folder)
    try:
        _write_all(fd, data, mode)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    finally:
        os.close(fd)
    return tmp


_STALE = r"\..+\.(\d+)\.\w{8}\.tmp"  # compiled (by `re`) on the first write
_CLEARED: set[Path] = set()


def _remove_stale(folder: Path, pid: int | None = None) -> None:
    """Remove temporary files that a killed socialready left in `folder` (once a run), or
    with `pid`, those of that process."""
    if pid is None and folder in _CLEARED:
        return
    _CLEARED.add(folder)
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            found = re.fullmatch(_STALE, entry.name)
            if not found or int(found[1]) == os.getpid():
                continue
            owner = int(found[1])
            if owner == pid or (pid is None and not _alive(owner)):
                Path(entry.path).unlink(missing_ok=True)


def remove_temporary_files(folders: set[Path], pid: int) -> None:
    """What a process that is gone (`pid`) was writing in these folders: for the workers of
    `plan`, which outlive a command killed with kill -9 by a moment."""
    for folder in folders:
        _remove_stale(folder, pid)


def _alive(pid: int) -> bool:
    if sys.platform == "win32":  # os.kill(pid, 0) there would end the process, not ask
        import _winapi

        try:
            handle = _winapi.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        except OSError as exc:
            return getattr(exc, "winerror", 0) == 5  # access denied: another user's process
        try:
            return bool(_winapi.GetExitCodeProcess(handle) == _winapi.STILL_ACTIVE)
        finally:
            _winapi.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process
    return True


def _write_all(fd: int, data: bytes, mode: int) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    if hasattr(os, "fchmod"):  # Windows before Python 3.13 has none; its files have no mode
        os.fchmod(fd, mode)
    os.fsync(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def _sigterm_deferred() -> Iterator[None]:
    """Hold SIGTERM and SIGINT back for a moment, where the platform can (POSIX)."""
    held = hold_signals()
    try:
        yield
    finally:
        _let_signals(held)
