"""Parsing /got and /gave text: people first, then the reason; every mistake explained."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.help_command import CommandProblem, HelpCommand, parse_help_command


def parse(text: str, direction: str = "got", actor: str = "UME", max_reason: int = 300):  # type: ignore[no-untyped-def]
    return parse_help_command(text, direction=direction, actor=actor, max_reason=max_reason)  # type: ignore[arg-type]


def test_several_people_and_a_reason() -> None:
    result = parse("<@UALICE|alice> <@UBOB|bob> for the intro to Sam")
    assert result == HelpCommand(direction="got", people=("UALICE", "UBOB"), reason="the intro to Sam")


def test_people_separated_by_commas_and_and() -> None:
    result = parse("<@UA>, <@UB> and <@UC>: reviewed the deck", direction="gave")
    assert isinstance(result, HelpCommand)
    assert result.people == ("UA", "UB", "UC")
    assert result.reason == "reviewed the deck"


def test_reason_is_stored_as_plain_text_with_markup_resolved() -> None:
    result = parse("<@UA> intro to <@US|sam> &amp; <#C1|eng> via <https://x.test/a|the doc>")
    assert isinstance(result, HelpCommand)
    assert result.reason == "intro to @sam & #eng via the doc (https://x.test/a)"


def test_no_reason_is_fine() -> None:
    assert parse("<@UA>") == HelpCommand(direction="got", people=("UA",), reason=None)


def test_duplicate_mentions_count_once() -> None:
    result = parse("<@UA> <@UA|a> thanks")
    assert isinstance(result, HelpCommand) and result.people == ("UA",)


def test_myself_among_others_is_dropped() -> None:
    result = parse("<@UME> <@UA> pairing")
    assert isinstance(result, HelpCommand) and result.people == ("UA",)


@pytest.mark.parametrize("text", ["", "   ", "help", "HELP", "?"])
def test_help_requests(text: str) -> None:
    result = parse(text)
    assert isinstance(result, CommandProblem) and result.is_help_request
    assert "/got @alice" in result.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<@UME> for nothing", "yourself"),
        ("<!subteam^S123|devs> for the launch", "user groups"),
        ("<!here> thanks all", "user groups"),
        ("@alice for the review", "@-menu"),
        ("for the review", "Mention at least one person"),
        ("great job <@UA>", "Start with the people"),
    ],
)
def test_problems_are_explained_with_an_example(text: str, expected: str) -> None:
    result = parse(text)
    assert isinstance(result, CommandProblem) and not result.is_help_request
    assert expected in result.message
    assert "Example:" in result.message


def test_reason_over_the_limit_is_refused() -> None:
    result = parse("<@UA> " + "x" * 301)
    assert isinstance(result, CommandProblem)
    assert "301 characters" in result.message
    assert isinstance(parse("<@UA> " + "x" * 300), HelpCommand)


@given(st.text(max_size=4000))
def test_any_text_gives_a_command_or_a_problem(text: str) -> None:
    result = parse(text)
    assert isinstance(result, HelpCommand | CommandProblem)
    if isinstance(result, HelpCommand):
        assert result.people and "UME" not in result.people
        assert result.reason is None or len(result.reason) <= 300
