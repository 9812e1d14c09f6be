"""`socialready questions`: the questionnaire to read, or as an answers template."""

from __future__ import annotations

import sys

from socialready import questionnaire
from socialready.errors import ExitCode
from socialready.output import streams


def run(fmt: str, lang: str) -> int:
    """`text` (a readable list) or `yaml` (an answers template in `lang`)."""
    if fmt == "yaml":
        from socialready.wizard import template

        text = template.answers_template(questionnaire.load(), lang)
        if not streams.utf8(sys.stdout):  # a file made with `>` is read back as UTF-8: ASCII is
            text = streams.plain(text, "ascii")
        sys.stdout.write(text)
    else:
        from socialready.output import terminal

        terminal.questions(questionnaire.load(), lang)
    return int(ExitCode.OK)
