"""The `socialready` command and `python -m socialready`: the CLI, with fewer collections.

Loading Typer and socialready makes tens of thousands of objects that live until the command
ends. At Python's default threshold the cyclic garbage collector walks them again and again
while they load, about a tenth of a `plan --check` of one plan. A higher threshold collects
less often (cyclic garbage is still collected); what is loaded is then frozen, out of every
later collection's way. When the command ends, what it made is frozen too: the collection at
exit would only walk what the process is about to give back (every file is closed by then).
"""

import gc

# Objects allocated between two young collections (Python's default: 700): more than loading
# Typer and the command line makes (about 22,000), so that no collection walks them before they
# are frozen; one at 20,000 cost about 3 ms, nearly all of it in that walk.
THRESHOLD = 50_000


def run() -> None:
    gc.set_threshold(THRESHOLD, *gc.get_threshold()[1:])
    from socialready.cli import main

    gc.freeze()
    try:
        main()
    finally:
        gc.freeze()


if __name__ == "__main__":
    run()
