"""`giveback detect`: the thanks detector over JSON Lines, streaming.

Input, one object a line: `{"author": "U1", "text": "<raw Slack text>", "thread_parent_author": "U2" | null}`
(other keys, such as the `thanked` of a labelled file, are ignored).
Output, one object per input line, same order: `{"thanked": ["U3", …], "reasons": {"U3": "the review"}}`
(`reasons` holds only the users whose thanks gave a reason).

A malformed line gets `{"thanked": [], "error": "…"}` on stdout, so output stays aligned with input,
and `line N: …` on stderr; processing continues and the exit status is 1. Blank lines: a run of
blank lines at the very end of the input is ignored (editors add them); a blank line anywhere else
is malformed, because silently skipping it would shift every later answer by one.

Memory is constant in the number of lines: each line is answered and flushed before the next is
read (only the count of a run of blank lines is held back).
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from bot.detector import detect_thanks


class _Malformed(ValueError):
    pass


def _parse(line: str) -> tuple[str, str, str | None]:
    try:
        obj: Any = json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as e:
        raise _Malformed(f"invalid JSON: {e.msg} at column {e.colno}") from None
    except RecursionError:
        raise _Malformed("invalid JSON: nested too deeply") from None
    if not isinstance(obj, dict):
        raise _Malformed(f"expected a JSON object, got {type(obj).__name__}")
    author = obj.get("author")
    text = obj.get("text")
    parent = obj.get("thread_parent_author")
    if not isinstance(author, str) or not author:
        raise _Malformed('"author" must be a non-empty string')
    if not isinstance(text, str):
        raise _Malformed('"text" must be a string')
    if parent is not None and not isinstance(parent, str):
        raise _Malformed('"thread_parent_author" must be a string or null')
    return author, text, parent or None


def _answer(line: str) -> dict[str, Any]:
    author, text, parent = _parse(line)
    found = detect_thanks(text, author, parent)
    return {"thanked": [t.user_id for t in found], "reasons": {t.user_id: t.reason for t in found if t.reason}}


def run_detect(stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    """Answer every line of `stdin` on `stdout`; return 0 if all lines were well-formed, else 1."""
    reconfigure = getattr(stdin, "reconfigure", None)
    if reconfigure is not None:
        # Undecodable bytes become U+FFFD instead of aborting the whole stream mid-way.
        reconfigure(errors="replace")
    ok = True
    # Blank lines are consecutive, so "lines first..first+count-1 were blank" is all we hold back.
    blank_first, blank_count = 0, 0

    def emit(obj: dict[str, Any]) -> None:
        stdout.write(json.dumps(obj, ensure_ascii=True) + "\n")
        stdout.flush()

    def malformed(line_no: int, what: str) -> None:
        nonlocal ok
        ok = False
        stderr.write(f"line {line_no}: {what}\n")
        stderr.flush()
        emit({"thanked": [], "error": what})

    for line_no, line in enumerate(stdin, 1):
        if not line.strip():
            if blank_count == 0:
                blank_first = line_no
            blank_count += 1
            continue
        for blank in range(blank_first, blank_first + blank_count):
            malformed(blank, "blank line (only blank lines at the end of the input are ignored)")
        blank_count = 0
        try:
            emit(_answer(line))
        except _Malformed as e:
            malformed(line_no, str(e))
    return 0 if ok else 1
