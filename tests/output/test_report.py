"""`output/report.py`: Markdown that gives back the user's text as typed, whatever it holds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from socialready.output.report import md
from tests.strategies import examples


@settings(deadline=None, max_examples=examples(300))
@given(
    st.lists(
        st.sampled_from(list("\\`*_[]()<>&|~!#+-=.:>'\" \n\t1aZ")) | st.sampled_from(
            ["<script>", "</b>", "&amp;", "&#x41;", "[x](y)", "![i](u)", "**", "~~", "---",
             "1.", "1)", "    code", "> q", "# h", "| a | b |", "http://x.nl", "<http://x>"]
        ),
        max_size=12,
    ).map("".join)
)  # fmt: skip
def test_markdown_escaping_gives_back_the_text_as_typed(text: str) -> None:
    """Whatever the text, markdown-it reads our escaped form as that text: plain characters
    and our own line breaks, nothing else (no HTML, emphasis, links, code or entities)."""
    parser = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    tokens = parser.parse(md(text))
    inline = [token for token in tokens if token.type == "inline"]
    assert [token.type for token in tokens if token.type != "inline"] in (
        [],
        ["paragraph_open", "paragraph_close"],
    ), tokens
    shown = ""
    for child in inline[0].children or [] if inline else []:
        if child.type == "html_inline":
            assert child.content == "<br>"
            shown += "\n"
        elif child.type in ("softbreak", "hardbreak"):
            shown += "\n"
        else:
            assert child.type == "text", child
            shown += child.content
    expected = "\n".join(line.strip() for line in text.splitlines()).strip() or "—"
    assert shown.strip() == expected.strip()


def test_a_command_in_a_sentence_is_code_and_a_users_backticks_are_kept() -> None:
    """The plan's own sentence names a command as code; a note with backticks shows them."""
    from socialready.output.report import sentence

    parser = MarkdownIt("commonmark")
    ours = parser.renderInline(sentence("Run `socialready review` in *March*"))
    assert ours == "Run <code>socialready review</code> in *March*"
    theirs = parser.renderInline(md("Ask `Anna` about `the_photos`"))
    assert theirs == "Ask `Anna` about `the_photos`"
    odd = parser.renderInline(sentence("a `x|y` and `<b>`"))
    assert odd == "a `x|y` and `&lt;b&gt;`"  # only a command or a key becomes code


def test_each_channel_in_use_is_counted_in_the_readers_words() -> None:
    """The answers at the report's end: '1 bericht per week', '0,5 feedberichten per week',
    each channel counted by its own word, as the plan counts it: a newsletter's issues."""
    from socialready import questionnaire
    from socialready.output.report import _channels_md

    question = questionnaire.load().question("channels.current")
    value = {
        "facebook": {"posts_per_week": 1, "works": "so_so"},
        "instagram": {"posts_per_week": 0.5, "works": "well"},
        "newsletter": {"posts_per_week": 1, "works": "well"},
        "youtube": {"works": "dormant"},
    }
    nl = _channels_md(question, value, "nl")
    assert "Facebook (1 bericht per week; Matig)" in nl
    assert "Instagram (0,5 feedberichten per week; " in nl
    assert "Nieuwsbrief (1 editie per week; " in nl
    assert "YouTube (hoe vaak onbekend; " in nl
    en = _channels_md(question, value, "en")
    assert "(1 post a week; " in en and "(1 issue a week; " in en and "(how often not known; " in en
