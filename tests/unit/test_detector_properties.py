"""Properties of the thanks detector on arbitrary and adversarial text (hypothesis).

No timing here (timings are in bench/bench_detector.py): linear work is shown structurally — the
detector reads at most MAX_CHARS characters, so anything appended after them changes nothing.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import detector
from bot.detector import MAX_CHARS, Thanks, detect_thanks

USERS = [f"U{i:03d}" for i in range(8)]
_MENTION = re.compile(r"<@([A-Z0-9]+)(?=[|>])")

# Pieces of real Slack markup and thanks vocabulary, glued together at random, find far more edge
# cases than random characters alone.
PIECES = [
    *(f"<@{u}>" for u in USERS),
    *(f"<@{u}|name>" for u in USERS[:2]),
    "<!here>",
    "<!channel>",
    "<!subteam^S1|@eng>",
    "<#C1|general>",
    "<https://x.io/thanks|thank-you page>",
    "<https://x.io>",
    "thanks",
    "Thank you",
    "ty",
    "thx",
    "tysm",
    "cheers",
    "kudos to",
    "props",
    "shout-out to",
    "h/t",
    "much appreciated",
    "I owe you one",
    "you saved me",
    "lifesaver",
    "in advance",
    "TIA",
    "no thanks",
    "thanks but no thanks",
    "good, thanks",
    "thanks to",
    "'s script we lost data",
    "for the review",
    "for introducing me to",
    "cc",
    "can you merge?",
    "please",
    "everyone",
    "especially",
    ":pray:",
    ":pray::skin-tone-4:",
    "🙏🏽",
    "🙇‍♂️",
    ":roll_eyes:",
    "/s",
    "&gt;",
    "&gt;&gt;&gt;",
    "&amp;",
    "&lt;",
    "`",
    "```",
    "*",
    "_",
    "~",
    "gracias",
    "merci",
    "danke",
    "спасибо",
    "谢谢",
    "ありがとう",
    "감사합니다",
    "धन्यवाद",
    "شكراً",
    "תודה",
    "cảm ơn",
    "ευχαριστώ",
    "ขอบคุณ",
    "Thanksgiving",
    "thankless",
    "thanks_email",
    "++",
    "<",
    ">",
    "|",
    "@",
    "\n",
    " ",
    ", ",
    ". ",
    "! ",
    "? ",
]

slack_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=40).map(" ".join)
any_text = st.one_of(slack_text, st.text(max_size=300))
user = st.sampled_from(USERS)
parent = st.one_of(st.none(), user)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text, author=user, thread_parent=parent)
def test_never_raises_and_answers_only_mentioned_people_or_the_parent(
    text: str, author: str, thread_parent: str | None
) -> None:
    found = detect_thanks(text, author, thread_parent)
    assert isinstance(found, tuple)
    assert all(isinstance(t, Thanks) for t in found)
    ids = [t.user_id for t in found]
    allowed = set(_MENTION.findall(text)) | ({thread_parent} if thread_parent else set())
    assert set(ids) <= allowed
    assert author not in ids
    assert len(ids) == len(set(ids))
    for t in found:
        assert t.reason is None or (0 < len(t.reason) <= 120 and "<@" not in t.reason)


@settings(max_examples=150, deadline=None)
@given(text=slack_text, author=user, thread_parent=parent)
def test_is_deterministic(text: str, author: str, thread_parent: str | None) -> None:
    assert detect_thanks(text, author, thread_parent) == detect_thanks(text, author, thread_parent)


@settings(max_examples=40, deadline=None)
@given(head=slack_text, junk=st.sampled_from(["🙏🏽", "<@U001> ", "thanks <@U002>! ", "<<<@", "&gt;", "`"]))
def test_reads_only_the_first_max_chars(head: str, junk: str) -> None:
    text = (head + " " * MAX_CHARS)[:MAX_CHARS]
    tail = junk * (1_000_000 // len(junk))
    assert detect_thanks(text + tail, "U000", "U001") == detect_thanks(text, "U000", "U001")


@settings(max_examples=10, deadline=None)
@given(unit=st.sampled_from(["🙏🏽", ":pray::skin-tone-2:", "<@U001>", "<<@U001|>>", "thanks ", "? ", "`"]))
def test_adversarial_repetition_is_answered(unit: str) -> None:
    text = unit * (100_000 // len(unit))
    found = detect_thanks(text, "U000", None)
    assert {t.user_id for t in found} <= {"U001"}


@pytest.mark.parametrize(
    ("text", "parent", "thanked"),
    [
        ("thanks <@U001>" + " " * 40_000, None, ["U001"]),  # a pattern's two \s* shared the spaces every way
        ("<@U001> thanks " + "thanks " * 5_700, None, ["U001"]),  # "you <did>" was searched for from the start per cue
        ("ty" + "🙏" * 40_000, "U001", ["U001"]),  # the text before each cue was stripped to see if it was all emoji
    ],
    ids=["spaces after a thanks", "thousands of thanks", "thousands of thanks emoji"],
)
def test_long_runs_that_were_quadratic_are_answered(text: str, parent: str | None, thanked: list[str]) -> None:
    # Each took seconds to tens of seconds in pure Python (quadratic); linear now (bench/bench_detector.py times them).
    assert [t.user_id for t in detect_thanks(text, "U000", parent)] == thanked


def test_thousands_of_mentions_in_one_thanks() -> None:
    mentions = " ".join(f"<@U{i:05d}>" for i in range(5_000))
    found = detect_thanks("thanks " + mentions, "UAUTHOR")
    # A list of people after a thanks is read up to 50 names; a real message never thanks more.
    assert [t.user_id for t in found] == [f"U{i:05d}" for i in range(50)]


def test_thousands_of_thanks_in_one_message() -> None:
    # Every "thanks <@U…>!" pair counts once more in the model's sum: 5,000 of them must not overflow its probability
    # (a math range error inside the message handler) and the answer is still people of the message, in its order.
    people = [f"U{i:08d}" for i in range(5_000)]
    text = " ".join(f"thanks <@{u}>!" for u in people)
    scores = detector.model_scores(text, "UAUTHOR")
    assert len(scores) == 20 and all(0.0 <= p <= 1.0 for _, p in scores)
    found = [t.user_id for t in detect_thanks(text, "UAUTHOR")]
    assert found and found == [u for u in people if u in set(found)]


def test_nested_and_broken_markup() -> None:
    text = "<" * 20_000 + "@U001>" + ">" * 20_000 + " thanks <@U002|<@U003>> ```<@U004>"
    found = detect_thanks(text, "U000")
    assert {t.user_id for t in found} <= {"U001", "U002", "U003", "U004"}


_SENT_RUN = re.compile(r"[!?。！？؟\n.]+")
_ABBREVIATION = re.compile(r"(?:\besp|\bincl|\bvs|\be\.g|\bi\.e)$")


def _reference_sentence_starts(low: str) -> list[int]:
    """Sentence starts spelled out rule by rule (the detector folds the rules into one regex)."""
    starts = [0]
    for m in _SENT_RUN.finditer(low):
        if m.group().strip("."):  # a ! ? or newline in the run
            starts.append(m.end())
        elif m.end() < len(low) and not low[m.end()].isspace():
            continue  # "v1.2", "acme.io"
        elif not _ABBREVIATION.search(low, max(0, m.start() - 5), m.start()):  # not "esp. <@A>"
            starts.append(m.end())
    return starts


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(
        st.sampled_from(["a", "b", " ", ".", "!", "?", "\n", "。", "！", "esp", "e.g", "i.e", "vs", "incl", "v1", "…"]),
        max_size=14,
    ).map("".join)
)
def test_sentence_starts_follow_the_rules(low: str) -> None:
    from bot.detector import _sentence_starts

    assert _sentence_starts(low) == _reference_sentence_starts(low)
