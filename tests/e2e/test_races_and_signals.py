"""A folder of plans under real pressure: edits while `plan` runs, Ctrl-C, kill -9, SIGTERM.
Each race runs the installed command in a subprocess, as a user or CI would."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from socialready.planfile import yamlio
from tests.conftest import command, editor_save, invoke, run_cli

pytestmark = pytest.mark.serial  # processes that race: nothing else of ours on the CPU
PLANS = 160  # above commands/plan.PARALLEL_FROM: spread over worker processes
MANY_CORES = len(os.sched_getaffinity(0)) >= 2 if hasattr(os, "sched_getaffinity") else False


def _folder(root: Path, text: str, count: int = PLANS) -> Path:
    folder = root / "plans"
    folder.mkdir()
    for number in range(count):
        (folder / f"p{number:03}.yaml").write_text(text, "utf-8")
    return folder


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _state(pid: int) -> str:
    """R running or ready to, S asleep, D in the disk, Z exited; "" for no such process."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return ""


def _running(pid: int) -> bool:
    return _state(pid) not in ("", "Z", "X")


def _none_running(pids: list[int], seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while [pid for pid in pids if _running(pid)] and time.monotonic() < deadline:
        time.sleep(0.01)
    return not [pid for pid in pids if _running(pid)]


@pytest.mark.usefixtures("start_method")
def test_edits_made_while_plan_runs_are_never_overwritten(isolated: Path, stale_plan: str) -> None:
    """Notes are edited in every plan, again and again, while `plan plans/` rewrites them:
    each file ends with the last edit made to it, or `plan` said it left that file alone."""
    folder = _folder(isolated, stale_plan)
    paths = sorted(folder.iterdir(), reverse=True)  # the last plans are written last
    process = subprocess.Popen(
        [*command(), "plan", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        text=True, env={**os.environ, "NO_COLOR": "1"},
    )  # fmt: skip
    last: dict[Path, str] = {}
    rounds = 0
    while process.poll() is None and rounds < 200:
        rounds += 1
        for path in paths:
            text = path.read_text("utf-8")
            mark = f"edit {rounds} of {path.name}"
            if "  notes: null\n" in text:
                text = text.replace("  notes: null\n", f"  notes: {mark}\n", 1)
            else:
                text = text.replace(f"  notes: edit {rounds - 1} of {path.name}\n",
                                    f"  notes: {mark}\n", 1)  # fmt: skip
            if mark in text:
                editor_save(path, text)
                last[path] = mark
    _, stderr = process.communicate(timeout=120)
    assert "Traceback" not in stderr
    lost = [path.name for path, mark in last.items() if mark not in path.read_text("utf-8")]
    assert not lost, f"edits lost in {len(lost)} of {len(last)} plans: {lost[:5]}"
    left = [line for line in stderr.splitlines() if "changed while socialready" in line]
    assert process.returncode == (2 if left else 0), stderr
    for line in left:
        assert line.startswith("Error: ") and "left as it is" in line
    assert not list(folder.glob(".*.tmp"))


def _rewritten(root: Path, text: str) -> str:
    """What `plan` writes over a plan of this text."""
    path = root / "rewritten.yaml"
    path.write_text(text, "utf-8")
    done = invoke("plan", str(path))
    assert done.returncode == 0, done.stderr
    assert path.read_text("utf-8") != text
    return path.read_text("utf-8")


def _start_folder_run(folder: Path) -> subprocess.Popen[str]:
    """`plan plans/` in its own process group, as a shell runs it; returns once workers run."""
    process = subprocess.Popen(
        [*command(), "plan", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        text=True, start_new_session=True, env={**os.environ, "NO_COLOR": "1"},
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while len(_children(process.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    return process


@pytest.mark.skipif(not MANY_CORES, reason="one core: plan runs without worker processes")
@pytest.mark.usefixtures("start_method")
def test_ctrl_c_during_a_folder_run_is_reported_once(isolated: Path, stale_plan: str) -> None:
    folder = _folder(isolated, stale_plan, 1500)
    process = _start_folder_run(folder)
    workers = _children(process.pid)
    assert workers, "no worker processes were started"
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole group
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr
    assert sum("Stopped (Ctrl-C)" in line for line in stderr.splitlines()) == 1, stderr
    assert _none_running(workers), "workers outlived the command"
    assert not list(folder.glob(".*.tmp")) and not list(folder.glob(".*.lock"))


@pytest.mark.skipif(not MANY_CORES, reason="one core: plan runs without worker processes")
@pytest.mark.usefixtures("start_method")
def test_kill_9_during_a_folder_run_leaves_no_workers_and_no_temporary_file(
    isolated: Path, stale_plan: str
) -> None:
    folder = _folder(isolated, stale_plan, 600)
    process = _start_folder_run(folder)
    workers = _children(process.pid)
    assert workers, "no worker processes were started"
    process.kill()
    _, stderr = process.communicate(timeout=60)
    assert "Traceback" not in stderr
    assert _none_running(workers, seconds=5), "workers outlived the command"
    assert not list(folder.glob(".*.tmp"))
    new = _rewritten(isolated, stale_plan)
    texts = {path.read_text("utf-8") for path in folder.iterdir()}
    assert texts <= {stale_plan, new}, "a plan is neither the old nor the new text"


@pytest.mark.skipif(not MANY_CORES, reason="one core: plan runs without worker processes")
@pytest.mark.usefixtures("start_method")
def test_kill_9_leaves_no_temporary_file_beside_a_linked_plans_file(
    isolated: Path, stale_plan: str
) -> None:
    """Plans that are symbolic links to files in another folder: the new text is flushed beside
    the file, there. After kill -9 the workers remove what the command left in that folder too."""
    files = isolated / "files"
    files.mkdir()
    folder = isolated / "links"
    folder.mkdir()
    for number in range(600):
        (files / f"p{number:03}.yaml").write_text(stale_plan, "utf-8")
        (folder / f"p{number:03}.yaml").symlink_to(files / f"p{number:03}.yaml")
    process = _start_folder_run(folder)
    workers = _children(process.pid)
    assert workers, "no worker processes were started"
    while not any(path.name.endswith(".tmp") for path in files.iterdir()):  # mid-write
        time.sleep(0.001)
    process.kill()
    process.communicate(timeout=60)
    assert _none_running(workers, seconds=5), "workers outlived the command"
    deadline = time.monotonic() + 5  # a worker sweeps a moment after the command is gone
    while list(files.glob(".*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not list(files.glob(".*.tmp")) and not list(folder.glob(".*.tmp"))
    assert all(path.is_symlink() for path in folder.iterdir())


def _review_answers(root: Path) -> Path:
    answers = root / "review-answers.yaml"
    answers.write_text("review:\n  hours_spent: 3\n  notes: from the race\n", "utf-8")
    return answers


def test_a_review_and_plan_racing_on_one_plan_both_keep_what_they_said(
    isolated: Path, stale_plan: str
) -> None:
    """`review --answers` and `plan --set` write the same plan at the same moment, again and
    again: whatever each says it did is in the file at the end, one of them did it, and the
    other (when the first changed the plan under it) said so."""
    plan = isolated / "p.yaml"
    plan.write_text(re.sub(r"(?m)^started: .*$", "started: 2026-03-02", stale_plan), "utf-8")
    answers = _review_answers(isolated)
    env = {**os.environ, "NO_COLOR": "1", "SOCIALREADY_TODAY": "2030-01-01"}
    recorded = updated = 0
    for round in range(12):
        day = f"2026-{4 + round // 4:02}-{1 + 7 * (round % 4):02}"
        hours = 4 + round
        review_args = [*command(), "review", str(plan), "--answers", str(answers), "--date", day,
                       "--defaults"]  # fmt: skip
        update_args = [*command(), "plan", str(plan), "--set", f"capacity.hours_per_week={hours}"]
        first, second = (review_args, update_args) if round % 2 else (update_args, review_args)
        # Each starts first by turns; in every third round the second starts once the first
        # is done, so that each also has its turn on a loaded machine, where the quicker
        # command would otherwise win every race.
        started: list[subprocess.Popen[str]] = []
        for args in (first, second):
            if started and round % 3 == 2:
                started[0].wait(timeout=60)
            started.append(
                subprocess.Popen(
                    args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env
                )
            )
        review, update = started if round % 2 else started[::-1]
        _, review_err = review.communicate(timeout=60)
        _, update_err = update.communicate(timeout=60)
        assert "Traceback" not in review_err + update_err
        document = yamlio.loads(plan.read_text("utf-8"), str(plan))
        dates = [str(entry["date"]) for entry in document["reviews"]]
        assert review.returncode == 0 or update.returncode == 0, review_err + update_err
        if update.returncode == 0:
            updated += 1
            assert document["answers"]["capacity"]["hours_per_week"] == hours
        else:
            assert update.returncode == 2 and "changed while socialready" in update_err
        if review.returncode == 0:
            recorded += 1
            assert day in dates, f"round {round}: the review said it was recorded: {dates}"
        else:
            assert review.returncode == 2 and "changed while socialready" in review_err
        assert not list(isolated.glob(".p.yaml*.lock")), "a lock file was left behind"
    assert recorded >= 1 and updated >= 1
    assert run_cli("plan", "--check", str(plan), env=env).returncode == 0


def _cpu(pid: int) -> int:
    """The clock ticks the process has run for (user and system)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])


def _waiting(process: subprocess.Popen[str], seconds: float = 60) -> bool:
    """Whether the process comes to wait for a lock, as a writer does (it tries again every
    10 ms, asleep in between): over 0.2 s it is seen asleep and runs for under 20 ms, and is
    still there. Starting and computing, it runs or waits for a CPU, and sleeps not at all."""
    deadline = time.monotonic() + seconds
    ticks = os.sysconf("SC_CLK_TCK") // 50  # 20 ms
    while process.poll() is None and time.monotonic() < deadline:
        ran, asleep = _cpu(process.pid), False
        for _ in range(20):
            asleep |= _state(process.pid) == "S"
            time.sleep(0.01)
        if asleep and _cpu(process.pid) - ran < ticks:
            return process.poll() is None
    return False


def test_a_writer_waits_for_the_one_holding_the_plan_and_then_keeps_its_change(
    isolated: Path, stale_plan: str
) -> None:
    """While one socialready holds a plan's lock (between its check and its rename), another
    waits; it then reads the plan again, keeps what the first wrote and adds its own."""
    import filelock

    from socialready import files

    plan = isolated / "p.yaml"
    plan.write_text(stale_plan, "utf-8")
    with filelock.FileLock(str(files.lock_path(plan))):
        update = subprocess.Popen(
            [*command(), "plan", str(plan), "--set", "capacity.hours_per_week=7"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "NO_COLOR": "1"},
        )  # fmt: skip
        assert _waiting(update), "the second writer did not wait for the lock"
        editor_save(plan, stale_plan.replace("  notes: null\n", "  notes: mine\n", 1))
    _, stderr = update.communicate(timeout=60)
    assert update.returncode == 0, stderr
    text = plan.read_text("utf-8")
    assert "notes: mine" in text and "hours_per_week: 7" in text
    assert not list(isolated.glob(".*.lock"))


def test_a_writer_that_waits_too_long_says_so_and_changes_nothing(
    isolated: Path, stale_plan: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process holds the plan's lock (a stuck socialready): after LOCK_WAIT the
    writer gives up with one message naming the lock file; the plan is as it was."""
    from socialready import files

    plan = isolated / "p.yaml"
    plan.write_text(stale_plan, "utf-8")
    lock = files.lock_path(plan)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import filelock, sys, time\n"
         "with filelock.FileLock(sys.argv[1]):\n print('held', flush=True)\n time.sleep(30)",
         str(lock)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        monkeypatch.setattr(files, "LOCK_WAIT", 0.5)
        read = files.read(plan)
        with pytest.raises(
            files.WriteFailed, match=r"another socialready .* \(lock file \.p\.yaml"
        ):
            files.write_text(plan, "socialready: 1\n", expect=read.digest)
        assert plan.read_text("utf-8") == stale_plan
        assert not list(isolated.glob(".p.yaml.*.tmp"))
    finally:
        holder.kill()
        holder.wait()


def test_python_dash_m_runs_a_folder_under_spawn(isolated: Path, stale_plan: str) -> None:
    """`python -m socialready`, as on Windows when the command is not on the PATH: spawned
    workers start from the package's __main__ module, not the installed command's script."""
    folder = _folder(isolated, stale_plan, 70)
    result = subprocess.run(
        [sys.executable, "-m", "socialready", "plan", str(folder)], capture_output=True,
        text=True, timeout=120, check=False,
        env={**os.environ, "NO_COLOR": "1", "SOCIALREADY_START_METHOD": "spawn"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "70 plans updated." in result.stderr
    assert not list(folder.glob(".*.tmp"))


def test_the_plan_lock_excludes_while_its_file_is_removed_after_each_use(isolated: Path) -> None:
    """Four processes take the lock of one plan 150 times each, as fast as they can: never two
    inside at once, although each holder removes the lock file before it lets go (a waiter
    that locked the removed file notices and takes the new one); none is left behind."""
    plan = isolated / "p.yaml"
    inside = isolated / "inside"
    script = (
        "import os, sys, time\n"
        "from pathlib import Path\n"
        "from socialready import files\n"
        "plan, inside = Path(sys.argv[1]), Path(sys.argv[2])\n"
        "for _ in range(150):\n"
        "    with files._one_writer(plan):\n"
        "        fd = os.open(inside, os.O_CREAT | os.O_EXCL | os.O_WRONLY)\n"
        "        time.sleep(0.0005)\n"
        "        os.close(fd)\n"
        "        os.unlink(inside)\n"
    )
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(plan), str(inside)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    errors = [worker.communicate(timeout=120)[1] for worker in workers]
    assert all(worker.returncode == 0 for worker in workers), errors
    assert not list(isolated.glob(".p.yaml*"))


LATE_SIGNAL = """\
import atexit, os, signal, sys
from socialready.__main__ import run


def late():  # as the interpreter cleans up after the command: the signal arrives in the middle
    os.kill(os.getpid(), signal.{name})
    sum(range(100_000))


atexit.register(late)
sys.argv = ["socialready", "schema"]
run()
"""


@pytest.mark.skipif(sys.platform == "win32", reason="os.kill ends a Windows process outright")
@pytest.mark.parametrize(("name", "code"), [("SIGTERM", 143), ("SIGINT", 130)])
def test_a_signal_while_the_command_exits_ends_it_without_a_traceback(
    tmp_path: Path, name: str, code: int
) -> None:
    """Once the command has said its last word, SIGTERM or Ctrl-C ends the process with the
    signal's exit code; raised inside the interpreter's clean-up (a lock's finalizer, an atexit
    function), it was printed as a traceback."""
    script = tmp_path / "late.py"
    script.write_text(LATE_SIGNAL.format(name=name))
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    assert '"$schema"' in result.stdout  # the command's own output is whole


EARLY_SIGNAL = """\
import importlib.abc, os, signal, sys


class Signal(importlib.abc.MetaPathFinder):  # as the command's own modules start to load
    def find_spec(self, name, path=None, target=None):
        if name == "socialready.cli":
            os.kill(os.getpid(), signal.{name})
        return None


sys.meta_path.insert(0, Signal())
sys.argv = ["socialready", "schema"]
from socialready.__main__ import run

run()
"""


@pytest.mark.skipif(sys.platform == "win32", reason="os.kill ends a Windows process outright")
@pytest.mark.parametrize(("name", "code"), [("SIGTERM", 143), ("SIGINT", 130)])
def test_a_signal_while_the_command_loads_ends_it_without_a_traceback(
    tmp_path: Path, name: str, code: int
) -> None:
    """Before the command has begun anything, SIGTERM or Ctrl-C ends it with the signal's exit
    code; Ctrl-C there printed a KeyboardInterrupt traceback from inside an import."""
    script = tmp_path / "early.py"
    script.write_text(EARLY_SIGNAL.format(name=name))
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == code, result.stderr
    assert result.stderr == "" and result.stdout == ""


CTRL_C_AT = """\
import os, signal, sys
from socialready.__main__ import run

calls = 0


def profile(frame, event, arg):  # Ctrl-C at the nth call of one function of socialready's
    global calls
    code = frame.f_code
    if event == "call" and code.co_name == {function!r} and code.co_filename.endswith({module!r}):
        calls += 1
        if calls == {nth}:
            os.kill(os.getpid(), signal.SIGINT)


sys.setprofile(profile)
sys.argv = ["socialready", *{args!r}]
run()
"""


@pytest.mark.skipif(sys.platform == "win32", reason="os.kill ends a Windows process outright")
@pytest.mark.parametrize(
    ("module", "function", "check"),
    [(module, function, check)
     for module, function in [("files.py", "read_bytes"), ("canonical.py", "read"),
                              ("rules/__init__.py", "generate"), ("canonical.py", "write")]
     for check in (True, False)]
    + [("files.py", "commit", False), ("files.py", "_current_digest", False)],
)  # fmt: skip
def test_ctrl_c_while_a_plan_is_worked_on_stops_the_run(
    isolated: Path, stale_plan: str, module: str, function: str, check: bool
) -> None:
    """A small folder is read, recomputed and written by the command's own process: Ctrl-C
    there, wherever it comes, stops the run with its one message. It was taken for a plan that
    could not be read ("Error: Stopped", and the run went on), or, while a plan was read
    another way, lost altogether."""
    folder = _folder(isolated, stale_plan, 5)
    args = ["plan", "--check", str(folder)] if check else ["plan", str(folder)]
    script = isolated / "ctrl_c.py"
    script.write_text(CTRL_C_AT.format(module=module, function=function, args=args, nth=2))
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=60, check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )  # fmt: skip
    assert result.returncode == 130, result.stderr
    stopped = "Stopped (Ctrl-C). Every file written so far is whole; run the command again for"
    assert result.stderr.splitlines() == [f"{stopped} the rest."], result.stderr  # nothing else
    assert "Error" not in result.stderr and "plans" not in result.stderr
    texts = [path.read_text("utf-8") for path in sorted(folder.glob("*.yaml"))]
    assert texts[2:] == [stale_plan] * 3, "the run went on after Ctrl-C"
    assert not list(folder.glob(".*.tmp"))


CTRL_C_TWICE = """\\
import os, signal, sys, threading, time
from socialready.__main__ import run

commits = 0


def in_end():  # Ctrl-C again once the command is ending the worker processes
    main = threading.main_thread().ident
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        frame = sys._current_frames().get(main)
        while frame is not None:
            code = frame.f_code
            if code.co_name == "end" and code.co_filename.endswith("plan.py"):
                os.kill(os.getpid(), signal.SIGINT)
                return
            frame = frame.f_back
        time.sleep(0.0001)


def profile(frame, event, arg):  # Ctrl-C as the second plan is put in place
    global commits
    code = frame.f_code
    if event == "call" and code.co_name == "commit" and code.co_filename.endswith("files.py"):
        commits += 1
        if commits == 2:
            threading.Thread(target=in_end, daemon=True).start()
            os.kill(os.getpid(), signal.SIGINT)


if __name__ == "__main__":  # not in a worker, which a spawn starts from this file
    sys.setprofile(profile)
    sys.argv = ["socialready", "plan", sys.argv[1]]
    run()
"""


@pytest.mark.skipif(sys.platform == "win32", reason="os.kill ends a Windows process outright")
@pytest.mark.usefixtures("start_method")
def test_a_second_ctrl_c_does_not_cut_the_clean_up_short(isolated: Path, stale_plan: str) -> None:
    """Ctrl-C, then Ctrl-C again as the worker processes are being ended: the second is let
    pass, the clean-up finishes. It stopped the clean-up where it came, and the new texts already
    flushed beside their plans stayed behind."""
    folder = _folder(isolated, stale_plan, 70)
    script = isolated / "twice.py"
    script.write_text(CTRL_C_TWICE)
    result = subprocess.run(
        [sys.executable, str(script), str(folder)], capture_output=True, text=True, timeout=60,
        check=False, env={**os.environ, "NO_COLOR": "1"},
    )  # fmt: skip
    assert result.returncode == 130, result.stderr
    stopped = "Stopped (Ctrl-C). Every file written so far is whole; run the command again for"
    assert result.stderr.splitlines() == [f"{stopped} the rest."], result.stderr
    assert not [path.name for path in folder.iterdir() if not path.name.endswith(".yaml")]


IN_A_CALLBACK = """\\
import os, signal, sys, weakref
from socialready.__main__ import run

refs = []


class Freed:
    pass


def profile(frame, event, arg):  # the signal, as a weak reference's callback runs
    code = frame.f_code
    if event == "call" and code.co_name == "commit" and code.co_filename.endswith("files.py"):
        sys.setprofile(None)
        freed = Freed()
        refs.append(weakref.ref(freed, lambda ref: os.kill(os.getpid(), signal.{name})))
        del freed


if __name__ == "__main__":
    sys.setprofile(profile)
    sys.argv = ["socialready", "plan", sys.argv[1]]
    run()
"""


@pytest.mark.skipif(sys.platform == "win32", reason="os.kill ends a Windows process outright")
@pytest.mark.parametrize(("name", "code"), [("SIGTERM", 143), ("SIGINT", 130)])
def test_a_signal_handled_inside_a_callback_still_stops_the_command(
    isolated: Path, stale_plan: str, name: str, code: int
) -> None:
    """A signal whose handler runs inside a weak reference's callback (importlib frees each
    import's lock that way) raised where Python prints "Exception ignored" and goes on: the
    command wrote every plan and exited 0, with a traceback. It is raised again, and stops it."""
    folder = _folder(isolated, stale_plan, 40)  # one process; longer than the stop's wait
    script = isolated / "callback.py"
    script.write_text(IN_A_CALLBACK.format(name=name))
    result = subprocess.run(
        [sys.executable, str(script), str(folder)], capture_output=True, text=True, timeout=60,
        check=False, env={**os.environ, "NO_COLOR": "1"},
    )  # fmt: skip
    assert result.returncode == code, result.stderr
    assert "Exception ignored" not in result.stderr and "Traceback" not in result.stderr
    texts = [path.read_text("utf-8") for path in sorted(folder.glob("*.yaml"))]
    assert texts[-1] == stale_plan, "the run went on"
    assert not [path.name for path in folder.iterdir() if not path.name.endswith(".yaml")]


def test_ctrl_c_is_said_in_the_language_of_the_session(isolated: Path, stale_plan: str) -> None:
    folder = _folder(isolated, stale_plan, 5)
    script = isolated / "ctrl_c.py"
    args = ["plan", "--check", str(folder)]
    ctrl_c = CTRL_C_AT.format(module="rules/__init__.py", function="generate", args=args, nth=2)
    script.write_text(ctrl_c)
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=60, check=False,
        env={**os.environ, "NO_COLOR": "1", "SOCIALREADY_LANG": "nl"},
    )  # fmt: skip
    assert result.returncode == 130, result.stderr
    assert result.stderr.splitlines() == [
        "Gestopt (Ctrl-C). Elk bestand dat al geschreven is, is heel; "
        "start de opdracht opnieuw voor de rest."
    ]


LATER = {"SOCIALREADY_TODAY": "2030-01-01"}  # a review date after the plan started has passed


def test_ctrl_c_while_a_review_is_written_keeps_its_answers(isolated: Path, plan_text: str) -> None:
    """Ctrl-C as `review` writes the plan: the answers are kept for --resume, as in the
    questions, and the plan is old or new, never half."""
    plan = isolated / "p.yaml"
    plan.write_text(re.sub(r"(?m)^started: .*$", "started: 2026-03-02", plan_text), "utf-8")
    args = ["review", str(plan), "--answers", str(_review_answers(isolated)), "--date",
            "2026-06-01", "--defaults"]  # fmt: skip
    script = isolated / "ctrl_c.py"
    script.write_text(CTRL_C_AT.format(module="files.py", function="write_text", args=args, nth=1))
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=60, check=False,
        env={**os.environ, "NO_COLOR": "1", **LATER},
    )  # fmt: skip
    assert result.returncode == 130, result.stderr
    assert "socialready review --resume" in result.stderr and "Traceback" not in result.stderr
    assert (
        "from the race"
        in run_cli("review", "--resume", "--defaults", env=LATER).stderr + plan.read_text()
    )
