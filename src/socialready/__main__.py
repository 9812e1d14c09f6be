"""The `socialready` command and `python -m socialready`: the CLI, with fewer collections, and
a quiet end.

Loading Typer and socialready makes tens of thousands of objects that live until the command
ends. At Python's default threshold the cyclic garbage collector walks them again and again
while they load, about a tenth of a `plan --check` of one plan. A higher threshold collects
less often (cyclic garbage is still collected); what is loaded is then frozen, out of every
later collection's way. When the command ends, what it made is frozen too: the collection at
exit would only walk what the process is about to give back (every file is closed by then).
"""

import gc
import os
import signal

# Objects allocated between two young collections (Python's default: 700): more than loading
# Typer and the command line makes (about 22,000), so that no collection walks them before they
# are frozen; one at 20,000 cost about 3 ms, nearly all of it in that walk.
THRESHOLD = 50_000


def run() -> None:
    gc.set_threshold(THRESHOLD, *gc.get_threshold()[1:])
    _end_at_once()  # while it loads: nothing begun, nothing to say
    from socialready.cli import main  # whose main() sets the command's own handlers

    gc.freeze()
    try:
        main()
    finally:
        _end_at_once()  # its last word said, its output flushed
        gc.freeze()


def _end_at_once() -> None:
    """SIGTERM or Ctrl-C ends the process with the signal's exit code at once: while the command
    loads, instead of a KeyboardInterrupt traceback from inside an import, and once it has said
    its last word, instead of an exception raised inside whatever clean-up the interpreter is
    running (a finalizer prints it as a traceback). Both are held back while the handlers
    change, where the platform can."""
    both = {signal.SIGINT, signal.SIGTERM}
    held = (
        signal.pthread_sigmask(signal.SIG_BLOCK, both)
        if hasattr(signal, "pthread_sigmask")
        else None
    )
    for number in both:
        signal.signal(number, _late)
    if held is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _late(signum: int, frame: object) -> None:
    os._exit(128 + signum)


if __name__ == "__main__":
    run()
