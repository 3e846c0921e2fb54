"""`giveback detect` as a real process: JSON Lines in, one JSON line out per input, in order."""

from __future__ import annotations

import json
import subprocess
import sys


def detect(stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "detect"], input=stdin, capture_output=True, text=True, timeout=60, check=False
    )


def test_detect_streams_answers_in_order_and_names_bad_lines() -> None:
    lines = [
        {"author": "U1", "text": "thanks <@U2> for the quick review!", "thread_parent_author": None},
        "not json",
        {"author": "U1", "text": "thank you!", "thread_parent_author": "U3"},
        {"author": "U1", "text": "<@U2> can you merge? thanks in advance", "thread_parent_author": None},
    ]
    stdin = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n"
    result = detect(stdin)
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["thanked"] for a in answers] == [["U2"], [], ["U3"], []]
    assert "error" in answers[1]
    assert "line 2" in result.stderr
    assert result.returncode == 1


def test_detect_exits_0_when_every_line_is_fine() -> None:
    result = detect(json.dumps({"author": "U1", "text": "ty <@U9>", "thread_parent_author": None}) + "\n")
    assert result.returncode == 0
    assert json.loads(result.stdout)["thanked"] == ["U9"]
