"""`giveback detect` (run_detect): JSON Lines in, one JSON line out per input line, in order."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from bot.detect_cli import run_detect

ROOT = Path(__file__).resolve().parents[2]


def _run(text: str) -> tuple[int, list[dict], str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_detect(io.StringIO(text), out, err)
    return code, [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue()


def _line(author: str, text: str, parent: str | None = None) -> str:
    return json.dumps({"author": author, "text": text, "thread_parent_author": parent}) + "\n"


def test_one_answer_per_line_in_order_with_reasons() -> None:
    code, out, err = _run(
        _line("U1", "thanks <@U2> for the quick review!")
        + _line("U1", "<@U2> standup in 5")
        + _line("U1", "thank you!", "U3")
    )
    assert code == 0 and err == ""
    assert out == [
        {"thanked": ["U2"], "reasons": {"U2": "the quick review"}},
        {"thanked": [], "reasons": {}},
        {"thanked": ["U3"], "reasons": {}},
    ]


def test_malformed_lines_are_reported_by_number_and_do_not_stop_the_stream() -> None:
    code, out, err = _run(
        "{not json\n"
        + _line("U1", "thanks <@U2>")
        + '["a list"]\n'
        + '{"author": "U1"}\n'
        + '{"author": "U1", "text": "hi", "thread_parent_author": 5}\n'
        + '{"author": "", "text": "thanks <@U2>"}\n'
        + _line("U1", "ty <@U4>")
    )
    assert code == 1
    assert [o["thanked"] for o in out] == [[], ["U2"], [], [], [], [], ["U4"]]
    assert ["error" in o for o in out] == [True, False, True, True, True, True, False]
    lines = err.splitlines()
    assert [line.split(":")[0] for line in lines] == ["line 1", "line 3", "line 4", "line 5", "line 6"]
    assert "JSON" in lines[0] and "object" in lines[1] and '"text"' in lines[2]
    assert "thread_parent_author" in lines[3] and '"author"' in lines[4]


def test_blank_lines_inside_the_input_are_malformed_but_trailing_ones_are_ignored() -> None:
    code, out, err = _run(_line("U1", "thanks <@U2>") + "\n" + _line("U1", "thanks <@U3>") + "\n\n")
    assert code == 1
    assert [o["thanked"] for o in out] == [["U2"], [], ["U3"]]
    assert err.startswith("line 2: blank line")
    code, out, err = _run(_line("U1", "thanks <@U2>") + "\n   \n")
    assert (code, len(out), err) == (0, 1, "")


def test_missing_parent_and_extra_keys_are_fine() -> None:
    code, out, _ = _run('{"author": "U1", "text": "thanks!", "thanked": ["U9"]}\n')
    assert code == 0 and out == [{"thanked": [], "reasons": {}}]


def test_empty_input_gives_empty_output() -> None:
    assert _run("") == (0, [], "")


def test_shared_examples_through_a_real_process() -> None:
    examples = (ROOT / "tests" / "data" / "thanks_examples.jsonl").read_text(encoding="utf-8")
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from bot.detect_cli import run_detect; "
            "sys.exit(run_detect(sys.stdin, sys.stdout, sys.stderr))",
        ],
        input=examples.encode("utf-8") + b'{"oops"\n',
        capture_output=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 1
    answers = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    rows = [json.loads(line) for line in examples.splitlines()]
    assert len(answers) == len(rows) + 1
    bots = {"U0AGVBK2Y3Z", "U0BDPLY3Z4A", "U0CJRBT4A5B"}
    for row, answer in zip(rows, answers, strict=False):
        assert sorted(set(answer["thanked"]) - bots) == sorted(row["thanked"]), row["text"]
    assert proc.stderr.decode().strip() == f"line {len(rows) + 1}: invalid JSON: Expecting ':' delimiter at column 8"


def test_undecodable_bytes_do_not_abort_the_stream() -> None:
    raw = b'{"author": "U1", "text": "thanks <@U2> \xff"}\n' + _line("U1", "thx <@U3>").encode()
    stdin = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8")
    out = io.StringIO()
    assert run_detect(stdin, out, io.StringIO()) == 0
    assert [json.loads(x)["thanked"] for x in out.getvalue().splitlines()] == [["U2"], ["U3"]]
