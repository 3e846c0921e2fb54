from __future__ import annotations

from bot import ids
from bot.blocks.capture import build_confirmation, build_problem, build_undone, confirmation_text


def test_confirmation_names_people_and_escapes_the_reason() -> None:
    blocks = build_confirmation("got", ["UA", "UB"], "intro <!channel> & co", "got_command|T1")
    text = blocks[0]["text"]["text"]
    assert "<@UA> and <@UB> helped you" in text
    assert "<!channel>" not in text and "&lt;!channel&gt; &amp; co" in text
    button = blocks[1]["elements"][0]
    assert button["action_id"] == ids.UNDO_RECORD and button["value"] == "got_command|T1"


def test_gave_and_already_recorded_wording() -> None:
    text = confirmation_text("gave", ["UA", "UB", "UC"], None, already=True)
    assert text == "Noted: you helped <@UA>, <@UB> and <@UC>. (This was already recorded.)"


def test_undone_and_problem() -> None:
    assert "gone" in build_undone(2)[0]["text"]["text"]
    assert "nothing left" in build_undone(0)[0]["text"]["text"]
    assert build_problem("x")[0]["text"]["text"] == "x"
