"""`socialready plan`: recompute plans, show what changes, write (or with --check, only say)."""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
import threading
import time
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from socialready import answers as answers_mod
from socialready import files, locales, questionnaire
from socialready.errors import (
    BadInput,
    ExitCode,
    FileProblem,
    HandEdited,
    SocialreadyError,
    msg,
)
from socialready.planfile import recompute
from socialready.text import text

if TYPE_CHECKING:
    from concurrent.futures import Future
    from multiprocessing.pool import Pool
    from multiprocessing.process import BaseProcess

    from socialready.model import Answers
    from socialready.output.terminal import Out

PARALLEL_FROM = 64  # plans; below this, starting worker processes costs more than it saves
START_METHOD = "SOCIALREADY_START_METHOD"  # fork or spawn, where the platform has it

# error: message, exit code, and which count of the summary it goes to (see _failure)
# Paths cross to and from the workers as text: a Path takes ten times as long to pickle.
Outcome = tuple[str, "recompute.Update | None", "tuple[str, int, str] | None"]
# path, --set, --lang, force, --check, the language said in
Job = tuple[str, "Answers", str | None, bool, bool, str]


def _one(job: Job) -> Outcome:
    name, sets, lang, force, check, said = job
    try:
        update = recompute.update(Path(name), sets, lang, force=force, said_in=said, check=check)
    except SocialreadyError as exc:  # sent back as plain data: it may cross a process boundary
        return name, None, _said(exc, said)
    if check:  # nothing is written: the new text need not cross back to the command
        update = update._replace(new_text="")
    return name, update, None


def _said(exc: SocialreadyError, lang: str) -> tuple[str, int, str]:
    """A plan's failure as plain data: its message, exit code and count in the summary."""
    return exc.render(lang), int(exc.exit_code), _failure(exc)


def _failure(exc: SocialreadyError) -> str:
    """What the summary says of a plan not done: refused (hand edits), not written, not read."""
    if isinstance(exc, HandEdited):
        return "refused"
    return "unwritten" if isinstance(exc, files.WriteFailed) else "unreadable"


RETRIES = 5  # a plan another socialready rewrote meanwhile is read and recomputed again


def _write(
    path: Path,
    update: recompute.Update,
    sets: Answers,
    lang: str | None,
    force: bool,
    said: str,
    prepared: files.Prepared | None = None,
) -> recompute.Update:
    """Write the recomputed plan (`prepared`: its new text already flushed beside it). When
    another socialready wrote it since it was read (a review recorded while this one waited
    for the plan's lock), read it again and recompute, so that its change is kept as well; any
    other change is left as it is, and said."""
    for _ in range(RETRIES):
        try:
            if prepared is None:
                prepared = files.prepare(path, update.new_text, bom=update.bom)
            files.commit(prepared, expect=update.digest)
            return update
        except files.ChangedMeanwhile as exc:
            prepared = None
            if not exc.by_socialready:
                raise  # an edit by hand or another program: left as it is, and said
            again = recompute.update(path, sets, lang, force=force, said_in=said)
            if not (again.changed or again.formatting):
                return again  # already as `plan` would write it
            update = again
    files.write_text(path, update.new_text, expect=update.digest, bom=update.bom)
    return update


WRITERS = 4  # new texts flushed to disk at once: most of a write is waiting for the disk


def _written(
    outcomes: Iterator[Outcome], sets: Answers, lang: str | None, force: bool, said: str
) -> Generator[Outcome, None, None]:
    """Each outcome once its plan is written (if it changed), in order. The new texts are
    flushed to disk on a few threads while the next plans are recomputed; each plan is then
    checked and replaced on this thread, one at a time, the check right before the replace
    (an edit made meanwhile is never written over). When the command stops (Ctrl-C, an error),
    no other write starts, and what was flushed but not yet put in place is removed."""
    from collections import deque
    from concurrent.futures import ThreadPoolExecutor

    def prepare(path: Path, update: recompute.Update) -> files.Prepared | SocialreadyError:
        try:
            return files.prepare(path, update.new_text, bom=update.bom)
        except SocialreadyError as exc:  # said when its plan's turn comes
            return exc

    def write(outcome: Outcome, prepared: files.Prepared | SocialreadyError) -> Outcome:
        name, update, _ = outcome
        assert update is not None
        try:
            if isinstance(prepared, SocialreadyError):
                raise prepared
            return name, _write(Path(name), update, sets, lang, force, said, prepared), None
        except SocialreadyError as exc:
            return name, update, _said(exc, said)

    pending: deque[tuple[Outcome, Future[files.Prepared | SocialreadyError] | None]] = deque()
    writers = ThreadPoolExecutor(
        WRITERS,
        thread_name_prefix="write",
        initializer=files.hold_signals,  # Ctrl-C: not here
    )

    def next_done() -> Outcome:
        outcome, future = pending[0]
        prepared = None if future is None else future.result()
        pending.popleft()
        if prepared is None:
            return outcome
        try:
            return write(outcome, prepared)
        finally:
            if isinstance(prepared, files.Prepared):
                files.discard(prepared)  # put in place, or not to be: no temporary file stays

    try:
        for outcome in outcomes:
            update = outcome[1]
            if update is not None and (update.changed or update.formatting):
                pending.append((outcome, writers.submit(prepare, Path(outcome[0]), update)))
            else:
                pending.append((outcome, None))
            while pending and (len(pending) > 2 * WRITERS or _done(pending[0][1])):
                yield next_done()
        while pending:
            yield next_done()
    finally:
        with _ctrl_c_waits():
            writers.shutdown(wait=False, cancel_futures=True)  # no other write starts
            if isinstance(outcomes, Generator):
                outcomes.close()  # the worker processes end now, before the pool replaces any
            writers.shutdown(wait=True)
            for _, future in pending:  # flushed, never put in place: removed
                if future is not None and not future.cancelled():
                    prepared = future.result()
                    if isinstance(prepared, files.Prepared):
                        files.discard(prepared)


@contextlib.contextmanager
def _ctrl_c_waits() -> Iterator[None]:
    """Another Ctrl-C let pass while the command cleans up (a stop, an error, or the end): the
    workers ended and what was flushed but not put in place removed, a few seconds at most. It
    would cut that short, and leave the flushed new texts beside their plans."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the command's thread sets how a signal is handled
        return
    handler = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.SIG_DFL if handler is None else handler)


def _done(item: Future[files.Prepared | SocialreadyError] | None) -> bool:
    return item is None or item.done()


def _outcomes(jobs: list[Job]) -> Generator[Outcome, None, None]:
    """Each plan recomputed, in order; a large folder is spread over the machine's cores."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if len(jobs) < PARALLEL_FROM or (cores or 1) < 2:
        yield from map(_one, jobs)
        return
    import multiprocessing

    method = start_method()
    context = multiprocessing.get_context(method)
    folders = _folders(jobs)
    others = set(multiprocessing.active_children())  # not the pool's: never ended by `end`
    pool = None
    if method == "fork":  # the loaded modules and data, shared: no collection in a worker walks
        gc.freeze()  # them, which would copy every page that holds one
    if method != "fork" and sys.platform != "win32":
        # Its tracker of named semaphores is started first: starting it unblocks Ctrl-C, which
        # must stay held (blocked, so kept for later) while the workers start.
        from multiprocessing import resource_tracker

        with _quiet_children():
            resource_tracker.ensure_running()
    try:
        with _signals_held(method), _quiet_children():
            pool = context.Pool(cores, initializer=_worker, initargs=(os.getpid(), folders, method))
        yield from pool.imap(_one, jobs, chunksize=max(1, len(jobs) // (4 * (cores or 1))))
    finally:
        with _ctrl_c_waits():
            if pool is not None:  # all done, or Ctrl-C, or an error: no worker outlives the command
                end(pool, others)
            if method == "fork":
                gc.unfreeze()


def _folders(jobs: list[Job]) -> set[Path]:
    """Where the command flushes new texts: each plan's folder, and that of the file a symbolic
    link names (the text is flushed beside the file it replaces). For --check, none."""
    if any(job[4] for job in jobs):
        return set()
    links = [job[0] for job in jobs if os.path.islink(job[0])]
    return {Path(job[0]).parent for job in jobs} | {Path(os.path.realpath(n)).parent for n in links}


END_WAIT = 5.0  # seconds the workers and the pool's threads are given to end


def end(pool: Pool, others: set[BaseProcess], wait: float = END_WAIT) -> None:
    """The workers ended, and the pool with them: Pool.terminate is given `wait` seconds. It can
    wait forever on a thread of its own: when a worker is ended while it holds the lock of the
    queue that results go back through (a large plan, a full pipe), the pool's last message to
    itself never gets that lock. Then the workers still there (every process started since, but
    `others`) are killed, and the pool's threads (daemons) end with the command."""
    import multiprocessing

    def terminate() -> None:
        pool.terminate()
        pool.join()

    ending = threading.Thread(target=terminate, name="end-pool", daemon=True)
    ending.start()
    ending.join(wait)
    if ending.is_alive():
        for worker in set(multiprocessing.active_children()) - others:
            worker.kill()
            worker.join(wait)


def start_method() -> str:
    """How worker processes start: `fork` on Linux (they inherit the loaded modules and data),
    else `spawn` (Windows has no fork; on macOS fork is unsafe). SOCIALREADY_START_METHOD
    chooses one the platform has, so that the spawn path is tested on Linux too."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    asked = os.environ.get(START_METHOD, "").strip()
    if asked:
        if asked not in methods:
            raise BadInput(
                msg("not_one_of", where=START_METHOD, value=repr(asked), values=", ".join(methods))
            )
        return asked
    return "fork" if sys.platform == "linux" and "fork" in methods else "spawn"


@contextlib.contextmanager
def _signals_held(method: str) -> Iterator[None]:
    """Ctrl-C waits while the workers start, and they never see it. POSIX: blocked (a Ctrl-C
    meanwhile is delivered after), which a forked worker inherits until its initializer ignores
    it; a spawned one is started ignoring it too, which an exec keeps, so that it cannot die of
    it while it loads its modules (the pool would start another as the command ends). Windows:
    ignored while they start, which they inherit.

    SIGTERM is blocked too (POSIX), so that the pool's own threads, started meanwhile, never
    take it: a signal a thread takes is handled on the command's thread at once, even inside a
    plan's lock, where that thread holds it back (files.hold_signals) to finish the replace and
    remove the lock file first. The workers let both through again (_worker)."""
    if hasattr(signal, "pthread_sigmask"):
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        ignored = method != "fork"
        handler = signal.signal(signal.SIGINT, signal.SIG_IGN) if ignored else None
        try:
            yield
        finally:
            if ignored:
                signal.signal(signal.SIGINT, handler)
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
    elif sys.platform == "win32":
        import ctypes

        console = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
        console.SetConsoleCtrlHandler(None, True)
        try:
            yield
        finally:
            console.SetConsoleCtrlHandler(None, False)
    else:
        yield


@contextlib.contextmanager
def _quiet_children() -> Iterator[None]:
    """The processes started meanwhile write their errors nowhere: a spawned worker whose
    command is killed (kill -9) before it has read what to do, or multiprocessing's resource
    tracker finding the killed command's locks, would print a traceback or a warning."""
    stderr = os.dup(2)
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 2)
    os.close(quiet)
    try:
        yield
    finally:
        os.dup2(stderr, 2)
        os.close(stderr)


def _parent_alive(parent: int, method: str) -> bool:
    """A forked worker's parent is the command, and POSIX gives it a new one when the command
    is gone. Otherwise (Windows, whose processes keep their parent's number; a forkserver)
    the end of the pipe or process handle that multiprocessing keeps to the command tells;
    not for fork, where the workers forked later hold each other's ends open."""
    import multiprocessing

    if method == "fork":
        return os.getppid() == parent
    known = multiprocessing.parent_process()
    return known is not None and known.is_alive()


def _worker(parent: int, folders: set[Path], method: str) -> None:
    """A worker ignores Ctrl-C (the command reports it, once) and is ended by the command.
    When the command is gone (kill -9), it exits too, without a traceback, and removes the
    temporary file the command may have been writing."""
    from multiprocessing.util import Finalize

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # held while the pool started (_signals_held)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    os.dup2(os.open(os.devnull, os.O_WRONLY), 2)  # a broken pipe to a killed command: no noise

    def orphaned() -> None:
        deadline = time.monotonic() + 2  # the pipe can break a moment before the parent is gone
        while _parent_alive(parent, method) and time.monotonic() < deadline:
            time.sleep(0.01)
        if not _parent_alive(parent, method):
            files.remove_temporary_files(folders, parent)

    def watch() -> None:
        while _parent_alive(parent, method):
            time.sleep(0.2)
        orphaned()
        os._exit(1)

    Finalize(None, orphaned, exitpriority=10)  # a worker leaves its loop only when orphaned
    threading.Thread(target=watch, daemon=True).start()


def run(paths: list[Path], *, sets: list[str], check: bool, force: bool, lang: str | None) -> int:
    """Exit code: 0 all up to date (or written), 1 --check found work, 2 a plan was unusable."""
    qs = questionnaire.load()
    set_answers = answers_mod.parse_sets(qs, sets)
    plans = files.plan_paths(paths)
    if not plans:
        raise BadInput(msg("plan.no_plans", paths=", ".join(map(str, paths))))
    from socialready import catalog

    catalog.load()  # read once here, so that worker processes inherit it
    said = lang or locales.default_language()  # what is said of the plans, each in its own
    jobs = [(str(path), set_answers, lang, check or force, check, said) for path in plans]
    outcomes = _outcomes(jobs)
    if not check:
        outcomes = _written(outcomes, set_answers, lang, force, said)
    try:
        code, counts = _told(outcomes, check, said)
    except BaseException:  # Ctrl-C, SIGTERM, an error: the worker processes end now
        outcomes.close()
        raise
    sys.stderr.write(_summary(check, counts, said) + "\n")
    return int(code)


def _told(outcomes: Iterator[Outcome], check: bool, said: str) -> tuple[ExitCode, dict[str, int]]:
    """Each plan's outcome said as it comes: the exit code, and how many plans had which."""
    code = ExitCode.OK
    counts = dict.fromkeys(("changed", "unchanged", "unreadable", "unwritten", "refused"), 0)
    out: Out | None = None
    for path, update, error in outcomes:
        if error is not None or update is None:
            from socialready.output import terminal

            not_done = FileProblem(path, msg("plan.not_recomputed"))
            message, exit_code, kind = error or (
                not_done.render(said),
                ExitCode.BAD_INPUT,
                "unreadable",
            )
            terminal.error(message, said)
            code = max(code, ExitCode(exit_code))
            counts[kind] += 1
            continue
        if update.hashtags:
            from socialready.output import terminal

            terminal.message(update.hashtags, style="yellow")
        if not update.changed:
            counts["unchanged"] += 1
            if update.formatting:
                from socialready.output import terminal

                which = "plan.formatting_check" if check else "plan.formatting"
                what = text(f"layout.{update.formatting}", said)
                terminal.message(text(which, said, path=path, what=what))
            continue
        counts["changed"] += 1
        from socialready.output import terminal

        out = out or terminal.console()  # one for the run: a folder may change every plan
        label = text("plan.would_change" if check else "plan.updated", said, path=path)
        terminal.changes(label, update.changes, said, out)
        if update.moved_to_notes:
            from socialready.planfile.document import edited_field

            fields = ", ".join(
                text("plan.comment_lines", said) if field == "comments"
                else edited_field(field, said)
                for field in update.moved_to_notes
            )  # fmt: skip
            moved = "plan.would_move" if check else "plan.moved"
            terminal.message(text(moved, said, fields=fields))
        if check:
            code = max(code, ExitCode.CHANGES)
    return code, counts


def _summary(check: bool, counts: dict[str, int], said: str) -> str:
    """One line, the parts that are not zero: "3 plans updated, 1 plan could not be written"."""
    named = {
        "changed": "would_change" if check else "updated",
        "unchanged": "up_to_date" if check else "already_up_to_date",
    }
    parts = [
        text(f"plan.summary.{named.get(part, part)}", said, n=n) for part, n in counts.items() if n
    ]
    return ", ".join(parts) + "."
