"""Start-up: the detector's vocabulary (nearly a million characters of regex) is compiled when the bot is built to
capture messages, not when a module imports it. `giveback digest` runs as a fresh process many times a day and
never detects anything, so it must not pay seconds of CPU for regexes it won't use."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Counts the characters of regex source compiled by each step, in a fresh interpreter.
_PROBE = """
import json, re, sys
compiled = [0]
real_compile = re.compile
def counting(pattern, flags=0):
    compiled[0] += len(pattern) if isinstance(pattern, (str, bytes)) else 0
    return real_compile(pattern, flags)
re.compile = counting
steps = {}
import bot.cli, bot.digest_cli  # all that `giveback digest` loads
steps["import"] = compiled[0]
from slack_sdk import WebClient
from bot.capture import CaptureService
from bot.settings import Settings
CaptureService(settings=Settings(), db=None, slack=WebClient(), directory=None, background=None, clock=None)
steps["capture service"] = compiled[0] - steps["import"]
from bot.detector import detect_thanks
assert [t.user_id for t in detect_thanks("thanks <@U1> for the review", "U2")] == ["U1"]
steps["first detection"] = compiled[0] - steps["import"] - steps["capture service"]
print(json.dumps(steps))
"""


def _regex_source_compiled_by_step() -> dict[str, int]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], cwd=ROOT, capture_output=True, text=True, check=False, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_the_vocabulary_compiles_when_a_capture_service_is_built_not_at_import() -> None:
    steps = _regex_source_compiled_by_step()
    # The small regexes of the bot and its libraries: about 110,000 characters, and the detector's share of them twice
    # when a native build answers (its module and the pure-Python one each ask `re` for them; the second mostly from
    # `re`'s cache).
    assert steps["import"] < 300_000
    assert steps["capture service"] > 800_000  # the whole vocabulary, before the first message arrives …
    assert steps["first detection"] == 0  # … so the first message does not wait for it
