from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.slack_text import escape_mrkdwn, shorten, to_plain


def test_escape_makes_pings_and_links_inert() -> None:
    assert escape_mrkdwn("<!channel> & <https://evil|x>") == "&lt;!channel&gt; &amp; &lt;https://evil|x&gt;"


@given(st.text())
def test_escaped_text_has_no_markup_left(text: str) -> None:
    escaped = escape_mrkdwn(text)
    assert "<" not in escaped and ">" not in escaped


def test_to_plain_resolves_markup() -> None:
    assert (
        to_plain("<@U1|ann> in <#C1|eng>: <!here> see <https://a.b|doc> &lt;3")
        == "@ann in #eng: @here see doc (https://a.b) <3"
    )
    assert to_plain("<@U1>", {"U1": "ann"}) == "@ann"


def test_shorten_collapses_space_and_marks_the_cut() -> None:
    assert shorten("a  b\nc", 10) == "a b c"
    assert shorten("abcdefghijk", 5) == "abcd…"
