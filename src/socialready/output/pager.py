"""The pager `show` writes through on a terminal: one that exists on this machine, and a
terminal as sane after it as before it, Ctrl-C included."""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from socialready.errors import Interrupted, msg

if TYPE_CHECKING:
    from types import FrameType

DEFAULT = "less -FRX"  # as git: quit if one screen, keep colours, leave the text on screen


def choose(env: Mapping[str, str] = os.environ, platform: str = sys.platform) -> str | None:
    """SOCIALREADY_PAGER, else PAGER, when it names a program that is there ("" or `cat`: no
    pager); else `less` where it is on the PATH; else `more` on Windows; else none."""
    configured = env.get("SOCIALREADY_PAGER", env.get("PAGER"))
    if configured is not None:
        configured = configured.strip()
        if configured in ("", "cat"):
            return None
        if _program(configured, env, platform):
            return configured
    path = env.get("PATH", os.defpath)
    if shutil.which("less", path=path):
        return DEFAULT
    if platform == "win32" and shutil.which("more", path=path):
        return "more"
    return None


def _program(command: str, env: Mapping[str, str], platform: str) -> bool:
    """The command line's program is on the PATH (or is a path to one)."""
    try:
        words = shlex.split(command, posix=platform != "win32")
    except ValueError:
        return False
    if not words:
        return False
    program = words[0].strip('"')
    return shutil.which(program, path=env.get("PATH", os.defpath)) is not None


def page(command: str, text: str) -> None:
    """Write `text` through the pager and wait for it. Ctrl-C is the pager's while it runs
    (less reads it); socialready waits, puts the terminal back as it was and then stops."""
    env = {**os.environ}
    env.setdefault("LESS", "FRX")
    encoding = sys.stdout.encoding or "utf-8"
    if encoding.lower().replace("-", "") == "utf8":
        env.setdefault("LESSCHARSET", "utf-8")  # what is written, whatever locales are installed
    from socialready.output import streams

    sys.stdout.flush()  # what was written before goes first
    stopped: list[int] = []
    with _terminal_kept(), _ctrl_c_noted(stopped):
        try:
            process = subprocess.Popen(
                command, shell=True, stdin=subprocess.PIPE, env=env, text=True,
                encoding=encoding, errors=streams.stand_ins(encoding),
            )  # fmt: skip
        except OSError:
            sys.stdout.write(text)
            return
        with contextlib.suppress(BrokenPipeError):  # the reader quit before the end: fine
            process.communicate(text)
        process.wait()
    if stopped:
        raise Interrupted(msg("interrupted"))


@contextlib.contextmanager
def _ctrl_c_noted(stopped: list[int]) -> Iterator[None]:
    """Ctrl-C noted, not acted on, until the pager is gone. A handler (not SIG_IGN, which the
    pager would inherit) so that the pager gets its own default."""

    def note(signum: int, frame: FrameType | None) -> None:
        stopped.append(signum)

    previous = signal.signal(signal.SIGINT, note)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@contextlib.contextmanager
def _terminal_kept() -> Iterator[None]:
    """The terminal's modes (echo, line editing) as they were before the pager, where the
    platform has termios: a pager that is killed leaves them as it had set them."""
    try:
        import termios
    except ImportError:  # Windows: the console keeps its own modes per process
        yield
        return
    fd = sys.stdout.fileno()
    try:
        saved = termios.tcgetattr(fd)
    except (termios.error, OSError):
        yield
        return
    try:
        yield
    finally:
        with contextlib.suppress(termios.error, OSError):
            termios.tcsetattr(fd, termios.TCSADRAIN, saved)
