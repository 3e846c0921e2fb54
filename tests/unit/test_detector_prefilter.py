"""The detector's pre-filter only saves work: with it and without it, every answer is the same.

Most Slack traffic has no word of thanks and is rejected by the pre-filter before any markup is parsed.
The pre-filter's vocabulary is derived from the scan's cue phrases, so this checks the derivation (and
the text it is run on) against every labelled file, the generated benchmark traffic, and random glue of
markup, vocabulary and the spellings normalisation changes (decomposed letters, vowel marks, italics,
code, quotes, emoji with skin tones).
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from pathlib import Path

import pytest

from bench.traffic import generate_messages
from bot import detector

# The pure-Python detector, whichever one answers bot.detector.detect_thanks: these tests replace its helpers,
# and the native build's own calls never see such replacements.
detect_thanks = detector.python_detect_thanks

DATA = Path(__file__).resolve().parent.parent / "data"
LABELLED_FILES = sorted(p.name for p in DATA.glob("thanks_*.jsonl"))

PIECES = [
    "<@U1>",
    "<@U2|bob>",
    "<@U3>",
    "<!here>",
    "<https://x.io/thanks|thank-you page>",
    "<https://x.io|🙏>",
    "thanks",
    "Thank you",
    "_thanks_",
    "*thank you*",
    "~ty~",
    "`thanks`",
    "```thanks <@U1>```",
    "&gt; thanks <@U2>\n",
    "\n",
    "ty",
    "thx",
    "TYSM",
    "cheers",
    "kudos to",
    "props to",
    "h/t",
    "shout-out",
    "much appreciated",
    "I owe you one",
    "you saved me",
    "lifesaver",
    "in advance",
    "no thanks",
    "thanks to",
    "for the review",
    "that worked",
    "can you merge?",
    "especially",
    "and",
    ",",
    "!",
    ".",
    ":pray:",
    ":pray::skin-tone-4:",
    ":raised_hands:",
    "🙏🏽",
    "🙇‍♀️",
    "🙌",
    ":roll_eyes:",
    "<@U1>++",
    "merci",
    "gracias",
    "danke",
    "obrigado",
    "dziękuję",
    "teşekkürler",
    "спасибо",
    "ευχαριστώ",
    "شكراً",
    "شُكراً",
    "תודה",
    "ありがとう",
    "谢谢",
    "감사합니다",
    "धन्यवाद",
    "ขอบคุณ",
    "cảm ơn",
    "terima kasih",
    "the build is green",
    "standup in 5",
]


def _detect_without_prefilter(monkeypatch: pytest.MonkeyPatch, rows: list[tuple[str, str, str | None]]) -> list:
    with monkeypatch.context() as m:
        m.setattr(detector, "_may_contain_thanks", lambda text: True)
        return [detect_thanks(*row) for row in rows]


def _assert_same_answers(monkeypatch: pytest.MonkeyPatch, rows: list[tuple[str, str, str | None]]) -> None:
    with_prefilter = [detect_thanks(*row) for row in rows]
    without = _detect_without_prefilter(monkeypatch, rows)
    differ = [(row[0], a, b) for row, a, b in zip(rows, with_prefilter, without, strict=True) if a != b]
    assert not differ, differ[:5]


def _load(name: str) -> list[tuple[str, str, str | None]]:
    with (DATA / name).open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return [(r["text"], r["author"], r["thread_parent_author"]) for r in rows]


@pytest.mark.parametrize("name", LABELLED_FILES)
def test_prefilter_changes_no_answer_on_labelled_files(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    rows = _load(name)
    # The same messages decomposed (as some clients send accented letters) must read the same.
    rows += [(unicodedata.normalize("NFD", text), author, parent) for text, author, parent in rows]
    _assert_same_answers(monkeypatch, rows)


def test_prefilter_changes_no_answer_on_generated_traffic(monkeypatch: pytest.MonkeyPatch) -> None:
    messages = generate_messages(3000, seed=7)
    _assert_same_answers(monkeypatch, [(m["text"], m["author"], m["thread_parent_author"]) for m in messages])


def test_prefilter_changes_no_answer_on_random_glue(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(3)
    rows = []
    for _ in range(3000):
        text = " ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 8)))
        if rng.random() < 0.3:
            text = text.replace(" ", "")
        rows.append((text, "UAUTHOR", rng.choice([None, "UPARENT"])))
    _assert_same_answers(monkeypatch, rows)


def test_prefilter_rejects_chatter() -> None:
    """The check above would pass with a pre-filter that lets everything through."""
    for text in ["standup in 5", "<@U1> can you review my PR?", "the `thanks_email` job failed", "lunch?"]:
        assert not detector._may_contain_thanks(detector._prepare(text)), text
    assert detector._may_contain_thanks(detector._prepare("thanks <@U1>"))


def test_prefilter_reads_ascii_text_as_it_reads_any_text() -> None:
    """ASCII messages (most traffic) go through a pre-filter regex of their own: it must pass exactly the
    messages the general one passes. A non-ASCII line in front sends the same text down the general path."""
    rng = random.Random(11)
    ascii_pieces = [p for p in PIECES if p.isascii()] + ["thanksgiving", "typo", "++", "+", ":", ":prayer", "c++"]
    texts = []
    for _ in range(3000):
        text = rng.choice([" ", "", ":", "(", "\n"]).join(rng.choice(ascii_pieces) for _ in range(rng.randint(1, 5)))
        texts.append(text.upper() if rng.random() < 0.2 else text)
    passed = 0
    for text in texts:
        verdict = detector._may_contain_thanks(detector._prepare(text))
        assert verdict == detector._may_contain_thanks(detector._prepare("\u00e9\n" + text)), text
        passed += verdict
    assert 0 < passed < len(texts)


def test_fast_word_start_class_is_the_word_start_class() -> None:
    """The scan and the pre-filter test word starts with a class split at U+FFFF (faster for the engine): it must
    hold exactly the characters of _WORD_START, over every code point."""
    every = "".join(map(chr, range(0x110000)))
    wanted = re.findall(detector._WORD_START, every)
    assert len(wanted) > 1000
    assert re.findall(detector._WORD_START_FAST, every) == wanted


def _detect_without_shortcut(monkeypatch: pytest.MonkeyPatch, rows: list[tuple[str, str, str | None]]) -> list:
    with monkeypatch.context() as m:
        m.setattr(detector, "_nobody_to_thank", lambda text, author, parent: False)
        return [detect_thanks(*row) for row in rows]


def test_nobody_to_thank_shortcut_changes_no_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    """A message with no mention and no thread parent (or one in its author's own thread) is answered before any
    other work: the full path must have found nobody in it either, on the labelled files and on random glue."""
    rows = [row for name in LABELLED_FILES for row in _load(name)]
    rng = random.Random(5)
    for _ in range(3000):
        text = " ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 8)))
        rows.append((text, "UAUTHOR", rng.choice([None, "", "UAUTHOR", "UPARENT"])))
    rows += [(text.replace("<@", "<#"), author, None) for text, author, _ in rows]  # no mention left
    shortcut = [detect_thanks(*row) for row in rows]
    full = _detect_without_shortcut(monkeypatch, rows)
    assert [(row[0], a, b) for row, a, b in zip(rows, shortcut, full, strict=True) if a != b] == []
    skipped = [row for row in rows if detector._nobody_to_thank(*row)]
    assert len(skipped) > 1000  # the shortcut was taken …
    assert any(
        detect_thanks(text.replace("<#", "<@"), author, parent) for text, author, parent in skipped if "<#" in text
    )  # … including for messages that thank someone once their mentions are back
