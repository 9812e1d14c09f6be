"""Measure how fast socialready starts and checks plans, against bare Typer where that is fair.

Six figures, in one run (--only takes some of them):

1. `socialready --help` against a minimal two-command Typer app (ratio; target <= 1.1x),
   and, like for like, against the same app set up as socialready's is (no rich help).
2. `socialready plan --check PLAN` on one plan against a one-command Typer app that does
   nothing with its argument (ratio; target <= 1.2x).
3. `socialready plan --check FOLDER` on folders of generated plans (default 10, 100 and 1,000):
   wall time and cost per plan (target: 1,000 plans <= 5 s).
   cpu: 1,000 plans `--check` in CPU seconds against one no-op Typer start (target <= 18x),
   and `plan DIR` rewriting 200 edited plans against `--check` of that folder (target <= 1.3x),
   with what the write itself costs a plan (flushing the new text, the lock, the replace); on
   Linux, the same again in a folder in memory (/dev/shm), which tells the disk's part.
4. Time until `socialready assess` shows its first question in a real pseudo-terminal
   (target <= 300 ms), beside the same for a Typer command that only asks that question.
5. Which heavy libraries (PyYAML, rich, questionary, icalendar, ...) each quick command loads.

Compared commands run interleaved (A B A B ...) after one warm-up run each; each time is the
median of --runs runs, and each ratio the median of the ratios within a round. Runs are timed
with time.perf_counter around the subprocess. Everything runs with this script's Python, with
bytecode cached in the temporary directory as an installed package would have it. Run it from
the project's virtual environment:

    python scripts/benchmark.py [--runs 15] [--sizes 10,100,1000] [--start-methods fork,spawn]
                                [--only folders]

It always exits 0: it is a measurement, not a test. Figures over their target say OVER TARGET.
"""

from __future__ import annotations

import argparse
import fcntl
import itertools
import json
import os
import random
import re
import resource
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from socialready.questionnaire import Questionnaire

HELP_TARGET = 1.1
CHECK_TARGET = 1.2
CPU_TARGET = 18.0  # 1,000 plans --check, in CPU seconds of one no-op Typer start
WRITE_TARGET = 1.3  # plan DIR rewriting every plan, against --check of the same folder
FOLDER_TARGET = (1000, 5.0)  # (plans, seconds)
PROMPT_TARGET_MS = 300.0
PROMPT_TEXT = "What is your organisation called?"
PROMPT_TIMEOUT = 15.0

MINIMAL_HELP_APP = """\
import typer

app = typer.Typer()


@app.command()
def a() -> None: ...


@app.command()
def b() -> None: ...


app()
"""

# The same app with the settings socialready's own app uses, so that neither loads rich for help.
PLAIN_HELP_APP = MINIMAL_HELP_APP.replace(
    "typer.Typer()",
    "typer.Typer(add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False)",
)

MINIMAL_ONE_COMMAND_APP = """\
import typer

app = typer.Typer()


@app.command()
def main(path: str) -> None: ...


app()
"""

# The floor for the first question: Typer and questionary loaded, one prompt, nothing else,
# run as socialready runs its prompts (without the SIGINT handler that loads ctypes).
MINIMAL_PROMPT_APP = f"""\
import typer

app = typer.Typer()


@app.command()
def main() -> None:
    import questionary

    questionary.text({PROMPT_TEXT!r}).application.run(handle_sigint=False)


app()
"""

ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Za-z0-9]|[\x00-\x08\x0b-\x1f]")

Command = list[str]


class MeasurementError(Exception):
    """A command failed, so its timing would mean nothing."""


def socialready_command() -> Command:
    """The installed `socialready` script next to this Python, else `python -m socialready`."""
    script = shutil.which("socialready", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "socialready"]


def run_once(command: Command, env: dict[str, str], cwd: Path) -> float:
    """Seconds one run of the command takes; a non-zero exit is a MeasurementError."""
    start = time.perf_counter()
    result = subprocess.run(
        command,
        env=env,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        stderr = result.stderr.decode("utf-8", "replace").strip()
        raise MeasurementError(f"{' '.join(command)} exited {result.returncode}: {stderr}")
    return elapsed


Samples = list[float]


def interleaved(timers: Sequence[Callable[[], float]], runs: int) -> list[Samples]:
    """Seconds of each timer in each round, run A B A B ... after one warm-up run each."""
    for timer in timers:
        timer()
    samples: list[Samples] = [[] for _ in timers]
    for _ in range(runs):
        for timer, timings in zip(timers, samples, strict=True):
            timings.append(timer())
    return samples


def paired_ratio(ours: Samples, theirs: Samples) -> float:
    """Median of the ratios within each round: a machine that speeds up or slows down between
    rounds (as shared machines do) moves both sides of a round together."""
    return statistics.median(a / b for a, b in zip(ours, theirs, strict=True))


def ms(samples: Samples) -> str:
    return f"{statistics.median(samples) * 1000:.0f} ms"


def command_timer(command: Command, env: dict[str, str], cwd: Path) -> Callable[[], float]:
    return lambda: run_once(command, env, cwd)


def over(value: float, target: float) -> str:
    return "  OVER TARGET" if value > target else ""


def ratio_line(label: str, ours: Samples, theirs: Samples, target: float) -> str:
    ratio = paired_ratio(ours, theirs)
    return (
        f"{label}: socialready {ms(ours)} / minimal Typer {ms(theirs)}"
        f" = {ratio:.2f}x (target <= {target:g}x){over(ratio, target)}"
    )


def base_env(work: Path) -> dict[str, str]:
    """The environment every command runs in: English, a fresh home and state directory.

    Bytecode is cached under `work` (the warm-up runs write it, the repo stays untouched), as an
    installed package has it; with PYTHONDONTWRITEBYTECODE set, every run would compile the
    project's modules from source again.
    """
    home = work / "home"
    home.mkdir(exist_ok=True)
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        {
            "SOCIALREADY_LANG": "en",
            "HOME": str(home),
            "XDG_STATE_HOME": str(home / "state"),
            "TERM": "xterm-256color",
            "PYTHONPYCACHEPREFIX": str(work / "pycache"),
        }
    )
    return env


def write_app(folder: Path, name: str, source: str) -> Path:
    path = folder / name
    path.write_text(source, encoding="utf-8")
    return path


# Plans


def random_answers(qs: Questionnaire, rng: random.Random, index: int) -> dict[str, object]:
    """Valid answers to every question, varied with the seeded random generator."""
    given: dict[str, object] = {"organisation.name": f"Org {index}"}
    for question in qs.questions:
        values = question.values
        if question.kind == "one":
            given[question.key] = rng.choice(values)
        elif question.kind == "many":  # non-empty where the question needs at least one
            chosen = set(rng.sample(values, rng.randint(question.min_selected, len(values))))
            given[question.key] = [value for value in values if value in chosen]
        elif question.kind in ("number", "integer"):
            given[question.key] = rng.randint(int(question.minimum), int(question.maximum))
        elif question.kind == "yesno":
            given[question.key] = rng.random() < 0.5
        elif question.kind == "channels":  # a few current channels, each used as it may be
            works = question.field("works").values
            given[question.key] = {
                channel: {
                    "posts_per_week": rng.choice((None, 0, 1, 3, 7)),
                    "works": rng.choice(works),
                }
                for channel in rng.sample(values, rng.randint(0, 3))
            }
    return given


def write_plans(folder: Path, count: int, seed: int) -> None:
    """`count` plan files in `folder`, made with the library (not the CLI) for speed."""
    from socialready import answers, questionnaire
    from socialready.planfile.document import Plan, build, write

    qs = questionnaire.load()
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        filled = answers.with_defaults(qs, random_answers(qs, rng, index))
        language = rng.choice(("en", "nl"))
        try:
            document = build(Plan(filled, language))
        except Exception as exc:  # e.g. a text missing from rules.yaml: report it, go on
            raise MeasurementError(f"could not build a {language} plan: {exc!r}") from exc
        write(folder / f"org-{index:04d}.yaml", document)


# The measurements


def measure_help(work: Path, env: dict[str, str], runs: int) -> list[str]:
    """The ratio asked for, and one against a Typer app set up like socialready's (no rich)."""
    minimal = write_app(work, "minimal_help.py", MINIMAL_HELP_APP)
    plain = write_app(work, "plain_help.py", PLAIN_HELP_APP)
    ours, theirs, plain_typer = interleaved(
        [
            command_timer([*socialready_command(), "--help"], env, work),
            command_timer([sys.executable, str(minimal), "--help"], env, work),
            command_timer([sys.executable, str(plain), "--help"], env, work),
        ],
        runs,
    )
    return [
        ratio_line("--help", ours, theirs, HELP_TARGET),
        ratio_line(
            "--help, like for like (Typer without rich help)", ours, plain_typer, HELP_TARGET
        ),
    ]


def measure_check_one(work: Path, env: dict[str, str], runs: int) -> str:
    folder = work / "one"
    write_plans(folder, 1, seed=1)
    plan_file = str(next(folder.glob("*.yaml")))
    minimal = write_app(work, "minimal_one.py", MINIMAL_ONE_COMMAND_APP)
    ours, theirs = interleaved(
        [
            command_timer([*socialready_command(), "plan", "--check", plan_file], env, work),
            command_timer([sys.executable, str(minimal), plan_file], env, work),
        ],
        runs,
    )
    return ratio_line("plan --check 1 plan", ours, theirs, CHECK_TARGET)


def measure_folders(
    work: Path, env: dict[str, str], runs: int, sizes: list[int], methods: list[str]
) -> list[str]:
    """One line per folder size (and start method), then how the cost per plan changes as the
    folder grows. Start methods given are timed interleaved, size by size."""
    medians: dict[str, dict[int, float]] = {method: {} for method in methods or [""]}
    lines = []
    for size in sizes:
        folder = work / f"plans-{size}"
        write_plans(folder, size, seed=size)
        command = [*socialready_command(), "plan", "--check", str(folder)]
        timers = [
            command_timer(command, {**env, "SOCIALREADY_START_METHOD": method}, work)
            for method in medians
        ]
        for method, samples in zip(medians, interleaved(timers, runs), strict=True):
            medians[method][size] = statistics.median(samples)
            label = f" [{method}]" if method else ""
            lines.append(folder_line(size, medians[method][size]) + label)
    for method, by_size in medians.items():
        lines.append(per_plan_line(by_size) + (f" [{method}]" if method else ""))
    return lines


def folder_line(size: int, seconds: float) -> str:
    plans, limit = FOLDER_TARGET
    target = f"; target <= {limit:g} s" if size == plans else ""
    flag = over(seconds, limit) if size == plans else ""
    return (
        f"plan --check {size} plans: {seconds:.2f} s "
        f"({seconds / size * 1000:.1f} ms/plan{target}){flag}"
    )


def per_plan_line(medians: dict[int, float]) -> str:
    """Average cost per plan at each size, and the marginal cost between consecutive sizes."""
    sizes = sorted(medians)
    parts = [f"{size}: {medians[size] / size * 1000:.1f}" for size in sizes]
    line = "per-plan cost (ms/plan): " + ", ".join(parts)
    marginal = [
        f"{small}->{big}: {(medians[big] - medians[small]) / (big - small) * 1000:.2f}"
        for small, big in itertools.pairwise(sizes)
    ]
    if marginal:
        line += "; marginal " + ", ".join(marginal)
    return line


def time_to_prompt(command: Command, work: Path, env: dict[str, str]) -> float:
    """Seconds from starting `command` in a pseudo-terminal to the first question showing."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        cwd=work,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    try:
        return read_until_prompt(master, start)
    finally:
        process.kill()
        process.wait()
        os.close(master)


def read_until_prompt(master: int, start: float) -> float:
    """Read the terminal until the first question shows; answer cursor-position queries."""
    output = b""
    while time.perf_counter() - start < PROMPT_TIMEOUT:
        ready, _, _ = select.select([master], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        if b"\x1b[6n" in chunk:  # a real terminal reports where the cursor is
            os.write(master, b"\x1b[1;1R")
        output += chunk
        if PROMPT_TEXT.encode() in ANSI.sub(b"", output):
            return time.perf_counter() - start
    text = ANSI.sub(b"", output).decode("utf-8", "replace").strip()
    raise MeasurementError(f"no {PROMPT_TEXT!r} within {PROMPT_TIMEOUT:g} s; saw: {text[-500:]}")


def measure_prompt(work: Path, env: dict[str, str], runs: int) -> str:
    """Against the least any Typer app with a questionary prompt takes: one that only asks."""
    folder = work / "assess"
    folder.mkdir()
    minimal = write_app(work, "minimal_prompt.py", MINIMAL_PROMPT_APP)
    ours, floor = interleaved(
        [
            lambda: time_to_prompt([*socialready_command(), "assess"], folder, env),
            lambda: time_to_prompt([sys.executable, str(minimal)], folder, env),
        ],
        runs,
    )
    ours_ms = statistics.median(ours) * 1000
    return (
        f"assess first prompt in a terminal: {ours_ms:.0f} ms "
        f"(target <= {PROMPT_TARGET_MS:g} ms){over(ours_ms, PROMPT_TARGET_MS)}; "
        f"a Typer command that only asks it with questionary: {ms(floor)}, "
        f"so {paired_ratio(ours, floor):.2f}x the least Typer and questionary take"
    )


# Running


def cpu_once(command: Command, env: dict[str, str], cwd: Path, ok: tuple[int, ...]) -> float:
    """CPU seconds (user and system, the command and its workers) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        command, env=env, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, check=False,
    )  # fmt: skip
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode not in ok:
        stderr = result.stderr.decode("utf-8", "replace").strip()
        raise MeasurementError(f"{' '.join(command)} exited {result.returncode}: {stderr}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def measure_cpu(work: Path, env: dict[str, str], runs: int) -> list[str]:
    """1,000 plans checked, in CPU time against one no-op Typer start; and a folder rewritten
    (every plan's answers edited) against checking that same folder."""
    folder = work / "cpu-1000"
    write_plans(folder, 1000, seed=1000)
    minimal = write_app(work, "minimal_cpu.py", MINIMAL_ONE_COMMAND_APP)
    check = [*socialready_command(), "plan", "--check", str(folder)]
    noop = [sys.executable, str(minimal), "x"]
    ours = statistics.median(cpu_once(check, env, work, (0,)) for _ in range(max(runs // 3, 1)))
    floor = statistics.median(cpu_once(noop, env, work, (0,)) for _ in range(runs))
    ratio = ours / floor
    lines = [
        f"plan --check 1000 plans: {ours:.2f} CPU s = {ratio:.1f}x one no-op Typer start "
        f"({floor * 1000:.0f} ms; target <= {CPU_TARGET:g}x){over(ratio, CPU_TARGET)}"
    ]
    lines.append(measure_write(work, env, runs))
    memory = Path("/dev/shm")  # Linux: a folder in memory, where writing costs no disk
    if memory.is_dir() and os.access(memory, os.W_OK):
        with tempfile.TemporaryDirectory(prefix="socialready-bench-", dir=memory) as temp:
            lines.append(measure_write(Path(temp), env, runs, where=" in memory (/dev/shm)"))
    return lines


def measure_write(folder: Path, env: dict[str, str], runs: int, where: str = "") -> str:
    """200 plans rewritten (every plan's answers edited) in `folder`, against checking them."""
    stale = folder / "write-200"
    write_plans(stale, 200, seed=200)
    originals = {path: path.read_text("utf-8") for path in stale.glob("*.yaml")}

    def edited() -> None:
        for path, text in originals.items():
            path.write_text(
                re.sub(r"(?m)^(    hours_per_week:) .*$", r"\1 7.5", text, count=1), "utf-8"
            )
        if hasattr(os, "sync"):  # on disk before either command runs: the first flush of
            os.sync()  # `plan DIR` would otherwise write out these edits too, and be charged

    writes, checks = [], []
    for _ in range(max(runs // 3, 1)):
        edited()
        start = time.perf_counter()
        cpu_once([*socialready_command(), "plan", "--check", str(stale)], env, folder, (1,))
        checks.append(time.perf_counter() - start)
        start = time.perf_counter()
        cpu_once([*socialready_command(), "plan", str(stale)], env, folder, (0,))
        writes.append(time.perf_counter() - start)
    ratio = statistics.median(writes) / statistics.median(checks)
    per_write = (statistics.median(writes) - statistics.median(checks)) / len(originals) * 1000
    target = f"(target <= {WRITE_TARGET:g}x){over(ratio, WRITE_TARGET)}" if not where else ""
    return (
        f"plan DIR rewriting 200 plans{where}: {statistics.median(writes):.2f} s, {ratio:.2f}x "
        f"--check of the same folder {target}; "
        f"{per_write:.2f} ms a plan for the write itself (flush, lock, replace)"
    ).replace(" ;", ";")


HEAVY = ("yaml", "rich", "questionary", "prompt_toolkit", "icalendar", "holidays", "filelock")
MODULES_PROBE = """\
import json, sys
sys.argv = ["socialready", *json.loads(sys.argv[1])]
from socialready.cli import main
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})), file=sys.stderr)
"""


def measure_modules(work: Path, env: dict[str, str]) -> list[str]:
    """Which heavy libraries each quick command loads: each should load only what it uses."""
    plan = work / "modules-plan.yaml"
    shutil.copy(Path(__file__).resolve().parent.parent / "plans" / "bakery.yaml", plan)
    cases = {
        "--help": ["--help"],
        "plan --check PLAN": ["plan", "--check", str(plan)],
        "show PLAN": ["show", str(plan)],
        "calendar PLAN": ["calendar", str(plan)],
    }
    lines = []
    for label, args in cases.items():
        result = subprocess.run(
            [sys.executable, "-c", MODULES_PROBE, json.dumps(args)],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        try:
            modules = set(json.loads(result.stderr.strip().splitlines()[-1]))
        except (ValueError, IndexError):
            raise MeasurementError(f"{label}: no module list ({result.stderr[-200:]!r})") from None
        heavy = ", ".join(sorted(modules & set(HEAVY))) or "none"
        lines.append(f"modules loaded by {label}: {heavy}")
    try:
        import yaml

        lines.append(f"PyYAML with libyaml: {'yes' if yaml.__with_libyaml__ else 'NO (slower)'}")
    except ImportError:
        lines.append("PyYAML: not installed")
    return lines


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=15, help="timed runs per figure (default 15)")
    parser.add_argument(
        "--sizes",
        type=sizes_arg,
        default=[10, 100, 1000],
        help="plans per folder, comma-separated (default 10,100,1000)",
    )
    parser.add_argument(
        "--start-methods",
        type=lambda text: [part.strip() for part in text.split(",") if part.strip()],
        default=[],
        help="time the folders under each of these worker start methods, e.g. fork,spawn "
        "(default: the one socialready picks)",
    )
    parser.add_argument(
        "--only",
        choices=["help", "check", "folders", "cpu", "prompt", "modules"],
        action="append",
        help="take only this figure (repeatable; default all)",
    )
    return parser.parse_args(argv)


def sizes_arg(text: str) -> list[int]:
    try:
        sizes = sorted({int(part) for part in text.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a list of numbers") from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("give positive numbers, e.g. 10,100,1000")
    return sizes


def report(measure: Callable[[], str | list[str]]) -> None:
    """Print one measurement's lines, or why it could not be taken."""
    try:
        result = measure()
    except MeasurementError as exc:
        print(f"FAILED: {exc}")
        return
    for line in [result] if isinstance(result, str) else result:
        print(line, flush=True)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    runs: int = max(args.runs, 1)
    print(f"{sys.executable}: median of {runs} runs after one warm-up each", flush=True)
    with tempfile.TemporaryDirectory(prefix="socialready-bench-") as temp:
        work = Path(temp)
        env = base_env(work)
        only = set(args.only or ["help", "check", "folders", "cpu", "prompt", "modules"])
        if "help" in only:
            report(lambda: measure_help(work, env, runs))
        if "check" in only:
            report(lambda: measure_check_one(work, env, runs))
        if "folders" in only:
            report(lambda: measure_folders(work, env, runs, args.sizes, args.start_methods))
        if "cpu" in only:
            report(lambda: measure_cpu(work, env, runs))
        if "prompt" in only:
            report(lambda: measure_prompt(work, env, runs))
        if "modules" in only:
            report(lambda: measure_modules(work, env))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
