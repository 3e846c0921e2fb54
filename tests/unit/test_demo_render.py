"""The demo's Block Kit → text renderer: mentions, entities, emphasis, and each block type."""

from __future__ import annotations

from bot.demo.render import Names, blocks, message, mrkdwn

NAMES = Names(users={"U0ALICE": "Alice"}, channels={"C0ENG": "eng"})


def test_mentions_channels_links_and_entities_become_readable_text() -> None:
    text = "*<@U0ALICE>* fixed it in <#C0ENG> · <https://x.example/pr/1|the PR> &lt;3 &amp; more"
    assert mrkdwn(text, NAMES) == "@Alice fixed it in #eng · the PR <3 & more"


def test_escaped_markup_a_person_typed_stays_literal() -> None:
    assert mrkdwn("&lt;!channel&gt; &lt;@U0ALICE&gt;", NAMES) == "<!channel> <@U0ALICE>"


def test_unknown_ids_fall_back_to_the_label_or_the_id() -> None:
    assert mrkdwn("<@U0BOB|bob> <@U0CAROL> <#C0X|ops> <!here>", NAMES) == "@bob @U0CAROL #ops @here"


def test_italics_and_bold_markers_are_dropped_only_around_words() -> None:
    assert mrkdwn("Ask them: _“How can I support you?”_ and *now*", NAMES) == (
        "Ask them: “How can I support you?” and now"
    )
    assert mrkdwn("snake_case_name stays, 2*3*4 too", NAMES) == "snake_case_name stays, 2*3*4 too"


def test_block_types() -> None:
    lines = blocks(
        [
            {"type": "header", "text": {"type": "plain_text", "text": "Digest"}},
            {
                "type": "section",
                "text": {"type": "mrkdwn", "text": "Hi <@U0ALICE>"},
                "accessory": {"type": "button", "text": {"type": "plain_text", "text": "Undo"}},
            },
            {"type": "divider"},
            {
                "type": "actions",
                "elements": [
                    {"type": "button", "text": {"type": "plain_text", "text": "I asked them"}},
                    {"type": "button", "text": {"type": "plain_text", "text": "Snooze"}},
                ],
            },
            {
                "type": "context",
                "elements": [{"type": "mrkdwn", "text": "in <#C0ENG>"}, {"type": "plain_text", "text": "today"}],
            },
            {"type": "video"},
        ],
        NAMES,
    )
    assert lines == [
        "DIGEST",
        "══════",
        "Hi @Alice  [ Undo ]",
        "─" * 40,
        "[ I asked them ] [ Snooze ]",
        "in #eng · today",
        "[video block]",
    ]


def test_a_message_without_blocks_shows_its_text_wrapped() -> None:
    lines = message({"text": "word " * 30}, NAMES, width=40)
    assert len(lines) > 1 and all(len(line) <= 40 for line in lines)
