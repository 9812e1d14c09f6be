"""Reading and writing the user's files safely: size limits, clear errors, atomic replace."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from socialready.errors import FileProblem, Msg, msg

MAX_BYTES = 1024 * 1024
DATA = Path(__file__).parent / "data"


def read_data(name: str) -> str:
    """A data file shipped inside the package (questions, facts, rules, words, schema)."""
    return (DATA / name).read_text("utf-8")


def load_data(name: str) -> Any:
    """The JSON copy of data/<name>.yaml (scripts/build_data.py writes it): quick to read."""
    return json.loads(read_data(f"{name}.json"))


def read_text(path: Path) -> str:
    """The file's text, or a FileProblem that says what is wrong with it and what to do."""
    try:
        if path.is_dir():
            raise FileProblem(path, msg("file.is_folder"))
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise FileProblem(path, msg("file.missing")) from None
    except PermissionError:
        raise FileProblem(path, msg("file.read_denied")) from None
    except OSError as exc:
        raise FileProblem(path, msg("file.unreadable", reason=exc.strerror)) from None
    if len(data) > MAX_BYTES:
        raise FileProblem(path, msg("file.too_large"))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # a byte-order mark: Notepad's "Unicode"
        raise FileProblem(path, msg("file.utf16"))
    if b"\0" in data:
        raise FileProblem(path, msg("file.binary"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileProblem(path, _not_utf8(data, exc.start)) from None
    return text.removeprefix("\ufeff")


def _not_utf8(data: bytes, start: int) -> Msg:
    """Where the first non-UTF-8 byte is, by line and column, so that an editor can find it."""
    line_start = data.rfind(b"\n", 0, start) + 1
    line = data.count(b"\n", 0, start) + 1
    column = len(data[line_start:start].decode("utf-8", "replace")) + 1
    return msg("file.not_utf8", line=line, column=column, byte=f"{data[start]:02x}")


def write_text(path: Path, text: str) -> None:
    """Replace `path` with `text` in one step: a reader sees the old file or the new, never half."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FileProblem(folder, msg("file.mkdir", reason=exc.strerror)) from None
    if path.is_dir():
        raise FileProblem(path, msg("file.write_to_folder"))
    fd = -1
    tmp = ""
    try:
        import tempfile

        with _sigterm_deferred():  # until the temporary file's name is known to the cleanup
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            fd = -1
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
        tmp = ""
    except PermissionError:
        raise FileProblem(path, msg("file.write_denied")) from None
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise FileProblem(path, msg("file.disk_full")) from None
        raise FileProblem(path, msg("file.unwritable", reason=exc.strerror)) from None
    finally:
        if fd >= 0:
            os.close(fd)
        if tmp:
            Path(tmp).unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def _sigterm_deferred() -> Iterator[None]:
    """Hold SIGTERM back for a moment, where the platform can (POSIX)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
