"""The plan as one printable web page: the markdown report rendered, with its own stylesheet.

markdown-it-py comes with rich; it is imported here only, for `show --format html`. Raw HTML in
the report (and so in anything a user typed) is shown as text, never passed through.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from socialready.model import PlanDoc
from socialready.output import report
from socialready.text import text

if TYPE_CHECKING:
    from markdown_it.renderer import RendererHTML
    from markdown_it.token import Token
    from markdown_it.utils import EnvType, OptionsDict

STYLE = """
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       color: #1b1b1b; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; border-bottom: 2px solid #1b1b1b; padding-bottom: .3rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #bbb; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .3rem; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0; }
th, td { border: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
td:nth-child(n+2):not(:last-child) { white-space: nowrap; }
code { font: inherit; font-weight: 600; }
.dated { color: #555; margin-top: -.4rem; }
.overdue { color: #b00020; border: 1px solid #b00020; border-radius: 3px; padding: 0 .3em;
           text-transform: uppercase; font-size: .85em; letter-spacing: .03em; }
@page { size: A4; margin: 1.6cm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2, h3 { break-after: avoid; }
  table, li { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .overdue { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def page(document: PlanDoc, *, details: bool = False, today: dt.date | None = None) -> str:
    """A whole HTML document for A4, dated, nothing loaded from elsewhere, no script."""
    from markdown_it import MarkdownIt

    from socialready.output import reviews
    from socialready.planfile import schedule

    renderer = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
    # Keep "&lt;" typed by the user apart from the report's own <br> (markdown-it-py 3+).
    with contextlib.suppress(KeyError, ValueError):
        renderer.disable("text_join")
    renderer.add_render_rule("text", _text)
    renderer.add_render_rule("text_special", _text_special)
    body = renderer.render(report.markdown(document, details=details))
    lang = document["language"]
    late = html.escape(report.overdue_mark(lang), quote=False)
    body = body.replace(f"<strong>{late}</strong>", f'<strong class="overdue">{late}</strong>')
    dated = text("dated", lang, date=reviews.day(today or schedule.today(), lang))
    body = body.replace("</h1>\n", f'</h1>\n<p class="dated">{html.escape(dated)}</p>\n', 1)
    title = html.escape(text("plan_for", lang, name=document["organisation"]))
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"{body}</body>\n</html>\n"
    )


def _text(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """Plain text, escaped; the <br> the report puts for a line break in a note is one."""
    return "<br>\n".join(
        html.escape(part, quote=False) for part in tokens[idx].content.split("<br>")
    )


def _text_special(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """An entity or escaped character the user typed (&lt;br&gt; stays text)."""
    return html.escape(tokens[idx].content, quote=False)
